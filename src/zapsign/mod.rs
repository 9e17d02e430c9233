//! ZapSign (Brazil, Latin America): typed deliveries; ZapSign signs nothing.
//!
//! Sources (checked 2026-12): <https://docs.zapsign.com.br/english/webhooks/eventos>
//! (the event list), one page per event (`…/eventos/doc-signed`, …),
//! <https://docs.zapsign.com.br/english/webhooks/create-webhook> (custom
//! headers) and the webhook logs page.
//!
//! # The wire format
//!
//! ZapSign POSTs JSON: the document as its "detail document" endpoint
//! returns it, with `event_type`:
//!
//! ```json
//! {
//!   "event_type": "doc_signed", "sandbox": false, "external_id": "id-suaaplicacao-e32213ds-243",
//!   "open_id": 23, "token": "cce11abf-abcd-abcd-a657-25b55f185f16", "name": "sample.pdf",
//!   "status": "signed", "original_file": "https://…", "signed_file": "https://…",
//!   "created_at": "2021-06-07T19:21:59.609067Z", "last_update_at": "2021-06-07T19:22:21.838310Z",
//!   "signers": [{ "token": "b14f141f-…", "status": "signed", "name": "Fulano Silva", … }],
//!   "signer_who_signed": { "token": "b14f141f-…", … }
//! }
//! ```
//!
//! Events ([`EventType`]): `doc_created`, `created_signer`, `doc_deleted`,
//! `doc_signed`, `doc_refused`, `email_bounce`,
//! `signature_notification_sent`, `doc_viewed`, `doc_read_confirmation`,
//! `signer_authentication_failed`, `background_check_completed`,
//! `doc_expired`, `doc_expiration_alert`. `doc_signed` is sent for every
//! signer: the document-level `status` is `signed` only once all have signed
//! (`pending` before). The file URLs expire after 60 minutes. Document
//! statuses `pending` and `signed` are in the examples; `refused`, and the
//! signer statuses `new` and `link-opened`, come from ZapSign's document
//! API reference (not re-checked in this pass); any other value is kept
//! ([`DocumentStatus::Unknown`], [`SignerStatus::Unknown`]).
//!
//! # Authentication: none published
//!
//! ZapSign publishes **no signature** and no shared secret. A webhook can be
//! given custom headers (panel or API), sent unchanged with every delivery:
//! choose a header and a long random value and check it with
//! [`Verifier::header_token`] (the name and value are yours; ZapSign's
//! example is `Authorization: Bearer …`), or register a URL with
//! `user:password@` credentials and check them with [`Verifier::basic_auth`],
//! or a URL token with [`Verifier::query_token`]. Nothing is checked unless
//! you choose one: there is no default.
//!
//! # What the check proves
//!
//! That the sender knew the header's value (or the URL's credentials).
//! **Not** that ZapSign sent it, **not** the body: anyone who sees one
//! request's headers can forge any body, and nothing is timestamped. Keep the
//! value out of logs, deduplicate, and confirm the document's state through
//! ZapSign's API (detail document, by `token`) before an irreversible action.
//!
//! # The response
//!
//! A 2xx; the crate answers 200. ZapSign keeps a log of deliveries (the
//! "Webhook logs" page) from which they can be re-sent; its retry schedule
//! was not found.
//!
//! # Lifecycle
//!
//! | ZapSign event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `signature_notification_sent` | `Sent` | the signer's e-mail (else its token) |
//! | `doc_viewed` | `Viewed` | the same |
//! | `doc_signed` | `Signed` | `signer_who_signed` |
//! | `doc_refused` | `Declined` | the signer, when sent |
//! | `doc_expired` | `Expired` | — |
//! | `email_bounce` | `DeliveryFailed` | the signer |
//!
//! The envelope id is the document's `token`. The completion of a document
//! is the `doc_signed` whose `status` is `signed`.
//!
//! # What identifies one event
//!
//! No event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of) hashes
//! `event_type`, the document's token, the acting signer's token and
//! `last_update_at`. The three `doc_expiration_alert`s of one deadline may
//! share a key when the document did not change in between.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Event, Signer};
pub use kinds::{DocumentStatus, EventType, SignerStatus};
pub use plugin::ZapSign;
pub use verify::Verifier;

/// Parses a ZapSign delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
