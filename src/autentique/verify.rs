//! Authentication of Autentique deliveries.

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(Autentique "Autentique", documented = scheme);

/// The header Autentique is reported to sign deliveries in (see the module
/// docs: confirmed by independent receivers, not by a complete vendor
/// example). [`Verifier::with_header`] takes another.
pub const SIGNATURE_HEADER: &str = "X-Autentique-Signature";

/// Autentique's scheme: `X-Autentique-Signature: <hex>`, HMAC-SHA256 of the raw body.
pub fn scheme() -> HmacScheme {
    scheme_in(SIGNATURE_HEADER)
}

/// The same construction in another header.
fn scheme_in(header: &str) -> HmacScheme {
    HmacScheme::new(SignatureLocation::header(header), SignedContent::Body, Encoding::Hex)
}

impl Verifier {
    /// Checks [`SIGNATURE_HEADER`] with the endpoint's secret (shown in
    /// Autentique's developer panel for each webhook endpoint), used as the
    /// text shown.
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), secret),
        }
    }

    /// The same check with the signature read from `header`: for deliveries
    /// that carry it elsewhere than [`SIGNATURE_HEADER`] (the header name is
    /// not confirmed by a complete vendor example).
    pub fn with_header(header: &str, secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme_in(header), secret),
        }
    }
}
