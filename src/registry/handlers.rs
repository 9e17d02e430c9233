//! [`Handlers`] and [`AsyncHandlers`]: where callbacks are registered.

use std::sync::Arc;

use super::confirm::Confirmers;
use super::core::{Registry, Slot, matcher};
use super::lifecycle::LifecycleEvent;
use super::methods::registration_methods;
use super::registrars::VendorHandlers;
use super::unreadable::{Unreadable, UnreadableCall};
use super::{
    Async, Blocking, ConfirmedEvent, DeliveryContext, Failure, Filter, HandlerError, HandlerId, Report, UnhandledEvent,
};
use crate::dedup::{AsyncDeduplicator, Deduplicator};
use crate::lifecycle::Lifecycle;

/// Blocking callbacks, registered per vendor event or lifecycle step, run by
/// [`Webhooks::handle`](crate::Webhooks::handle).
///
/// ```
/// use esign_webhooks::{Handlers, Lifecycle, Secret, Webhooks, constellation, signplus};
///
/// let mut handlers = Handlers::new();
/// handlers.signplus().on(signplus::EventKind::EnvelopeCompleted, |event| {
///     println!("envelope {} completed", event.envelope_id().unwrap_or("?"));
///     Ok(())
/// });
/// let id = handlers.on_lifecycle(Lifecycle::Completed, |e| {
///     println!("{} completed {:?}", e.vendor, e.envelope_id);
///     Ok(())
/// });
/// handlers.revoke(id);
///
/// let webhooks = Webhooks::builder()
///     .signplus(signplus::Verifier::header_token("x-token", Secret::new("t")))
///     .build()?;
/// let body = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
/// let report = webhooks.handle(&handlers, body, &[("x-token", "t")])?;
/// assert_eq!(report.ran().len(), 1);
/// assert_eq!(report.status(), http::StatusCode::OK);
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
///
/// # Rules
///
/// * Every matching callback runs, in registration order, one after another.
/// * A callback returns `Result<(), HandlerError>`; an error or a panic is
///   collected in the [`Report`] and does not stop the others.
/// * [`on_any`](Handlers::on_any) runs for every event, in order with the
///   others; [`on_unhandled`](Handlers::on_unhandled) runs when no specific
///   callback matched; [`on_error`](Handlers::on_error) runs once per failure.
/// * Registering needs `&mut Handlers`: build them at start-up, then share
///   them (`Arc<Handlers>`, `Send + Sync`) with every request. To register
///   while serving, put them behind an `RwLock`: a registration then waits for
///   the deliveries being handled.
/// * Deliveries of vendors with a confirmation phase (Ignisign's token) are
///   refused unless it is registered on the vendor's registrar
///   (`handlers.ignisign().confirm_with(..)`) or skipped by name
///   (`dangerous_skip_confirmation()`).
#[derive(Debug)]
pub struct Handlers {
    registry: Registry,
    dedup: Option<Deduplicator>,
}

/// Async callbacks (`|p| async move { … }`), run one after another and
/// awaited by [`Webhooks::handle_async`](crate::Webhooks::handle_async).
///
/// The same registrations and rules as [`Handlers`]; callbacks receive their
/// argument by value (a clone), since their future may outlive the borrow.
/// No async runtime is required by the crate.
///
/// ```
/// use esign_webhooks::{AsyncHandlers, constellation};
///
/// let mut handlers = AsyncHandlers::new();
/// handlers.constellation().on_session_status(constellation::SessionStatus::Completed, |data| async move {
///     println!("session {} completed", data.signing_session_id);
///     Ok(())
/// });
/// ```
#[derive(Debug)]
pub struct AsyncHandlers {
    registry: Registry,
    dedup: Option<AsyncDeduplicator>,
}

impl Default for Handlers {
    fn default() -> Self {
        Handlers::new()
    }
}

impl Default for AsyncHandlers {
    fn default() -> Self {
        AsyncHandlers::new()
    }
}

/// The methods both kinds share, apart from the callbacks' signatures.
macro_rules! common_methods {
    ($ty:ident, $mode:ident) => {
        impl $ty {
            /// No registrations; deliveries needing confirmation (Ignisign) refused until it is registered.
            pub fn new() -> Self {
                $ty {
                    registry: Registry::default(),
                    dedup: None,
                }
            }

            /// The registered confirmations (Ignisign's token check, …).
            pub(crate) fn confirmers(&self) -> &Confirmers {
                &self.registry.confirmers
            }

            /// Removes a registration. Returns `false` (and does nothing) for an
            /// unknown or already revoked id, or one another registry issued.
            pub fn revoke(&mut self, id: HandlerId) -> bool {
                self.registry.revoke(id)
            }

            /// The ids of every registration, in registration order.
            pub fn registrations(&self) -> Vec<HandlerId> {
                self.registry.ids()
            }

            /// The number of registrations.
            pub fn len(&self) -> usize {
                self.registry.len()
            }

            /// `true` when nothing is registered.
            pub fn is_empty(&self) -> bool {
                self.registry.len() == 0
            }
        }
    };
}

common_methods!(Handlers, Blocking);
common_methods!(AsyncHandlers, Async);

impl Handlers {
    /// Runs the callbacks once per event: `handle` skips a delivery whose
    /// [`DedupKey`](crate::dedup::DedupKey) was handled successfully
    /// ([`Report::is_duplicate`], status 200) and a copy of one being handled
    /// ([`Report::is_in_flight`], status 503). See [`dedup`](crate::dedup) for
    /// the claim lifecycle and the guarantee.
    pub fn deduplicate_with(&mut self, deduplicator: Deduplicator) -> &mut Self {
        self.dedup = Some(deduplicator);
        self
    }

    /// The deduplicator, when one is configured.
    pub fn deduplicator(&self) -> Option<&Deduplicator> {
        self.dedup.as_ref()
    }

    /// Runs the callbacks for an event you verified (and, where its vendor
    /// needs it, confirmed) yourself.
    pub fn handle_event(&self, event: ConfirmedEvent) -> Report {
        self.registry.run_blocking(Arc::new(event), DeliveryContext::default())
    }

    /// [`handle_event`](Handlers::handle_event) with the delivery's context
    /// (its tenant), which the report and the context-taking registrations get.
    pub fn handle_event_with_context(&self, event: ConfirmedEvent, context: DeliveryContext) -> Report {
        self.registry.run_blocking(Arc::new(event), context)
    }

    /// Every event, with its [`DeliveryContext`] (the tenant a multi-tenant
    /// receiver handled it for): [`on_any`](Handlers::on_any) for callbacks
    /// that need to know whose delivery it is. Runs in registration order
    /// with the other callbacks; does not count as handling the event.
    ///
    /// ```
    /// use esign_webhooks::Handlers;
    ///
    /// let mut handlers = Handlers::new();
    /// handlers.on_any_with_context(|event, context| {
    ///     let tenant = context.tenant().map_or("-", |id| id.as_str());
    ///     println!("{} event for tenant {tenant}", event.vendor());
    ///     Ok(())
    /// });
    /// ```
    pub fn on_any_with_context<F>(&mut self, callback: F) -> HandlerId
    where
        F: Fn(&ConfirmedEvent, &DeliveryContext) -> Result<(), HandlerError> + Send + Sync + 'static,
    {
        let call = super::core::Call::Blocking(Box::new(move |dispatch| {
            Some(callback(dispatch.event, dispatch.context))
        }));
        self.registry.push(Slot::Any, call)
    }
}

impl AsyncHandlers {
    /// [`Handlers::deduplicate_with`] for `handle_async`, on an async store.
    pub fn deduplicate_with(&mut self, deduplicator: AsyncDeduplicator) -> &mut Self {
        self.dedup = Some(deduplicator);
        self
    }

    /// The deduplicator, when one is configured.
    pub fn deduplicator(&self) -> Option<&AsyncDeduplicator> {
        self.dedup.as_ref()
    }

    /// Runs the callbacks for an event you verified (and, where its vendor
    /// needs it, confirmed) yourself.
    pub async fn handle_event(&self, event: ConfirmedEvent) -> Report {
        self.registry_run(Arc::new(event), DeliveryContext::default()).await
    }

    /// [`handle_event`](AsyncHandlers::handle_event) with the delivery's
    /// context (its tenant), which the report and the context-taking
    /// registrations get.
    pub async fn handle_event_with_context(&self, event: ConfirmedEvent, context: DeliveryContext) -> Report {
        self.registry_run(Arc::new(event), context).await
    }

    /// [`Handlers::on_any_with_context`], for async callbacks: they receive
    /// the event (shared) and the context by value.
    ///
    /// ```
    /// use esign_webhooks::AsyncHandlers;
    ///
    /// let mut handlers = AsyncHandlers::new();
    /// handlers.on_any_with_context(|event, context| async move {
    ///     println!("{} event for {:?}", event.vendor(), context.tenant());
    ///     Ok(())
    /// });
    /// ```
    pub fn on_any_with_context<F, Fut>(&mut self, callback: F) -> HandlerId
    where
        F: Fn(Arc<ConfirmedEvent>, DeliveryContext) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        let call = super::core::Call::Async(Box::new(move |dispatch| {
            Some(Box::pin(callback(Arc::clone(dispatch.event), dispatch.context.clone())) as super::core::BoxFuture)
        }));
        self.registry.push(Slot::Any, call)
    }

    pub(crate) async fn registry_run(&self, event: Arc<ConfirmedEvent>, context: DeliveryContext) -> Report {
        self.registry.run_async(event, context).await
    }
}

impl Handlers {
    /// Registers the callback for verified deliveries that this crate's
    /// model cannot read ([`ErrorKind::Unreadable`](crate::ErrorKind::Unreadable)):
    /// the vendor's message, authentic, holding a value the typed model does
    /// not accept. It receives the vendor, the verified bytes and the error
    /// ([`Unreadable`]); store the bytes to read them later. When it
    /// succeeds, [`handle`](crate::Webhooks::handle) reports the delivery
    /// handled (its [`status`](Report::status) is 200) and, with a
    /// deduplicator, records it under a key computed from the verified bytes;
    /// when it fails, the report asks for a retry, as for any callback.
    ///
    /// Without it, `handle` returns the error, whose status (503) makes the
    /// vendor retry. One callback: a second registration replaces the first.
    /// [`revoke`](Handlers::revoke) removes it.
    pub fn on_unreadable<F>(&mut self, callback: F) -> HandlerId
    where
        F: Fn(&Unreadable) -> Result<(), HandlerError> + Send + Sync + 'static,
    {
        self.registry
            .set_unreadable(UnreadableCall::Blocking(Box::new(callback)))
    }

    pub(crate) fn unreadable_call(&self) -> Option<(HandlerId, &UnreadableCall)> {
        self.registry.unreadable.as_ref().map(|(id, call)| (*id, call))
    }
}

impl AsyncHandlers {
    /// [`Handlers::on_unreadable`], for async callbacks: it receives the
    /// [`Unreadable`] by value (a cheap clone), since its future may outlive
    /// the borrow. Run by [`handle_async`](crate::Webhooks::handle_async).
    pub fn on_unreadable<F, Fut>(&mut self, callback: F) -> HandlerId
    where
        F: Fn(Unreadable) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        self.registry
            .set_unreadable(UnreadableCall::Async(Box::new(move |unreadable| {
                Box::pin(callback(unreadable)) as super::core::BoxFuture
            })))
    }

    pub(crate) fn unreadable_call(&self) -> Option<(HandlerId, &UnreadableCall)> {
        self.registry.unreadable.as_ref().map(|(id, call)| (*id, call))
    }
}

/// One registrar accessor per vendor of the vendor table (`src/vendor.rs`).
macro_rules! registrar_accessors {
    ([$ty:ident $mode:ident] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        impl $ty {
            $(
                #[cfg(feature = $feature)]
                #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
                #[doc = concat!("Registers callbacks for ", $name, " events.")]
                pub fn $module(&mut self) -> VendorHandlers<'_, crate::$module::$marker, $mode> {
                    VendorHandlers::new(&mut self.registry)
                }
            )*
        }
    };
}

crate::vendor::vendor_table!(registrar_accessors, Handlers Blocking);
crate::vendor::vendor_table!(registrar_accessors, AsyncHandlers Async);

registration_methods! {
    [impl Handlers] [impl AsyncHandlers]

    /// A lifecycle step (or `Lifecycle::ALL`), whatever the vendor. See
    /// [`Lifecycle`] for the mapping of each vendor's events.
    fn on_lifecycle(kind: impl Into<Filter<Lifecycle>>) -> LifecycleEvent, Slot::Specific, {
        let kind = kind.into();
        matcher(move |dispatch| dispatch.lifecycle.filter(|event| kind.matches(&event.kind)))
    }

    /// Every event, in registration order with the other callbacks. Does not
    /// count as handling the event (see `on_unhandled`).
    fn on_any() -> ConfirmedEvent, Slot::Any, {
        matcher(|dispatch| Some(&**dispatch.event))
    }

    /// Events no specific callback matched, told apart: known but not
    /// handled, or unknown to this version of the crate.
    fn on_unhandled() -> UnhandledEvent, Slot::Unhandled, {
        matcher(|dispatch| dispatch.unhandled)
    }

    /// Each callback failure (error or panic), after the others ran.
    fn on_error() -> Failure, Slot::Error, {
        matcher(|dispatch| dispatch.failure)
    }
}
