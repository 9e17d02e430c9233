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

use super::check::percent_decode;
use super::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit, Verifier, rfc3339,
};
use crate::encoding::{self, FixedBuf};
use crate::headers::{HeaderNames, Incoming};
use crate::secret::Secret;

/// Separators tried between the signed parts (id, timestamp, body).
pub const SEPARATORS: [&str; 10] = [".", "", "\n", ":", "|", ",", "_", "-", " ", "\r\n"];

/// Unix seconds of 2000-01-01 and 2100-01-01: the range a delivery timestamp can be in.
const PLAUSIBLE_SECONDS: core::ops::RangeInclusive<i64> = 946_684_800..=4_102_444_800;

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
            if bool::from(super::token_eq::tokens_equal(value.as_bytes(), secret.expose())) {
                let header = candidate.name.to_owned();
                confirm(Detected::HeaderToken { header }, 0, &mut found);
            } else if let Some(username) = basic_username(value, secret) {
                confirm(Detected::BasicAuth { username }, 0, &mut found);
            }
        }
        for (name, value) in &query {
            tried += 1;
            if bool::from(super::token_eq::tokens_equal(value.as_slice(), secret.expose())) {
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

/// A header worth trying, with its single value when it has exactly one that is UTF-8.
pub(crate) struct Candidate<'a> {
    pub(crate) name: &'a str,
    pub(crate) value: Option<&'a str>,
}

/// The distinct header names (ignoring case, first spelling kept) that may carry a
/// signature, a token, an id or a timestamp.
pub(crate) fn candidate_headers<H: HeaderNames + ?Sized>(headers: &H) -> Vec<Candidate<'_>> {
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

/// The query's `(name, percent-decoded value)` pairs; names seen twice are dropped
/// (the engine refuses a repeated parameter).
fn query_pairs(query: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let mut pairs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut repeated: Vec<String> = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (percent_decode(key.as_bytes()), percent_decode(value.as_bytes())) else {
            continue;
        };
        let Ok(key) = String::from_utf8(key) else { continue };
        if pairs.iter().any(|(k, _)| *k == key) {
            repeated.push(key);
        } else {
            pairs.push((key, value));
        }
    }
    pairs.retain(|(key, _)| !repeated.contains(key));
    pairs
}

/// The user name of `Basic base64(user:secret)`, when that is the value.
fn basic_username(value: &str, secret: &Secret) -> Option<String> {
    let (scheme, credentials) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = encoding::decode_base64(credentials.trim().as_bytes())?;
    let colon = decoded.iter().position(|&b| b == b':')?;
    let (user, password) = (decoded.get(..colon)?, decoded.get(colon + 1..)?);
    bool::from(super::token_eq::tokens_equal(password, secret.expose()))
        .then(|| String::from_utf8(user.to_vec()).ok())
        .flatten()
}

/// The value as a timestamp: Unix seconds, Unix milliseconds or an RFC 3339
/// date-time, in the plausible range.
fn plausible_timestamp(value: &str) -> Option<(i64, TimestampUnit)> {
    if value.is_empty() {
        return None;
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return rfc3339::parse(value.as_bytes())
            .filter(|seconds| PLAUSIBLE_SECONDS.contains(seconds))
            .map(|seconds| (seconds, TimestampUnit::Rfc3339));
    }
    let number: i64 = value.parse().ok()?;
    if PLAUSIBLE_SECONDS.contains(&number) {
        Some((number, TimestampUnit::Seconds))
    } else {
        let seconds = number / 1000;
        PLAUSIBLE_SECONDS
            .contains(&seconds)
            .then_some((seconds, TimestampUnit::Milliseconds))
    }
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

/// The `(split, timestamp, signature)` readings of a `{timestamp}{split}{signature}`
/// value (DocuSeal): for each non-empty separator, the value split at its first
/// occurrence, when the part before is a plausible timestamp and a signature follows.
fn timestamp_prefixed(value: &str) -> Vec<(&'static str, &str, &str)> {
    SEPARATORS
        .into_iter()
        .filter(|split| !split.is_empty())
        .filter_map(|split| {
            let (timestamp, signature) = value.split_once(split)?;
            let (timestamp, signature) = (timestamp.trim(), signature.trim());
            (plausible_timestamp(timestamp).is_some() && !signature.is_empty()).then_some((split, timestamp, signature))
        })
        .collect()
}

/// The part of a header name before its last `-` or `_` segment, when that
/// segment is a word (`BOX-SIGNATURE-` of `BOX-SIGNATURE-PRIMARY`), not a number
/// (numbered headers are their own shape).
fn sibling_stem(name: &str) -> Option<&str> {
    let at = name.rfind(['-', '_'])?;
    let last = name.get(at + 1..)?;
    let stem = name.get(..=at)?;
    (at > 0 && !last.is_empty() && !last.bytes().all(|b| b.is_ascii_digit())).then_some(stem)
}

/// The `(version, signature)` entries of a space-separated `version,signature` list.
fn versioned_entries(value: &str) -> Option<Vec<(&str, &str)>> {
    let entries: Option<Vec<(&str, &str)>> = value.split_ascii_whitespace().map(|e| e.split_once(',')).collect();
    entries.filter(|entries| !entries.is_empty() && entries.iter().all(|(v, _)| !v.is_empty()))
}

/// A value of the request that decodes to a 32-byte MAC.
struct Source {
    location: SignatureLocation,
    prefix: Option<String>,
    encoding: Encoding,
    mac: [u8; 32],
}

/// Every (location, prefix, encoding) under which some value of the request is a MAC.
fn signature_sources(candidates: &[Candidate<'_>], query: &[(String, Vec<u8>)]) -> Vec<Source> {
    let mut raw: Vec<(SignatureLocation, &str)> = Vec::new();
    for candidate in candidates {
        let Some(value) = candidate.value else { continue };
        let name = candidate.name;
        raw.push((SignatureLocation::header(name), value));
        if let Some(prefix) = name
            .strip_suffix('1')
            .filter(|p| !p.is_empty() && !p.ends_with(|c: char| c.is_ascii_digit()))
        {
            raw.push((SignatureLocation::numbered_headers(prefix), value));
        }
        for (key, param) in parameters(value).unwrap_or_default() {
            raw.push((SignatureLocation::parameters(name, [key]), param));
        }
        for (version, signature) in versioned_entries(value).unwrap_or_default() {
            raw.push((SignatureLocation::versioned_list(name, version), signature));
        }
        for (split, _, signature) in timestamp_prefixed(value) {
            raw.push((SignatureLocation::timestamp_prefixed(name, split), signature));
        }
    }
    for (name, value) in query {
        if let Ok(value) = core::str::from_utf8(value) {
            raw.push((SignatureLocation::query(name.clone()), value));
        }
    }

    let mut sources = Vec::new();
    for (location, value) in raw {
        let prefixes = [None, leading_prefix(value)];
        for prefix in prefixes.iter().take(if prefixes[1].is_some() { 2 } else { 1 }) {
            let rest = prefix.map_or(value, |p| value.get(p.len()..).unwrap_or(""));
            for encoding in [Encoding::Hex, Encoding::Base64] {
                let mut buffer = FixedBuf::<32>::new();
                let decoded = match encoding {
                    Encoding::Hex => encoding::decode_hex_into(rest.as_bytes(), &mut buffer),
                    Encoding::Base64 => encoding::decode_base64_into(rest.as_bytes(), &mut buffer),
                };
                if let Some(mac) = decoded.and_then(|()| buffer.full()) {
                    sources.push(Source {
                        location: location.clone(),
                        prefix: prefix.map(str::to_owned),
                        encoding,
                        mac,
                    });
                }
            }
        }
    }
    sources.extend(any_header_sources(&sources));
    sources
}

/// Sibling headers that each carry a MAC in the same encoding and prefix
/// (Box Sign's `BOX-SIGNATURE-PRIMARY` and `BOX-SIGNATURE-SECONDARY`): for
/// each, the same MAC read from [`SignatureLocation::AnyHeader`] of them all,
/// in request order.
fn any_header_sources(sources: &[Source]) -> Vec<Source> {
    let header_name = |source: &Source| match &source.location {
        SignatureLocation::Header { name } => Some(name.clone()),
        _ => None,
    };
    let mut grouped = Vec::new();
    for source in sources {
        let Some(name) = header_name(source) else { continue };
        let Some(stem) = sibling_stem(&name) else { continue };
        let mut names: Vec<String> = Vec::new();
        for other in sources {
            let Some(other_name) = header_name(other) else { continue };
            let same_stem = sibling_stem(&other_name).is_some_and(|s| s.eq_ignore_ascii_case(stem));
            if same_stem
                && other.encoding == source.encoding
                && other.prefix == source.prefix
                && !names.iter().any(|n| n.eq_ignore_ascii_case(&other_name))
            {
                names.push(other_name);
            }
        }
        if names.len() > 1 {
            grouped.push(Source {
                location: SignatureLocation::any_header(names),
                prefix: source.prefix.clone(),
                encoding: source.encoding,
                mac: source.mac,
            });
        }
    }
    grouped
}

/// The bytes signed around the body.
enum Signed {
    /// These bytes, then the body.
    ThenBody(Vec<u8>),
    /// The body, then these bytes (empty: the body alone).
    BodyThen(Vec<u8>),
}

/// A candidate signed content: what is signed with the body, and the time to verify at.
struct Content {
    content: SignedContent,
    signed: Signed,
    now: i64,
    unit: TimestampUnit,
    /// The signature location a timestamp read from inside a signature header requires.
    tied_to: Option<Tie>,
}

/// A timestamp read from inside the signature header itself.
#[derive(Clone)]
enum Tie {
    /// A parameter of this [`SignatureLocation::Parameters`] header.
    ParameterOf(String),
    /// The part before `split` of this [`SignatureLocation::TimestampPrefixed`] header.
    PrefixOf(String, &'static str),
}

impl Content {
    /// Whether a signature at `location` can go with this content: a
    /// timestamp read from inside a signature header goes with that header
    /// only, and a timestamp-prefixed header with its own timestamp only (the
    /// engine refuses it with any other content).
    fn fits(&self, location: &SignatureLocation) -> bool {
        match (&self.tied_to, location) {
            (None, SignatureLocation::TimestampPrefixed { .. }) => false,
            (None, _) => true,
            (Some(Tie::ParameterOf(of)), SignatureLocation::Parameters { header, .. }) => of == header,
            (Some(Tie::PrefixOf(of, split)), SignatureLocation::TimestampPrefixed { header, separator }) => {
                of == header && split == separator
            }
            (Some(_), _) => false,
        }
    }
}

/// A value of the request that reads as a timestamp.
struct FoundTimestamp<'a> {
    location: TimestampLocation,
    raw: &'a str,
    seconds: i64,
    unit: TimestampUnit,
    /// When the value is inside a signature header: the location that must read it.
    tied_to: Option<Tie>,
    /// The header the value is in.
    in_header: &'a str,
}

/// The body alone, then every timestamp × separator (timestamp first, then
/// body first), then every id × timestamp × separator.
fn signed_contents(candidates: &[Candidate<'_>]) -> Vec<Content> {
    let mut timestamps: Vec<FoundTimestamp<'_>> = Vec::new();
    for candidate in candidates {
        let Some(value) = candidate.value else { continue };
        if let Some((seconds, unit)) = plausible_timestamp(value) {
            timestamps.push(FoundTimestamp {
                location: TimestampLocation::header(candidate.name),
                raw: value,
                seconds,
                unit,
                tied_to: None,
                in_header: candidate.name,
            });
        }
        for (split, raw, _) in timestamp_prefixed(value) {
            if let Some((seconds, unit)) = plausible_timestamp(raw) {
                timestamps.push(FoundTimestamp {
                    location: TimestampLocation::signature_prefix(),
                    raw,
                    seconds,
                    unit,
                    tied_to: Some(Tie::PrefixOf(candidate.name.to_owned(), split)),
                    in_header: candidate.name,
                });
            }
        }
        for (key, raw) in parameters(value).unwrap_or_default() {
            if let Some((seconds, unit)) = plausible_timestamp(raw) {
                timestamps.push(FoundTimestamp {
                    location: TimestampLocation::parameter(key),
                    raw,
                    seconds,
                    unit,
                    tied_to: Some(Tie::ParameterOf(candidate.name.to_owned())),
                    in_header: candidate.name,
                });
            }
        }
    }

    let mut contents = vec![Content {
        content: SignedContent::Body,
        signed: Signed::BodyThen(Vec::new()),
        now: 0,
        unit: TimestampUnit::Seconds,
        tied_to: None,
    }];
    for FoundTimestamp {
        location,
        raw,
        seconds,
        unit,
        tied_to,
        ..
    } in &timestamps
    {
        for separator in SEPARATORS {
            contents.push(Content {
                content: SignedContent::timestamp_then_body(location.clone(), separator),
                signed: Signed::ThenBody([raw.as_bytes(), separator.as_bytes()].concat()),
                now: *seconds,
                unit: *unit,
                tied_to: tied_to.clone(),
            });
            contents.push(Content {
                content: SignedContent::body_then_timestamp(location.clone(), separator),
                signed: Signed::BodyThen([separator.as_bytes(), raw.as_bytes()].concat()),
                now: *seconds,
                unit: *unit,
                tied_to: tied_to.clone(),
            });
        }
    }
    for FoundTimestamp {
        location,
        raw,
        seconds,
        unit,
        tied_to,
        in_header,
    } in &timestamps
    {
        for id in candidates.iter().filter(|c| !c.name.eq_ignore_ascii_case(in_header)) {
            let Some(id_value) = id.value.filter(|v| !v.is_empty()) else {
                continue;
            };
            for separator in SEPARATORS {
                contents.push(Content {
                    content: SignedContent::id_timestamp_body(id.name, location.clone(), separator),
                    signed: Signed::ThenBody(
                        [
                            id_value.as_bytes(),
                            separator.as_bytes(),
                            raw.as_bytes(),
                            separator.as_bytes(),
                        ]
                        .concat(),
                    ),
                    now: *seconds,
                    unit: *unit,
                    tied_to: tied_to.clone(),
                });
            }
        }
    }
    contents
}
