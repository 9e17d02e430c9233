//! [`ReqwestTransport`]: a ready [`TokenTransport`] on reqwest (feature `reqwest`).

use super::transport::{TokenTransport, TransportFuture};

/// Sends Ignisign's token check with a [`reqwest::Client`] (rustls).
///
/// ```no_run
/// use esign_webhooks::registry::ReqwestTransport;
/// use esign_webhooks::{AsyncHandlers, Secret, ignisign::ApiKey};
///
/// let mut handlers = AsyncHandlers::new();
/// handlers.confirm_ignisign_with(ApiKey::new(Secret::new("sk_production_…")), ReqwestTransport::new());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with a default client.
    pub fn new() -> Self {
        ReqwestTransport::default()
    }

    /// A transport over your own client (timeouts, proxies…).
    pub fn with_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client }
    }
}

impl TokenTransport for ReqwestTransport {
    fn send(&self, request: http::Request<Vec<u8>>) -> TransportFuture<'_> {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request)?;
            let response = self.client.execute(request).await?;
            let mut builder = http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                builder = builder.header(name, value);
            }
            let body = response.bytes().await?;
            Ok(builder.body(body.to_vec())?)
        })
    }
}
