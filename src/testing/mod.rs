//! A test signer: builds correctly (or deliberately wrongly) signed deliveries
//! for every scheme the crate verifies, so you can test your own handlers.
//!
//! Each [`Signer`] mirrors a [`verify::Verifier`](crate::verify::Verifier)
//! constructor. [`Signer::sign`] returns a [`SignedRequest`]: the body, the
//! headers and the query string a vendor would send.
//!
//! ```
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::verify::HmacScheme;
//! use esign_webhooks::{Event, FixedClock, Secret, Webhooks, esignglobal};
//!
//! let scheme = HmacScheme::standard_webhooks(); // whatever eSignGlobal confirms to you
//! let secret = Secret::new("esg-secret");
//! let webhooks = Webhooks::builder()
//!     .esignglobal(esignglobal::Verifier::new(secret.clone(), scheme.clone()))
//!     .clock(FixedClock(1_700_000_000))
//!     .build()?;
//!
//! let body = br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":"E1","envelopeStatus":2}}"#;
//! let request = Signer::hmac(scheme, secret).at(1_700_000_000).with_id("msg_1").sign(body);
//! let event = webhooks.dispatch_request(&request.to_http_request("/webhooks"))?;
//! assert!(matches!(event, Event::EsignGlobal(_)));
//! # Ok::<(), esign_webhooks::Error>(())
//! ```

use hmac::Mac;

use crate::clock::{Clock, SystemClock};
use crate::encoding;
use crate::headers::Incoming;
use crate::secret::Secret;
use crate::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit, keyed_mac, rfc3339,
};

/// A delivery as a vendor would send it.
///
/// Its `Debug` shows the headers and query exactly as they would be sent,
/// tokens and Basic credentials included: it is a test value, not a secret holder.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignedRequest {
    /// The raw body.
    pub body: Vec<u8>,
    /// The headers, in the order they would be sent.
    pub headers: Vec<(String, String)>,
    /// The query string (without `?`), for query-parameter schemes.
    pub query: Option<String>,
}

impl SignedRequest {
    /// A delivery of `body` with these headers and query string (without
    /// `?`), signed by code of your own (the command-line tool signs with a
    /// configuration file's secrets), for a [`simulator`] to send.
    pub fn new(body: Vec<u8>, headers: Vec<(String, String)>, query: Option<String>) -> Self {
        SignedRequest { body, headers, query }
    }

    /// The request as an [`Incoming`], query string included.
    pub fn incoming(&self) -> Incoming<'_, Vec<(String, String)>> {
        Incoming::new(&self.body, &self.headers).with_query(self.query.as_deref())
    }

    /// A `POST` to `path` (plus the query string, if any) with a JSON content
    /// type, to drive your own router in tests.
    pub fn to_http_request(&self, path: &str) -> http::Request<Vec<u8>> {
        let uri = match &self.query {
            Some(query) => format!("{path}?{query}"),
            None => path.to_owned(),
        };
        let mut builder = http::Request::post(uri);
        // JSON unless the signer set its own (Dropbox Sign's multipart form):
        // two `Content-Type` headers are refused as ambiguous.
        if !self
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
        }
        for (name, value) in &self.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder
            .body(self.body.clone())
            .unwrap_or_else(|_| http::Request::new(self.body.clone()))
    }

    /// Replaces the value of every header named `name` (ignoring case), or adds
    /// it, e.g. to send a wrong signature.
    pub fn set_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// Removes every header named `name` (ignoring case).
    pub fn remove_header(mut self, name: &str) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self
    }
}

/// Signs deliveries the way a vendor configured with the same secret would.
#[derive(Debug, Clone)]
pub struct Signer {
    method: Method,
    timestamp: Option<i64>,
    id: String,
    signature_override: Option<String>,
    more_secrets: Vec<Secret>,
}

#[derive(Debug, Clone)]
enum Method {
    Hmac(HmacScheme, Secret),
    HeaderToken(String, Secret),
    BasicAuth(String, Secret),
    QueryToken(String, Secret),
}

impl Signer {
    /// Signs with an HMAC scheme. The timestamp defaults to now and the id
    /// (for schemes that sign one) to `msg_test`.
    pub fn hmac(scheme: HmacScheme, secret: Secret) -> Self {
        Signer::with_method(Method::Hmac(scheme, secret))
    }

    /// Sends `token` in header `name`.
    pub fn header_token(name: impl Into<String>, token: Secret) -> Self {
        Signer::with_method(Method::HeaderToken(name.into(), token))
    }

    /// Sends `Authorization: Basic` credentials.
    pub fn basic_auth(username: impl Into<String>, password: Secret) -> Self {
        Signer::with_method(Method::BasicAuth(username.into(), password))
    }

    /// Sends `token` in query parameter `name`.
    pub fn query_token(name: impl Into<String>, token: Secret) -> Self {
        Signer::with_method(Method::QueryToken(name.into(), token))
    }

    fn with_method(method: Method) -> Self {
        Signer {
            method,
            timestamp: None,
            id: "msg_test".to_owned(),
            signature_override: None,
            more_secrets: Vec::new(),
        }
    }

    /// Signs one more header with `secret`, for HMAC schemes whose signature
    /// location lists several headers ([`SignatureLocation::AnyHeader`], Box
    /// Sign's primary and secondary): the first secret signs the first header,
    /// this one the next. Locations that carry one signature ignore it.
    pub fn with_secret(mut self, secret: Secret) -> Self {
        self.more_secrets.push(secret);
        self
    }

    /// Signs as of this Unix time instead of now.
    pub fn at(mut self, timestamp: i64) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Uses this message id (for schemes that sign one).
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }

    /// Sends `signature` (already encoded) instead of the correct one, for
    /// negative tests. For token schemes it replaces the token.
    pub fn with_signature_override(mut self, signature: impl Into<String>) -> Self {
        self.signature_override = Some(signature.into());
        self
    }

    /// Builds the delivery for `body`.
    pub fn sign(&self, body: &[u8]) -> SignedRequest {
        let mut request = SignedRequest {
            body: body.to_vec(),
            headers: Vec::new(),
            query: None,
        };
        let lossy = |secret: &Secret| String::from_utf8_lossy(secret.expose()).into_owned();
        match &self.method {
            Method::Hmac(scheme, secret) => self.sign_hmac(scheme, secret, &mut request),
            Method::HeaderToken(name, token) => {
                let value = self.signature_override.clone().unwrap_or_else(|| lossy(token));
                request.headers.push((name.clone(), value));
            }
            Method::BasicAuth(user, password) => {
                let value = match &self.signature_override {
                    Some(value) => value.clone(),
                    None => {
                        let mut credentials = user.as_bytes().to_vec();
                        credentials.push(b':');
                        credentials.extend_from_slice(password.expose());
                        format!("Basic {}", encoding::encode_base64(&credentials))
                    }
                };
                request.headers.push(("Authorization".to_owned(), value));
            }
            Method::QueryToken(name, token) => {
                let value = self.signature_override.clone().unwrap_or_else(|| lossy(token));
                request.query = Some(format!("{}={}", percent_encode(name), percent_encode(&value)));
            }
        }
        request
    }

    fn sign_hmac(&self, scheme: &HmacScheme, secret: &Secret, request: &mut SignedRequest) {
        let seconds = self.timestamp.unwrap_or_else(|| SystemClock.now_unix());
        let timestamp = match scheme.timestamp_unit {
            TimestampUnit::Milliseconds => seconds.saturating_mul(1000).to_string(),
            TimestampUnit::Rfc3339 => rfc3339::format(seconds),
            _ => seconds.to_string(),
        };
        let sign_with = |secret: &Secret| {
            let mut mac = keyed_mac(secret.expose());
            match &scheme.content {
                SignedContent::Body => mac.update(&request.body),
                SignedContent::TimestampThenBody { separator, .. } => {
                    mac.update(timestamp.as_bytes());
                    mac.update(separator.as_bytes());
                    mac.update(&request.body);
                }
                SignedContent::BodyThenTimestamp { separator, .. } => {
                    mac.update(&request.body);
                    mac.update(separator.as_bytes());
                    mac.update(timestamp.as_bytes());
                }
                SignedContent::IdTimestampBody { separator, .. } => {
                    mac.update(self.id.as_bytes());
                    mac.update(separator.as_bytes());
                    mac.update(timestamp.as_bytes());
                    mac.update(separator.as_bytes());
                    mac.update(&request.body);
                }
            }
            self.signature_override.clone().unwrap_or_else(|| {
                let bytes = mac.finalize().into_bytes();
                let encoded = match scheme.encoding {
                    Encoding::Base64 => encoding::encode_base64(&bytes),
                    Encoding::Hex => encoding::encode_hex(&bytes),
                };
                format!("{}{encoded}", scheme.prefix.as_deref().unwrap_or(""))
            })
        };
        let signature = sign_with(secret);
        let more: Vec<String> = self.more_secrets.iter().map(sign_with).collect();
        if let SignedContent::IdTimestampBody { id_header, .. } = &scheme.content {
            request.headers.push((id_header.clone(), self.id.clone()));
        }
        let timestamp_param = match scheme.content.timestamp() {
            Some(TimestampLocation::Header(name)) => {
                request.headers.push((name.clone(), timestamp.clone()));
                None
            }
            Some(TimestampLocation::Parameter(key)) => Some(format!("{key}={timestamp}")),
            _ => None,
        };
        match &scheme.signature {
            SignatureLocation::Header { name } => request.headers.push((name.clone(), signature)),
            SignatureLocation::NumberedHeaders { prefix } => request.headers.push((format!("{prefix}1"), signature)),
            SignatureLocation::Parameters { header, keys } => {
                let key = keys.first().map_or("v1", String::as_str);
                let value = match timestamp_param {
                    Some(param) => format!("{param},{key}={signature}"),
                    None => format!("{key}={signature}"),
                };
                request.headers.push((header.clone(), value));
            }
            SignatureLocation::VersionedList { header, version } => {
                request.headers.push((header.clone(), format!("{version},{signature}")));
            }
            SignatureLocation::QueryParameter { name } => {
                request.query = Some(format!("{}={}", percent_encode(name), percent_encode(&signature)));
            }
            SignatureLocation::AnyHeader { names } => {
                for (name, signature) in names.iter().zip(core::iter::once(signature).chain(more)) {
                    request.headers.push((name.clone(), signature));
                }
            }
            SignatureLocation::TimestampPrefixed { header, separator } => {
                request
                    .headers
                    .push((header.clone(), format!("{timestamp}{separator}{signature}")));
            }
        }
    }
}

/// Encodes everything but unreserved URI characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push_str(&encoding::encode_hex(&[byte]).to_ascii_uppercase());
        }
    }
    out
}

/// What a simulated Ignisign token check answers, for [`ignisign_token_response`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenOutcome {
    /// `200`, `isValid: true`: the token is accepted and consumed.
    Valid,
    /// `200`, `isValid: false, alreadyConsumed: true`: a replay or a second check.
    AlreadyConsumed,
    /// `200`, `isValid: false, notFound: true`: a forged token.
    NotFound,
    /// `200`, `isValid: false, isExpired: true`.
    Expired,
    /// `401` with Ignisign's error body `{"errorCode":"INVALID_TOKEN"}` (a bad API key, say).
    Unauthorized,
}

/// The response Ignisign's token-check endpoint would send, to pass to
/// [`Delivery::confirm`](crate::ignisign::Delivery::confirm) in tests.
///
/// ```
/// use esign_webhooks::testing::{TokenOutcome, ignisign_token_response};
/// let response = ignisign_token_response(TokenOutcome::AlreadyConsumed);
/// assert_eq!(response.status(), 200);
/// ```
pub fn ignisign_token_response(outcome: TokenOutcome) -> http::Response<Vec<u8>> {
    let (status, body): (u16, &str) = match outcome {
        TokenOutcome::Valid => (200, r#"{"isValid":true,"haveBeenConsumed":true}"#),
        TokenOutcome::AlreadyConsumed => (200, r#"{"isValid":false,"alreadyConsumed":true}"#),
        TokenOutcome::NotFound => (200, r#"{"isValid":false,"notFound":true}"#),
        TokenOutcome::Expired => (200, r#"{"isValid":false,"isExpired":true}"#),
        TokenOutcome::Unauthorized => (401, r#"{"errorCode":"INVALID_TOKEN","message":"invalid token"}"#),
    };
    let mut response = http::Response::new(body.as_bytes().to_vec());
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::OK);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

/// Checks that `vendor`'s one-pass parse, where it accepts `body`, agrees
/// with its precise parse: the same event and the same dedup key (which
/// covers Ignisign's verification token). `Ok` when the vendor has no
/// one-pass parse or it declines the body.
///
/// The crate's `differential` fuzz target runs it on arbitrary input; it is
/// public so that the fuzz crate and your own tests can run it too.
///
/// ```
/// use esign_webhooks::{Vendor, testing};
///
/// let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
/// assert_eq!(testing::fast_path_agrees(Vendor::EsignGlobal, body), Ok(()));
/// ```
pub fn fast_path_agrees(vendor: crate::Vendor, body: &[u8]) -> Result<(), String> {
    crate::dispatch::fast_path_agrees(vendor, body)
}

pub mod demo;
#[cfg(feature = "dropboxsign")]
mod dropboxsign;
pub mod simulator;
#[cfg(feature = "dropboxsign")]
pub use dropboxsign::CallbackSigner;
