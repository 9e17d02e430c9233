//! The Box Sign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Box Sign deliveries.

use super::{ALGORITHM_HEADER, Event, EventKind, VERSION_HEADER, Verifier};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::error::ErrorKind;
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};
use crate::verify::Verified;
use crate::{Error, Vendor};

/// The Box Sign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct BoxSign;

impl private::Sealed for BoxSign {}

impl SimpleVendor for BoxSign {
    const VENDOR: Vendor = Vendor::BoxSign;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings (the event's and its source's ids), however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts anything but a 2xx within 30 seconds as failed and retries up to 12 times over 2 hours, each retry with a new `BOX-DELIVERY-ID` and timestamp; after that the event is lost to the webhook",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `trigger` with `webhook`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("trigger") && shape.has("webhook")
    }

    fn kind(event: &Event) -> &EventKind {
        event.kind()
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
