//! Autentique (Brazil): typed deliveries and their signature.
//!
//! Sources (checked 2026-12): <https://docs.autentique.com.br/api/integration-basics/webhooks>
//! and its Portuguese twin <https://docs.autentique.com.br/api/integracao/webhooks>
//! (the Event object, "Como Começar", "Tipos de eventos", "Webhooks que
//! falharam"); the deprecated format, <https://docs.autentique.com.br/api/integrando-com-a-api/webhooks-1>,
//! is not supported (no new endpoint can be registered in it).
//!
//! # The wire format
//!
//! Autentique POSTs JSON to each endpoint registered in its developer panel,
//! a webhook envelope around a Stripe-like Event object:
//!
//! ```json
//! {
//!   "id": "MXwyMWZiY2VjOS1lMWI1LTRkY2EtYWZiYi0wMjIwNjFlOWVhODg=", "object": "webhook",
//!   "name": "test endpoint 2", "format": "json", "url": "https://…/webhooks",
//!   "event": {
//!     "id": "21fbcec9-e1b5-4dca-afbb-022061e9ea88", "object": "event", "organization": 1,
//!     "type": "document.updated",
//!     "data": { "object": { "id": "89c7d2ab…", "object": "document", "name": "Updated name", … },
//!               "previous_attributes": { "name": "teste" } }
//!   }
//! }
//! ```
//!
//! `event.data.object` is the resource (a document or a signature);
//! `*.updated` events add `previous_attributes`. Event types ([`EventType`]):
//! `document.created|updated|deleted|finished`, `signature.created|updated|
//! deleted|viewed|accepted|rejected|delivery_failed`. The vendor page groups
//! its types under Document, Signature and Member events, but its type table
//! was not retrievable: the names above are the Event object's example
//! (`document.updated`) and independent receivers that agree (third-party),
//! and member events, whose names were not found, are kept as
//! [`EventType::Unknown`] like every other new type.
//!
//! # Authentication
//!
//! Each endpoint has a secret. Independent receivers that agree with one
//! another (third-party code, not the vendor's) read
//! `X-Autentique-Signature: <hex>`, the HMAC-SHA256 of the raw body keyed
//! with that secret; the vendor's own page has a PHP receiving example that
//! starts from the raw body (`file_get_contents('php://input')`) but whose
//! signature lines could not be retrieved. **The header name is therefore not
//! confirmed from a complete vendor example**: [`Verifier::new`] uses
//! [`SIGNATURE_HEADER`], and [`Verifier::with_header`] (or a `scheme` in the
//! configuration file) takes another. Some third-party samples re-serialise
//! the parsed JSON before the HMAC; this crate keys the **raw body**, as the
//! vendor's example reads it: re-serialising would depend on key order and
//! number formatting, and would accept bodies Autentique never signed. If a
//! captured delivery fails while the secret is right, report it with the
//! captured request.
//!
//! # What the check proves
//!
//! Every byte of the body came from a holder of the endpoint's secret. *Not*
//! freshness: nothing is timestamped, so a captured request replays forever;
//! deduplicate on the event id (below), which Autentique asks for too.
//!
//! # The response
//!
//! "Return a success status (2xx) quickly", before any long work; the crate
//! answers 200. Deliveries that fail are listed in the panel ("Webhooks que
//! falharam") and retried; the schedule was not retrieved.
//!
//! # Lifecycle
//!
//! | Autentique event | [`Lifecycle`](crate::Lifecycle) | signer id |
//! |---|---|---|
//! | `document.finished` | `Completed` | — |
//! | `signature.viewed` | `Viewed` | the signature's e-mail, else `public_id` |
//! | `signature.accepted` | `Signed` | the same |
//! | `signature.rejected` | `Declined` | the same |
//! | `signature.delivery_failed` | `DeliveryFailed` | the same |
//!
//! The envelope id is the document's id ([`Event::document_id`]).
//!
//! # What identifies one event
//!
//! `event.id`, Autentique's id of the event: the same on every delivery of
//! it. [`DedupKey::of`](crate::dedup::DedupKey::of) is that id alone.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{Event, EventData, EventObject, Resource};
pub use kinds::EventType;
pub use plugin::Autentique;
pub use verify::{SIGNATURE_HEADER, Verifier, scheme};

/// Parses an Autentique delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
