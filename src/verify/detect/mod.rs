//! [`detect_scheme`]: finds, from one captured request and its secret, which
//! of the engine's methods and schemes authenticates it.
//!
//! Detection enumerates every shape the engine verifies, restricted to what
//! the request actually carries: it never invents a header or parameter name.
//! Each signature-looking value is decoded once (hex and base64, with and
//! without a leading `word=` / `word:` / `word ` prefix) and each candidate
//! signed content is hashed once, so the search costs one HMAC per content,
//! not one per (header, content, encoding) combination; the contents that
//! start with the body (the body alone, `{body}{sep}{timestamp}`) share one
//! pass over it. Every match is then confirmed by the engine itself
//! ([`Verifier::verify_at`]) before it is reported.

use core::fmt;

use hmac::Mac;
use subtle::ConstantTimeEq;

use super::{HmacScheme, SignatureLocation, SignedContent, TimestampLocation, Verifier};
use crate::headers::{HeaderNames, Incoming};
use crate::secret::Secret;

mod candidates;
mod contents;

use candidates::{basic_username, candidate_headers, query_pairs, signature_sources};
use contents::{Signed, signed_contents};

/// Separators tried between the signed parts (id, timestamp, body).
pub const SEPARATORS: [&str; 10] = [".", "", "\n", ":", "|", ",", "_", "-", " ", "\r\n"];

/// One way of authenticating that verifies the captured request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detected {
    /// An HMAC-SHA256 signature ([`Verifier::hmac`]).
    Hmac(HmacScheme),
    /// The secret itself in a header ([`Verifier::header_token`]).
    HeaderToken {
        /// The header name, as spelled in the request.
        header: String,
    },
    /// The secret itself in a query parameter ([`Verifier::query_token`]).
    QueryToken {
        /// The parameter name.
        name: String,
    },
    /// `Authorization: Basic` with the secret as password ([`Verifier::basic_auth`]).
    BasicAuth {
        /// The user name sent.
        username: String,
    },
}

impl Detected {
    /// An engine verifier for this method with `secret`.
    pub fn verifier(&self, secret: Secret) -> Verifier {
        match self {
            Detected::Hmac(scheme) => Verifier::hmac(scheme.clone(), secret),
            Detected::HeaderToken { header } => Verifier::header_token(header.clone(), secret),
            Detected::QueryToken { name } => Verifier::query_token(name.clone(), secret),
            Detected::BasicAuth { username } => Verifier::basic_auth(username.clone(), secret),
        }
    }

    /// The HMAC scheme, when that is what was found.
    pub fn hmac_scheme(&self) -> Option<&HmacScheme> {
        match self {
            Detected::Hmac(scheme) => Some(scheme),
            _ => None,
        }
    }

    /// Lower is better: structured locations (a versioned list, numbered
    /// headers, parameters with their timestamp, a timestamp-prefixed header,
    /// sibling headers, which also carry a second key's signature) before whole values with or
    /// without a prefix, before a lone `key=value` parameter (`sha256=<hex>` is
    /// a prefix more likely than a parameter list of one).
    fn rank(&self) -> u8 {
        let Detected::Hmac(scheme) = self else { return 0 };
        match &scheme.signature {
            SignatureLocation::VersionedList { .. } => 0,
            SignatureLocation::NumberedHeaders { prefix } if prefix.ends_with(['-', '_']) => 0,
            SignatureLocation::NumberedHeaders { .. } => 3,
            SignatureLocation::Parameters { .. }
                if matches!(scheme.content.timestamp(), Some(TimestampLocation::Parameter(_))) =>
            {
                0
            }
            SignatureLocation::TimestampPrefixed { .. } | SignatureLocation::AnyHeader { .. } => 0,
            SignatureLocation::Header { .. } | SignatureLocation::QueryParameter { .. } => 1,
            SignatureLocation::Parameters { .. } => 2,
        }
    }

    /// Every header name the method reads.
    fn header_names(&self) -> Vec<&str> {
        match self {
            Detected::Hmac(scheme) => {
                let mut names = match &scheme.signature {
                    SignatureLocation::Header { name } => vec![name.as_str()],
                    SignatureLocation::Parameters { header, .. }
                    | SignatureLocation::VersionedList { header, .. }
                    | SignatureLocation::TimestampPrefixed { header, .. } => vec![header.as_str()],
                    SignatureLocation::AnyHeader { names } => names.iter().map(String::as_str).collect(),
                    SignatureLocation::NumberedHeaders { .. } | SignatureLocation::QueryParameter { .. } => Vec::new(),
                };
                match &scheme.content {
                    SignedContent::Body => {}
                    SignedContent::TimestampThenBody { timestamp, .. }
                    | SignedContent::BodyThenTimestamp { timestamp, .. } => names.extend(header_of(timestamp)),
                    SignedContent::IdTimestampBody {
                        id_header, timestamp, ..
                    } => {
                        names.push(id_header);
                        names.extend(header_of(timestamp));
                    }
                }
                names
            }
            Detected::HeaderToken { header } => vec![header],
            Detected::QueryToken { .. } => Vec::new(),
            Detected::BasicAuth { .. } => vec!["Authorization"],
        }
    }
}

fn header_of(location: &TimestampLocation) -> Option<&str> {
    match location {
        TimestampLocation::Header(name) => Some(name),
        TimestampLocation::Parameter(_) | TimestampLocation::SignaturePrefix => None,
    }
}

/// One line of prose: what verified, and how to build it.
impl fmt::Display for Detected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detected::Hmac(scheme) => write!(f, "{}", scheme.describe()),
            Detected::HeaderToken { header } => write!(f, "the secret sent as-is in header {header}"),
            Detected::QueryToken { name } => write!(f, "the secret sent as-is in query parameter {name}"),
            Detected::BasicAuth { username } => {
                write!(
                    f,
                    "Authorization: Basic with user name {username:?} and the secret as password"
                )
            }
        }
    }
}

/// What [`detect_scheme`] found: every method that verifies the request, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    found: Vec<Detected>,
    combinations_tried: usize,
}

impl Detection {
    /// The best-ranked method. When [`is_ambiguous`](Detection::is_ambiguous),
    /// another one ranks the same: capture a second delivery and detect again,
    /// or ask the vendor.
    pub fn best(&self) -> &Detected {
        // `found` is never empty: detection returns `NotDetected` instead.
        &self.found[0]
    }

    /// Every method that verifies the request, best first.
    pub fn all(&self) -> &[Detected] {
        &self.found
    }

    /// `true` when several different methods rank first, e.g. two headers
    /// carry the same timestamp value: one delivery cannot tell them apart.
    pub fn is_ambiguous(&self) -> bool {
        match self.found.as_slice() {
            [first, second, ..] => first.rank() == second.rank(),
            _ => false,
        }
    }

    /// How many (signature, signed content) combinations were tried.
    pub fn combinations_tried(&self) -> usize {
        self.combinations_tried
    }
}

/// [`detect_scheme`] found no method that verifies the request with the secret.
///
/// Lists how many combinations were tried and which header **names** were
/// considered; never a header value nor the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotDetected {
    combinations_tried: usize,
    headers_considered: Vec<String>,
}

impl NotDetected {
    /// How many (signature, signed content) combinations were tried.
    pub fn combinations_tried(&self) -> usize {
        self.combinations_tried
    }

    /// The names of the headers that were tried, in request order.
    pub fn headers_considered(&self) -> &[String] {
        &self.headers_considered
    }
}

impl fmt::Display for NotDetected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no scheme this crate can express verifies this request with this secret ({} combinations tried",
            self.combinations_tried
        )?;
        if self.headers_considered.is_empty() {
            f.write_str("; the request has no header that could carry a signature)")?;
        } else {
            write!(f, " over headers {})", self.headers_considered.join(", "))?;
        }
        f.write_str(
            ". Check that the body is the exact raw bytes received (not re-serialized JSON) and that \
             the secret is the current one",
        )
    }
}

impl std::error::Error for NotDetected {}

/// Finds which method and scheme of the engine authenticates `incoming` with `secret`.
///
/// Give it **one request captured as received**: the exact raw body bytes,
/// every header, and the query string when the URL may carry one
/// ([`Incoming::with_query`]). Detection tries, with the engine, every shape
/// it can verify, using only the names the request carries:
///
/// * the secret as-is in a header, a query parameter, or as the password of
///   `Authorization: Basic`;
/// * HMAC-SHA256 signatures found as a header's whole value, in numbered
///   headers (`X-Sig-1`, …), as a parameter of a `key=value, …` header, as an
///   entry of a space-separated `version,signature` list (Standard Webhooks),
///   after the timestamp of a `{timestamp}{split}{signature}` header
///   (DocuSeal), or as a query parameter; in any of sibling headers
///   (`BOX-SIGNATURE-PRIMARY`, `BOX-SIGNATURE-SECONDARY`: the same name up to
///   a last word, each value a MAC) when the request carries two or more; in
///   hex or base64; with or without a leading prefix (`sha256=`, `v1:`,
///   `HMAC-SHA256 `);
/// * over the raw body, `{timestamp}{sep}{body}`, `{body}{sep}{timestamp}`
///   (Box Sign) and `{id}{sep}{timestamp}{sep}{body}`, where the timestamp is
///   any header or parameter whose value is Unix seconds, Unix milliseconds
///   or an RFC 3339 date-time (years 2000 to 2100), or the part before the
///   signature of a `{timestamp}{split}{signature}` header, the id any other
///   header, and `sep` and `split` one of [`SEPARATORS`] (`split` not empty).
///
/// Standard headers that carry no authentication (`content-type`, `host`,
/// `user-agent`, `accept*`, `x-forwarded-*`, …) are skipped, and so are
/// headers that appear more than once (the engine refuses those).
///
/// Results are ranked: structured locations (a versioned list, numbered
/// headers, a parameters header with its timestamp, a timestamp-prefixed
/// header, sibling headers) before a whole value, before a whole value read
/// as a lone `key=value`. When two different methods rank first, the result
/// [is ambiguous](Detection::is_ambiguous). A signed timestamp gets the
/// default tolerance of 300 s, and the unit its form says (milliseconds above
/// year 2100 in seconds; RFC 3339 for a date-time).
///
/// ```
/// use esign_webhooks::testing::Signer;
/// use esign_webhooks::verify::{HmacScheme, detect_scheme};
/// use esign_webhooks::Secret;
///
/// let secret = Secret::new("whsec-test-secret");
/// let request = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
///     .at(1_700_000_000)
///     .with_id("msg_2b7")
///     .sign(br#"{"type":"envelope.completed"}"#);
/// let detection = detect_scheme(&request.incoming(), &secret)?;
/// assert_eq!(detection.best().hmac_scheme(), Some(&HmacScheme::standard_webhooks()));
/// assert!(!detection.is_ambiguous());
/// # Ok::<(), esign_webhooks::verify::NotDetected>(())
/// ```
pub fn detect_scheme<H: HeaderNames + ?Sized>(
    incoming: &Incoming<'_, H>,
    secret: &Secret,
) -> Result<Detection, NotDetected> {
    let candidates = candidate_headers(incoming.headers());
    let query = query_pairs(incoming.query());
    let mut found: Vec<Detected> = Vec::new();
    let mut tried = 0;
    let confirm = |detected: Detected, now: i64, found: &mut Vec<Detected>| {
        if !found.contains(&detected) && detected.verifier(secret.clone()).verify_at(incoming, now).is_ok() {
            found.push(detected);
        }
    };

    // The secret sent as-is.
    if !secret.is_empty() {
        for candidate in &candidates {
            let Some(value) = candidate.value else { continue };
            tried += 1;
            if bool::from(crate::verify::token_eq::tokens_equal(value.as_bytes(), secret.expose())) {
                let header = candidate.name.to_owned();
                confirm(Detected::HeaderToken { header }, 0, &mut found);
            } else if let Some(username) = basic_username(value, secret) {
                confirm(Detected::BasicAuth { username }, 0, &mut found);
            }
        }
        for (name, value) in &query {
            tried += 1;
            if bool::from(crate::verify::token_eq::tokens_equal(value.as_slice(), secret.expose())) {
                confirm(Detected::QueryToken { name: name.clone() }, 0, &mut found);
            }
        }
    }

    let sources = signature_sources(&candidates, &query);
    let contents = signed_contents(&candidates);
    // The body is hashed once for every content that starts with it (the
    // body alone, `{body}{sep}{timestamp}`): a clone of this state goes on.
    let body_first = {
        let mut mac = crate::verify::keyed_mac(secret.expose());
        mac.update(incoming.body());
        mac
    };
    for content in &contents {
        let mac = match &content.signed {
            Signed::BodyThen(suffix) => {
                let mut mac = body_first.clone();
                mac.update(suffix);
                mac
            }
            Signed::ThenBody(prefix) => {
                let mut mac = crate::verify::keyed_mac(secret.expose());
                mac.update(prefix);
                mac.update(incoming.body());
                mac
            }
        };
        let expected: [u8; 32] = mac.finalize().into_bytes().into();
        for source in &sources {
            tried += 1;
            if !bool::from(expected.ct_eq(&source.mac)) || !content.fits(&source.location) {
                continue;
            }
            let mut scheme = HmacScheme::new(source.location.clone(), content.content.clone(), source.encoding)
                .with_timestamp_unit(content.unit);
            if let Some(prefix) = &source.prefix {
                scheme = scheme.with_prefix(prefix.clone());
            }
            confirm(Detected::Hmac(scheme), content.now, &mut found);
        }
    }

    // Never report a method that reads a header the request lacks.
    found.retain(|detected| {
        detected
            .header_names()
            .iter()
            .all(|name| candidates.iter().any(|c| c.name.eq_ignore_ascii_case(name)))
    });
    found.sort_by_key(Detected::rank);
    if found.is_empty() {
        return Err(NotDetected {
            combinations_tried: tried,
            headers_considered: candidates.iter().map(|c| c.name.to_owned()).collect(),
        });
    }
    Ok(Detection {
        found,
        combinations_tried: tried,
    })
}
