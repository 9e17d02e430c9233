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
use crate::{Event, Webhooks};

/// A tower [`Layer`] verifying webhook deliveries before the inner service.
///
/// Wraps a service taking `http::Request<Event>` into [`Verify`], a service
/// taking `http::Request<B>` for any body `B`.
#[derive(Debug, Clone)]
pub struct VerifyLayer {
    webhooks: Webhooks,
}

impl VerifyLayer {
    /// Verifies with `webhooks` (and its [`max_body_size`](Webhooks::max_body_size)).
    pub fn new(webhooks: Webhooks) -> Self {
        VerifyLayer { webhooks }
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
    webhooks: Webhooks,
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
                Err(status) => Ok(reject(status)),
            }
        })
    }
}

/// Reads and verifies `request`: the typed request, or the status to refuse it with.
async fn verified<B: http_body::Body>(webhooks: Webhooks, request: Request<B>) -> Result<Request<Event>, StatusCode> {
    let (parts, body) = request.into_parts();
    let declared = declared_length(&parts.headers);
    let bytes = match read_limited(declared, body, webhooks.max_body_size()).await {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(err)) => return Err(err.status()),
        Err(ReadError::Unreadable) => return Err(StatusCode::BAD_REQUEST),
    };
    match webhooks.dispatch_parts(&parts, &bytes) {
        Ok(event) => Ok(Request::from_parts(parts, event)),
        Err(err) => Err(err.status()),
    }
}

/// A refusal: the status and its generic reason phrase, nothing about the request.
fn reject<ResBody: From<String>>(status: StatusCode) -> Response<ResBody> {
    let reason = status.canonical_reason().unwrap_or("Refused");
    let mut response = Response::new(ResBody::from(reason.to_owned()));
    *response.status_mut() = status;
    response
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
