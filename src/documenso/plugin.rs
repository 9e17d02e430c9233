//! The Documenso plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Documenso deliveries.

use super::{Event, EventKind, Recipient, SigningStatus, Verifier};
use crate::Vendor;
use crate::dedup_key::{DedupKey, Hasher};
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, SimpleVendor, private};

/// The Documenso plug-in (see [`SimpleVendor`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Documenso;

impl private::Sealed for Documenso {}

impl SimpleVendor for Documenso {
    const VENDOR: Vendor = Vendor::Documenso;
    /// The module docs' "response and retries", as a sender model.
    const SENDER: crate::plugin::SenderModel = crate::plugin::SenderModel::new(
        "counts anything but a 2xx within 10 s as failed (a 3xx too: redirects are not followed); retries depend on the self-hosted job provider (local: 4 attempts back-to-back; BullMQ: 3, exponential from 1 s; Inngest: 5), the cloud schedule is not published",
    );
    type Verifier = Verifier;
    type Event = Event;
    type Kind = EventKind;

    /// `webhookEndpoint`, or `event` with `payload` and `createdAt`.
    fn claims(shape: &BodyShape<'_>) -> bool {
        !shape.is_array()
            && (shape.has("webhookEndpoint") || (shape.has("event") && shape.has("payload") && shape.has("createdAt")))
    }

    fn kind(event: &Event) -> &EventKind {
        &event.event
    }

    fn parse(body: &[u8]) -> Result<Event, crate::Error> {
        super::parse(body)
    }

    /// `event` and the typed `payload` in its wire form; **not** `createdAt`,
    /// which Documenso recomputes on every attempt, nor `webhookEndpoint`.
    fn dedup_key(event: &Event) -> DedupKey {
        let mut hasher = Hasher::new(Vendor::Documenso);
        hasher.part(event.event.as_str().as_bytes());
        hasher.json(&event.payload);
        hasher.finish()
    }

    fn lifecycle(event: &Event) -> Option<LifecycleStep> {
        documenso_step(event)
    }

    fn is_unknown(event: &Event) -> bool {
        event.event.is_unknown()
            || event
                .payload
                .status
                .as_ref()
                .is_some_and(super::DocumentStatus::is_unknown)
    }
}

/// The recipient an event is about, when the payload says: the one with the
/// latest `signedAt` (signed), the one rejected, the one whose link expired,
/// or the only recipient.
fn acting<'a>(event: &'a Event, pick: impl Fn(&&'a Recipient) -> bool) -> Option<&'a Recipient> {
    let recipients = &event.payload.recipients;
    let mut matching = recipients.iter().filter(pick);
    let first = matching.next();
    match (first, matching.next()) {
        (Some(only), None) => Some(only),
        _ if recipients.len() == 1 => recipients.first(),
        _ => None,
    }
}

fn documenso_step(event: &Event) -> Option<LifecycleStep> {
    let envelope = event.envelope_id();
    let step = |kind| LifecycleStep::new(kind, envelope.as_deref());
    let id = |recipient: Option<&Recipient>| recipient.map(|r| r.id.to_string());
    Some(match &event.event {
        EventKind::DocumentSent => step(Lifecycle::Sent),
        EventKind::DocumentOpened => step(Lifecycle::Viewed).signer(id(acting(event, |_| false)).as_deref()),
        EventKind::DocumentSigned => {
            let latest = event
                .payload
                .recipients
                .iter()
                .filter(|r| r.signed_at.is_some())
                .max_by(|a, b| a.signed_at.cmp(&b.signed_at));
            step(Lifecycle::Signed).signer(id(latest).as_deref())
        }
        EventKind::DocumentCompleted => step(Lifecycle::Completed),
        EventKind::DocumentRejected => {
            let rejecter = acting(event, |r| r.signing_status == Some(SigningStatus::Rejected));
            step(Lifecycle::Declined)
                .signer(id(rejecter).as_deref())
                .reason(rejecter.and_then(|r| r.rejection_reason.as_deref()))
        }
        EventKind::DocumentCancelled => step(Lifecycle::Cancelled),
        EventKind::RecipientExpired => {
            step(Lifecycle::Expired).signer(id(acting(event, |r| r.expiration_notified_at.is_some())).as_deref())
        }
        _ => return None,
    })
}
