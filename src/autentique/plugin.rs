//! The Autentique plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Autentique deliveries.

use super::{Event, EventType, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The Autentique plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Autentique;

impl private::Sealed for Autentique {}

impl SimpleVendor for Autentique {
    const VENDOR: Vendor = Vendor::Autentique;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "lists the failed delivery in its panel (\"Webhooks que falharam\") and retries it; the schedule was not retrieved",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventType;

    /// `"object": "webhook"` beside an `event` object with `"object": "event"`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.text("object").as_deref() == Some("webhook")
            && shape.text_in("event", "object").as_deref() == Some("event")
    }

    fn kind(event: &Event) -> &EventType {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `event.id`: Autentique's id of the event, the same on every delivery
    /// of it ("the same event may arrive more than once").
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::Autentique);
        hasher.part(event.event.id.as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventType::DocumentFinished => Lifecycle::Completed,
            EventType::SignatureViewed => Lifecycle::Viewed,
            EventType::SignatureAccepted => Lifecycle::Signed,
            EventType::SignatureRejected => Lifecycle::Declined,
            EventType::SignatureDeliveryFailed => Lifecycle::DeliveryFailed,
            _ => return None,
        };
        Some(LifecycleStep::new(kind, event.document_id()).signer(event.signer()))
    }
}
