//! BoldSign: typed webhook events and how to authenticate them.
//!
//! # The wire format
//!
//! BoldSign POSTs one JSON object per event to the URL of an account-level
//! or app-level webhook (<https://developers.boldsign.com/webhooks/sample-event-data>):
//!
//! ```json
//! {
//!   "event": {"id": "afceddb1-…", "created": 1669959514, "eventType": "Sent",
//!             "clientId": "e4ca1621-…", "environment": "Test"},
//!   "context": {"eventType": "Sent", "actor": {"userType": "Sender", "id": "626ef377-…"}, "previousState": null},
//!   "data": {"object": "document", "documentId": "26b8695f-…", "status": "InProgress", "signerDetails": [ … ], … }
//! }
//! ```
//!
//! * `event` ([`Metadata`]): the unique event id, the Unix time, the
//!   [`EventType`], the OAuth app (`clientId`, app-level webhooks only) and the
//!   [`Environment`].
//! * `context` ([`Context`], BoldSign "beta"): who triggered the event
//!   ([`Actor`]) and the previous values of what changed. Present on document
//!   and template events of documents created since 2026-01-08, except
//!   `SendFailed`, `EditFailed`, `TemplateCreateFailed` and `TemplateSendFailed`.
//! * `data` ([`Data`]), chosen by `data.object` as BoldSign's SDKs do:
//!   [`Document`] for the document events (`Sent`, `Signed`, `Completed`,
//!   `Edited`, `EditFailed`, `Declined`, `Revoked`, `Reassigned`, `Expired`,
//!   `Viewed`, `DeliveryFailed`, `SendFailed`, `DraftCreated`, `Reminder`,
//!   `AuthenticationFailed`, `SignerSaved`); [`Template`] for the template
//!   events (`TemplateCreated`, `TemplateCreateFailed`, `TemplateDraftCreated`,
//!   `TemplateSendFailed`, `TemplateEdited`); [`SenderIdentity`] for
//!   `SenderIdentityCreated`, `…Updated`, `…Deleted`, `…Revoked`, `…Verified`,
//!   `…Denied`; [`SignerAuthentication`] for `IdentityVerificationInitiated`,
//!   `…Succeeded`, `…Failed` and `KBAInitiated`, `KBASucceeded`, `KBAFailed`.
//!   An `object` the crate does not know is kept as [`Data::Unknown`].
//!
//! # The `Verification` request (a setup handshake)
//!
//! When you press "Verify" in the "Add Webhook" form, BoldSign POSTs
//! `{"event": {"id", "created", "eventType": "Verification", "clientId", "environment"}}`
//! (no `data`) with the header `X-BoldSign-Event: Verification`, and expects
//! **200 within 10 seconds**. It is sent **before** the webhook's signing
//! secret exists ("The webhook signing secret key will be assigned once you
//! have configured your webhook",
//! <https://developers.boldsign.com/webhooks/verify-webhook-events>), so it
//! cannot be checked; BoldSign's own .NET example answers it before any
//! check. Whether it is signed at all is not published.
//!
//! The crate therefore recognises it by its exact shape (the header **and**
//! a body whose `event.eventType` is `Verification` with no `data`) before
//! any check, whatever secret is configured, signed or not, and answers it
//! 200 through every entry point: it is an `Err` of kind
//! [`SetupRequest`](crate::ErrorKind::SetupRequest), whose
//! [`status`](crate::Error::status) is 200 and whose
//! [`setup_response`](crate::Error::setup_response) is the answer. It is never
//! an event and never runs a callback; it carries nothing to act on, so the
//! answer accepts nothing. A `Verification` body **without** that header is
//! verified like every event and, when signed, dispatched as
//! [`EventType::Verification`] (skip it with [`Event::is_verification`]).
//!
//! # Authentication
//!
//! `X-BoldSign-Signature: t=1668693823, s0=9b7adf82…[, s1=…]`
//! (<https://developers.boldsign.com/webhooks/verify-webhook-events>): the
//! lowercase hex HMAC-SHA256, keyed with the webhook's signing secret, of
//! `<t>.<raw body>`. `s1` appears while BoldSign rolls the secret over with the
//! old one kept valid. The header is split on `,` and each element trimmed, as
//! BoldSign's .NET and Java SDKs do; every `s0`/`s1` is tried against every
//! configured secret ([`Verifier::with_secret`]) in constant time; then `t` must
//! be within 300 s of the clock ([`Verifier::with_tolerance`]).
//!
//! What the check **proves**: the body and `t` were signed by someone holding
//! the webhook's secret (BoldSign), at most the tolerance ago. What it does
//! **not** prove: that this is the first delivery of the event. Retries and a
//! replay within the tolerance carry a valid signature: deduplicate on
//! `event.id` (see below).
//!
//! # What the check proves
//!
//! Every byte of the body (`X-BoldSign-Signature` covers the raw body) and the
//! signed time `t`. No other header is covered.
//!
//! # The response
//!
//! "HTTP status code of 200 OK" within 10 seconds. Otherwise BoldSign retries
//! after 1 min, 15 min, 45 min, 1 h, 8 h and 24 h, then monitors the endpoint for
//! 7 days and disables the webhook (with e-mail notices) unless it recovers
//! (<https://developers.boldsign.com/webhooks/webhook-configuration-and-lifecycle/>).
//!
//! # Lifecycle
//!
//! | BoldSign event | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `Sent` | `Sent` | `documentId` | – |
//! | `Viewed` | `Viewed` | `documentId` | `context.actor.id` (a signer) |
//! | `Signed` | `Signed` | `documentId` | `context.actor.id` (a signer) |
//! | `Completed` | `Completed` | `documentId` | – |
//! | `Declined` | `Declined` (reason: the signer's `declineMessage`) | `documentId` | the actor, else the declined signer's `id` |
//! | `Revoked` | `Cancelled` (reason: `revokeMessage`) | `documentId` | – |
//! | `Expired` | `Expired` | `documentId` | – |
//! | `DeliveryFailed` | `DeliveryFailed` | `documentId` | the signer with `isDeliveryFailed` |
//! | `SendFailed` | `Failed` (reason: `errorMessage`) | `documentId` | – |
//! | every other event | – | | |
//!
//! # What identifies one event
//!
//! `event.id`, BoldSign's unique id of the event (a GUID), which a retry
//! repeats: [`DedupKey::of`](crate::dedup::DedupKey::of) hashes it with the
//! event type. Two signers signing in the same second are two events with two
//! ids. The timestamp of `X-BoldSign-Signature` is not part of the key.

mod event;
mod kinds;
mod model;
mod plugin;
mod setup;
mod verify;

pub use event::{Actor, Context, Data, Event, Metadata};
pub use kinds::{DocumentStatus, Environment, EventType, FailedDeliveryMode, ObjectType, SignerStatus, UserType};
pub use model::{
    BehalfOf, CcDetail, Document, FormFieldPermission, GroupSigner, GroupSignerSettings, IdVerification, Kba,
    SenderDetail, SenderIdentity, SignerAuthentication, SignerAuthenticationSettings, SignerDetail, Template,
    TemplateGroupSigner, TemplateSender, TemplateSigner, Time,
};
pub use plugin::BoldSign;
pub use verify::{Verifier, scheme};

/// Parses a BoldSign event from the raw body. Errors are
/// [`MalformedPayload`](crate::ErrorKind::MalformedPayload) with the JSON path
/// relative to the whole body, attributed to [`Vendor::BoldSign`](crate::Vendor::BoldSign).
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
