//! Verified deliveries the typed model cannot read
//! ([`ErrorKind::Unreadable`](crate::ErrorKind::Unreadable)): handed to the
//! `on_unreadable` callback with their verified bytes, deduplicated by a key
//! computed from those bytes, so that no authentic event is lost to a model
//! that was too strict.

use std::fmt;
use std::sync::Arc;

use super::core::{BoxFuture, CatchUnwind, panic_message};
use super::gate::{self, Gate};
use super::{Failure, HandlerError, HandlerId, Report};
use crate::dedup::DedupKey;
use crate::error::{Error, ErrorKind};
use crate::registry::{AsyncHandlers, Handlers};
use crate::tenant_id::TenantId;
use crate::vendor::Vendor;

/// A verified delivery that this crate's model cannot read, as
/// [`Handlers::on_unreadable`] receives it: its vendor, its verified bytes
/// and why the model failed. Store the bytes and read them later (a newer
/// release, your own parse): the vendor is answered as for a delivery
/// handled, once the callback succeeds.
///
/// Its `Debug` shows the body's length, never its bytes.
#[derive(Clone)]
pub struct Unreadable {
    vendor: Vendor,
    body: Arc<[u8]>,
    error: Arc<Error>,
}

impl Unreadable {
    /// The vendor that sent (and signed) it.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The verified bytes: the whole body, or the part of it the vendor's proof
    /// covers (Dropbox Sign's `json` field).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Why the model could not read it ([`ErrorKind::Unreadable`]).
    pub fn error(&self) -> &Error {
        &self.error
    }
}

impl fmt::Debug for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unreadable")
            .field("vendor", &self.vendor)
            .field("body_len", &self.body.len())
            .field("error", &self.error)
            .finish()
    }
}

/// A blocking `on_unreadable` callback.
type BlockingUnreadable = Box<dyn Fn(&Unreadable) -> Result<(), HandlerError> + Send + Sync>;

/// An async `on_unreadable` callback, its future boxed.
type AsyncUnreadable = Box<dyn Fn(Unreadable) -> BoxFuture + Send + Sync>;

/// The registered `on_unreadable` callback.
pub(crate) enum UnreadableCall {
    Blocking(BlockingUnreadable),
    Async(AsyncUnreadable),
}

impl fmt::Debug for UnreadableCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UnreadableCall")
    }
}

/// The delivery `err` stands for, when it is an unreadable one and the
/// verified bytes are found in `body`.
fn unreadable(body: &[u8], err: Error) -> Result<Unreadable, Error> {
    let (ErrorKind::Unreadable { .. }, Some(vendor)) = (err.kind(), err.vendor()) else {
        return Err(err);
    };
    let range = err.verified_part().unwrap_or(0..body.len());
    let Some(part) = body.get(range) else {
        return Err(err);
    };
    Ok(Unreadable {
        vendor,
        body: Arc::from(part),
        error: Arc::new(err),
    })
}

/// `handle`'s answer to a failed dispatch: an unreadable delivery goes to
/// the `on_unreadable` callback when one is registered; any other error (or
/// no callback) is returned as it is.
pub(crate) fn handle_blocking(
    handlers: &Handlers,
    body: &[u8],
    err: Error,
    tenant: Option<&TenantId>,
) -> Result<Report, Error> {
    let Some((id, UnreadableCall::Blocking(call))) = handlers.unreadable_call() else {
        return Err(err);
    };
    let delivery = unreadable(body, err)?;
    let key = gate::namespaced(DedupKey::from_body(delivery.vendor, &delivery.body), tenant);
    let claim = match gate::enter_key(handlers.deduplicator(), &key)? {
        Gate::Answer(report) => return Ok((*report).for_tenant(tenant)),
        Gate::Run(claim) => claim,
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(&delivery)));
    gate::settle(claim, Ok(report(id, &delivery, outcome).for_tenant(tenant)))
}

/// [`handle_blocking`], for `handle_async`.
pub(crate) async fn handle_async(
    handlers: &AsyncHandlers,
    body: &[u8],
    err: Error,
    tenant: Option<&TenantId>,
) -> Result<Report, Error> {
    let Some((id, UnreadableCall::Async(call))) = handlers.unreadable_call() else {
        return Err(err);
    };
    let delivery = unreadable(body, err)?;
    let key = gate::namespaced(DedupKey::from_body(delivery.vendor, &delivery.body), tenant);
    let claim = match gate::enter_key_async(handlers.deduplicator(), &key).await? {
        Gate::Answer(report) => return Ok((*report).for_tenant(tenant)),
        Gate::Run(claim) => claim,
    };
    let outcome = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(delivery.clone()))) {
        Ok(future) => CatchUnwind(future).await,
        Err(panic) => Err(panic),
    };
    gate::settle_async(claim, Ok(report(id, &delivery, outcome).for_tenant(tenant))).await
}

/// The report of the `on_unreadable` callback's run: handled when it
/// succeeded (the vendor's success status), a failure otherwise (a retry).
fn report(
    id: HandlerId,
    delivery: &Unreadable,
    outcome: Result<Result<(), HandlerError>, Box<dyn std::any::Any + Send>>,
) -> Report {
    let mut report = Report::new(delivery.vendor);
    report.ran.push(id);
    let failure = |message: String, error: Option<HandlerError>| Failure {
        id,
        vendor: delivery.vendor,
        message,
        panicked: error.is_none(),
        error: error.map(|error| Arc::from(error.into_inner())),
    };
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => report.failures.push(failure(error.to_string(), Some(error))),
        Err(panic) => report.failures.push(failure(panic_message(panic.as_ref()), None)),
    }
    report
}
