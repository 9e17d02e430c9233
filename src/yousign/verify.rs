//! Authentication of Yousign deliveries.
//!
//! Yousign signs each delivery with the subscription's `secret_key`:
//! `X-Yousign-Signature-256: sha256=<hex of HMAC-SHA256(secret_key, raw body)>`
//! (<https://developers.yousign.com/docs/security>). [`Verifier::new`] checks
//! exactly that, in constant time, over the raw bytes received.

use crate::Secret;
use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(Yousign "Yousign", documented = scheme);

/// The header Yousign puts its signature in.
pub const SIGNATURE_HEADER: &str = "X-Yousign-Signature-256";

/// Yousign's scheme: `X-Yousign-Signature-256: sha256=<hex>` over the raw body.
/// No timestamp is signed (`X-Yousign-Issued-At` is not covered).
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header(SIGNATURE_HEADER),
        SignedContent::Body,
        Encoding::Hex,
    )
    .with_prefix("sha256=")
}

impl Verifier {
    /// Checks `X-Yousign-Signature-256` with the webhook subscription's
    /// `secret_key`. Add the next key during a rotation with
    /// [`with_secret`](Verifier::with_secret).
    pub fn new(secret_key: Secret) -> Self {
        Verifier {
            inner: crate::verify::Verifier::hmac(scheme(), secret_key),
        }
    }
}
