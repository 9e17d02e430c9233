//! What [`Webhooks::handle`](crate::Webhooks::handle) tells you afterwards.

use core::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::Vendor;

/// Identifies one registration; pass it to `revoke` to remove it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HandlerId(pub(crate) u64);

impl fmt::Display for HandlerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "handler#{}", self.0)
    }
}

/// Why no specific callback handled an event (passed to `on_unhandled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unhandled {
    /// The crate knows this event, but no callback was registered for it.
    NoHandler,
    /// The event (or its action or status) is newer than this crate: it
    /// arrived as an `Unknown` value.
    UnknownEvent,
}

/// A callback that returned an error or panicked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Failure {
    /// The registration that failed.
    pub id: HandlerId,
    /// The vendor of the event being handled.
    pub vendor: Vendor,
    /// The error's message, or the panic's.
    pub message: String,
    /// `true` when the callback panicked rather than returned an error.
    pub panicked: bool,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.panicked { "panicked" } else { "failed" };
        write!(f, "{} {what} on a {} event: {}", self.id, self.vendor, self.message)
    }
}

/// The outcome of handling one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    pub(crate) vendor: Vendor,
    pub(crate) ran: Vec<HandlerId>,
    pub(crate) failures: Vec<Failure>,
    pub(crate) unhandled: Option<Unhandled>,
    pub(crate) duplicate: bool,
    /// `Some(lease)` when a copy of this delivery was in flight.
    pub(crate) in_flight: Option<Duration>,
}

impl Report {
    pub(crate) fn new(vendor: Vendor) -> Self {
        Report {
            vendor,
            ran: Vec::new(),
            failures: Vec::new(),
            unhandled: None,
            duplicate: false,
            in_flight: None,
        }
    }

    /// The vendor of the event.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// Every callback that ran, in order (fallbacks included), failed ones too.
    pub fn ran(&self) -> &[HandlerId] {
        &self.ran
    }

    /// The callbacks that returned an error or panicked.
    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    /// `Some` when no specific callback (only `on_any` or fallbacks) matched.
    pub fn unhandled(&self) -> Option<Unhandled> {
        self.unhandled
    }

    /// `true` when the delivery was a duplicate of one already handled
    /// successfully, so no callback ran and [`ran`](Report::ran) is empty.
    /// Only with a [`Deduplicator`](crate::dedup::Deduplicator), see
    /// [`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with).
    pub fn is_duplicate(&self) -> bool {
        self.duplicate
    }

    /// The report of a duplicate: nothing ran.
    pub(crate) fn duplicate(vendor: Vendor) -> Self {
        Report {
            duplicate: true,
            ..Report::new(vendor)
        }
    }

    /// The report of a copy of a delivery another attempt is handling: nothing ran.
    pub(crate) fn in_flight(vendor: Vendor, lease: Duration) -> Self {
        Report {
            in_flight: Some(lease),
            ..Report::new(vendor)
        }
    }

    /// `true` when another attempt at this delivery holds its claim (it is
    /// being handled, and may still fail), so no callback ran: the
    /// [`status`](Report::status) is 503, and the vendor retries. Only with a
    /// deduplicator (see [`dedup`](crate::dedup)).
    pub fn is_in_flight(&self) -> bool {
        self.in_flight.is_some()
    }

    /// For a copy [in flight](Report::is_in_flight): how long the vendor should
    /// wait before retrying (the claim's lease), for a `Retry-After` header
    /// in whole seconds, rounded up. `None` otherwise.
    pub fn retry_after(&self) -> Option<Duration> {
        self.in_flight
    }

    /// `true` when at least one specific callback matched the event.
    pub fn is_handled(&self) -> bool {
        self.unhandled.is_none()
    }

    /// The HTTP status to answer.
    ///
    /// `200 OK` when every callback succeeded, nothing matched (an event you
    /// do not handle is not the vendor's fault) or the delivery was a duplicate
    /// of one handled successfully. `503 Service Unavailable` when a copy was
    /// [in flight](Report::is_in_flight) (send [`retry_after`](Report::retry_after)
    /// as `Retry-After`). `500` when a callback failed,
    /// so the vendor retries, except for Ignisign, whose single-use token
    /// cannot be verified again on a retry: Ignisign gets `200`, as its own SDK
    /// answers, and the failure is yours to recover from the [`Report`].
    pub fn status(&self) -> StatusCode {
        if self.in_flight.is_some() {
            StatusCode::SERVICE_UNAVAILABLE
        } else if self.failures.is_empty() || self.vendor == Vendor::Ignisign {
            StatusCode::OK
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}
