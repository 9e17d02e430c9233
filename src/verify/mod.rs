//! The verification engine shared by every vendor.
//!
//! A [`Verifier`] pairs a method (an [`HmacScheme`], a shared token in a
//! header, HTTP Basic auth, a token in the query string, or the explicit
//! [`Verifier::dangerous_accept_unverified`]) with one or more secrets.
//! Vendor modules wrap it with constructors named after what each vendor
//! supports; the checks themselves live here once.
//!
//! # What is compared, and how
//!
//! * Every signature the request carries is tried against every configured
//!   secret (rotation on both sides); any match is accepted.
//! * MACs are compared in constant time (`subtle`): the time taken does not
//!   depend on where the bytes differ. Tokens, Basic user names and passwords
//!   are first reduced, presented and configured value alike, to an
//!   HMAC-SHA256 digest under a key drawn at random once per process, and the
//!   two 32-byte digests are compared in constant time: neither the content
//!   nor the length of the configured value shows in the timing, and a
//!   wrong-length token is refused exactly as a same-length wrong one
//!   ([`ErrorKind::AuthenticationFailed`]).
//! * The signature is checked before the timestamp, and the timestamp check
//!   uses saturating arithmetic, so a hostile `i64::MIN` cannot overflow.
//! * Every header the method reads must appear exactly once: a repeated
//!   signature or timestamp header is refused ([`ErrorKind::DuplicateHeader`]),
//!   because an intermediary that duplicates headers is indistinguishable from
//!   an attacker that appends one.

mod check;
pub mod compact;
mod detect;
pub(crate) mod rfc3339;
mod scheme;
mod token_eq;
mod vendor_verifier;

use std::time::Duration;

use hmac::Hmac;
use sha2::{Digest, Sha256};

pub use compact::ParseSchemeError;
pub use detect::{Detected, Detection, NotDetected, SEPARATORS, detect_scheme};
pub use scheme::{
    DEFAULT_TOLERANCE, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
};
#[cfg(feature = "adobesign")]
pub(crate) use token_eq::tokens_equal;

pub(crate) use vendor_verifier::vendor_verifier;

// D4Sign posts form data: its fields are read with the query's decoder.
#[cfg(feature = "d4sign")]
pub(crate) use check::percent_decode;

use crate::clock::Clock;
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::secret::Secret;

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// A configured check: a method and the secrets it accepts.
///
/// ```
/// use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, Verifier};
/// use esign_webhooks::{FixedClock, Incoming, Secret};
///
/// // DocuSign Connect style: base64 HMAC of the raw body in X-DocuSign-Signature-1..N.
/// let verifier = Verifier::hmac(
///     HmacScheme::new(SignatureLocation::numbered_headers("X-DocuSign-Signature-"), SignedContent::Body, Encoding::Base64),
///     Secret::new("test-secret"),
/// );
/// let body = br#"{"event":"envelope-completed","data":{"envelopeId":"00000000-0000-0000-0000-000000000001"}}"#;
/// let headers = [("X-DocuSign-Signature-1", "nbM5lSF7L1QWFFQM1Npagh7vQuAQJc8yKvcm0La1XUs=")];
/// let verified = verifier.verify(&Incoming::new(body, &headers), &FixedClock(0))?;
/// assert_eq!(verified.key_index(), Some(0));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    method: Method,
    /// The header names the method reads on every request, parsed once
    /// (boxed: three names would make every verifier 96 bytes larger).
    names: Box<ParsedNames>,
    keys: Vec<Key>,
    /// A vendor's `dangerous_answer_unsigned_dashboard_test`: its unsigned
    /// dashboard test is answered 2xx (never delivered) instead of refused.
    answer_unsigned_test: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Method {
    Hmac(HmacScheme),
    HeaderToken { name: String },
    BasicAuth { username: String },
    QueryToken { name: String },
    Unverified,
}

/// The header names a verifier reads on every request, parsed (and
/// lower-cased) once when it is built, so that an `http::HeaderMap` finds
/// them without parsing them again ([`Headers::values_of`]). `None` where
/// the method reads no such header, or the name is not a valid header name
/// (the lookup by `&str` then finds nothing, as it always did).
#[derive(Debug, Clone, Default)]
pub(crate) struct ParsedNames {
    /// The header of the signature (one header) or of the token.
    pub(crate) credential: Option<http::HeaderName>,
    /// The delivery id's header of [`SignedContent::IdTimestampBody`].
    pub(crate) id: Option<http::HeaderName>,
    /// The timestamp's header ([`TimestampLocation::Header`]).
    pub(crate) timestamp: Option<http::HeaderName>,
}

impl ParsedNames {
    fn of(method: &Method) -> Self {
        let parse = |name: &str| http::HeaderName::from_bytes(name.as_bytes()).ok();
        match method {
            Method::Hmac(scheme) => ParsedNames {
                credential: match &scheme.signature {
                    SignatureLocation::Header { name }
                    | SignatureLocation::Parameters { header: name, .. }
                    | SignatureLocation::VersionedList { header: name, .. }
                    | SignatureLocation::TimestampPrefixed { header: name, .. } => parse(name),
                    SignatureLocation::NumberedHeaders { .. }
                    | SignatureLocation::AnyHeader { .. }
                    | SignatureLocation::QueryParameter { .. } => None,
                },
                id: match &scheme.content {
                    SignedContent::IdTimestampBody { id_header, .. } => parse(id_header),
                    _ => None,
                },
                timestamp: match scheme.content.timestamp() {
                    Some(TimestampLocation::Header(name)) => parse(name),
                    _ => None,
                },
            },
            Method::HeaderToken { name } => ParsedNames {
                credential: parse(name),
                ..ParsedNames::default()
            },
            Method::BasicAuth { .. } | Method::QueryToken { .. } | Method::Unverified => ParsedNames::default(),
        }
    }
}

/// A secret prepared once, when the verifier is built: the HMAC state keyed
/// with it (so no request pays for keying), and its keyed digest for token
/// comparison (so a request pays for one digest, the presented token's). The
/// secret itself is not kept.
#[derive(Clone)]
pub(crate) struct Key {
    pub(crate) mac: HmacSha256,
    /// The secret's keyed digest, for token comparison (`token_eq`).
    pub(crate) token_digest: [u8; 32],
    pub(crate) empty: bool,
}

impl Key {
    fn new(secret: &Secret) -> Self {
        Key {
            mac: keyed_mac(secret.expose()),
            token_digest: token_eq::digest(secret.expose()),
            empty: secret.is_blank(),
        }
    }
}

/// Keys HMAC-SHA256 without a fallible call: RFC 2104 hashes a key longer
/// than the 64-byte block and zero-pads a shorter one, so the padded block
/// *is* the key, and `KeyInit::new` takes it infallibly.
pub(crate) fn keyed_mac(key: &[u8]) -> HmacSha256 {
    let mut block = [0u8; 64];
    if key.len() > block.len() {
        let digest = Sha256::digest(key);
        block.iter_mut().zip(digest.iter()).for_each(|(b, d)| *b = *d);
    } else {
        block.iter_mut().zip(key).for_each(|(b, k)| *b = *k);
    }
    <HmacSha256 as hmac::digest::KeyInit>::new(&block.into())
}

impl Verifier {
    /// Checks an HMAC-SHA256 signature described by `scheme`.
    pub fn hmac(scheme: HmacScheme, secret: Secret) -> Self {
        Verifier::with_method(Method::Hmac(scheme), &secret)
    }

    /// Compares the value of header `name` with a shared token.
    pub fn header_token(name: impl Into<String>, token: Secret) -> Self {
        Verifier::with_method(Method::HeaderToken { name: name.into() }, &token)
    }

    /// Checks `Authorization: Basic …` against a user name and password.
    pub fn basic_auth(username: impl Into<String>, password: Secret) -> Self {
        Verifier::with_method(
            Method::BasicAuth {
                username: username.into(),
            },
            &password,
        )
    }

    /// Compares the query parameter `name` (percent-decoded) with a shared token.
    /// Requests must then be passed with their URI, see [`Incoming::with_uri`].
    ///
    /// **`+` in a token.** URLs read `+` two ways: as a space (HTML forms, most
    /// URL libraries) or as a plus (RFC 3986). A token from
    /// `openssl rand -base64` holds `+`, and vendors send the URL you
    /// registered as you typed it. The value is therefore compared under both
    /// readings, always both and each in constant time: `?token=a+b` and
    /// `?token=a%2Bb` both match the token `a+b`. Every other character is
    /// read as percent-encoding says.
    pub fn query_token(name: impl Into<String>, token: Secret) -> Self {
        Verifier::with_method(Method::QueryToken { name: name.into() }, &token)
    }

    /// Accepts every request without any check.
    ///
    /// Only for vendors that offer no authentication at all, or for local
    /// development. Anyone who can reach the endpoint can then forge events:
    /// keep the URL secret and confirm state through the vendor's API before
    /// acting on an event.
    pub fn dangerous_accept_unverified() -> Self {
        Verifier {
            method: Method::Unverified,
            names: Box::default(),
            keys: Vec::new(),
            answer_unsigned_test: false,
        }
    }

    fn with_method(method: Method, secret: &Secret) -> Self {
        Verifier {
            names: Box::new(ParsedNames::of(&method)),
            method,
            keys: vec![Key::new(secret)],
            answer_unsigned_test: false,
        }
    }

    /// Accepts one more secret, e.g. the new one during a rotation. Every
    /// secret is tried; [`Verified::key_index`] says which one matched.
    pub fn with_secret(mut self, secret: Secret) -> Self {
        if self.method != Method::Unverified {
            self.keys.push(Key::new(&secret));
        }
        self
    }

    /// Sets the timestamp tolerance of an HMAC scheme (see [`HmacScheme::with_tolerance`]).
    pub fn with_tolerance(mut self, tolerance: Duration) -> Self {
        if let Method::Hmac(scheme) = &mut self.method {
            scheme.tolerance = tolerance;
        }
        self
    }

    /// The HMAC scheme, when this verifier checks one.
    pub fn scheme(&self) -> Option<&HmacScheme> {
        match &self.method {
            Method::Hmac(scheme) => Some(scheme),
            _ => None,
        }
    }

    /// Answers the vendor's unsigned dashboard test with a 2xx (the vendor
    /// module's `dangerous_answer_unsigned_dashboard_test`).
    pub(crate) fn answering_unsigned_test(mut self) -> Self {
        self.answer_unsigned_test = true;
        self
    }

    /// `true` when the vendor's unsigned dashboard test is to be answered 2xx.
    pub(crate) fn answers_unsigned_test(&self) -> bool {
        self.answer_unsigned_test
    }

    /// `true` for [`Verifier::dangerous_accept_unverified`].
    pub fn is_unverified(&self) -> bool {
        self.method == Method::Unverified
    }

    /// Refuses configurations that cannot work: an empty secret or header name.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.keys.iter().any(|key| key.empty) {
            return Err(Error::configuration("a secret is empty or blank"));
        }
        let names: Vec<&str> = match &self.method {
            Method::Hmac(scheme) => {
                let mut names = Vec::new();
                match &scheme.signature {
                    SignatureLocation::Header { name } | SignatureLocation::QueryParameter { name } => {
                        names.push(name.as_str())
                    }
                    SignatureLocation::NumberedHeaders { prefix } => names.push(prefix.as_str()),
                    SignatureLocation::Parameters { header, keys } => {
                        names.push(header.as_str());
                        if keys.is_empty() {
                            return Err(Error::configuration("a parameters signature location lists no key"));
                        }
                    }
                    SignatureLocation::VersionedList { header, .. } => names.push(header.as_str()),
                    SignatureLocation::AnyHeader { names: headers } => {
                        if headers.is_empty() {
                            return Err(Error::configuration("an any-header signature location lists no header"));
                        }
                        names.extend(headers.iter().map(String::as_str));
                    }
                    SignatureLocation::TimestampPrefixed { header, separator } => {
                        if separator.is_empty() {
                            return Err(Error::configuration(
                                "a timestamp-prefixed signature has an empty separator",
                            ));
                        }
                        names.push(header.as_str());
                    }
                }
                match &scheme.content {
                    SignedContent::Body => {}
                    SignedContent::TimestampThenBody { timestamp, .. }
                    | SignedContent::BodyThenTimestamp { timestamp, .. } => names.extend(timestamp_name(timestamp)),
                    SignedContent::IdTimestampBody {
                        id_header, timestamp, ..
                    } => {
                        names.push(id_header.as_str());
                        names.extend(timestamp_name(timestamp));
                    }
                }
                let prefixed = matches!(scheme.signature, SignatureLocation::TimestampPrefixed { .. });
                let from_prefix = matches!(scheme.content.timestamp(), Some(TimestampLocation::SignaturePrefix));
                if prefixed != from_prefix {
                    return Err(Error::configuration(
                        "a timestamp-prefixed signature and a timestamp read from the signature go together",
                    ));
                }
                if matches!(scheme.content.timestamp(), Some(TimestampLocation::Parameter(_)))
                    && !matches!(scheme.signature, SignatureLocation::Parameters { .. })
                {
                    return Err(Error::configuration(
                        "a timestamp parameter needs a `parameters` signature location",
                    ));
                }
                names
            }
            Method::HeaderToken { name } | Method::QueryToken { name } => vec![name.as_str()],
            Method::BasicAuth { .. } | Method::Unverified => Vec::new(),
        };
        if names.iter().any(|name| name.trim().is_empty()) {
            return Err(Error::configuration("a header or parameter name is empty"));
        }
        Ok(())
    }

    /// `true` when the request carries what this verifier reads (its signature
    /// or token header, `Authorization: Basic`, its query parameter): the
    /// request names this verifier's vendor. Nothing is checked yet.
    pub(crate) fn identifies<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> bool {
        let has_header = |name: &str| match &self.names.credential {
            Some(parsed) => incoming.headers().values_of(parsed).next().is_some(),
            None => incoming.headers().values(name).next().is_some(),
        };
        let has_param = |name: &str| {
            incoming.query().is_some_and(|query| {
                query
                    .split('&')
                    .any(|pair| pair.split_once('=').map_or(pair, |(key, _)| key) == name)
            })
        };
        match &self.method {
            Method::Hmac(scheme) => match &scheme.signature {
                SignatureLocation::QueryParameter { name } => has_param(name),
                SignatureLocation::NumberedHeaders { prefix } => {
                    incoming.headers().values(&format!("{prefix}1")).next().is_some()
                }
                SignatureLocation::Header { name }
                | SignatureLocation::Parameters { header: name, .. }
                | SignatureLocation::VersionedList { header: name, .. }
                | SignatureLocation::TimestampPrefixed { header: name, .. } => has_header(name),
                SignatureLocation::AnyHeader { names } => names
                    .iter()
                    .any(|name| incoming.headers().values(name).next().is_some()),
            },
            Method::HeaderToken { name } => has_header(name),
            Method::BasicAuth { .. } => incoming.headers().values("authorization").any(|value| {
                value
                    .get(..6)
                    .is_some_and(|scheme| scheme.eq_ignore_ascii_case(b"basic "))
            }),
            Method::QueryToken { name } => has_param(name),
            Method::Unverified => false,
        }
    }

    /// Checks a request, reading the time from `clock`.
    pub fn verify<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        // The clock is read only by schemes that sign a timestamp.
        self.check(incoming, || clock.now_unix())
    }

    /// Checks a request as if the time were `now` (Unix seconds).
    pub fn verify_at<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>, now: i64) -> Result<Verified, Error> {
        self.check(incoming, || now)
    }

    fn check<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        now: impl FnOnce() -> i64,
    ) -> Result<Verified, Error> {
        if self.method == Method::Unverified {
            return Ok(Verified {
                key_index: None,
                timestamp: None,
            });
        }
        if self.keys.is_empty() || self.keys.iter().any(|key| key.empty) {
            return Err(Error::configuration("a secret is empty or blank"));
        }
        match &self.method {
            Method::Hmac(scheme) => check::hmac(scheme, &self.names, &self.keys, incoming, now),
            Method::HeaderToken { name } => {
                check::header_token((name, self.names.credential.as_ref()), &self.keys, incoming)
            }
            Method::BasicAuth { username } => check::basic_auth(username, &self.keys, incoming),
            Method::QueryToken { name } => check::query_token(name, &self.keys, incoming),
            Method::Unverified => Err(Error::new(ErrorKind::AuthenticationFailed)),
        }
    }
}

/// The header or parameter name a timestamp location reads, if it has its own.
fn timestamp_name(location: &TimestampLocation) -> Option<&str> {
    match location {
        TimestampLocation::Header(name) | TimestampLocation::Parameter(name) => Some(name),
        TimestampLocation::SignaturePrefix => None,
    }
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let method: &dyn core::fmt::Debug = match &self.method {
            Method::Hmac(scheme) => scheme,
            Method::HeaderToken { name } => name,
            Method::BasicAuth { username } => username,
            Method::QueryToken { name } => name,
            Method::Unverified => &"dangerous_accept_unverified",
        };
        let kind = match &self.method {
            Method::Hmac(_) => "hmac",
            Method::HeaderToken { .. } => "header_token",
            Method::BasicAuth { .. } => "basic_auth",
            Method::QueryToken { .. } => "query_token",
            Method::Unverified => "unverified",
        };
        f.debug_struct("Verifier")
            .field(kind, method)
            .field("secrets", &format_args!("{} [REDACTED]", self.keys.len()))
            .finish()
    }
}

/// The outcome of a successful check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    key_index: Option<usize>,
    timestamp: Option<i64>,
}

impl Verified {
    pub(crate) fn new(key_index: Option<usize>, timestamp: Option<i64>) -> Self {
        Verified { key_index, timestamp }
    }

    /// Which configured secret matched (0 = the first), or `None` when
    /// nothing was checked ([`Verifier::dangerous_accept_unverified`]).
    /// Useful to tell when the old secret of a rotation is no longer used.
    pub fn key_index(&self) -> Option<usize> {
        self.key_index
    }

    /// The signed timestamp (Unix seconds), for schemes that sign one.
    pub fn timestamp(&self) -> Option<i64> {
        self.timestamp
    }

    /// `false` only for the explicitly unverified mode.
    pub fn is_authenticated(&self) -> bool {
        self.key_index.is_some()
    }
}
