//! [`VerifiedBody`]: an authenticated body kept as raw bytes, to parse later.

use std::borrow::Cow;

use crate::dispatch::{Event, parse_verified};
use crate::verify::Verified;
use crate::{Error, Vendor};

/// The raw bytes of a delivery that passed verification, with its vendor.
///
/// Returned by [`Webhooks::verify`](crate::Webhooks::verify). Parse it now
/// with [`parse`](VerifiedBody::parse), or keep it
/// ([`into_owned`](VerifiedBody::into_owned)), answer the vendor at once and
/// parse it in a worker. A vendor changing its payload then never turns into
/// an error response at receipt.
///
/// Once the bytes leave this type (stored in a queue, say), the guarantee
/// travels with your storage, not with the type: parse them back with
/// [`dangerous::parse_unverified`](crate::dangerous::parse_unverified).
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
    verified: Verified,
}

/// The body by its length only: a delivery can carry a credential (Ignisign's token).
impl core::fmt::Debug for VerifiedBody<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifiedBody")
            .field("vendor", &self.vendor)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .field("verified", &self.verified)
            .finish()
    }
}

impl<'a> VerifiedBody<'a> {
    pub(crate) fn new(vendor: Vendor, body: &'a [u8], verified: Verified) -> Self {
        VerifiedBody {
            vendor,
            body: Cow::Borrowed(body),
            verified,
        }
    }

    /// What the check established: which configured secret matched
    /// ([`Verified::key_index`]), the signed timestamp.
    pub fn verified(&self) -> &Verified {
        &self.verified
    }

    /// The vendor the body was verified for.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The raw bytes, exactly as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Parses the body into a typed [`Event`].
    pub fn parse(&self) -> Result<Event, Error> {
        parse_verified(self.vendor, &self.body)
    }

    /// Copies the bytes so the value can outlive the request.
    pub fn into_owned(self) -> VerifiedBody<'static> {
        VerifiedBody {
            vendor: self.vendor,
            body: Cow::Owned(self.body.into_owned()),
            verified: self.verified,
        }
    }

    /// The raw bytes, owned.
    pub fn into_bytes(self) -> Vec<u8> {
        self.body.into_owned()
    }
}
