//! The typed Clicksign delivery: `{event: {name, data, occurred_at}, document | acceptance}`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{AcceptanceStatus, DocumentStatus, EventKind};
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// A Clicksign delivery: the event, and the document (document events) or
/// the WhatsApp acceptance (`acceptance_term_*`) it is about.
///
/// ```
/// use esign_webhooks::clicksign::{Event, EventKind};
///
/// let body = br#"{"event":{"name":"auto_close","data":null,"occurred_at":"2017-05-05T14:57:25.191-03:00"},
///   "document":{"key":"db4a2cf7-0a48-481f-b669-54f2a2260ac2","status":"closed"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventKind::AutoClose);
/// assert_eq!(event.subject_key(), Some("db4a2cf7-0a48-481f-b669-54f2a2260ac2"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened.
    pub event: Occurrence,
    /// The document (every document event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
    /// The WhatsApp acceptance (`acceptance_term_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
}

impl Event {
    /// The event name.
    pub fn kind(&self) -> &EventKind {
        &self.event.name
    }

    /// The key of what the event is about: the document's, else the acceptance's.
    pub fn subject_key(&self) -> Option<&str> {
        self.document
            .as_ref()
            .map(|d| d.key.as_str())
            .or_else(|| self.acceptance.as_ref().map(|a| a.key.as_str()))
    }

    /// The signer the event is about (`sign`, `refusal`, biometrics…): `event.data.signer`.
    pub fn signer(&self) -> Option<&Signer> {
        self.event.data.as_ref().and_then(|d| d.signer.as_ref())
    }
}

/// `event`: the name, its data and when it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Occurrence {
    /// The event name.
    pub name: EventKind,
    /// The event's own data (`null` for `auto_close`).
    #[serde(default)]
    pub data: Option<EventData>,
    /// When it happened (ISO 8601 with offset), when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<Text>,
}

/// `event.data`: what each event adds; every field is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventData {
    /// The signer who acted (`sign`, `refusal`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    /// The signers added or removed (`add_signer`, `remove_signer`).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<Signer>,
    /// The user of the account who acted (`upload`, `close`, `cancel`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// When the deadline was reached (`deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_at: Option<Text>,
    /// The new deadline (`update_deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_at: Option<Text>,
    /// The previous deadline (`update_deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_deadline_at: Option<Text>,
}

/// A signer, as Clicksign describes one (the fields below typed; every other
/// member, its authentication details among them, kept as sent in `other`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct Signer {
    /// The signer's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// How the signer signs (`party`, `sign`, `witness`, …), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_as: Option<Text>,
    /// The key of the signer's list entry in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_key: Option<Text>,
    /// Every other member, as sent.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Signer);

/// The account user who acted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// The account: its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Account {
    /// The account's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Text>,
}

/// `document`: Clicksign's document model (the fields below typed; the
/// event history is kept as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The document's key.
    pub key: Text,
    /// The account's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_key: Option<Text>,
    /// The path in the account's folders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Text>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<Text>,
    /// The status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatus>,
    /// Upload time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_at: Option<Text>,
    /// Last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// When it was finalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Text>,
    /// The signing deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_at: Option<Text>,
    /// Closed automatically after the last signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_close: Option<bool>,
    /// The language (`pt-BR`, `en-US`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Text>,
    /// Your metadata, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// The download URLs (`original_file_url`, `signed_file_url`, `ziped_file_url`), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloads: Option<serde_json::Value>,
    /// The signers.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<Signer>,
    /// The document's event history, as sent.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<serde_json::Value>,
}

/// `acceptance`: a WhatsApp acceptance (the fields below typed; its message
/// log is kept as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Acceptance {
    /// The acceptance's key.
    pub key: Text,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AcceptanceStatus>,
    /// The sender's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<Text>,
    /// The recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_name: Option<Text>,
    /// The recipient's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_phone: Option<Text>,
    /// The text to accept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Text>,
    /// When it was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Text>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// The WhatsApp messages exchanged, as sent.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<serde_json::Value>,
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::Clicksign))
}
