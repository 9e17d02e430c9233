//! The Clicksign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Clicksign deliveries.

use super::{Event, EventKind, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The Clicksign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Clicksign;

impl private::Sealed for Clicksign {}

impl SimpleVendor for Clicksign {
    const VENDOR: Vendor = Vendor::Clicksign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "publishes no retry schedule (its pages say nothing of what it does about a failed delivery)",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `event` (an object with a `name`) beside `document` or `acceptance`:
    /// `event` alone is shared with other vendors.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has_in("event", "name") && (shape.has("document") || shape.has("acceptance"))
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// No event id is sent: `event.name`, the document's (or acceptance's)
    /// key, the acting signer's key and e-mail, and `occurred_at` (to the
    /// millisecond). A retry repeats all of them; two signers signing in the
    /// same millisecond differ by signer.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::Clicksign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.subject_key().unwrap_or_default().as_bytes());
        let signer = event.signer();
        hasher.part(signer.and_then(|s| s.key.as_deref()).unwrap_or_default().as_bytes());
        hasher.part(signer.and_then(|s| s.email.as_deref()).unwrap_or_default().as_bytes());
        hasher.part(event.event.occurred_at.as_deref().unwrap_or_default().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventKind::Sign => Lifecycle::Signed,
            EventKind::AutoClose | EventKind::Close => Lifecycle::Completed,
            EventKind::Refusal => Lifecycle::Declined,
            EventKind::Cancel => Lifecycle::Cancelled,
            EventKind::AcceptanceTermSent => Lifecycle::Sent,
            EventKind::AcceptanceTermCompleted => Lifecycle::Completed,
            EventKind::AcceptanceTermRefused => Lifecycle::Declined,
            EventKind::AcceptanceTermCanceled => Lifecycle::Cancelled,
            EventKind::AcceptanceTermExpired => Lifecycle::Expired,
            EventKind::AcceptanceTermError => Lifecycle::Failed,
            _ => return None,
        };
        let step = LifecycleStep::new(kind, event.subject_key());
        let signer = event.signer().and_then(|s| s.email.as_deref().or(s.key.as_deref()));
        Some(match kind {
            Lifecycle::Signed | Lifecycle::Declined => step.signer(signer),
            _ => step,
        })
    }
}
