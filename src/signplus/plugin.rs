//! The Sign.Plus plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Sign.Plus deliveries.

use super::{AuditAction, Data, Event, EventKind, Verifier};
use crate::dedup_key::{DedupKey, Hasher};
use crate::filter::Filter;
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};
use crate::{Vendor, signplus};

/// The Sign.Plus plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SignPlus;

impl private::Sealed for SignPlus {}

impl SimpleVendor for SignPlus {
    const VENDOR: Vendor = Vendor::SignPlus;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings (its `data` members), however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("documents no expected response and no retry policy");
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `hook`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("hook")
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    fn fast_parse(body: &str) -> Option<Event> {
        super::event::parse_fast(body)
    }

    /// `hook.event`, `hook.id`, `envelope_id`, and for audit trails
    /// `recipient_id` and `action` (unknown events: their `data`).
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::SignPlus);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.hook.id.as_deref().unwrap_or_default().as_bytes());
        match &event.data {
            Data::Envelope(data) => hasher.part(data.envelope_id.as_bytes()),
            Data::AuditTrail(data) => {
                hasher.part(data.envelope_id.as_bytes());
                hasher.part(data.recipient_id.as_deref().unwrap_or_default().as_bytes());
                hasher.part(data.action.as_str().as_bytes());
            }
            other => hasher.json(other),
        }
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        signplus_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown() || event.audit_action().is_some_and(signplus::AuditAction::is_unknown)
    }
}

fn signplus_step(event: &signplus::Event) -> Option<LifecycleStep> {
    use signplus::{AuditAction, Data, EventKind};
    let step = |kind| LifecycleStep::new(kind, event.envelope_id());
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

impl EventKind {
    /// Every Sign.Plus event kind.
    pub const ALL: Filter<EventKind> = Filter::All;
}

impl AuditAction {
    /// Every audit-trail action.
    pub const ALL: Filter<AuditAction> = Filter::All;
}
