//! Registrations for eSignGlobal, Sign.Plus and Constellation1 eSign.

use core::marker::PhantomData;

use super::core::{Registry, Slot, matcher};
use super::methods::registration_methods;
use super::{Async, Blocking, ConfirmedEvent, Filter};
use crate::{constellation, esignglobal, signplus};

/// Declares a registrar: a short-lived borrow of the registry, per vendor.
macro_rules! registrar {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name<'r, M> {
            registry: &'r mut Registry,
            mode: PhantomData<M>,
        }

        impl<'r, M> $name<'r, M> {
            pub(crate) fn new(registry: &'r mut Registry) -> Self {
                $name {
                    registry,
                    mode: PhantomData,
                }
            }
        }
    };
}

registrar! {
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
    EsignGlobalHandlers
}

registrar! {
    /// Registers callbacks for Sign.Plus events, from
    /// [`Handlers::signplus`](super::Handlers::signplus) or
    /// [`AsyncHandlers::signplus`](super::AsyncHandlers::signplus).
    SignPlusHandlers
}

registrar! {
    /// Registers callbacks for Constellation1 eSign updates, from
    /// [`Handlers::constellation`](super::Handlers::constellation) or
    /// [`AsyncHandlers::constellation`](super::AsyncHandlers::constellation).
    ConstellationHandlers
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

    /// An event kind (or `EventKind::ALL`). The callback gets the whole
    /// [`Event`](signplus::Event): hook and typed data.
    fn on(kind: impl Into<Filter<signplus::EventKind>>) -> signplus::Event, Slot::Specific, {
        let kind = kind.into();
        matcher(move |dispatch| {
            let event = signplus_event(dispatch.event)?;
            kind.matches(event.kind()).then_some(event)
        })
    }

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
