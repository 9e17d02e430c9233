//! OpenSign (open source, cloud): typed deliveries and their signature.
//!
//! # The wire format
//!
//! OpenSign POSTs one flat JSON object per event to the webhook URL set under
//! Settings → Webhook (live webhooks need a paid plan; sandbox webhooks are
//! configured separately, on every plan):
//!
//! ```json
//! {
//!   "event": "viewed", "type": "request-sign", "objectId": "kpeg6Q2rO7",
//!   "file": "https://…/851de61f…pdf?…", "name": "Sample Test Doc",
//!   "note": "Please review and sign this document", "description": "",
//!   "signers": [{ "name": "Peter Mark", "email": "peter.mark1093@gmail.com", "phone": "3556567789" }],
//!   "viewedBy": "peter.mark1093@gmail.com", "viewedAt": "Fri, 16 May 2025 16:18:16 IST",
//!   "createdAt": "Fri, 16 May 2025 15:02:28 IST"
//! }
//! ```
//!
//! Events ([`EventKind`]): `created`, `viewed` (`viewedBy`, `viewedAt`),
//! `signed` (one `signer` instead of `signers`, `signedAt`), `completed`
//! (`certificate`, `completedAt`), `declined` (`declinedBy`,
//! `declinedReason`, `declinedAt`). Times are human-readable text in the
//! sender's zone, not ISO 8601, and are kept as sent. `file` is a presigned
//! URL that expires (15 minutes in the examples): download it at once.
//!
//! # Authentication
//!
//! With "Enable Authentication" on, OpenSign sends `x-webhook-signature:
//! <hex>`, the HMAC-SHA256 of "the raw request payload" keyed with the
//! webhook security key; [`Verifier::new`] checks exactly that, over the raw
//! bytes, in constant time. Without it OpenSign sends nothing to check: use
//! [`Verifier::query_token`] with a secret in the URL you register.
//!
//! *Proves*: the body is exactly what a holder of the key signed. *Does not
//! prove*: freshness: nothing is timestamped, so a captured request replays
//! forever; deduplicate ([`DedupKey`](crate::dedup::DedupKey)) and treat a
//! delivery as a hint to confirm through OpenSign's API.
//!
//! **A conflict in OpenSign's documentation.** The page says "raw request
//! payload" and "Use the raw request body", but its sample verifier HMACs
//! `JSON.stringify(req.body)`, the body parsed and re-serialised, and its
//! sample signatures reproduce from neither form with either key shown. The
//! two agree whenever OpenSign sends compact JSON as `JSON.stringify` writes
//! it, which a Node.js sender does. This crate follows the documented text
//! (the raw bytes): re-serialising would depend on key order and number and
//! escape formatting, and would accept bodies OpenSign never signed. If
//! deliveries you capture fail while the key is right, report it with the
//! captured request; no vendor vector exists to settle it.
//!
//! # What the check proves
//!
//! With the HMAC: every byte of the body, and nothing else (no header, no
//! time). With a URL token: nothing of the body; every field is as the sender
//! wrote it.
//!
//! # The response
//!
//! A 2xx status, "only after successful verification"; the crate answers 200.
//! OpenSign does not publish its retries.
//!
//! # Lifecycle
//!
//! | OpenSign event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `created` | `Sent` | — |
//! | `viewed` | `Viewed` | `viewedBy` |
//! | `signed` | `Signed` | `signer.email` |
//! | `completed` | `Completed` | — |
//! | `declined` | `Declined` (reason: `declinedReason`) | `declinedBy` |
//!
//! The envelope id is `objectId`.
//!
//! # What identifies one event
//!
//! No delivery or event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `event`, `objectId`, the acting signer (`viewedBy`, the signer's
//! e-mail, `declinedBy`) and the event's own time ([`Event::event_time`], to the
//! second), so a retry shares the key of its first delivery and two signers
//! acting in the same second do not.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Event, Signer};
pub use kinds::EventKind;
pub use plugin::OpenSign;
pub use verify::{SIGNATURE_HEADER, Verifier, scheme};

/// Parses an OpenSign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
