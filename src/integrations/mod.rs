//! Glue for web frameworks, each behind an optional feature. The rest of the
//! crate depends on no framework.
//!
//! | Feature | Module | What it adds |
//! |---|---|---|
//! | `axum` | `integrations::axum` | `VerifiedEvent` and `VerifiedBytes` extractors: a verified [`Event`](crate::Event) in one handler argument, with the [`Webhooks`](crate::Webhooks) taken from your state |
//! | `actix` | `integrations::actix` | [`Headers`](crate::Headers) (and [`HeaderNames`](crate::esignglobal::HeaderNames)) for actix-web's own `HeaderMap` |
//!
//! hyper, and every framework built on the `http` crate 1.x (axum, hyper,
//! warp, poem, salvo, …), need no feature: [`Headers`](crate::Headers) is
//! implemented for `http::HeaderMap`. Any other server can collect its headers
//! into a `Vec<(String, String)>`.
//!
//! Complete servers receiving every vendor's deliveries are in the
//! repository's `examples/` (`axum.rs`, `actix.rs`, `hyper.rs`), and
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
