//! The SignWell plug-in: the proof sits in the body, so `authenticate` and
//! `receive` read it there.

use std::borrow::Cow;

use super::{Event, EventKind, Verifier};
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{Authenticated, BodyShape, EventKinds, Plugin, private};
use crate::{Error, Vendor};

/// The SignWell plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SignWell;

impl private::Sealed for SignWell {}

impl Plugin for SignWell {
    const VENDOR: Vendor = Vendor::SignWell;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("publishes neither the answer it expects nor its retries");
    type Verifier = Verifier;
    type Event = Event;
    type Confirmed = Event;

    /// `event` and `data` at the top level, and `event.hash` inside: the
    /// top-level keys alone are shared with other vendors.
    fn claims(shape: &BodyShape<'_>) -> bool {
        shape.has("data") && shape.has_in("event", "hash")
    }

    /// SignWell's `event.type` (`document_completed`, …), as sent.
    fn kind_name(event: &Event) -> Cow<'_, str> {
        Cow::Borrowed(event.kind().as_str())
    }

    fn parse(body: &[u8]) -> Result<Event, Error> {
        super::parse(body)
    }

    /// The proof reads the body up to `event` (SignWell sends it first): the
    /// typed parse reads all of it, and refuses what the whole reading of
    /// `verify` refuses (a second `event`, a syntax error after it).
    fn authenticate_part_to_parse<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        _: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        let verified = verifier.check_reading(incoming.body(), crate::json_text::Reading::UpToKey)?;
        Ok(Authenticated::whole(verified, incoming.body()))
    }

    fn into_confirmed(event: Event) -> Result<Event, Event> {
        Ok(event)
    }

    /// `event.type`, `event.time` (the signed pair), the document id and the
    /// related signer's e-mail and name: viewed, signed and declined are sent
    /// once per recipient, and time has a one-second resolution, so without
    /// the signer two recipients acting in the same second would share a key
    /// and the second event would be dropped as a copy.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::SignWell);
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.event.time.to_string().as_bytes());
        hasher.part(event.document_id().unwrap_or_default().as_bytes());
        let signer = event.event.related_signer.as_ref();
        hasher.part(signer.and_then(|s| s.email.as_deref()).unwrap_or_default().as_bytes());
        hasher.part(signer.and_then(|s| s.name.as_deref()).unwrap_or_default().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            EventKind::DocumentSent => Lifecycle::Sent,
            EventKind::DocumentViewed => Lifecycle::Viewed,
            EventKind::DocumentSigned => Lifecycle::Signed,
            EventKind::DocumentCompleted => Lifecycle::Completed,
            EventKind::DocumentDeclined => Lifecycle::Declined,
            EventKind::DocumentExpired => Lifecycle::Expired,
            EventKind::DocumentCanceled => Lifecycle::Cancelled,
            EventKind::DocumentBounced => Lifecycle::DeliveryFailed,
            EventKind::DocumentError => Lifecycle::Failed,
            _ => return None,
        };
        let signer = event.event.related_signer.as_ref().and_then(|s| s.email.as_deref());
        Some(LifecycleStep::new(kind, event.document_id()).signer(signer))
    }

    fn is_unknown(event: &Event) -> bool {
        event.kind().is_unknown()
    }
}

impl EventKinds for SignWell {
    type Kind = EventKind;

    fn kind(event: &Event) -> &EventKind {
        event.kind()
    }
}
