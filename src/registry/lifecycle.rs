//! [`LifecycleEvent`]: a vendor event seen as a [`Lifecycle`] step, as
//! `on_lifecycle` callbacks receive it.

use std::sync::Arc;

use super::ConfirmedEvent;
use crate::Vendor;
use crate::lifecycle::Lifecycle;

/// A vendor event seen as a [`Lifecycle`] step.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LifecycleEvent {
    /// The vendor.
    pub vendor: Vendor,
    /// The step.
    pub kind: Lifecycle,
    /// The vendor's envelope, request or session id, when the event carries it.
    pub envelope_id: Option<String>,
    /// The signer concerned, when the event names one.
    pub signer_id: Option<String>,
    /// The decline, cancellation or failure reason, when the vendor sends one.
    pub reason: Option<String>,
    /// The full typed event.
    pub event: Arc<ConfirmedEvent>,
}

impl LifecycleEvent {
    /// The lifecycle view of an event, when it maps to one.
    pub(crate) fn of(event: &Arc<ConfirmedEvent>) -> Option<Self> {
        let step = event.lifecycle()?;
        Some(LifecycleEvent {
            vendor: event.vendor(),
            kind: step.kind,
            envelope_id: step.envelope_id,
            signer_id: step.signer_id,
            reason: step.reason,
            event: Arc::clone(event),
        })
    }
}

