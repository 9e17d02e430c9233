//! The typed SignWell delivery: `{event, data}`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::EventKind;
use crate::{Error, Vendor};

/// A SignWell delivery.
///
/// **Only `event.type` and `event.time` are authenticated** (by `event.hash`):
/// `data` and `event.related_signer` are not covered by any signature, so a
/// party that saw one genuine delivery can send any `data` with its `event`.
/// Fetch the document through SignWell's API before acting on `data`.
///
/// ```
/// use esign_webhooks::signwell::{Event, EventKind};
///
/// let body = br#"{"event":{"type":"document_completed","time":1700000000,
///   "hash":"b4521f404ad26dd08a94dacf6bd9a6cd394d5da30b32b60b2b6361ab19db5e8a"},
///   "data":{"object":{"id":"5f3c6a2e-0b1d-4c8e-9f7a-1e2d3c4b5a69","status":"Completed"},
///           "account_id":"0c0e3a7b-5d6f-4e8a-9b1c-2d3e4f5a6b7c"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventKind::DocumentCompleted);
/// assert_eq!(event.document_id(), Some("5f3c6a2e-0b1d-4c8e-9f7a-1e2d3c4b5a69"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened, and the proof over its type and time.
    pub event: EventInfo,
    /// The object the event is about. **Not authenticated.**
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Data>,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventKind {
        &self.event.event_type
    }

    /// `data.object.id`: the document (or template). **Not authenticated.**
    pub fn document_id(&self) -> Option<&str> {
        self.data.as_ref()?.object.as_ref()?.id.as_deref()
    }
}

/// `event`: the authenticated part of a delivery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventInfo {
    /// The event type (signed).
    #[serde(rename = "type")]
    pub event_type: EventKind,
    /// When it happened, Unix seconds (signed).
    pub time: i64,
    /// Hex HMAC-SHA256 of `"<type>@<time>"` keyed with the webhook id.
    pub hash: Text,
    /// The recipient concerned (`document_viewed`, `document_signed`,
    /// `document_declined`). **Not authenticated.**
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_signer: Option<RelatedSigner>,
}

/// `event.related_signer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RelatedSigner {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// `data`: `{object, account_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Data {
    /// The document or template, as SignWell's Get Document / Get Template
    /// returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Object>,
    /// The SignWell account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Text>,
}

/// A document or template: its id, name and status typed, every other field
/// of SignWell's document model (`recipients`, `files`, `metadata`, …) as received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct Object {
    /// The id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The status, as SignWell writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// The other fields, as received.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Object);

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::SignWell))
}
