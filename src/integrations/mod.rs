//! Glue for web frameworks, each behind an optional feature. The rest of the
//! crate depends on no framework.
//!
//! | Feature | Module | What it adds |
//! |---|---|---|
//! | `axum` | `integrations::axum` | `VerifiedEvent` and `VerifiedBytes` extractors: a verified [`Event`](crate::Event) in one handler argument, with the [`Webhooks`](crate::Webhooks) taken from your state; `IntoResponse` for [`Report`](crate::Report) and [`Error`](crate::Error) |
//! | `actix` | `integrations::actix` | a `VerifiedEvent` extractor (the [`Webhooks`](crate::Webhooks) from `web::Data`), `Responder` for [`Report`](crate::Report) and [`Error`](crate::Error) (and `ResponseError`), `to_actix` (an `http` 1.x response as actix-web's), and [`Headers`](crate::Headers) / [`HeaderNames`](crate::HeaderNames) for actix-web's own `HeaderMap` |
//! | `tower` | `integrations::tower` | `VerifyLayer`: verifies in front of any tower service, which receives `http::Request<Event>`; `HandlersService`: runs [`Handlers`](crate::Handlers) or [`AsyncHandlers`](crate::AsyncHandlers) and answers the report's response |
//!
//! **One answer, every entry point.** [`Report::response`](crate::Report::response)
//! is the whole answer the vendor requires (status, headers, body) and
//! [`Error::response`](crate::Error::response) the answer to a refusal; every
//! integration answers with exactly these bytes.
//!
//! hyper, and every framework built on the `http` crate 1.x (axum, hyper,
//! warp, poem, salvo, …), need no feature: pass the request to
//! [`Webhooks::dispatch_request`](crate::Webhooks::dispatch_request), or its
//! `Parts` and body to [`dispatch_parts`](crate::Webhooks::dispatch_parts).
//! Any other server builds an [`Incoming`](crate::Incoming) with its query string.
//!
//! Every refusal the glue sends (axum's `IntoResponse` for `Error` and
//! `WebhookRejection`, actix's `ResponseError`, the tower layer) is the status
//! and its generic reason phrase only: the sender learns nothing about the
//! configuration or the infrastructure. The detail is in the error's `Display`
//! (and in the `tracing` events), for your logs.
//!
//! Complete servers receiving every vendor's deliveries are in the
//! repository's `examples/` (`axum.rs`, `actix.rs`, `hyper.rs`, `tower.rs`), and
//! [`manual::servers`](crate::manual::servers) walks through them.

#[cfg(any(feature = "axum", feature = "tower"))]
mod body;

#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;

#[cfg(feature = "actix")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub mod actix;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
