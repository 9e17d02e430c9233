//! The typed OpenSign delivery: one flat JSON object.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::EventKind;
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// An OpenSign delivery (OpenSign's documented examples; every field but
/// `event` and `objectId` is optional, since each event sends its own set).
///
/// The times (`createdAt`, `viewedAt`, …) are kept as sent: OpenSign writes
/// them for people, not machines (`Fri, 16 May 2025 15:02:42 IST`,
/// `Sat, 20 Dec 2025 00:58:20 GMT+9:30`), in the sender's time zone.
///
/// ```
/// use esign_webhooks::opensign::{Event, EventKind};
///
/// let body = br#"{"event":"declined","type":"request-sign","objectId":"1gtDMBHpEY",
///   "declinedBy":"peter.mark1093@gmail.com","declinedReason":"Invalid date format used.",
///   "declinedAt":"Fri, 16 May 2025 16:25:38 IST","createdAt":"Fri, 16 May 2025 16:24:28 IST"}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.event, EventKind::Declined);
/// assert_eq!(event.declined_reason.as_deref(), Some("Invalid date format used."));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// What happened.
    pub event: EventKind,
    /// The document's kind (`request-sign` in every example).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<Text>,
    /// The document's id.
    pub object_id: Text,
    /// A short-lived (presigned) URL of the PDF: the signed PDF once signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Text>,
    /// The completion certificate's URL (`completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Text>,
    /// The document's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The note to signers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The document's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The signers (every event but `signed`).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<Signer>,
    /// The signer who signed (`signed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    /// Who viewed the document, by e-mail (`viewed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed_by: Option<Text>,
    /// When it was viewed (`viewed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed_at: Option<Text>,
    /// When the signer signed (`signed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<Text>,
    /// When the last signature was made (`completed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Text>,
    /// Who declined, by e-mail (`declined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_by: Option<Text>,
    /// Why (`declined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_reason: Option<Text>,
    /// When (`declined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_at: Option<Text>,
    /// When the document was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
}

impl Event {
    /// The event name.
    pub fn kind(&self) -> &EventKind {
        &self.event
    }

    /// The signer the event is about, by e-mail: `viewedBy`, `signer.email`
    /// or `declinedBy`.
    pub fn acting_signer(&self) -> Option<&str> {
        self.viewed_by
            .as_deref()
            .or_else(|| self.signer.as_ref().and_then(|s| s.email.as_deref()))
            .or(self.declined_by.as_deref())
    }

    /// The time of the event itself, as sent: `viewedAt`, `signedAt`,
    /// `completedAt`, `declinedAt`, else `createdAt`.
    pub fn event_time(&self) -> Option<&str> {
        self.viewed_at
            .as_deref()
            .or(self.signed_at.as_deref())
            .or(self.completed_at.as_deref())
            .or(self.declined_at.as_deref())
            .or(self.created_at.as_deref())
    }
}

/// A signer: `{name, email, phone}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Phone number, as entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::OpenSign))
}
