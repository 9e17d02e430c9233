//! Sign.Plus's own registration: an audit-trail action.

use super::VendorHandlers;
use crate::registry::core::{Slot, matcher};
use crate::registry::methods::registration_methods;
use crate::registry::{Async, Blocking, ConfirmedEvent, Filter};
use crate::signplus;

/// Registers callbacks for Sign.Plus events, from
/// [`Handlers::signplus`](crate::registry::Handlers::signplus) or
/// [`AsyncHandlers::signplus`](crate::registry::AsyncHandlers::signplus).
pub type SignPlusHandlers<'r, M> = VendorHandlers<'r, signplus::SignPlus, M>;

fn signplus_event(event: &ConfirmedEvent) -> Option<&signplus::Event> {
    match event {
        ConfirmedEvent::SignPlus(event) => Some(event),
        _ => None,
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
