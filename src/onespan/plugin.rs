//! The OneSpan Sign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps OneSpan Sign callbacks.

use super::{Event, EventName, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The OneSpan Sign plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct OneSpan;

impl private::Sealed for OneSpan {}

impl SimpleVendor for OneSpan {
    const VENDOR: Vendor = Vendor::OneSpan;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings (a package's id, name, message), however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "does not retry a failed callback: the sender gets a \"callback failure\" e-mail with the payload, and resending it is up to you (KB0014510)",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventName;

    /// `packageId` with `name`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("packageId") && shape.has("name")
    }

    fn kind(event: &Event) -> &EventName {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// No event id is sent: `name`, `packageId`, `sessionUser`, `documentId`
    /// and `createdDate` (milliseconds) together, the same on a resend of
    /// the same callback.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::OneSpan);
        hasher.part(event.name.as_str().as_bytes());
        hasher.part(event.package_id.as_bytes());
        hasher.part(event.session_user.as_deref().unwrap_or_default().as_bytes());
        hasher.part(event.document_id.as_deref().unwrap_or_default().as_bytes());
        hasher.part(event.created_date.as_bytes());
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let step = |kind| LifecycleStep::new(kind, Some(event.package_id.as_str()));
        let signer = event.session_user.as_deref();
        Some(match event.kind() {
            EventName::PackageActivate => step(Lifecycle::Sent),
            EventName::SignerComplete => step(Lifecycle::Signed).signer(signer),
            EventName::PackageComplete => step(Lifecycle::Completed),
            EventName::PackageDecline => step(Lifecycle::Declined)
                .signer(signer)
                .reason(event.message.as_deref()),
            EventName::PackageExpire => step(Lifecycle::Expired),
            EventName::EmailBounce => step(Lifecycle::DeliveryFailed),
            _ => return None,
        })
    }
}
