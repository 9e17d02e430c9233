//! Adobe Acrobat Sign: typed webhook notifications, the client-id check, the
//! verification of intent and the echo Acrobat Sign requires.
//!
//! # The wire format
//!
//! Acrobat Sign POSTs one `application/json` notification per event (at
//! most 10 MB; over that, the conditional parameters are trimmed and listed
//! in `conditionalParametersTrimmed`):
//!
//! ```json
//! {
//!   "webhookId": "9b7fc222-0c74-478b-9bde-8ac70a2dd163",
//!   "webhookName": "cjones_preview_acct_05_23_2024_1",
//!   "webhookNotificationId": "d20d758a-f8b2-41b7-8c20-016312de7978",
//!   "webhookUrlInfo": {"url": "https://example.com/hooks/adobe"},
//!   "webhookScope": "ACCOUNT",
//!   "event": "AGREEMENT_CREATED",
//!   "eventDate": "2024-05-30T22:57:28Z",
//!   "eventResourceType": "agreement",
//!   "participantUserEmail": "cjones@adobe.com",
//!   "agreement": {"id": "CBJCHBCAABAA2XhaLGV0pKssKU03QXTcTXS4ebPyoSL_", "name": "…", "status": "OUT_FOR_SIGNATURE"}
//! }
//! ```
//!
//! [`Event`] has every common attribute of Adobe's payload overview, and for
//! agreement events the [`Agreement`] (with [`ParticipantSet`]s, documents,
//! the signed PDF when asked for) and the event-specific objects
//! ([`CancellationInfo`], [`ExpirationInfo`], [`ReminderInfo`]). [`EventKind`]
//! lists every documented agreement, library, MegaSign and widget event;
//! "new event types can be added at any time" and arrive as `Unknown`.
//! Adobe's payload *templates* write every value as a string (`"order": ""`);
//! booleans and numbers are read either way. `agreement.ccs` is documented
//! two ways, "Array of Strings" in the attribute table and objects
//! `{email, label, visiblePages}` in every template: both are read ([`Cc`]).
//! The table also spells `webhookname` and `megasign` where the templates and
//! the example write `webhookName` and `megaSign`; the crate follows the
//! templates. Widget, MegaSign and library objects are kept as sent
//! (`serde_json::Value`).
//!
//! # Authentication: what it proves, and what it does not
//!
//! Acrobat Sign **signs nothing**. Each request carries, in
//! `X-AdobeSign-ClientId`, the client id of the API application that created
//! the webhook; [`Verifier::client_ids`] accepts only the ids you list
//! (compared in constant time; a missing or repeated header is refused).
//!
//! * It proves only that the sender knew one of your client ids. A client id
//!   is not a secret in Adobe's design: it appears in OAuth URLs and in every
//!   notification. Anyone who learns your webhook URL and a client id can
//!   forge a notification; nothing covers the body, and nothing stops replays.
//! * Add a secret of your own to the URL you register: a query token,
//!   `Verifier::client_ids([..]).with_query_token("token", secret)` (pass
//!   requests with their URI, [`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming)),
//!   or credentials, [`with_basic_auth`](Verifier::with_basic_auth). Both are
//!   checked after the client id, in constant time.
//! * For a cryptographic proof of the sender, use what Adobe offers at the
//!   transport: **two-way TLS** (the account admin uploads a client
//!   certificate that Acrobat Sign presents; verify it in your TLS terminator
//!   and pin it), or **Webhooks OAuth 2.0** (Acrobat Sign sends a bearer
//!   token from your authorization server; validate it in front of this
//!   crate). Adobe also publishes its IP ranges for allow-listing.
//! * Either way, confirm the agreement's state through the REST API
//!   (`GET /agreements/{id}`) before acting on it.
//!
//! # What the check proves
//!
//! **Nothing of the body.** The client id, and the URL query token or
//! `Authorization: Basic` credential when one is configured, authenticate the
//! request, not its content: every field of the notification is as the sender
//! wrote it. The configured client id the request matched is kept for the echo;
//! [`VerifiedBody`](crate::VerifiedBody) carries it, so a later parse echoes
//! the same id.
//!
//! # The response Acrobat Sign expects
//!
//! 2xx **and** the client id echoed, in the `X-AdobeSign-ClientId` response
//! header or as `{"xAdobeSignClientId": "…"}`, on every POST; else the
//! notification counts as failed. [`Event::client_id`] keeps the id the
//! request carried and [`Event::success_response`](crate::Event::success_response)
//! echoes it both ways. Acrobat Sign first checks a new (or re-activated)
//! webhook with a **GET** carrying the header: answer it with
//! [`Webhooks::intent_response`](crate::Webhooks::intent_response) (200 and
//! the echo for a configured id, 401 otherwise). When you verify and queue
//! ([`Webhooks::verify`](crate::Webhooks::verify)), the same call gives the
//! POST's echo. Through the callback registry,
//! [`Report::response`](crate::Report::response) carries the echo too.
//!
//! # Body size
//!
//! Adobe documents notification bodies up to **10 MB** (conditional
//! parameters trimmed beyond it). A [`Webhooks`](crate::Webhooks) configured
//! for Acrobat Sign therefore refuses (413) only bodies over 10 MiB by
//! default, not the 1 MiB of other vendors; a limit you set with
//! [`max_body_size`](crate::WebhooksBuilder::max_body_size) replaces it, so
//! keep it at 10 MiB or more, and your framework's own limit too.
//!
//! You have 5 seconds to answer. Failed notifications are retried at doubling
//! intervals, 15 times over 72 hours; then the webhook is disabled and
//! notifications are lost until it is re-activated.
//!
//! # Lifecycle
//!
//! | [`Lifecycle`](crate::Lifecycle) | event | signer | reason |
//! |---|---|---|---|
//! | `Sent` | `AGREEMENT_CREATED` | | |
//! | `Viewed` | `AGREEMENT_EMAIL_VIEWED`, `AGREEMENT_DOCUMENTS_VIEWED`, `AGREEMENT_DOCUMENTS_VIEWED_PASSWORD_PROTECTED` | participant e-mail (or id) | |
//! | `Signed` | `AGREEMENT_ACTION_COMPLETED` with `participantRole` `SIGNER` or `DELEGATE_TO_SIGNER` | participant | |
//! | `Completed` | `AGREEMENT_WORKFLOW_COMPLETED` | | |
//! | `Declined` | `AGREEMENT_REJECTED` | participant | `agreementCancellationInfo.comment` |
//! | `Cancelled` | `AGREEMENT_RECALLED`, `AGREEMENT_RECALLED_MAX_SIGNING_EMAIL_OTP_ATTEMPTS` | participant | `agreementCancellationInfo.comment` |
//! | `Expired` | `AGREEMENT_EXPIRED` | | `agreementExpirationInfo.comment` |
//! | `Failed` | `AGREEMENT_AUTO_CANCELLED_CONVERSION_PROBLEM` | | `agreementCancellationInfo.comment` |
//! | `DeliveryFailed` | `AGREEMENT_EMAIL_BOUNCED` | participant | |
//!
//! The envelope id is `agreement.id`.
//!
//! `AGREEMENT_CREATED` → `Sent` is this crate's reading, not Adobe's: Adobe
//! describes the event as an agreement (or draft) being created and does not
//! say whether a draft's creation fires it, nor with which `agreement.status`.
//! A draft created in the web UI may therefore produce a `Sent` step before
//! anything is sent. When that matters, check [`Agreement::status`] (an
//! `OUT_FOR_…` status means it was sent) or wait for the first participant
//! event. The other rows follow Adobe's event descriptions.
//!
//! # What identifies one event
//!
//! Acrobat Sign's `webhookNotificationId`, which Adobe documents as "helpful
//! in identifying duplicate notifications": one id per notification, repeated
//! by its retries, so two participants acting in the same second are two ids.
//! [`DedupKey::of`](crate::dedup::DedupKey::of) hashes it alone. A
//! notification without one (hand-made tests, older payloads) is keyed on the
//! whole typed notification instead (event, `eventDate`, participant and acting
//! user, agreement, …), of which nothing is known to change per retry. The
//! client id the response echoes is not part of the key.

mod config;
mod event;
mod kinds;
mod lenient;
mod plugin;
mod sender;
mod verify;

pub use event::{
    Agreement, ApplicableUser, CancellationInfo, Cc, DeviceInfo, Document, DocumentsInfo, Event, ExpirationInfo,
    ExternalId, Location, Member, ParticipantSet, ParticipantSetsInfo, PostSignOption, ReminderInfo,
    ReminderParticipant, SecurityOption, SignedDocumentInfo, SupportingDocument, VaultingInfo, WebhookUrlInfo,
};
pub use kinds::{AgreementStatus, EventKind, ParticipantRole, WebhookScope};
pub use plugin::AdobeSign;
pub use verify::{CLIENT_ID_HEADER, Verifier};

/// A verified `X-AdobeSign-ClientId`, kept to be echoed. Its `Debug` is
/// redacted: it is the request's credential.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ClientId(pub(crate) String);

impl core::fmt::Debug for ClientId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("ClientId([REDACTED])")
    }
}

/// Parses a notification from the raw body.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    crate::json_text::from_body(body)
        .map_err(|err| crate::Error::malformed_payload(body, err).with_vendor(crate::Vendor::AdobeSign))
}

#[cfg(test)]
mod tests;
