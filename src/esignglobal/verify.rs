//! Authentication of eSignGlobal deliveries.
//!
//! eSignGlobal generates a secret key per webhook ("to ensure the credibility
//! of the Webhook message source") but **does not publish how it is used**: not
//! the header, the algorithm, the signed string, the encoding, nor whether a
//! timestamp is signed. The App callback channel mentions no mechanism at all.
//!
//! So this crate ships no guessed scheme. You describe it once you know it,
//! with an [`HmacScheme`] or a token header, and
//! [`detect_scheme`](super::detect_scheme) finds it for you from one real
//! captured delivery and your secret.

use std::time::Duration;

use crate::Secret;
use crate::verify::HmacScheme;

crate::verify::vendor_verifier!(EsignGlobal "eSignGlobal");

impl Verifier {
    /// Checks an HMAC-SHA256 signature made with the webhook's secret key,
    /// as described by `scheme` (found with [`detect_scheme`](super::detect_scheme)
    /// or confirmed by eSignGlobal).
    pub fn new(secret: Secret, scheme: HmacScheme) -> Self {
        Verifier {
            inner: crate::verify::Verifier::hmac(scheme, secret),
        }
    }

    /// Sets the timestamp tolerance, for schemes that sign a timestamp.
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        Verifier {
            inner: self.inner.with_tolerance(tolerance),
        }
    }
}
