//! Dropbox Sign (formerly HelloSign): typed callbacks and their check.
//!
//! # The wire format
//!
//! Dropbox Sign POSTs each event to your account callback URL and, for
//! requests made by an API app, to the app's callback URL. "The default
//! format … is a multipart ('form/multipart') POST request, with the message
//! details in a POST field named 'json'" (overview, walkthrough and OpenAPI
//! description), while Dropbox Sign's glossary says callbacks are "Sent as
//! HTTP POST with a JSON payload"
//! (<https://developers.hellosign.com/api/manual-reference-pages/glossary/callbacks-events.md>).
//! The vendor's pages conflict, and no setting that chooses between the two
//! is documented, so the crate does not rely on either: both are read (the
//! first by the crate's strict RFC 7578
//! reader, the boundary taken from `Content-Type`; a form that cannot be read is
//! [`ErrorKind::MalformedMultipart`](crate::ErrorKind::MalformedMultipart), one
//! without a `json` field [`ErrorKind::MissingField`](crate::ErrorKind::MissingField)):
//!
//! ```json
//! {
//!   "event": {
//!     "event_time": "1669926463",
//!     "event_type": "account_confirmed",
//!     "event_hash": "ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f",
//!     "event_metadata": {
//!       "related_signature_id": null,
//!       "reported_for_account_id": "6421d70b9bd45059fa207d03ab8d1b96515b472c",
//!       "reported_for_app_id": null,
//!       "event_message": null
//!     }
//!   }
//! }
//! ```
//!
//! * `event` ([`EventInfo`]): `event_type` ([`EventType`], every value of the
//!   OpenAPI enum, newer ones kept as `Unknown`), `event_time` (Unix seconds,
//!   a string), `event_hash`, and [`EventMetadata`] (the related signer, the
//!   account or app the event is reported for, a message).
//! * the object it is about: `signature_request` ([`SignatureRequest`] with its
//!   [`Signature`]s), `template` ([`Template`]) or `account` ([`Account`]);
//!   the help centre's example also has top-level `account_guid` and `client_id`.
//! * Account and app callbacks have the same shape; app callbacks carry
//!   `event_metadata.reported_for_app_id` ([`Event::callback_type`]).
//! * `callback_test` is sent when a callback URL is set: answer it like any event.
//!
//! # Authentication: what it proves, and what it does not
//!
//! `event.event_hash` is the lower-case hex HMAC-SHA256, keyed with your
//! **API key**, of `event_time` immediately followed by `event_type`
//! ([`Verifier::new`]). The crate compares it in constant time.
//!
//! * It proves that someone holding your API key made an event **of this type
//!   at this time**. That is all it covers.
//! * It does **not** cover the rest of the body: the signature request, its
//!   signers, the metadata can be changed without the hash changing.
//! * It does **not** stop replays: nothing expires, and a captured callback
//!   verifies forever ([`Verified::timestamp`](crate::verify::Verified::timestamp)
//!   gives the signed `event_time` if you want to refuse old ones; Dropbox
//!   Sign retries for up to about three days, so keep any window wider).
//!
//! So treat a verified callback as a trustworthy *notice*: fetch the
//! signature request (`GET /v3/signature_request/{id}`) and act on what the
//! API returns. A secret in the callback URL adds nothing the hash lacks
//! but keeps strangers from reaching the handler at all.
//!
//! # What the check proves
//!
//! **`event.event_time` and `event.event_type` only.** Every other field of
//! the callback JSON (the signature request, its signers, the metadata) and
//! every other part of a multipart body is as the sender wrote it. The JSON
//! checked is the `json` field delimited by the boundary of the request's
//! `Content-Type` (or the whole body when it is JSON);
//! [`VerifiedBody`](crate::VerifiedBody) records where that field lies, so a
//! later parse reads the very bytes checked and never looks for framing in the
//! body again. A multipart body stored without its `Content-Type` is ambiguous
//! (`esign_webhooks::dangerous::parse_unverified` says how it is read).
//!
//! # The response Dropbox Sign expects
//!
//! "Your endpoint will need to return a 200 HTTP code and a response body
//! containing the following text: `Hello API Event Received`. Otherwise, the
//! callback will be considered a failure and will be retried later."
//! [`Event::success_response`](crate::Event::success_response) gives exactly
//! that ([`SUCCESS_RESPONSE`], `text/plain`). Failed callbacks are retried up
//! to 6 times over about 30 hours (FAQ; a newer glossary says about 3 days),
//! each request timing out after 30 seconds.
//!
//! # Lifecycle
//!
//! | [`Lifecycle`](crate::Lifecycle) | event type | signer | reason |
//! |---|---|---|---|
//! | `Sent` | `signature_request_sent` | | |
//! | `Viewed` | `signature_request_viewed` | `related_signature_id` | |
//! | `Signed` | `signature_request_signed` | `related_signature_id` | |
//! | `Completed` | `signature_request_all_signed` | | |
//! | `Declined` | `signature_request_declined` | `related_signature_id` | the signer's `decline_reason` |
//! | `Cancelled` | `signature_request_canceled` | | |
//! | `Expired` | `signature_request_expired` | | |
//! | `DeliveryFailed` | `signature_request_email_bounce` | `related_signature_id` | |
//! | `Failed` | `signature_request_invalid`, `file_error` | | `event_message` |
//!
//! The envelope id is `signature_request.signature_request_id`. Other events
//! (`signature_request_downloadable`, `_remind`, `_reassigned`, templates,
//! accounts, `callback_test`, …) have no lifecycle step.
//!
//! # What identifies one event
//!
//! Dropbox Sign sends no delivery id, and `event_hash` cannot serve: it covers
//! only time and type, so two signers signing in the same second share it.
//! [`DedupKey::of`](crate::dedup::DedupKey::of) hashes `event_type`,
//! `event_time`, the metadata's `related_signature_id` (the signer the event is
//! about), `reported_for_account_id` and `reported_for_app_id`, and the
//! signature request, template or account id. A retry repeats all of them.

pub(crate) mod body;
mod event;
mod kinds;
mod plugin;
mod sender;
mod verify;

pub use event::{
    Account, AccountSettings, Attachment, CustomField, Event, EventInfo, EventMetadata, Quotas, ResponseData,
    Signature, SignatureRequest, Template, TemplateAccount, TemplateCcRole, TemplateDocument, TemplateRole, Usage,
};
pub use kinds::{CallbackType, EventType, SignatureStatus};
pub use plugin::DropboxSign;
pub use verify::Verifier;

/// The body Dropbox Sign requires in the 200 response, or it retries.
pub const SUCCESS_RESPONSE: &str = "Hello API Event Received";

/// Parses the callback JSON (the `json` field's content, or a JSON body).
pub(crate) fn parse_json(json: &[u8]) -> Result<Event, crate::Error> {
    crate::json_text::from_body(json)
        .map_err(|err| crate::Error::malformed_payload(json, err).with_vendor(crate::Vendor::DropboxSign))
}

#[cfg(test)]
mod tests;
