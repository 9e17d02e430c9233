//! The Box Sign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Box Sign deliveries.

use std::borrow::Cow;

use super::{ALGORITHM_HEADER, Event, EventKind, VERSION_HEADER, Verifier};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::error::ErrorKind;
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, EventKinds, Plugin, private};
use crate::verify::{self, Verified};
use crate::{Error, Vendor};

/// The Box Sign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct BoxSign;

impl private::Sealed for BoxSign {}

impl Plugin for BoxSign {
    const VENDOR: Vendor = Vendor::BoxSign;
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

    /// `trigger` with `webhook`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("trigger") && shape.has("webhook")
    }

    /// Box's SDKs accept only version `1` of `HmacSHA256`: a delivery that
    /// announces another version or algorithm is refused before the engine
    /// checks the signatures (absent headers are not required).
    fn authenticate<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        if verifier.inner.scheme().is_some() {
            expect_if_present(incoming.headers(), VERSION_HEADER, b"1")?;
            expect_if_present(incoming.headers(), ALGORITHM_HEADER, b"HmacSHA256")?;
        }
        verifier.inner.verify(incoming, clock)
    }

    fn parse(body: &[u8]) -> Result<Event, Error> {
        super::parse(body)
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
    }

    /// The webhook event's `id`, which Box keeps across retries (unlike
    /// `BOX-DELIVERY-ID`), with the trigger.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::BoxSign);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.id.as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventKind::SignatureRequested => Lifecycle::Sent,
            EventKind::SignerSigned => Lifecycle::Signed,
            EventKind::Completed => Lifecycle::Completed,
            EventKind::Declined => Lifecycle::Declined,
            EventKind::Expired => Lifecycle::Expired,
            EventKind::SignerEmailBounced => Lifecycle::DeliveryFailed,
            EventKind::ErrorFinalizing => Lifecycle::Failed,
            _ => return None,
        };
        Some(LifecycleStep::new(kind, event.sign_request_id()))
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }
}

impl EventKinds for BoxSign {
    type Kind = EventKind;

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }
}

/// Refuses header `name` when present with another value than `expected`.
fn expect_if_present<H: Headers + ?Sized>(headers: &H, name: &str, expected: &[u8]) -> Result<(), Error> {
    let mut values = headers.values(name);
    let Some(value) = values.next() else { return Ok(()) };
    if values.next().is_some() {
        return Err(Error::new(ErrorKind::DuplicateHeader { name: name.to_owned() }));
    }
    if value.trim_ascii() != expected {
        return Err(Error::new(ErrorKind::MalformedHeader {
            name: name.to_owned(),
            reason: "an unsupported signature version or algorithm",
        }));
    }
    Ok(())
}
