//! Yousign (API v3): typed deliveries and their HMAC check.
//!
//! # The wire format
//!
//! Yousign POSTs `application/json` to the subscription's endpoint, one event
//! per delivery, always with the same root schema
//! (<https://developers.yousign.com/docs/webhook-messages>):
//!
//! ```json
//! {
//!   "event_id": "d09f0367-d80a-309c-a2ed-7083991fc564",
//!   "event_name": "signature_request.done",
//!   "event_time": "1348177752",
//!   "subscription_id": "d09f0367-d80a-309c-a2ed-7083991fc564",
//!   "subscription_description": "A great webhook",
//!   "sandbox": false,
//!   "data": { "signature_request": { "id": "…", "status": "done", … } }
//! }
//! ```
//!
//! * `event_time` is Unix seconds **as a string** and stays the same across
//!   retries ([`Event::event_time`], [`Event::event_time_unix`]); a number is
//!   accepted too.
//! * `data` ([`Data`]) has `signature_request` for signature-request events,
//!   `signature_request` and `signer` for signer events, `approver` for
//!   approver events, `electronic_seal` for electronic-seal events (kept as raw
//!   JSON: Yousign does not list its fields).
//! * Headers: `X-Yousign-Signature-256`, `X-Yousign-Retry` (0 on the first
//!   delivery; an older page says `X-Yousign-Retry-Count`), `X-Yousign-Issued-At`
//!   (not signed), `User-Agent: Yousign Webhook Bot`.
//!
//! Events ([`EventKind`]): `signature_request.activated`, `.done`, `.expired`,
//! `.declined`, `.reminder_executed`, `.approved`; `signer.done`,
//! `signer.link_opened`, `signer.notified`, `signer.error`; and
//! `signature_request.canceled`, `.deleted`, `.reactivated`, announced in
//! Yousign's changelog
//! (<https://developers.yousign.com/changelog/new-webhooks-events-are-available>;
//! `other-vendors.md` §5 wrongly marks them third-party). A few more names
//! seen in third-party integrations are typed too (marked so on
//! [`EventKind`]); anything else is [`EventKind::Unknown`], never an error.
//!
//! # Authentication
//!
//! `X-Yousign-Signature-256: sha256=<hex of HMAC-SHA256(secret_key, raw body)>`,
//! checked by [`Verifier::new`] in constant time over the raw bytes
//! (<https://developers.yousign.com/docs/security>; the page says "binary
//! hash" but every official example is hex).
//!
//! **What it proves**: the body was produced by someone holding the
//! subscription's `secret_key`, and was not changed on the way. **What it does
//! not**: nothing is timestamped (`X-Yousign-Issued-At` is not signed), so a
//! captured delivery can be replayed at any time; deduplicate on `event_id`
//! ([`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with)).
//!
//! # What the check proves
//!
//! Every byte of the body, and nothing else: `X-Yousign-Issued-At` and the
//! other headers are not covered.
//!
//! # Response and retries
//!
//! Any 2xx (or 3xx, at most two redirects) within 1 s on the first try, 10 s
//! on retries. With `auto_retry`, up to 8 retries (2 min, 6 min, 30 min, 1 h,
//! 5 h, 18 h, 1 day, 2 days); a first-try timeout is always retried once
//! (<https://developers.yousign.com/docs/failure-and-retry-policy>). The 1 s
//! budget means: verify, answer, and do the work later
//! ([`Webhooks::verify`](crate::Webhooks::verify)).
//! [`Event::success_response`](crate::Event::success_response) is an empty 200.
//!
//! # Lifecycle
//!
//! | Yousign event | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `signature_request.activated` | `Sent` |
//! | `signature_request.reactivated` | `Sent` (the crate's reading: the request is ongoing again) |
//! | `signer.link_opened` | `Viewed` (signer) |
//! | `signer.done` | `Signed` (signer) |
//! | `signature_request.done` | `Completed` |
//! | `signature_request.declined`, (third-party) `signer.declined` | `Declined` (signer and reason from `decline_information`) |
//! | `signature_request.expired` | `Expired` |
//! | `signature_request.canceled` | `Cancelled` |
//! | `signer.error` | `Failed` (signer) |
//! | (third-party) `signer.notification_delivery_failed` | `DeliveryFailed` (signer) |
//!
//! The envelope id is `data.signature_request.id`, the signer id `data.signer.id`.
//!
//! # What identifies one event
//!
//! `event_id`: Yousign makes it unique per event, keeps it (and `event_time`)
//! across retries, and recommends deduplicating on it.
//! [`DedupKey::of`](crate::dedup::DedupKey::of) is derived from it alone; the
//! attempt counter `X-Yousign-Retry` is a header, left out.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{
    Approver, Data, DeclineInformation, Document, Event, Participant, PersonInfo, SignatureRequest, Signer,
};
pub use kinds::{DeliveryMode, EventKind, SignatureRequestStatus, SignerStatus};
pub use plugin::Yousign;
pub use verify::{SIGNATURE_HEADER, Verifier, scheme};

/// Parses a Yousign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
