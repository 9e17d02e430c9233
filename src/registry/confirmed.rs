//! [`ConfirmedEvent`]: a verified event whose content may be trusted, as callbacks see it.

use crate::{Vendor, constellation, esignglobal, ignisign, signplus};

/// A verified event, Ignisign's token included: what callbacks receive.
///
/// Unlike [`Event`](crate::Event), the Ignisign variant holds the confirmed
/// [`ignisign::Message`] (topic, action, nature, content, error — never the
/// app id, environment or token).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ConfirmedEvent {
    /// An eSignGlobal event.
    EsignGlobal(esignglobal::Event),
    /// An Ignisign message whose token was confirmed (or whose check was skipped by name).
    Ignisign(ignisign::Message),
    /// A Sign.Plus event.
    SignPlus(signplus::Event),
    /// A Constellation1 eSign update.
    Constellation(constellation::Update),
}

impl ConfirmedEvent {
    /// The vendor the event comes from.
    pub fn vendor(&self) -> Vendor {
        match self {
            ConfirmedEvent::EsignGlobal(_) => Vendor::EsignGlobal,
            ConfirmedEvent::Ignisign(_) => Vendor::Ignisign,
            ConfirmedEvent::SignPlus(_) => Vendor::SignPlus,
            ConfirmedEvent::Constellation(_) => Vendor::Constellation,
        }
    }

    /// `true` when the event, its action or its status is newer than this
    /// crate (it arrived as an `Unknown` value).
    pub fn is_unknown(&self) -> bool {
        match self {
            ConfirmedEvent::EsignGlobal(event) => event.kind().is_unknown(),
            ConfirmedEvent::Ignisign(message) => message.topic.is_unknown() || message.action.is_unknown(),
            ConfirmedEvent::SignPlus(event) => {
                event.kind().is_unknown() || event.audit_action().is_some_and(signplus::AuditAction::is_unknown)
            }
            ConfirmedEvent::Constellation(update) => match update.data.status {
                constellation::Status::Session(status) => status.is_unknown(),
                constellation::Status::Signer(status) => status.is_unknown(),
                _ => true,
            },
        }
    }
}

impl ConfirmedEvent {
    /// The event, or the Ignisign delivery whose token still needs confirming.
    pub(crate) fn from_event(event: crate::Event) -> Result<ConfirmedEvent, ignisign::Delivery> {
        Ok(match event {
            crate::Event::EsignGlobal(event) => ConfirmedEvent::EsignGlobal(event),
            crate::Event::Ignisign(delivery) => return Err(delivery),
            crate::Event::SignPlus(event) => ConfirmedEvent::SignPlus(event),
            crate::Event::Constellation(update) => ConfirmedEvent::Constellation(update),
        })
    }
}
