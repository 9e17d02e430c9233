//! Clicksign (Brazil): typed deliveries and their signature.
//!
//! Sources (checked 2026-12): <https://developers.clicksign.com/docs/disparos-de-webhooks-1>
//! (anatomy of a request), <https://developers.clicksign.com/v2.1/docs/seguranca-de-webhooks>
//! (the HMAC), <https://developers.clicksign.com/docs/eventos> and
//! <https://developers.clicksign.com/docs/eventos-aceite-via-whatsapp> (the
//! event lists), one page per event (`evento-sign`, `evento-auto-close`,
//! `evento-deadline`, `evento-close`, …) and the document example
//! (`exemplo-documento`).
//!
//! # The wire format
//!
//! Clicksign POSTs JSON to the URL registered in the account (or by API),
//! with the event name repeated in an `Event` header:
//!
//! ```text
//! POST /clicksign HTTP/1.1
//! Content-Type: application/json
//! Event: sign
//! Content-Hmac: sha256=75417778600008707f990e38babb0f72444404d4c2ad5e9a2189a2c920b0f10b
//!
//! {"event": {"name": "sign", "data": {"signer": {…}, "account": {"key": "…"}},
//!            "occurred_at": "2023-03-28T11:53:40.000-03:00"},
//!  "document": {"key": "…", "status": "running", "signers": […], "events": […], …}}
//! ```
//!
//! Document events carry `document`; the WhatsApp acceptance events
//! (`acceptance_term_*`) carry `acceptance`. The event pages print their
//! examples as Ruby hashes (`"name"=>"sign"`); the fixtures are their JSON.
//! Events ([`EventKind`]): `upload`, `add_image`, `add_signer`,
//! `remove_signer`, `sign`, `signature_started`, `refusal`, `close`,
//! `auto_close`, `deadline`, `document_closed`, `cancel`, `update_deadline`,
//! `update_auto_close`, `update_locale`, `attempts_by_whatsapp_exceeded`,
//! `attempts_by_liveness_or_facematch_exceeded`, `biometric_refused`,
//! `facematch_refused`, `ocr_refused`, and `acceptance_term_enqueued|sent|
//! completed|refused|canceled|expired|error`. Clicksign warns that fields and
//! events are added over time: unknown names are kept
//! ([`EventKind::Unknown`]), unknown fields ignored.
//!
//! # Authentication
//!
//! `Content-Hmac: sha256=<hex>`, the HMAC-SHA256 of the raw body keyed with
//! the webhook's HMAC secret, which Clicksign generates for each webhook
//! ([`Verifier::new`]); checked over the raw bytes, in constant time, with
//! every configured secret (rotation: [`Verifier::with_secret`]). Confirmed
//! against Clicksign's security page and a third-party receiver
//! (`NexoosBR/clicksign-webhooks`, `lib/clicksign/webhooks/hmac.rb`: hex
//! HMAC-SHA256 of `request.body.read` compared with `Content-Hmac`).
//! Clicksign also publishes fixed sender addresses (production
//! `34.204.113.69`, sandbox `54.210.30.253`): an allow-list at your proxy is a
//! useful second layer, not a substitute.
//!
//! The `Event` header ([`EVENT_HEADER`]) is not signed; the crate reads the
//! event name from the signed body only.
//!
//! # What the check proves
//!
//! Every byte of the body came from a holder of the webhook's secret. *Not*
//! freshness: nothing is timestamped, so a captured request replays forever;
//! deduplicate, and check the document's state through Clicksign's API
//! before an irreversible action.
//!
//! # The response
//!
//! A 2xx; the crate answers 200. Clicksign's retry schedule was not found in
//! its pages.
//!
//! # Lifecycle
//!
//! | Clicksign event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `sign` | `Signed` | `data.signer.email` (else its key) |
//! | `close`, `auto_close` | `Completed` | — |
//! | `refusal` | `Declined` | `data.signer.email` |
//! | `cancel` | `Cancelled` | — |
//! | `acceptance_term_sent` | `Sent` | — |
//! | `acceptance_term_completed` | `Completed` | — |
//! | `acceptance_term_refused` | `Declined` | — |
//! | `acceptance_term_canceled` | `Cancelled` | — |
//! | `acceptance_term_expired` | `Expired` | — |
//! | `acceptance_term_error` | `Failed` | — |
//!
//! `deadline` is not mapped (it closes or cancels depending on signatures;
//! the `close`/`auto_close` or `cancel` that follows says which). The
//! envelope id is the document's key, else the acceptance's.
//!
//! # What identifies one event
//!
//! No event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of) hashes
//! `event.name`, the document's (or acceptance's) key, the acting signer's
//! key and e-mail, and `event.occurred_at`.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Acceptance, Account, Document, Event, EventData, Occurrence, Signer, User};
pub use kinds::{AcceptanceStatus, DocumentStatus, EventKind};
pub use plugin::Clicksign;
pub use verify::{EVENT_HEADER, SIGNATURE_HEADER, Verifier, scheme};

/// Parses a Clicksign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
