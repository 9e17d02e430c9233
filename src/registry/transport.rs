//! How `handle` and `handle_async` reach Ignisign's token check: through an
//! HTTP transport you supply, so the crate ties you to no HTTP client.

use std::future::Future;
use std::pin::Pin;

/// The error a transport returns: any boxed error.
pub type TransportError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The future an async transport returns.
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send + 'a>>;

/// Sends the token-check request the crate builds and returns Ignisign's
/// response, asynchronously.
///
/// Implemented for every `Fn(http::Request<Vec<u8>>) -> impl Future<Output =
/// Result<http::Response<Vec<u8>>, TransportError>>`, so a closure around your
/// client is enough. The `reqwest` feature provides
/// `registry::ReqwestTransport`.
///
/// ```
/// use esign_webhooks::registry::{TokenTransport, TransportError};
///
/// fn takes(_: impl TokenTransport) {}
/// takes(|request: http::Request<Vec<u8>>| async move {
///     // send `request` with your HTTP client here
///     # let _ = request;
///     Ok::<_, TransportError>(http::Response::new(br#"{"isValid":true}"#.to_vec()))
/// });
/// ```
pub trait TokenTransport: Send + Sync {
    /// Sends `request` and returns the response.
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_>;
}

impl<F, Fut> TokenTransport for F
where
    F: Fn(http::Request<Vec<u8>>) -> Fut + Send + Sync,
    Fut: Future<Output = Result<http::Response<Vec<u8>>, TransportError>> + Send + 'static,
{
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        Box::pin(self(request))
    }
}

/// Sends the token-check request and returns Ignisign's response, blocking:
/// the transport of the synchronous [`Handlers`](super::Handlers).
///
/// Implemented for every `Fn(http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError>`.
pub trait BlockingTokenTransport: Send + Sync {
    /// Sends `request` and returns the response.
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError>;
}

impl<F> BlockingTokenTransport for F
where
    F: Fn(http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError> + Send + Sync,
{
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError> {
        self(request)
    }
}
