//! DocuSign Connect: typed JSON SIM messages and how to authenticate them.
//!
//! # The wire format
//!
//! Connect POSTs one JSON object per event to the URL of a Connect
//! configuration (account level, or per envelope with `eventNotification`).
//! This module reads the **JSON SIM** format ("Connect 2.0", DocuSign's
//! recommended format,
//! <https://developers.docusign.com/platform/webhooks/connect/json-sim-event-model>):
//!
//! ```json
//! {
//!   "event": "envelope-completed",
//!   "apiVersion": "v2.1",
//!   "uri": "/restapi/v2.1/accounts/{accountId}/envelopes/{envelopeId}",
//!   "retryCount": 0,
//!   "configurationId": 10418,
//!   "generatedDateTime": "2025-05-30T18:03:50.4233752Z",
//!   "data": {
//!     "accountId": "…", "userId": "…", "envelopeId": "…",
//!     "envelopeSummary": { "status": "completed", "enableWetSign": "true", "recipients": { … }, … }
//!   }
//! }
//! ```
//!
//! * `event` ([`EventKind`]): the envelope events `envelope-created`, `-sent`,
//!   `-resent`, `-delivered`, `-completed`, `-declined`, `-voided`,
//!   `-corrected`, `-purge`, `-deleted`, `-discard`; the recipient events
//!   `recipient-sent`, `-resent`, `-delivered`, `-completed`, `-declined`,
//!   `-authenticationfailed`, `-autoresponded`, `-delegate`, `-reassign`,
//!   `-finish-later`; `template-created`, `-modified`, `-deleted`;
//!   `click-agreed`, `click-declined`; Workflow Builder's `workflow-started`,
//!   `-failed`, `-completed`; `extension-executed`; and (third-party source
//!   only) `sms-opt-in`, `sms-opt-out`. Any other name is kept as
//!   [`EventKind::Unknown`]. The template events are in DocuSign's OpenAPI
//!   description (`ConnectCustomConfiguration.events`), not only in
//!   third-party configurations as `other-vendors.md` §2 had it.
//! * `data` ([`Data`]): the account, user and envelope ids, `recipientId` in
//!   recipient events, and [`EnvelopeSummary`] when the configuration has
//!   "include data" options. DocuSign writes the summary's booleans and numbers
//!   as strings (`"enableWetSign": "true"`, `"routingOrder": "1"`); both that
//!   and plain JSON values are read. Members the crate does not type are kept in
//!   [`EnvelopeSummary::other`] and [`Recipient::other`].
//! * The **legacy** formats (aggregate XML, `DocuSignEnvelopeInformation`) are
//!   refused with [`ErrorKind::MalformedPayload`]
//!   whose message says to select JSON SIM in the Connect configuration.
//!
//! # Authentication
//!
//! * **HMAC** ([`Verifier::hmac`], recommended): with "Include HMAC signature"
//!   on, Connect sends `X-DocuSign-Signature-1` … `-N`, one per active Connect
//!   HMAC key, each the base64 HMAC-SHA256 of the raw body "including line
//!   endings" (<https://developers.docusign.com/platform/webhooks/connect/validate>).
//!   Every configured key is tried against every header, in constant time; the
//!   key is used verbatim. `x-authorization-digest` (`HMACSHA256`) is
//!   informational and not read.
//! * **Basic auth** ([`Verifier::basic_auth`]): the user name and password of
//!   the Connect configuration's "Basic Authentication" option.
//!
//! What the HMAC check **proves**: the body, byte for byte, was produced by
//! someone holding one of your Connect keys, i.e. by DocuSign (or by a partner
//! whose key you listed). What it does **not** prove: freshness. Nothing but the
//! body is signed and there is no timestamp, so a captured message can be
//! replayed at any time; deduplicate (see below) and treat `generatedDateTime`
//! as information. Basic auth proves only that the sender knew the password,
//! not that the body is unmodified: prefer HMAC (on TLS).
//!
//! # What the check proves
//!
//! With the HMAC: every byte of the body, and nothing else (no header, no
//! time). With Basic authentication: nothing of the body; every field is as the
//! sender wrote it.
//!
//! # The response
//!
//! Any 2xx acknowledges (DocuSign does not publish the exact set; 200 is what
//! [`Event`]'s success response is), "within five seconds". Unacknowledged
//! messages are retried (with `requireAcknowledgment`: back into the queue, then
//! at most every 24 hours, up to ten retries); each retry carries a higher
//! `retryCount`.
//!
//! # Lifecycle
//!
//! | DocuSign event | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `envelope-sent` | `Sent` | `envelopeId` | – |
//! | `recipient-sent` | `Sent` | `envelopeId` | `recipientId` |
//! | `recipient-delivered` | `Viewed` | `envelopeId` | `recipientId` |
//! | `recipient-completed` | `Signed` (not for a recipient the summary lists as a carbon copy, certified delivery, agent, editor or intermediary) | `envelopeId` | `recipientId` |
//! | `envelope-completed` | `Completed` | `envelopeId` | – |
//! | `recipient-declined` | `Declined` (reason: the recipient's `declinedReason`) | `envelopeId` | `recipientId` |
//! | `envelope-declined` | `Declined` (the declined recipient of the summary, if included) | `envelopeId` | its `recipientId` |
//! | `envelope-voided` | `Cancelled` (reason: `voidedReason`) | `envelopeId` | – |
//! | `recipient-autoresponded` | `DeliveryFailed` | `envelopeId` | `recipientId` |
//! | every other event | – | | |
//!
//! `envelope-delivered` (every recipient has opened it) is not mapped: the
//! per-recipient `recipient-delivered` already is. DocuSign has no expiry event:
//! an expired envelope is voided (`envelope-voided`, `voidedReason` saying so).
//!
//! # What identifies one event
//!
//! Connect sends no delivery id. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `event`, the envelope id, the recipient id (recipient events, one per
//! recipient) and `generatedDateTime`: together they name one message. A retry
//! is the same message with a higher `retryCount`, which is therefore left out.
//! When `generatedDateTime` is absent or blank (DocuSign's own sample sends
//! `""`), the whole `data` is hashed instead, so that two messages for one
//! recipient still differ. DocuSign does not publish that `generatedDateTime`
//! stays the same across retries; the crate assumes it does, since it names
//! when the message was generated.

mod event;
mod kinds;
mod plugin;
mod scalars;
mod verify;

pub use event::{Data, EnvelopeSummary, Event, Recipient, Recipients, Sender};
pub use kinds::{EnvelopeStatus, EventKind, RecipientStatus};
pub use plugin::DocuSign;
pub use verify::{Verifier, scheme};

use crate::{Error, ErrorKind, Vendor};

/// What the error for a legacy-format message says.
const LEGACY_FORMAT: &str = "DocuSign Connect sent a legacy (XML or aggregate) message; this crate reads JSON SIM only: \
     set the Connect configuration's data format to JSON SIM (REST v2.1)";

/// Parses a Connect JSON SIM message from the raw body. A legacy XML
/// message is refused with a [`MalformedPayload`](ErrorKind::MalformedPayload)
/// error that says to select JSON SIM; other errors carry the JSON path.
///
/// ```
/// use esign_webhooks::{Vendor, dangerous};
///
/// let xml = br#"<?xml version="1.0" encoding="utf-8"?><DocuSignEnvelopeInformation/>"#;
/// let err = dangerous::parse_unverified(Vendor::DocuSign, xml).unwrap_err();
/// assert!(err.to_string().contains("JSON SIM"));
/// ```
pub(crate) fn parse(body: &[u8]) -> Result<Event, Error> {
    if is_legacy_xml(body) {
        return Err(legacy_format_error());
    }
    crate::json_text::from_body::<Event>(body).map_err(|err| {
        if is_legacy_json(body) {
            legacy_format_error()
        } else {
            Error::malformed_payload(body, err).with_vendor(Vendor::DocuSign)
        }
    })
}

fn legacy_format_error() -> Error {
    Error::new(ErrorKind::MalformedPayload {
        path: "$".to_owned(),
        line: 1,
        column: 1,
        message: LEGACY_FORMAT.to_owned(),
    })
    .with_vendor(Vendor::DocuSign)
}

/// The body's first non-blank character (after a UTF-8 byte-order mark) is
/// `<`: an XML message. DocuSign's legacy format is the only XML any vendor
/// of this crate sends.
pub(crate) fn is_legacy_xml(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    body.trim_ascii_start().first() == Some(&b'<')
}

/// A JSON body whose top level is the legacy `DocuSignEnvelopeInformation`.
fn is_legacy_json(body: &[u8]) -> bool {
    crate::plugin::BodyShape::of(body).has("DocuSignEnvelopeInformation")
}

#[cfg(test)]
mod tests;
