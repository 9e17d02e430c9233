//! The typed OneSpan Sign callback: one flat JSON object.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::EventName;
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// A OneSpan Sign callback notification.
///
/// ```
/// use esign_webhooks::onespan::{Event, EventName};
///
/// // A real delivery, as OneSpan's support article on resending callbacks shows it.
/// let body = br#"{"@class":"com.silanis.esl.packages.event.ESLProcessEvent","name":"PACKAGE_ACTIVATE",
///   "sessionUser":"8QS1yr3q8DEZ","packageId":"xT9OeZ-j2jIynQBaLeLdgp9CtZk=","message":null,
///   "documentId":null,"createdDate":"2019-10-09T19:32:12.255Z"}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.name, EventName::PackageActivate);
/// assert_eq!(event.package_id, "xT9OeZ-j2jIynQBaLeLdgp9CtZk=");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// The sender's Java class (`com.silanis.esl.packages.event.ESLProcessEvent`
    /// in real deliveries; absent from the documentation's examples).
    #[serde(rename = "@class", default, skip_serializing_if = "Option::is_none")]
    pub class: Option<Text>,
    /// What happened.
    pub name: EventName,
    /// Who triggered it: the sender's id for sender events, the signer's id
    /// for signer events (at most 255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_user: Option<Text>,
    /// The package (transaction) id (at most 255 characters).
    pub package_id: Text,
    /// The document (`DOCUMENT_SIGNED`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<Text>,
    /// A message: the reason of a decline or an opt-out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// When the event was created (ISO 8601, milliseconds, kept as sent).
    pub created_date: Text,
    /// The signer's phone number (`COBROWSE_REQUEST`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
    /// The signer's comment (`COBROWSE_REQUEST`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Text>,
    /// The support hours the signer chose (`COBROWSE_REQUEST`).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub selected_support_business_hours: Vec<Text>,
}

impl Event {
    /// The event name.
    pub fn kind(&self) -> &EventName {
        &self.name
    }
}

pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::OneSpan))
}
