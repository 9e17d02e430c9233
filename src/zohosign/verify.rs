//! Authentication of Zoho Sign deliveries.
//!
//! With "HMAC signature" ticked on the webhook, Zoho Sign sends
//! `X-ZS-WEBHOOK-SIGNATURE: base64(HMAC-SHA256(secret, payload))`, the
//! payload being the raw body read "as a string to avoid reordering keys"
//! (<https://help.zoho.com/portal/en/kb/zoho-sign/admin-guide/webhooks/articles/securing-zoho-sign-webhooks-with-hmac-authentication>).
//! The page writes the formula as `HMAC SHA-256(payload+secret_key)`; its own
//! sample reproduces only with the secret as the key and the payload as the
//! message, which is what [`Verifier::new`] checks (the sample is a test of
//! this module).

use crate::Secret;
use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(ZohoSign "Zoho Sign", documented = scheme);

/// The header Zoho Sign puts its signature in.
pub const SIGNATURE_HEADER: &str = "X-ZS-WEBHOOK-SIGNATURE";

/// Zoho Sign's scheme: base64 HMAC-SHA256 of the raw body in `X-ZS-WEBHOOK-SIGNATURE`.
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header(SIGNATURE_HEADER),
        SignedContent::Body,
        Encoding::Base64,
    )
}

impl Verifier {
    /// Checks `X-ZS-WEBHOOK-SIGNATURE` with the secret entered or generated
    /// when the webhook was created (Zoho shows it once).
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: crate::verify::Verifier::hmac(scheme(), secret),
        }
    }
}
