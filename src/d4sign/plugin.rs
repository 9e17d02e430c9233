//! The D4Sign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps D4Sign posts.

use super::{Event, TypePost, Verifier};
use crate::Vendor;
use crate::clock::Clock;
use crate::dedup_key::{DedupKey, Hasher};
use crate::headers::{Headers, Incoming};
use crate::json_text::Reading;
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};
use crate::verify::Verified;

/// The D4Sign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct D4Sign;

impl private::Sealed for D4Sign {}

impl SimpleVendor for D4Sign {
    const VENDOR: Vendor = Vendor::D4Sign;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of fields, however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "retries a post not answered with a 2xx six more times: after 1 h, 1 h, 1 h, 6 h, 6 h and 12 h (27 hours in all)",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = TypePost;

    /// `uuid` and `type_post` (no other vendor sends `type_post`), at the
    /// top of a JSON object or as form fields.
    ///
    /// The JSON members are looked for first (reading the body only as far
    /// as they are); only a body without them is read whole to tell JSON from a form.
    fn claims(shape: &BodyShape<'_>) -> bool {
        if !shape.is_array() && shape.has("uuid") && shape.has("type_post") {
            return true;
        }
        !shape.is_json() && shape.raw_contains(b"type_post") && shape.raw_contains(b"uuid")
    }

    fn kind(event: &Event) -> &TypePost {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// The proof reads a JSON body up to `uuid` (D4Sign sends it first): the
    /// typed parse that follows reads all of it, and refuses what the whole
    /// reading of `verify` refuses (a second `uuid`, a syntax error after it).
    fn authenticate_to_parse<H: Headers + ?Sized>(
        verifier: &Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, crate::Error> {
        verifier.authenticate_reading(incoming, clock, Reading::UpToKey)
    }

    /// No event id: the UUID, `type_post` and the signer's e-mail. D4Sign
    /// posts one "signed" per signer and one "finished" or "cancelled" per
    /// document, and its retries (up to 6, over 27 hours) repeat the post.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::D4Sign);
        hasher.part(event.uuid.as_bytes());
        hasher.part(event.kind().as_str().as_bytes());
        hasher.part(event.email.as_deref().unwrap_or_default().as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let kind = match event.kind() {
            TypePost::Finished => Lifecycle::Completed,
            TypePost::EmailNotSent => Lifecycle::DeliveryFailed,
            TypePost::Cancelled => Lifecycle::Cancelled,
            TypePost::Signed => Lifecycle::Signed,
            _ => return None,
        };
        Some(LifecycleStep::new(kind, Some(&event.uuid)).signer(event.email.as_deref()))
    }
}
