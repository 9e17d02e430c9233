//! [`VerifiedBody`]: an authenticated body kept as raw bytes, with the part
//! of it the check covered, to parse later.

use std::borrow::Cow;

use crate::dispatch::{Event, parse_part};
use crate::plugin::Authenticated;
use crate::verify::Verified;
use crate::{Error, Vendor};

/// The raw bytes of a delivery that passed verification, with its vendor and
/// the part of the body the check covered.
///
/// Returned by [`Webhooks::verify`](crate::Webhooks::verify). Parse it now
/// with [`parse`](VerifiedBody::parse), or keep it
/// ([`into_owned`](VerifiedBody::into_owned)), answer the vendor at once and
/// parse it in a worker. A vendor changing its payload then never turns into
/// an error response at receipt.
///
/// # One source of truth for what was verified
///
/// A check may cover one part of a body only: Dropbox Sign's proof sits in
/// the `json` field of a `multipart/form-data` body, found with the boundary
/// of the request's `Content-Type`. The value records where that part lies
/// (found once, at verification, with the request's headers) and, for the
/// vendors whose event keeps a request value outside the body (Adobe's
/// matched client id, echoed in the answer; PandaDoc's
/// `X-PandaDoc-Webhook-Event-Id`), that value. [`parse`](VerifiedBody::parse)
/// reads exactly that part and never looks for framing in the body again,
/// so it gives the event [`Webhooks::dispatch`](crate::Webhooks::dispatch)
/// gives for the same request, or the same refusal.
///
/// # Keeping it
///
/// * In memory: [`into_owned`](VerifiedBody::into_owned).
/// * In a queue or a database: [`to_stored`](VerifiedBody::to_stored), read
///   back with [`from_trusted_store`](VerifiedBody::from_trusted_store). The
///   stored form keeps everything above; the guarantee then travels with your
///   storage, not with the type.
/// * As bare bytes: [`into_bytes`](VerifiedBody::into_bytes) gives the
///   verified part, which
///   [`dangerous::parse_unverified`](crate::dangerous::parse_unverified)
///   reads back into the same event, less the kept request value.
///
/// ```
/// use esign_webhooks::{Secret, Vendor, Webhooks, constellation};
///
/// let webhooks = Webhooks::builder()
///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let verified = webhooks.verify(body, &[("x-token", "t")])?.into_owned();
/// assert_eq!(verified.vendor(), Vendor::Constellation);
/// let event = verified.parse()?; // later, e.g. in a worker
/// # let _ = event;
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedBody<'a> {
    vendor: Vendor,
    body: Cow<'a, [u8]>,
    authenticated: Authenticated,
}

/// The body by its length only: a delivery can carry a credential (Ignisign's
/// token), and so can the kept value (Adobe's client id).
impl core::fmt::Debug for VerifiedBody<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifiedBody")
            .field("vendor", &self.vendor)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .field("part", &self.authenticated.range())
            .field("verified", self.authenticated.verified())
            .finish()
    }
}

impl<'a> VerifiedBody<'a> {
    /// `authenticated` was established on `body` (its range lies in it).
    pub(crate) fn new(vendor: Vendor, body: &'a [u8], authenticated: Authenticated) -> Self {
        VerifiedBody {
            vendor,
            body: Cow::Borrowed(body),
            authenticated,
        }
    }

    /// What the check established: which configured secret matched
    /// ([`Verified::key_index`]), the signed timestamp.
    pub fn verified(&self) -> &Verified {
        self.authenticated.verified()
    }

    /// The vendor the body was verified for.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The raw bytes, exactly as received (the whole body, framing included).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The part of the body the check covered, and the only one
    /// [`parse`](VerifiedBody::parse) reads: the whole body for most vendors,
    /// the `json` field's content for a Dropbox Sign multipart body.
    pub fn verified_part(&self) -> &[u8] {
        // The range was checked against this very body when the value was made.
        self.body.get(self.authenticated.range()).unwrap_or_default()
    }

    /// Where [`verified_part`](VerifiedBody::verified_part) lies in
    /// [`body`](VerifiedBody::body), in bytes.
    pub fn verified_range(&self) -> core::ops::Range<usize> {
        self.authenticated.range()
    }

    /// Parses the verified part into a typed [`Event`]: the event
    /// [`Webhooks::dispatch`](crate::Webhooks::dispatch) gives for the same request.
    pub fn parse(&self) -> Result<Event, Error> {
        let part = self.authenticated.part_of(&self.body)?;
        parse_part(self.vendor, part, self.authenticated.kept())
    }

    /// Copies the bytes so the value can outlive the request. The verified
    /// part and the kept value go with them.
    pub fn into_owned(self) -> VerifiedBody<'static> {
        VerifiedBody {
            vendor: self.vendor,
            body: Cow::Owned(self.body.into_owned()),
            authenticated: self.authenticated,
        }
    }

    /// The verified part, owned: what [`verified_part`](VerifiedBody::verified_part)
    /// shows. For most vendors that is the whole body; for a Dropbox Sign
    /// multipart body it is the `json` field's content, so that
    /// [`dangerous::parse_unverified`](crate::dangerous::parse_unverified) on
    /// it gives the same event and never reads framing an attacker chose.
    ///
    /// The request value kept beside the body (Adobe's client id, PandaDoc's
    /// event id) is not in these bytes: keep the
    /// [`to_stored`](VerifiedBody::to_stored) form when you need it.
    /// [`body`](VerifiedBody::body) still gives the raw bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        let range = self.authenticated.range();
        match self.body {
            Cow::Owned(mut bytes) if range.end <= bytes.len() && range.start <= range.end => {
                bytes.truncate(range.end);
                bytes.drain(..range.start);
                bytes
            }
            body => body.get(range).unwrap_or_default().to_vec(),
        }
    }

    /// The parts of the value, for the stored form.
    pub(crate) fn stored_parts(&self) -> (Vendor, &[u8], &Authenticated) {
        (self.vendor, &self.body, &self.authenticated)
    }

    /// A value read back from storage; the caller checked the range.
    pub(crate) fn restored(vendor: Vendor, body: Vec<u8>, authenticated: Authenticated) -> VerifiedBody<'static> {
        VerifiedBody {
            vendor,
            body: Cow::Owned(body),
            authenticated,
        }
    }
}
