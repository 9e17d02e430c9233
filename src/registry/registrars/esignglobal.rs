//! eSignGlobal's own registrations: an event kind on one channel.

use super::VendorHandlers;
use crate::esignglobal;
use crate::registry::core::{Slot, matcher};
use crate::registry::methods::registration_methods;
use crate::registry::{Async, Blocking, ConfirmedEvent, Filter};

/// Registers callbacks for eSignGlobal events, from
/// [`Handlers::esignglobal`](crate::registry::Handlers::esignglobal) or
/// [`AsyncHandlers::esignglobal`](crate::registry::AsyncHandlers::esignglobal).
///
/// The declined event has a different name on each channel:
/// [`SignerDeclined`](esignglobal::EventKind::SignerDeclined) (Webhook) and
/// [`EnvelopeDeclined`](esignglobal::EventKind::EnvelopeDeclined) (App
/// callback); [`Handlers::on_lifecycle`](crate::registry::Handlers::on_lifecycle)
/// with `Lifecycle::Declined` catches both. Unknown events reach
/// `on_any` and `on_unhandled`.
pub type EsignGlobalHandlers<'r, M> = VendorHandlers<'r, esignglobal::EsignGlobal, M>;

fn esignglobal_event(event: &ConfirmedEvent) -> Option<&esignglobal::Event> {
    match event {
        ConfirmedEvent::EsignGlobal(event) => Some(event),
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
            kind.matches(event.kind()).then_some(payload)
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
            (payload.channel == channel && kind.matches(event.kind())).then_some(payload)
        })
    }
}
