//! Authentication of PandaDoc deliveries.
//!
//! PandaDoc signs each delivery with the subscription's shared key and puts
//! the signature **in the URL**: "Each webhook request arrives as a POST to
//! your registered endpoint with a signature query parameter appended
//! automatically" (<https://developers.pandadoc.com/docs/webhook-verification>,
//! updated 2026-07-20): register the plain URL. The signature is the hex
//! HMAC-SHA256 of the raw body. [`Verifier::new`] checks exactly that;
//! requests must be passed with their URI
//! ([`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming) with
//! [`Incoming::with_uri`](crate::Incoming::with_uri)). A literal
//! `signature={signature}` left over from the older instructions is ignored
//! when another `signature` is present (see the [module docs](super)).

use crate::Secret;
use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};

crate::verify::vendor_verifier!(PandaDoc "PandaDoc", documented = scheme);

/// The query parameter PandaDoc puts its signature in.
pub const SIGNATURE_PARAMETER: &str = "signature";

/// The header that identifies a delivery across retries.
pub const EVENT_ID_HEADER: &str = "X-PandaDoc-Webhook-Event-Id";

/// PandaDoc's scheme: hex HMAC-SHA256 of the raw body in the `signature` query parameter.
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::query(SIGNATURE_PARAMETER),
        SignedContent::Body,
        Encoding::Hex,
    )
}

impl Verifier {
    /// Checks the `signature` query parameter with the webhook subscription's shared key.
    pub fn new(shared_key: Secret) -> Self {
        Verifier {
            inner: crate::verify::Verifier::hmac(scheme(), shared_key),
        }
    }
}
