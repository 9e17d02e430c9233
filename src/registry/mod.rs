//! The callback registry: typed closures per vendor event, per lifecycle
//! step, or for everything, run by [`Webhooks::handle`](crate::Webhooks::handle)
//! (blocking) and [`Webhooks::handle_async`](crate::Webhooks::handle_async).
//!
//! It mirrors the Ignisign SDK's typed registration
//! (`registerWebhookCallback*`, `revokeCallback`, `consumeWebhook`; see
//! [`IgnisignHandlers`] for the table) and extends it to every vendor:
//!
//! ```
//! use esign_webhooks::{HandlerError, Handlers, Lifecycle};
//! use esign_webhooks::{constellation, esignglobal, ignisign, signplus};
//!
//! let mut handlers = Handlers::new();
//! let id = handlers.ignisign().on_signature_session(
//!     ignisign::SignatureSessionAction::Initialized, ignisign::MsgNature::ALL,
//!     |p: &ignisign::CallbackParams<ignisign::SignatureSession>| {
//!         let session = p.content.as_ref().ok_or_else(|| HandlerError::msg("no content"))?;
//!         println!("signer {} opened {}", session.signer_id, session.signature_request_id);
//!         Ok(())
//!     });
//! handlers.ignisign().on(ignisign::Topic::ALL, ignisign::Action::ALL, ignisign::MsgNature::Error, |p| {
//!     eprintln!("Ignisign reported {:?}", p.error);
//!     Ok(())
//! });
//! handlers.esignglobal().on(esignglobal::EventKind::EnvelopeFinish, |p| Ok(()));
//! handlers.signplus().on(signplus::EventKind::EnvelopeCompleted, |e| Ok(()));
//! handlers.constellation().on_session_status(constellation::SessionStatus::Completed, |d| Ok(()));
//! handlers.on_lifecycle(Lifecycle::Completed, |e| Ok(()));   // any vendor
//! handlers.on_unhandled(|u| { println!("nobody handled a {} event ({:?})", u.event.vendor(), u.reason); Ok(()) });
//! assert!(handlers.revoke(id));
//! assert!(!handlers.revoke(id)); // unknown ids are harmless
//! ```
//!
//! What a callback receives is decided when it is registered, by the
//! registration method: the content type is guaranteed by the crate, never
//! cast at dispatch time.

mod confirm;
mod confirmed;
mod core;
mod gate;
mod handle;
mod handler_error;
mod handlers;
mod lifecycle;
mod methods;
mod registrars;
mod report;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
mod transport;
mod unreadable;

#[cfg_attr(not(feature = "inbox"), allow(unused_imports))]
pub(crate) use handle::{alongside, run_verified};

use std::sync::Arc;

pub use crate::filter::Filter;
pub use crate::lifecycle::Lifecycle;
pub use crate::lifecycle::LifecycleStep;
pub use confirmed::{ConfirmedEvent, Registered};
pub use handler_error::HandlerError;
pub use handlers::{AsyncHandlers, Handlers};
pub use lifecycle::LifecycleEvent;
#[cfg(feature = "constellation")]
pub use registrars::ConstellationHandlers;
#[cfg(feature = "esignglobal")]
pub use registrars::EsignGlobalHandlers;
#[cfg(feature = "ignisign")]
pub use registrars::IgnisignHandlers;
#[cfg(feature = "pandadoc")]
pub use registrars::PandaDocHandlers;
#[cfg(feature = "signplus")]
pub use registrars::SignPlusHandlers;
pub use registrars::VendorHandlers;
pub use report::{Failure, HandlerId, Report, Unhandled};
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestTransport;
pub use transport::{BlockingTokenTransport, TokenTransport, TransportError, TransportFuture};
pub use unreadable::Unreadable;

pub(crate) use handle::run_async as run_dispatched_async;

/// Marks registrars of [`Handlers`]: callbacks are plain closures.
#[derive(Debug)]
#[non_exhaustive]
pub enum Blocking {}

/// Marks registrars of [`AsyncHandlers`]: callbacks return futures.
#[derive(Debug)]
#[non_exhaustive]
pub enum Async {}

/// What the context-taking registrations
/// ([`Handlers::on_any_with_context`], [`AsyncHandlers::on_any_with_context`])
/// receive beside the event: who the delivery was for. Ids only, never a
/// secret.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeliveryContext {
    tenant: Option<crate::tenant_id::TenantId>,
}

impl DeliveryContext {
    /// The context of a delivery for `tenant` (`None`: a single-tenant receiver).
    pub fn new(tenant: Option<crate::tenant_id::TenantId>) -> Self {
        DeliveryContext { tenant }
    }

    /// The tenant the delivery was for, when a multi-tenant receiver
    /// ([`tenant::Tenants`](crate::tenant::Tenants)) handled it.
    pub fn tenant(&self) -> Option<&crate::tenant_id::TenantId> {
        self.tenant.as_ref()
    }
}

/// What `on_unhandled` callbacks receive.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnhandledEvent {
    /// The event.
    pub event: Arc<ConfirmedEvent>,
    /// Known but unhandled, or unknown.
    pub reason: Unhandled,
}
