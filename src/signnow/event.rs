//! The typed SignNow callback: `{meta, content}`.

use crate::Text;
use core::fmt;

use serde::{Deserialize, Serialize};

use super::EventName;
use crate::{Error, Vendor};

/// A SignNow callback (webhooks v2): `meta` says what happened and for which
/// subscription, `content` what it happened to.
///
/// ```
/// use esign_webhooks::signnow::{Event, EventName};
///
/// let body = br#"{"meta":{"timestamp":1733312400,"event":"user.document.complete",
///   "environment":"https://api.signnow.com","initiator_id":"9a1e0ad5b2f34c9a8c5d0b1e7f3a2c41",
///   "callback_url":"https://example.com/hooks/signnow"},
///   "content":{"document_id":"4b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c","document_name":"NDA",
///   "user_id":"9a1e0ad5b2f34c9a8c5d0b1e7f3a2c41"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.meta.event, EventName::UserDocumentComplete);
/// assert_eq!(event.document_id(), Some("4b1f0c2d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened, when, for which subscription.
    pub meta: Meta,
    /// The document (or group) and user it happened to.
    pub content: Content,
}

/// `meta` (SignNow's SDK model `Meta`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta {
    /// When the event happened (Unix seconds).
    pub timestamp: i64,
    /// The event name.
    pub event: EventName,
    /// The API host the event comes from (`https://api.signnow.com`,
    /// `https://api-eval.signnow.com`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Text>,
    /// The user who caused the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator_id: Option<Text>,
    /// The callback URL of the subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<Text>,
    /// An access token SignNow adds unless the subscription sets
    /// `delete_access_token`: a **credential**, redacted from `Debug`. Set
    /// `delete_access_token` so that it is never sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<AccessToken>,
}

/// `content` (SignNow's SDK model `Content`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Content {
    /// The document's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<Text>,
    /// The document's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_name: Option<Text>,
    /// The document owner's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
    /// The unique id of the viewer or signer the event is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewer_user_unique_id: Option<Text>,
}

/// An access token sent in `meta.access_token`: kept as received, never
/// shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccessToken(String);

impl AccessToken {
    /// The token as received.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([REDACTED])")
    }
}

impl Event {
    /// The event name.
    pub fn kind(&self) -> &EventName {
        &self.meta.event
    }

    /// `content.document_id`.
    pub fn document_id(&self) -> Option<&str> {
        self.content.document_id.as_deref()
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::SignNow))
}
