//! Authentication of OpenSign deliveries.

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(OpenSign "OpenSign", documented = scheme);

/// The header OpenSign signs deliveries in.
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";

/// OpenSign's scheme: `x-webhook-signature: <hex>`, HMAC-SHA256 of the raw body.
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header(SIGNATURE_HEADER),
        SignedContent::Body,
        Encoding::Hex,
    )
}

impl Verifier {
    /// Checks `x-webhook-signature` with the webhook's "Webhook Security Key"
    /// (Settings → Webhooks → Enable Authentication → Generate), used as the
    /// text OpenSign shows (64 hex characters), not hex-decoded, as OpenSign's
    /// own sample does.
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), secret),
        }
    }
}
