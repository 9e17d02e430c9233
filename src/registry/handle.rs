//! `Webhooks::handle` and `handle_async`: verify, deduplicate, confirm, run the callbacks.

use std::sync::Arc;

use super::gate::{self, Gate, Staged};
use crate::dispatch::Webhooks;
use crate::headers::{Headers, Incoming};
use crate::registry::{AsyncHandlers, Handlers, Report};
use crate::trace;
use crate::{Error, Event};

impl Webhooks {
    /// Verifies a request, confirms an Ignisign token if needed, and runs
    /// every matching blocking callback ([`Handlers`]).
    ///
    /// A request that fails verification is an `Err` and runs no callback.
    /// Callback failures do not make this fail: they are in the [`Report`],
    /// whose [`status`](Report::status) says what to answer. With a
    /// [`Deduplicator`](crate::dedup::Deduplicator)
    /// ([`Handlers::deduplicate_with`]), a copy of a delivery already handled
    /// runs nothing and is reported ([`Report::is_duplicate`]).
    pub fn handle<H: Headers + ?Sized>(&self, handlers: &Handlers, body: &[u8], headers: &H) -> Result<Report, Error> {
        self.handle_incoming(handlers, &Incoming::new(body, headers))
    }

    /// Like [`handle`](Webhooks::handle), for a request that may carry a query string.
    pub fn handle_incoming<H: Headers + ?Sized>(
        &self,
        handlers: &Handlers,
        incoming: &Incoming<'_, H>,
    ) -> Result<Report, Error> {
        let staged = Staged::new(self.dispatch_incoming(incoming)?);
        // A panic from here on unwinds through the attempt, which releases its claim.
        let claim = match gate::enter(handlers.deduplicator(), &staged)? {
            Gate::Answer(report) => return Ok(report),
            Gate::Run(claim) => claim,
        };
        let outcome = staged
            .confirm_blocking(handlers.confirmers())
            .map(|event| handlers.handle_event(event));
        let report = gate::settle(claim, outcome);
        trace::handled(&report);
        report
    }

    /// Verifies a request, confirms an Ignisign token through the
    /// configured transport, then runs every matching async callback
    /// ([`AsyncHandlers`]) one after another.
    ///
    /// The request is verified and parsed before the first `.await`, so the
    /// body and headers are not held across it.
    pub async fn handle_async<H: Headers + ?Sized>(
        &self,
        handlers: &AsyncHandlers,
        body: &[u8],
        headers: &H,
    ) -> Result<Report, Error> {
        let event = self.dispatch(body, headers);
        run_async(handlers, event).await
    }

    /// Like [`handle_async`](Webhooks::handle_async), for a request that may carry a query string.
    pub async fn handle_incoming_async<H: Headers + ?Sized>(
        &self,
        handlers: &AsyncHandlers,
        incoming: &Incoming<'_, H>,
    ) -> Result<Report, Error> {
        let event = self.dispatch_incoming(incoming);
        run_async(handlers, event).await
    }
}

async fn run_async(handlers: &AsyncHandlers, event: Result<Event, Error>) -> Result<Report, Error> {
    let staged = Staged::new(event?);
    // Dropped before it is settled (this future was dropped), the attempt releases its claim.
    let claim = match gate::enter_async(handlers.deduplicator(), &staged).await? {
        Gate::Answer(report) => return Ok(report),
        Gate::Run(claim) => claim,
    };
    let outcome = staged.confirm_async(handlers.confirmers()).await;
    let outcome = match outcome {
        Ok(event) => Ok(handlers.registry_run(Arc::new(event)).await),
        Err(err) => Err(err),
    };
    let report = gate::settle_async(claim, outcome).await;
    trace::handled(&report);
    report
}
