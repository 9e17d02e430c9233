//! The DocuSign Connect plug-in: how the central code identifies,
//! authenticates, parses, deduplicates and maps Connect messages.

use super::{Event, EventKind, RecipientStatus, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};
use crate::tenant_id::TenantRequest;

/// The DocuSign Connect plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct DocuSign;

impl private::Sealed for DocuSign {}

impl SimpleVendor for DocuSign {
    const VENDOR: Vendor = Vendor::DocuSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "retries a message that was not acknowledged with a 2xx (with `requireAcknowledgment`: back into the queue, then at most every 24 hours, up to ten retries), each retry with a higher `retryCount`",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `event` with one of the JSON SIM envelope members no other vendor
    /// sends (`configurationId`, `generatedDateTime`, or `apiVersion` with
    /// `uri`); or the legacy XML format, so that it gets its own error.
    ///
    /// The JSON members are looked for first, reading the body only as far as
    /// they are; only a body without them is read whole to tell JSON from XML.
    fn claims(shape: &BodyShape<'_>) -> bool {
        let json = shape.has("event")
            && (shape.has("configurationId")
                || shape.has("generatedDateTime")
                || (shape.has("apiVersion") && shape.has("uri")));
        json || (!shape.is_json() && super::is_legacy_xml(shape.raw()))
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }

    /// `data.accountId`: the DocuSign account the Connect message is for
    /// (one HMAC key per account), a routing hint for multi-tenant receivers.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        crate::tenant_id::json_string_at(request.body(), "/data/accountId")
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `event`, the envelope id, the recipient id (recipient events) and
    /// `generatedDateTime`; not `retryCount`, which changes on every retry.
    /// Without `generatedDateTime`, or when it is blank (DocuSign's own sample
    /// message sends `""`), the whole `data` is hashed instead: a blank time
    /// would merge every event of one kind for one envelope and recipient.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::DocuSign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.envelope_id().unwrap_or_default().as_bytes());
        hasher.part(event.recipient_id().unwrap_or_default().as_bytes());
        match event.generated_date_time.as_deref() {
            Some(generated) if !generated.trim().is_empty() => hasher.part(generated.as_bytes()),
            _ => hasher.json(&event.data),
        }
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
            || event
                .envelope_summary()
                .and_then(|summary| summary.status.as_ref())
                .is_some_and(|status| status.is_unknown())
            || event
                .recipient()
                .and_then(|recipient| recipient.status.as_ref())
                .is_some_and(RecipientStatus::is_unknown)
    }
}

fn step(event: &Event) -> Option<LifecycleStep> {
    let step = |kind| LifecycleStep::new(kind, event.envelope_id());
    let recipient = || step_for_recipient(event);
    Some(match event.kind() {
        EventKind::EnvelopeSent => step(Lifecycle::Sent),
        EventKind::EnvelopeCompleted => step(Lifecycle::Completed),
        EventKind::EnvelopeDeclined => {
            // The decliner, when the summary lists the recipients.
            let decliner = event
                .envelope_summary()
                .and_then(|s| s.recipients.as_ref())
                .and_then(|r| r.all().find(|r| r.status == Some(RecipientStatus::Declined)));
            step(Lifecycle::Declined)
                .signer(decliner.and_then(|r| r.recipient_id.as_deref()))
                .reason(decliner.and_then(|r| r.declined_reason.as_deref()))
        }
        EventKind::EnvelopeVoided => {
            step(Lifecycle::Cancelled).reason(event.envelope_summary().and_then(|s| s.voided_reason.as_deref()))
        }
        EventKind::RecipientSent => recipient()(Lifecycle::Sent),
        EventKind::RecipientDelivered => recipient()(Lifecycle::Viewed),
        // A copy recipient "completes" without signing: not a signature.
        EventKind::RecipientCompleted if completes_without_signing(event) => return None,
        EventKind::RecipientCompleted => recipient()(Lifecycle::Signed),
        EventKind::RecipientDeclined => {
            recipient()(Lifecycle::Declined).reason(event.recipient().and_then(|r| r.declined_reason.as_deref()))
        }
        EventKind::RecipientAutoResponded => recipient()(Lifecycle::DeliveryFailed)
            .reason(event.recipient().and_then(|r| r.auto_responded_reason.as_deref())),
        _ => return None,
    })
}

fn completes_without_signing(event: &Event) -> bool {
    let recipients = event.envelope_summary().and_then(|s| s.recipients.as_ref());
    recipients
        .zip(event.recipient_id())
        .is_some_and(|(recipients, id)| recipients.is_non_signing(id))
}

fn step_for_recipient(event: &Event) -> impl Fn(Lifecycle) -> LifecycleStep + '_ {
    move |kind| LifecycleStep::new(kind, event.envelope_id()).signer(event.recipient_id())
}
