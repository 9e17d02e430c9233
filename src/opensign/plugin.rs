//! The OpenSign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps OpenSign deliveries.

use super::{Event, EventKind, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The OpenSign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct OpenSign;

impl private::Sealed for OpenSign {}

impl SimpleVendor for OpenSign {
    const VENDOR: Vendor = Vendor::OpenSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("expects a 2xx and does not publish its retries");
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `objectId` with `event`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("objectId") && shape.has("event")
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `event`, `objectId`, the acting signer and the event's own time: no
    /// delivery id is sent.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::OpenSign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.object_id.as_bytes());
        hasher.part(event.acting_signer().unwrap_or_default().as_bytes());
        hasher.part(event.event_time().unwrap_or_default().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventKind::Created => Lifecycle::Sent,
            EventKind::Viewed => Lifecycle::Viewed,
            EventKind::Signed => Lifecycle::Signed,
            EventKind::Completed => Lifecycle::Completed,
            EventKind::Declined => Lifecycle::Declined,
            _ => return None,
        };
        let step = LifecycleStep::new(kind, Some(&event.object_id));
        Some(match kind {
            Lifecycle::Viewed | Lifecycle::Signed => step.signer(event.acting_signer()),
            Lifecycle::Declined => step
                .signer(event.acting_signer())
                .reason(event.declined_reason.as_deref()),
            _ => step,
        })
    }
}
