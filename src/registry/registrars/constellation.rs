//! Constellation1 eSign's own registrations: a session or a signer status.

use super::VendorHandlers;
use crate::constellation;
use crate::registry::core::{Slot, matcher};
use crate::registry::methods::registration_methods;
use crate::registry::{Async, Blocking, ConfirmedEvent, Filter};

/// Registers callbacks for Constellation1 eSign updates, from
/// [`Handlers::constellation`](crate::registry::Handlers::constellation) or
/// [`AsyncHandlers::constellation`](crate::registry::AsyncHandlers::constellation).
pub type ConstellationHandlers<'r, M> = VendorHandlers<'r, constellation::Constellation, M>;

fn constellation_data(event: &ConfirmedEvent) -> Option<&constellation::Data> {
    match event {
        ConfirmedEvent::Constellation(update) => Some(&update.data),
        _ => None,
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
