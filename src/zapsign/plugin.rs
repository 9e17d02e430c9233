//! The ZapSign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps ZapSign deliveries.

use super::{Event, EventType, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The ZapSign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ZapSign;

impl private::Sealed for ZapSign {}

impl SimpleVendor for ZapSign {
    const VENDOR: Vendor = Vendor::ZapSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "keeps the failed delivery in its webhook logs, from which it can be re-sent; its retry schedule was not found",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventType;

    /// `event_type` with the document's `token` or `open_id`, and no `data`
    /// (DocuSeal's `event_type` comes with `data`).
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array()
            && shape.has("event_type")
            && !shape.has("data")
            && (shape.has("token") || shape.has("open_id"))
    }

    /// `event_type` without `data`: a ZapSign event that carries no document.
    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("event_type") && !shape.has("data")
    }

    fn kind(event: &Event) -> &EventType {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// No event id is sent: `event_type`, the document's token, the acting
    /// signer's token and the document's `last_update_at` (to the
    /// microsecond). `doc_expiration_alert`, sent 7, 3 and 1 day(s) before a
    /// deadline, may repeat all of these when nothing else changed: those
    /// alerts can share a key.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::ZapSign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.token.as_deref().unwrap_or_default().as_bytes());
        let signer = event.acting_signer();
        hasher.part(signer.and_then(|s| s.token.as_deref()).unwrap_or_default().as_bytes());
        hasher.part(event.last_update_at.as_deref().unwrap_or_default().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventType::SignatureNotificationSent => Lifecycle::Sent,
            EventType::DocViewed => Lifecycle::Viewed,
            EventType::DocSigned => Lifecycle::Signed,
            EventType::DocRefused => Lifecycle::Declined,
            EventType::DocExpired => Lifecycle::Expired,
            EventType::EmailBounce => Lifecycle::DeliveryFailed,
            _ => return None,
        };
        let signer = event
            .acting_signer()
            .and_then(|s| s.email.as_deref().or(s.token.as_deref()));
        Some(LifecycleStep::new(kind, event.token.as_deref()).signer(signer))
    }
}
