//! `tracing` instrumentation (feature `tracing`). Without the feature every
//! item here is an empty inline function, so call sites cost nothing.
//!
//! What is recorded, and what never is:
//!
//! * one `esign_webhooks::delivery` span per dispatched request (INFO level),
//!   with the fields `vendor`, `event`, `outcome` (`accepted` / `rejected`),
//!   `error` (the [`ErrorKind`] name), `status`, `key_index` (which configured
//!   secret matched, for rotation) and `duration_us`;
//! * a rejection as an event in that span: WARN for authentication failures
//!   and server-side errors (5xx), DEBUG for other malformed requests;
//! * a WARN at `build()` for every `dangerous_*` setting;
//! * a WARN per callback failure, DEBUG for the [`Report`](crate::Report).
//!
//! Never a secret, a token, a header value or a body byte: errors are logged
//! by kind and by their message, which holds none of them, except payload
//! errors, whose message may quote the body: only their JSON path, line and
//! column are logged.

use crate::error::ErrorKind;

#[cfg(feature = "tracing")]
pub(crate) use enabled::*;

#[cfg(not(feature = "tracing"))]
pub(crate) use disabled::*;

/// The stable name of an error kind, as logged in the `error` field.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) fn kind_name(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Configuration { .. } => "Configuration",
        ErrorKind::MissingHeader { .. } => "MissingHeader",
        ErrorKind::DuplicateHeader { .. } => "DuplicateHeader",
        ErrorKind::MalformedHeader { .. } => "MalformedHeader",
        ErrorKind::MissingQueryParameter { .. } => "MissingQueryParameter",
        ErrorKind::MalformedQuery { .. } => "MalformedQuery",
        ErrorKind::AuthenticationFailed => "AuthenticationFailed",
        ErrorKind::TimestampOutOfTolerance { .. } => "TimestampOutOfTolerance",
        ErrorKind::PayloadTooLarge { .. } => "PayloadTooLarge",
        ErrorKind::MalformedPayload { .. } => "MalformedPayload",
        ErrorKind::MalformedMultipart { .. } => "MalformedMultipart",
        ErrorKind::MalformedStoredBody { .. } => "MalformedStoredBody",
        ErrorKind::UnrecognizedVendor => "UnrecognizedVendor",
        ErrorKind::AmbiguousVendor { .. } => "AmbiguousVendor",
        ErrorKind::VendorMismatch { .. } => "VendorMismatch",
        ErrorKind::VendorNotConfigured { .. } => "VendorNotConfigured",
        ErrorKind::MissingField { .. } => "MissingField",
        ErrorKind::RecipientMismatch { .. } => "RecipientMismatch",
        ErrorKind::ConfirmationRejected { .. } => "ConfirmationRejected",
        ErrorKind::ConfirmationFailed { .. } => "ConfirmationFailed",
        ErrorKind::DedupStore { .. } => "DedupStore",
    }
}

#[cfg(feature = "tracing")]
mod enabled {
    use std::time::Instant;

    use tracing::field::Empty;

    use super::kind_name;
    use crate::error::{Error, ErrorKind};
    use crate::registry::Report;
    use crate::verify::Verified;
    use crate::{Event, Vendor};

    /// The span of one delivery, entered until [`Delivery::finish`].
    pub(crate) struct Delivery {
        span: tracing::span::EnteredSpan,
        start: Instant,
    }

    impl Delivery {
        pub(crate) fn start() -> Delivery {
            let span = tracing::info_span!(
                "esign_webhooks::delivery",
                vendor = Empty,
                event = Empty,
                outcome = Empty,
                error = Empty,
                status = Empty,
                key_index = Empty,
                duration_us = Empty,
            );
            Delivery {
                span: span.entered(),
                start: Instant::now(),
            }
        }

        /// Records the outcome on the span, logs a rejection, and passes `result` through.
        pub(crate) fn finish(self, result: Result<(Event, Verified), Error>) -> Result<(Event, Verified), Error> {
            let span = &self.span;
            let elapsed = u64::try_from(self.start.elapsed().as_micros()).unwrap_or(u64::MAX);
            span.record("duration_us", elapsed);
            match &result {
                Ok((event, verified)) => {
                    span.record("vendor", tracing::field::display(event.vendor()));
                    span.record("event", tracing::field::display(event.kind_name()));
                    span.record("outcome", "accepted");
                    span.record("status", 200u16);
                    if let Some(index) = verified.key_index() {
                        span.record("key_index", index);
                    }
                }
                Err(err) => {
                    if let Some(vendor) = err.vendor() {
                        span.record("vendor", tracing::field::display(vendor));
                    }
                    span.record("outcome", "rejected");
                    span.record("error", kind_name(err.kind()));
                    span.record("status", err.status().as_u16());
                    rejected(err);
                }
            }
            result
        }
    }

    /// Logs a refused delivery by kind; never the body.
    fn rejected(err: &Error) {
        let kind = kind_name(err.kind());
        let status = err.status().as_u16();
        let loud = err.is_authentication() || err.status().is_server_error();
        match err.kind() {
            // The message may quote the body: only where it broke is logged.
            ErrorKind::MalformedPayload { path, line, column, .. } => {
                tracing::debug!(error = kind, status, path = %path, line, column, "webhook delivery rejected");
            }
            _ if loud => tracing::warn!(error = kind, status, reason = %err, "webhook delivery rejected"),
            _ => tracing::debug!(error = kind, status, reason = %err, "webhook delivery rejected"),
        }
    }

    /// A `dangerous_*` setting is in force.
    pub(crate) fn dangerous(setting: &'static str, vendor: Option<Vendor>) {
        match vendor {
            Some(vendor) => tracing::warn!(
                setting,
                vendor = %vendor,
                "{setting} is set: {vendor} deliveries are accepted without authentication"
            ),
            None => tracing::warn!(setting, "{setting} is set: a check is skipped"),
        }
    }

    /// What the callbacks did with a delivery.
    pub(crate) fn handled(result: &Result<Report, Error>) {
        let Ok(report) = result else { return };
        for failure in report.failures() {
            tracing::warn!(
                vendor = %failure.vendor,
                handler = %failure.id,
                panicked = failure.panicked,
                error = %failure.message,
                "webhook callback failed"
            );
        }
        tracing::debug!(
            vendor = %report.vendor(),
            ran = report.ran().len(),
            failures = report.failures().len(),
            duplicate = report.is_duplicate(),
            status = report.status().as_u16(),
            "webhook callbacks ran"
        );
    }
}

#[cfg(not(feature = "tracing"))]
mod disabled {
    use crate::error::Error;
    use crate::registry::Report;
    use crate::verify::Verified;
    use crate::{Event, Vendor};

    pub(crate) struct Delivery;

    impl Delivery {
        #[inline(always)]
        pub(crate) fn start() -> Delivery {
            Delivery
        }

        #[inline(always)]
        pub(crate) fn finish(self, result: Result<(Event, Verified), Error>) -> Result<(Event, Verified), Error> {
            result
        }
    }

    #[inline(always)]
    pub(crate) fn dangerous(_: &'static str, _: Option<Vendor>) {}

    #[inline(always)]
    pub(crate) fn handled(_: &Result<Report, Error>) {}
}
