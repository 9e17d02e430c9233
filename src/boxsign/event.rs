//! The typed Box Sign delivery: Box's V2 webhook payload.
//!
//! Box documents the envelope of every V2 webhook delivery (`type`, `id`,
//! `created_at`, `trigger`, `webhook`, `created_by`, `source`,
//! `additional_info`), not the Sign-specific contents of `source` and
//! `additional_info`: those are typed where the common Box item fields apply
//! (`id`, `type`, `name`) and otherwise kept as JSON.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::EventKind;
use crate::{Error, Vendor};

/// A Box Sign delivery.
///
/// ```
/// use esign_webhooks::boxsign::{Event, EventKind};
///
/// let body = br#"{"type":"webhook_event","id":"0f46a6ca-86bf-44ab-8cf5-f08e1e02876b",
///   "created_at":"2024-05-02T10:00:00-07:00","trigger":"SIGN_REQUEST.COMPLETED",
///   "webhook":{"id":"4161288","type":"webhook"},
///   "source":{"id":"1509826131","type":"file","name":"contract.pdf"},
///   "additional_info":{"sign_request_id":"2a0e5ec8-aa5e-4e07-9a5f-0dd7d7e66b33"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.trigger, EventKind::Completed);
/// assert_eq!(event.sign_request_id(), Some("2a0e5ec8-aa5e-4e07-9a5f-0dd7d7e66b33"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Always `webhook_event`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<Text>,
    /// The webhook event's id: the same on every retry of the event (the
    /// `BOX-DELIVERY-ID` header, by contrast, changes per attempt).
    pub id: Text,
    /// When the event happened (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// What happened.
    pub trigger: EventKind,
    /// The webhook that delivered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Webhook>,
    /// The user who caused the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<User>,
    /// The item the event is about (the webhook's file or folder, or the
    /// sign request's document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Item>,
    /// Event-specific details, as received (an object, or `[]` when none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<serde_json::Value>,
}

impl Event {
    /// The trigger.
    pub fn kind(&self) -> &EventKind {
        &self.trigger
    }

    /// The sign request the event is about: `additional_info.sign_request_id`,
    /// else the source's id when the source is a `sign-request`. Box's pages
    /// do not document where the id is; this reads both places seen.
    pub fn sign_request_id(&self) -> Option<&str> {
        self.additional_info
            .as_ref()
            .and_then(|info| info.get("sign_request_id"))
            .and_then(serde_json::Value::as_str)
            .or_else(|| {
                self.source
                    .as_ref()
                    .filter(|item| item.item_type.as_deref() == Some("sign-request"))
                    .map(|item| item.id.as_str())
            })
    }
}

/// The webhook of a delivery: `{id, type}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook's id.
    pub id: Text,
    /// Always `webhook`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub webhook_type: Option<Text>,
}

/// A Box user (mini representation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Always `user`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub user_type: Option<Text>,
    /// The user's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The user's login (e-mail address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<Text>,
}

/// A Box item (file, folder, sign request): its id, type and name, and every
/// other field as received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct Item {
    /// The item's id.
    pub id: Text,
    /// `file`, `folder`, `sign-request`, …
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<Text>,
    /// The item's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The other fields (`parent`, `etag`, `sha1`, …), as received.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Item);

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::BoxSign))
}
