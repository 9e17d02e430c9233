//! [`VendorHandlers`]: the registrar of every vendor, with the generic
//! `on(kind)`, and the methods of eSignGlobal, Sign.Plus and Constellation1 eSign.

use core::marker::PhantomData;

use super::confirmed::Registered;
use super::core::{Registry, Slot, matcher};
use super::methods::registration_methods;
use super::{Async, Blocking, ConfirmedEvent, Filter};
use crate::plugin::EventKinds;
use crate::{constellation, esignglobal, signplus};

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
        f.debug_struct("VendorHandlers").field("registry", &self.registry).finish()
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

/// Registers callbacks for eSignGlobal events, from
/// [`Handlers::esignglobal`](super::Handlers::esignglobal) or
/// [`AsyncHandlers::esignglobal`](super::AsyncHandlers::esignglobal).
///
/// The declined event has a different name on each channel:
/// [`SignerDeclined`](esignglobal::EventKind::SignerDeclined) (Webhook) and
/// [`EnvelopeDeclined`](esignglobal::EventKind::EnvelopeDeclined) (App
/// callback); [`Handlers::on_lifecycle`](super::Handlers::on_lifecycle)
/// with `Lifecycle::Declined` catches both. Unknown events reach
/// `on_any` and `on_unhandled`.
pub type EsignGlobalHandlers<'r, M> = VendorHandlers<'r, esignglobal::EsignGlobal, M>;

/// Registers callbacks for Sign.Plus events, from
/// [`Handlers::signplus`](super::Handlers::signplus) or
/// [`AsyncHandlers::signplus`](super::AsyncHandlers::signplus).
pub type SignPlusHandlers<'r, M> = VendorHandlers<'r, signplus::SignPlus, M>;

/// Registers callbacks for Constellation1 eSign updates, from
/// [`Handlers::constellation`](super::Handlers::constellation) or
/// [`AsyncHandlers::constellation`](super::AsyncHandlers::constellation).
pub type ConstellationHandlers<'r, M> = VendorHandlers<'r, constellation::Constellation, M>;

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

impl esignglobal::EventKind {
    /// Every eSignGlobal event kind the crate knows, on both channels.
    pub const ALL: Filter<esignglobal::EventKind> = Filter::All;
}

impl signplus::EventKind {
    /// Every Sign.Plus event kind.
    pub const ALL: Filter<signplus::EventKind> = Filter::All;
}

impl signplus::AuditAction {
    /// Every audit-trail action.
    pub const ALL: Filter<signplus::AuditAction> = Filter::All;
}

impl constellation::SessionStatus {
    /// Every session status.
    pub const ALL: Filter<constellation::SessionStatus> = Filter::All;
}

impl constellation::SignerStatus {
    /// Every signer status.
    pub const ALL: Filter<constellation::SignerStatus> = Filter::All;
}

fn esignglobal_event(event: &ConfirmedEvent) -> Option<&esignglobal::Event> {
    match event {
        ConfirmedEvent::EsignGlobal(event) => Some(event),
        _ => None,
    }
}

fn signplus_event(event: &ConfirmedEvent) -> Option<&signplus::Event> {
    match event {
        ConfirmedEvent::SignPlus(event) => Some(event),
        _ => None,
    }
}

fn constellation_data(event: &ConfirmedEvent) -> Option<&constellation::Data> {
    match event {
        ConfirmedEvent::Constellation(update) => Some(&update.data),
        _ => None,
    }
}

registration_methods! {
    [impl EsignGlobalHandlers<'_, Blocking>] [impl EsignGlobalHandlers<'_, Async>]

    /// An event kind (or `EventKind::ALL`), on either channel. The callback
    /// gets the typed [`Payload`](esignglobal::Payload): channel and envelope.
    fn on(kind: impl Into<Filter<esignglobal::EventKind>>) -> esignglobal::Payload, Slot::Specific, {
        let kind = kind.into();
        matcher(move |dispatch| {
            let event = esignglobal_event(dispatch.event)?;
            let payload = event.payload()?;
            kind.matches(&event.kind()).then_some(payload)
        })
    }

    /// An event kind (or `EventKind::ALL`) on one channel only.
    fn on_channel(
        kind: impl Into<Filter<esignglobal::EventKind>>,
        channel: esignglobal::Channel
    ) -> esignglobal::Payload, Slot::Specific, {
        let kind = kind.into();
        matcher(move |dispatch| {
            let event = esignglobal_event(dispatch.event)?;
            let payload = event.payload()?;
            (payload.channel == channel && kind.matches(&event.kind())).then_some(payload)
        })
    }
}

registration_methods! {
    [impl SignPlusHandlers<'_, Blocking>] [impl SignPlusHandlers<'_, Async>]

    /// An `envelope_audit_trail` delivery with this action (or `AuditAction::ALL`).
    fn on_audit_action(action: impl Into<Filter<signplus::AuditAction>>) -> signplus::Event, Slot::Specific, {
        let action = action.into();
        matcher(move |dispatch| {
            let event = signplus_event(dispatch.event)?;
            action.matches(event.audit_action()?).then_some(event)
        })
    }
}

registration_methods! {
    [impl ConstellationHandlers<'_, Blocking>] [impl ConstellationHandlers<'_, Async>]

    /// A session status update (`Type` = `SessionStatus`) with this status
    /// (or `SessionStatus::ALL`). The callback gets the typed [`Data`](constellation::Data).
    fn on_session_status(
        status: impl Into<Filter<constellation::SessionStatus>>
    ) -> constellation::Data, Slot::Specific, {
        let status = status.into();
        matcher(move |dispatch| {
            let data = constellation_data(dispatch.event)?;
            status.matches(&data.status.session()?).then_some(data)
        })
    }

    /// A signer status update (`Type` = `SignerStatus`) with this status (or `SignerStatus::ALL`).
    fn on_signer_status(
        status: impl Into<Filter<constellation::SignerStatus>>
    ) -> constellation::Data, Slot::Specific, {
        let status = status.into();
        matcher(move |dispatch| {
            let data = constellation_data(dispatch.event)?;
            status.matches(&data.status.signer()?).then_some(data)
        })
    }
}
