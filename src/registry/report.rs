//! What [`Webhooks::handle`](crate::Webhooks::handle) tells you afterwards.

use core::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderValue, Response, StatusCode};

use crate::tenant_id::TenantId;
use crate::vendor::Vendor;

/// Identifies one registration; pass it to `revoke` to remove it.
///
/// An id names the registry that issued it as well as the registration, so
/// `revoke` on another `Handlers` (or `AsyncHandlers`) refuses it and removes
/// nothing, whatever the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HandlerId {
    /// The issuing registry, unique in the process.
    pub(crate) registry: u64,
    /// The registration's number within that registry, from 1.
    pub(crate) index: u64,
}

impl fmt::Display for HandlerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "handler#{}.{}", self.registry, self.index)
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
///
/// The error the callback returned is kept, not only its message:
/// [`error`](Failure::error) gives it back, to downcast to your own type.
///
/// ```
/// use esign_webhooks::{HandlerError, Handlers, Secret, Webhooks, constellation};
///
/// #[derive(Debug)]
/// struct DatabaseDown;
/// impl std::fmt::Display for DatabaseDown {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("database is down")
///     }
/// }
/// impl std::error::Error for DatabaseDown {}
///
/// let mut handlers = Handlers::new();
/// handlers.on_any(|_| Err(HandlerError::from(DatabaseDown)));
/// handlers.on_error(|failure| {
///     assert!(failure.error().is_some_and(|e| e.is::<DatabaseDown>()));
///     Ok(())
/// });
/// let webhooks = Webhooks::builder()
///     .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}"#;
/// let report = webhooks.handle(&handlers, body, &[("x-token", "t")])?;
/// let failure = &report.failures()[0];
/// assert!(failure.error().and_then(|e| e.downcast_ref::<DatabaseDown>()).is_some());
/// assert_eq!(failure.message, "database is down");
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Debug, Clone)]
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
    /// The error the callback returned (`None` for a panic). Shared, so a
    /// [`Report`] stays cheap to clone and `on_error` sees the same value.
    pub(crate) error: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Failure {
    /// The error the callback returned, to downcast
    /// (`failure.error()?.downcast_ref::<MyError>()`); `None` when it panicked.
    pub fn error(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        self.error.as_deref()
    }
}

/// Two failures are equal when they name the same registration, vendor,
/// message and kind; the error values themselves are not compared.
impl PartialEq for Failure {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.vendor == other.vendor
            && self.message == other.message
            && self.panicked == other.panicked
    }
}

impl Eq for Failure {}

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
    /// What the vendor requires on success (`Event::success_response`).
    pub(crate) success: SuccessAnswer,
    /// The tenant the delivery was for, when a multi-tenant receiver handled it.
    pub(crate) tenant: Option<TenantId>,
}

/// The vendor's required success answer, kept in a form that compares and
/// clones (an `http::Response` does neither).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct SuccessAnswer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl SuccessAnswer {
    /// An empty 200: every vendor's answer unless its plug-in says otherwise.
    fn empty() -> Self {
        SuccessAnswer {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Vec::new(),
        }
    }

    fn of(response: Response<Vec<u8>>) -> Self {
        let (parts, body) = response.into_parts();
        SuccessAnswer {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }

    fn to_response(&self) -> Response<Vec<u8>> {
        let mut response = Response::new(self.body.clone());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// Header names and the body's length only: Adobe's answer echoes its
/// client id, a credential.
impl fmt::Debug for SuccessAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuccessAnswer")
            .field("status", &self.status)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body_len", &self.body.len())
            .finish()
    }
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
            success: SuccessAnswer::empty(),
            tenant: None,
        }
    }

    /// The report, for `tenant`'s delivery.
    pub(crate) fn for_tenant(mut self, tenant: Option<&TenantId>) -> Self {
        self.tenant = tenant.cloned();
        self
    }

    /// The tenant the delivery was for, when a multi-tenant receiver
    /// ([`tenant::Tenants`](crate::tenant::Tenants)) handled it; `None` for a
    /// single [`Webhooks`](crate::Webhooks). An id, never a secret.
    pub fn tenant(&self) -> Option<&TenantId> {
        self.tenant.as_ref()
    }

    /// The report answering, on success, with `success` (the event's
    /// `success_response`, computed before the event went to callbacks).
    pub(crate) fn answering(mut self, success: Response<Vec<u8>>) -> Self {
        self.success = SuccessAnswer::of(success);
        self
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
    /// as `Retry-After`). `500` when a callback failed, so the vendor retries,
    /// except for vendors whose delivery cannot be verified again on a retry
    /// (the vendor's plug-in says so): Ignisign's single-use token is spent,
    /// so Ignisign gets `200`, as its own SDK answers, and the failure is
    /// yours to recover from the [`Report`].
    pub fn status(&self) -> StatusCode {
        if self.in_flight.is_some() {
            StatusCode::SERVICE_UNAVAILABLE
        } else if self.failures.is_empty() || !crate::dispatch::retries_on_failure(self.vendor) {
            StatusCode::OK
        } else {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

impl Report {
    /// The whole answer the vendor requires: status, headers and body.
    ///
    /// * Every callback succeeded, nothing matched, or the delivery was a
    ///   [duplicate](Report::is_duplicate): the vendor's success answer
    ///   (Dropbox Sign's `Hello API Event Received`, Adobe Acrobat Sign's
    ///   client-id echo in `X-AdobeSign-ClientId` and in JSON, eSignGlobal's
    ///   JSON; an empty 200 for the others), the very answer of
    ///   [`Event::success_response`](crate::Event::success_response).
    /// * A copy [in flight](Report::is_in_flight): 503 with `Retry-After`
    ///   (the [lease](Report::retry_after) in whole seconds, rounded up).
    /// * A callback failed: [`status`](Report::status) (500, so the vendor
    ///   retries; the success answer for a vendor that cannot retry, Ignisign)
    ///   with its canonical reason phrase as the only body, never the
    ///   failure's message.
    ///
    /// The success answer is the event's, computed by `handle*` before the
    /// callbacks run; a report of [`Handlers::handle_event`](crate::Handlers::handle_event)
    /// (an event with no request) carries an empty 200.
    ///
    /// Every entry point answers with it: send it as it is, or return the
    /// [`Report`] itself from an axum or actix-web handler (features `axum`,
    /// `actix`); `integrations::tower::HandlersService` (feature `tower`) does.
    ///
    /// ```
    /// use esign_webhooks::testing::Signer;
    /// use esign_webhooks::{Handlers, Webhooks, dropboxsign};
    ///
    /// let webhooks = Webhooks::builder().dropboxsign(dropboxsign::Verifier::new("api-key")).build()?;
    /// let mut handlers = Handlers::new();
    /// handlers.on_any(|_| Ok(()));
    /// let json = br#"{"event":{"event_time":"1700000000","event_type":"callback_test","event_hash":""}}"#;
    /// let request = Signer::dropboxsign("api-key").multipart(json);
    /// let report = webhooks.handle(&handlers, &request.body, &request.headers)?;
    /// let response = report.response();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.body().as_slice(), b"Hello API Event Received");
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn response(&self) -> Response<Vec<u8>> {
        let status = self.status();
        if status.is_success() {
            return self.success.to_response();
        }
        let mut response = crate::error::reason_response(status);
        if let Some(lease) = self.in_flight {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, HeaderValue::from(retry_after_seconds(lease)));
        }
        response
    }
}

/// `lease` in whole seconds, rounded up (a `Retry-After` of 0 would invite
/// an immediate retry that still finds the claim held).
fn retry_after_seconds(lease: Duration) -> u64 {
    let whole = lease.as_secs();
    if lease.subsec_nanos() > 0 {
        whole.saturating_add(1)
    } else {
        whole.max(1)
    }
}
