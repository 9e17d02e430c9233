//! [`Event`]: what [`Webhooks::dispatch`](crate::Webhooks::dispatch) returns.

use crate::{Vendor, constellation, esignglobal, ignisign, signplus};

/// A verified, typed delivery from one of the vendors.
///
/// New vendors may be added in minor releases, so a `match` needs a wildcard
/// arm. Events a vendor adds later arrive inside each vendor's own type as an
/// `Unknown` value that keeps the raw JSON, never as an error.
///
/// ```
/// use esign_webhooks::{Event, Vendor};
///
/// fn describe(event: &Event) -> String {
///     match event {
///         Event::EsignGlobal(event) => format!("eSignGlobal {}", event.kind()),
///         Event::Ignisign(delivery) => format!("Ignisign {} (token not yet confirmed)", delivery.topic()),
///         Event::SignPlus(event) => format!("Sign.Plus {}", event.kind()),
///         Event::Constellation(update) => format!("Constellation1 {:?}", update.data.status),
///         other => format!("{}", other.vendor()),
///     }
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// An eSignGlobal Webhook or App callback event.
    EsignGlobal(esignglobal::Event),
    /// An Ignisign delivery whose app and environment were checked. Its content
    /// becomes available once its single-use token is confirmed with Ignisign
    /// ([`ignisign::Delivery::confirm`]) or the check is skipped by name.
    Ignisign(ignisign::Delivery),
    /// A Sign.Plus event.
    SignPlus(signplus::Event),
    /// A Constellation1 eSign session or signer status update.
    Constellation(constellation::Update),
}

impl Event {
    /// The vendor the event comes from.
    pub fn vendor(&self) -> Vendor {
        match self {
            Event::EsignGlobal(_) => Vendor::EsignGlobal,
            Event::Ignisign(_) => Vendor::Ignisign,
            Event::SignPlus(_) => Vendor::SignPlus,
            Event::Constellation(_) => Vendor::Constellation,
        }
    }
}
