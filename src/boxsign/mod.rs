//! Box Sign: typed deliveries of Box's V2 webhooks for sign requests, and
//! their signatures.
//!
//! # The wire format
//!
//! Box Sign events are ordinary Box V2 webhooks, set on the file or folder of
//! the sign requests. Box POSTs a JSON payload per event:
//!
//! ```json
//! {
//!   "type": "webhook_event",
//!   "id": "0f46a6ca-86bf-44ab-8cf5-f08e1e02876b",
//!   "created_at": "2024-05-02T10:00:00-07:00",
//!   "trigger": "SIGN_REQUEST.COMPLETED",
//!   "webhook": { "id": "4161288", "type": "webhook" },
//!   "created_by": { "type": "user", "id": "19837223", "name": "Jane Doe", "login": "jane@example.com" },
//!   "source": { "id": "1509826131", "type": "file", "name": "contract.pdf", … },
//!   "additional_info": { … }
//! }
//! ```
//!
//! The triggers ([`EventKind`]): `SIGN_REQUEST.COMPLETED`, `.DECLINED`,
//! `.EXPIRED`, `.SIGNER_EMAIL_BOUNCED`, `.SIGNER_SIGNED`,
//! `.SIGNATURE_REQUESTED`, `.ERROR_FINALIZING`; any other Box trigger is kept
//! as `Unknown`. Box does not document the Sign-specific contents of `source`
//! and `additional_info`: [`Item`] types the common fields and keeps the rest,
//! `additional_info` stays JSON, and [`Event::sign_request_id`] reads the sign
//! request's id where deliveries carry it.
//!
//! # Authentication
//!
//! Box signs every delivery with the application's two webhook signature
//! keys: `BOX-SIGNATURE-PRIMARY` and `BOX-SIGNATURE-SECONDARY` are the base64
//! HMAC-SHA256 of the raw body bytes followed by the `BOX-DELIVERY-TIMESTAMP`
//! bytes (RFC 3339), with `BOX-SIGNATURE-VERSION: 1` and
//! `BOX-SIGNATURE-ALGORITHM: HmacSHA256`. [`Verifier::new`] checks both
//! headers against both keys (either match passes, so keys rotate one at a
//! time) and refuses timestamps more than 10 minutes from the clock, either
//! way, and an announced version other than `1` or algorithm other than
//! `HmacSHA256`.
//!
//! The bound on **future** timestamps is deliberate. Box's guide only says to
//! refuse a delivery "older than ten minutes", but Box's own SDKs refuse
//! future ones too: the generated SDKs' `WebhooksManager.validateMessage`
//! fails when the delivery timestamp is later than the current time or more
//! than `maxAge` (600 s) old, and their test vectors refuse a timestamp 20
//! minutes ahead. The crate allows the same 10 minutes of clock skew both
//! ways: a receiver whose clock runs more than 10 minutes slow refuses valid
//! deliveries (401), so keep the clock synchronised, or widen the window with
//! [`Verifier::with_tolerance`].
//!
//! *Proves*: the body and the delivery time are what a holder of one of your
//! keys signed, less than 10 minutes ago. *Does not prove*: that it was not
//! delivered before: within the window a captured request replays, and Box
//! retries on its own, so deduplicate on the event id
//! ([`DedupKey`](crate::dedup::DedupKey)).
//!
//! # What the check proves
//!
//! Every byte of the body and `BOX-DELIVERY-TIMESTAMP`. `BOX-DELIVERY-ID` and
//! the other headers are not covered.
//!
//! # The response
//!
//! Any 200–299 status within 30 seconds; the crate answers 200. Otherwise
//! "Box will retry webhook deliveries up to 12 times over a period of 2 hours"
//! (`content/guides/webhooks/v2/index.md`, `box/developer.box.com` @
//! `eee1aa64`), each retry with a new `BOX-DELIVERY-ID` and timestamp, the
//! same payload `id`; after that the event is lost to the webhook.
//! (`other-vendors.md` §14 states neither this policy nor that Box's guide
//! checks only "older than ten minutes".)
//!
//! # Lifecycle
//!
//! | Box Sign trigger | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `SIGN_REQUEST.SIGNATURE_REQUESTED` | `Sent` |
//! | `SIGN_REQUEST.SIGNER_SIGNED` | `Signed` |
//! | `SIGN_REQUEST.COMPLETED` | `Completed` |
//! | `SIGN_REQUEST.DECLINED` | `Declined` |
//! | `SIGN_REQUEST.EXPIRED` | `Expired` |
//! | `SIGN_REQUEST.SIGNER_EMAIL_BOUNCED` | `DeliveryFailed` |
//! | `SIGN_REQUEST.ERROR_FINALIZING` | `Failed` |
//!
//! The envelope id is [`Event::sign_request_id`]; Box names no signer in a
//! documented field, so the signer id is empty.
//!
//! # What identifies one event
//!
//! The payload's `id`, the webhook event's id: "When Box retries a webhook
//! this ID will not change, while the ID in the header changes"
//! (`BOX-DELIVERY-ID`, left out). [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes the trigger and that id; two signers signing in the same second are
//! two events with two ids.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Event, Item, User, Webhook};
pub use kinds::EventKind;
pub use plugin::BoxSign;
pub use verify::{
    ALGORITHM_HEADER, PRIMARY_HEADER, SECONDARY_HEADER, TIMESTAMP_HEADER, TOLERANCE, VERSION_HEADER, Verifier, scheme,
};

/// Parses a Box Sign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
