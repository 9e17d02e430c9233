//! [`detect_scheme`]: finds how eSignGlobal authenticates deliveries, from one
//! real captured delivery and the webhook's secret key.
//!
//! eSignGlobal does not publish its scheme, so the crate cannot ship one. This
//! is the engine's [`verify::detect_scheme`](crate::verify::detect_scheme)
//! applied to an eSignGlobal delivery, with eSignGlobal's [`Verifier`] as the
//! result. The command-line tool (`esign-webhooks detect`) runs the same
//! detection on a captured request.

use core::fmt;

use super::Verifier;
pub use crate::headers::HeaderNames;
use crate::headers::Incoming;
use crate::secret::Secret;
use crate::verify::{self, Detected, Detection, HmacScheme, TimestampUnit};

/// Finds which authentication scheme a real eSignGlobal delivery uses.
///
/// Give it **one delivery captured as received** (the exact raw body bytes,
/// before any JSON parsing, and every request header) and the webhook's
/// secret key (Settings → Integrations → Webhook). It tries every method and
/// [`HmacScheme`] shape the engine verifies, over the headers the request
/// has; see [`verify::detect_scheme`](crate::verify::detect_scheme) for the
/// list (secret as a token, HMAC-SHA256 of the body, of
/// `{timestamp}{sep}{body}`, `{body}{sep}{timestamp}` or
/// `{id}{sep}{timestamp}{sep}{body}`, in a header, numbered headers, sibling
/// headers, a parameters header, a versioned list, a
/// `{timestamp}{split}{signature}` header or the query, hex or base64, with
/// or without a prefix, seconds, milliseconds or RFC 3339).
///
/// What a result means:
///
/// * The scheme is **not published** by eSignGlobal; detection reports only
///   schemes this crate can express. A scheme it cannot express (another
///   algorithm, a canonical JSON, a URL in the signed string) ends in
///   [`SchemeNotFound`].
/// * An HMAC match on one delivery is strong evidence (it cannot happen by
///   chance), but confirm the scheme with eSignGlobal support before relying
///   on it: a timestamp or a header may be optional, or change. When
///   [`DetectedScheme::is_ambiguous`], one delivery cannot tell two schemes
///   apart: capture another.
/// * A signed timestamp gets the default tolerance of 300 s
///   ([`DEFAULT_TOLERANCE`](crate::verify::DEFAULT_TOLERANCE)); the old
///   timestamp of the captured delivery is accepted during detection only. Set
///   the tolerance you want afterwards with [`Verifier::with_tolerance`].
///
/// ```
/// use esign_webhooks::Secret;
/// use esign_webhooks::esignglobal::detect_scheme;
///
/// let body = br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":"ENV-1","envelopeStatus":2}}"#;
/// // A made-up header for the example: eSignGlobal's real header is not published.
/// let headers = [
///     ("Content-Type", "application/json"),
///     ("X-Captured-Signature", "dbbe2282c904dc1fec1a4bfda2471f89bfaf95a00f8f1cbd8891f7dc86f154bf"),
/// ];
/// let secret = Secret::new("example-secret");
/// let found = detect_scheme(body, &headers, &secret)?;
/// assert_eq!(
///     found.to_string(),
///     "verified with HMAC-SHA256, hex, of the raw body, in header X-Captured-Signature \
///      (confirm with eSignGlobal support before relying on it)"
/// );
/// // The compact form, for a configuration file (`scheme = '…'`).
/// assert_eq!(found.hmac_scheme().unwrap().to_string(), "header=X-Captured-Signature encoding=hex");
/// let verifier = found.verifier(secret);
/// # let _ = verifier;
/// # Ok::<(), esign_webhooks::esignglobal::SchemeNotFound>(())
/// ```
pub fn detect_scheme<H: HeaderNames + ?Sized>(
    body: &[u8],
    headers: &H,
    secret: &Secret,
) -> Result<DetectedScheme, SchemeNotFound> {
    verify::detect_scheme(&Incoming::new(body, headers), secret)
        .map(|detection| DetectedScheme { detection })
        .map_err(|inner| SchemeNotFound { inner })
}

/// The scheme [`detect_scheme`] found. Holds no secret.
///
/// Its `Display` says in one line what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedScheme {
    detection: Detection,
}

impl DetectedScheme {
    /// A verifier for the best-ranked scheme with `secret` (the webhook's secret key).
    ///
    /// For an HMAC scheme that signs a timestamp, the tolerance is the default
    /// 300 s; change it with [`Verifier::with_tolerance`].
    pub fn verifier(&self, secret: Secret) -> Verifier {
        Verifier::from_engine(self.detection.best().verifier(secret))
    }

    /// The HMAC scheme found; `None` when the secret is sent as a token.
    pub fn hmac_scheme(&self) -> Option<&HmacScheme> {
        self.detection.best().hmac_scheme()
    }

    /// The header that carries the secret as-is, when that is what was found.
    pub fn token_header(&self) -> Option<&str> {
        match self.detection.best() {
            Detected::HeaderToken { header } => Some(header),
            _ => None,
        }
    }

    /// `true` when the signed timestamp is in milliseconds. The scheme found
    /// then reads it so ([`TimestampUnit::Milliseconds`]), and the tolerance
    /// applies as usual.
    pub fn timestamp_in_millis(&self) -> bool {
        self.hmac_scheme().is_some_and(|scheme| {
            scheme.timestamp_unit() == TimestampUnit::Milliseconds && scheme.signed_content().timestamp().is_some()
        })
    }

    /// `true` when another, different scheme verifies the delivery as well and
    /// ranks the same: capture a second delivery to tell them apart.
    pub fn is_ambiguous(&self) -> bool {
        self.detection.is_ambiguous()
    }

    /// The engine's full result: every scheme that verifies, best first.
    pub fn detection(&self) -> &Detection {
        &self.detection
    }
}

impl fmt::Display for DetectedScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.detection.best() {
            Detected::Hmac(scheme) => {
                write!(f, "verified with {}", scheme.describe())?;
                if scheme.signed_content().timestamp().is_some() {
                    write!(
                        f,
                        "; timestamp tolerance {} s, adjust as needed",
                        scheme.tolerance().as_secs()
                    )?;
                }
            }
            Detected::HeaderToken { header } => write!(
                f,
                "the secret key is sent as-is in header {header}: use esignglobal::Verifier::header_token(\"{header}\", secret)"
            )?,
            other => write!(f, "verified with {other}")?,
        }
        if self.is_ambiguous() {
            f.write_str("; ambiguous: another scheme verifies this delivery too, capture a second one")?;
        }
        f.write_str(" (confirm with eSignGlobal support before relying on it)")
    }
}

/// [`detect_scheme`] found no scheme that verifies the delivery with the secret.
///
/// Lists how many combinations were tried and which header **names** were
/// considered; never a header value nor the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeNotFound {
    inner: verify::NotDetected,
}

impl SchemeNotFound {
    /// How many (signature, signed content) combinations were tried.
    pub fn combinations_tried(&self) -> usize {
        self.inner.combinations_tried()
    }

    /// The names of the headers that were tried.
    pub fn headers_considered(&self) -> &[String] {
        self.inner.headers_considered()
    }
}

impl fmt::Display for SchemeNotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (Reset Secret Key replaces it); otherwise ask eSignGlobal support how deliveries are signed",
            self.inner
        )
    }
}

impl std::error::Error for SchemeNotFound {}
