//! The vendor-neutral lifecycle: one vocabulary for "sent", "signed",
//! "completed"… across every vendor.

use std::sync::Arc;

use super::{ConfirmedEvent, Filter};
use crate::{Vendor, constellation, esignglobal, ignisign, signplus};

/// A step of an envelope's (or signature request's, or session's) life, the
/// same for every vendor.
///
/// # Mapping
///
/// Only what a vendor's event means is mapped; an event with no clear
/// counterpart (eSignGlobal's `ENVELOPE_ALL_SIGNER_SIGNED`, Constellation1's
/// `InDraft`, Ignisign's `SIGNER/CREATED`…) is not forced into one.
///
/// | Lifecycle | eSignGlobal | Ignisign | Sign.Plus | Constellation1 |
/// |---|---|---|---|---|
/// | [`Sent`](Lifecycle::Sent) | `ENVELOPE_START` | `SIGNATURE_REQUEST/LAUNCHED` | — | session `InSent`; signer `Invited` |
/// | [`Viewed`](Lifecycle::Viewed) | `ENVELOPE_SIGNER_VIEWED` | `SIGNATURE_SESSION/INITIALIZED` | audit `ENVELOPE_VIEWED` | signer `InProgress` |
/// | [`Signed`](Lifecycle::Signed) | `ENVELOPE_SIGNER_SIGNED` | `SIGNATURE/FINALIZED` | audit `ENVELOPE_SIGNED` | signer `Completed` |
/// | [`Completed`](Lifecycle::Completed) | `ENVELOPE_FINISH` | `SIGNATURE_REQUEST/COMPLETED` | `envelope_completed` | session `Completed` |
/// | [`Declined`](Lifecycle::Declined) | `SIGNER_DECLINED`, `ENVELOPE_DECLINED` | — | `envelope_declined`; audit `ENVELOPE_DECLINED` | signer `Declined` |
/// | [`Expired`](Lifecycle::Expired) | `ENVELOPE_EXPIRED` | `SIGNATURE_REQUEST/EXPIRED` | `envelope_expired` | session `Expired` |
/// | [`Cancelled`](Lifecycle::Cancelled) | `ENVELOPE_CANCEL` | `SIGNATURE_REQUEST/CANCELLED` | `envelope_voided` | session `Cancelled` |
/// | [`Failed`](Lifecycle::Failed) | `ENVELOPE_SIGNER_FAILED` | `SIGNATURE_REQUEST/FAILED`, `SIGNATURE/FAILED` | — | signer `AuthenticationFailed` |
/// | [`DeliveryFailed`](Lifecycle::DeliveryFailed) | `ENVELOPE_DELIVERY_FAILED` | — | — | — |
///
/// Sign.Plus reports one decline twice (the audit action, then the envelope
/// event), so a `Declined` callback runs twice for it; the audit one carries
/// the recipient.
///
/// The ids: the envelope id is eSignGlobal's `envelopeId`, Ignisign's
/// `signatureRequestId`, Sign.Plus's `envelope_id` and Constellation1's
/// `SigningSessionId`; the signer id is eSignGlobal's signer `businessId`
/// (else its e-mail), Ignisign's `signerId`, Sign.Plus's `recipient_id` and
/// Constellation1's `SignerId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lifecycle {
    /// The envelope went out to its signers (or one signer was invited).
    Sent,
    /// A signer opened the envelope or started a signing session.
    Viewed,
    /// A signer signed.
    Signed,
    /// Every signer signed: the envelope is complete.
    Completed,
    /// A signer declined.
    Declined,
    /// The envelope expired.
    Expired,
    /// The sender cancelled or voided the envelope.
    Cancelled,
    /// Signing failed.
    Failed,
    /// A notification could not be delivered to a signer or a copy recipient.
    DeliveryFailed,
}

impl Lifecycle {
    /// Every lifecycle step.
    pub const ALL: Filter<Lifecycle> = Filter::All;
}

/// A vendor event seen as a [`Lifecycle`] step.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LifecycleEvent {
    /// The vendor.
    pub vendor: Vendor,
    /// The step.
    pub kind: Lifecycle,
    /// The vendor's envelope, request or session id, when the event carries it.
    pub envelope_id: Option<String>,
    /// The signer concerned, when the event names one.
    pub signer_id: Option<String>,
    /// The decline, cancellation or failure reason, when the vendor sends one.
    pub reason: Option<String>,
    /// The full typed event.
    pub event: Arc<ConfirmedEvent>,
}

impl LifecycleEvent {
    /// The lifecycle view of an event, when it maps to one.
    pub(crate) fn of(event: &Arc<ConfirmedEvent>) -> Option<Self> {
        let step = match &**event {
            ConfirmedEvent::EsignGlobal(event) => esignglobal_step(event),
            ConfirmedEvent::Ignisign(message) => ignisign_step(message),
            ConfirmedEvent::SignPlus(event) => signplus_step(event),
            ConfirmedEvent::Constellation(update) => constellation_step(update),
        }?;
        Some(LifecycleEvent {
            vendor: event.vendor(),
            kind: step.kind,
            envelope_id: step.envelope_id,
            signer_id: step.signer_id,
            reason: step.reason,
            event: Arc::clone(event),
        })
    }
}

struct Step {
    kind: Lifecycle,
    envelope_id: Option<String>,
    signer_id: Option<String>,
    reason: Option<String>,
}

impl Step {
    fn new(kind: Lifecycle, envelope_id: Option<&str>) -> Self {
        Step {
            kind,
            envelope_id: envelope_id.map(str::to_owned),
            signer_id: None,
            reason: None,
        }
    }

    fn signer(mut self, signer_id: Option<&str>) -> Self {
        self.signer_id = signer_id.map(str::to_owned);
        self
    }

    fn reason(mut self, reason: Option<&str>) -> Self {
        self.reason = reason.filter(|r| !r.is_empty()).map(str::to_owned);
        self
    }
}

fn esignglobal_step(event: &esignglobal::Event) -> Option<Step> {
    use esignglobal::Event as E;
    let envelope = &event.payload()?.envelope;
    let signer_id = |signer: &esignglobal::Signer| signer.business_id.clone().or_else(|| signer.user_email.clone());
    let step = |kind| Step::new(kind, Some(&envelope.envelope_id));
    let acting = envelope.signer_info.as_ref().and_then(signer_id);
    Some(match event {
        E::EnvelopeStart(_) => step(Lifecycle::Sent),
        E::EnvelopeSignerViewed(_) => step(Lifecycle::Viewed).signer(acting.as_deref()),
        E::EnvelopeSignerSigned(_) => step(Lifecycle::Signed).signer(acting.as_deref()),
        E::EnvelopeFinish(_) => step(Lifecycle::Completed),
        E::EnvelopeCancel(_) => {
            step(Lifecycle::Cancelled).reason(envelope.cancel_info.as_ref().and_then(|c| c.reason.as_deref()))
        }
        E::SignerDeclined(_) => {
            let decliner = envelope
                .signer_list
                .iter()
                .find(|s| s.signer_status == Some(esignglobal::SignerStatus::Declined));
            let reason = envelope
                .decline_reason
                .as_deref()
                .or_else(|| decliner.and_then(|s| s.decline_reason.as_deref()));
            step(Lifecycle::Declined)
                .signer(decliner.and_then(signer_id).as_deref())
                .reason(reason)
        }
        E::EnvelopeDeclined(_) => {
            let decliner = envelope.decline_signer.as_ref();
            step(Lifecycle::Declined)
                .signer(decliner.and_then(|d| d.user_email.as_deref()))
                .reason(decliner.and_then(|d| d.signer_message.as_deref()))
        }
        E::EnvelopeExpired(_) => step(Lifecycle::Expired),
        E::EnvelopeDeliveryFailed(_) => {
            // App channel: `signerInfo`; Webhook channel: the signers whose delivery failed.
            let failed = acting.or_else(|| {
                envelope
                    .signer_list
                    .iter()
                    .find(|s| s.signer_status == Some(esignglobal::SignerStatus::DeliveryFailed))
                    .and_then(signer_id)
            });
            step(Lifecycle::DeliveryFailed).signer(failed.as_deref())
        }
        E::EnvelopeSignerFailed(_) => step(Lifecycle::Failed).reason(envelope.description.as_deref()),
        _ => return None,
    })
}

fn ignisign_step(message: &ignisign::Message) -> Option<Step> {
    use ignisign::{Action, Content, SignatureAction, SignatureRequestAction, SignatureSessionAction};
    let reason = message
        .error
        .as_ref()
        .map(|e| e.message.clone().unwrap_or_else(|| e.error_code.to_string()));
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
    Some(Step::new(kind, request_id).signer(signer_id).reason(reason.as_deref()))
}

fn signplus_step(event: &signplus::Event) -> Option<Step> {
    use signplus::{AuditAction, Data, EventKind};
    let step = |kind| Step::new(kind, event.envelope_id());
    Some(match (&event.data, event.kind()) {
        (Data::AuditTrail(audit), _) => {
            let kind = match audit.action {
                AuditAction::EnvelopeViewed => Lifecycle::Viewed,
                AuditAction::EnvelopeSigned => Lifecycle::Signed,
                AuditAction::EnvelopeDeclined => Lifecycle::Declined,
                _ => return None,
            };
            step(kind).signer(audit.recipient_id.as_deref())
        }
        (_, EventKind::EnvelopeCompleted) => step(Lifecycle::Completed),
        (_, EventKind::EnvelopeDeclined) => step(Lifecycle::Declined),
        (_, EventKind::EnvelopeExpired) => step(Lifecycle::Expired),
        (_, EventKind::EnvelopeVoided) => step(Lifecycle::Cancelled),
        _ => return None,
    })
}

fn constellation_step(update: &constellation::Update) -> Option<Step> {
    use constellation::{SessionStatus, SignerStatus, Status};
    let data = &update.data;
    let session = data.signing_session_id.to_string();
    let step = |kind| Step::new(kind, Some(&session));
    let signer = data.signer_id.map(|id| id.to_string());
    Some(match data.status {
        Status::Session(SessionStatus::InSent) => step(Lifecycle::Sent),
        Status::Session(SessionStatus::Completed) => step(Lifecycle::Completed),
        Status::Session(SessionStatus::Cancelled) => step(Lifecycle::Cancelled),
        Status::Session(SessionStatus::Expired) => step(Lifecycle::Expired),
        Status::Signer(SignerStatus::Invited) => step(Lifecycle::Sent).signer(signer.as_deref()),
        Status::Signer(SignerStatus::InProgress) => step(Lifecycle::Viewed).signer(signer.as_deref()),
        Status::Signer(SignerStatus::Completed) => step(Lifecycle::Signed).signer(signer.as_deref()),
        Status::Signer(SignerStatus::Declined) => step(Lifecycle::Declined)
            .signer(signer.as_deref())
            .reason(data.declined_reason.as_deref()),
        Status::Signer(SignerStatus::AuthenticationFailed) => step(Lifecycle::Failed).signer(signer.as_deref()),
        _ => return None,
    })
}
