//! The registry behind [`Handlers`](super::Handlers) and
//! [`AsyncHandlers`](super::AsyncHandlers): ordered entries, each a closure
//! that decides whether it matches an event and, if so, runs the callback.
//!
//! A registration is type-erased into one closure that both matches and
//! calls, so the typed content a callback receives is chosen by the code
//! that registered it, never by a cast at dispatch time.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use std::sync::OnceLock;

use super::lifecycle::LifecycleEvent;
use super::{ConfirmedEvent, DeliveryContext, Failure, HandlerError, HandlerId, Report, Unhandled, UnhandledEvent};

pub(crate) type BoxFuture = Pin<Box<dyn Future<Output = Result<(), HandlerError>> + Send + 'static>>;

/// Everything a registration may look at, built once per event.
pub(crate) struct Dispatch<'a> {
    pub(crate) event: &'a Arc<ConfirmedEvent>,
    /// A vendor's own view of the event (Ignisign's typed callback
    /// parameters), built by the first registration that asks for it.
    view: &'a OnceLock<Box<dyn Any + Send + Sync>>,
    pub(crate) lifecycle: Option<&'a LifecycleEvent>,
    pub(crate) unhandled: Option<&'a UnhandledEvent>,
    pub(crate) failure: Option<&'a Failure>,
    /// What the context-taking registrations receive (the tenant).
    pub(crate) context: &'a DeliveryContext,
}

impl<'a> Dispatch<'a> {
    /// The vendor's view of the event, built once per event by `make` (the
    /// first registration that asks builds it; the others borrow it).
    pub(crate) fn view<T: Any + Send + Sync>(&self, make: impl FnOnce(&ConfirmedEvent) -> Option<T>) -> Option<&'a T> {
        let view: &'a OnceLock<Box<dyn Any + Send + Sync>> = self.view;
        view.get_or_init(|| Box::new(make(self.event)))
            .downcast_ref::<Option<T>>()?
            .as_ref()
    }
}

pub(crate) type BlockingCall = Box<dyn for<'a> Fn(&Dispatch<'a>) -> Option<Result<(), HandlerError>> + Send + Sync>;
pub(crate) type AsyncCall = Box<dyn for<'a> Fn(&Dispatch<'a>) -> Option<BoxFuture> + Send + Sync>;

pub(crate) enum Call {
    Blocking(BlockingCall),
    Async(AsyncCall),
}

/// When an entry runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A registration for specific events (vendor registrars, `on_lifecycle`).
    Specific,
    /// `on_any`: every event, in registration order with the specific ones.
    Any,
    /// `on_unhandled`: after the others, when no specific entry matched.
    Unhandled,
    /// `on_error`: once per failure, after everything else.
    Error,
}

struct Entry {
    id: HandlerId,
    slot: Slot,
    call: Call,
}

/// Registrations, in registration order.
pub(crate) struct Registry {
    entries: Vec<Entry>,
    /// This registry's id, from [`NEXT_REGISTRY`]: stamped on every
    /// [`HandlerId`] it issues, so an id from another registry is refused.
    registry: u64,
    next_id: u64,
    /// The confirmation of each vendor that needs one (Ignisign's token).
    pub(crate) confirmers: super::confirm::Confirmers,
    /// The `on_unreadable` callback, with its id: at most one, since a
    /// delivery the model cannot read has no kind to choose among several by.
    pub(crate) unreadable: Option<(HandlerId, super::unreadable::UnreadableCall)>,
}

/// The id of the next registry created in this process.
static NEXT_REGISTRY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Default for Registry {
    fn default() -> Self {
        Registry {
            entries: Vec::new(),
            // Only uniqueness matters, not ordering with other memory.
            registry: NEXT_REGISTRY.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            next_id: 0,
            confirmers: Default::default(),
            unreadable: None,
        }
    }
}

impl core::fmt::Debug for Registry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Registry")
            .field("registrations", &self.entries.len())
            .field("confirmations", &self.confirmers)
            .finish()
    }
}

impl Registry {
    fn next_id(&mut self) -> HandlerId {
        self.next_id += 1;
        HandlerId {
            registry: self.registry,
            index: self.next_id,
        }
    }

    pub(crate) fn push(&mut self, slot: Slot, call: Call) -> HandlerId {
        let id = self.next_id();
        self.entries.push(Entry { id, slot, call });
        id
    }

    /// Registers the `on_unreadable` callback, replacing an earlier one.
    pub(crate) fn set_unreadable(&mut self, call: super::unreadable::UnreadableCall) -> HandlerId {
        let id = self.next_id();
        self.unreadable = Some((id, call));
        id
    }

    pub(crate) fn revoke(&mut self, id: HandlerId) -> bool {
        if id.registry != self.registry {
            return false;
        }
        if self.unreadable.as_ref().is_some_and(|(own, _)| *own == id) {
            self.unreadable = None;
            return true;
        }
        let before = self.entries.len();
        self.entries.retain(|entry| entry.id != id);
        self.entries.len() != before
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len() + usize::from(self.unreadable.is_some())
    }

    pub(crate) fn ids(&self) -> Vec<HandlerId> {
        let mut ids: Vec<HandlerId> = self.entries.iter().map(|entry| entry.id).collect();
        ids.extend(self.unreadable.as_ref().map(|(id, _)| *id));
        ids.sort_by_key(|id| id.index);
        ids
    }

    fn slot(&self, slots: &'static [Slot]) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |entry| slots.contains(&entry.slot))
    }

    /// Runs the blocking callbacks for one event.
    pub(crate) fn run_blocking(&self, event: Arc<ConfirmedEvent>, context: DeliveryContext) -> Report {
        let prepared = Prepared::new(event, context);
        let mut run = Run::new(&prepared.event, &prepared.context);
        let main = prepared.dispatch(None, None);
        for entry in self.slot(&[Slot::Specific, Slot::Any]) {
            run.record(entry, call_blocking(entry, &main));
        }
        if let Some(unhandled) = run.unhandled(&prepared.event) {
            let dispatch = prepared.dispatch(Some(&unhandled), None);
            for entry in self.slot(&[Slot::Unhandled]) {
                run.record(entry, call_blocking(entry, &dispatch));
            }
        }
        for failure in run.report.failures.clone() {
            let dispatch = prepared.dispatch(None, Some(&failure));
            for entry in self.slot(&[Slot::Error]) {
                run.record(entry, call_blocking(entry, &dispatch));
            }
        }
        run.report
    }

    /// Runs the async callbacks for one event, one after another.
    pub(crate) async fn run_async(&self, event: Arc<ConfirmedEvent>, context: DeliveryContext) -> Report {
        let prepared = Prepared::new(event, context);
        let mut run = Run::new(&prepared.event, &prepared.context);
        let main = prepared.dispatch(None, None);
        for entry in self.slot(&[Slot::Specific, Slot::Any]) {
            run.record(entry, call_async(entry, &main).await);
        }
        if let Some(unhandled) = run.unhandled(&prepared.event) {
            let dispatch = prepared.dispatch(Some(&unhandled), None);
            for entry in self.slot(&[Slot::Unhandled]) {
                run.record(entry, call_async(entry, &dispatch).await);
            }
        }
        for failure in run.report.failures.clone() {
            let dispatch = prepared.dispatch(None, Some(&failure));
            for entry in self.slot(&[Slot::Error]) {
                run.record(entry, call_async(entry, &dispatch).await);
            }
        }
        run.report
    }
}

/// `None`: the entry did not match. `Some(Err(_))`: it failed. The outer
/// `Err` carries a panic.
type Outcome = Result<Option<Result<(), HandlerError>>, Box<dyn Any + Send>>;

fn call_blocking(entry: &Entry, dispatch: &Dispatch<'_>) -> Outcome {
    let Call::Blocking(call) = &entry.call else {
        return Ok(None);
    };
    catch_unwind(AssertUnwindSafe(|| call(dispatch)))
}

async fn call_async(entry: &Entry, dispatch: &Dispatch<'_>) -> Outcome {
    let Call::Async(call) = &entry.call else {
        return Ok(None);
    };
    let future = match catch_unwind(AssertUnwindSafe(|| call(dispatch))) {
        Ok(Some(future)) => future,
        Ok(None) => return Ok(None),
        Err(panic) => return Err(panic),
    };
    CatchUnwind(future).await.map(Some)
}

/// The per-event views, computed once and shared by every entry.
struct Prepared {
    event: Arc<ConfirmedEvent>,
    view: OnceLock<Box<dyn Any + Send + Sync>>,
    lifecycle: Option<LifecycleEvent>,
    context: DeliveryContext,
}

impl Prepared {
    fn new(event: Arc<ConfirmedEvent>, context: DeliveryContext) -> Self {
        Prepared {
            view: OnceLock::new(),
            lifecycle: LifecycleEvent::of(&event),
            event,
            context,
        }
    }

    fn dispatch<'a>(&'a self, unhandled: Option<&'a UnhandledEvent>, failure: Option<&'a Failure>) -> Dispatch<'a> {
        Dispatch {
            event: &self.event,
            view: &self.view,
            lifecycle: self.lifecycle.as_ref(),
            unhandled,
            failure,
            context: &self.context,
        }
    }
}

/// The report being built, and whether a specific entry matched.
struct Run {
    report: Report,
    handled: bool,
}

impl Run {
    fn new(event: &ConfirmedEvent, context: &DeliveryContext) -> Self {
        Run {
            report: Report::new(event.vendor()).for_tenant(context.tenant()),
            handled: false,
        }
    }

    /// When no specific entry matched: records why, and builds what `on_unhandled` receives.
    fn unhandled(&mut self, event: &Arc<ConfirmedEvent>) -> Option<UnhandledEvent> {
        if self.handled {
            return None;
        }
        let reason = if event.is_unknown() {
            Unhandled::UnknownEvent
        } else {
            Unhandled::NoHandler
        };
        self.report.unhandled = Some(reason);
        Some(UnhandledEvent {
            event: Arc::clone(event),
            reason,
        })
    }

    fn record(&mut self, entry: &Entry, outcome: Outcome) {
        let failure = |message: String, error: Option<HandlerError>| Failure {
            id: entry.id,
            vendor: self.report.vendor,
            message,
            panicked: error.is_none(),
            error: error.map(|error| Arc::from(error.into_inner())),
        };
        match outcome {
            Ok(None) => return,
            Ok(Some(Ok(()))) => {}
            Ok(Some(Err(error))) => self.report.failures.push(failure(error.to_string(), Some(error))),
            Err(panic) => self.report.failures.push(failure(panic_message(panic.as_ref()), None)),
        }
        self.report.ran.push(entry.id);
        if entry.slot == Slot::Specific {
            self.handled = true;
        }
    }
}

pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a callback panicked".to_owned()
    }
}

/// Polls a future, turning a panic into an error instead of unwinding
/// through the caller's task.
pub(crate) struct CatchUnwind<F>(pub(crate) F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = &mut self.0;
        match catch_unwind(AssertUnwindSafe(|| Pin::new(&mut *future).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Pins down a matcher closure's signature: it borrows its result from the
/// event's views, not from the `Dispatch` itself.
pub(crate) fn matcher<P, M>(m: M) -> M
where
    P: ?Sized,
    M: for<'a, 'b> Fn(&'b Dispatch<'a>) -> Option<&'a P> + Send + Sync + 'static,
{
    m
}

/// A blocking registration: match, then call with a borrow.
pub(crate) fn blocking<P, M, F>(matcher: M, callback: F) -> Call
where
    P: ?Sized,
    M: for<'a, 'b> Fn(&'b Dispatch<'a>) -> Option<&'a P> + Send + Sync + 'static,
    F: Fn(&P) -> Result<(), HandlerError> + Send + Sync + 'static,
{
    Call::Blocking(Box::new(move |dispatch| matcher(dispatch).map(&callback)))
}

/// An async registration: match, then call with an owned copy, since the
/// future may outlive the borrow.
pub(crate) fn asynchronous<P, M, F, Fut>(matcher: M, callback: F) -> Call
where
    P: Clone + Send + 'static,
    M: for<'a, 'b> Fn(&'b Dispatch<'a>) -> Option<&'a P> + Send + Sync + 'static,
    F: Fn(P) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), HandlerError>> + Send + 'static,
{
    Call::Async(Box::new(move |dispatch| {
        matcher(dispatch).map(|params| Box::pin(callback(params.clone())) as BoxFuture)
    }))
}
