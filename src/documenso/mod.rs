//! Documenso: typed deliveries and its shared-secret header.
//!
//! Facts from `documenso/documenso` (commit `75330166cc00b29c14399bc2e391e4b4d8080c00`)
//! and its docs (`apps/docs/content/docs/developers/webhooks/`).
//!
//! # The wire format
//!
//! Documenso POSTs `application/json`, one event per delivery:
//!
//! ```json
//! {
//!   "event": "DOCUMENT_COMPLETED",
//!   "payload": { "id": 10, "envelopeId": "envelope_abcdefhiklmnorst", "status": "COMPLETED",
//!                "recipients": [ … ], "Recipient": [ … ], … },
//!   "createdAt": "2024-04-22T11:52:18.277Z",
//!   "webhookEndpoint": "https://your-endpoint.com/webhook"
//! }
//! ```
//!
//! * `payload` ([`Payload`]) is the document (or template): the legacy
//!   numeric `id`, the canonical `envelopeId`, status, meta, and the
//!   recipients **twice**: `recipients` and the legacy `Recipient`. Both are
//!   accepted; [`Payload::recipients`] holds `recipients`, else `Recipient`.
//! * `createdAt` is the delivery time, **recomputed on every attempt**.
//! * Events ([`EventKind`]): `DOCUMENT_CREATED`, `DOCUMENT_SENT`,
//!   `DOCUMENT_OPENED`, `DOCUMENT_SIGNED`, `DOCUMENT_COMPLETED`,
//!   `DOCUMENT_REJECTED`, `DOCUMENT_CANCELLED`, `RECIPIENT_EXPIRED`,
//!   `DOCUMENT_RECIPIENT_COMPLETED`, `DOCUMENT_REMINDER_SENT`,
//!   `TEMPLATE_CREATED`, `TEMPLATE_UPDATED`, `TEMPLATE_DELETED`,
//!   `TEMPLATE_USED`; anything else is [`EventKind::Unknown`].
//!
//! # Authentication
//!
//! No signature: the webhook's secret itself, in `X-Documenso-Secret`,
//! compared in constant time by [`Verifier::new`]. Documenso sends an empty
//! string when no secret is set; the crate refuses an empty secret at build
//! time, so set one.
//!
//! **What it proves**: the sender knows the secret. **What it does not**: the
//! body is not covered (anyone who sees one delivery, a TLS-terminating proxy
//! or a log of request headers, can forge any body), and nothing is
//! timestamped, so deliveries can be replayed. Keep the secret out of logs,
//! use HTTPS, and confirm important state (a completed document) through
//! Documenso's API before acting on it.
//!
//! # What the check proves
//!
//! **Nothing of the body**: `X-Documenso-Secret` proves only that the sender
//! knows the secret; every field is as the sender wrote it, and nothing is
//! timestamped.
//!
//! # Response and retries
//!
//! Success is a 2xx within 10 s; **redirects are not followed, so a 3xx is a
//! failure** (do not put a redirecting proxy in front of the endpoint).
//! [`Event::success_response`](crate::Event::success_response) is an empty 200.
//! Retries depend on the self-hosted job provider (local: 4 attempts
//! back-to-back; BullMQ: 3, exponential from 1 s; Inngest: 5); the cloud
//! schedule is not published; resends can be made from the dashboard.
//!
//! # Lifecycle
//!
//! | Documenso event | [`Lifecycle`](crate::Lifecycle) |
//! |---|---|
//! | `DOCUMENT_SENT` | `Sent` |
//! | `DOCUMENT_OPENED` | `Viewed` (signer: the only recipient, when there is one) |
//! | `DOCUMENT_SIGNED` | `Signed` (signer: the recipient with the latest `signedAt`) |
//! | `DOCUMENT_COMPLETED` | `Completed` |
//! | `DOCUMENT_REJECTED` | `Declined` (the `REJECTED` recipient and its `rejectionReason`) |
//! | `DOCUMENT_CANCELLED` | `Cancelled` |
//! | `RECIPIENT_EXPIRED` | `Expired` (the recipient whose link expired) |
//!
//! `DOCUMENT_RECIPIENT_COMPLETED` is not mapped: it fires with
//! `DOCUMENT_SIGNED` for signers (a second `Signed`) and also for viewers and
//! approvers. The envelope id is `envelopeId`, else the numeric `id`; the
//! signer id is the recipient's numeric `id`.
//!
//! The signer column is this crate's inference, not Documenso's: the webhook
//! payload is the whole document with every recipient
//! (`ZWebhookDocumentSchema`, `packages/lib/types/webhook-payload.ts`,
//! `documenso/documenso` v2.17.0) and names no actor. `DOCUMENT_OPENED` names a
//! signer only when the document has exactly one recipient (with several,
//! none: the payload does not say who opened it); `DOCUMENT_SIGNED` takes the
//! recipient with the latest `signedAt`, which is wrong when two sign in the
//! same instant or a webhook is retried after a later signature. Where the
//! signer matters, read the recipients' `readStatus`/`signingStatus` and
//! times yourself.
//!
//! # What identifies one event
//!
//! No delivery or event id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `event` and the typed `payload` (the document with its recipients and
//! their statuses and times), and deliberately **not** `createdAt`, which
//! Documenso recomputes on every attempt, nor `webhookEndpoint`: a retry has the
//! key of its first attempt, and two recipients' events differ by their
//! recipient. Two deliveries whose payloads are identical (two
//! `DOCUMENT_REMINDER_SENT` with nothing changed in between) share a key.

mod auth_options;
mod event;
mod kinds;
mod plugin;
mod verify;

pub use auth_options::RecipientAuthOptions;
pub use event::{DocumentMeta, Event, Payload, Recipient};
pub use kinds::{DocumentSource, DocumentStatus, EventKind, ReadStatus, RecipientRole, SendStatus, SigningStatus};
pub use plugin::Documenso;
pub use verify::{SECRET_HEADER, Verifier};

/// Parses a Documenso delivery from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
