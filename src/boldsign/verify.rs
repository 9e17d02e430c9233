//! Authentication of BoldSign events: `X-BoldSign-Signature`.

use std::time::Duration;

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};

crate::verify::vendor_verifier!(BoldSign "BoldSign", documented = scheme);

/// BoldSign's scheme: `X-BoldSign-Signature: t=<unix>, s0=<hex>[, s1=<hex>]`,
/// each signature the lowercase hex HMAC-SHA256 of `<t>.<raw body>`; `s0` is
/// made with the current secret, `s1` (during a roll-over) with the previous
/// one. Elements are split on `,` and trimmed, as BoldSign's SDKs do. The
/// timestamp may be at most 300 s from the clock ([`Verifier::with_tolerance`]).
///
/// ```
/// use esign_webhooks::boldsign;
/// assert_eq!(boldsign::scheme().tolerance().as_secs(), 300);
/// ```
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("X-BoldSign-Signature", ["s0", "s1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

impl Verifier {
    /// Checks `X-BoldSign-Signature` with the webhook's signing secret (the
    /// webhook's page → "Reveal"). The secret's text is the HMAC key.
    ///
    /// ```
    /// use std::time::Duration;
    /// use esign_webhooks::{Secret, Webhooks, boldsign};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .boldsign(
    ///         boldsign::Verifier::new(Secret::new("new-secret"))
    ///             .with_secret(Secret::new("old-secret")) // during a roll-over on your side
    ///             .with_tolerance(Duration::from_secs(120)),
    ///     )
    ///     .build()?;
    /// # let _ = webhooks;
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn new(secret: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), secret),
        }
    }

    /// Sets how far `t` may be from the clock, both ways (default 300 s, as
    /// BoldSign's SDKs). The signature is checked first.
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        Verifier {
            inner: self.inner.with_tolerance(tolerance),
        }
    }
}
