//! The typed Autentique delivery: a webhook envelope around one event object.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::EventType;
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// An Autentique delivery: `{id, object: "webhook", name, format, url, event}`.
///
/// ```
/// use esign_webhooks::autentique::{Event, EventType};
///
/// let body = br#"{"id":"MXwyMWZi","object":"webhook","event":{"id":"21fbcec9-e1b5-4dca-afbb-022061e9ea88",
///   "object":"event","type":"signature.accepted",
///   "data":{"object":{"public_id":"7f25d72b","document":"89c7d2ab","email":"jane@example.com"}}}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventType::SignatureAccepted);
/// assert_eq!(event.document_id(), Some("89c7d2ab"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The delivery's id (the endpoint and the event, encoded by Autentique).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// `"webhook"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Text>,
    /// The endpoint's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The endpoint's format (`json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Text>,
    /// The endpoint's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// The event.
    pub event: EventObject,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventType {
        &self.event.event_type
    }

    /// The resource the event is about (`event.data.object`).
    pub fn resource(&self) -> Option<&Resource> {
        self.event.data.as_ref().and_then(|d| d.object.as_ref())
    }

    /// The document's id: the resource's `id` for document events, its
    /// `document` (an id, or an object with one) for signature events.
    pub fn document_id(&self) -> Option<&str> {
        let resource = self.resource()?;
        if resource.object.as_deref() == Some("document") || self.kind().as_str().starts_with("document.") {
            resource.id.as_deref()
        } else {
            resource.document_id()
        }
    }

    /// The signer a signature event is about: the signature's e-mail, else its `public_id`.
    pub fn signer(&self) -> Option<&str> {
        if !self.kind().as_str().starts_with("signature.") {
            return None;
        }
        let resource = self.resource()?;
        resource.email.as_deref().or(resource.public_id.as_deref())
    }
}

/// `event`: Autentique's Event object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventObject {
    /// The event's id: the same on every delivery of this event.
    pub id: Text,
    /// `"event"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Text>,
    /// The organization's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<serde_json::Value>,
    /// The event type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The resource and, for `*.updated`, what changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<EventData>,
    /// When the event was created, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
}

/// `event.data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventData {
    /// The resource the event is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Resource>,
    /// For `*.updated`: the changed attributes' previous values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_attributes: Option<serde_json::Value>,
}

/// A document or a signature (`object` says which). The fields below are
/// typed; the rest of Autentique's models is ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resource {
    /// The document's id (documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// The signature's id (signatures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<Text>,
    /// `document`, `signature`, …, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<Text>,
    /// The document's or signer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The signer's e-mail (signatures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// The signature's document: its id, or an object with one (signatures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<serde_json::Value>,
    /// The signer's action (`Sign`, or an object naming it), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<serde_json::Value>,
    /// When the signer viewed the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed: Option<Text>,
    /// When the signer signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Text>,
    /// When the signer rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Text>,
    /// The document's signatures (documents).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    /// How many signatures the document has (documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatures_count: Option<u32>,
    /// How many are signed (documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_count: Option<u32>,
    /// How many are rejected (documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_count: Option<u32>,
    /// The document's files (`original`, `signed`, …), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<serde_json::Value>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
}

/// One of a document's `signatures`: a signer and what they did. The fields
/// below are typed; every other member is kept, as sent, in `other`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct Signature {
    /// The signature's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<Text>,
    /// The signer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The signer's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// The signer's company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Text>,
    /// The signer's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
    /// The signer's CPF (Brazilian taxpayer number), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpf: Option<Text>,
    /// The signer's birthday, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<Text>,
    /// The signer's action (`Sign`, or an object naming it), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<serde_json::Value>,
    /// When the signer viewed the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed: Option<Text>,
    /// When the signer signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Text>,
    /// When the signer rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Text>,
    /// When the signer's identity check was left unapproved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_unapproved: Option<Text>,
    /// When the signer's identity check was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_approved: Option<Text>,
    /// When the signer's identity check was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_rejected: Option<Text>,
    /// When the signature was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Every other member, as sent.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Signature);

impl Resource {
    /// The id in `document`, a string or an object's `id`.
    pub fn document_id(&self) -> Option<&str> {
        match self.document.as_ref()? {
            serde_json::Value::String(id) => Some(id),
            serde_json::Value::Object(map) => map.get("id").and_then(serde_json::Value::as_str),
            _ => None,
        }
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::Autentique))
}
