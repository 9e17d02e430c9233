//! [`Error`]: one error type, with an [`ErrorKind`] that says what went wrong
//! and [`Error::status`] that says what to answer.

use core::fmt;

use http::StatusCode;

use crate::vendor::Vendor;

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
    /// The answer the vendor expects, prepared by its plug-in: a setup
    /// handshake's ([`ErrorKind::SetupRequest`]).
    setup_response: Option<http::Response<Vec<u8>>>,
    /// Where the verified bytes lie in the request's body, for an
    /// [`ErrorKind::Unreadable`] delivery (handed to `on_unreadable`).
    verified_part: Option<core::ops::Range<usize>>,
}

/// Declares [`ErrorKind`] with each kind's HTTP status and [`Fault`] on the
/// line above its name (`[400 BAD_REQUEST, Sender]`), and generates the
/// exhaustive `status`, `fault` and `name` from those lines: a new kind must
/// choose both, there is no wildcard to fall into (axum's `define_rejection!`
/// habit, which declares each rejection's status with it).
macro_rules! error_kinds {
    (
        $(#[$enum_meta:meta])*
        pub enum ErrorKind {
            $(
                $(#[$meta:meta])*
                [$code:literal $status:ident, $fault:ident]
                $variant:ident $({ $($fields:tt)* })?,
            )*
        }
    ) => {
        $(#[$enum_meta])*
        pub enum ErrorKind {
            $(
                $(#[$meta])*
                #[doc = ""]
                #[doc = concat!(
                    "Answered ", $code, " ([`", stringify!($status), "`](StatusCode::", stringify!($status),
                    ")); at fault: [`Fault::", stringify!($fault), "`]."
                )]
                $variant $({ $($fields)* })?,
            )*
        }

        // The number written for the documentation is the constant's.
        $(const _: () = assert!(StatusCode::$status.as_u16() == $code);)*

        impl ErrorKind {
            /// The HTTP status to answer the sender with, declared beside each
            /// kind (the last line of its documentation).
            pub fn status(&self) -> StatusCode {
                match self {
                    $(ErrorKind::$variant { .. } => StatusCode::$status,)*
                }
            }

            /// Who is at fault, declared beside each kind: what to fix, and
            /// whether a retry of the same request can succeed.
            pub fn fault(&self) -> Fault {
                match self {
                    $(ErrorKind::$variant { .. } => Fault::$fault,)*
                }
            }

            /// The kind's stable name (its variant's), as logged.
            #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
            pub(crate) fn name(&self) -> &'static str {
                match self {
                    $(ErrorKind::$variant { .. } => stringify!($variant),)*
                }
            }
        }
    };
}

error_kinds! {
    /// What went wrong. New kinds may be added in minor releases.
    ///
    /// Each kind declares beside it the HTTP status to answer
    /// ([`ErrorKind::status`]) and who is at fault ([`ErrorKind::fault`]), as
    /// its documentation's last line says.
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
    #[non_exhaustive]
    pub enum ErrorKind {
        /// The crate was configured in a way that cannot work (an empty secret, no
        /// vendor, an invalid header name). Reported by `build()`, never per request
        /// unless said so.
        #[error("configuration error: {reason}")]
        [500 INTERNAL_SERVER_ERROR, Configuration]
        Configuration {
            /// What is wrong with the configuration.
            reason: String,
        },

        /// A header the verification needs is absent.
        #[error("missing header `{name}`")]
        [400 BAD_REQUEST, Sender]
        MissingHeader {
            /// The header name, as configured.
            name: String,
        },

        /// A header the verification reads appears more than once.
        #[error("header `{name}` appears more than once")]
        [400 BAD_REQUEST, Sender]
        DuplicateHeader {
            /// The header name, as configured.
            name: String,
        },

        /// A header is present but cannot be read (its value is never repeated here).
        #[error("malformed header `{name}`: {reason}")]
        [400 BAD_REQUEST, Sender]
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
        [400 BAD_REQUEST, Sender]
        MissingQueryParameter {
            /// The parameter name, as configured.
            name: String,
            /// `false` when the call gave no URI at all (`dispatch(body, headers)`),
            /// rather than a URI without the parameter.
            uri_passed: bool,
        },

        /// A query parameter the verification reads is repeated or badly encoded.
        #[error("malformed query parameter `{name}`: {reason}")]
        [400 BAD_REQUEST, Sender]
        MalformedQuery {
            /// The parameter name, as configured.
            name: String,
            /// Why it cannot be read.
            reason: &'static str,
        },

        /// No signature, token or password in the request matches a configured secret.
        #[error("authentication failed: no signature or token matches a configured secret")]
        [401 UNAUTHORIZED, Sender]
        AuthenticationFailed,

        /// The signature is valid but its timestamp is outside the tolerance.
        #[error(
            "timestamp {timestamp} is {} the tolerance of {tolerance_secs} s (now: {now})",
            if *timestamp < *now { "older than" } else { "further in the future than" }
        )]
        [401 UNAUTHORIZED, Sender]
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
        [413 PAYLOAD_TOO_LARGE, Sender]
        PayloadTooLarge {
            /// The body's size in bytes (at least this many: a body cut off while
            /// read, with no `Content-Length`, reports the bytes read so far).
            size: usize,
            /// The configured limit in bytes.
            limit: usize,
        },

        /// The body was authenticated but is not the JSON the vendor documents.
        #[error("malformed payload at {path} (line {line}, column {column}): {message}")]
        [400 BAD_REQUEST, Sender]
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
        [400 BAD_REQUEST, Sender]
        MalformedMultipart {
            /// What is wrong with it (never body text).
            reason: crate::multipart::MultipartError,
        },

        /// Bytes read back with
        /// [`VerifiedBody::from_trusted_store`](crate::VerifiedBody::from_trusted_store)
        /// are not a stored form this crate wrote: the store, not a request, is at
        /// fault.
        #[error("malformed stored verified body: {reason}")]
        [500 INTERNAL_SERVER_ERROR, Store]
        MalformedStoredBody {
            /// What is wrong with them (never stored bytes).
            reason: StoredBodyError,
        },

        /// Neither the headers nor the body's shape match any vendor's format.
        #[error("the request matches no known vendor's webhook format")]
        [400 BAD_REQUEST, Sender]
        UnrecognizedVendor,

        /// The body's shape matches several vendors.
        #[error("the request matches several vendors' formats: {candidates:?}")]
        [400 BAD_REQUEST, Sender]
        AmbiguousVendor {
            /// The vendors it could be.
            candidates: Vec<Vendor>,
        },

        /// The headers say one vendor and the body's shape says another.
        #[error("headers identify {by_headers} but the body has the shape of {by_body}")]
        [400 BAD_REQUEST, Sender]
        VendorMismatch {
            /// The vendor identified by the request headers.
            by_headers: Vendor,
            /// The vendor identified by the body's shape.
            by_body: Vendor,
        },

        /// The request is from a vendor this [`Webhooks`](crate::Webhooks) is not configured for.
        #[error("{vendor} webhooks are not configured")]
        [400 BAD_REQUEST, Sender]
        VendorNotConfigured {
            /// The vendor the request looks like.
            vendor: Vendor,
        },

        /// A delivery lacks a field its vendor requires before anything else.
        /// [`Error::vendor`] says whose; the vendor's module lists the fields.
        #[error("the delivery lacks the required field `{field}`")]
        [400 BAD_REQUEST, Sender]
        MissingField {
            /// The missing field's JSON name.
            field: &'static str,
        },

        /// The delivery is addressed to another recipient than the one configured
        /// (another application, another environment).
        #[error("the delivery is for another {field} than the one configured")]
        [403 FORBIDDEN, Sender]
        RecipientMismatch {
            /// The JSON name of the field that differs.
            field: &'static str,
        },

        /// The vendor answered the confirmation phase that the delivery is not
        /// genuine (its single-use token is not valid, say).
        #[error("the vendor rejected the delivery's confirmation ({reason})")]
        [401 UNAUTHORIZED, Sender]
        ConfirmationRejected {
            /// What the vendor said, in its words (never the token).
            reason: String,
        },

        /// The vendor's confirmation phase could not be completed: its API could not
        /// be asked, gave an unusable answer, or the transport failed or panicked.
        #[error("confirmation with the vendor failed: {reason}")]
        [502 BAD_GATEWAY, VendorApi]
        ConfirmationFailed {
            /// The HTTP status, when a response arrived.
            status: Option<u16>,
            /// The vendor's error code, when it sent one.
            error_code: Option<String>,
            /// What went wrong.
            reason: String,
        },

        /// The request is a vendor's setup handshake, not a delivery (BoldSign's
        /// `Verification` request, or a dashboard test answered through a
        /// `dangerous_…` opt-in): it is answered as the vendor expects
        /// ([`Error::setup_response`]) and never reaches a callback. See the
        /// [security manual](crate::manual::security#setup-handshakes).
        #[error("{vendor} setup request ({what}): answered, not an event")]
        [200 OK, Setup]
        SetupRequest {
            /// Whose setup request it is.
            vendor: Vendor,
            /// Which request, in the vendor's words (`Verification`, `dashboard test`).
            what: &'static str,
        },

        /// The request has the documented shape of a vendor's unsigned dashboard
        /// test (DocuSeal's test webhook, Zoho Sign's "Test URL"). Real
        /// deliveries are signed; the test is refused unless the vendor's
        /// verifier opts in with `dangerous_answer_unsigned_dashboard_test`.
        #[error(
            "{vendor} {what} is unsigned and was refused: real deliveries are signed \
             (answer it with the verifier's `dangerous_answer_unsigned_dashboard_test`)"
        )]
        [400 BAD_REQUEST, Sender]
        UnsignedDashboardTest {
            /// Whose test it is.
            vendor: Vendor,
            /// The test, in the vendor's words (`test webhook`, `"Test URL" request`).
            what: &'static str,
        },

        /// The delivery is authentic and is the vendor's message, but holds a
        /// value this crate's model cannot read (a boolean sent as a string in a
        /// deep field, say). The sender is not at fault: it is answered 503 so
        /// that the vendor retries, unless an `on_unreadable` handler
        /// ([`Handlers::on_unreadable`](crate::Handlers::on_unreadable)) took it.
        #[error("verified delivery unreadable at {path} (line {line}, column {column}): {message}")]
        [503 SERVICE_UNAVAILABLE, Model]
        Unreadable {
            /// Where the model failed, as a JSON path.
            path: String,
            /// 1-based line in the body.
            line: usize,
            /// 1-based column in the body.
            column: usize,
            /// Why it failed.
            message: String,
        },

        /// The deduplication store could not be reached or answered oddly; no
        /// callback ran (see [`dedup`](crate::dedup)).
        #[error("deduplication store failed: {reason}")]
        [503 SERVICE_UNAVAILABLE, Store]
        DedupStore {
            /// What went wrong (never a credential).
            reason: String,
        },

        /// The request names no tenant this receiver knows (multi-tenant
        /// receivers, [`tenant`](crate::tenant)): the tenant id is absent,
        /// malformed, or the resolver does not know it. Answered 401, the
        /// status of a wrong signature, so that a sender cannot tell an unknown
        /// tenant from a known one whose key it lacks (no tenant enumeration).
        /// The id is never repeated here.
        #[error("the request names no known tenant")]
        [401 UNAUTHORIZED, Sender]
        UnknownTenant,

        /// The tenant resolver (your database or secrets manager, behind
        /// [`TenantResolver`](crate::tenant::TenantResolver)) failed: no callback
        /// ran. Answered 503 so that the vendor retries; a later retry succeeds
        /// once the resolver is back.
        #[error("tenant resolver unavailable: {reason}")]
        [503 SERVICE_UNAVAILABLE, Store]
        TenantResolverUnavailable {
            /// What went wrong, as the resolver said it (never a credential).
            reason: String,
        },
    }
}

/// Who is at fault for an [`ErrorKind`] ([`ErrorKind::fault`]), as rustls
/// groups its errors by the party that caused them. Every [`Sender`](Fault::Sender)
/// kind is answered with a 4xx status, [`Setup`](Fault::Setup) with a 2xx,
/// every other with a 5xx.
///
/// ```
/// use esign_webhooks::{ErrorKind, Fault};
///
/// assert_eq!(ErrorKind::AuthenticationFailed.fault(), Fault::Sender);
/// let store = ErrorKind::DedupStore { reason: "timeout".into() };
/// assert_eq!(store.fault(), Fault::Store);
/// assert_eq!(store.status(), http::StatusCode::SERVICE_UNAVAILABLE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// The request: it is malformed, unauthenticated, too large, addressed to
    /// another receiver, or refused by the vendor's confirmation. The same
    /// request fails again.
    Sender,
    /// This receiver's configuration (a secret, a vendor's settings, a
    /// framework's wiring): fixed by its operator, not by a retry.
    Configuration,
    /// The vendor's API, asked during a delivery's confirmation phase: it
    /// could not be reached or gave an unusable answer. A retry may succeed.
    VendorApi,
    /// A store of this receiver's: the deduplication store, the store a
    /// verified body was read back from, or the store of tenants a
    /// [`TenantResolver`](crate::tenant::TenantResolver) reads.
    Store,
    /// No one: the request is a vendor's setup handshake
    /// ([`ErrorKind::SetupRequest`]), answered with a 2xx.
    Setup,
    /// This crate's model of the vendor's message, which could not read a
    /// verified delivery ([`ErrorKind::Unreadable`]): a retry can succeed
    /// once a handler or a later release reads it.
    Model,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                vendor: None,
                source: None,
                setup_response: None,
                verified_part: None,
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

    /// Carries the answer the vendor expects to this request (a setup
    /// handshake's), which [`setup_response`](Error::setup_response) returns.
    pub(crate) fn with_response(mut self, response: http::Response<Vec<u8>>) -> Self {
        self.inner.setup_response = Some(response);
        self
    }

    /// A setup handshake ([`ErrorKind::SetupRequest`]) of `vendor`'s, with
    /// the answer the vendor expects to it.
    pub(crate) fn setup(vendor: Vendor, what: &'static str, response: http::Response<Vec<u8>>) -> Self {
        Error::new(ErrorKind::SetupRequest { vendor, what })
            .with_vendor(vendor)
            .with_response(response)
    }

    /// The whole answer the vendor expects, when the request was a setup
    /// handshake ([`ErrorKind::SetupRequest`]): status, headers and body.
    /// `None` for every other error, whose answer is its [`status`](Error::status).
    ///
    /// ```
    /// use esign_webhooks::{ErrorKind, Secret, Webhooks, boldsign};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .boldsign(boldsign::Verifier::new(Secret::new("not-yet-known")))
    ///     .build()?;
    /// let body = br#"{"event":{"id":"1","created":1700000000,"eventType":"Verification"}}"#;
    /// let err = webhooks.dispatch(body, &[("X-BoldSign-Event", "Verification")]).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::SetupRequest { .. }));
    /// assert_eq!(err.status(), http::StatusCode::OK);
    /// assert_eq!(err.setup_response().map(|r| r.status()), Some(http::StatusCode::OK));
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn setup_response(&self) -> Option<&http::Response<Vec<u8>>> {
        self.inner.setup_response.as_ref()
    }

    /// `true` for a vendor's setup handshake ([`ErrorKind::SetupRequest`]):
    /// answer it with [`setup_response`](Error::setup_response); nothing was delivered.
    pub fn is_setup_request(&self) -> bool {
        matches!(self.kind(), ErrorKind::SetupRequest { .. })
    }

    /// This [`MalformedPayload`](ErrorKind::MalformedPayload) error of a
    /// verified delivery as [`Unreadable`](ErrorKind::Unreadable), keeping
    /// where it broke, its vendor and source, and where the verified bytes
    /// lie in the body (`range`).
    pub(crate) fn into_unreadable(mut self, range: Option<core::ops::Range<usize>>) -> Self {
        let kind = core::mem::replace(&mut self.inner.kind, ErrorKind::AuthenticationFailed);
        self.inner.kind = match kind {
            ErrorKind::MalformedPayload {
                path,
                line,
                column,
                message,
            } => ErrorKind::Unreadable {
                path,
                line,
                column,
                message,
            },
            other => other,
        };
        self.inner.verified_part = range;
        self
    }

    /// Where the verified bytes of an unreadable delivery lie in the request's body.
    pub(crate) fn verified_part(&self) -> Option<core::ops::Range<usize>> {
        self.inner.verified_part.clone()
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

    /// What went wrong, taking it out of the error (jsonwebtoken's
    /// `into_kind`): to match on its fields by value.
    ///
    /// ```
    /// use esign_webhooks::{ErrorKind, Secret, Webhooks, signplus};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .signplus(signplus::Verifier::header_token("x-webhook-token", Secret::new("t0ken")))
    ///     .build()?;
    /// let err = webhooks.dispatch(b"{}", &[("x-webhook-token", "t0ken")]).unwrap_err();
    /// match err.into_kind() {
    ///     ErrorKind::MalformedPayload { path, .. } => assert_eq!(path, "$"),
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn into_kind(self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status to answer with: the one [its kind](ErrorKind::status)
    /// declares: 400, 401, 403 or 413 when the [sender](Fault::Sender) is at
    /// fault; 200 for a [setup handshake](ErrorKind::SetupRequest); 500, 502
    /// or 503 otherwise, so that the vendor retries.
    pub fn status(&self) -> StatusCode {
        self.kind().status()
    }

    /// The whole answer to send: [`status`](Error::status) with its
    /// canonical reason phrase (`Unauthorized`, `Payload Too Large`…) as the
    /// only body, in `text/plain`, and nothing else: never the error's
    /// detail, which stays in its `Display` for your logs. A kind whose
    /// answer is the vendor's expected one (a setup request) answers that.
    ///
    /// Every entry point answers an error with it: axum's `IntoResponse`,
    /// actix-web's `Responder` and `ResponseError` (features `axum`,
    /// `actix`), and the tower layers (feature `tower`).
    ///
    /// ```
    /// use esign_webhooks::{Secret, Webhooks, signplus};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .signplus(signplus::Verifier::header_token("x-webhook-token", Secret::new("t0ken")))
    ///     .build()?;
    /// let body = br#"{"hook":{"id":"1","event":"envelope_completed","target":"t"},"data":{}}"#;
    /// let err = webhooks.dispatch(body, &[("x-webhook-token", "wrong")]).unwrap_err();
    /// let response = err.response();
    /// assert_eq!(response.status(), 401);
    /// assert_eq!(response.body().as_slice(), b"Unauthorized");
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn response(&self) -> http::Response<Vec<u8>> {
        match &self.inner.setup_response {
            // `http::Response` is not `Clone`: copy what makes the answer.
            Some(prepared) => {
                let mut response = http::Response::new(prepared.body().clone());
                *response.status_mut() = prepared.status();
                *response.headers_mut() = prepared.headers().clone();
                response
            }
            None => reason_response(self.status()),
        }
    }

    /// Who is at fault: see [`ErrorKind::fault`].
    pub fn fault(&self) -> Fault {
        self.kind().fault()
    }

    /// `true` when the request could not be authenticated: the kinds answered
    /// 401 or 403.
    pub fn is_authentication(&self) -> bool {
        matches!(self.status(), StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
    }
}

/// `status` with its canonical reason phrase as the only body: every
/// refusal's answer, saying nothing about the request or the server.
pub(crate) fn reason_response(status: StatusCode) -> http::Response<Vec<u8>> {
    let reason = status.canonical_reason().unwrap_or("Refused");
    let mut response = http::Response::new(reason.as_bytes().to_vec());
    *response.status_mut() = status;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// A request from `vendor`, which this receiver is not configured for.
pub(crate) fn not_configured(vendor: Vendor) -> Error {
    Error::new(ErrorKind::VendorNotConfigured { vendor }).with_vendor(vendor)
}

/// Why bytes are not a stored [`VerifiedBody`](crate::VerifiedBody)
/// ([`ErrorKind::MalformedStoredBody`]). It lives here, beside the kind that
/// carries it, so that the errors name nothing above them. No variant repeats stored bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum StoredBodyError {
    /// The bytes do not start with the stored form's magic.
    #[error("not a stored verified body")]
    NotStored,
    /// A version this crate does not know (a newer crate wrote it).
    #[error("unsupported stored body version {version}")]
    UnsupportedVersion {
        /// The version byte read.
        version: u8,
    },
    /// The bytes end before a field does.
    #[error("the stored body is truncated")]
    Truncated,
    /// Bytes follow the body.
    #[error("the stored body has trailing bytes")]
    TrailingBytes,
    /// A flag this version does not define is set.
    #[error("the stored body has unknown flags")]
    UnknownFlags,
    /// The vendor's slug is not one this crate knows.
    #[error("the stored body names an unknown vendor")]
    UnknownVendor,
    /// The verified part does not lie inside the body.
    #[error("the stored body's verified part lies outside the body")]
    SpanOutOfRange,
    /// The key index does not fit this platform's `usize`.
    #[error("the stored body's key index is out of range")]
    KeyIndexOutOfRange,
    /// The kept request value is too long or not UTF-8.
    #[error("the stored body's kept value is malformed")]
    MalformedKeptValue,
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
/// payload, the transport's for a vendor's confirmation that could not be
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::multipart::MultipartError;

    /// One value of every kind, with the status and fault each must declare.
    /// The match in `every_kind_is_listed` has no wildcard, so a new kind
    /// does not compile until it is listed here.
    fn kinds() -> Vec<(ErrorKind, u16, Fault)> {
        let name = || "x-signature".to_owned();
        vec![
            (
                ErrorKind::Configuration {
                    reason: "empty secret".into(),
                },
                500,
                Fault::Configuration,
            ),
            (ErrorKind::MissingHeader { name: name() }, 400, Fault::Sender),
            (ErrorKind::DuplicateHeader { name: name() }, 400, Fault::Sender),
            (
                ErrorKind::MalformedHeader {
                    name: name(),
                    reason: "not ASCII",
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::MissingQueryParameter {
                    name: "token".into(),
                    uri_passed: true,
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::MalformedQuery {
                    name: "token".into(),
                    reason: "repeated",
                },
                400,
                Fault::Sender,
            ),
            (ErrorKind::AuthenticationFailed, 401, Fault::Sender),
            (
                ErrorKind::TimestampOutOfTolerance {
                    timestamp: 0,
                    now: 1_000,
                    tolerance_secs: 300,
                },
                401,
                Fault::Sender,
            ),
            (ErrorKind::PayloadTooLarge { size: 2, limit: 1 }, 413, Fault::Sender),
            (
                ErrorKind::MalformedPayload {
                    path: "$".into(),
                    line: 1,
                    column: 1,
                    message: "eof".into(),
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::MalformedMultipart {
                    reason: MultipartError::MissingBoundary,
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::MalformedStoredBody {
                    reason: StoredBodyError::Truncated,
                },
                500,
                Fault::Store,
            ),
            (ErrorKind::UnrecognizedVendor, 400, Fault::Sender),
            (ErrorKind::AmbiguousVendor { candidates: vec![] }, 400, Fault::Sender),
            (
                ErrorKind::VendorMismatch {
                    by_headers: Vendor::ALL[0],
                    by_body: Vendor::ALL[1],
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::VendorNotConfigured { vendor: Vendor::ALL[0] },
                400,
                Fault::Sender,
            ),
            (ErrorKind::MissingField { field: "appId" }, 400, Fault::Sender),
            (ErrorKind::RecipientMismatch { field: "appEnv" }, 403, Fault::Sender),
            (
                ErrorKind::ConfirmationRejected {
                    reason: "expired".into(),
                },
                401,
                Fault::Sender,
            ),
            (
                ErrorKind::ConfirmationFailed {
                    status: Some(500),
                    error_code: None,
                    reason: "down".into(),
                },
                502,
                Fault::VendorApi,
            ),
            (
                ErrorKind::DedupStore {
                    reason: "timeout".into(),
                },
                503,
                Fault::Store,
            ),
            (
                ErrorKind::SetupRequest {
                    vendor: Vendor::ALL[0],
                    what: "Verification",
                },
                200,
                Fault::Setup,
            ),
            (
                ErrorKind::UnsignedDashboardTest {
                    vendor: Vendor::ALL[0],
                    what: "test webhook",
                },
                400,
                Fault::Sender,
            ),
            (
                ErrorKind::Unreadable {
                    path: "$.a.b".into(),
                    line: 1,
                    column: 1,
                    message: "invalid type".into(),
                },
                503,
                Fault::Model,
            ),
            (ErrorKind::UnknownTenant, 401, Fault::Sender),
            (
                ErrorKind::TenantResolverUnavailable {
                    reason: "database down".into(),
                },
                503,
                Fault::Store,
            ),
        ]
    }

    #[test]
    fn every_kind_is_listed() {
        let kinds = kinds();
        let mut names: Vec<&str> = kinds.iter().map(|(kind, ..)| kind.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), kinds.len(), "a kind is listed twice: {names:?}");
        for (kind, ..) in &kinds {
            match kind {
                ErrorKind::Configuration { .. }
                | ErrorKind::MissingHeader { .. }
                | ErrorKind::DuplicateHeader { .. }
                | ErrorKind::MalformedHeader { .. }
                | ErrorKind::MissingQueryParameter { .. }
                | ErrorKind::MalformedQuery { .. }
                | ErrorKind::AuthenticationFailed
                | ErrorKind::TimestampOutOfTolerance { .. }
                | ErrorKind::PayloadTooLarge { .. }
                | ErrorKind::MalformedPayload { .. }
                | ErrorKind::MalformedMultipart { .. }
                | ErrorKind::MalformedStoredBody { .. }
                | ErrorKind::UnrecognizedVendor
                | ErrorKind::AmbiguousVendor { .. }
                | ErrorKind::VendorMismatch { .. }
                | ErrorKind::VendorNotConfigured { .. }
                | ErrorKind::MissingField { .. }
                | ErrorKind::RecipientMismatch { .. }
                | ErrorKind::ConfirmationRejected { .. }
                | ErrorKind::ConfirmationFailed { .. }
                | ErrorKind::DedupStore { .. }
                | ErrorKind::SetupRequest { .. }
                | ErrorKind::UnsignedDashboardTest { .. }
                | ErrorKind::Unreadable { .. }
                | ErrorKind::UnknownTenant
                | ErrorKind::TenantResolverUnavailable { .. } => {}
            }
        }
    }

    #[test]
    fn each_kind_answers_its_declared_status_and_fault() {
        for (kind, status, fault) in kinds() {
            let name = kind.name();
            assert_eq!(kind.status().as_u16(), status, "{name}");
            assert_eq!(kind.fault(), fault, "{name}");
            let err = Error::from(kind.clone());
            assert_eq!(err.status().as_u16(), status, "{name}");
            assert_eq!(err.fault(), fault, "{name}");
            // The sender is at fault exactly when the answer is a 4xx.
            assert_eq!(fault == Fault::Sender, kind.status().is_client_error(), "{name}");
            assert_eq!(fault == Fault::Setup, kind.status().is_success(), "{name}");
            assert_eq!(err.is_authentication(), matches!(status, 401 | 403), "{name}");
            assert_eq!(err.into_kind(), kind);
        }
    }

    #[test]
    fn a_kind_is_named_after_its_variant() {
        assert_eq!(ErrorKind::AuthenticationFailed.name(), "AuthenticationFailed");
        assert_eq!(ErrorKind::DedupStore { reason: String::new() }.name(), "DedupStore");
    }

    #[test]
    fn into_kind_keeps_the_fields() {
        let err = not_configured(Vendor::ALL[0]);
        assert_eq!(err.vendor(), Some(Vendor::ALL[0]));
        assert_eq!(
            err.into_kind(),
            ErrorKind::VendorNotConfigured { vendor: Vendor::ALL[0] }
        );
    }
}
