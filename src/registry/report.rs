//! What [`Webhooks::handle`](crate::Webhooks::handle) tells you afterwards.

use core::fmt;

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
}

impl Report {
    pub(crate) fn new(vendor: Vendor) -> Self {
        Report {
            vendor,
            ran: Vec::new(),
            failures: Vec::new(),
            unhandled: None,
            duplicate: false,
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

    /// `true` when the delivery was a duplicate of one already handled (or
    /// being handled), so no callback ran and [`ran`](Report::ran) is empty.
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

    /// `true` when at least one specific callback matched the event.
    pub fn is_handled(&self) -> bool {
        self.unhandled.is_none()
    }

    /// The HTTP status to answer.
    ///
    /// `200 OK` when every callback succeeded, nothing matched (an event you
    /// do not handle is not the vendor's fault) or the delivery was a duplicate. `500` when a callback failed,
    /// so the vendor retries, except for vendors whose delivery cannot be
    /// verified again on a retry (the vendor's plug-in says so): Ignisign's
    /// single-use token is spent, so Ignisign gets `200`, as its own SDK
    /// answers, and the failure is yours to recover from the [`Report`].
    pub fn status(&self) -> StatusCode {
        if self.failures.is_empty() || !crate::dispatch::retries_on_failure(self.vendor) {
            StatusCode::OK
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}
