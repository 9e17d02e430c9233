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
//! let request = signer.sign(body).to_http_request("/webhooks");
//! let report = webhooks.handle_request(&handlers, &request)?;
//! assert_eq!(report.status(), 200);
//! assert_eq!(completed.lock().unwrap().len(), 1);
//!
//! // A forged one is refused with 401 and runs nothing.
//! let forged = signer.clone().with_signature_override("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").sign(body);
//! let err = webhooks.handle_request(&handlers, &forged.to_http_request("/webhooks")).unwrap_err();
//! assert_eq!(err.status(), 401);
//!
//! // So is one signed 10 minutes ago.
//! let late = signer.at(1_700_000_000 - 600).sign(body).to_http_request("/webhooks");
//! assert_eq!(webhooks.dispatch_request(&late).unwrap_err().status(), 401);
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
//!   gives an `http::Request<Vec<u8>>` for
//!   [`Webhooks::dispatch_request`](crate::Webhooks::dispatch_request); map
//!   its body to drive your router in-process (below); `set_header` /
//!   `remove_header` break a request on purpose.
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
//! An axum router, driven in-process with `tower::ServiceExt::oneshot`
//! (the body mapped into axum's `Body`):
//!
//! ```
//! # #[cfg(feature = "axum")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use axum::{Router, body::Body, http::StatusCode, routing::post};
//! use esign_webhooks::integrations::axum::VerifiedEvent;
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::{Secret, Webhooks, signplus};
//! use tower::ServiceExt;
//!
//! async fn hook(VerifiedEvent(_event): VerifiedEvent) -> StatusCode {
//!     StatusCode::OK
//! }
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("test-token")))
//!     .build()
//!     .unwrap();
//! let app = Router::new().route("/webhooks", post(hook)).with_state(webhooks);
//!
//! let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
//! let request = Signer::query_token("token", Secret::new("test-token")).sign(body);
//! let response = app.oneshot(request.to_http_request("/webhooks").map(Body::from)).await.unwrap();
//! assert_eq!(response.status(), StatusCode::OK);
//! # }
//! # #[cfg(not(feature = "axum"))]
//! # fn main() {}
//! ```
//!
//! The repository's `tests/roundtrip.rs` goes one step further: it starts
//! each server example (axum, actix-web, hyper, tower) on a loopback port and
//! sends signed deliveries with a real HTTP client.
//!
//! # Playing a vendor's sender: the simulator
//!
//! [`testing::simulator`](crate::testing::simulator) goes further than a
//! signed delivery: a [`Simulator`](crate::testing::simulator::Simulator)
//! sends what the vendor sends while its webhook is registered (Adobe Acrobat
//! Sign's GET verification of intent, BoldSign's `Verification`), a signed
//! delivery and the same delivery again, and checks each answer against what
//! the vendor requires (Dropbox Sign's `Hello API Event Received`, Adobe's
//! client-id echo), through any closure from `http::Request<Vec<u8>>` to
//! `http::Response<Vec<u8>>` (or to a future of one). The repository's
//! `tests/simulator_matrix.rs` runs it for every vendor through every entry
//! point (`dispatch_request`, `handle`, `handle_async`, axum, actix-web,
//! tower), and `esign-webhooks check` runs it against a deployed URL.
