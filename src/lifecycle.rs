//! The vendor-neutral lifecycle: one vocabulary for "sent", "signed",
//! "completed"… across every vendor. Each vendor's plug-in maps its events
//! onto it ([`Plugin::lifecycle`](crate::plugin::Plugin::lifecycle)).

use crate::filter::Filter;

/// A step of an envelope's (or signature request's, or session's) life, the
/// same for every vendor.
///
/// # Mapping
///
/// Only what a vendor's event means is mapped; an event with no clear
/// counterpart (eSignGlobal's `ENVELOPE_ALL_SIGNER_SIGNED`, Constellation1's
/// `InDraft`, Ignisign's `SIGNER/CREATED`…) is not forced into one.
///
/// Each vendor module has a `# Lifecycle` section with its own table: the
/// events it maps, and where the envelope and signer ids come from (for
/// example [`docusign`](crate::docusign), [`esignglobal`](crate::esignglobal),
/// [`pandadoc`](crate::pandadoc)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lifecycle {
    /// The envelope went out to its signers (or one signer was invited).
    Sent,
    /// A signer opened the envelope or started a signing session.
    Viewed,
    /// A signer signed.
    Signed,
    /// Every signer signed: the envelope is complete.
    Completed,
    /// A signer declined.
    Declined,
    /// The envelope expired.
    Expired,
    /// The sender cancelled or voided the envelope.
    Cancelled,
    /// Signing failed.
    Failed,
    /// A notification could not be delivered to a signer or a copy recipient.
    DeliveryFailed,
}

impl Lifecycle {
    /// Every lifecycle step.
    pub const ALL: Filter<Lifecycle> = Filter::All;
}

/// What a vendor's event means in [`Lifecycle`] terms, with the ids it carries:
/// what a vendor's plug-in returns, before the registry adds the event itself
/// ([`LifecycleEvent`](crate::LifecycleEvent)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LifecycleStep {
    /// The step.
    pub kind: Lifecycle,
    /// The vendor's envelope, request or session id, when the event carries it.
    pub envelope_id: Option<String>,
    /// The signer concerned, when the event names one.
    pub signer_id: Option<String>,
    /// The decline, cancellation or failure reason, when the vendor sends one.
    pub reason: Option<String>,
}

impl LifecycleStep {
    /// A step about an envelope (request, session).
    pub(crate) fn new(kind: Lifecycle, envelope_id: Option<&str>) -> Self {
        LifecycleStep {
            kind,
            envelope_id: envelope_id.map(str::to_owned),
            signer_id: None,
            reason: None,
        }
    }

    /// The signer concerned.
    pub(crate) fn signer(mut self, signer_id: Option<&str>) -> Self {
        self.signer_id = signer_id.map(str::to_owned);
        self
    }

    /// The reason; an empty one is no reason.
    pub(crate) fn reason(mut self, reason: Option<&str>) -> Self {
        self.reason = reason.filter(|r| !r.is_empty()).map(str::to_owned);
        self
    }
}
