//! tower support (feature `tower`): a [`VerifyLayer`] that reads the body
//! with the size limit, verifies the delivery, and hands the inner service an
//! `http::Request<`[`Event`]`>`: the original method, URI, headers and
//! extensions, with the verified, typed event as its body.
//!
//! The inner service never sees a request that failed: the layer answers
//! those itself with [`Error::status`](crate::Error::status) and a short
//! generic reason (`Unauthorized`, `Payload Too Large`…), never the error's
//! detail. Works with hyper (through `hyper_util::service::TowerToHyperService`),
//! axum's `Router::layer`, tonic, or any tower stack whose request bodies
//! implement `http_body::Body` and whose response bodies convert from a `String`.
//!
//! ```
//! use std::convert::Infallible;
//! use esign_webhooks::integrations::tower::VerifyLayer;
//! use esign_webhooks::{Event, Secret, Webhooks, signplus};
//! use http_body_util::Full;
//! use tower::{Layer, ServiceExt, service_fn};
//!
//! async fn hook(request: http::Request<Event>) -> Result<http::Response<Full<bytes::Bytes>>, Infallible> {
//!     // only verified deliveries get here
//!     println!("a {} event on {}", request.body().vendor(), request.uri().path());
//!     Ok(http::Response::new(Full::default()))
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("t0ken")))
//!     .build()?;
//! let service = VerifyLayer::new(webhooks).layer(service_fn(hook));
//!
//! let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json").to_vec();
//! let forged = http::Request::post("/webhooks?token=guess").body(Full::<bytes::Bytes>::from(body.clone()))?;
//! assert_eq!(service.clone().oneshot(forged).await?.status(), 401);
//! let genuine = http::Request::post("/webhooks?token=t0ken").body(Full::<bytes::Bytes>::from(body))?;
//! assert_eq!(service.oneshot(genuine).await?.status(), 200);
//! # Ok(())
//! # }
//! ```
//!
//! An Ignisign event still carries its single-use token: the inner service
//! confirms it ([`ignisign::Delivery::confirm`](crate::ignisign::Delivery::confirm)).
//! The repository's `examples/tower.rs` is a complete hyper server built this way.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use http::{Request, Response, StatusCode};
use tower_layer::Layer;
use tower_service::Service;

use super::body::{ReadError, declared_length, read_limited};
use crate::tenant::{TenantId, TenantRequest, Tenants};
use crate::{AsyncHandlers, Error, Event, Handlers, Incoming, Webhooks};
use core::convert::Infallible;
use core::marker::PhantomData;
use std::sync::Arc;

/// A tower [`Layer`] verifying webhook deliveries before the inner service.
///
/// Wraps a service taking `http::Request<Event>` into [`Verify`], a service
/// taking `http::Request<B>` for any body `B`.
#[derive(Debug, Clone)]
pub struct VerifyLayer {
    webhooks: Receiver,
}

/// Whose credentials verify: one receiver's, or the tenant's the request
/// names (multi-tenant receivers).
#[derive(Debug, Clone)]
enum Receiver {
    Single(Webhooks),
    Tenants(Tenants),
}

impl Receiver {
    fn max_body_size(&self) -> usize {
        match self {
            Receiver::Single(webhooks) => webhooks.max_body_size(),
            Receiver::Tenants(tenants) => tenants.max_body_size(),
        }
    }

    /// The answer to a `GET`: a vendor's check of the URL (Adobe Acrobat
    /// Sign's verification of intent) answered as the vendor expects, with
    /// the credentials of the tenant the request names for multi-tenant
    /// receivers; `405` for any other `GET`.
    async fn intent_response(&self, parts: &http::request::Parts) -> Response<Vec<u8>> {
        let incoming = Incoming::from_parts(parts, &[]);
        let answer = match self {
            Receiver::Single(webhooks) => webhooks.intent_response_incoming(&incoming),
            Receiver::Tenants(tenants) => {
                // The request is read before the future is awaited: it is
                // not held across the await (its headers are not `Sync`).
                let found = {
                    let request = TenantRequest::new(parts.uri.path(), parts.uri.query(), &parts.headers, &[]);
                    tenants.receiver(&request)
                };
                match found.await {
                    Ok((_, webhooks)) => webhooks.intent_response_incoming(&incoming),
                    Err(err) => return err.response(),
                }
            }
        };
        answer.unwrap_or_else(|| crate::error::reason_response(StatusCode::METHOD_NOT_ALLOWED))
    }

    /// The verified event, and its tenant for multi-tenant receivers.
    async fn dispatch(&self, parts: &http::request::Parts, body: &[u8]) -> Result<(Option<TenantId>, Event), Error> {
        match self {
            Receiver::Single(webhooks) => webhooks.dispatch_parts(parts, body).map(|event| (None, event)),
            Receiver::Tenants(tenants) => {
                let (tenant, event) = tenants.dispatch_parts(parts, body).await?;
                Ok((Some(tenant), event))
            }
        }
    }
}

impl VerifyLayer {
    /// Verifies with `webhooks` (and its [`max_body_size`](Webhooks::max_body_size)).
    pub fn new(webhooks: Webhooks) -> Self {
        VerifyLayer {
            webhooks: Receiver::Single(webhooks),
        }
    }

    /// Verifies each request with the credentials of the tenant it names
    /// ([`Tenants::dispatch_parts`]); the inner service finds the
    /// [`TenantId`] in the request's extensions
    /// (`request.extensions().get::<TenantId>()`). An unknown tenant is
    /// answered 401, a resolver outage 503.
    pub fn tenants(tenants: Tenants) -> Self {
        VerifyLayer {
            webhooks: Receiver::Tenants(tenants),
        }
    }
}

impl<S> Layer<S> for VerifyLayer {
    type Service = Verify<S>;

    fn layer(&self, inner: S) -> Verify<S> {
        Verify {
            inner,
            webhooks: self.webhooks.clone(),
        }
    }
}

/// The service [`VerifyLayer`] builds: reads, verifies and parses the
/// request, then calls the inner service with `http::Request<Event>`.
#[derive(Clone)]
pub struct Verify<S> {
    inner: S,
    webhooks: Receiver,
}

impl<S> fmt::Debug for Verify<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verify")
            .field("webhooks", &self.webhooks)
            .finish_non_exhaustive()
    }
}

/// The future of [`Verify`]'s `call`.
pub type VerifyFuture<R, E> = Pin<Box<dyn Future<Output = Result<R, E>> + Send + 'static>>;

impl<S, B, ResBody> Service<Request<B>> for Verify<S>
where
    S: Service<Request<Event>, Response = Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    ResBody: From<String> + Send + 'static,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = VerifyFuture<Response<ResBody>, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        // The service made ready by `poll_ready` is the one to call; a clone
        // takes its place for the next request.
        let clone = self.inner.clone();
        let mut inner = core::mem::replace(&mut self.inner, clone);
        let webhooks = self.webhooks.clone();
        Box::pin(async move {
            match verified(webhooks, request).await {
                Ok(request) => inner.call(request).await,
                Err(answer) => Ok(reject(answer)),
            }
        })
    }
}

/// Reads and verifies `request`: the typed request, or the answer to refuse
/// it with ([`Error::response`](crate::Error::response): the status and its
/// reason phrase, or a setup handshake's expected answer).
async fn verified<B: http_body::Body>(
    webhooks: Receiver,
    request: Request<B>,
) -> Result<Request<Event>, Response<Vec<u8>>> {
    let (parts, body) = request.into_parts();
    let declared = declared_length(&parts.headers);
    let bytes = match read_limited(declared, body, webhooks.max_body_size()).await {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(err)) => return Err(err.response()),
        Err(ReadError::Unreadable) => return Err(crate::error::reason_response(StatusCode::BAD_REQUEST)),
    };
    match webhooks.dispatch(&parts, &bytes).await {
        Ok((tenant, event)) => {
            let mut request = Request::from_parts(parts, event);
            if let Some(tenant) = tenant {
                request.extensions_mut().insert(tenant);
            }
            Ok(request)
        }
        Err(err) => Err(err.response()),
    }
}

/// A refusal ([`Error::response`](crate::Error::response)'s answer) in the
/// service's body type.
fn reject<ResBody: From<String>>(answer: Response<Vec<u8>>) -> Response<ResBody> {
    answer.map(|body| ResBody::from(String::from_utf8_lossy(&body).into_owned()))
}

/// A tower [`Service`] that runs a callback registry: reads the body with
/// the size limit, verifies and deduplicates the delivery, runs the matching
/// callbacks ([`Webhooks::handle_parts`] or
/// [`handle_parts_async`](Webhooks::handle_parts_async)), and answers
/// [`Report::response`](crate::Report::response), the whole answer the vendor requires (Dropbox
/// Sign's `Hello API Event Received`, Adobe's client-id echo, eSignGlobal's
/// JSON, a 503 with `Retry-After`, 500 when a callback failed), or
/// [`Error::response`](crate::Error::response) for a refused request: the
/// same bytes as `handle`, axum and actix-web. A `GET` is not a delivery:
/// it is answered with [`Webhooks::intent_response_incoming`] (Adobe Acrobat
/// Sign's verification of intent: 200 and the client-id echo, or 401), or
/// `405 Method Not Allowed` when no vendor's check it is.
///
/// Its response body `ResBody` is any type built from a `Vec<u8>`:
/// `http_body_util::Full<Bytes>` by default, axum's `Body`, …; it never fails.
///
/// ```
/// use std::sync::Arc;
/// use esign_webhooks::integrations::tower::HandlersService;
/// use esign_webhooks::testing::Signer;
/// use esign_webhooks::{Handlers, Webhooks, dropboxsign};
/// use http_body_util::{BodyExt, Full};
/// use tower::ServiceExt;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let webhooks = Webhooks::builder().dropboxsign(dropboxsign::Verifier::new("api-key")).build()?;
/// let mut handlers = Handlers::new();
/// handlers.on_any(|_| Ok(()));
/// let service = HandlersService::new(webhooks, Arc::new(handlers));
///
/// let json = br#"{"event":{"event_time":"1700000000","event_type":"callback_test","event_hash":""}}"#;
/// let signed = Signer::dropboxsign("api-key").multipart(json);
/// let mut request = http::Request::post("/webhooks");
/// for (name, value) in &signed.headers {
///     request = request.header(name, value);
/// }
/// let request = request.body(Full::<bytes::Bytes>::from(signed.body))?;
/// let response: http::Response<Full<bytes::Bytes>> = service.oneshot(request).await?;
/// assert_eq!(response.status(), 200);
/// assert_eq!(&response.into_body().collect().await?.to_bytes()[..], b"Hello API Event Received");
/// # Ok(())
/// # }
/// ```
pub struct HandlersService<ResBody = http_body_util::Full<bytes::Bytes>> {
    webhooks: Receiver,
    registry: Registry,
    body: PhantomData<fn() -> ResBody>,
}

impl<ResBody> Clone for HandlersService<ResBody> {
    fn clone(&self) -> Self {
        HandlersService {
            webhooks: self.webhooks.clone(),
            registry: self.registry.clone(),
            body: PhantomData,
        }
    }
}

/// The callbacks a [`HandlersService`] runs.
#[derive(Clone)]
enum Registry {
    Blocking(Arc<Handlers>),
    Async(Arc<AsyncHandlers>),
}

impl<ResBody> HandlersService<ResBody> {
    /// Runs the blocking callbacks `handlers` on the task that serves the
    /// request ([`Webhooks::handle_parts`]): keep them short, or use
    /// [`new_async`](HandlersService::new_async).
    pub fn new(webhooks: Webhooks, handlers: Arc<Handlers>) -> Self {
        HandlersService {
            webhooks: Receiver::Single(webhooks),
            registry: Registry::Blocking(handlers),
            body: PhantomData,
        }
    }

    /// Runs the async callbacks `handlers` ([`Webhooks::handle_parts_async`]).
    pub fn new_async(webhooks: Webhooks, handlers: Arc<AsyncHandlers>) -> Self {
        HandlersService {
            webhooks: Receiver::Single(webhooks),
            registry: Registry::Async(handlers),
            body: PhantomData,
        }
    }

    /// Runs the blocking callbacks `handlers` for the tenant each request
    /// names ([`Tenants::handle_parts_blocking`]): dedup keys in the tenant's
    /// namespace, the tenant in the report and the callbacks' context.
    pub fn tenants(tenants: Tenants, handlers: Arc<Handlers>) -> Self {
        HandlersService {
            webhooks: Receiver::Tenants(tenants),
            registry: Registry::Blocking(handlers),
            body: PhantomData,
        }
    }

    /// Runs the async callbacks `handlers` for the tenant each request
    /// names ([`Tenants::handle_parts`]).
    pub fn tenants_async(tenants: Tenants, handlers: Arc<AsyncHandlers>) -> Self {
        HandlersService {
            webhooks: Receiver::Tenants(tenants),
            registry: Registry::Async(handlers),
            body: PhantomData,
        }
    }
}

impl<ResBody> fmt::Debug for HandlersService<ResBody> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HandlersService")
            .field("webhooks", &self.webhooks)
            .finish_non_exhaustive()
    }
}

impl<B, ResBody> Service<Request<B>> for HandlersService<ResBody>
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    ResBody: From<Vec<u8>> + Send + 'static,
{
    type Response = Response<ResBody>;
    type Error = Infallible;
    type Future = VerifyFuture<Response<ResBody>, Infallible>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let service = self.clone();
        Box::pin(async move { Ok(service.answer(request).await.map(ResBody::from)) })
    }
}

impl<ResBody> HandlersService<ResBody> {
    /// The answer to `request`: the report's, or the refusal's.
    async fn answer<B: http_body::Body>(self, request: Request<B>) -> Response<Vec<u8>> {
        let (parts, body) = request.into_parts();
        // A GET is no delivery: it is a vendor's check of the URL (Adobe
        // Acrobat Sign's verification of intent), answered as the vendor
        // expects, or refused.
        if parts.method == http::Method::GET {
            return self.webhooks.intent_response(&parts).await;
        }
        let declared = declared_length(&parts.headers);
        let bytes = match read_limited(declared, body, self.webhooks.max_body_size()).await {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge(err)) => return err.response(),
            Err(ReadError::Unreadable) => return crate::error::reason_response(StatusCode::BAD_REQUEST),
        };
        let outcome = match (&self.webhooks, &self.registry) {
            (Receiver::Single(webhooks), Registry::Blocking(handlers)) => {
                webhooks.handle_parts(handlers, &parts, &bytes)
            }
            (Receiver::Single(webhooks), Registry::Async(handlers)) => {
                webhooks.handle_parts_async(handlers, &parts, &bytes).await
            }
            (Receiver::Tenants(tenants), Registry::Blocking(handlers)) => {
                tenants.handle_parts_blocking(handlers, &parts, &bytes).await
            }
            (Receiver::Tenants(tenants), Registry::Async(handlers)) => {
                tenants.handle_parts(handlers, &parts, &bytes).await
            }
        };
        match outcome {
            Ok(report) => report.response(),
            Err(err) => err.response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use http_body_util::Full;
    use tower::{ServiceExt, service_fn};

    use super::*;
    use crate::testing::Signer;
    use crate::{Secret, constellation};

    const BODY: &[u8] = include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json");

    fn service(
        limit: usize,
    ) -> impl Service<Request<Full<bytes::Bytes>>, Response = Response<String>, Error = Infallible> + Clone {
        let webhooks = Webhooks::builder()
            .constellation(constellation::Verifier::query_token("token", Secret::new("t0ken")))
            .max_body_size(limit)
            .build()
            .unwrap();
        VerifyLayer::new(webhooks).layer(service_fn(|request: Request<Event>| async move {
            let answer = format!("{} {}", request.body().vendor(), request.uri().path());
            Ok::<_, Infallible>(Response::new(answer))
        }))
    }

    fn request(uri: &str, body: &[u8]) -> Request<Full<bytes::Bytes>> {
        Request::post(uri).body(Full::from(body.to_vec())).unwrap()
    }

    #[tokio::test]
    async fn the_inner_service_gets_the_typed_event_and_the_uri() {
        let signed = Signer::query_token("token", Secret::new("t0ken")).sign(BODY);
        let uri = format!("/hooks?{}", signed.query.unwrap());
        let response = service(4096).oneshot(request(&uri, BODY)).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.into_body(), "Constellation1 eSign /hooks");
    }

    #[tokio::test]
    async fn refusals_answer_the_status_and_a_generic_reason_only() {
        let response = service(4096)
            .oneshot(request("/hooks?token=guess", BODY))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.into_body(), "Unauthorized");

        let response = service(16).oneshot(request("/hooks?token=t0ken", BODY)).await.unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

        let response = service(4096).oneshot(request("/hooks", BODY)).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(response.into_body(), "Bad Request");
    }

    /// A body of several frames and no known length, as a chunked upload.
    struct Chunks(Vec<bytes::Bytes>);

    impl http_body::Body for Chunks {
        type Data = bytes::Bytes;
        type Error = Infallible;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<bytes::Bytes>, Infallible>>> {
            let next = (!self.0.is_empty()).then(|| self.0.remove(0));
            Poll::Ready(next.map(|data| Ok(http_body::Frame::data(data))))
        }
    }

    #[tokio::test]
    async fn a_body_stream_over_the_limit_is_cut_off() {
        let chunks = Chunks(vec![vec![b' '; 600].into(), vec![b' '; 600].into()]);
        let webhooks = Webhooks::builder()
            .constellation(constellation::Verifier::query_token("token", Secret::new("t0ken")))
            .max_body_size(1000)
            .build()
            .unwrap();
        let inner = service_fn(|_: Request<Event>| async { Ok::<_, Infallible>(Response::new(String::new())) });
        let response = VerifyLayer::new(webhooks)
            .layer(inner)
            .oneshot(Request::post("/hooks?token=t0ken").body(chunks).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    }
}
