//! The Yousign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Yousign deliveries.

use super::{Event, EventKind, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The Yousign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Yousign;

impl private::Sealed for Yousign {}

impl SimpleVendor for Yousign {
    const VENDOR: Vendor = Vendor::Yousign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts anything but a 2xx (or 3xx, at most two redirects) within 1 s on the first try, 10 s on retries, as failed; with `auto_retry` it retries up to 8 times (2 min, 6 min, 30 min, 1 h, 5 h, 18 h, 1 day, 2 days)",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `event_name` with `event_id` or `subscription_id`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("event_name") && (shape.has("event_id") || shape.has("subscription_id"))
    }

    fn kind(event: &Event) -> &EventKind {
        &event.event_name
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `event_id`: unique per event and the same on every retry, as Yousign
    /// recommends ("dedupe on `event_id`").
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::Yousign);
        hasher.part(event.event_id.as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        yousign_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.event_name.is_unknown()
            || event
                .data
                .signature_request
                .as_ref()
                .and_then(|request| request.status.as_ref())
                .is_some_and(super::SignatureRequestStatus::is_unknown)
            || event
                .data
                .signer
                .as_ref()
                .and_then(|signer| signer.status.as_ref())
                .is_some_and(super::SignerStatus::is_unknown)
    }
}

fn yousign_step(event: &Event) -> Option<LifecycleStep> {
    let request = event.signature_request_id();
    let signer = event.data.signer.as_ref();
    let signer_id = signer.map(|signer| signer.id.as_str());
    let decline = event
        .data
        .signature_request
        .as_ref()
        .and_then(|request| request.decline_information.as_ref());
    let step = |kind| LifecycleStep::new(kind, request);
    Some(match &event.event_name {
        // Reactivated (after expiry): ongoing again, as when first sent.
        EventKind::SignatureRequestActivated | EventKind::SignatureRequestReactivated => step(Lifecycle::Sent),
        EventKind::SignerLinkOpened => step(Lifecycle::Viewed).signer(signer_id),
        EventKind::SignerDone => step(Lifecycle::Signed).signer(signer_id),
        EventKind::SignatureRequestDone => step(Lifecycle::Completed),
        EventKind::SignatureRequestDeclined | EventKind::SignerDeclined => step(Lifecycle::Declined)
            .signer(signer_id.or_else(|| decline.and_then(|d| d.signer_id.as_deref())))
            .reason(
                signer
                    .and_then(|s| s.decline_reason.as_deref())
                    .or_else(|| decline.and_then(|d| d.reason.as_deref())),
            ),
        EventKind::SignatureRequestExpired => step(Lifecycle::Expired),
        EventKind::SignatureRequestCanceled => step(Lifecycle::Cancelled),
        EventKind::SignerError => step(Lifecycle::Failed).signer(signer_id),
        EventKind::SignerNotificationDeliveryFailed => step(Lifecycle::DeliveryFailed).signer(signer_id),
        _ => return None,
    })
}
