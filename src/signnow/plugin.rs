//! The SignNow plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps SignNow callbacks.

use super::{Event, EventName, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The SignNow plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SignNow;

impl private::Sealed for SignNow {}

impl SimpleVendor for SignNow {
    const VENDOR: Vendor = Vendor::SignNow;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings (the document and user ids), however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("publishes neither the answer it expects beyond a 2xx nor its retries");
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventName;

    /// `meta` with `content`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("meta") && shape.has("content")
    }

    fn kind(event: &Event) -> &EventName {
        event.kind()
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// No event id is sent: the event name, its time, the document, the
    /// initiator and the viewer or signer together.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::SignNow);
        hasher.part(event.meta.event.as_str().as_bytes());
        hasher.part(event.meta.timestamp.to_string().as_bytes());
        hasher.part(event.content.document_id.as_deref().unwrap_or_default().as_bytes());
        hasher.part(event.meta.initiator_id.as_deref().unwrap_or_default().as_bytes());
        hasher.part(
            event
                .content
                .viewer_user_unique_id
                .as_deref()
                .unwrap_or_default()
                .as_bytes(),
        );
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        let name = event.meta.event.as_str();
        // The user scope repeats the entity scope's events under `user.`.
        let base = name.strip_prefix("user.").unwrap_or(name);
        let kind = match base {
            "document.fieldinvite.sent" => Lifecycle::Sent,
            "document.open" => Lifecycle::Viewed,
            "document.fieldinvite.signed" | "document.freeform.signed" | "document_group.freeform.signed" => {
                Lifecycle::Signed
            }
            "document.complete" | "document_group.complete" => Lifecycle::Completed,
            "document.fieldinvite.decline" | "document_group.invite.declined" => Lifecycle::Declined,
            "invite.expired" => Lifecycle::Expired,
            "document.fieldinvite.delete" | "document_group.invite.cancel" | "document_group.freeform.cancel" => {
                Lifecycle::Cancelled
            }
            "document.fieldinvite.email.delivery.failed" | "document_group.invite.email.delivery.failed" => {
                Lifecycle::DeliveryFailed
            }
            _ => return None,
        };
        let step = LifecycleStep::new(kind, event.document_id());
        Some(match kind {
            Lifecycle::Viewed | Lifecycle::Signed | Lifecycle::Declined | Lifecycle::DeliveryFailed => {
                step.signer(event.content.viewer_user_unique_id.as_deref())
            }
            _ => step,
        })
    }
}
