//! The Ignisign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Ignisign deliveries.

use std::borrow::Cow;

use http::{Request, Response};

use super::{ApiKey, Delivery, Message, Verifier};
use crate::clock::Clock;
use crate::dedup_key::DedupKey;
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, Confirmation, Plugin, private};
use crate::tenant_id::TenantRequest;
use crate::verify::Verified;
use crate::{Error, Vendor, ignisign};

/// The Ignisign plug-in (see [`Plugin`]): local application checks, then a
/// confirmation phase ([`Confirmation`]) that spends the single-use token.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Ignisign;

impl private::Sealed for Ignisign {}

impl Plugin for Ignisign {
    const VENDOR: Vendor = Vendor::Ignisign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "publishes no retry policy; its single-use token is spent by the receiver's check, so a retry could not be verified again",
    );
    type Verifier = Verifier;
    type Event = Delivery;
    type Confirmed = Message;

    /// `topic`, `msgNature` or `verificationToken`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        ["topic", "msgNature", "verificationToken"]
            .iter()
            .any(|key| shape.has(key))
    }

    /// The top-level `appId`: the Ignisign application the delivery is for
    /// (one app per tenant), a routing hint for multi-tenant receivers.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        crate::tenant_id::json_string_at(request.body(), "/appId")
    }

    fn parse(body: &[u8]) -> Result<Delivery, Error> {
        ignisign::parse_delivery(body)
    }

    /// One pass when `topic`, `action` and `msgNature` come before `content`.
    fn fast_parse(body: &str) -> Option<Delivery> {
        super::fast::parse(body)
    }

    /// One pass over a well-formed body, the SDK's ordered checks otherwise.
    fn receive<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        _: &dyn Clock,
    ) -> Result<(Delivery, Verified), Error> {
        crate::plugin::sharing::<Self, _>(incoming.body(), |body| verifier.receive(body))
            .map(|delivery| (delivery, Verified::new(None, None)))
    }

    /// `TOPIC/ACTION`.
    fn kind_name(delivery: &Delivery) -> Cow<'_, str> {
        Cow::Owned(format!("{}/{}", delivery.topic(), delivery.action()))
    }

    /// Every delivery needs its token confirmed first.
    fn into_confirmed(delivery: Delivery) -> Result<Message, Delivery> {
        Err(delivery)
    }

    /// A digest of the single-use `verificationToken`.
    fn dedup_key(delivery: &Delivery) -> DedupKey {
        delivery.dedup_key()
    }

    fn lifecycle(message: &Message) -> Option<LifecycleStep> {
        ignisign_step(message)
    }

    fn is_unknown(message: &Message) -> bool {
        message.topic.is_unknown() || message.action.is_unknown()
    }

    /// The token is spent: a retry could not be verified again, so a failed
    /// callback is answered 200, as Ignisign's own SDK does.
    const RETRY_ON_FAILURE: bool = false;

    /// The token is confirmed after the parse: an unreadable body is not authenticated.
    const AUTHENTICATED_BEFORE_PARSE: bool = false;
}

impl Confirmation for Ignisign {
    type Credential = ApiKey;

    fn request(delivery: &Delivery, api_key: &ApiKey) -> Result<Request<Vec<u8>>, Error> {
        delivery.token_check_request(api_key)
    }

    fn finish(delivery: Delivery, response: Response<Vec<u8>>) -> Result<Message, Error> {
        delivery.confirm(response)
    }

    fn dangerous_skip(delivery: Delivery) -> Message {
        delivery.dangerous_skip_token_check()
    }
}

fn ignisign_step(message: &ignisign::Message) -> Option<LifecycleStep> {
    use ignisign::{Action, Content, SignatureAction, SignatureRequestAction, SignatureSessionAction};
    let reason = message.error.as_ref().map(|e| {
        e.message
            .as_ref()
            .map(crate::Text::to_string)
            .unwrap_or_else(|| e.error_code.to_string())
    });
    let (request_id, signer_id) = match &message.content {
        Some(Content::SignatureRequest(c)) => (Some(c.signature_request_id.as_str()), None),
        Some(Content::Signature(c)) => (Some(c.signature_request_id.as_str()), Some(c.signer_id.as_str())),
        Some(Content::SignatureSession(c)) => (Some(c.signature_request_id.as_str()), Some(c.signer_id.as_str())),
        _ => (None, None),
    };
    let kind = match &message.action {
        Action::SignatureRequest(SignatureRequestAction::Launched) => Lifecycle::Sent,
        Action::SignatureRequest(SignatureRequestAction::Completed) => Lifecycle::Completed,
        Action::SignatureRequest(SignatureRequestAction::Cancelled) => Lifecycle::Cancelled,
        Action::SignatureRequest(SignatureRequestAction::Expired) => Lifecycle::Expired,
        Action::SignatureRequest(SignatureRequestAction::Failed) => Lifecycle::Failed,
        Action::Signature(SignatureAction::Finalized) => Lifecycle::Signed,
        Action::Signature(SignatureAction::Failed) => Lifecycle::Failed,
        Action::SignatureSession(SignatureSessionAction::Initialized) => Lifecycle::Viewed,
        _ => return None,
    };
    Some(
        LifecycleStep::new(kind, request_id)
            .signer(signer_id)
            .reason(reason.as_deref()),
    )
}
