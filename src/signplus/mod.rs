//! Sign.Plus (by Alohi): typed deliveries and how to authenticate them.
//!
//! # The wire format
//!
//! Sign.Plus POSTs a JSON object of two parts to the target URL of a webhook
//! created through its REST API (`POST https://restapi.sign.plus/v2/webhook`,
//! `{"event": "ENVELOPE_COMPLETED", "target": "https://…"}`), one event per
//! webhook:
//!
//! ```json
//! {
//!   "hook": {
//!     "id": "6697ccb204bd194fa74c22b4",
//!     "event": "envelope_completed",
//!     "target": "https://example.com/hooks/signplus"
//!   },
//!   "data": {
//!     "id": "6697ccb204bd194fa74c22b4",
//!     "uid": "4a6e29bfc5344ca6ad7cc8beda456481",
//!     "envelope_id": "6697e681c5e364c7c23710d4",
//!     "file_name": "dummy"
//!   }
//! }
//! ```
//!
//! * `hook` ([`Hook`]) names the webhook and its event. Events are registered in
//!   UPPER_SNAKE and delivered in lower_snake; [`EventKind`] accepts both.
//! * `data` depends on the event ([`Data`]): the four envelope events
//!   (completed, declined, expired, voided) carry [`EnvelopeData`];
//!   `envelope_audit_trail` carries [`AuditTrailData`], one recipient's
//!   [`AuditAction`] (viewed, signed, declined). An event this version does not
//!   know is kept as [`Data::Unknown`] with its raw JSON, never an error.
//!
//! Sign.Plus documents no delivery id, retry policy, expected status or
//! request headers; `data.id` and `data.uid` are not explained either.
//! [`EnvelopeStatus`], [`RecipientRole`], [`FlowType`] and [`LegalityLevel`]
//! come from the REST model, for the follow-up calls you make.
//!
//! # Lifecycle
//!
//! | Sign.Plus event | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `envelope_audit_trail`, action `ENVELOPE_VIEWED` | `Viewed` | `envelope_id` | `recipient_id` |
//! | `envelope_audit_trail`, action `ENVELOPE_SIGNED` | `Signed` | `envelope_id` | `recipient_id` |
//! | `envelope_audit_trail`, action `ENVELOPE_DECLINED` | `Declined` | `envelope_id` | `recipient_id` |
//! | `envelope_completed` | `Completed` | `envelope_id` | – |
//! | `envelope_declined` | `Declined` | `envelope_id` | – |
//! | `envelope_expired` | `Expired` | `envelope_id` | – |
//! | `envelope_voided` | `Cancelled` | `envelope_id` | – |
//! | every other event or audit action | – | | |
//!
//! Sign.Plus reports one decline twice (the audit action, then the envelope
//! event), so a `Declined` callback runs twice for it; the audit one carries
//! the recipient. No event says the envelope was sent.
//!
//! # What identifies one event
//!
//! Sign.Plus documents no delivery or event id, and the body carries no time.
//! [`DedupKey::of`](crate::dedup::DedupKey::of) hashes the event, `hook.id`
//! (the webhook), `envelope_id`, and for `envelope_audit_trail` the
//! `recipient_id` and `action` (one audit event per recipient and action);
//! unknown events, their whole `data`. `data.id` and `data.uid` are left out:
//! they are undocumented, and a value that changed per attempt would split one
//! event's retries. One recipient doing the same thing twice cannot be told
//! apart: the two deliveries share a key.
//!
//! # Authentication: none documented
//!
//! Sign.Plus documents **no** signature, secret or authentication header for
//! deliveries (see [`Verifier`] for what you can do instead). So:
//!
//! * register a target URL that carries an unguessable secret, checked with
//!   [`Verifier::query_token`] or [`Verifier::basic_auth`];
//! * treat a delivery as a hint: fetch the envelope ([`Event::envelope_id`])
//!   through the REST API and act on the state Sign.Plus returns there
//!   ([`EnvelopeStatus`]);
//! * make handlers idempotent: nothing identifies a delivery, so repeats cannot be told apart.
//!
//! # What the check proves
//!
//! **Nothing of the body**: a URL token, header token or Basic credential
//! proves only that the sender knows it; every field is as the sender wrote it,
//! and nothing is timestamped.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{AuditTrailData, Data, EnvelopeData, Event, Hook};
pub use kinds::{AuditAction, EnvelopeStatus, EventKind, FlowType, LegalityLevel, RecipientRole};
pub use plugin::SignPlus;
pub use verify::Verifier;

/// Parses a Sign.Plus delivery (`{hook, data}`) from the raw body. Errors are
/// [`ErrorKind::MalformedPayload`](crate::ErrorKind::MalformedPayload) with the
/// JSON path relative to the whole body, attributed to [`Vendor::SignPlus`](crate::Vendor::SignPlus).
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
