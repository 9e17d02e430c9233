//! # Servers: axum, actix-web, hyper
//!
//! Whatever the framework, a webhook handler does the same four things:
//!
//! 1. take the **raw body bytes** (`Bytes`, `Vec<u8>`; never a parsed JSON
//!    value: re-serialised JSON no longer matches its signature), with a size
//!    limit at least as large as [`Webhooks::max_body_size`](crate::Webhooks::max_body_size);
//! 2. pass them with the headers, and the URI when a vendor is authenticated
//!    by a query token, to [`Webhooks`](crate::Webhooks)
//!    ([`dispatch_incoming`](crate::Webhooks::dispatch_incoming), or
//!    [`handle_incoming_async`](crate::Webhooks::handle_incoming_async) with
//!    the callback registry);
//! 3. answer the status the crate suggests: [`Error::status`](crate::Error::status)
//!    (400, 401, 403, 413…) or [`Report::status`](crate::Report::status)
//!    (200, or 500 so the vendor retries when one of your callbacks failed);
//! 4. reply to eSignGlobal with
//!    [`esignglobal::SUCCESS_RESPONSE`](crate::esignglobal::SUCCESS_RESPONSE)
//!    within 5 seconds.
//!
//! ## axum, from a fresh clone to your own handler
//!
//! Try the example first: it receives every vendor's deliveries, and `send`
//! posts signed samples to it (two of which must be refused).
//!
//! ```sh
//! cargo run --example axum --features axum    # terminal 1
//! cargo run --example send                    # terminal 2
//! ```
//!
//! Then in your project, `cargo add esign-webhooks --features axum`, and:
//!
//! ```
//! # #[cfg(feature = "axum")] // this page's test needs the `axum` feature
//! # mod your_app {
//! use axum::{Router, http::StatusCode, routing::post};
//! use esign_webhooks::integrations::axum::VerifiedEvent;
//! use esign_webhooks::{Event, Secret, Webhooks, constellation, signplus};
//!
//! async fn hook(VerifiedEvent(event): VerifiedEvent) -> StatusCode {
//!     match event {
//!         Event::SignPlus(event) => println!("Sign.Plus {} for {:?}", event.kind(), event.envelope_id()),
//!         Event::Constellation(update) => println!("session {:?}", update.data.status),
//!         _ => {}
//!     }
//!     StatusCode::OK
//! }
//!
//! # pub fn app() -> Result<Router, esign_webhooks::Error> {
//! let webhooks = Webhooks::builder()
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("from-your-secret-store")))
//!     .constellation(constellation::Verifier::basic_auth("esign", Secret::new("from-your-secret-store-too")))
//!     .build()?;
//! let app: Router = Router::new().route("/webhooks", post(hook)).with_state(webhooks);
//! // axum::serve(tokio::net::TcpListener::bind("127.0.0.1:3000").await?, app).await?;
//! # Ok(app)
//! # }
//! # }
//! # fn main() {
//! #     #[cfg(feature = "axum")]
//! #     your_app::app().unwrap();
//! # }
//! ```
//!
//! A request that fails verification never reaches `hook`: the extractor
//! answers it with the error's status. With a state of your own, implement
//! `FromRef<YourState> for Webhooks`. To run typed callbacks instead of
//! matching, see `examples/axum.rs` (`Webhooks::handle_incoming_async`
//! with [`AsyncHandlers`](crate::AsyncHandlers)), and to queue before
//! parsing, the `VerifiedBytes` extractor ([`queueing`](super::queueing)).
//!
//! ## actix-web
//!
//! With the `actix` feature, actix-web's `HeaderMap` implements
//! [`Headers`](crate::Headers):
//! `Incoming::new(&body, req.headers()).with_query(Some(req.query_string()))`
//! with `body: web::Bytes`. Set `web::PayloadConfig` to the crate's limit.
//! actix-web 4 uses `http` 0.2: convert a status with
//! `StatusCode::from_u16(err.status().as_u16())`. `examples/actix.rs` is a
//! complete server (`cargo run --example actix --features actix`).
//!
//! ## hyper, and any other server
//!
//! `http::HeaderMap` implements [`Headers`](crate::Headers), so hyper needs
//! no feature: collect the body with `http_body_util::Limited` and pass
//! `&parts.headers`. `examples/hyper.rs` is a complete server
//! (`cargo run --example hyper`). Other servers collect their headers into a
//! `Vec<(String, String)>`.
//!
//! ## The examples' configuration
//!
//! The examples read `LISTEN_ADDR`, `MAX_BODY_SIZE`, `ESIGNGLOBAL_SECRET`,
//! `ESIGNGLOBAL_SIGNATURE_HEADER`, `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`,
//! `IGNISIGN_API_KEY`, `SIGNPLUS_TOKEN`, `CONSTELLATION_USER` and
//! `CONSTELLATION_PASSWORD`, with public demo defaults (see
//! `examples/common/mod.rs`); `send` also reads `TARGET_URL`.
