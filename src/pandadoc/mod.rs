//! PandaDoc: typed deliveries (arrays of notifications) and the signature in
//! the query string.
//!
//! # The wire format
//!
//! PandaDoc POSTs a JSON **array** of notifications; it "may contain several
//! notification objects at the same time"
//! (<https://developers.pandadoc.com/docs/webhooks>):
//!
//! ```json
//! [
//!   { "event": "document_state_changed",
//!     "data": { "id": "msFYActMfJHqNTKH8YSvF1", "name": "Sample Document", "status": "document.completed",
//!               "date_created": "…", "date_modified": "…", "recipients": [ … ], "metadata": { … } } }
//! ]
//! ```
//!
//! * One delivery, several events. **`dispatch` returns the whole delivery**,
//!   [`Delivery`], with its [`notifications`](Delivery::notifications) in
//!   order: one HTTP request is one answer and one deduplication key, and a
//!   handler sees every event of the request together.
//! * The registrar: `handlers.pandadoc().on(kind, |delivery| …)` runs once per
//!   delivery that contains a notification of `kind` (or of any kind, with
//!   [`EventKind::ALL`]); `on_notification(kind, |notification| …)` runs
//!   **once per matching notification**. Both are in `src/registry/pandadoc.rs`.
//! * Events ([`EventKind`]): `document_state_changed`,
//!   `document_completed_pdf_ready`, `document_updated`, `recipient_completed`,
//!   `document_deleted`, `document_creation_failed`, `document_section_added`,
//!   `quote_updated`, `template_created`, `template_updated`,
//!   `template_deleted`, `content_library_item_created`,
//!   `content_library_item_creation_failed` (PandaDoc's OpenAPI 8.8.0 trigger
//!   enum), and the older SDK's `template_modified`.
//!   Document statuses: [`DocumentStatus`], the OpenAPI `DocumentStatusEnum`
//!   (`document.voided` is PandaDoc's "Expired") plus `document.cancelled`,
//!   which only the state-changed webhook page names.
//!   `other-vendors.md` §6 lists neither the two content-library events nor
//!   `document.uploaded`, `.error`, `.voided`, `.external_review`,
//!   `.scheduled`; the OpenAPI description is the better source.
//! * Header `X-PandaDoc-Webhook-Event-Id`, stable across automatic and manual
//!   retries, is kept in [`Delivery::event_id`].
//!
//! # Authentication
//!
//! Register the endpoint's plain URL (`https://…/hook`): PandaDoc appends the
//! `signature` query parameter itself, "appended automatically … No
//! additional configuration is required in the Developer Dashboard, the
//! signature is always sent" (<https://developers.pandadoc.com/docs/webhook-verification>,
//! updated 2026-07-20; older copies of that page, and `other-vendors.md` §6,
//! said to register `?signature={signature}`, which is superseded). The value
//! is the hex HMAC-SHA256 of the raw body keyed with the subscription's shared
//! key. [`Verifier::new`] checks it in constant time.
//!
//! `signature` must appear once. PandaDoc does not say whether it substitutes
//! a `{signature}` template or appends beside it, so a URL registered the old
//! way could arrive as `?signature={signature}&signature=<hex>`: the unfilled
//! placeholder (`{signature}`, or `%7Bsignature%7D`) carries no MAC and is
//! ignored when another `signature` is present, and the other value is checked
//! as usual. Two values that are not the placeholder are refused as ambiguous
//! ([`MalformedQuery`](crate::ErrorKind::MalformedQuery), 400). Pass the URI:
//!
//! ```
//! # use esign_webhooks::{Incoming, Secret, Webhooks, pandadoc};
//! # let webhooks = Webhooks::builder().pandadoc(pandadoc::Verifier::new(Secret::new("shared-key"))).build()?;
//! # let uri: http::Uri = "/hook?signature=9c61574911c5ed7c4a3d356571a05f924300998b4a43d3e0a4118a45a3bcf4c2".parse().unwrap();
//! # let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.completed"}}]"#;
//! # let headers: [(&str, &str); 0] = [];
//! let event = webhooks.dispatch_incoming(&Incoming::new(body, &headers).with_uri(&uri))?;
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! `dispatch` without the URI fails with a configuration error (500) that
//! says so.
//!
//! **What it proves**: the body was produced by someone holding the shared
//! key and was not changed. **What it does not**: nothing is timestamped, so
//! a captured delivery (and URLs, with their signature, end up in access
//! logs) can be replayed; deduplicate. Do not log request URLs in full.
//!
//! # What the check proves
//!
//! Every byte of the body (the `signature` query parameter covers the raw
//! body), and nothing else: nothing is timestamped, and
//! `X-PandaDoc-Webhook-Event-Id` is not covered although it becomes
//! [`Delivery::event_id`] and the dedup key (a sender can choose it; a replayed
//! body with a new id is run again). [`VerifiedBody`](crate::VerifiedBody)
//! keeps the header's value, so a later parse gives the same id.
//!
//! # Response and retries
//!
//! Answer 200 within 20 s ([`Event::success_response`](crate::Event::success_response)
//! is an empty 200). The overview page mentions automatic and manual retries
//! (an older page says there are none); the schedule is not published.
//!
//! # Lifecycle
//!
//! One step per delivery: the first notification that has one.
//!
//! | PandaDoc notification | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `document_state_changed`, `document.sent` | `Sent` |
//! | `document_state_changed`, `document.viewed` | `Viewed` |
//! | `recipient_completed` | `Signed` (signer: `action_by`'s e-mail, when sent) |
//! | `document_state_changed`, `document.completed` | `Completed` |
//! | `document_state_changed`, `document.declined` / `document.rejected` | `Declined` |
//! | `document_state_changed`, `document.cancelled` | `Cancelled` |
//! | `document_state_changed`, `document.voided` (PandaDoc's "Expired") | `Expired` |
//! | `document_creation_failed` | `Failed` |
//!
//! The envelope id is `data.id` (none when it is empty).
//!
//! # What identifies one event
//!
//! One delivery is an array of notifications, answered once: the key is the
//! delivery's. [`DedupKey::of`](crate::dedup::DedupKey::of) is
//! `X-PandaDoc-Webhook-Event-Id` when the delivery came with it: PandaDoc keeps
//! it across automatic and manual retries and gives each event type of one
//! change its own id. Without it (a body parsed later without its headers) the
//! key is every notification in its wire form: two signers' `recipient_completed`
//! differ by `action_by`, and two deliveries whose notifications say exactly the
//! same thing share a key.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Delivery, Document, Notification, Person, Recipient};
pub use kinds::{DocumentStatus, EventKind};
pub use plugin::PandaDoc;
pub use verify::{EVENT_ID_HEADER, SIGNATURE_PARAMETER, Verifier, scheme};

/// Parses a PandaDoc delivery from the raw body (without its event id).
pub(crate) fn parse(body: &[u8]) -> Result<Delivery, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
