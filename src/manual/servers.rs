//! # Servers: axum, actix-web, hyper, tower
//!
//! Whatever the framework, a webhook handler does the same four things:
//!
//! 1. take the **raw body bytes** (`Bytes`, `Vec<u8>`; never a parsed JSON
//!    value: re-serialised JSON no longer matches its signature), with a size
//!    limit at least as large as [`Webhooks::max_body_size`](crate::Webhooks::max_body_size);
//! 2. pass them with the headers **and the URI** (a vendor authenticated by a
//!    query token needs it) to [`Webhooks`](crate::Webhooks):
//!    [`dispatch_parts`](crate::Webhooks::dispatch_parts) /
//!    [`dispatch_request`](crate::Webhooks::dispatch_request), or
//!    [`handle_parts_async`](crate::Webhooks::handle_parts_async) with the
//!    callback registry; the extractors and the tower layer do this for you;
//! 3. send the whole answer the crate gives, status, headers and body:
//!    [`Report::response`](crate::Report::response) with the callback
//!    registry (the vendor's required success answer, 503 with `Retry-After`
//!    for a copy in flight, 500 so the vendor retries when one of your
//!    callbacks failed), [`Event::success_response`](crate::Event::success_response)
//!    after `dispatch`, and [`Error::response`](crate::Error::response) for a
//!    refusal (400, 401, 403, 413…: the status and its reason phrase only).
//!    axum's `IntoResponse`, actix-web's `Responder` and the tower
//!    `HandlersService` send exactly these; eSignGlobal's JSON, Dropbox
//!    Sign's `Hello API Event Received` and Adobe's client-id echo are in them;
//! 4. answer within the vendor's time limit (eSignGlobal: 5 seconds).
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
//! answers it with the error's status and that status's generic reason phrase
//! (`401 Unauthorized`, `413 Payload Too Large`, `503 Service Unavailable`…),
//! never the detail, which could name a configured header or query parameter
//! or a store's address. The detail stays in [`Error`](crate::Error)'s
//! `Display` for your logs. With a state of your own, implement
//! `FromRef<YourState> for Webhooks`. To run typed callbacks instead of
//! matching, see `examples/axum.rs` (`Webhooks::handle_parts_async`
//! with [`AsyncHandlers`](crate::AsyncHandlers)), and to queue before
//! parsing, the `VerifiedBytes` extractor ([`queueing`](super::queueing)).
//!
//! ## actix-web
//!
//! With the `actix` feature, `integrations::actix::VerifiedEvent` is the
//! actix-web twin of the axum extractor: register the
//! [`Webhooks`](crate::Webhooks) with `App::app_data(web::Data::new(webhooks))`
//! and take `VerifiedEvent(event)` in the handler; it reads the body with the
//! crate's limit and checks the query string. A handler reading `web::Bytes`
//! itself calls `webhooks.dispatch_incoming(&integrations::actix::incoming(&req, &body))`
//! and may return `Result<_, esign_webhooks::Error>`: [`Error`](crate::Error)
//! implements `ResponseError` (the status and its reason phrase, never the
//! error's detail). Set `web::PayloadConfig` to the crate's limit for
//! `web::Bytes`. `examples/actix.rs` is a complete server with both styles
//! (`cargo run --example actix --features actix`).
//!
//! ## tower (hyper, tonic, axum layers)
//!
//! With the `tower` feature, `integrations::tower::VerifyLayer::new(webhooks)`
//! wraps a service taking `http::Request<Event>`: the layer reads the body
//! with the limit, verifies it with headers and URI, and answers refusals
//! itself. `examples/tower.rs` serves it with hyper
//! (`cargo run --example tower --features tower`).
//!
//! ## hyper, and any other server
//!
//! hyper needs no feature: collect the body with `http_body_util::Limited`
//! and call `webhooks.dispatch_parts(&parts, &body)` (or
//! `handle_parts_async`). `examples/hyper.rs` is a complete server
//! (`cargo run --example hyper`). Servers not built on the `http` crate pass
//! an [`Incoming`](crate::Incoming): the body, headers (any
//! [`Headers`](crate::Headers), such as a `Vec<(String, String)>`) and the
//! query string ([`Incoming::with_query`](crate::Incoming::with_query)).
//!
//! `tests/roundtrip.rs` starts each of the four examples on a loopback port
//! and runs `send` against it.
//!
//! ## The examples' configuration
//!
//! The examples read their settings from the environment, each with a public
//! demo default (see `examples/common/mod.rs`; `tests/examples_env.rs` keeps
//! this table complete):
//!
//! | Variable | What it sets |
//! |---|---|
//! | `LISTEN_ADDR` | the address the server examples listen on |
//! | `TARGET_URL` | where `send` posts its samples |
//! | `MAX_BODY_SIZE` | [`WebhooksBuilder::max_body_size`](crate::WebhooksBuilder::max_body_size) |
//! | `TENANTS_FILE` | `examples/multi_tenant.rs`: the tenants' configuration, one file with a table per tenant or a directory of files (see [`multi_tenant`](super::multi_tenant)) |
//! | `ESIGNGLOBAL_SECRET`, `ESIGNGLOBAL_SIGNATURE_HEADER` | eSignGlobal's secret, and the header of the demo scheme |
//! | `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`, `IGNISIGN_API_KEY` | Ignisign's application, environment and API key (without a key, tokens are not confirmed) |
//! | `SIGNPLUS_TOKEN` | Sign.Plus's URL token |
//! | `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD` | Constellation1's Basic credentials |
//! | `DOCUSIGN_HMAC_KEY` | a DocuSign Connect HMAC key |
//! | `DROPBOXSIGN_API_KEY` | the Dropbox Sign API key |
//! | `BOLDSIGN_SECRET` | BoldSign's signing secret |
//! | `ADOBESIGN_CLIENT_ID` | the Adobe Acrobat Sign client id |
//! | `YOUSIGN_SECRET` | Yousign's webhook secret |
//! | `PANDADOC_SHARED_KEY` | PandaDoc's shared key |
//! | `ZOHOSIGN_SECRET` | Zoho Sign's webhook secret |
//! | `DOCUMENSO_SECRET` | Documenso's webhook secret |
//! | `DOCUSEAL_SECRET` | DocuSeal's webhook secret |
//! | `SIGNWELL_WEBHOOK_ID` | SignWell's webhook id (its signing key) |
//! | `OPENSIGN_KEY` | OpenSign's webhook key |
//! | `BOXSIGN_PRIMARY_KEY`, `BOXSIGN_SECONDARY_KEY` | Box Sign's primary and secondary keys |
//! | `ONESPAN_CALLBACK_KEY` | OneSpan Sign's callback key |
//! | `SIGNATUREAPI_SECRET` | SignatureAPI's endpoint signing secret (`whsec_…`) |
//! | `SIGNNOW_TOKEN` | the secret SignNow's subscription sends in `X-Webhook-Token` |
//! | `CLICKSIGN_SECRET` | Clicksign's webhook HMAC secret |
//! | `AUTENTIQUE_SECRET` | Autentique's endpoint secret |
//! | `ZAPSIGN_HEADER`, `ZAPSIGN_TOKEN` | the custom header set on the ZapSign webhook, and its value |
//! | `D4SIGN_SECRET` | D4Sign's HMAC secret |
