//! axum support (feature `axum`, on `axum-core` as axum advises library
//! authors): extractors that verify a delivery before your handler runs.
//!
//! Put a [`Webhooks`] in your router's state (directly, or as a field of your
//! own state with `FromRef`), and take a [`VerifiedEvent`] as the handler's
//! last argument. A request that fails is answered with
//! [`Error::status`] (400, 401, 403, 413…) by the [`WebhookRejection`], and
//! your handler does not run:
//!
//! ```
//! use axum::{Router, http::StatusCode, routing::post};
//! use esign_webhooks::integrations::axum::VerifiedEvent;
//! use esign_webhooks::{Event, Secret, Webhooks, signplus};
//!
//! async fn hook(VerifiedEvent(event): VerifiedEvent) -> StatusCode {
//!     match event {
//!         Event::SignPlus(event) => println!("Sign.Plus {}", event.kind()),
//!         other => println!("{} event", other.vendor()),
//!     }
//!     StatusCode::OK
//! }
//!
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("s3cret")))
//!     .build()?;
//! let app: Router = Router::new().route("/webhooks", post(hook)).with_state(webhooks);
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! With state of your own, say how to get the [`Webhooks`] out of it (or
//! `#[derive(FromRef)]`, with axum's `macros` feature):
//!
//! ```
//! use axum::extract::FromRef;
//! use esign_webhooks::Webhooks;
//!
//! #[derive(Clone)]
//! struct AppState {
//!     webhooks: Webhooks,
//!     database_url: String,
//! }
//!
//! impl FromRef<AppState> for Webhooks {
//!     fn from_ref(state: &AppState) -> Webhooks {
//!         state.webhooks.clone() // an `Arc` inside: cheap
//!     }
//! }
//! ```
//!
//! # What the extractors do
//!
//! 1. Refuse a body larger than [`Webhooks::max_body_size`] with 413, from
//!    its `Content-Length` before reading, or as soon as the bytes read
//!    exceed it. axum's own `DefaultBodyLimit` does not apply to them.
//! 2. Read the **raw** body bytes (never a parsed and re-serialised JSON).
//! 3. Verify it with the request's headers **and query string**
//!    ([`Webhooks::dispatch_parts`]), so a token in the registered URL works.
//!
//! [`VerifiedEvent`] then parses the body into an [`Event`];
//! [`VerifiedBytes`] stops after verification and hands you the
//! [`VerifiedBody`], to queue and parse later
//! ([`manual::queueing`](crate::manual::queueing)).
//!
//! An Ignisign event still carries its single-use token: confirm it
//! ([`ignisign::Delivery::confirm`](crate::ignisign::Delivery::confirm)), or
//! use the callback registry ([`Webhooks::handle_async`]), which confirms it
//! for you. The repository's `examples/axum.rs` shows both ways.

use super::body::ReadError;
use crate::tenant::{TenantId, Tenants};
use crate::{Error, Event, Report, VerifiedBody, Webhooks};
use axum_core::body::Body;
use axum_core::extract::{FromRef, FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use core::fmt;
use http::StatusCode;

/// An axum extractor: the request's verified, typed [`Event`].
///
/// Takes the [`Webhooks`] from the router's state (`Webhooks: FromRef<S>`)
/// and consumes the body, so it must be the handler's last argument. Fails
/// with a [`WebhookRejection`] answering [`Error::status`].
///
/// ```
/// use axum::http::StatusCode;
/// use esign_webhooks::integrations::axum::VerifiedEvent;
/// use esign_webhooks::{Event, esignglobal};
///
/// async fn hook(VerifiedEvent(event): VerifiedEvent) -> (StatusCode, &'static str) {
///     match event {
///         // eSignGlobal asks for this exact body
///         Event::EsignGlobal(_) => (StatusCode::OK, esignglobal::SUCCESS_RESPONSE),
///         _ => (StatusCode::OK, ""),
///     }
/// }
/// # let _: axum::Router = axum::Router::new()
/// #     .route("/", axum::routing::post(hook))
/// #     .with_state(esign_webhooks::Webhooks::builder()
/// #         .signplus(esign_webhooks::signplus::Verifier::query_token("t", esign_webhooks::Secret::new("s")))
/// #         .build().unwrap());
/// ```
#[derive(Debug)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a newtype meant to be destructured in handler arguments"
)]
pub struct VerifiedEvent(pub Event);

/// An axum extractor: the request's body, verified but not parsed, for
/// verify-then-queue-then-parse ([`manual::queueing`](crate::manual::queueing)).
///
/// Like [`VerifiedEvent`], but stops after verification: answer the vendor
/// at once, queue the stored form ([`VerifiedBody::to_stored`]) and parse it
/// in a worker ([`VerifiedBody::from_trusted_store`], then
/// [`parse`](VerifiedBody::parse)). The [`VerifiedBody`] knows which part of
/// the body was verified (found with the request's headers), so the later
/// parse reads exactly what [`VerifiedEvent`] would have read.
///
/// ```
/// use axum::http::StatusCode;
/// use esign_webhooks::integrations::axum::VerifiedBytes;
///
/// async fn hook(VerifiedBytes(verified): VerifiedBytes) -> StatusCode {
///     let stored: Vec<u8> = verified.to_stored();
///     // my_queue.push(stored).await; a worker parses it later
///     # let _ = stored;
///     StatusCode::OK
/// }
/// # let _: axum::Router = axum::Router::new()
/// #     .route("/", axum::routing::post(hook))
/// #     .with_state(esign_webhooks::Webhooks::builder()
/// #         .signplus(esign_webhooks::signplus::Verifier::query_token("t", esign_webhooks::Secret::new("s")))
/// #         .build().unwrap());
/// ```
#[derive(Debug)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a newtype meant to be destructured in handler arguments"
)]
pub struct VerifiedBytes(pub VerifiedBody<'static>);

/// An axum extractor for multi-tenant receivers: the tenant the request
/// names and its verified, typed [`Event`], verified with **that tenant's**
/// credentials ([`Tenants::dispatch_parts`]).
///
/// Takes the [`Tenants`] from the router's state (`Tenants: FromRef<S>`)
/// and consumes the body (at most [`Tenants::max_body_size`] bytes before the
/// tenant is known, then the tenant's own limit), so it must be the handler's
/// last argument. Fails with a [`WebhookRejection`]: 401 for an unknown
/// tenant, 503 when the resolver is down, as [`Error::status`] otherwise.
///
/// ```
/// use std::sync::Arc;
/// use axum::{Router, http::StatusCode, routing::post};
/// use esign_webhooks::integrations::axum::TenantEvent;
/// use esign_webhooks::tenant::{MapResolver, TenantSource, Tenants};
///
/// async fn hook(TenantEvent(tenant, event): TenantEvent) -> StatusCode {
///     println!("{} event for tenant {tenant}", event.vendor());
///     StatusCode::OK
/// }
///
/// // `/webhooks/{tenant}`: the tenant is the path's segment 1.
/// let resolver = MapResolver::new(TenantSource::path_segment(1));
/// let tenants = Tenants::builder(resolver).build();
/// let app: Router = Router::new().route("/webhooks/{tenant}", post(hook)).with_state(tenants);
/// ```
#[derive(Debug)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a newtype meant to be destructured in handler arguments"
)]
pub struct TenantEvent(pub TenantId, pub Event);

/// Why [`VerifiedEvent`] or [`VerifiedBytes`] refused a request; answers
/// [`status`](WebhookRejection::status) with the error's message (which
/// never contains a secret).
///
/// ```
/// use axum::http::StatusCode;
/// use esign_webhooks::integrations::axum::{VerifiedEvent, WebhookRejection};
///
/// // Take a `Result` to log refusals yourself before answering.
/// async fn hook(event: Result<VerifiedEvent, WebhookRejection>) -> StatusCode {
///     match event {
///         Ok(VerifiedEvent(_event)) => StatusCode::OK,
///         Err(rejection) => {
///             eprintln!("refused a delivery: {rejection}");
///             rejection.status()
///         }
///     }
/// }
/// # let _: axum::Router = axum::Router::new()
/// #     .route("/", axum::routing::post(hook))
/// #     .with_state(esign_webhooks::Webhooks::builder()
/// #         .signplus(esign_webhooks::signplus::Verifier::query_token("t", esign_webhooks::Secret::new("s")))
/// #         .build().unwrap());
/// ```
#[derive(Debug)]
pub struct WebhookRejection {
    kind: RejectionKind,
}

#[derive(Debug)]
enum RejectionKind {
    /// Verification or parsing failed (or the body is too large).
    Webhook(Error),
    /// The body could not be read (the client went away, say).
    UnreadableBody,
}

impl WebhookRejection {
    /// The HTTP status answered: [`Error::status`], or 400 when the body
    /// could not be read.
    pub fn status(&self) -> StatusCode {
        match &self.kind {
            RejectionKind::Webhook(err) => err.status(),
            RejectionKind::UnreadableBody => StatusCode::BAD_REQUEST,
        }
    }

    /// The crate's error, unless the body could not be read at all.
    pub fn error(&self) -> Option<&Error> {
        match &self.kind {
            RejectionKind::Webhook(err) => Some(err),
            RejectionKind::UnreadableBody => None,
        }
    }
}

impl From<Error> for WebhookRejection {
    fn from(err: Error) -> Self {
        WebhookRejection {
            kind: RejectionKind::Webhook(err),
        }
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RejectionKind::Webhook(err) => fmt::Display::fmt(err, f),
            RejectionKind::UnreadableBody => f.write_str("the request body could not be read"),
        }
    }
}

impl std::error::Error for WebhookRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            RejectionKind::Webhook(err) => Some(err),
            RejectionKind::UnreadableBody => None,
        }
    }
}

/// A refusal: the status and its generic reason phrase, nothing about the
/// request or the server (no header or parameter name, no store address).
fn refusal(status: http::StatusCode) -> Response {
    crate::error::reason_response(status).map(Body::from)
}

/// Answers [`Error::response`]: the [`status`](WebhookRejection::status)
/// with its generic reason phrase (`Unauthorized`, `Payload Too Large`…),
/// never the detail, which stays in `Display` for your logs; a setup
/// handshake (BoldSign's `Verification`) gets the vendor's expected answer.
impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        match self.kind {
            RejectionKind::Webhook(err) => err.response().map(Body::from),
            RejectionKind::UnreadableBody => refusal(self.status()),
        }
    }
}

/// Answers [`Error::status`] with its generic reason phrase (`Unauthorized`,
/// `Payload Too Large`…), never the error's detail, so handlers can return
/// `Result<_, esign_webhooks::Error>`. Log the error itself (its `Display`
/// says why) or enable the `tracing` feature.
///
/// ```
/// use axum::http::{StatusCode, request::Parts};
/// use axum::{body::Bytes, extract::State};
/// use esign_webhooks::{Error, Webhooks};
///
/// // `Parts` carries the URI, so a token in the registered URL is checked.
/// async fn hook(State(webhooks): State<Webhooks>, parts: Parts, body: Bytes) -> Result<StatusCode, Error> {
///     let _event = webhooks.dispatch_parts(&parts, &body)?; // a failure answers 400, 401, 413…
///     Ok(StatusCode::OK)
/// }
/// # let _: axum::Router = axum::Router::new()
/// #     .route("/", axum::routing::post(hook))
/// #     .with_state(esign_webhooks::Webhooks::builder()
/// #         .signplus(esign_webhooks::signplus::Verifier::query_token("t", esign_webhooks::Secret::new("s")))
/// #         .build().unwrap());
/// ```
impl IntoResponse for Error {
    fn into_response(self) -> Response {
        self.response().map(Body::from)
    }
}

/// Answers [`Report::response`]: the whole answer the vendor requires
/// (Dropbox Sign's `Hello API Event Received`, Adobe's client-id echo,
/// eSignGlobal's JSON, a 503 with `Retry-After` for a copy in flight, 500 when
/// a callback failed), so a handler returns `Result<Report, Error>` as it is.
///
/// ```
/// use axum::http::request::Parts;
/// use axum::{body::Bytes, extract::State};
/// use esign_webhooks::{Error, Handlers, Report, Webhooks};
/// use std::sync::Arc;
///
/// #[derive(Clone)]
/// struct App {
///     webhooks: Webhooks,
///     handlers: Arc<Handlers>,
/// }
///
/// async fn hook(State(app): State<App>, parts: Parts, body: Bytes) -> Result<Report, Error> {
///     app.webhooks.handle_parts(&app.handlers, &parts, &body)
/// }
/// # let webhooks = esign_webhooks::Webhooks::builder()
/// #     .signplus(esign_webhooks::signplus::Verifier::query_token("t", esign_webhooks::Secret::new("s")))
/// #     .build().unwrap();
/// # let _: axum::Router = axum::Router::new()
/// #     .route("/", axum::routing::post(hook))
/// #     .with_state(App { webhooks, handlers: Arc::new(Handlers::new()) });
/// ```
impl IntoResponse for Report {
    fn into_response(self) -> Response {
        self.response().map(Body::from)
    }
}

impl<S> FromRequest<S> for VerifiedEvent
where
    Webhooks: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let webhooks = Webhooks::from_ref(state);
        let (parts, body) = read_body(req, webhooks.max_body_size()).await?;
        Ok(VerifiedEvent(webhooks.dispatch_parts(&parts, &body)?))
    }
}

impl<S> FromRequest<S> for VerifiedBytes
where
    Webhooks: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let webhooks = Webhooks::from_ref(state);
        let (parts, body) = read_body(req, webhooks.max_body_size()).await?;
        let verified = webhooks.verify_parts(&parts, &body)?.into_owned();
        Ok(VerifiedBytes(verified))
    }
}

impl<S> FromRequest<S> for TenantEvent
where
    Tenants: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let tenants = Tenants::from_ref(state);
        let (parts, body) = read_body(req, tenants.max_body_size()).await?;
        let (tenant, event) = tenants.dispatch_parts(&parts, &body).await?;
        Ok(TenantEvent(tenant, event))
    }
}

/// Reads the whole body with the size limit ([`super::body::read_limited`]).
async fn read_body(req: Request, limit: usize) -> Result<(http::request::Parts, Vec<u8>), WebhookRejection> {
    let (parts, body) = req.into_parts();
    match super::body::read_limited(super::body::declared_length(&parts.headers), body, limit).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(ReadError::TooLarge(err)) => Err(WebhookRejection::from(err)),
        Err(ReadError::Unreadable) => Err(WebhookRejection {
            kind: RejectionKind::UnreadableBody,
        }),
    }
}

#[cfg(test)]
mod tests {
    use axum_core::body::Body;

    use super::*;
    use crate::ErrorKind;
    use crate::testing::Signer;
    use crate::{Secret, Vendor, constellation};

    const BODY: &[u8] = include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json");

    fn webhooks(limit: usize) -> Webhooks {
        Webhooks::builder()
            .constellation(constellation::Verifier::query_token("token", Secret::new("t0ken")))
            .max_body_size(limit)
            .build()
            .unwrap()
    }

    fn request(uri: &str, body: Vec<u8>) -> Request {
        http::Request::post(uri).body(Body::from(body)).unwrap()
    }

    #[tokio::test]
    async fn verified_bytes_keeps_the_raw_body_and_reads_the_query_token() {
        let signed = Signer::query_token("token", Secret::new("t0ken")).sign(BODY);
        let uri = format!("/hooks?{}", signed.query.unwrap());
        let VerifiedBytes(verified) = VerifiedBytes::from_request(request(&uri, BODY.to_vec()), &webhooks(4096))
            .await
            .unwrap();
        assert_eq!(verified.vendor(), Vendor::Constellation);
        assert_eq!(verified.body(), BODY);
        assert!(matches!(verified.parse().unwrap(), Event::Constellation(_)));

        let VerifiedEvent(event) = VerifiedEvent::from_request(request(&uri, BODY.to_vec()), &webhooks(4096))
            .await
            .unwrap();
        assert!(matches!(event, Event::Constellation(_)));
    }

    #[tokio::test]
    async fn failures_answer_the_error_status() {
        let rejection = VerifiedEvent::from_request(request("/hooks?token=wrong", BODY.to_vec()), &webhooks(4096))
            .await
            .unwrap_err();
        assert_eq!(rejection.status(), StatusCode::UNAUTHORIZED);
        assert!(matches!(
            rejection.error().map(Error::kind),
            Some(ErrorKind::AuthenticationFailed)
        ));
        assert!(!rejection.to_string().contains("wrong"));
        assert_eq!(rejection.into_response().status(), StatusCode::UNAUTHORIZED);

        let too_big = VerifiedBytes::from_request(request("/hooks?token=t0ken", BODY.to_vec()), &webhooks(16))
            .await
            .unwrap_err();
        assert_eq!(too_big.status(), StatusCode::PAYLOAD_TOO_LARGE);
    }

    #[tokio::test]
    async fn a_declared_length_over_the_limit_is_refused_before_reading() {
        let mut req = request("/hooks?token=t0ken", Vec::new());
        req.headers_mut().insert(
            http::header::CONTENT_LENGTH,
            http::HeaderValue::from_static("999999999"),
        );
        let rejection = VerifiedEvent::from_request(req, &webhooks(4096)).await.unwrap_err();
        assert!(matches!(
            rejection.error().map(Error::kind),
            Some(ErrorKind::PayloadTooLarge {
                size: 999_999_999,
                limit: 4096
            })
        ));
    }

    #[test]
    fn errors_are_responses() {
        let err = Error::from(ErrorKind::AuthenticationFailed);
        assert_eq!(err.into_response().status(), StatusCode::UNAUTHORIZED);
    }

    async fn body_text(response: Response) -> String {
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    /// The public answer is the status and its reason phrase: no parameter
    /// name, no header name, no detail (that stays in `Display`).
    #[tokio::test]
    async fn public_answers_say_only_the_status() {
        let missing = VerifiedEvent::from_request(request("/hooks", BODY.to_vec()), &webhooks(4096))
            .await
            .unwrap_err();
        assert!(missing.to_string().contains("token"), "{missing}");
        let response = missing.into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(body_text(response).await, "Bad Request");

        let wrong = VerifiedEvent::from_request(request("/hooks?token=wrong", BODY.to_vec()), &webhooks(4096))
            .await
            .unwrap_err();
        assert_eq!(body_text(wrong.into_response()).await, "Unauthorized");

        let err = Error::from(ErrorKind::MissingHeader {
            name: "x-configured-signature".to_owned(),
        });
        assert!(err.to_string().contains("x-configured-signature"));
        let response = err.into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(body_text(response).await, "Bad Request");

        let too_big = VerifiedBytes::from_request(request("/hooks?token=t0ken", BODY.to_vec()), &webhooks(16))
            .await
            .unwrap_err();
        assert_eq!(body_text(too_big.into_response()).await, "Payload Too Large");
    }
}
