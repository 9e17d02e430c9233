//! SignNow (airSlate Sign): typed callbacks, authenticated by what **you**
//! configure, since SignNow publishes no signature.
//!
//! Sources (read 2026-12): <https://docs.signnow.com/webhooks/subscriptions>,
//! <https://docs.signnow.com/sn/ref/webhooks-20>; SignNow's Node.js SDK
//! (`github:signnow/SignNowNodeSDK`, `@signnow/api-client` 3.0):
//! `webhookV2/request/data/attribute.ts` (subscription attributes, among them
//! `headers`, `delete_access_token` and `secret_key`) and
//! `webhookV2/response/data/{requestContent,meta,content}.ts` (the callback
//! body as SignNow's callback log records it); the event names as collected
//! by Pipedream's signNow component (`components/signnow/sources/common/events.mjs`,
//! third-party).
//!
//! # The wire format
//!
//! One JSON object per event, `{meta, content}`:
//!
//! ```json
//! {
//!   "meta": {"timestamp": 1733312400, "event": "user.document.complete",
//!            "environment": "https://api.signnow.com", "initiator_id": "9a1e…",
//!            "callback_url": "https://example.com/hooks/signnow"},
//!   "content": {"document_id": "4b1f…", "document_name": "NDA", "user_id": "9a1e…",
//!               "viewer_user_unique_id": "…"}
//! }
//! ```
//!
//! [`EventName`] lists 75 events in two scopes: `user.*` for every document of
//! the account, and the same events without `user.` for one document or
//! document group. `meta.access_token` carries an access token unless the
//! subscription sets `delete_access_token`: set it; the crate keeps the
//! token as an [`AccessToken`] that `Debug` never shows.
//!
//! # Authentication
//!
//! **SignNow publishes no signature scheme.** What a subscription can do is
//! carry static custom headers (`attributes.headers`) sent with every
//! callback. So the check is the one you set up, chosen explicitly, as for
//! the crate's other unsigned vendors:
//!
//! * a secret in a custom header: [`Verifier::header_token`];
//! * `Authorization: Basic <base64 user:password>` set as a custom header:
//!   [`Verifier::basic_auth`];
//! * a secret in the callback URL: [`Verifier::query_token`];
//! * nothing: [`Verifier::dangerous_accept_unverified`].
//!
//! **Open question: `secret_key`.** SignNow's SDKs accept a `secret_key`
//! attribute on a subscription (`SubscriptionPost(…, secretKey?)`), which
//! suggests a signature, but SignNow documents neither a header, nor an
//! algorithm, nor what is signed. The crate invents none: until SignNow
//! publishes it, `secret_key` is not checked. A captured delivery and
//! [`verify::detect_scheme`](crate::verify::detect_scheme) can find it;
//! [`Verifier::from_engine`] then takes the scheme found.
//!
//! # What the check proves
//!
//! Only that the sender knew the header, password or URL token: **no body
//! byte is signed and nothing is timestamped**; anyone who sees one request
//! can replay it or forge any body. Deduplicate, and confirm the document's
//! state through SignNow's API before acting on it.
//!
//! # The response
//!
//! A 2xx; the crate answers 200. SignNow does not publish its retries; its
//! callback log (`GET /api/v2/event-subscriptions/callbacks`) records each
//! attempt and its response status.
//!
//! # Lifecycle
//!
//! | SignNow event (either scope) | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `document.fieldinvite.sent` | `Sent` | — |
//! | `document.open` | `Viewed` | `viewer_user_unique_id` |
//! | `document.fieldinvite.signed`, `document.freeform.signed`, `document_group.freeform.signed` | `Signed` | `viewer_user_unique_id` |
//! | `document.complete`, `document_group.complete` | `Completed` | — |
//! | `document.fieldinvite.decline`, `document_group.invite.declined` | `Declined` | `viewer_user_unique_id` |
//! | `invite.expired` | `Expired` | — |
//! | `document.fieldinvite.delete`, `document_group.invite.cancel`, `document_group.freeform.cancel` | `Cancelled` | — |
//! | `document.fieldinvite.email.delivery.failed`, `document_group.invite.email.delivery.failed` | `DeliveryFailed` | `viewer_user_unique_id` |
//!
//! The envelope id is `content.document_id`.
//!
//! # What identifies one event
//!
//! No event id is sent (the callback log's `id` is not in the body).
//! [`DedupKey::of`](crate::dedup::DedupKey::of) hashes `meta.event`,
//! `meta.timestamp`, `content.document_id`, `meta.initiator_id` and
//! `content.viewer_user_unique_id`.
//!
//! # Notes on the sources
//!
//! Confirmed from SignNow's own SDK: the `{meta, content}` body and its
//! fields, the subscription attributes (`headers`, `delete_access_token`,
//! `secret_key`). Not confirmed from a SignNow page: the event names (the
//! reference page was not retrievable whole; Pipedream's list agrees with
//! the names SignNow's pages show, such as `user.document.complete`), what
//! `content` carries for document-group events (the SDK's model has no
//! group id; unknown members are ignored), retries, and `secret_key`.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{AccessToken, Content, Event, Meta};
pub use kinds::EventName;
pub use plugin::SignNow;
pub use verify::Verifier;

/// Parses a SignNow callback from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}
