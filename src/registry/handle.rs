//! Every `Webhooks::handle*` entry point (from body and headers, an
//! [`Incoming`], an `http` request or its parts; blocking or async): verify,
//! deduplicate, confirm, run the callbacks. They live here, in the registry,
//! so that dispatch below never names the registry.

use std::sync::Arc;

use http::request::Parts;

use super::gate::{self, Gate, Staged};
use super::unreadable;
use std::future::Future;
use std::task::Poll;

use crate::dedup::AsyncAttempt;
use crate::dispatch::Webhooks;
use crate::dispatch::{Event, VerifiedBody};
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::registry::{AsyncHandlers, DeliveryContext, Handlers, Report};
use crate::tenant_id::TenantId;
use crate::trace;

impl Webhooks {
    /// Verifies a request, confirms an Ignisign token if needed, and runs
    /// every matching blocking callback ([`Handlers`]).
    ///
    /// A request that fails verification is an `Err` and runs no callback.
    /// Callback failures do not make this fail: they are in the [`Report`],
    /// whose [`response`](Report::response) is the whole answer the vendor
    /// requires (and [`Error::response`] the answer to an `Err`). With a
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
        self.handle_incoming_for(handlers, incoming, None)
    }

    /// [`handle_incoming`](Webhooks::handle_incoming) for `tenant`'s delivery
    /// (multi-tenant receivers): its dedup key in the tenant's namespace, the
    /// tenant in the report and in the callbacks' context.
    pub(crate) fn handle_incoming_for<H: Headers + ?Sized>(
        &self,
        handlers: &Handlers,
        incoming: &Incoming<'_, H>,
        tenant: Option<&TenantId>,
    ) -> Result<Report, Error> {
        let event = match self.dispatch_incoming(incoming) {
            Ok(event) => event,
            Err(err) => return traced(unreadable::handle_blocking(handlers, incoming.body(), err, tenant)),
        };
        // The answer is computed now: the event itself goes to the callbacks.
        let success = event.success_response();
        let staged = Staged::new(event, tenant);
        // A panic from here on unwinds through the attempt, which releases its claim.
        let claim = match gate::enter(handlers.deduplicator(), &staged)? {
            Gate::Answer(report) => return Ok((*report).answering(success).for_tenant(tenant)),
            Gate::Run(claim) => claim,
        };
        let context = DeliveryContext::new(tenant.cloned());
        let outcome = staged
            .confirm_blocking(handlers.confirmers())
            .map(|event| handlers.handle_event_with_context(event, context).answering(success));
        traced(gate::settle(claim, outcome))
    }

    /// Verifies a request, confirms an Ignisign token through the
    /// configured transport, then runs every matching async callback
    /// ([`AsyncHandlers`]) one after another.
    ///
    /// The request is verified and parsed before the first `.await`, so the
    /// body and headers are not held across it. Answer with
    /// [`Report::response`] (or [`Error::response`]).
    pub async fn handle_async<H: Headers + ?Sized>(
        &self,
        handlers: &AsyncHandlers,
        body: &[u8],
        headers: &H,
    ) -> Result<Report, Error> {
        let event = self.dispatch(body, headers);
        run_async(handlers, body, event, None).await
    }

    /// Like [`handle_async`](Webhooks::handle_async), for a request that may carry a query string.
    pub async fn handle_incoming_async<H: Headers + ?Sized>(
        &self,
        handlers: &AsyncHandlers,
        incoming: &Incoming<'_, H>,
    ) -> Result<Report, Error> {
        let event = self.dispatch_incoming(incoming);
        run_async(handlers, incoming.body(), event, None).await
    }

    /// Like [`handle`](Webhooks::handle), reading the URI's query string too.
    pub fn handle_request<B: AsRef<[u8]>>(
        &self,
        handlers: &Handlers,
        request: &http::Request<B>,
    ) -> Result<Report, Error> {
        self.handle_incoming(handlers, &Incoming::from_request(request))
    }

    /// Like [`handle`](Webhooks::handle), for a request split into its [`Parts`] and body.
    pub fn handle_parts(&self, handlers: &Handlers, parts: &Parts, body: &[u8]) -> Result<Report, Error> {
        self.handle_incoming(handlers, &Incoming::from_parts(parts, body))
    }

    /// Like [`handle_async`](Webhooks::handle_async), reading the URI's query string too.
    pub async fn handle_request_async<B: AsRef<[u8]>>(
        &self,
        handlers: &AsyncHandlers,
        request: &http::Request<B>,
    ) -> Result<Report, Error> {
        self.handle_incoming_async(handlers, &Incoming::from_request(request))
            .await
    }

    /// Like [`handle_async`](Webhooks::handle_async), for a request split
    /// into its [`Parts`] and body.
    pub async fn handle_parts_async(
        &self,
        handlers: &AsyncHandlers,
        parts: &Parts,
        body: &[u8],
    ) -> Result<Report, Error> {
        self.handle_incoming_async(handlers, &Incoming::from_parts(parts, body))
            .await
    }
}

/// Deduplicates, confirms and runs the async callbacks for a dispatched
/// request, `tenant`'s when a multi-tenant receiver handles it (see
/// [`Webhooks::handle_incoming_for`]).
pub(crate) async fn run_async(
    handlers: &AsyncHandlers,
    body: &[u8],
    event: Result<Event, Error>,
    tenant: Option<&TenantId>,
) -> Result<Report, Error> {
    run_beside(
        handlers,
        body,
        event,
        tenant,
        |_| Box::pin(std::future::pending()),
        None,
    )
    .await
}

/// What runs beside a delivery's callbacks, with the dedup claim (if any): boxed,
/// since it borrows the claim.
pub(crate) type Beside<'a> = std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// Runs a delivery verified earlier (an inbox worker's) as
/// [`Webhooks::handle_async`] runs a request's: deduplicated (in `tenant`'s
/// namespace, when the message names one), confirmed, callbacks,
/// `on_unreadable`. `beside` runs next to the callbacks with the dedup claim,
/// if any (to renew it), and is dropped when they finish.
#[cfg_attr(not(feature = "inbox"), allow(dead_code))]
pub(crate) async fn run_verified<B>(
    handlers: &AsyncHandlers,
    verified: &VerifiedBody<'_>,
    tenant: Option<&TenantId>,
    beside: B,
) -> Result<Report, Error>
where
    B: for<'a> FnOnce(Option<&'a AsyncAttempt>) -> Beside<'a>,
{
    // No vendor waits on a worker: a completion the store refused is tried
    // again for up to 10 s (a store restart), rather than left pending.
    let persist = Some((20, std::time::Duration::from_millis(500)));
    run_beside(
        handlers,
        verified.verified_part(),
        verified.parse(),
        tenant,
        beside,
        persist,
    )
    .await
}

async fn run_beside<B>(
    handlers: &AsyncHandlers,
    body: &[u8],
    event: Result<Event, Error>,
    tenant: Option<&TenantId>,
    beside: B,
    persist: Option<(u32, std::time::Duration)>,
) -> Result<Report, Error>
where
    B: for<'a> FnOnce(Option<&'a AsyncAttempt>) -> Beside<'a>,
{
    let event = match event {
        Ok(event) => event,
        Err(err) => return traced(unreadable::handle_async(handlers, body, err, tenant).await),
    };
    // The answer is computed now: the event itself goes to the callbacks.
    let success = event.success_response();
    let staged = Staged::new(event, tenant);
    // Dropped before it is settled (this future was dropped), the attempt releases its claim.
    let claim = match gate::enter_async(handlers.deduplicator(), &staged).await? {
        Gate::Answer(report) => return Ok((*report).answering(success).for_tenant(tenant)),
        Gate::Run(claim) => claim,
    };
    let context = DeliveryContext::new(tenant.cloned());
    let run = async {
        match staged.confirm_async(handlers.confirmers()).await {
            Ok(event) => Ok(handlers.registry_run(Arc::new(event), context).await.answering(success)),
            Err(err) => Err(err),
        }
    };
    let outcome = alongside(run, beside(claim.as_ref())).await;
    traced(match persist {
        None => gate::settle_async(claim, outcome).await,
        Some((tries, pause)) => gate::settle_persistently(claim, outcome, tries, pause).await,
    })
}

/// Polls `main` to completion with `side` polled beside it (until it ends, or `main` does).
pub(crate) async fn alongside<T>(main: impl Future<Output = T>, side: impl Future<Output = ()>) -> T {
    let mut main = std::pin::pin!(main);
    let mut side = std::pin::pin!(side);
    let mut side_done = false;
    std::future::poll_fn(|cx| {
        if let Poll::Ready(out) = main.as_mut().poll(cx) {
            return Poll::Ready(out);
        }
        if !side_done && side.as_mut().poll(cx).is_ready() {
            side_done = true;
        }
        Poll::Pending
    })
    .await
}

/// Logs what the callbacks did (feature `tracing`), handing `trace` the
/// fields it logs rather than the [`Report`].
fn traced(result: Result<Report, Error>) -> Result<Report, Error> {
    if let Ok(report) = &result {
        for failure in report.failures() {
            trace::callback_failed(failure.vendor, &failure.id, failure.panicked, &failure.message);
        }
        trace::callbacks_ran(
            report.vendor(),
            report.ran().len(),
            report.failures().len(),
            report.is_duplicate(),
            report.status().as_u16(),
        );
    }
    result
}

#[cfg(test)]
mod tests {
    use crate::testing::Signer;
    use crate::{Handlers, Secret, Webhooks, signplus};

    const SIGNPLUS: &[u8] = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");

    #[test]
    fn every_request_entry_point_carries_the_query_token() {
        let webhooks = Webhooks::builder()
            .signplus(signplus::Verifier::query_token("token", Secret::new("t0ken")))
            .build()
            .unwrap();
        let mut handlers = Handlers::new();
        let ran = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = ran.clone();
        handlers.on_any(move |_| {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        });
        let request = Signer::query_token("token", Secret::new("t0ken"))
            .sign(SIGNPLUS)
            .to_http_request("/webhooks");
        assert_eq!(webhooks.handle_request(&handlers, &request).unwrap().status(), 200);
        let (parts, body) = request.into_parts();
        assert_eq!(webhooks.handle_parts(&handlers, &parts, &body).unwrap().status(), 200);
        assert_eq!(ran.load(std::sync::atomic::Ordering::SeqCst), 2);

        // Without the token in the URI nothing runs: the request is refused.
        let bare = http::Request::post("/webhooks").body(SIGNPLUS).unwrap();
        assert!(webhooks.handle_request(&handlers, &bare).is_err());
        assert_eq!(ran.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
