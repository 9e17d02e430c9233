//! Verified, typed webhooks for twenty-three e-signature vendors: [`docusign`],
//! [`dropboxsign`], [`boldsign`], [`adobesign`], [`yousign`], [`pandadoc`],
//! [`zohosign`], [`documenso`], [`docuseal`], [`signwell`], [`opensign`],
//! [`boxsign`], [`esignglobal`], [`ignisign`], [`signplus`], [`constellation`],
//! [`onespan`], [`signatureapi`], [`signnow`], [`clicksign`],
//! [`autentique`], [`zapsign`] and [`d4sign`].
//!
//! Configure a [`Webhooks`] once with each vendor's credentials, then call
//! [`Webhooks::dispatch_request`] from any HTTP handler with the request (its
//! **raw body bytes**, headers and URI): you get a verified, typed [`Event`],
//! or an [`Error`] that says what went wrong and which HTTP status to answer.
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
//! # let request = Signer::hmac(esg_scheme.clone(), esign_webhooks::Secret::new(esg_secret)).sign(&body).to_http_request("/webhooks");
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
//! // in any handler: an `http::Request` holding the raw body bytes, or
//! // `dispatch_parts(&parts, &body)`; the URI matters for query tokens
//! match webhooks.dispatch_request(&request)? {
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
//! `cargo run --example quickstart` signs and dispatches a sample delivery for
//! every vendor.
//!
//! # What is verified
//!
//! | Vendor | What the vendor documents | What [`Webhooks`] checks |
//! |---|---|---|
//! | [`esignglobal`] | a per-webhook secret key; **the scheme is not published** | the [`HmacScheme`](verify::HmacScheme) (or token header) you configure; [`esignglobal::detect_scheme`] finds it from one captured delivery |
//! | [`ignisign`] | a single-use `verificationToken` that Ignisign's API checks and consumes | required fields, app id and environment, locally; the token through a request the crate builds and you send ([`ignisign::Delivery::confirm`]) |
//! | [`signplus`] | **no verification** | a secret you put in the registered URL (query token, `user:password@`) or a gateway's header |
//! | [`constellation`] | **no verification** | the same |
//! | [`zapsign`] | **no verification**; custom headers you choose | the header (or Basic credentials, or URL token) you choose, constant time |
//! | [`docusign`] | base64 HMAC of the body in `X-DocuSign-Signature-1…N` (or Basic auth) | any configured key against any header; no timestamp |
//! | [`dropboxsign`] | hex HMAC of `event_time` ‖ `event_type` inside the body, keyed with the API key | that hash: **the event's time and type only**, not the rest of the body |
//! | [`boldsign`] | `t=…, s0=…, s1=…` over `<t>.<body>` | every signature against every secret, then the 300 s tolerance |
//! | [`adobesign`] | no signature; a client id to echo | the client id (plus an optional URL token or Basic auth), the echo, the GET intent check |
//! | [`yousign`], [`zohosign`], [`opensign`], [`clicksign`], [`autentique`] | an HMAC of the body in a header | that HMAC; no timestamp |
//! | [`pandadoc`] | an HMAC of the body in the `signature` query parameter | that HMAC, from the URI |
//! | [`documenso`] | the secret itself in a header | the secret, constant time; the body is not covered |
//! | [`docuseal`] | `<ts>.<hex>` over `<ts>.<body>`, or a static header | that HMAC and ±300 s, or the header |
//! | [`signwell`] | an HMAC of `type@time` inside the body, keyed with the webhook id | that hash: **the body is not covered** |
//! | [`d4sign`] | `Content-Hmac: sha256=<hex>`, an HMAC of the **document UUID** | that HMAC: **the UUID only**, the same for every post about the document |
//! | [`boxsign`] | two HMACs of the body then the RFC 3339 timestamp | either key, and the 10-minute window |
//! | [`onespan`] | the callback key in `Authorization: Basic <key>`, OAuth 2.0, static headers, or none | the key (whole header, constant time), your bearer-token validator, or the header; the body is not covered |
//! | [`signatureapi`] | Standard Webhooks: `v1,<base64>` over `<id>.<ts>.<body>` | every signature against every secret, then ±300 s |
//! | [`signnow`] | **no signature published**; static custom headers on the subscription | the header, Basic credentials or URL token you configure; the body is not covered |
//!
//! Each vendor's module says what its check proves and what not, how to
//! answer it, its dedup key and its lifecycle mapping; the vendor table
//! (`src/vendor.rs`) lists them once for the whole crate ([`plugin`]).
//!
//! A vendor is accepted unverified only through a method whose name says so
//! (`Verifier::dangerous_accept_unverified`, [`ignisign::Delivery::dangerous_skip_token_check`],
//! the [`dangerous`] module). The [security manual](manual::security) says
//! what each check proves and what is left to you; [`dedup`] runs callbacks
//! once per event despite the vendors' retries.
//!
//! # Three entry points
//!
//! * [`Webhooks::dispatch_request`] (or [`dispatch_parts`](Webhooks::dispatch_parts)):
//!   verify, then parse into an [`Event`].
//! * [`Webhooks::verify_request`] (or [`verify_parts`](Webhooks::verify_parts)): verify
//!   only, keeping the raw bytes ([`VerifiedBody`]) to answer the vendor at once and
//!   parse later in a worker.
//! * [`dangerous::parse_unverified`]: parse bytes you verified earlier and stored.
//!
//! Each takes the request's URI with its body and headers, so a vendor
//! authenticated by a token in the URL gets it. Servers not built on the `http`
//! crate pass an [`Incoming`] ([`Webhooks::dispatch_incoming`]); the shorter
//! [`Webhooks::dispatch`] takes body and headers only, and a query-token
//! vendor's error then names the call to use.
//!
//! # Callbacks
//!
//! Rather than matching on [`Event`] yourself, register typed closures per
//! vendor event, per vendor-neutral [`Lifecycle`] step, or for everything, and
//! call [`Webhooks::handle_request`] (blocking, [`Handlers`]) or
//! [`Webhooks::handle_request_async`] (async closures, [`AsyncHandlers`], any
//! runtime). Every matching callback runs in registration order; errors and
//! panics are collected in a [`Report`] that also says which HTTP status to
//! answer. Ignisign tokens are confirmed through a transport you supply before
//! any callback runs. See the [`registry`] module. Vendors deliver at least
//! once: [`Handlers::deduplicate_with`] and the [`dedup`] module run callbacks
//! once per event, across several receivers with the `redis` feature.
//!
//! Receiving many customer accounts' webhooks on one endpoint, each with its
//! own secret? [`tenant::Tenants`] names the tenant of each request and
//! verifies it with that tenant's credentials only
//! ([`manual::multi_tenant`]).
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
//! | one per vendor: `docusign`, `dropboxsign`, `boldsign`, `adobesign`, `yousign`, `pandadoc`, `zohosign`, `documenso`, `docuseal`, `signwell`, `opensign`, `boxsign`, `esignglobal`, `ignisign`, `signplus`, `constellation`, `onespan`, `signatureapi`, `signnow`, `clicksign`, `autentique`, `zapsign`, `d4sign` | that vendor's module, its `WebhooksBuilder` method, `Event` variant and registrar; `default-features = false, features = ["docusign"]` compiles one | on |
//! | `all-vendors` | every vendor feature above | on |
//! | `zeroize` | [`Secret`] wipes its bytes when dropped (the `zeroize` crate) | on |
//! | `config-toml` | `config::Config::from_toml`: configuration files in TOML (JSON needs no feature), on `toml` | off |
//! | `reqwest` | `registry::ReqwestTransport`: a ready transport for Ignisign's token check, on `reqwest` with rustls | off |
//! | `axum` | [`integrations`]`::axum`: `VerifiedEvent` and `VerifiedBytes` extractors (the [`Webhooks`] taken from state via `FromRef`, a rejection answering [`Error::status`]), on `axum-core` | off |
//! | `actix` | [`integrations`]`::actix`: a `VerifiedEvent` extractor (the [`Webhooks`] from `web::Data`), `ResponseError` for [`Error`], [`Headers`] for actix-web's `HeaderMap`; on `actix-web` without default features | off |
//! | `tower` | [`integrations`]`::tower`: `VerifyLayer`, verifying before the inner service, which gets `http::Request<Event>`; on `tower-layer`, `tower-service`, `http-body` | off |
//! | `tracing` | a span per delivery (vendor, event, outcome, error kind, status, key index, duration), rejections at `debug`/`warn`, a warning per `dangerous_*` setting; never a secret, token or body | off |
//! | `redis` | `dedup::RedisStore`: a deduplication store shared by several receivers, on the `redis` crate (tokio, rustls) | off |
//! | `postgres` | `dedup::PostgresStore`: a deduplication store in one PostgreSQL table, on `tokio-postgres` | off |
//! | `conformance` | `dedup::conformance`: the suite every deduplication store must pass, to test your own | off |
//!
//! The [`manual`] has task-oriented pages: choosing each vendor's
//! authentication, eSignGlobal's scheme, unsigned vendors, replays,
//! verify-then-queue-then-parse, testing your handlers, and servers (axum,
//! actix-web, hyper, tower).
//!
//! With the default features the crate depends only on serde, serde_json,
//! uuid, hmac, sha2, subtle, thiserror, http and zeroize (without `zeroize`,
//! not even that).
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85 (edition 2024), as stated in `Cargo.toml`.

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(clippy::exhaustive_enums, clippy::exhaustive_structs)]
// A vendor line in the table whose cargo feature does not exist would be
// compiled out silently (a warning per generated item): make it an error.
#![deny(unexpected_cfgs)]
// A build with some vendors left out leaves shared helpers unused: only the
// full build (`all-vendors`, the default, and CI's strict one) is held to
// every lint.
#![cfg_attr(
    not(feature = "all-vendors"),
    allow(
        dead_code,
        unused_imports,
        unused_macros,
        unused_variables,
        unreachable_patterns,
        irrefutable_let_patterns
    )
)]

// The layers, lowest first: core -> vendors -> dispatch -> dedup -> registry -> inbox
// -> tenant -> integrations. The code of each uses only the layers below it (a doc link
// may name any path), and `.ci/run` fails on an import that runs back up.
// lib.rs's re-exports, `dangerous`, `testing` and `manual` are the crate's
// faces, above every layer.

mod wire_enum;

// Core: no vendor knowledge. The vendor table (`vendor.rs`) is here, so that
// every layer reads it downwards.
mod clock;
pub mod config;
mod dedup_key;
mod encoding;
mod error;
mod filter;
mod headers;
mod json_list;
mod json_object;
mod json_path;
mod json_text;
mod lifecycle;
mod multipart;
pub mod plugin;
pub mod redact;
mod secret;
mod tenant_id;
mod text;
mod trace;
mod unknown_members;
mod vendor;
pub mod verify;

// Vendors: one folder each, listed once in the vendor table (`vendor.rs`).
#[cfg(feature = "adobesign")]
pub mod adobesign;
#[cfg(feature = "autentique")]
pub mod autentique;
#[cfg(feature = "boldsign")]
pub mod boldsign;
#[cfg(feature = "boxsign")]
pub mod boxsign;
#[cfg(feature = "clicksign")]
pub mod clicksign;
#[cfg(feature = "constellation")]
pub mod constellation;
#[cfg(feature = "d4sign")]
pub mod d4sign;
#[cfg(feature = "documenso")]
pub mod documenso;
#[cfg(feature = "docuseal")]
pub mod docuseal;
#[cfg(feature = "docusign")]
pub mod docusign;
#[cfg(feature = "dropboxsign")]
pub mod dropboxsign;
#[cfg(feature = "esignglobal")]
pub mod esignglobal;
#[cfg(feature = "ignisign")]
pub mod ignisign;
#[cfg(feature = "onespan")]
pub mod onespan;
#[cfg(feature = "opensign")]
pub mod opensign;
#[cfg(feature = "pandadoc")]
pub mod pandadoc;
#[cfg(feature = "signatureapi")]
pub mod signatureapi;
#[cfg(feature = "signnow")]
pub mod signnow;
#[cfg(feature = "signplus")]
pub mod signplus;
#[cfg(feature = "signwell")]
pub mod signwell;
#[cfg(feature = "yousign")]
pub mod yousign;
#[cfg(feature = "zapsign")]
pub mod zapsign;
#[cfg(feature = "zohosign")]
pub mod zohosign;

// Dispatch, then deduplication, then the registry (every `handle*`), then
// multi-tenant receivers, then the framework integrations: each uses only the
// layers before it.
mod dispatch;

pub mod dedup;

pub mod registry;
// Inbox: receivers hand verified deliveries to an engine, workers run the
// callbacks (between the registry and the framework glue).
#[cfg(feature = "inbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "inbox")))]
pub mod inbox;

pub mod tenant;

pub mod integrations;

// The crate's faces.
pub mod dangerous;
pub mod manual;
pub mod testing;

pub use clock::{Clock, FixedClock, SystemClock};
pub use dispatch::{DEFAULT_MAX_BODY_SIZE, Event, VerifiedBody, Webhooks, WebhooksBuilder};
pub use error::{Error, ErrorKind, Fault, ParseCodeError, StoredBodyError};
pub use filter::Filter;
pub use headers::{HeaderNames, Headers, Incoming};
pub use lifecycle::{Lifecycle, LifecycleStep};
pub use multipart::MultipartError;
pub use registry::{
    AsyncHandlers, ConfirmedEvent, DeliveryContext, HandlerError, HandlerId, Handlers, LifecycleEvent, Report,
    Unreadable,
};
pub use secret::Secret;
pub use text::Text;
pub use unknown_members::UnknownMembers;
pub use vendor::{UnknownVendor, Vendor};

/// Compiles and runs every Rust snippet of the README as a doctest. Each
/// snippet is a whole program with nothing hidden (it reads the same on
/// GitHub and crates.io, and compiles when pasted into a fresh crate); the
/// axum one needs the `axum` feature, so the README is tested in the
/// `--all-features` run (`.ci/run`).
#[cfg(all(doctest, feature = "axum"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
