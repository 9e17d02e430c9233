//! Verified, typed webhooks for **eSignGlobal**, **Ignisign**, **Sign.Plus** and **Constellation1 eSign**.
//!
//! Configure a [`Webhooks`] once with each vendor's credentials, then call
//! [`Webhooks::dispatch`] from any HTTP handler with the request's **raw body
//! bytes** and its headers: you get a verified, typed [`Event`], or an
//! [`Error`] that says what went wrong and which HTTP status to answer.
//!
//! # Quick start
//!
//! ```
//! # use esign_webhooks::testing::Signer;
//! # use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
//! # let esg_secret = "esignglobal-webhook-secret";
//! # let token = "signplus-url-token";
//! # let password = "constellation-password";
//! // eSignGlobal does not publish its signature scheme: find it once with
//! // `esignglobal::detect_scheme` on a captured delivery (see the `esignglobal` module).
//! # let esg_scheme = HmacScheme::new(SignatureLocation::header("x-captured-signature"), SignedContent::Body, Encoding::Hex);
//! # let body = include_bytes!("../tests/fixtures/esignglobal/envelope_finish.json").to_vec();
//! # let headers = Signer::hmac(esg_scheme.clone(), esign_webhooks::Secret::new(esg_secret)).sign(&body).headers;
//! use esign_webhooks::{Event, Secret, Webhooks};
//! use esign_webhooks::{constellation, esignglobal, ignisign, signplus};
//!
//! let webhooks = Webhooks::builder()
//!     .esignglobal(esignglobal::Verifier::new(Secret::new(esg_secret), esg_scheme))
//!     .ignisign(ignisign::Verifier::new("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b", ignisign::AppEnv::Production))
//!     .signplus(signplus::Verifier::header_token("x-webhook-token", Secret::new(token)))
//!     .constellation(constellation::Verifier::basic_auth("esign", Secret::new(password)))
//!     .build()?;
//!
//! // in any handler: body is the raw bytes, headers the request's headers
//! match webhooks.dispatch(&body, &headers)? {
//!     Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(payload)) => {
//!         println!("envelope {} completed", payload.envelope.envelope_id);
//!     }
//!     Event::Ignisign(delivery) => { /* app checked; confirm the token: see the `ignisign` module */ }
//!     Event::SignPlus(event) => { /* … */ }
//!     Event::Constellation(update) => { /* … */ }
//!     other => { /* unknown events arrive here too, never as an error */ }
//! }
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! `cargo run --example quickstart` runs the same thing for all four vendors.
//!
//! # What is verified
//!
//! | Vendor | What the vendor documents | What [`Webhooks`] checks |
//! |---|---|---|
//! | [`esignglobal`] | a per-webhook secret key; **the scheme is not published** | the [`HmacScheme`](verify::HmacScheme) (or token header) you configure; [`esignglobal::detect_scheme`] finds it from one captured delivery |
//! | [`ignisign`] | a single-use `verificationToken` that Ignisign's API checks and consumes | required fields, app id and environment, locally; the token through a request the crate builds and you send ([`ignisign::Delivery::confirm`]) |
//! | [`signplus`] | **no verification** | a secret you put in the registered URL (query token, `user:password@`) or a gateway's header |
//! | [`constellation`] | **no verification** | the same |
//!
//! A vendor is accepted unverified only through a method whose name says so
//! (`Verifier::dangerous_accept_unverified`, [`ignisign::Delivery::dangerous_skip_token_check`],
//! the [`dangerous`] module). The [security manual](manual::security) says
//! what each check proves and what is left to you; [`dedup`] runs callbacks
//! once per event despite the vendors' retries.
//!
//! # Three entry points
//!
//! * [`Webhooks::dispatch`]: verify, then parse into an [`Event`].
//! * [`Webhooks::verify`]: verify only, keeping the raw bytes ([`VerifiedBody`]) to
//!   answer the vendor at once and parse later in a worker.
//! * [`dangerous::parse_unverified`]: parse bytes you verified earlier and stored.
//!
//! Requests authenticated by a token in the URL go through
//! [`Webhooks::dispatch_incoming`] with [`Incoming::with_uri`].
//!
//! # Callbacks
//!
//! Rather than matching on [`Event`] yourself, register typed closures per
//! vendor event, per vendor-neutral [`Lifecycle`] step, or for everything, and
//! call [`Webhooks::handle`] (blocking, [`Handlers`]) or
//! [`Webhooks::handle_async`] (async closures, [`AsyncHandlers`], any
//! runtime). Every matching callback runs in registration order; errors and
//! panics are collected in a [`Report`] that also says which HTTP status to
//! answer. Ignisign tokens are confirmed through a transport you supply before
//! any callback runs. See the [`registry`] module. Vendors deliver at least
//! once: [`Handlers::deduplicate_with`] and the [`dedup`] module run callbacks
//! once per event, across several receivers with the `redis` feature.
//!
//! ```
//! use esign_webhooks::{Handlers, Lifecycle};
//!
//! let mut handlers = Handlers::new();
//! handlers.on_lifecycle(Lifecycle::Completed, |e| {
//!     println!("{} envelope {:?} completed", e.vendor, e.envelope_id);
//!     Ok(())
//! });
//! ```
//!
//! # Design notes
//!
//! * **Raw bytes in.** Signatures cover the bytes the vendor sent; a body
//!   parsed and re-serialised by a framework no longer matches. Take `Bytes`,
//!   `Vec<u8>` or `&[u8]` from your framework, never a parsed JSON value.
//! * **Headers through a trait.** [`Headers`] is implemented for
//!   `http::HeaderMap` and for `(name, value)` pairs, so any server works.
//! * **Forward compatible.** Every vendor enum has an `Unknown(..)` variant that
//!   keeps the value; an unknown event keeps its raw JSON. Neither is an error.
//!   Public enums and structs are `#[non_exhaustive]` so that new vendors,
//!   events and fields are not breaking changes.
//! * **Errors you can answer with.** [`Error::status`] maps each [`ErrorKind`]
//!   to 400, 401, 403, 413, 500, 502 or 503; payload errors give the JSON path where
//!   the body broke. No error, `Debug` or `Display` output contains a secret.
//! * **Time is injectable.** Timestamp tolerance defaults to 300 s both ways and
//!   is set per scheme; [`WebhooksBuilder::clock`] takes a [`FixedClock`] in tests.
//! * **Test your handlers** with [`testing::Signer`], which signs deliveries for
//!   every scheme the crate verifies.
//!
//! # Feature flags
//!
//! | Feature | What it adds | Default |
//! |---|---|---|
//! | `reqwest` | `registry::ReqwestTransport`: a ready transport for Ignisign's token check, on `reqwest` with rustls | off |
//! | `axum` | [`integrations`]`::axum`: `VerifiedEvent` and `VerifiedBytes` extractors (the [`Webhooks`] taken from state via `FromRef`, a rejection answering [`Error::status`]), on `axum-core` | off |
//! | `actix` | [`integrations`]`::actix`: [`Headers`] for actix-web's `HeaderMap`, on `actix-http` without default features | off |
//! | `redis` | `dedup::RedisStore`: a deduplication store shared by several receivers (no extra dependency) | off |
//!
//! The [`manual`] has task-oriented pages: choosing each vendor's
//! authentication, eSignGlobal's scheme, unsigned vendors, replays,
//! verify-then-queue-then-parse, testing your handlers, and servers (axum,
//! actix-web, hyper).
//!
//! Without features the crate depends only on serde, serde_json, uuid, hmac,
//! sha2, subtle, thiserror and http.
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85 (edition 2024), as stated in `Cargo.toml`.

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::exhaustive_enums, clippy::exhaustive_structs)]

mod wire_enum;

// Core: no vendor knowledge.
mod clock;
mod dedup_key;
mod encoding;
mod error;
mod filter;
mod headers;
mod json_object;
mod json_path;
mod lifecycle;
pub mod plugin;
mod secret;
mod vendor;
pub mod verify;

// Vendors: one folder each, listed once in `plugin::table`.
#[cfg(feature = "boxsign")]
pub mod boxsign;
#[cfg(feature = "constellation")]
pub mod constellation;
#[cfg(feature = "docuseal")]
pub mod docuseal;
#[cfg(feature = "esignglobal")]
pub mod esignglobal;
#[cfg(feature = "ignisign")]
pub mod ignisign;
#[cfg(feature = "opensign")]
pub mod opensign;
#[cfg(feature = "signplus")]
pub mod signplus;
#[cfg(feature = "signwell")]
pub mod signwell;

// Dispatch, deduplication, registry, integrations: each uses only the layers above it.
pub mod dangerous;
mod dispatch;
pub mod dedup;
pub mod registry;
pub mod integrations;

pub mod manual;
pub mod testing;

pub use clock::{Clock, FixedClock, SystemClock};
pub use dispatch::{DEFAULT_MAX_BODY_SIZE, Event, VerifiedBody, Webhooks, WebhooksBuilder};
pub use error::{Error, ErrorKind, ParseCodeError};
pub use headers::{Headers, Incoming};
pub use filter::Filter;
pub use lifecycle::{Lifecycle, LifecycleStep};
pub use registry::{AsyncHandlers, ConfirmedEvent, HandlerError, HandlerId, Handlers, LifecycleEvent, Report};
pub use secret::Secret;
pub use vendor::{UnknownVendor, Vendor};
