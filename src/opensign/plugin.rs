//! The OpenSign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps OpenSign deliveries.

use std::borrow::Cow;

use super::{Event, EventKind, Verifier};
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, EventKinds, Plugin, private};
use crate::{Vendor, verify};

/// The OpenSign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct OpenSign;

impl private::Sealed for OpenSign {}

impl Plugin for OpenSign {
    const VENDOR: Vendor = Vendor::OpenSign;
    type Verifier = Verifier;
    type Event = Event;
    type Confirmed = Event;

    fn engine(verifier: &Verifier) -> Option<&verify::Verifier> {
        Some(&verifier.inner)
    }

    /// The engine methods; `method = "hmac"` without `scheme` is the documented scheme.
    fn verifier_from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Verifier, crate::config::ConfigError> {
        config
            .vendor_engine_verifier(Self::VENDOR, Some(super::scheme()), env)
            .map(Verifier::from_engine)
    }

    /// The event's kind as the vendor writes it.
    fn kind_name(event: &Self::Event) -> Cow<'_, str> {
        Cow::Borrowed(<Self as EventKinds>::kind(event).as_str())
    }

    /// `objectId` with `event`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("objectId") && shape.has("event")
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
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

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }
}

impl EventKinds for OpenSign {
    type Kind = EventKind;

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }
}
