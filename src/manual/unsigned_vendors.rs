//! # Unsigned vendors
//!
//! Sign.Plus, Constellation1 eSign, ZapSign and eSignGlobal's App callback
//! channel send deliveries **without any signature or token** (ZapSign sends
//! the custom headers you set on the webhook: put the secret in one). Anyone who knows your
//! endpoint could post a fake "envelope completed". Two defences, which
//! combine:
//!
//! 1. **A secret in the URL you register.** Generate a long random value and
//!    register `https://hooks.example.com/webhooks?token=<value>` (then
//!    [`Verifier::query_token`](crate::signplus::Verifier::query_token)) or
//!    `https://esign:<value>@hooks.example.com/webhooks` (most HTTP clients
//!    turn it into `Authorization: Basic`; then
//!    [`Verifier::basic_auth`](crate::signplus::Verifier::basic_auth)). Only
//!    the vendor and you know the URL. It proves the sender knows the URL, not
//!    that the body is intact, so serve it over HTTPS only, and keep it out
//!    of logs (the crate never prints it).
//! 2. **Confirm through the vendor's API** before anything irreversible: treat
//!    the delivery as a hint and fetch the envelope's state with your API
//!    credentials.
//!
//! A query token must reach the verifier: pass the request's URI with
//! [`Incoming::with_uri`](crate::Incoming::with_uri) and
//! [`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming) (the
//! axum extractors do it for you).
//!
//! ```
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::{ErrorKind, Event, Incoming, Secret, Webhooks, signplus};
//!
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("a-long-random-value")))
//!     .build()?;
//! let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
//! let no_headers: [(&str, &str); 0] = [];
//!
//! // What Sign.Plus sends to https://hooks.example.com/webhooks?token=a-long-random-value
//! let uri: http::Uri = "/webhooks?token=a-long-random-value".parse()?;
//! let event = webhooks.dispatch_incoming(&Incoming::new(body, &no_headers).with_uri(&uri))?;
//! assert!(matches!(event, Event::SignPlus(_)));
//!
//! // A forger who does not know the URL
//! let uri: http::Uri = "/webhooks".parse()?;
//! let err = webhooks.dispatch_incoming(&Incoming::new(body, &no_headers).with_uri(&uri)).unwrap_err();
//! assert!(matches!(err.kind(), ErrorKind::MissingQueryParameter { .. }));
//! assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
//!
//! // The same request as `testing::Signer` builds it, for your tests
//! let request = Signer::query_token("token", Secret::new("a-long-random-value")).sign(body);
//! assert_eq!(request.query.as_deref(), Some("token=a-long-random-value"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! If you truly cannot add a secret (a URL you do not control), accept the
//! vendor with `Verifier::dangerous_accept_unverified()`: the name says what
//! it does, and every event must then be confirmed through the vendor's API.
