//! SignatureAPI: typed deliveries and their Standard Webhooks signature.
//!
//! Sources (read 2026-12; API version 1.18):
//! <https://signatureapi.com/docs/api/webhooks>,
//! <https://signatureapi.com/docs/api/guides/how-to/verify-webhooks>,
//! <https://signatureapi.com/docs/api/guides/how-to/set-up-webhooks>,
//! <https://signatureapi.com/docs/api/resources/events> and its pages of
//! envelope, recipient, deliverable and sender events.
//!
//! # The wire format
//!
//! One Event object per POST, JSON:
//!
//! ```json
//! {
//!   "id": "evt_4p2oouvNvjp1I9ckgqycH2", "type": "recipient.completed",
//!   "timestamp": "2025-12-31T15:00:01.999Z",
//!   "data": {
//!     "envelope_id": "e387553d-cbb7-4924-abd8-b2d89699e9b5",
//!     "envelope_metadata": { "customer_ref": "x9550501" },
//!     "object_id": "re_7v7Sion0vqjJioYmwfZ9mf", "object_type": "recipient",
//!     "recipient_type": "signer"
//!   }
//! }
//! ```
//!
//! Twenty-two event types ([`EventType`]) in four groups: `envelope.*`
//! (created, started, completed, failed, canceled), `recipient.*` (released,
//! sent, accessed, viewed, completed, rejected, soft_bounced, hard_bounced,
//! failed, replaced, resent), `deliverable.*` (generated, failed) and
//! `sender.*` (created, verified, failed, deleted). `data` carries the object
//! (`object_id`, `object_type`) and what its type adds ([`EventData`]).
//! Events may arrive out of order: use `timestamp` and your own state.
//!
//! # Authentication
//!
//! SignatureAPI signs every delivery with the [Standard
//! Webhooks](https://www.standardwebhooks.com/) scheme: `webhook-id`,
//! `webhook-timestamp` (Unix seconds) and `webhook-signature` (one or more
//! space-separated `v1,<base64>`), the HMAC-SHA256 of
//! `{webhook-id}.{webhook-timestamp}.{raw body}` keyed with the endpoint's
//! signing secret (`whsec_…`, prefix dropped, base64-decoded). A timestamp
//! more than 5 minutes from the clock is refused. [`Verifier::signing_secret`]
//! takes the secret as the Dashboard shows it; the check is the crate's one
//! Standard Webhooks scheme ([`HmacScheme::standard_webhooks`](crate::verify::HmacScheme::standard_webhooks)),
//! not a copy.
//!
//! **Test vector.** SignatureAPI's page says its functions pass "the same
//! six-case test vector" (a valid delivery, several signatures with one
//! valid, a tampered body, a wrong secret, an old timestamp, missing
//! headers), but the vector's values were not retrievable from the stored
//! copies of the page. `tests/signatureapi.rs` therefore runs the **Standard
//! Webhooks specification's** vector (secret
//! `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`, id
//! `msg_p5jXN8AQM9LWM0D4loKWxJek`, timestamp `1614265330`, body
//! `{"test": 2432232314}`, signature
//! `v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=`) through this verifier,
//! in the same six cases.
//!
//! # What the check proves
//!
//! The body, the `webhook-id` and the timestamp come from a holder of the
//! endpoint's secret and are unchanged, and the delivery was signed within 5
//! minutes of the receiver's clock. It does not prove that the delivery has
//! not been seen before within those 5 minutes: deduplicate.
//!
//! # The response
//!
//! Any 2xx acknowledges the event (the crate answers 200); otherwise
//! SignatureAPI retries, and its page tells receivers to expect duplicate
//! deliveries. The retry schedule was not retrieved.
//!
//! # Lifecycle
//!
//! | SignatureAPI event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `envelope.started` | `Sent` | — |
//! | `recipient.viewed` | `Viewed` | `object_id` |
//! | `recipient.completed` | `Signed` | `object_id` |
//! | `envelope.completed` | `Completed` | — |
//! | `recipient.rejected` | `Declined` (reason: `data.reason`) | `object_id` |
//! | `envelope.canceled` | `Cancelled` | — |
//! | `envelope.failed` | `Failed` (reason: `data.detail`) | — |
//! | `recipient.soft_bounced`, `recipient.hard_bounced`, `recipient.failed` | `DeliveryFailed` (reason: `data.detail`) | `object_id` |
//!
//! The envelope id is `data.envelope_id`. The other events (`created`,
//! `released`, `sent`, `accessed`, `replaced`, `resent`, deliverable and sender
//! events) have no lifecycle step.
//!
//! # What identifies one event
//!
//! The event's `id` (`evt_…`): [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes it alone, so every retry of an event shares its key.
//!
//! # Notes on the sources
//!
//! Confirmed against the vendor's pages: the header names, the signed string,
//! the `whsec_` key handling, the 5-minute tolerance, the event names and the
//! example payloads (`tests/fixtures/signatureapi/SOURCE.md`). The fields of
//! `recipient.replaced` beyond the common ones were not shown; unknown
//! members are ignored, unknown event and object types kept.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Event, EventData};
pub use kinds::{EventType, ObjectType};
pub use plugin::SignatureApi;
pub use verify::{Verifier, scheme};

/// Parses a SignatureAPI delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}
