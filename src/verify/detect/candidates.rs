//! Where a signature may be: the request's headers and query parameters
//! worth trying, and every value among them that decodes to a MAC, with the
//! [`SignatureLocation`] that would read it there.

use super::SEPARATORS;
use crate::encoding::{self, FixedBuf};
use crate::headers::HeaderNames;
use crate::secret::Secret;
use crate::verify::check::percent_decode;
use crate::verify::{Encoding, SignatureLocation, TimestampUnit, rfc3339};

/// Unix seconds of 2000-01-01 and 2100-01-01: the range a delivery timestamp can be in.
const PLAUSIBLE_SECONDS: core::ops::RangeInclusive<i64> = 946_684_800..=4_102_444_800;

/// A header worth trying, with its single value when it has exactly one that is UTF-8.
pub(super) struct Candidate<'a> {
    pub(super) name: &'a str,
    pub(super) value: Option<&'a str>,
}

/// The distinct header names (ignoring case, first spelling kept) that may carry a
/// signature, a token, an id or a timestamp.
pub(super) fn candidate_headers<H: HeaderNames + ?Sized>(headers: &H) -> Vec<Candidate<'_>> {
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
pub(super) fn query_pairs(query: Option<&str>) -> Vec<(String, Vec<u8>)> {
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
pub(super) fn basic_username(value: &str, secret: &Secret) -> Option<String> {
    let (scheme, credentials) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = encoding::decode_base64(credentials.trim().as_bytes())?;
    let colon = decoded.iter().position(|&b| b == b':')?;
    let (user, password) = (decoded.get(..colon)?, decoded.get(colon + 1..)?);
    bool::from(crate::verify::token_eq::tokens_equal(password, secret.expose()))
        .then(|| String::from_utf8(user.to_vec()).ok())
        .flatten()
}

/// The value as a timestamp: Unix seconds, Unix milliseconds or an RFC 3339
/// date-time, in the plausible range.
pub(super) fn plausible_timestamp(value: &str) -> Option<(i64, TimestampUnit)> {
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
pub(super) fn parameters(value: &str) -> Option<Vec<(&str, &str)>> {
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
pub(super) fn timestamp_prefixed(value: &str) -> Vec<(&'static str, &str, &str)> {
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
pub(super) struct Source {
    pub(super) location: SignatureLocation,
    pub(super) prefix: Option<String>,
    pub(super) encoding: Encoding,
    pub(super) mac: [u8; 32],
}

/// Every (location, prefix, encoding) under which some value of the request is a MAC.
pub(super) fn signature_sources(candidates: &[Candidate<'_>], query: &[(String, Vec<u8>)]) -> Vec<Source> {
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
