//! The typed SignatureAPI delivery: the Event object.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{EventType, ObjectType};
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// A SignatureAPI delivery: the Event object, `{id, type, timestamp, data}`.
///
/// ```
/// use esign_webhooks::signatureapi::{Event, EventType};
///
/// let body = br#"{"id":"evt_4p2oouvNvjp1I9ckgqycH2","type":"recipient.completed",
///   "timestamp":"2025-12-31T15:00:01.999Z","data":{"envelope_id":"e387553d-cbb7-4924-abd8-b2d89699e9b5",
///   "object_id":"re_7v7Sion0vqjJioYmwfZ9mf","object_type":"recipient","recipient_type":"signer"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.event_type, EventType::RecipientCompleted);
/// assert_eq!(event.recipient_id(), Some("re_7v7Sion0vqjJioYmwfZ9mf"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The event's id (`evt_…`): the same on every retry of the event.
    pub id: Text,
    /// What happened.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened (ISO 8601, kept as sent).
    pub timestamp: Text,
    /// The event's data: its shape depends on `type`.
    pub data: EventData,
}

/// `data`: the object the event is about, and what its type adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventData {
    /// The id of the object the event is about.
    pub object_id: Text,
    /// What kind of object `object_id` names.
    pub object_type: ObjectType,
    /// The envelope's id (every envelope, recipient and deliverable event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_id: Option<Text>,
    /// The envelope's metadata, as set when it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_metadata: Option<serde_json::Map<String, serde_json::Value>>,
    /// The recipient's type (`signer`, `approver`, `preparer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<Text>,
    /// The recipient's key, as set in the envelope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_key: Option<Text>,
    /// Information about a bounce or failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    /// The recipient's explanation of a rejection (`recipient.rejected`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The deliverable's type (`standard`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverable_type: Option<Text>,
    /// The deliverable's name (`null` in the examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverable_name: Option<Text>,
    /// The document keys the deliverable includes.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub included_documents: Vec<Text>,
    /// A pre-signed download link of the deliverable, valid for one hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// The sender's e-mail address (sender events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventType {
        &self.event_type
    }

    /// The envelope the event is about: `data.envelope_id`.
    pub fn envelope_id(&self) -> Option<&str> {
        self.data.envelope_id.as_deref()
    }

    /// The recipient, for a recipient event: `data.object_id`.
    pub fn recipient_id(&self) -> Option<&str> {
        (self.data.object_type == ObjectType::Recipient).then_some(self.data.object_id.as_str())
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body)
        .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::SignatureApi))
}
