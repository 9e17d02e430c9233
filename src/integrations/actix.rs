//! actix-web support (feature `actix`, on `actix-web` without default
//! features): a [`VerifiedEvent`] extractor, [`ResponseError`] for the
//! crate's [`Error`], and [`Headers`] / [`HeaderNames`] for actix-web's own
//! `HeaderMap`.
//!
//! Register the [`Webhooks`] as app data (`web::Data::new(webhooks)`) and take
//! a [`VerifiedEvent`] in the handler. It reads the raw body up to
//! [`Webhooks::max_body_size`] (refusing larger ones with 413 as soon as they
//! are known to be), verifies it with the headers **and the query string**,
//! and parses it; a failure is answered with [`Error::status`] and your
//! handler does not run:
//!
//! ```
//! use actix_web::{App, HttpResponse, web};
//! use esign_webhooks::integrations::actix::VerifiedEvent;
//! use esign_webhooks::{Event, Secret, Webhooks, esignglobal, signplus};
//!
//! async fn hook(VerifiedEvent(event): VerifiedEvent) -> HttpResponse {
//!     match event {
//!         // eSignGlobal asks for this exact body
//!         Event::EsignGlobal(_) => HttpResponse::Ok()
//!             .content_type("application/json")
//!             .body(esignglobal::SUCCESS_RESPONSE),
//!         Event::SignPlus(event) => {
//!             println!("Sign.Plus {}", event.kind());
//!             HttpResponse::Ok().finish()
//!         }
//!         other => {
//!             println!("a {} event", other.vendor());
//!             HttpResponse::Ok().finish()
//!         }
//!     }
//! }
//!
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("from-your-secret-store")))
//!     .build()?;
//! let app = App::new()
//!     .app_data(web::Data::new(webhooks))
//!     .route("/webhooks", web::post().to(hook));
//! # let _ = app;
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! Handlers that read the body themselves (`web::Bytes`, never `web::Json`:
//! a re-serialised body no longer matches its signature) build the request
//! with [`incoming`], which carries the query string, and may return
//! `Result<_, esign_webhooks::Error>`:
//!
//! ```
//! use actix_web::{HttpRequest, HttpResponse, web};
//! use esign_webhooks::integrations::actix::incoming;
//! use esign_webhooks::{Error, Webhooks};
//!
//! async fn hook(req: HttpRequest, body: web::Bytes, webhooks: web::Data<Webhooks>) -> Result<HttpResponse, Error> {
//!     let _event = webhooks.dispatch_incoming(&incoming(&req, &body))?; // a failure answers 400, 401, 413…
//!     Ok(HttpResponse::Ok().finish())
//! }
//! # let _ = actix_web::App::new().route("/webhooks", web::post().to(hook));
//! ```
//!
//! An Ignisign event still carries its single-use token: confirm it
//! ([`ignisign::Delivery::confirm`](crate::ignisign::Delivery::confirm)), or
//! use the callback registry ([`Webhooks::handle_incoming_async`]). The
//! repository's `examples/actix.rs` is a complete server.

use core::fmt;
use core::future::Future;
use core::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, ResponseError, web};

use crate::headers::HeaderNames;
use crate::headers::Headers;
use crate::tenant::{TenantId, Tenants};
use crate::{Error, ErrorKind, Event, Incoming, Report, Webhooks};
use actix_http::header::HeaderMap;

/// The request as the crate reads it: `body`, the headers and the query
/// string of `req`.
pub fn incoming<'a>(req: &'a HttpRequest, body: &'a [u8]) -> Incoming<'a, HeaderMap> {
    Incoming::new(body, req.headers()).with_query(req.uri().query())
}

/// actix-web 4 uses the `http` crate 0.2, this crate 1.x: a status crosses as a number.
fn actix_status(status: http::StatusCode) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(status.as_u16()).unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// A refusal: the status and its generic reason phrase, nothing about the request.
fn refusal(status: actix_web::http::StatusCode) -> HttpResponse {
    to_actix(crate::error::reason_response(
        http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
    ))
}

/// Converts an `http` 1.x response (what [`Report::response`] and
/// [`Error::response`] give) into actix-web's, which is built on the `http`
/// crate 0.2: the status, every header and the body, unchanged.
///
/// A header actix-web cannot represent is dropped (none of the crate's
/// answers has one); an out-of-range status becomes 500.
///
/// ```
/// use esign_webhooks::integrations::actix::to_actix;
///
/// let mut response = http::Response::new(b"Hello API Event Received".to_vec());
/// response.headers_mut().insert("content-type", http::HeaderValue::from_static("text/plain"));
/// let actix = to_actix(response);
/// assert_eq!(actix.status().as_u16(), 200);
/// assert_eq!(actix.headers().get("content-type").unwrap(), "text/plain");
/// ```
pub fn to_actix(response: http::Response<Vec<u8>>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut builder = HttpResponse::build(actix_status(parts.status));
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) = (
            actix_http::header::HeaderName::from_bytes(name.as_str().as_bytes()),
            actix_http::header::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            builder.append_header((name, value));
        }
    }
    builder.body(body)
}

/// Answers [`Error::status`] with its generic reason phrase (`Unauthorized`,
/// `Payload Too Large`…), never the error's detail, so handlers can return
/// `Result<_, esign_webhooks::Error>`. Log the error itself (or enable the
/// `tracing` feature) to see why.
impl ResponseError for Error {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        to_actix(self.response())
    }
}

/// Answers [`Error::response`], as [`ResponseError`] does: a handler may
/// return the error itself.
impl Responder for Error {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        to_actix(self.response())
    }
}

/// Answers [`Report::response`]: the whole answer the vendor requires
/// (Dropbox Sign's `Hello API Event Received`, Adobe's client-id echo,
/// eSignGlobal's JSON, a 503 with `Retry-After` for a copy in flight, 500 when
/// a callback failed), so a handler returns `Result<Report, Error>` as it is.
///
/// ```
/// use actix_web::{HttpRequest, web};
/// use esign_webhooks::integrations::actix::incoming;
/// use esign_webhooks::{Error, Handlers, Report, Webhooks};
///
/// async fn hook(
///     req: HttpRequest,
///     body: web::Bytes,
///     webhooks: web::Data<Webhooks>,
///     handlers: web::Data<Handlers>,
/// ) -> Result<Report, Error> {
///     webhooks.handle_incoming(&handlers, &incoming(&req, &body))
/// }
/// # let _ = actix_web::App::new().route("/webhooks", web::post().to(hook));
/// ```
impl Responder for Report {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        to_actix(self.response())
    }
}

/// An actix-web extractor: the request's verified, typed [`Event`].
///
/// Takes the [`Webhooks`] from app data (`web::Data<Webhooks>`, or a plain
/// `Webhooks`) and consumes the body. Fails with a [`WebhookRejection`]
/// answering [`Error::status`].
#[derive(Debug)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a newtype meant to be destructured in handler arguments"
)]
pub struct VerifiedEvent(pub Event);

/// Why [`VerifiedEvent`] refused a request; answers
/// [`status`](WebhookRejection::status) with its generic reason phrase.
#[derive(Debug)]
pub struct WebhookRejection {
    kind: RejectionKind,
}

#[derive(Debug)]
enum RejectionKind {
    /// Verification or parsing failed, the body is too large, or no
    /// `Webhooks` is registered.
    Webhook(Error),
    /// The body could not be read (the client went away, say).
    UnreadableBody,
}

impl WebhookRejection {
    /// The HTTP status answered: [`Error::status`], or 400 when the body
    /// could not be read.
    pub fn status(&self) -> http::StatusCode {
        match &self.kind {
            RejectionKind::Webhook(err) => err.status(),
            RejectionKind::UnreadableBody => http::StatusCode::BAD_REQUEST,
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

impl ResponseError for WebhookRejection {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        refusal(self.status_code())
    }
}

impl FromRequest for VerifiedEvent {
    type Error = WebhookRejection;
    type Future = Pin<Box<dyn Future<Output = Result<Self, WebhookRejection>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let webhooks = req
            .app_data::<web::Data<Webhooks>>()
            .map(|data| data.get_ref().clone())
            .or_else(|| req.app_data::<Webhooks>().cloned());
        let req = req.clone();
        let payload = web::Payload::from_request(&req, payload);
        Box::pin(async move {
            let webhooks = webhooks.ok_or_else(|| {
                Error::configuration(
                    "no Webhooks in the app data: register it with `App::app_data(web::Data::new(webhooks))`",
                )
            })?;
            let body = read_limited(&req, payload, webhooks.max_body_size()).await?;
            Ok(VerifiedEvent(webhooks.dispatch_incoming(&incoming(&req, &body))?))
        })
    }
}

/// An actix-web extractor for multi-tenant receivers: the tenant the
/// request names and its verified, typed [`Event`], verified with **that
/// tenant's** credentials ([`Tenants::dispatch_incoming`]).
///
/// Takes the [`Tenants`] from app data (`web::Data<Tenants>`, or a plain
/// `Tenants`) and consumes the body (at most [`Tenants::max_body_size`]
/// bytes). Fails with a [`WebhookRejection`]: 401 for an unknown tenant, 503
/// when the resolver is down, as [`Error::status`] otherwise.
///
/// ```
/// use actix_web::{HttpResponse, web};
/// use esign_webhooks::integrations::actix::TenantEvent;
/// use esign_webhooks::tenant::{MapResolver, TenantSource, Tenants};
///
/// async fn hook(TenantEvent(tenant, event): TenantEvent) -> HttpResponse {
///     println!("{} event for tenant {tenant}", event.vendor());
///     HttpResponse::Ok().finish()
/// }
/// let tenants = Tenants::builder(MapResolver::new(TenantSource::path_segment(1))).build();
/// let _ = actix_web::App::new()
///     .app_data(web::Data::new(tenants))
///     .route("/webhooks/{tenant}", web::post().to(hook));
/// ```
#[derive(Debug)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a newtype meant to be destructured in handler arguments"
)]
pub struct TenantEvent(pub TenantId, pub Event);

impl FromRequest for TenantEvent {
    type Error = WebhookRejection;
    type Future = Pin<Box<dyn Future<Output = Result<Self, WebhookRejection>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let tenants = req
            .app_data::<web::Data<Tenants>>()
            .map(|data| data.get_ref().clone())
            .or_else(|| req.app_data::<Tenants>().cloned());
        let req = req.clone();
        let payload = web::Payload::from_request(&req, payload);
        Box::pin(async move {
            let tenants = tenants.ok_or_else(|| {
                Error::configuration(
                    "no Tenants in the app data: register it with `App::app_data(web::Data::new(tenants))`",
                )
            })?;
            let body = read_limited(&req, payload, tenants.max_body_size()).await?;
            let (tenant, event) = tenants.dispatch_incoming(req.path(), &incoming(&req, &body)).await?;
            Ok(TenantEvent(tenant, event))
        })
    }
}

/// Reads the body of `req` with the size limit: refused from its
/// `Content-Length` before reading, or once the bytes read exceed it.
async fn read_limited(
    req: &HttpRequest,
    payload: impl Future<Output = Result<web::Payload, actix_web::Error>>,
    limit: usize,
) -> Result<actix_web::web::Bytes, WebhookRejection> {
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if let Some(size) = declared.filter(|size| *size > limit) {
        return Err(too_large(size, limit));
    }
    let unreadable = || WebhookRejection {
        kind: RejectionKind::UnreadableBody,
    };
    let payload = payload.await.map_err(|_| unreadable())?;
    match payload.to_bytes_limited(limit).await {
        Ok(Ok(body)) => Ok(body),
        Ok(Err(_)) => Err(unreadable()),
        // The stream was cut off once past the limit: its full size is unknown.
        Err(_) => Err(too_large(limit.saturating_add(1), limit)),
    }
}

fn too_large(size: usize, limit: usize) -> WebhookRejection {
    WebhookRejection::from(Error::from(ErrorKind::PayloadTooLarge { size, limit }))
}

/// Looks header names up ignoring case, as actix-web does; a name that is not
/// a valid header name finds nothing.
///
/// ```
/// use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
/// use esign_webhooks::Headers;
///
/// let mut map = HeaderMap::new();
/// map.append(HeaderName::from_static("x-token"), HeaderValue::from_static("a"));
/// map.append(HeaderName::from_static("x-token"), HeaderValue::from_static("b"));
/// let values: Vec<&[u8]> = Headers::values(&map, "X-Token").collect();
/// assert_eq!(values, [b"a".as_slice(), b"b".as_slice()]);
/// assert_eq!(Headers::values(&map, "not a header name").count(), 0);
/// ```
impl Headers for HeaderMap {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        self.get_all(name).map(|value| value.as_bytes())
    }
}

/// Lists the header names, for [`detect_scheme`](crate::esignglobal::detect_scheme).
///
/// ```
/// use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
/// use esign_webhooks::HeaderNames;
///
/// let mut map = HeaderMap::new();
/// map.insert(HeaderName::from_static("x-signature"), HeaderValue::from_static("ab12"));
/// assert_eq!(map.header_names().collect::<Vec<_>>(), ["x-signature"]);
/// ```
impl HeaderNames for HeaderMap {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.keys().map(|name| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use actix_http::header::{HeaderName, HeaderValue};

    use super::*;
    use crate::testing::Signer;
    use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
    use crate::{Event, Secret, Webhooks, esignglobal};

    fn actix_map(pairs: &[(String, String)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn dispatches_and_detects_through_an_actix_header_map() {
        let scheme = HmacScheme::new(
            SignatureLocation::header("X-Captured-Signature"),
            SignedContent::Body,
            Encoding::Hex,
        );
        let secret = Secret::new("actix-secret");
        let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
        let signed = Signer::hmac(scheme.clone(), secret.clone()).sign(body);
        let map = actix_map(&signed.headers);

        let webhooks = Webhooks::builder()
            .esignglobal(esignglobal::Verifier::new(secret.clone(), scheme))
            .build()
            .unwrap();
        let event = webhooks.dispatch(body, &map).unwrap();
        assert!(matches!(
            event,
            Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))
        ));

        let found = esignglobal::detect_scheme(body, &map, &secret).unwrap();
        assert_eq!(found.hmac_scheme().map(|s| s.encoding()), Some(Encoding::Hex));

        let forged = actix_map(&[("x-captured-signature".to_owned(), "00".repeat(32))]);
        let err = webhooks.dispatch(body, &forged).unwrap_err();
        assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
    }
}
