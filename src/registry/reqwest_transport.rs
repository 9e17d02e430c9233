//! [`ReqwestTransport`]: a ready [`TokenTransport`] on reqwest (feature `reqwest`).

use super::transport::{TokenTransport, TransportFuture};

/// Sends Ignisign's token check with a [`reqwest::Client`] (rustls).
///
/// Redirects are **not** followed: the check is a POST carrying the API key in
/// `Authorization`, and a 307/308 would resend both to wherever the answer
/// points. A redirect is returned as is, and read as a failed check
/// ([`ConfirmationFailed`](crate::ErrorKind::ConfirmationFailed) with its status).
///
/// ```no_run
/// use esign_webhooks::registry::ReqwestTransport;
/// use esign_webhooks::{AsyncHandlers, Secret, ignisign::ApiKey};
///
/// let mut handlers = AsyncHandlers::new();
/// handlers.confirm_ignisign_with(ApiKey::new(Secret::new("sk_production_…")), ReqwestTransport::new());
/// ```
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

/// [`ReqwestTransport::new`].
impl Default for ReqwestTransport {
    fn default() -> Self {
        // Fails only when the TLS back end cannot initialise, where
        // `reqwest::Client::new` panics too; not reachable from request data.
        ReqwestTransport::try_new().expect("reqwest client with rustls")
    }
}

impl ReqwestTransport {
    /// A transport with a default client that follows no redirect.
    ///
    /// # Panics
    ///
    /// When the TLS back end cannot initialise (as `reqwest::Client::new`
    /// does); [`try_new`](ReqwestTransport::try_new) returns that error instead.
    pub fn new() -> Self {
        ReqwestTransport::default()
    }

    /// [`new`](ReqwestTransport::new), with the client builder's error
    /// (the TLS back end could not initialise) instead of a panic.
    pub fn try_new() -> Result<Self, reqwest::Error> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(ReqwestTransport { client })
    }

    /// A transport over your own client (timeouts, proxies…). Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`: a client that follows
    /// redirects forwards the API key to wherever a redirect points.
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
