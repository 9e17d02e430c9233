//! The BoldSign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps BoldSign events.

use super::{Data, Event, EventType, SignerStatus, UserType, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The BoldSign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct BoldSign;

impl private::Sealed for BoldSign {}

impl SimpleVendor for BoldSign {
    const VENDOR: Vendor = Vendor::BoldSign;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "expects 200 within 10 seconds; otherwise it retries after 1 min, 15 min, 45 min, 1 h, 8 h and 24 h, then monitors the endpoint for 7 days and disables the webhook (with e-mail notices) unless it recovers",
    )
        .with_setup(super::setup::SENDER_SETUP);
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventType;

    /// `event` with `context`: no other vendor sends a top-level `context`.
    /// (BoldSign is otherwise told by its `X-BoldSign-Signature` header.)
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("event") && shape.has("context")
    }

    fn kind(event: &Event) -> &EventType {
        event.kind()
    }

    /// `event` with `data`, or `event` alone (the verification request):
    /// keys other vendors use too.
    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        shape.has("event")
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    fn fast_parse(body: &str) -> Option<Event> {
        super::event::parse_fast(body)
    }

    /// `event.id`, BoldSign's unique event id, with `event.eventType`.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::BoldSign);
        hasher.part(event.event.id.as_bytes());
        hasher.part(event.kind().as_str().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown() || matches!(event.data, Data::Unknown(_))
    }

    /// The `Verification` request, answered 200 before any check (see the
    /// module's docs, "The `Verification` request").
    fn setup_request<H: Headers + ?Sized>(_: &Verifier, incoming: &Incoming<'_, H>) -> Option<crate::Error> {
        super::setup::verification(incoming)
    }
}

fn step(event: &Event) -> Option<LifecycleStep> {
    let Data::Document(document) = &event.data else {
        return None;
    };
    let step = |kind| LifecycleStep::new(kind, document.document_id.as_deref());
    // The signer who acted: `context.actor` when it is a signer.
    let actor = event
        .actor()
        .filter(|actor| actor.user_type == Some(UserType::Signer))
        .and_then(|actor| actor.id.as_deref());
    let find = |test: fn(&super::SignerDetail) -> bool| document.signer_details.iter().find(|s| test(s));
    Some(match event.kind() {
        EventType::Sent => step(Lifecycle::Sent),
        EventType::Viewed => step(Lifecycle::Viewed).signer(actor),
        EventType::Signed => step(Lifecycle::Signed).signer(actor),
        EventType::Completed => step(Lifecycle::Completed),
        EventType::Declined => {
            let decliner = find(|s| s.status == Some(SignerStatus::Declined));
            step(Lifecycle::Declined)
                .signer(actor.or_else(|| decliner.and_then(|s| s.id.as_deref())))
                .reason(decliner.and_then(|s| s.decline_message.as_deref()))
        }
        EventType::Revoked => step(Lifecycle::Cancelled).reason(document.revoke_message.as_deref()),
        EventType::Expired => step(Lifecycle::Expired),
        EventType::DeliveryFailed => {
            let failed = find(|s| s.is_delivery_failed == Some(true));
            step(Lifecycle::DeliveryFailed).signer(failed.and_then(|s| s.id.as_deref()))
        }
        EventType::SendFailed => step(Lifecycle::Failed).reason(document.error_message.as_deref()),
        _ => return None,
    })
}
