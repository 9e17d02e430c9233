//! The Adobe Acrobat Sign plug-in: the client-id check, the GET verification
//! of intent, and the client-id echo on success.

use std::borrow::Cow;

use http::{HeaderValue, Response, StatusCode};

use super::{CLIENT_ID_HEADER, ClientId, Event, EventKind, ParticipantRole, Verifier};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{Authenticated, BodyShape, EventKinds, Plugin, empty_response, private};
use crate::tenant_id::TenantRequest;
use crate::{Error, Vendor};

/// The Adobe Acrobat Sign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct AdobeSign;

impl private::Sealed for AdobeSign {}

impl Plugin for AdobeSign {
    /// Adobe documents notification bodies up to 10 MB (conditional
    /// parameters are trimmed beyond it); 10 MiB holds them either way the
    /// "MB" is read.
    const MAX_BODY_SIZE: usize = 10 * 1024 * 1024;

    const VENDOR: Vendor = Vendor::AdobeSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts an answer without a 2xx and the client-id echo as failed, retries it at doubling intervals 15 times over 72 hours, then disables the webhook: notifications are lost until it is re-activated (a failed GET verification of intent leaves the webhook unregistered)",
    )
        .with_setup(super::sender::SETUP)
        .with_answer_check(super::sender::answer_check);
    type Verifier = Verifier;
    type Event = Event;
    type Confirmed = Event;

    /// `webhookNotificationId`, `webhookUrlInfo` or `webhookScope`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        ["webhookNotificationId", "webhookUrlInfo", "webhookScope"]
            .iter()
            .any(|key| shape.has(key))
    }

    /// Checks, and keeps the configured client id the request matched so
    /// that the success response can echo it, now or after a later parse.
    fn authenticate_part<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        _: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        let (index, verified) = verifier.check(incoming)?;
        let client_id = verifier.client_id(index).map(|id| id.0);
        Ok(Authenticated::whole(verified, incoming.body()).keeping(client_id))
    }

    /// The `X-AdobeSign-ClientId` header: the Acrobat Sign API application
    /// the notification is for (one per tenant), a routing hint for
    /// multi-tenant receivers. Not in the body: Adobe sends it beside it.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        let value = request.header(CLIENT_ID_HEADER)?;
        core::str::from_utf8(value).ok().map(str::to_owned)
    }

    fn parse(body: &[u8]) -> Result<Event, Error> {
        super::parse(body)
    }

    /// The notification, with the client id kept at authentication.
    fn parse_part(body: &[u8], kept: Option<&str>) -> Result<Event, Error> {
        let mut event = super::parse(body)?;
        event.client_id = kept.map(|id| ClientId(id.to_owned()));
        Ok(event)
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
    }

    /// `webhookNotificationId`, which Adobe documents as the way to spot
    /// duplicates; the whole typed notification when it is absent.
    fn dedup_key(event: &Event) -> DedupKey {
        match &event.webhook_notification_id {
            Some(id) if !id.is_empty() => {
                let mut hasher = Hasher::new(Vendor::AdobeSign);
                hasher.part(id.as_bytes());
                hasher.finish()
            }
            _ => DedupKey::from_json(Vendor::AdobeSign, event),
        }
    }

    /// Adobe's `event` (`AGREEMENT_WORKFLOW_COMPLETED`, …), as sent.
    fn kind_name(event: &Event) -> Cow<'_, str> {
        Cow::Borrowed(event.kind().as_str())
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        adobesign_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }

    /// 200 echoing the client id, both ways Adobe accepts: the
    /// `X-AdobeSign-ClientId` header and `{"xAdobeSignClientId": …}`.
    fn success_response(event: &Event) -> Response<Vec<u8>> {
        match &event.client_id {
            Some(id) => echo(id.as_str()),
            None => empty_response(StatusCode::OK),
        }
    }

    /// The verification of intent on the headers alone: a configured URL
    /// query token cannot be seen, so it answers 401 (see
    /// [`intent_response_incoming`](Plugin::intent_response_incoming)).
    fn intent_response<H: Headers + ?Sized>(verifier: &Verifier, headers: &H) -> Option<Response<Vec<u8>>> {
        Self::intent_response_incoming(verifier, &Incoming::new(&[], headers))
    }

    /// Acrobat Sign's GET verification of intent: 200 with the echo when the
    /// request passes the same checks as a notification (a configured client
    /// id, and the URL query token or `Authorization: Basic` credential when
    /// one is configured), 401 otherwise (Adobe: the receiver "MUST NOT
    /// respond with the success response code"); `None` without the header.
    fn intent_response_incoming<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
    ) -> Option<Response<Vec<u8>>> {
        incoming.headers().values(CLIENT_ID_HEADER).next()?;
        Some(
            match verifier
                .check(incoming)
                .ok()
                .and_then(|(index, _)| verifier.client_id(index))
            {
                Some(id) => echo(id.as_str()),
                None => empty_response(StatusCode::UNAUTHORIZED),
            },
        )
    }
}

impl EventKinds for AdobeSign {
    type Kind = EventKind;

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }
}

/// 200, `X-AdobeSign-ClientId: id`, body `{"xAdobeSignClientId":"id"}`.
fn echo(id: &str) -> Response<Vec<u8>> {
    let body = serde_json::to_vec(&serde_json::json!({ "xAdobeSignClientId": id })).unwrap_or_default();
    let mut response = crate::plugin::body_response(StatusCode::OK, "application/json", body);
    if let Ok(value) = HeaderValue::from_str(id) {
        response.headers_mut().insert(CLIENT_ID_HEADER, value);
    }
    response
}

impl ClientId {
    /// The client id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn adobesign_step(event: &Event) -> Option<LifecycleStep> {
    use EventKind as K;
    let kind = match event.kind() {
        K::AgreementCreated => Lifecycle::Sent,
        K::AgreementEmailViewed | K::AgreementDocumentsViewed | K::AgreementDocumentsViewedPasswordProtected => {
            Lifecycle::Viewed
        }
        K::AgreementActionCompleted => match event.participant_role {
            Some(ParticipantRole::Signer | ParticipantRole::DelegateToSigner) => Lifecycle::Signed,
            _ => return None,
        },
        K::AgreementWorkflowCompleted => Lifecycle::Completed,
        K::AgreementRejected => Lifecycle::Declined,
        K::AgreementRecalled | K::AgreementRecalledMaxSigningEmailOtpAttempts => Lifecycle::Cancelled,
        K::AgreementExpired => Lifecycle::Expired,
        K::AgreementAutoCancelledConversionProblem => Lifecycle::Failed,
        K::AgreementEmailBounced => Lifecycle::DeliveryFailed,
        _ => return None,
    };
    let signer = match kind {
        Lifecycle::Sent | Lifecycle::Completed | Lifecycle::Expired | Lifecycle::Failed => None,
        _ => event
            .participant_user_email
            .as_deref()
            .or(event.participant_user_id.as_deref())
            .filter(|s| !s.is_empty()),
    };
    let reason = event
        .agreement_cancellation_info
        .as_ref()
        .and_then(|info| info.comment.as_deref())
        .or_else(|| event.agreement_expiration_info.as_ref()?.comment.as_deref())
        .filter(|s| !s.is_empty());
    Some(
        LifecycleStep::new(kind, event.agreement_id())
            .signer(signer)
            .reason(reason),
    )
}
