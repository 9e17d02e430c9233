//! Zoho Sign: typed deliveries and their HMAC check.
//!
//! # The wire format
//!
//! Zoho Sign POSTs a JSON object of two parts
//! (<https://help.zoho.com/portal/en/kb/zoho-sign/admin-guide/webhooks/articles/webhooks-management>):
//!
//! ```json
//! {
//!   "requests": { "request_id": 2000000012345, "request_name": "NDA", "request_status": "inprogress",
//!                 "actions": [ { "action_id": 2000000012350, "action_status": "SIGNED", … } ], … },
//!   "notifications": { "operation_type": "RequestSigningSuccess", "performed_by_email": "…",
//!                      "performed_at": 1700000000000, "action_id": 2000000012350, … }
//! }
//! ```
//!
//! * `requests` ([`Request`]) is the request with its recipients' actions.
//! * `notifications` ([`Notification`]) says what happened. Zoho's sample
//!   shows only `requests.request_name` and `notifications.operation_type`;
//!   the other names come from third-party models, one of which notes that
//!   **real payloads differ from the docs**: numeric ids where the docs have
//!   strings, epoch-ms times as numbers or strings, and **one**
//!   `notifications` object where the docs show a list. Both forms are
//!   accepted everywhere; [`Event::notifications`] is always a list.
//! * UI events: Sent, Viewed, Signed by a recipient, Completed by all,
//!   Declined, Reassigned, Expires, Recalled; their `operation_type` values
//!   are in [`OperationType`] (only `RequestSigningSuccess` is in Zoho's own
//!   sample). Zoho allows two webhooks per account, on Enterprise, API, Zoho
//!   One and People Plus plans.
//!
//! # Authentication
//!
//! Optional on Zoho's side ("HMAC signature" checkbox; the secret is shown
//! once). When on: `X-ZS-WEBHOOK-SIGNATURE: base64(HMAC-SHA256(secret, raw
//! body))`, checked by [`Verifier::new`] in constant time. Zoho's page writes
//! the formula as `HMAC SHA-256(payload+secret_key)`; its sample vector
//! reproduces only as key = secret, message = payload (tested in this module).
//!
//! **What it proves**: the body was produced by someone holding the secret
//! and was not changed. **What it does not**: nothing is timestamped, so a
//! captured delivery can be replayed; deduplicate
//! ([`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with)).
//! Tick the checkbox: without it, only a secret in the URL
//! ([`Verifier::query_token`]) can authenticate Zoho's deliveries.
//!
//! # The "Test URL" button
//!
//! Zoho Sign's "Test URL" button sends an **unsigned** sample (third-party
//! report, id 71187797648; Zoho does not publish it). With [`Verifier::new`],
//! a request shaped like Zoho's message (an object with a `requests` object
//! and `notifications`) and no `X-ZS-WEBHOOK-SIGNATURE` header at all is
//! recognised before any check (a setup handshake, see the
//! [security manual](crate::manual::security#setup-handshakes)) and, by
//! default, refused with 400
//! [`UnsignedDashboardTest`](crate::ErrorKind::UnsignedDashboardTest), whose
//! reason names the test and says real deliveries are signed. For the setup
//! session only, [`Verifier::dangerous_answer_unsigned_dashboard_test`]
//! answers it 200 ([`SetupRequest`](crate::ErrorKind::SetupRequest)).
//! Either way it is never an event and never runs a callback; a request with
//! a signature header, even a wrong one, is checked as usual.
//!
//! # What the check proves
//!
//! With the HMAC: every byte of the body, and nothing else (no header, no
//! time). With a URL token: nothing of the body; every field is as the sender
//! wrote it.
//!
//! # Response and retries
//!
//! Not published. [`Event::success_response`](crate::Event::success_response)
//! is an empty 200.
//!
//! # Lifecycle
//!
//! From the first notification:
//!
//! | `operation_type` | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `RequestSubmitted` | `Sent` |
//! | `RequestViewed` | `Viewed` (signer) |
//! | `RequestSigningSuccess` | `Signed` (signer) |
//! | `RequestCompleted` | `Completed` |
//! | `RequestRejected` | `Declined` (signer, `reason`) |
//! | `RequestRecalled` | `Cancelled` (`reason`) |
//! | `RequestExpired` | `Expired` |
//!
//! The envelope id is `requests.request_id`; the signer id is the
//! notification's `action_id`, else `performed_by_email`.
//!
//! # What identifies one event
//!
//! No delivery or event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `request_id` and each notification's `operation_type`, `action_id`
//! (one per recipient), `performed_by_email` and `performed_at` (epoch ms), read
//! as typed values: the same event has the same key whether its numbers arrive
//! as numbers or strings, and two recipients' events differ.

mod event;
mod kinds;
mod plugin;
mod scalars;
mod verify;

pub use event::{Action, Event, Notification, Request};
pub use kinds::{ActionStatus, OperationType, RequestStatus};
pub use plugin::ZohoSign;
pub use verify::{SIGNATURE_HEADER, Verifier, scheme};

/// Parses a Zoho Sign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
