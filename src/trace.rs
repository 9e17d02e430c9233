//! `tracing` instrumentation (feature `tracing`). Without the feature every
//! item here is an empty inline function, so call sites cost nothing.
//!
//! What is recorded, and what never is:
//!
//! * one `esign_webhooks::delivery` span per dispatched request (INFO level),
//!   with the fields `vendor`, `event`, `outcome` (`accepted` / `rejected`),
//!   `error` (the [`ErrorKind`](crate::ErrorKind) name), `status`, `key_index` (which configured
//!   secret matched, for rotation) and `duration_us`;
//! * a rejection as an event in that span: WARN for authentication failures
//!   and server-side errors (5xx), DEBUG for other malformed requests;
//! * an `esign_webhooks::tenant` span (INFO level, field `tenant`) around
//!   a multi-tenant receiver's dispatch, so the `delivery` span opens inside
//!   it: the tenant's id, which is an identifier, never a credential;
//! * a WARN at `build()` for every `dangerous_*` setting;
//! * a WARN per callback failure, DEBUG for the [`Report`](crate::Report)'s summary.
//!
//! Never a secret, a token, a header value or a body byte: errors are logged
//! by kind and by their message, which holds none of them, except payload
//! errors, whose message may quote the body: only their JSON path, line and
//! column are logged.
//!
//! The functions take the fields they log (a vendor, a name, a count), not the
//! types of the layers that call them, so that this core module names nothing
//! above it.

#[cfg(feature = "tracing")]
pub(crate) use enabled::*;

#[cfg(not(feature = "tracing"))]
pub(crate) use disabled::*;

#[cfg(feature = "tracing")]
mod enabled {
    use core::fmt::Display;
    use std::borrow::Cow;
    use std::time::Instant;

    use tracing::field::Empty;

    use crate::error::{Error, ErrorKind};
    use crate::vendor::Vendor;

    /// The span of one delivery, entered until [`Delivery::accepted`] or
    /// [`Delivery::rejected`].
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

        fn record_duration(&self) {
            let elapsed = u64::try_from(self.start.elapsed().as_micros()).unwrap_or(u64::MAX);
            self.span.record("duration_us", elapsed);
        }

        /// Records an accepted delivery: its vendor, its event's name (asked
        /// for only when traced) and which configured secret matched.
        pub(crate) fn accepted<'a>(
            self,
            vendor: Vendor,
            event: impl FnOnce() -> Cow<'a, str>,
            key_index: Option<usize>,
        ) {
            self.record_duration();
            let span = &self.span;
            span.record("vendor", tracing::field::display(vendor));
            span.record("event", tracing::field::display(event()));
            span.record("outcome", "accepted");
            span.record("status", 200u16);
            if let Some(index) = key_index {
                span.record("key_index", index);
            }
        }

        /// Records a refused delivery on the span and logs it.
        pub(crate) fn rejected(self, err: &Error) {
            self.record_duration();
            let span = &self.span;
            if let Some(vendor) = err.vendor() {
                span.record("vendor", tracing::field::display(vendor));
            }
            span.record("outcome", "rejected");
            span.record("error", err.kind().name());
            span.record("status", err.status().as_u16());
            log_rejection(err);
        }
    }

    /// Logs a refused delivery by kind; never the body.
    fn log_rejection(err: &Error) {
        let kind = err.kind().name();
        let status = err.status().as_u16();
        let loud = err.is_authentication() || err.status().is_server_error();
        match err.kind() {
            // The message may quote the body: only where it broke is logged.
            ErrorKind::MalformedPayload { path, line, column, .. } => {
                tracing::debug!(error = kind, status, path = %path, line, column, "webhook delivery rejected");
            }
            // An authentic delivery the model cannot read: an error, since an
            // event is at stake (the vendor retries the 503, or `on_unreadable`
            // takes it). Where only, as above.
            ErrorKind::Unreadable { path, line, column, .. } => {
                tracing::error!(
                    error = kind,
                    status,
                    path = %path,
                    line,
                    column,
                    "verified webhook delivery unreadable by this crate's model: answered 503 so that the vendor \
                     retries; register `on_unreadable` to keep it"
                );
            }
            _ if loud => tracing::warn!(error = kind, status, reason = %err, "webhook delivery rejected"),
            _ => tracing::debug!(error = kind, status, reason = %err, "webhook delivery rejected"),
        }
    }

    /// A `dangerous_*` setting is in force.
    /// The span of a multi-tenant receiver's work for one tenant (INFO
    /// level, field `tenant`: the tenant's id, never a credential), entered
    /// while the guard lives: the `delivery` span opens inside it. Held only
    /// around synchronous work, never across an `.await`.
    pub(crate) struct Tenant {
        _span: tracing::span::EnteredSpan,
    }

    pub(crate) fn tenant(tenant: &str) -> Tenant {
        Tenant {
            _span: tracing::info_span!("esign_webhooks::tenant", tenant = tenant).entered(),
        }
    }

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

    /// A callback returned an error or panicked.
    pub(crate) fn callback_failed(vendor: Vendor, handler: &dyn Display, panicked: bool, message: &str) {
        tracing::warn!(
            vendor = %vendor,
            handler = %handler,
            panicked,
            error = %message,
            "webhook callback failed"
        );
    }

    /// What the callbacks did with a delivery.
    pub(crate) fn callbacks_ran(vendor: Vendor, ran: usize, failures: usize, duplicate: bool, status: u16) {
        tracing::debug!(
            vendor = %vendor,
            ran,
            failures,
            duplicate,
            status,
            "webhook callbacks ran"
        );
    }
}

#[cfg(not(feature = "tracing"))]
mod disabled {
    use core::fmt::Display;
    use std::borrow::Cow;

    use crate::error::Error;
    use crate::vendor::Vendor;

    pub(crate) struct Delivery;

    impl Delivery {
        #[inline(always)]
        pub(crate) fn start() -> Delivery {
            Delivery
        }

        #[inline(always)]
        pub(crate) fn accepted<'a>(self, _: Vendor, _: impl FnOnce() -> Cow<'a, str>, _: Option<usize>) {}

        #[inline(always)]
        pub(crate) fn rejected(self, _: &Error) {}
    }

    #[inline(always)]
    pub(crate) fn dangerous(_: &'static str, _: Option<Vendor>) {}

    pub(crate) struct Tenant;

    #[inline(always)]
    pub(crate) fn tenant(_: &str) -> Tenant {
        Tenant
    }

    #[inline(always)]
    pub(crate) fn callback_failed(_: Vendor, _: &dyn Display, _: bool, _: &str) {}

    #[inline(always)]
    pub(crate) fn callbacks_ran(_: Vendor, _: usize, _: usize, _: bool, _: u16) {}
}
