//! The typed PandaDoc delivery: a JSON **array** of notifications.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{DocumentStatus, EventKind};
use crate::{Error, Vendor};

/// One PandaDoc delivery: every notification of its JSON array, in order,
/// and the delivery's id from the `X-PandaDoc-Webhook-Event-Id` header.
///
/// PandaDoc "may send several notification objects at the same time": one
/// delivery, several events. `dispatch` returns them together, as they came
/// (one HTTP request, one answer, one deduplication key);
/// [`notifications_of`](Delivery::notifications_of) picks those of a kind.
///
/// ```
/// use esign_webhooks::pandadoc::{Delivery, DocumentStatus, EventKind};
///
/// let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.completed"}},
///                 {"event":"recipient_completed","data":{"id":"doc1","status":"document.completed"}}]"#;
/// let delivery = Delivery::from_body(body)?;
/// assert_eq!(delivery.notifications.len(), 2);
/// let changed: Vec<_> = delivery.notifications_of(&EventKind::DocumentStateChanged).collect();
/// assert_eq!(changed[0].data.status, Some(DocumentStatus::Completed));
/// assert_eq!(delivery.event_id, None); // only known from the request's header
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delivery {
    /// The notifications, in the order of the array.
    pub notifications: Vec<Notification>,
    /// `X-PandaDoc-Webhook-Event-Id`: stable across automatic and manual
    /// retries. `Some` when the delivery came through `dispatch` with the
    /// header; `None` when parsed from the body alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<Text>,
}

impl Delivery {
    /// Parses the body (a JSON array of notifications), without an event id.
    pub fn from_body(body: &[u8]) -> Result<Delivery, Error> {
        parse(body)
    }

    /// The notifications of `kind`.
    pub fn notifications_of<'a>(&'a self, kind: &'a EventKind) -> impl Iterator<Item = &'a Notification> + 'a {
        self.notifications.iter().filter(move |n| &n.event == kind)
    }

    /// `true` when a notification is of `kind`.
    pub fn contains(&self, kind: &EventKind) -> bool {
        self.notifications.iter().any(|n| &n.event == kind)
    }
}

/// One element of the array: an event and the document (or template) it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The event.
    pub event: EventKind,
    /// The document (or template).
    pub data: Document,
}

/// `data`: the document as PandaDoc's API describes it. Only `id` is
/// required; the pricing, fields, tokens and products, present only when the
/// subscription asks for them, are kept as raw JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The document's (or template's, or content library item's) id.
    /// PandaDoc publishes no payload schema for `document_creation_failed` or
    /// the `content_library_item_*` events; their `data` is assumed to carry
    /// an `id` like every other notification's.
    pub id: Text,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Its status (documents only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatus>,
    /// Creation time, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_created: Option<Text>,
    /// Last modification, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<Text>,
    /// Completion time, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_completed: Option<Text>,
    /// Expiry, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<Text>,
    /// Its version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Text>,
    /// Who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<Person>,
    /// Who completed the action (`recipient_completed`), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_by: Option<Person>,
    /// The recipients.
    #[serde(
        deserialize_with = "crate::json_list::list",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub recipients: Vec<Recipient>,
    /// The sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_by: Option<Person>,
    /// The template it was created from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<serde_json::Value>,
    /// Your metadata, as set on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// The grand total, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grand_total: Option<serde_json::Value>,
    /// Tokens (variables), when the subscription includes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<serde_json::Value>,
    /// Fields, when the subscription includes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<serde_json::Value>,
    /// Products, when the subscription includes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<serde_json::Value>,
    /// Pricing, when the subscription includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<serde_json::Value>,
}

/// A person (creator, sender, actor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// Their id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Text>,
}

/// A recipient of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// Their id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Text>,
    /// `signer`, `CC`, …, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<Text>,
    /// Their role in the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// `true` once they completed their part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_completed: Option<bool>,
}

/// See [`super::parse`].
pub(super) fn parse(body: &[u8]) -> Result<Delivery, Error> {
    crate::json_text::from_body::<Vec<Notification>>(body)
        .map(|notifications| Delivery {
            notifications,
            event_id: None,
        })
        .map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::PandaDoc))
}
