//! The checks behind [`Verifier::verify`](super::Verifier::verify).

use hmac::Mac;
use subtle::{Choice, ConstantTimeEq};

use super::scheme::MAX_NUMBERED_HEADERS;
use super::token_eq::{matches_digest, tokens_equal};
use super::{
    Encoding, HmacScheme, Key, ParsedNames, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
    Verified, rfc3339,
};
use crate::encoding::{self, FixedBuf};
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};

/// Length of an HMAC-SHA256 output.
const MAC_LEN: usize = 32;

/// The single value of a header the check reads: absent and repeated are errors.
pub(crate) fn single_header<'a, H: Headers + ?Sized>(headers: &'a H, name: &str) -> Result<&'a [u8], Error> {
    single_value(headers.values(name), name)
}

/// A header name of the configuration, and the same name parsed when the
/// verifier was built (`None` when it is not a valid header name).
type Name<'s> = (&'s str, Option<&'s http::HeaderName>);

/// [`single_header`], looked up by the parsed name when there is one.
fn single_header_of<'a, H: Headers + ?Sized>(headers: &'a H, (name, parsed): Name<'_>) -> Result<&'a [u8], Error> {
    match parsed {
        Some(parsed) => single_value(headers.values_of(parsed), name),
        None => single_header(headers, name),
    }
}

/// The single value of `values`, the values of the header `name`.
fn single_value<'a>(mut values: impl Iterator<Item = &'a [u8]>, name: &str) -> Result<&'a [u8], Error> {
    let first = values
        .next()
        .ok_or_else(|| Error::new(ErrorKind::MissingHeader { name: name.to_owned() }))?;
    if values.next().is_some() {
        return Err(Error::new(ErrorKind::DuplicateHeader { name: name.to_owned() }));
    }
    Ok(first)
}

fn malformed(name: &str, reason: &'static str) -> Error {
    Error::new(ErrorKind::MalformedHeader {
        name: name.to_owned(),
        reason,
    })
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// Splits at the first `separator`, without it; `None` when it is absent.
fn split_once(bytes: &[u8], separator: u8) -> Option<(&[u8], &[u8])> {
    let at = bytes.iter().position(|&b| b == separator)?;
    Some((bytes.get(..at)?, bytes.get(at + 1..)?))
}

/// Splits at the first occurrence of a non-empty `separator`, without it.
fn split_at_first<'a>(bytes: &'a [u8], separator: &[u8]) -> Option<(&'a [u8], &'a [u8])> {
    if separator.is_empty() {
        return None;
    }
    let at = bytes.windows(separator.len()).position(|window| window == separator)?;
    Some((bytes.get(..at)?, bytes.get(at + separator.len()..)?))
}

/// Signature candidates and the parts of the signed content found in the request.
struct Found<'a> {
    signatures: Inline<&'a [u8]>,
    timestamp: Option<&'a [u8]>,
    id: Option<&'a [u8]>,
}

/// Where the signed content puts its separator: before the body (timestamp
/// first) or after it (timestamp last), or nowhere (the body alone).
#[derive(Clone, Copy)]
struct Framing<'s> {
    before_body: Option<&'s [u8]>,
    after_body: Option<&'s [u8]>,
}

/// The HMAC check, phase by phase: find the signature candidates (and what
/// the signed content needs), read the timestamp, decode the candidates, find
/// the first key whose MAC matches one, and only then, for an authentic
/// request, the timestamp's age. The order of the phases is the order of the
/// errors a request can meet.
pub(super) fn hmac<H: Headers + ?Sized>(
    scheme: &HmacScheme,
    names: &ParsedNames,
    keys: &[Key],
    incoming: &Incoming<'_, H>,
    now: impl FnOnce() -> i64,
) -> Result<Verified, Error> {
    let headers = incoming.headers();
    // Percent-decoding needs owned bytes, which must outlive `found`.
    let decoded_query = match &scheme.signature {
        SignatureLocation::QueryParameter { name } => {
            Some(single_query_param(incoming.query(), incoming.has_uri(), name)?)
        }
        _ => None,
    };
    let mut found = find_signatures(scheme, names, headers, decoded_query.as_deref())?;
    let framing = find_signed_parts(scheme, names, headers, &mut found)?;
    let timestamp = read_timestamp(scheme, found.timestamp)?;
    let decoded = decode_candidates(scheme, &found.signatures)?;
    let Some(index) = first_matching_key(keys, &found, framing, incoming.body(), &decoded) else {
        return Err(Error::new(ErrorKind::AuthenticationFailed));
    };
    if let Some(ts) = timestamp {
        check_tolerance(ts, now(), scheme.tolerance.as_secs())?;
    }
    Ok(Verified::new(Some(index), timestamp))
}

/// Collects the signature candidates where the scheme puts them (and the
/// timestamp when it shares their header). `decoded_query` is the
/// percent-decoded query parameter, for [`SignatureLocation::QueryParameter`].
fn find_signatures<'a, H: Headers + ?Sized>(
    scheme: &HmacScheme,
    names: &ParsedNames,
    headers: &'a H,
    decoded_query: Option<&'a [u8]>,
) -> Result<Found<'a>, Error> {
    let mut found = Found {
        signatures: Inline::default(),
        timestamp: None,
        id: None,
    };
    let wants_timestamp_param = match scheme.content.timestamp() {
        Some(TimestampLocation::Parameter(key)) => Some(key.as_str()),
        _ => None,
    };

    let credential = names.credential.as_ref();
    match &scheme.signature {
        SignatureLocation::Header { name } => {
            found
                .signatures
                .push(trim(single_header_of(headers, (name, credential))?));
        }
        SignatureLocation::NumberedHeaders { prefix } => {
            for n in 1..=MAX_NUMBERED_HEADERS {
                let name = format!("{prefix}{n}");
                match single_header(headers, &name) {
                    Ok(value) => found.signatures.push(trim(value)),
                    Err(err) if matches!(err.kind(), ErrorKind::MissingHeader { .. }) && n > 1 => break,
                    Err(err) => return Err(err),
                }
            }
        }
        SignatureLocation::Parameters { header, keys: sig_keys } => {
            let value = single_header_of(headers, (header, credential))?;
            for part in value.split(|&b| b == b',') {
                let part = trim(part);
                if part.is_empty() {
                    continue;
                }
                let Some((key, value)) = split_once(part, b'=') else {
                    return Err(malformed(header, "a parameter is not of the form key=value"));
                };
                let (key, value) = (trim(key), trim(value));
                if wants_timestamp_param.is_some_and(|t| key == t.as_bytes()) {
                    if found.timestamp.replace(value).is_some() {
                        return Err(malformed(header, "the timestamp parameter appears twice"));
                    }
                } else if sig_keys.iter().any(|k| key == k.as_bytes()) {
                    found.signatures.push(value);
                }
            }
        }
        SignatureLocation::VersionedList { header, version } => {
            let value = single_header_of(headers, (header, credential))?;
            let mut read_entry = |entry: &'a [u8]| {
                let Some((entry_version, signature)) = split_once(entry, b',') else {
                    return Err(malformed(header, "an entry is not of the form version,signature"));
                };
                if entry_version == version.as_bytes() {
                    found.signatures.push(signature);
                }
                Ok(())
            };
            // Usually one entry: told by one pass without an early exit
            // (wide compares), rather than split byte by byte.
            let spaced = value.iter().fold(false, |seen, b| seen | b.is_ascii_whitespace());
            if !spaced && !value.is_empty() {
                read_entry(value)?;
            } else {
                for entry in value.split(u8::is_ascii_whitespace).filter(|e| !e.is_empty()) {
                    read_entry(entry)?;
                }
            }
        }
        SignatureLocation::QueryParameter { .. } => {
            if let Some(decoded) = decoded_query {
                found.signatures.push(decoded);
            }
        }
        SignatureLocation::AnyHeader { names } => {
            for name in names {
                match single_header(headers, name) {
                    Ok(value) => found.signatures.push(trim(value)),
                    Err(err) if matches!(err.kind(), ErrorKind::MissingHeader { .. }) => {}
                    Err(err) => return Err(err),
                }
            }
            if found.signatures.is_empty() {
                return Err(Error::new(ErrorKind::MissingHeader {
                    name: names.join(" or "),
                }));
            }
        }
        SignatureLocation::TimestampPrefixed { header, separator } => {
            let value = trim(single_header_of(headers, (header, credential))?);
            let Some((timestamp, signature)) = split_at_first(value, separator.as_bytes()) else {
                return Err(malformed(header, "not of the form {timestamp}{separator}{signature}"));
            };
            if matches!(scheme.content.timestamp(), Some(TimestampLocation::SignaturePrefix)) {
                found.timestamp = Some(trim(timestamp));
            }
            found.signatures.push(trim(signature));
        }
    }
    Ok(found)
}

/// Finds the other parts of the signed content (the delivery id, the
/// timestamp), refusing a request that lacks one; returns where the
/// separator goes.
fn find_signed_parts<'s, 'a, H: Headers + ?Sized>(
    scheme: &'s HmacScheme,
    names: &ParsedNames,
    headers: &'a H,
    found: &mut Found<'a>,
) -> Result<Framing<'s>, Error> {
    Ok(match &scheme.content {
        SignedContent::Body => Framing {
            before_body: None,
            after_body: None,
        },
        SignedContent::TimestampThenBody { timestamp, separator } => {
            locate_timestamp(found, (timestamp, names.timestamp.as_ref()), headers, &scheme.signature)?;
            Framing {
                before_body: Some(separator.as_bytes()),
                after_body: None,
            }
        }
        SignedContent::BodyThenTimestamp { timestamp, separator } => {
            locate_timestamp(found, (timestamp, names.timestamp.as_ref()), headers, &scheme.signature)?;
            Framing {
                before_body: None,
                after_body: Some(separator.as_bytes()),
            }
        }
        SignedContent::IdTimestampBody {
            id_header,
            timestamp,
            separator,
        } => {
            found.id = Some(trim(single_header_of(headers, (id_header, names.id.as_ref()))?));
            locate_timestamp(found, (timestamp, names.timestamp.as_ref()), headers, &scheme.signature)?;
            Framing {
                before_body: Some(separator.as_bytes()),
                after_body: None,
            }
        }
    })
}

/// The timestamp found, as Unix seconds, in the scheme's unit; `None` when
/// the scheme signs none.
fn read_timestamp(scheme: &HmacScheme, raw: Option<&[u8]>) -> Result<Option<i64>, Error> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let value = match scheme.timestamp_unit {
        TimestampUnit::Seconds => parse_timestamp(raw),
        TimestampUnit::Milliseconds => parse_timestamp(raw).map(|ms| ms.div_euclid(1000)),
        TimestampUnit::Rfc3339 => rfc3339::parse(raw),
    };
    let reason = match scheme.timestamp_unit {
        TimestampUnit::Rfc3339 => "the timestamp is not an RFC 3339 date-time",
        _ => "the timestamp is not an integer number of Unix seconds or milliseconds",
    };
    Ok(Some(
        value.ok_or_else(|| malformed(timestamp_source_name(scheme), reason))?,
    ))
}

/// Decodes every candidate once (without the scheme's prefix); candidates
/// that are not a MAC are skipped. None left: a wrong signature (401) when
/// one was well encoded but of the wrong length, a malformed header otherwise.
fn decode_candidates(scheme: &HmacScheme, signatures: &Inline<&[u8]>) -> Result<Inline<[u8; MAC_LEN]>, Error> {
    // Built only on the error paths: an allocation per request otherwise.
    let signature_name = || signature_field_name(&scheme.signature);
    if signatures.is_empty() {
        return Err(Error::new(ErrorKind::MalformedHeader {
            name: signature_name(),
            reason: "no signature of a supported version or key",
        }));
    }

    let mut decoded: Inline<[u8; MAC_LEN]> = Inline::default();
    let mut buffer = FixedBuf::<MAC_LEN>::new();
    // A well-encoded value of the wrong length is a wrong signature (401),
    // like a right-length one; only text that is not in the encoding is malformed.
    let mut wrong_length = false;
    for raw in signatures.iter() {
        let raw = match &scheme.prefix {
            Some(prefix) => match raw.strip_prefix(prefix.as_bytes()) {
                Some(rest) => rest,
                None => continue,
            },
            None => raw,
        };
        let ok = match scheme.encoding {
            Encoding::Hex => encoding::decode_hex_into(raw, &mut buffer),
            Encoding::Base64 => encoding::decode_base64_into(raw, &mut buffer),
        };
        match ok.and_then(|()| buffer.full()) {
            Some(mac) => decoded.push(mac),
            None => wrong_length |= is_encoded(raw, scheme.encoding),
        }
    }
    if decoded.is_empty() && wrong_length {
        return Err(Error::new(ErrorKind::AuthenticationFailed));
    }
    if decoded.is_empty() {
        return Err(Error::new(ErrorKind::MalformedHeader {
            name: signature_name(),
            reason: match (scheme.prefix.is_some(), scheme.encoding) {
                (true, _) => "the signature lacks the expected prefix or is not a 32-byte MAC in the expected encoding",
                (false, Encoding::Hex) => "the signature is not a 32-byte MAC in hex",
                (false, Encoding::Base64) => "the signature is not a 32-byte MAC in base64",
            },
        }));
    }
    Ok(decoded)
}

/// The index of the first key whose MAC of the signed content equals a
/// candidate. Every candidate is compared with a key's MAC in constant time,
/// whichever matches. The keys after the first that matches are not computed:
/// a match needs a whole valid MAC, so stopping there tells a sender without a
/// key nothing (a refused delivery still computes every key), and tells one
/// who replays a genuine delivery only which of the keys its vendor signed it
/// with, which is not a secret. Computing every key cost Box Sign, whose two
/// keys are both configured during a rotation, a second MAC of the whole body.
fn first_matching_key(
    keys: &[Key],
    found: &Found<'_>,
    framing: Framing<'_>,
    body: &[u8],
    decoded: &Inline<[u8; MAC_LEN]>,
) -> Option<usize> {
    for (index, key) in keys.iter().enumerate() {
        let mut mac = key.mac.clone();
        if let Some(separator) = framing.before_body {
            if let Some(id) = found.id {
                mac.update(id);
                mac.update(separator);
            }
            if let Some(raw) = found.timestamp {
                mac.update(raw);
            }
            mac.update(separator);
        }
        mac.update(body);
        if let Some(separator) = framing.after_body {
            mac.update(separator);
            if let Some(raw) = found.timestamp {
                mac.update(raw);
            }
        }
        let expected: [u8; MAC_LEN] = mac.finalize().into_bytes().into();
        let mut any = Choice::from(0);
        for candidate in decoded.iter() {
            any |= expected.ct_eq(candidate);
        }
        if bool::from(any) {
            return Some(index);
        }
    }
    None
}

/// Whether `raw` is valid text in `encoding`, whatever its decoded length
/// (only called on the error path).
fn is_encoded(raw: &[u8], encoding: Encoding) -> bool {
    match encoding {
        Encoding::Hex => !raw.is_empty() && raw.len() % 2 == 0 && raw.iter().all(u8::is_ascii_hexdigit),
        Encoding::Base64 => !raw.is_empty() && encoding::decode_base64(raw).is_some(),
    }
}

/// The name a signature error reports: the header (or query parameter) as
/// configured, as [`ErrorKind::MalformedHeader`] promises.
fn signature_field_name(location: &SignatureLocation) -> String {
    match location {
        SignatureLocation::Header { name } | SignatureLocation::QueryParameter { name } => name.clone(),
        SignatureLocation::NumberedHeaders { prefix } => format!("{prefix}1"),
        SignatureLocation::Parameters { header, .. }
        | SignatureLocation::VersionedList { header, .. }
        | SignatureLocation::TimestampPrefixed { header, .. } => header.clone(),
        SignatureLocation::AnyHeader { names } => names.join(", "),
    }
}

fn timestamp_source_name(scheme: &HmacScheme) -> &str {
    match scheme.content.timestamp() {
        Some(TimestampLocation::Header(name)) => name,
        _ => match &scheme.signature {
            SignatureLocation::Parameters { header, .. } | SignatureLocation::TimestampPrefixed { header, .. } => {
                header
            }
            _ => "timestamp",
        },
    }
}

/// Takes the timestamp from its header, or checks that the signature's
/// header held it (a parameter, or the signature's prefix).
fn locate_timestamp<'a, H: Headers + ?Sized>(
    found: &mut Found<'a>,
    (location, parsed): (&TimestampLocation, Option<&http::HeaderName>),
    headers: &'a H,
    signature: &SignatureLocation,
) -> Result<(), Error> {
    match location {
        TimestampLocation::Header(name) => {
            found.timestamp = Some(trim(single_header_of(headers, (name, parsed))?));
            Ok(())
        }
        TimestampLocation::Parameter(key) => {
            if found.timestamp.is_none() {
                let header = match signature {
                    SignatureLocation::Parameters { header, .. } => header.as_str(),
                    _ => key.as_str(),
                };
                return Err(malformed(header, "the timestamp parameter is missing"));
            }
            Ok(())
        }
        TimestampLocation::SignaturePrefix => {
            if found.timestamp.is_none() {
                let header = match signature {
                    SignatureLocation::TimestampPrefixed { header, .. } => header.as_str(),
                    _ => "timestamp",
                };
                return Err(malformed(header, "no timestamp before the signature"));
            }
            Ok(())
        }
    }
}

/// Parses an optionally signed decimal integer with no other characters.
fn parse_timestamp(raw: &[u8]) -> Option<i64> {
    let (negative, digits) = match raw.strip_prefix(b"-") {
        Some(digits) => (true, digits),
        None => (false, raw),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulated on the negative side, which holds `i64::MIN`.
    let mut value: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_sub(i64::from(b - b'0'))?;
    }
    if negative { Some(value) } else { value.checked_neg() }
}

/// `|now - timestamp| <= tolerance`, computed without overflow on any `i64`.
pub(crate) fn check_tolerance(timestamp: i64, now: i64, tolerance_secs: u64) -> Result<(), Error> {
    let distance = (i128::from(now) - i128::from(timestamp)).unsigned_abs();
    if distance > u128::from(tolerance_secs) {
        return Err(Error::new(ErrorKind::TimestampOutOfTolerance {
            timestamp,
            now,
            tolerance_secs,
        }));
    }
    Ok(())
}

/// Compares a presented token with every key, hiding content and length
/// ([`tokens_equal`]).
fn token_matches(presented: &[u8], keys: &[Key]) -> Option<usize> {
    let mut matched = None;
    for (index, key) in keys.iter().enumerate() {
        if bool::from(matches_digest(presented, &key.token_digest)) && matched.is_none() {
            matched = Some(index);
        }
    }
    matched
}

pub(super) fn header_token<H: Headers + ?Sized>(
    name: Name<'_>,
    keys: &[Key],
    incoming: &Incoming<'_, H>,
) -> Result<Verified, Error> {
    let value = trim(single_header_of(incoming.headers(), name)?);
    token_matches(value, keys)
        .map(|index| Verified::new(Some(index), None))
        .ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))
}

pub(super) fn basic_auth<H: Headers + ?Sized>(
    username: &str,
    keys: &[Key],
    incoming: &Incoming<'_, H>,
) -> Result<Verified, Error> {
    const NAME: &str = "authorization";
    let value = trim(single_header(incoming.headers(), NAME)?);
    let Some((auth_scheme, credentials)) = split_once(value, b' ') else {
        return Err(malformed(NAME, "not of the form `Basic <credentials>`"));
    };
    if !auth_scheme.eq_ignore_ascii_case(b"basic") {
        return Err(malformed(NAME, "not of the form `Basic <credentials>`"));
    }
    let decoded = encoding::decode_base64(trim(credentials))
        .ok_or_else(|| malformed(NAME, "the Basic credentials are not valid base64"))?;
    let Some((user, password)) = split_once(&decoded, b':') else {
        return Err(malformed(NAME, "the Basic credentials have no `user:password` colon"));
    };
    let user_ok = tokens_equal(user, username.as_bytes());
    let mut matched = None;
    for (index, key) in keys.iter().enumerate() {
        let ok = user_ok & matches_digest(password, &key.token_digest);
        if bool::from(ok) && matched.is_none() {
            matched = Some(index);
        }
    }
    matched
        .map(|index| Verified::new(Some(index), None))
        .ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))
}

pub(super) fn query_token<H: Headers + ?Sized>(
    name: &str,
    keys: &[Key],
    incoming: &Incoming<'_, H>,
) -> Result<Verified, Error> {
    let raw = single_raw_query_param(incoming.query(), incoming.has_uri(), name)?;
    // Two readings of the value, both always compared: the form reading
    // (`+` is a space, as HTML forms and most URL libraries write it) and the
    // literal one (`+` is a plus, RFC 3986). A token made by
    // `openssl rand -base64` holds `+`, and vendors paste the URL it was
    // registered in verbatim; both readings agree on every value without `+`.
    let form = percent_decode(raw.as_bytes()).ok_or_else(|| malformed_query(name))?;
    let literal = percent_decode_keeping_plus(raw.as_bytes()).ok_or_else(|| malformed_query(name))?;
    let by_form = token_matches(&form, keys);
    let by_literal = token_matches(&literal, keys);
    by_form
        .or(by_literal)
        .map(|index| Verified::new(Some(index), None))
        .ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))
}

/// The percent-decoded value of the query parameter `name`, which must appear once.
///
/// `uri_passed` is false when the caller gave no URI at all (`dispatch` with
/// body and headers only): the error then says which call carries it.
pub(crate) fn single_query_param(query: Option<&str>, uri_passed: bool, name: &str) -> Result<Vec<u8>, Error> {
    let raw = single_raw_query_param(query, uri_passed, name)?;
    percent_decode(raw.as_bytes()).ok_or_else(|| malformed_query(name))
}

/// The still-encoded value of the query parameter `name`, which must appear
/// once (names are compared percent-decoded).
fn single_raw_query_param<'q>(query: Option<&'q str>, uri_passed: bool, name: &str) -> Result<&'q str, Error> {
    let missing = || {
        Error::new(ErrorKind::MissingQueryParameter {
            name: name.to_owned(),
            uri_passed,
        })
    };
    let query = query.ok_or_else(missing)?;
    let mut found: Option<&str> = None;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(key.as_bytes()).ok_or_else(|| malformed_query(name))?;
        if key != name.as_bytes() {
            continue;
        }
        if found.replace(value).is_some() {
            return Err(Error::new(ErrorKind::MalformedQuery {
                name: name.to_owned(),
                reason: "the parameter appears more than once",
            }));
        }
    }
    found.ok_or_else(missing)
}

fn malformed_query(name: &str) -> Error {
    Error::new(ErrorKind::MalformedQuery {
        name: name.to_owned(),
        reason: "invalid percent-encoding",
    })
}

/// Decodes `%XX` escapes and `+` (space, as in forms).
pub(crate) fn percent_decode(input: &[u8]) -> Option<Vec<u8>> {
    decode_escapes(input, b' ')
}

/// Decodes `%XX` escapes and keeps `+` as it is (RFC 3986's reading).
fn percent_decode_keeping_plus(input: &[u8]) -> Option<Vec<u8>> {
    decode_escapes(input, b'+')
}

/// Decodes `%XX` escapes, reading `+` as `plus`.
fn decode_escapes(input: &[u8], plus: u8) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while let Some(&byte) = input.get(i) {
        match byte {
            b'%' => {
                let hex = input.get(i + 1..i + 3)?;
                let mut decoded = Vec::with_capacity(1);
                encoding::decode_hex_into(hex, &mut decoded)?;
                out.extend_from_slice(&decoded);
                i += 3;
            }
            b'+' => {
                out.push(plus);
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    Some(out)
}

/// A list that keeps its first four items inline: a request carries one or
/// two signatures, and allocating for them on every request is wasted work.
struct Inline<T> {
    first: [Option<T>; 4],
    rest: Vec<T>,
}

impl<T> Default for Inline<T> {
    fn default() -> Self {
        Inline {
            first: [None, None, None, None],
            rest: Vec::new(),
        }
    }
}

impl<T> Inline<T> {
    fn push(&mut self, item: T) {
        match self.first.iter_mut().find(|slot| slot.is_none()) {
            Some(slot) => *slot = Some(item),
            None => self.rest.push(item),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.first.iter().flatten().chain(self.rest.iter())
    }

    fn is_empty(&self) -> bool {
        self.first.iter().all(Option::is_none)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_is_symmetric_and_saturating() {
        assert!(check_tolerance(1000, 1300, 300).is_ok());
        assert!(check_tolerance(1000, 700, 300).is_ok());
        assert!(check_tolerance(1000, 1301, 300).is_err());
        assert!(check_tolerance(1000, 699, 300).is_err());
        assert!(check_tolerance(i64::MIN, i64::MAX, u64::MAX).is_ok());
        assert!(check_tolerance(i64::MIN, i64::MAX, 300).is_err());
        assert!(check_tolerance(i64::MAX, i64::MIN, 300).is_err());
        assert!(check_tolerance(5, 5, 0).is_ok());
        assert!(check_tolerance(5, 6, 0).is_err(), "zero tolerance never means off");
    }

    #[test]
    fn timestamps_are_strict_integers() {
        assert_eq!(parse_timestamp(b"1700000000"), Some(1_700_000_000));
        assert_eq!(parse_timestamp(b"-5"), Some(-5));
        assert_eq!(parse_timestamp(b"+5"), None);
        assert_eq!(parse_timestamp(b"1.5"), None);
        assert_eq!(parse_timestamp(b""), None);
        assert_eq!(parse_timestamp(b"99999999999999999999"), None);
        assert_eq!(parse_timestamp(b"-"), None);
        assert_eq!(parse_timestamp(b"--5"), None);
        assert_eq!(parse_timestamp(b"9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse_timestamp(b"9223372036854775808"), None);
        assert_eq!(parse_timestamp(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_timestamp(b"-9223372036854775809"), None);
        assert_eq!(parse_timestamp(b"0017"), Some(17));
        assert_eq!(parse_timestamp(" 1".as_bytes()), None);
    }

    #[test]
    fn query_params_are_decoded_and_unique() {
        assert_eq!(
            single_query_param(Some("a=1&token=x%2By+z"), true, "token").unwrap(),
            b"x+y z"
        );
        assert!(single_query_param(Some("token=a&token=b"), true, "token").is_err());
        assert!(single_query_param(Some("token=%zz"), true, "token").is_err());
        assert!(single_query_param(None, true, "token").is_err());
        assert!(single_query_param(Some("other=1"), true, "token").is_err());
    }

    #[test]
    fn a_plus_in_a_query_token_matches_under_either_reading() {
        use crate::headers::Incoming;
        let plus = [Key::new(&crate::Secret::new("ab+cd/ef=="))];
        let space = [Key::new(&crate::Secret::new("ab cd"))];
        let check = |query: &str, keys: &[Key]| {
            let headers: [(&str, &str); 0] = [];
            query_token("token", keys, &Incoming::new(b"", &headers).with_query(Some(query))).is_ok()
        };
        // `openssl rand -base64` output registered verbatim, or percent-encoded.
        assert!(check("token=ab+cd/ef==", &plus));
        assert!(check("token=ab%2Bcd%2Fef%3D%3D", &plus));
        // A token with a space still matches its form encoding.
        assert!(check("token=ab+cd", &space));
        assert!(check("token=ab%20cd", &space));
        // Neither reading makes a different token match.
        assert!(!check("token=ab+cd/ef=", &plus));
        assert!(!check("token=ab%20cd/ef==", &plus));
        assert!(!check("token=abXcd", &space));
        assert!(!check("token=ab%2", &plus));
    }
}
