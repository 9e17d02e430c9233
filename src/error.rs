//! [`Error`]: one error type, with an [`ErrorKind`] that says what went wrong
//! and [`Error::status`] that says what to answer.

use core::fmt;

use http::StatusCode;

use crate::Vendor;

/// Everything that can go wrong while verifying or parsing a delivery.
///
/// The error is small (one pointer) and never contains a secret, a token or a
/// header value: it is safe to log. Match on [`Error::kind`] to tell cases
/// apart, and answer the vendor with [`Error::status`].
///
/// ```
/// use esign_webhooks::{ErrorKind, Secret, Webhooks, signplus};
///
/// let webhooks = Webhooks::builder()
///     .signplus(signplus::Verifier::header_token("x-webhook-token", Secret::new("t0ken")))
///     .build()?;
/// let body = br#"{"hook":{"id":"1","event":"envelope_completed","target":"t"},"data":{}}"#;
/// let err = webhooks.dispatch(body, &[("x-webhook-token", "wrong")]).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::AuthenticationFailed));
/// assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    vendor: Option<Vendor>,
    /// The lower-level error, when there is one (serde_json, a transport, a
    /// store), for [`std::error::Error::source`].
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What went wrong. New kinds may be added in minor releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The crate was configured in a way that cannot work (an empty secret, no
    /// vendor, an invalid header name). Reported by `build()`, never per request
    /// unless said so.
    #[error("configuration error: {reason}")]
    Configuration {
        /// What is wrong with the configuration.
        reason: String,
    },

    /// A header the verification needs is absent.
    #[error("missing header `{name}`")]
    MissingHeader {
        /// The header name, as configured.
        name: String,
    },

    /// A header the verification reads appears more than once.
    #[error("header `{name}` appears more than once")]
    DuplicateHeader {
        /// The header name, as configured.
        name: String,
    },

    /// A header is present but cannot be read (its value is never repeated here).
    #[error("malformed header `{name}`: {reason}")]
    MalformedHeader {
        /// The header name, as configured.
        name: String,
        /// Why it cannot be read.
        reason: &'static str,
    },

    /// A query parameter the verification needs is absent, or the request's
    /// URI was never passed to the crate (`uri_passed: false`: the message
    /// then names the calls that carry it, such as
    /// [`Webhooks::dispatch_request`](crate::Webhooks::dispatch_request)).
    #[error(
        "missing query parameter `{name}`{}",
        if *uri_passed {
            ""
        } else {
            " (the request's URI was not passed: use `dispatch_request`, `dispatch_parts`, `handle_request` \
             or `handle_request_async`, or an `Incoming` with `with_uri`)"
        }
    )]
    MissingQueryParameter {
        /// The parameter name, as configured.
        name: String,
        /// `false` when the call gave no URI at all (`dispatch(body, headers)`),
        /// rather than a URI without the parameter.
        uri_passed: bool,
    },

    /// A query parameter the verification reads is repeated or badly encoded.
    #[error("malformed query parameter `{name}`: {reason}")]
    MalformedQuery {
        /// The parameter name, as configured.
        name: String,
        /// Why it cannot be read.
        reason: &'static str,
    },

    /// No signature, token or password in the request matches a configured secret.
    #[error("authentication failed: no signature or token matches a configured secret")]
    AuthenticationFailed,

    /// The signature is valid but its timestamp is outside the tolerance.
    #[error(
        "timestamp {timestamp} is {} the tolerance of {tolerance_secs} s (now: {now})",
        if *timestamp < *now { "older than" } else { "further in the future than" }
    )]
    TimestampOutOfTolerance {
        /// The signed timestamp, Unix seconds.
        timestamp: i64,
        /// The verifier's clock, Unix seconds.
        now: i64,
        /// The tolerance in seconds, applied both ways.
        tolerance_secs: u64,
    },

    /// The body is larger than the configured limit; nothing was parsed or hashed.
    #[error("body of {size} bytes exceeds the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The body's size in bytes (at least this many: a body cut off while
        /// read, with no `Content-Length`, reports the bytes read so far).
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },

    /// The body was authenticated but is not the JSON the vendor documents.
    #[error("malformed payload at {path} (line {line}, column {column}): {message}")]
    MalformedPayload {
        /// Where it broke, as a JSON path such as `$.eventPayload.signerList[0].signerStatus`.
        path: String,
        /// 1-based line of the error in the body.
        line: usize,
        /// 1-based column of the error in the body.
        column: usize,
        /// Why it broke.
        message: String,
    },

    /// The body is not the `multipart/form-data` its vendor sends (Dropbox
    /// Sign's `json` field): see [`MultipartError`](crate::MultipartError).
    #[error("malformed multipart/form-data body: {reason}")]
    MalformedMultipart {
        /// What is wrong with it (never body text).
        reason: crate::multipart::MultipartError,
    },

    /// Bytes read back with
    /// [`VerifiedBody::from_trusted_store`](crate::VerifiedBody::from_trusted_store)
    /// are not a stored form this crate wrote: the store, not a request, is at
    /// fault (500).
    #[error("malformed stored verified body: {reason}")]
    MalformedStoredBody {
        /// What is wrong with them (never stored bytes).
        reason: crate::dispatch::StoredBodyError,
    },

    /// Neither the headers nor the body's shape match any vendor's format.
    #[error("the request matches no known vendor's webhook format")]
    UnrecognizedVendor,

    /// The body's shape matches several vendors.
    #[error("the request matches several vendors' formats: {candidates:?}")]
    AmbiguousVendor {
        /// The vendors it could be.
        candidates: Vec<Vendor>,
    },

    /// The headers say one vendor and the body's shape says another.
    #[error("headers identify {by_headers} but the body has the shape of {by_body}")]
    VendorMismatch {
        /// The vendor identified by the request headers.
        by_headers: Vendor,
        /// The vendor identified by the body's shape.
        by_body: Vendor,
    },

    /// The request is from a vendor this [`Webhooks`](crate::Webhooks) is not configured for.
    #[error("{vendor} webhooks are not configured")]
    VendorNotConfigured {
        /// The vendor the request looks like.
        vendor: Vendor,
    },

    /// A delivery lacks a field its vendor requires before anything else
    /// (Ignisign's six: `topic`, `action`, `msgNature`, `verificationToken`,
    /// `appId`, `appEnv`). [`Error::vendor`] says whose.
    #[error("the delivery lacks the required field `{field}`")]
    MissingField {
        /// The missing field's JSON name.
        field: &'static str,
    },

    /// The delivery is addressed to another recipient than the one configured
    /// (Ignisign: another application id or environment).
    #[error("the delivery is for another {field} than the one configured")]
    RecipientMismatch {
        /// The field that differs (Ignisign: `appId` or `appEnv`).
        field: &'static str,
    },

    /// The vendor answered the confirmation phase that the delivery is not
    /// genuine (Ignisign: the verification token is not valid).
    #[error("the vendor rejected the delivery's confirmation ({reason})")]
    ConfirmationRejected {
        /// What the vendor said (Ignisign: `already consumed`, `not found`, `expired`, …).
        reason: String,
    },

    /// The vendor's confirmation phase could not be completed: its API could not
    /// be asked, gave an unusable answer, or the transport failed or panicked.
    #[error("confirmation with the vendor failed: {reason}")]
    ConfirmationFailed {
        /// The HTTP status, when a response arrived.
        status: Option<u16>,
        /// The vendor's error code, when it sent one.
        error_code: Option<String>,
        /// What went wrong.
        reason: String,
    },

    /// The deduplication store could not be reached or answered oddly; no
    /// callback ran (see [`dedup`](crate::dedup)).
    #[error("deduplication store failed: {reason}")]
    DedupStore {
        /// What went wrong (never a credential).
        reason: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                vendor: None,
                source: None,
            }),
        }
    }

    pub(crate) fn configuration(reason: impl Into<String>) -> Self {
        Error::new(ErrorKind::Configuration { reason: reason.into() })
    }

    pub(crate) fn with_vendor(mut self, vendor: Vendor) -> Self {
        self.inner.vendor = Some(vendor);
        self
    }

    /// Keeps the lower-level error that caused this one, for
    /// [`source`](std::error::Error::source).
    pub(crate) fn with_source(mut self, source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    /// Builds a [`ErrorKind::MalformedPayload`] from a serde_json error, with
    /// the JSON path of the place it broke.
    pub(crate) fn malformed_payload(body: &[u8], err: serde_json::Error) -> Self {
        Error::malformed_payload_in(body, body, err)
    }

    /// Like [`Error::malformed_payload`] for an error met while parsing `part`,
    /// a sub-slice of `body` (such as a `&RawValue` borrowed from it): line,
    /// column and path are reported relative to the whole body.
    pub(crate) fn malformed_payload_in(body: &[u8], part: &[u8], err: serde_json::Error) -> Self {
        use crate::json_path::{line_column, offset_of, path_at_offset};
        // Where `part` starts inside `body`; 0 when it is not a sub-slice.
        let base = (part.as_ptr() as usize)
            .checked_sub(body.as_ptr() as usize)
            .filter(|base| base.saturating_add(part.len()) <= body.len())
            .unwrap_or(0);
        let offset = base
            .saturating_add(offset_of(part, err.line(), err.column()))
            .min(body.len());
        let (line, column) = line_column(body, offset);
        Error::new(ErrorKind::MalformedPayload {
            path: path_at_offset(body, offset),
            line,
            // serde_json says column 0 before the first character (an empty body).
            column: column.max(1),
            message: strip_position(&err.to_string()),
        })
        .with_source(err)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The vendor the request was attributed to, when known.
    pub fn vendor(&self) -> Option<Vendor> {
        self.inner.vendor
    }

    /// The HTTP status to answer with.
    ///
    /// | Kind | Status |
    /// |---|---|
    /// | `Configuration`, `MalformedStoredBody` | 500 |
    /// | `MissingHeader`, `DuplicateHeader`, `MalformedHeader`, `MissingQueryParameter`, `MalformedQuery`, `MalformedPayload`, `MalformedMultipart`, `UnrecognizedVendor`, `AmbiguousVendor`, `VendorMismatch`, `VendorNotConfigured`, `MissingField` | 400 |
    /// | `AuthenticationFailed`, `TimestampOutOfTolerance`, `ConfirmationRejected` | 401 |
    /// | `RecipientMismatch` | 403 |
    /// | `PayloadTooLarge` | 413 |
    /// | `ConfirmationFailed` | 502 (the vendor will retry) |
    /// | `DedupStore` | 503 (the vendor will retry) |
    pub fn status(&self) -> StatusCode {
        match self.kind() {
            ErrorKind::Configuration { .. } | ErrorKind::MalformedStoredBody { .. } => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            ErrorKind::AuthenticationFailed
            | ErrorKind::TimestampOutOfTolerance { .. }
            | ErrorKind::ConfirmationRejected { .. } => StatusCode::UNAUTHORIZED,
            ErrorKind::RecipientMismatch { .. } => StatusCode::FORBIDDEN,
            ErrorKind::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::ConfirmationFailed { .. } => StatusCode::BAD_GATEWAY,
            ErrorKind::DedupStore { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    /// `true` when the request could not be authenticated (401/403 kinds).
    pub fn is_authentication(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::AuthenticationFailed
                | ErrorKind::TimestampOutOfTolerance { .. }
                | ErrorKind::ConfirmationRejected { .. }
                | ErrorKind::RecipientMismatch { .. }
        )
    }
}

/// serde_json appends " at line L column C"; the position is reported apart.
/// The rest may quote the body (an unknown value, a bad GUID): it is kept on
/// one line and bounded, so a hostile body cannot forge log lines.
fn strip_position(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    // "expected struct Wire" names one of the crate's private types: say what
    // the vendor must send instead.
    let renamed;
    let message = match message.find("expected struct ") {
        Some(at) => {
            let rest = &message[at + "expected struct ".len()..];
            let name_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            renamed = format!("{}expected a JSON object{}", &message[..at], &rest[name_end..]);
            renamed.as_str()
        }
        None => message,
    };
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS));
    crate::json_path::push_printable(&mut out, message, MAX_MESSAGE_CHARS);
    out
}

/// The most characters of a payload error's message.
const MAX_MESSAGE_CHARS: usize = 300;

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("vendor", &self.inner.vendor)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.vendor {
            Some(vendor) => write!(f, "{vendor}: {}", self.inner.kind),
            None => fmt::Display::fmt(&self.inner.kind, f),
        }
    }
}

/// The source, when there is one: serde_json's error for a malformed
/// payload, the transport's for an Ignisign token check that could not be
/// sent, the store's for a deduplication failure.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.inner.source {
            Some(source) => Some(source.as_ref()),
            None => None,
        }
    }
}

impl From<crate::multipart::MultipartError> for Error {
    fn from(reason: crate::multipart::MultipartError) -> Self {
        Error::new(ErrorKind::MalformedMultipart { reason })
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

/// The error of `FromStr` on integer status enums: the text is neither a
/// decimal code nor a known name.
///
/// ```
/// use esign_webhooks::constellation::SessionStatus;
/// assert_eq!("3".parse::<SessionStatus>().unwrap(), SessionStatus::Completed);
/// assert!("nope".parse::<SessionStatus>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a code or a known name of {type_name}")]
pub struct ParseCodeError {
    type_name: &'static str,
}

impl ParseCodeError {
    pub(crate) fn new(type_name: &'static str) -> Self {
        ParseCodeError { type_name }
    }
}
