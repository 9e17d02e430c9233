//! Calls that skip verification. Each says so in its name; use them knowingly.
//!
//! Following `jsonwebtoken`'s `dangerous` module: everything here trusts input
//! the crate did not authenticate. The unverified *modes* of each vendor
//! (`Verifier::dangerous_accept_unverified`) and Ignisign's
//! [`Delivery::dangerous_skip_token_check`](crate::ignisign::Delivery::dangerous_skip_token_check)
//! are the other two doors, and are named the same way.

use crate::dispatch::{Event, parse_verified};
use crate::{Error, Vendor};

/// Parses a body as `vendor`'s without any verification.
///
/// Meant for bytes you verified earlier with
/// [`Webhooks::verify`](crate::Webhooks::verify) and stored (a queue, a
/// database): the type cannot know they were verified, your storage does.
/// Never call it on bytes straight from a request.
///
/// Store [`VerifiedBody::into_bytes`](crate::VerifiedBody::into_bytes) (the
/// part the check covered), not the raw request body: a check may cover one
/// part of a body only, and this function, which sees no header, could read
/// another. Better, store [`VerifiedBody::to_stored`](crate::VerifiedBody::to_stored)
/// and read it back with
/// [`VerifiedBody::from_trusted_store`](crate::VerifiedBody::from_trusted_store),
/// which keeps the verified part's place and the request value some events
/// keep (Adobe's client id, PandaDoc's event id), neither of which is here.
///
/// **A raw `multipart/form-data` body without its `Content-Type` is
/// ambiguous** (Dropbox Sign's default format): the boundary then comes from
/// the body itself, and a preamble can be a whole multipart body of its own.
/// Such a body is read only when it is nothing but its parts: the boundary of
/// its first line, no preamble, no epilogue, no part holding a line that
/// starts with `--`; anything else is refused with
/// [`ErrorKind::MalformedMultipart`](crate::ErrorKind::MalformedMultipart)
/// ([`MultipartError::AmbiguousFraming`](crate::MultipartError::AmbiguousFraming)).
///
/// ```
/// use esign_webhooks::{Event, Vendor, dangerous};
///
/// let stored = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SignerStatus","Status":4}}"#;
/// let event = dangerous::parse_unverified(Vendor::Constellation, stored)?;
/// assert!(matches!(event, Event::Constellation(_)));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
pub fn parse_unverified(vendor: Vendor, body: &[u8]) -> Result<Event, Error> {
    parse_verified(vendor, body)
}

/// Which vendors' formats an (unverified) body looks like: the vendors whose
/// distinctive top-level keys it has (their plug-in's `claims`), then those
/// that claim it only weakly (`claims_weakly`: keys shared with others), in
/// the table's order. The evidence dispatch uses when no credential names a
/// vendor; a diagnostic (the CLI's `inspect`), not a check: anyone can send
/// any keys.
///
/// ```
/// use esign_webhooks::{Vendor, dangerous};
///
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SignerStatus","Status":4}}"#;
/// let (claimed, _weakly) = dangerous::vendors_claiming(body);
/// assert!(!claimed.contains(&Vendor::SignPlus));
/// ```
pub fn vendors_claiming(body: &[u8]) -> (Vec<Vendor>, Vec<Vendor>) {
    let (strong, weak) = crate::dispatch::vendors::Vendors::claimed(&crate::plugin::BodyShape::of(body));
    (strong.iter().collect(), weak.iter().collect())
}
