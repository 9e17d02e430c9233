//! Authentication of DocuSeal deliveries: its HMAC header, or the custom
//! header you configured in DocuSeal.

use std::time::Duration;

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};

crate::verify::vendor_verifier!(DocuSeal "DocuSeal", documented = scheme);

/// The header DocuSeal signs deliveries in.
pub const SIGNATURE_HEADER: &str = "X-Docuseal-Signature";

/// DocuSeal's scheme: `X-Docuseal-Signature: <ts>.<hex>`, hex HMAC-SHA256 of
/// `"<ts>.<raw body>"`, ±300 s (the vendor's own verifier's tolerance).
///
/// ```
/// use esign_webhooks::docuseal;
/// assert_eq!(
///     docuseal::scheme().describe().to_string(),
///     "HMAC-SHA256, hex, of \"{timestamp}.{body}\" (timestamp in the signature header, before the signature), \
///      in header X-Docuseal-Signature (\"{timestamp}.{signature}\")"
/// );
/// ```
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::timestamp_prefixed(SIGNATURE_HEADER, "."),
        SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), "."),
        Encoding::Hex,
    )
}

impl Verifier {
    /// Checks `X-Docuseal-Signature` with the webhook's secret, exactly as
    /// DocuSeal shows it (`whsec_…`): the whole string is the HMAC key, it is
    /// **not** base64-decoded. Timestamps more than 300 s from the clock, either
    /// way, are refused; see [`with_tolerance`](Verifier::with_tolerance).
    ///
    /// For DocuSeal's other option, a header name and value of your choice set
    /// in its webhook settings, use [`Verifier::header_token`].
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), secret),
        }
    }

    /// Sets how far the signed timestamp may be from the clock, either way
    /// (default 300 s). Has no effect on a header-token verifier.
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        Verifier {
            inner: self.inner.with_tolerance(tolerance),
        }
    }
}
