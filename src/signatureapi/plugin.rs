//! The SignatureAPI plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps SignatureAPI deliveries.

use super::{Event, EventType, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The SignatureAPI plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SignatureApi;

impl private::Sealed for SignatureApi {}

impl SimpleVendor for SignatureApi {
    const VENDOR: Vendor = Vendor::SignatureApi;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings, however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "retries a delivery not answered with a 2xx and tells receivers to expect duplicates; its retry schedule was not retrieved",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventType;

    /// The Event object's four members together: `id`, `type`, `timestamp`
    /// and `data` (each alone is common; together no other vendor sends them).
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && ["id", "type", "timestamp", "data"].iter().all(|key| shape.has(key))
    }

    fn kind(event: &Event) -> &EventType {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// The event's `id` (`evt_…`), the same on every retry.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::SignatureApi);
        hasher.part(event.id.as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let envelope = event.envelope_id();
        let recipient = event.recipient_id();
        let step = |kind| LifecycleStep::new(kind, envelope);
        Some(match event.kind() {
            EventType::EnvelopeStarted => step(Lifecycle::Sent),
            EventType::RecipientViewed => step(Lifecycle::Viewed).signer(recipient),
            EventType::RecipientCompleted => step(Lifecycle::Signed).signer(recipient),
            EventType::EnvelopeCompleted => step(Lifecycle::Completed),
            EventType::RecipientRejected => step(Lifecycle::Declined)
                .signer(recipient)
                .reason(event.data.reason.as_deref()),
            EventType::EnvelopeCanceled => step(Lifecycle::Cancelled),
            EventType::EnvelopeFailed => step(Lifecycle::Failed).reason(event.data.detail.as_deref()),
            EventType::RecipientSoftBounced | EventType::RecipientHardBounced | EventType::RecipientFailed => {
                step(Lifecycle::DeliveryFailed)
                    .signer(recipient)
                    .reason(event.data.detail.as_deref())
            }
            _ => return None,
        })
    }

    fn is_unknown(event: &Event) -> bool {
        event.event_type.is_unknown() || event.data.object_type.is_unknown()
    }
}
