//! The typed ZapSign delivery: the document model with `event_type`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{DocumentStatus, EventType, SignerStatus};
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// A ZapSign delivery: ZapSign's document (its detail model) with
/// `event_type`, and for a signer's events the signer concerned. Every field
/// but `event_type` is optional: each event sends its own set.
///
/// ```
/// use esign_webhooks::zapsign::{DocumentStatus, Event, EventType};
///
/// let body = br#"{"event_type":"doc_signed","token":"cce11abf-abcd-abcd-a657-25b55f185f16",
///   "status":"signed","signers":[],"signer_who_signed":{"token":"b14f141f","name":"Fulano Silva"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventType::DocSigned);
/// assert_eq!(event.status, Some(DocumentStatus::Signed));
/// assert_eq!(event.acting_signer().and_then(|s| s.token.as_deref()), Some("b14f141f"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened.
    pub event_type: EventType,
    /// `true` for a sandbox document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sandbox: Option<bool>,
    /// Your id for the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The document's number in the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_id: Option<u64>,
    /// The document's token (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Text>,
    /// The document's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_path: Option<Text>,
    /// The document's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatus>,
    /// The language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Text>,
    /// The original PDF's URL (valid 60 minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_file: Option<Text>,
    /// The signed PDF's URL (valid 60 minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_file: Option<Text>,
    /// `true` once deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// When it was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<Text>,
    /// Creation time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_at: Option<Text>,
    /// The signing deadline, when one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_limit_to_sign: Option<Text>,
    /// The signers.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<Signer>,
    /// The signer who signed (`doc_signed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_who_signed: Option<Signer>,
    /// The signer a signer event is about (`created_signer`, `doc_viewed`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventType {
        &self.event_type
    }

    /// The signer the event is about: `signer_who_signed`, else `signer`.
    pub fn acting_signer(&self) -> Option<&Signer> {
        self.signer_who_signed.as_ref().or(self.signer.as_ref())
    }
}

/// A signer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// The signer's token (its id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Text>,
    /// Your id for the signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The signer's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SignerStatus>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// When the signer signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<Text>,
    /// How many times the signer viewed the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_viewed: Option<u32>,
    /// When the signer last viewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_view_at: Option<Text>,
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::ZapSign))
}
