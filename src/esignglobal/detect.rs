//! [`detect_scheme`]: finds how eSignGlobal authenticates deliveries, from one
//! real captured delivery and the webhook's secret key.
//!
//! eSignGlobal does not publish its scheme, so the crate cannot ship one.
//! Detection tries, with the crate's own verification engine, every scheme the
//! engine can express against every header of the captured request, and
//! reports the one that verifies. It never invents a header name: it only
//! looks at the headers the request actually had.

use core::fmt;

use super::Verifier;
use crate::headers::{Headers, Incoming};
use crate::secret::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit};

/// Headers whose names can be listed, which detection needs ([`Headers`] can
/// only look a name up).
///
/// Implemented for everything [`Headers`] is implemented for in this crate:
/// [`http::HeaderMap`] and slices, arrays and `Vec`s of `(name, value)` pairs.
pub trait HeaderNames: Headers {
    /// Every header name of the request, in any case; repeats are allowed.
    fn header_names(&self) -> impl Iterator<Item = &str>;
}

impl<T: HeaderNames + ?Sized> HeaderNames for &T {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        (**self).header_names()
    }
}

impl HeaderNames for http::HeaderMap {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.keys().map(http::HeaderName::as_str)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> HeaderNames for [(K, V)] {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(name, _)| name.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> HeaderNames for [(K, V); N] {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.as_slice().header_names()
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> HeaderNames for Vec<(K, V)> {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.as_slice().header_names()
    }
}

/// Separators tried between a timestamp and the body.
const SEPARATORS: [&str; 3] = [".", "", "\n"];

/// Parameter keys tried as the timestamp of a `key=value, …` signature header.
const TIMESTAMP_KEYS: [&str; 3] = ["t", "ts", "timestamp"];

/// Unix seconds of 2000-01-01 and 2100-01-01: the range a delivery timestamp can be in.
const PLAUSIBLE_SECONDS: core::ops::RangeInclusive<i64> = 946_684_800..=4_102_444_800;

/// Finds which authentication scheme a real eSignGlobal delivery uses.
///
/// Give it **one delivery captured as received** (the exact raw body bytes,
/// before any JSON parsing, and every request header) and the webhook's
/// secret key (Settings → Integrations → Webhook). It tries, with the crate's
/// verification engine:
///
/// * the secret sent as-is in a header (→ [`Verifier::header_token`]);
/// * an HMAC-SHA256 of the raw body, or of `{timestamp}{sep}{body}` with `sep`
///   one of `.`, nothing or a newline, where the timestamp is any header whose
///   value looks like Unix seconds or milliseconds, or a `t`/`ts`/`timestamp`
///   parameter of the signature header;
/// * in hex and in base64, as a header's whole value, after a prefix such as
///   `sha256=` (any leading `word=`, `word:` or `word `), or as any parameter of
///   a `key=value, …` header (`t=…, v1=…`).
///
/// Headers that never carry a signature (`content-type`, `content-length`,
/// `host`, `user-agent`, `accept*`, `connection`, `x-forwarded-*`, …) are skipped.
///
/// What a result means:
///
/// * The scheme is **not published** by eSignGlobal; detection reports only
///   schemes this crate can express. A scheme it cannot express (another
///   algorithm, a canonical JSON, a URL in the signed string) ends in
///   [`SchemeNotFound`].
/// * An HMAC match on one delivery is strong evidence (it cannot happen by
///   chance), but confirm the scheme with eSignGlobal support before relying
///   on it: a timestamp or a header may be optional, or change.
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
/// let verifier = found.verifier(secret);
/// # let _ = verifier;
/// # Ok::<(), esign_webhooks::esignglobal::SchemeNotFound>(())
/// ```
pub fn detect_scheme<H: HeaderNames + ?Sized>(
    body: &[u8],
    headers: &H,
    secret: &Secret,
) -> Result<DetectedScheme, SchemeNotFound> {
    let candidates = candidate_headers(headers);
    let timestamps: Vec<(&str, i64)> = candidates
        .iter()
        .filter_map(|candidate| Some((candidate.name, plausible_timestamp(candidate.value?)?)))
        .collect();
    let mut search = Search {
        incoming: Incoming::new(body, headers),
        secret,
        tried: 0,
    };

    for candidate in &candidates {
        if search.token(candidate.name) {
            return Ok(DetectedScheme {
                found: Found::Token {
                    header: candidate.name.to_owned(),
                },
            });
        }
    }

    for candidate in &candidates {
        let Some(value) = candidate.value else { continue };
        // Contents signed with a timestamp from another header.
        let mut contents: Vec<(SignedContent, i64)> = vec![(SignedContent::Body, 0)];
        for &(ts_name, ts) in timestamps.iter().filter(|(name, _)| *name != candidate.name) {
            for separator in SEPARATORS {
                contents.push((
                    SignedContent::timestamp_then_body(TimestampLocation::header(ts_name), separator),
                    ts,
                ));
            }
        }

        let whole = SignatureLocation::header(candidate.name);
        if let Some(found) = search.schemes(&whole, None, &contents) {
            return Ok(found);
        }
        if let Some(prefix) = leading_prefix(value) {
            if let Some(found) = search.schemes(&whole, Some(prefix), &contents) {
                return Ok(found);
            }
        }
        if let Some(params) = parameters(value) {
            let mut with_params = contents.clone();
            for (key, raw) in &params {
                if let Some(ts) = TIMESTAMP_KEYS.contains(key).then(|| plausible_timestamp(raw)).flatten() {
                    for separator in SEPARATORS {
                        with_params.push((
                            SignedContent::timestamp_then_body(TimestampLocation::parameter(*key), separator),
                            ts,
                        ));
                    }
                }
            }
            for (key, _) in params.iter().filter(|(key, _)| !TIMESTAMP_KEYS.contains(key)) {
                let location = SignatureLocation::parameters(candidate.name, [*key]);
                if let Some(found) = search.schemes(&location, None, &with_params) {
                    return Ok(found);
                }
            }
        }
    }

    Err(SchemeNotFound {
        combinations_tried: search.tried,
        headers_considered: candidates.iter().map(|c| c.name.to_owned()).collect(),
    })
}

/// A header worth trying, with its single value when it has exactly one that is UTF-8.
struct Candidate<'a> {
    name: &'a str,
    value: Option<&'a str>,
}

/// The distinct header names (ignoring case, first spelling kept) that may carry a
/// signature, a token or a timestamp.
fn candidate_headers<H: HeaderNames + ?Sized>(headers: &H) -> Vec<Candidate<'_>> {
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for name in headers.header_names() {
        if is_not_a_candidate(name) || candidates.iter().any(|c| c.name.eq_ignore_ascii_case(name)) {
            continue;
        }
        let mut values = headers.values(name);
        let value = match (values.next(), values.next()) {
            (Some(only), None) => core::str::from_utf8(only).ok().map(str::trim),
            _ => None,
        };
        candidates.push(Candidate { name, value });
    }
    candidates
}

/// Standard headers that carry no authentication.
fn is_not_a_candidate(name: &str) -> bool {
    const EXACT: [&str; 13] = [
        "content-type",
        "content-length",
        "content-encoding",
        "transfer-encoding",
        "host",
        "user-agent",
        "connection",
        "keep-alive",
        "forwarded",
        "via",
        "x-real-ip",
        "expect",
        "te",
    ];
    let lower = name.to_ascii_lowercase();
    EXACT.contains(&lower.as_str()) || lower.starts_with("accept") || lower.starts_with("x-forwarded-")
}

/// The value as Unix seconds or milliseconds, when it is a plain integer in the plausible range.
fn plausible_timestamp(value: &str) -> Option<i64> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i64 = value.parse().ok()?;
    let seconds = if number > *PLAUSIBLE_SECONDS.end() {
        number / 1000
    } else {
        number
    };
    PLAUSIBLE_SECONDS.contains(&seconds).then_some(number)
}

/// `sha256=`, `v1:`, `HMAC-SHA256 `: a leading word and its separator, when a value follows.
fn leading_prefix(value: &str) -> Option<&str> {
    let end = value
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))?;
    let separator = *value.as_bytes().get(end)?;
    let prefix = value.get(..=end)?;
    let rest = value.get(end + 1..)?;
    (end > 0 && matches!(separator, b'=' | b':' | b' ') && !rest.trim().is_empty()).then_some(prefix)
}

/// The `key=value` pairs of a comma-separated parameter list, when the whole value is one.
fn parameters(value: &str) -> Option<Vec<(&str, &str)>> {
    let mut params = Vec::new();
    for part in value.split(',').map(str::trim).filter(|part| !part.is_empty()) {
        let (key, raw) = part.split_once('=')?;
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return None;
        }
        params.push((key, raw.trim()));
    }
    (!params.is_empty()).then_some(params)
}

/// The trials, run through the engine, and how many were made.
struct Search<'a, H: ?Sized> {
    incoming: Incoming<'a, H>,
    secret: &'a Secret,
    tried: usize,
}

impl<H: Headers + ?Sized> Search<'_, H> {
    /// Whether header `name` carries the secret itself.
    fn token(&mut self, name: &str) -> bool {
        self.tried += 1;
        verify::Verifier::header_token(name, self.secret.clone())
            .verify_at(&self.incoming, 0)
            .is_ok()
    }

    /// Tries `location` (with `prefix`) over every content, in hex and base64.
    /// Each content comes with the `now` to verify at: its own timestamp, so
    /// that the captured delivery's old timestamp is within tolerance.
    fn schemes(
        &mut self,
        location: &SignatureLocation,
        prefix: Option<&str>,
        contents: &[(SignedContent, i64)],
    ) -> Option<DetectedScheme> {
        for (content, now) in contents {
            for encoding in [Encoding::Hex, Encoding::Base64] {
                let mut scheme = HmacScheme::new(location.clone(), content.clone(), encoding);
                if let Some(prefix) = prefix {
                    scheme = scheme.with_prefix(prefix);
                }
                self.tried += 1;
                let verified = verify::Verifier::hmac(scheme.clone(), self.secret.clone())
                    .verify_at(&self.incoming, *now)
                    .is_ok();
                if verified {
                    let timestamp_in_millis = content.timestamp().is_some() && *now > *PLAUSIBLE_SECONDS.end();
                    if timestamp_in_millis {
                        scheme = scheme.with_timestamp_unit(TimestampUnit::Milliseconds);
                    }
                    return Some(DetectedScheme {
                        found: Found::Hmac {
                            scheme,
                            timestamp_in_millis,
                        },
                    });
                }
            }
        }
        None
    }
}

/// The scheme [`detect_scheme`] found. Holds no secret.
///
/// Its `Display` says in one line what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedScheme {
    found: Found,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    Hmac {
        scheme: HmacScheme,
        timestamp_in_millis: bool,
    },
    Token {
        header: String,
    },
}

impl DetectedScheme {
    /// A verifier for this scheme with `secret` (the webhook's secret key).
    ///
    /// For an HMAC scheme that signs a timestamp, the tolerance is the default
    /// 300 s; change it with [`Verifier::with_tolerance`]. See
    /// [`DetectedScheme::timestamp_in_millis`] for millisecond timestamps.
    pub fn verifier(&self, secret: Secret) -> Verifier {
        match &self.found {
            Found::Hmac { scheme, .. } => Verifier::new(secret, scheme.clone()),
            Found::Token { header } => Verifier::header_token(header.clone(), secret),
        }
    }

    /// The HMAC scheme found; `None` when the secret is sent as a token.
    pub fn hmac_scheme(&self) -> Option<&HmacScheme> {
        match &self.found {
            Found::Hmac { scheme, .. } => Some(scheme),
            Found::Token { .. } => None,
        }
    }

    /// The header that carries the secret as-is, when that is what was found.
    pub fn token_header(&self) -> Option<&str> {
        match &self.found {
            Found::Hmac { .. } => None,
            Found::Token { header } => Some(header),
        }
    }

    /// `true` when the signed timestamp is in milliseconds. The scheme found
    /// then reads it so ([`TimestampUnit::Milliseconds`]), and the tolerance
    /// applies as usual.
    pub fn timestamp_in_millis(&self) -> bool {
        matches!(
            self.found,
            Found::Hmac {
                timestamp_in_millis: true,
                ..
            }
        )
    }
}

impl fmt::Display for DetectedScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.found {
            Found::Hmac { scheme, .. } => {
                write!(f, "verified with {scheme}")?;
                if scheme.signed_content().timestamp().is_some() {
                    write!(
                        f,
                        "; timestamp tolerance {} s, adjust as needed",
                        scheme.tolerance().as_secs()
                    )?;
                }
                f.write_str(" (confirm with eSignGlobal support before relying on it)")
            }
            Found::Token { header } => write!(
                f,
                "the secret key is sent as-is in header {header}: use esignglobal::Verifier::header_token(\"{header}\", secret) \
                 (confirm with eSignGlobal support before relying on it)"
            ),
        }
    }
}

/// [`detect_scheme`] found no scheme that verifies the delivery with the secret.
///
/// Lists how many combinations were tried and which header **names** were
/// considered; never a header value nor the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeNotFound {
    combinations_tried: usize,
    headers_considered: Vec<String>,
}

impl SchemeNotFound {
    /// How many (header, scheme) combinations were tried.
    pub fn combinations_tried(&self) -> usize {
        self.combinations_tried
    }

    /// The names of the headers that were tried.
    pub fn headers_considered(&self) -> &[String] {
        &self.headers_considered
    }
}

impl fmt::Display for SchemeNotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no scheme this crate can express verifies this delivery with this secret ({} combinations tried",
            self.combinations_tried
        )?;
        if self.headers_considered.is_empty() {
            f.write_str("; the request has no header that could carry a signature)")?;
        } else {
            write!(f, " over headers {})", self.headers_considered.join(", "))?;
        }
        f.write_str(
            ". Check that the body is the exact raw bytes received (not re-serialized JSON) and that \
             the secret is the webhook's current key (Reset Secret Key replaces it); otherwise ask \
             eSignGlobal support how deliveries are signed",
        )
    }
}

impl std::error::Error for SchemeNotFound {}
