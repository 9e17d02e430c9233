//! Entry points taking an `http` request, so the URI (and a query token in it)
//! always travels with the body and headers. The `handle_request*` ones,
//! which run callbacks, are the registry's (`registry/handle.rs`).
//!
//! `dispatch(body, headers)` cannot see the URL: a vendor authenticated by a
//! query token is starved of it. Every call here takes the request (or its
//! [`Parts`]) instead, and is what the docs show first.

use http::request::Parts;

use crate::dispatch::{Event, VerifiedBody, Webhooks};
use crate::error::Error;
use crate::headers::Incoming;

impl<'a> Incoming<'a, http::HeaderMap> {
    /// A request's body, headers and URI (so its query string).
    ///
    /// ```
    /// use esign_webhooks::Incoming;
    ///
    /// let request = http::Request::post("/hooks?token=abc").body(b"{}".to_vec()).unwrap();
    /// let incoming = Incoming::from_request(&request);
    /// assert_eq!(incoming.query(), Some("token=abc"));
    /// assert_eq!(incoming.body(), b"{}");
    /// ```
    pub fn from_request<B: AsRef<[u8]>>(request: &'a http::Request<B>) -> Self {
        Incoming::new(request.body().as_ref(), request.headers()).with_uri(request.uri())
    }

    /// A request split by `http::Request::into_parts` (or taken as axum's
    /// `Parts` extractor), with its body bytes read apart.
    ///
    /// ```
    /// use esign_webhooks::Incoming;
    ///
    /// let (parts, ()) = http::Request::post("/hooks?token=abc").body(()).unwrap().into_parts();
    /// let incoming = Incoming::from_parts(&parts, b"{}");
    /// assert_eq!(incoming.query(), Some("token=abc"));
    /// ```
    pub fn from_parts(parts: &'a Parts, body: &'a [u8]) -> Self {
        Incoming::new(body, &parts.headers).with_uri(&parts.uri)
    }
}

impl Webhooks {
    /// Verifies a request and parses it into a typed [`Event`], reading the
    /// body, the headers and the URI's query string: the call to use from
    /// any server built on the `http` crate (hyper, axum, tower…).
    ///
    /// The body must be the raw bytes received (`Vec<u8>`, `Bytes`,
    /// `&[u8]`…); see [`dispatch`](Webhooks::dispatch) for what is checked.
    ///
    /// ```
    /// use esign_webhooks::{Event, Secret, Webhooks, signplus};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .signplus(signplus::Verifier::query_token("token", Secret::new("t0ken")))
    ///     .build()?;
    /// let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
    /// let request = http::Request::post("/webhooks?token=t0ken").body(body.as_slice()).unwrap();
    /// assert!(matches!(webhooks.dispatch_request(&request)?, Event::SignPlus(_)));
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn dispatch_request<B: AsRef<[u8]>>(&self, request: &http::Request<B>) -> Result<Event, Error> {
        self.dispatch_incoming(&Incoming::from_request(request))
    }

    /// Like [`dispatch_request`](Webhooks::dispatch_request), for a request
    /// split into its [`Parts`] and body bytes (read with a size limit, say).
    pub fn dispatch_parts(&self, parts: &Parts, body: &[u8]) -> Result<Event, Error> {
        self.dispatch_incoming(&Incoming::from_parts(parts, body))
    }

    /// Like [`verify`](Webhooks::verify), reading the URI's query string too.
    pub fn verify_request<'a, B: AsRef<[u8]>>(&self, request: &'a http::Request<B>) -> Result<VerifiedBody<'a>, Error> {
        self.verify_incoming(&Incoming::from_request(request))
    }

    /// Like [`verify`](Webhooks::verify), for a request split into its [`Parts`] and body.
    pub fn verify_parts<'a>(&self, parts: &Parts, body: &'a [u8]) -> Result<VerifiedBody<'a>, Error> {
        let (vendor, authenticated) = self.authenticate(&Incoming::from_parts(parts, body))?;
        Ok(VerifiedBody::new(vendor, body, authenticated))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Signer;
    use crate::{ErrorKind, Secret, Webhooks, constellation, signplus};

    const SIGNPLUS: &[u8] = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");

    fn webhooks() -> Webhooks {
        Webhooks::builder()
            .signplus(signplus::Verifier::query_token("token", Secret::new("t0ken")))
            .constellation(constellation::Verifier::header_token("x-token", Secret::new("c0nst")))
            .build()
            .unwrap()
    }

    #[test]
    fn every_request_entry_point_carries_the_query_token() {
        let signed = Signer::query_token("token", Secret::new("t0ken")).sign(SIGNPLUS);
        let request = signed.to_http_request("/webhooks");
        let webhooks = webhooks();
        assert!(webhooks.dispatch_request(&request).is_ok());
        assert!(webhooks.verify_request(&request).is_ok());
        let (parts, body) = request.into_parts();
        assert!(webhooks.dispatch_parts(&parts, &body).is_ok());
        assert!(webhooks.verify_parts(&parts, &body).is_ok());
    }

    #[test]
    fn leaving_the_uri_out_names_the_call_that_carries_it() {
        let err = webhooks()
            .dispatch(SIGNPLUS, &[("content-type", "application/json")])
            .unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::MissingQueryParameter { uri_passed: false, .. }
        ));
        assert!(err.to_string().contains("`dispatch_request`"), "{err}");

        // A URI that simply lacks the token is the sender's fault: no hint.
        let request = http::Request::post("/webhooks?other=1").body(SIGNPLUS).unwrap();
        let err = webhooks().dispatch_request(&request).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::MissingQueryParameter { uri_passed: true, .. }
        ));
        assert_eq!(err.to_string(), "Sign.Plus: missing query parameter `token`");
    }
}
