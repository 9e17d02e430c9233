//! PandaDoc registrations. A PandaDoc delivery holds several notifications,
//! so it has no single kind (no `EventKinds`): `on` matches a delivery that
//! contains a kind, `on_notification` runs once per matching notification.

use super::VendorHandlers;
use crate::pandadoc::{self, Delivery, EventKind, Notification};
use crate::registry::core::{Dispatch, Slot};
use crate::registry::methods::registration_methods;
use crate::registry::{Async, Blocking, ConfirmedEvent, Filter, HandlerError};

/// Registers callbacks for PandaDoc deliveries, from
/// [`Handlers::pandadoc`](crate::registry::Handlers::pandadoc) or
/// [`AsyncHandlers::pandadoc`](crate::registry::AsyncHandlers::pandadoc).
pub type PandaDocHandlers<'r, M> = VendorHandlers<'r, pandadoc::PandaDoc, M>;

fn delivery<'a>(dispatch: &Dispatch<'a>) -> Option<&'a Delivery> {
    match &**dispatch.event {
        ConfirmedEvent::PandaDoc(delivery) => Some(delivery),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

registration_methods! {
    [impl PandaDocHandlers<'_, Blocking>] [impl PandaDocHandlers<'_, Async>]

    /// A delivery with at least one notification of `kind` (or any delivery,
    /// with `EventKind::ALL`). Runs once per delivery; the callback gets the
    /// whole [`Delivery`] (see [`Delivery::notifications_of`]).
    fn on(kind: impl Into<Filter<EventKind>>) -> Delivery, Slot::Specific, {
        let kind = kind.into();
        crate::registry::core::matcher(move |dispatch| {
            let delivery = delivery(dispatch)?;
            delivery.notifications.iter().any(|n| kind.matches(&n.event)).then_some(delivery)
        })
    }
}

impl PandaDocHandlers<'_, Blocking> {
    /// Runs `callback` once per notification of `kind` (or every
    /// notification, with `EventKind::ALL`), in the order of the array. The
    /// first error stops the remaining notifications of the delivery and is
    /// reported like any callback's.
    pub fn on_notification<F>(&mut self, kind: impl Into<Filter<EventKind>>, callback: F) -> crate::registry::HandlerId
    where
        F: Fn(&Notification) -> Result<(), HandlerError> + Send + Sync + 'static,
    {
        let kind = kind.into();
        let call = crate::registry::core::Call::Blocking(Box::new(move |dispatch| {
            let delivery = delivery(dispatch)?;
            let mut matching = delivery
                .notifications
                .iter()
                .filter(|n| kind.matches(&n.event))
                .peekable();
            matching.peek()?;
            Some(matching.try_for_each(&callback))
        }));
        self.registry.push(Slot::Specific, call)
    }
}

impl PandaDocHandlers<'_, Async> {
    /// Runs `callback` once per notification of `kind` (or every
    /// notification, with `EventKind::ALL`), one after another in the order of
    /// the array; the first error stops the rest.
    pub fn on_notification<F, Fut>(
        &mut self,
        kind: impl Into<Filter<EventKind>>,
        callback: F,
    ) -> crate::registry::HandlerId
    where
        F: Fn(Notification) -> Fut + Send + Sync + 'static,
        Fut: core::future::Future<Output = Result<(), HandlerError>> + Send + 'static,
    {
        let kind = kind.into();
        let callback = std::sync::Arc::new(callback);
        let call = crate::registry::core::Call::Async(Box::new(move |dispatch| {
            let delivery = delivery(dispatch)?;
            let matching: Vec<Notification> = delivery
                .notifications
                .iter()
                .filter(|n| kind.matches(&n.event))
                .cloned()
                .collect();
            if matching.is_empty() {
                return None;
            }
            let callback = std::sync::Arc::clone(&callback);
            Some(Box::pin(async move {
                for notification in matching {
                    callback(notification).await?;
                }
                Ok(())
            }) as crate::registry::core::BoxFuture)
        }));
        self.registry.push(Slot::Specific, call)
    }
}
