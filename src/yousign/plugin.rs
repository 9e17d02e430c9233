//! The Yousign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Yousign deliveries.

use std::borrow::Cow;

use super::{Event, EventKind, Verifier};
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, EventKinds, Plugin, private};
use crate::{Vendor, verify};

/// The Yousign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Yousign;

impl private::Sealed for Yousign {}

impl Plugin for Yousign {
    const VENDOR: Vendor = Vendor::Yousign;
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

    /// `event_name` with `event_id` or `subscription_id`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("event_name") && (shape.has("event_id") || shape.has("subscription_id"))
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
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

impl EventKinds for Yousign {
    type Kind = EventKind;

    fn kind(event: &Event) -> &EventKind {
        &event.event_name
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
        EventKind::SignatureRequestActivated => step(Lifecycle::Sent),
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
