//! # Testing your handlers with the test signer
//!
//! [`testing::Signer`](crate::testing::Signer) builds the requests a vendor
//! would send, signed with the secrets your [`Webhooks`](crate::Webhooks) is
//! configured with, or deliberately wrong. Use the same configuration code
//! in your tests as in production, with test secrets, and a
//! [`FixedClock`](crate::FixedClock) for schemes that sign a timestamp.
//!
//! ```
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::verify::HmacScheme;
//! use esign_webhooks::{FixedClock, Handlers, Lifecycle, Secret, Webhooks, esignglobal};
//! use std::sync::{Arc, Mutex};
//!
//! let scheme = HmacScheme::standard_webhooks(); // whatever your account uses
//! let secret = Secret::new("test-secret");
//! let webhooks = Webhooks::builder()
//!     .esignglobal(esignglobal::Verifier::new(secret.clone(), scheme.clone()))
//!     .clock(FixedClock(1_700_000_000))
//!     .build()?;
//!
//! // The code under test: your callbacks.
//! let completed = Arc::new(Mutex::new(Vec::new()));
//! let mut handlers = Handlers::new();
//! let log = Arc::clone(&completed);
//! handlers.on_lifecycle(Lifecycle::Completed, move |e| {
//!     log.lock().unwrap().push(e.envelope_id.clone());
//!     Ok(())
//! });
//!
//! let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
//! let signer = Signer::hmac(scheme, secret).at(1_700_000_000);
//!
//! // A correctly signed delivery runs the callback.
//! let request = signer.sign(body);
//! let report = webhooks.handle(&handlers, &request.body, &request.headers)?;
//! assert_eq!(report.status(), 200);
//! assert_eq!(completed.lock().unwrap().len(), 1);
//!
//! // A forged one is refused with 401 and runs nothing.
//! let forged = signer.clone().with_signature_override("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").sign(body);
//! let err = webhooks.handle(&handlers, &forged.body, &forged.headers).unwrap_err();
//! assert_eq!(err.status(), 401);
//!
//! // So is one signed 10 minutes ago.
//! let late = signer.at(1_700_000_000 - 600).sign(body);
//! assert_eq!(webhooks.dispatch(&late.body, &late.headers).unwrap_err().status(), 401);
//! assert_eq!(completed.lock().unwrap().len(), 1);
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! * Every `Verifier` constructor has a `Signer` twin:
//!   [`hmac`](crate::testing::Signer::hmac),
//!   [`header_token`](crate::testing::Signer::header_token),
//!   [`basic_auth`](crate::testing::Signer::basic_auth),
//!   [`query_token`](crate::testing::Signer::query_token).
//! * [`SignedRequest::to_http_request`](crate::testing::SignedRequest::to_http_request)
//!   gives an `http::Request` to drive your router in-process (axum's
//!   `tower::ServiceExt::oneshot`, say); `set_header` / `remove_header` break
//!   a request on purpose.
//! * Ignisign signs nothing; its token check is simulated by
//!   [`ignisign_token_response`](crate::testing::ignisign_token_response),
//!   which your transport closure returns in tests:
//!
//! ```
//! use esign_webhooks::testing::{TokenOutcome, ignisign_token_response};
//! use esign_webhooks::{Handlers, Secret, ignisign::ApiKey};
//!
//! let mut handlers = Handlers::new();
//! handlers.confirm_ignisign_with(ApiKey::new(Secret::new("test-key")), |_request: http::Request<Vec<u8>>| {
//!     Ok(ignisign_token_response(TokenOutcome::Valid)) // or AlreadyConsumed, to test a replay
//! });
//! ```
//!
//! The repository's `tests/roundtrip.rs` goes one step further: it starts
//! the axum example on a loopback port and sends signed deliveries with a
//! real HTTP client.
