//! D4Sign (Brazil): typed posts and their document-UUID HMAC.
//!
//! Sources (checked 2026-12): <https://docapi.d4sign.com.br/v2.0/docs/webhook-postback>
//! (the posts, retries), <https://docapi.d4sign.com.br/v2.0/docs/segurança-de-webhook>
//! (Basic credentials, URL tokens, the HMAC),
//! <https://docapi.d4sign.com.br/v2.0/docs/cadastrar-webhook-em-um-documento>
//! (a webhook is registered per document), and the Portuguese help page
//! <https://ajuda.d4sign.com.br/cadastrar-webhook-em-um-documento-via-api>.
//!
//! # The wire format
//!
//! D4Sign POSTs to the URL registered on a document when a signer signs, when
//! the document is finished or cancelled, and when an e-mail to a signer is
//! not delivered. "The trigger occurs in FORM-DATA format"; the pages print
//! the fields as JSON:
//!
//! ```json
//! { "uuid": "UUID-DOCUMENT", "type_post": "4", "message": "Signed", "email": "signer@example.com" }
//! ```
//!
//! `type_post` ([`TypePost`]): `1` finished, `2` e-mail not sent (with
//! `email`), `3` cancelled, `4` signed (with `email`). The crate reads the
//! fields from a JSON object, `application/x-www-form-urlencoded`, or
//! `multipart/form-data` (its boundary taken from the body's first line, the
//! strictest reading: no preamble, no epilogue), since "FORM-DATA" does not
//! say which form encoding D4Sign's sender uses.
//!
//! # Authentication: an HMAC of the document UUID, not of the body
//!
//! "Every time a webhook is triggered, we calculate the SHA256 hash of the
//! document UUID with the secret key and add this information to the header":
//! `Content-Hmac: sha256=<hex>`, the HMAC-SHA256 of the UUID keyed with the
//! secret generated in the account's API section ([`Verifier::new`];
//! [`content_hmac`] computes it). The page's example value ends with a full
//! stop (`…92da944.`), read as the sentence's punctuation: the crate
//! requires exactly `sha256=` and 64 hex digits. D4Sign also recommends
//! Basic credentials in the URL or a token in its path;
//! [`Verifier::basic_auth`] and [`Verifier::query_token`] check those (a
//! token in the **path** is for your router to check: the crate sees no
//! path).
//!
//! # What the check proves
//!
//! * *Proves*: a holder of the account's secret once produced this
//!   document's HMAC.
//! * *Does not prove* anything else: **`type_post`, `message` and `email` are
//!   not covered**, and the header is **the same for every post about a
//!   document**. Anyone who has seen one delivery can forge any event of that
//!   document (finished, cancelled, signed by anyone), forever: there is no
//!   timestamp. Treat a post as "something happened to document X", and
//!   read the document's state through D4Sign's API before acting.
//!
//! Like Dropbox Sign's `event_hash` and SignWell's `event.hash`, the proof
//! sits in a field of the body: the crate reads only `uuid` before the
//! check, then the typed post.
//!
//! # The response
//!
//! A 2xx; the crate answers 200. When the URL is unavailable D4Sign tries 6
//! more times: after 1 h, 1 h, 1 h, 6 h, 6 h and 12 h (27 hours in all).
//!
//! # Lifecycle
//!
//! | `type_post` | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `1` | `Completed` | — |
//! | `2` | `DeliveryFailed` | `email` |
//! | `3` | `Cancelled` | — |
//! | `4` | `Signed` | `email` |
//!
//! The envelope id is `uuid`.
//!
//! # What identifies one event
//!
//! No event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of) hashes
//! `uuid`, `type_post` and `email`: a retry repeats them, and each signer
//! signs a document once.

mod body;
mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::Event;
pub use kinds::TypePost;
pub use plugin::D4Sign;
pub use verify::{PREFIX, SIGNATURE_HEADER, Verifier, content_hmac};

/// Parses a D4Sign post from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
