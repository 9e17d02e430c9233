//! SignWell: typed deliveries and their in-body proof.
//!
//! # The wire format
//!
//! SignWell POSTs JSON `{event, data}` to each webhook's URL:
//!
//! ```json
//! {
//!   "event": { "type": "document_signed", "time": 1700000000, "hash": "<hex>",
//!              "related_signer": { "email": "jane@example.com", "name": "Jane Doe" } },
//!   "data": { "object": { "id": "…", "status": "…", "recipients": […], "files": […], … },
//!             "account_id": "…" }
//! }
//! ```
//!
//! Events ([`EventKind`]): `document_created`, `document_sent`,
//! `document_viewed`, `document_in_progress`, `document_recipients_updated`,
//! `document_signed`, `document_completed`, `document_expired`,
//! `document_canceled`, `document_declined`, `document_bounced`,
//! `document_error`, `template_created`, `template_error`. `related_signer` is
//! sent for viewed, signed and declined. `data.object` is SignWell's Get
//! Document / Get Template model: [`Object`] types its id, name and status and
//! keeps the rest as JSON.
//!
//! # Authentication: a proof that covers two fields
//!
//! `event.hash` is the hex HMAC-SHA256 of `"<event.type>@<event.time>"`
//! keyed with the **webhook id** ([`Verifier::new`]); the crate compares it in
//! constant time with every configured id's.
//!
//! * *Proves*: someone who knows the webhook id produced this event type at
//!   this time.
//! * *Does not prove* anything about the rest of the body: **`data` and
//!   `related_signer` are not covered**, so they can be forged by anyone who
//!   has seen one genuine delivery.
//! * **No replay protection**: SignWell publishes no tolerance, and the crate
//!   checks no age; a captured delivery verifies forever.
//! * The key is the webhook's id, which SignWell's API returns to anyone with
//!   API access: it is an identifier, not a dedicated secret.
//!
//! So: fetch the document through SignWell's API ([`Event::document_id`])
//! and act on what the API says, deduplicate, and consider a secret query
//! token in the webhook URL on top (checked at your router).
//!
//! # What the check proves
//!
//! **`event.type` and `event.time` only.** `data`, `related_signer` and every
//! other field are as the sender wrote them; nothing outside the body is read.
//!
//! # The response
//!
//! Not published; the crate answers 200.
//!
//! # Lifecycle
//!
//! | SignWell event | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `document_sent` | `Sent` |
//! | `document_viewed` | `Viewed` |
//! | `document_signed` | `Signed` |
//! | `document_completed` | `Completed` |
//! | `document_declined` | `Declined` |
//! | `document_expired` | `Expired` |
//! | `document_canceled` | `Cancelled` |
//! | `document_bounced` | `DeliveryFailed` |
//! | `document_error` | `Failed` |
//!
//! The envelope id is `data.object.id` and the signer id
//! `event.related_signer.email`, both unauthenticated.
//!
//! # What identifies one event
//!
//! No delivery id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `event.type`, `event.time` (the signed pair, to the second),
//! `data.object.id` and `event.related_signer`'s e-mail and name: viewed, signed
//! and declined are sent once per recipient, so two recipients acting in the
//! same second are two events with two keys. A retry repeats the body. One
//! recipient viewing a document twice in one second gives one key.
//!
//! # Testing
//!
//! [`event_hash`] computes the `event.hash` SignWell would send, to put in
//! the bodies your tests dispatch.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Data, Event, EventInfo, Object, RelatedSigner};
pub use kinds::EventKind;
pub use plugin::SignWell;
pub use verify::{Verifier, event_hash};

/// Parses a SignWell delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
