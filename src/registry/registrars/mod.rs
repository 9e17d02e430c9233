//! [`VendorHandlers`]: the registrar of every vendor, with the generic
//! `on(kind)`; the vendors with registrations of their own (more dimensions
//! than one kind) add them in a file each.

use core::marker::PhantomData;

use super::confirmed::Registered;
use super::core::{Registry, Slot, matcher};
use super::methods::registration_methods;
use super::{Async, Blocking, Filter};
use crate::plugin::EventKinds;

#[cfg(feature = "constellation")]
mod constellation;
#[cfg(feature = "esignglobal")]
mod esignglobal;
#[cfg(feature = "ignisign")]
pub(crate) mod ignisign;
#[cfg(feature = "pandadoc")]
mod pandadoc;
#[cfg(feature = "signplus")]
mod signplus;

#[cfg(feature = "constellation")]
pub use constellation::ConstellationHandlers;
#[cfg(feature = "esignglobal")]
pub use esignglobal::EsignGlobalHandlers;
#[cfg(feature = "ignisign")]
pub use ignisign::IgnisignHandlers;
#[cfg(feature = "pandadoc")]
pub use pandadoc::PandaDocHandlers;
#[cfg(feature = "signplus")]
pub use signplus::SignPlusHandlers;

/// Registers callbacks for one vendor's events: what `Handlers::<vendor>()`
/// returns (`handlers.docusign()`, …). `P` is the vendor's plug-in type
/// (`docusign::DocuSign`), `M` is [`Blocking`] or [`Async`].
///
/// Every vendor whose events have one kind each has
/// [`on(kind, callback)`](VendorHandlers::on) (a kind or the kind type's
/// `ALL`); vendors with more dimensions (Ignisign's topic, action and nature,
/// eSignGlobal's channel, Constellation1's two status types) add their own
/// methods. Vendors whose events need confirming (Ignisign) register the
/// confirmation here: `confirm_with`, `dangerous_skip_confirmation`.
pub struct VendorHandlers<'r, P, M> {
    pub(super) registry: &'r mut Registry,
    mode: PhantomData<(P, M)>,
}

impl<P, M> core::fmt::Debug for VendorHandlers<'_, P, M> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VendorHandlers")
            .field("registry", &self.registry)
            .finish()
    }
}

impl<'r, P, M> VendorHandlers<'r, P, M> {
    pub(crate) fn new(registry: &'r mut Registry) -> Self {
        VendorHandlers {
            registry,
            mode: PhantomData,
        }
    }
}

registration_methods! {
    [impl<P: EventKinds + Registered> VendorHandlers<'_, P, Blocking>]
    [impl<P: EventKinds + Registered> VendorHandlers<'_, P, Async>]

    /// An event kind (or the kind type's `ALL`). The callback gets the whole
    /// typed event.
    fn on(kind: impl Into<Filter<P::Kind>>) -> P::Confirmed, Slot::Specific, {
        let kind = kind.into();
        matcher(move |dispatch| {
            let event = P::pick(dispatch.event)?;
            kind.matches(P::kind(event)).then_some(event)
        })
    }
}
