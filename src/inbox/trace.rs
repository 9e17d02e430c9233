//! `tracing` for the inbox (feature `tracing`): a span `esign_webhooks::inbox::push`
//! around a receiver's hand-off and `esign_webhooks::inbox::run` around a
//! worker's run of one message, both with the field `message` (the
//! [`MessageId`](super::MessageId)), which joins a worker's span to the
//! receiver's. Never a body byte or a header: the ids, the vendor, counts and
//! outcomes only.

use std::future::Future;

use super::message::MessageId;
use crate::vendor::Vendor;

#[cfg(feature = "tracing")]
pub(crate) fn push_span(id: MessageId, vendor: Vendor) -> tracing::Span {
    tracing::info_span!("esign_webhooks::inbox::push", message = %id, vendor = %vendor)
}

#[cfg(feature = "tracing")]
pub(crate) fn run_span(id: MessageId, vendor: Vendor, attempt: u32) -> tracing::Span {
    tracing::info_span!("esign_webhooks::inbox::run", message = %id, vendor = %vendor, attempt)
}

/// Runs `future` inside `span`.
#[cfg(feature = "tracing")]
pub(crate) async fn within<T>(span: tracing::Span, future: impl Future<Output = T>) -> T {
    tracing::Instrument::instrument(future, span).await
}

/// Logs the outcome of one step (`what`), with the error's text when it failed.
#[cfg(feature = "tracing")]
pub(crate) fn outcome(what: &'static str, error: Option<&str>) {
    match error {
        None => tracing::debug!(outcome = what, "inbox"),
        Some(error) => tracing::warn!(outcome = what, error, "inbox"),
    }
}

/// Without `tracing`: a span that is nothing (a type, not `()`, so that
/// callers bind it the same way with and without the feature).
#[cfg(not(feature = "tracing"))]
pub(crate) struct NoSpan;

#[cfg(not(feature = "tracing"))]
pub(crate) fn push_span(_: MessageId, _: Vendor) -> NoSpan {
    NoSpan
}

#[cfg(not(feature = "tracing"))]
pub(crate) fn run_span(_: MessageId, _: Vendor, _: u32) -> NoSpan {
    NoSpan
}

#[cfg(not(feature = "tracing"))]
pub(crate) async fn within<T>(_: NoSpan, future: impl Future<Output = T>) -> T {
    future.await
}

#[cfg(not(feature = "tracing"))]
pub(crate) fn outcome(_: &'static str, _: Option<&str>) {}
