//! The typed Adobe Acrobat Sign notification: the common attributes of
//! every event, and the agreement, cancellation, expiration and reminder
//! objects of agreement events (Adobe's "Webhook Event Payload Overview" and
//! "Agreement Events" pages). Widget, MegaSign and library objects are kept
//! as sent.
//!
//! Everything is optional but `event` and `agreement.id`: what a payload
//! carries depends on the webhook's conditional parameters
//! (`includeDetailedInfo`, `includeParticipantsInfo`, …) and on the event.

use crate::Text;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lenient;
use super::{AgreementStatus, EventKind, ParticipantRole, WebhookScope};

/// An Adobe Acrobat Sign webhook notification, with the client id its
/// request carried (echoed by [`success_response`](crate::Event::success_response)).
///
/// What its check proves, and what not, is in the [module docs](super).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// The webhook the notification is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<Text>,
    /// The webhook's name (`webhookname` in one table of Adobe's, `webhookName` in its payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_name: Option<Text>,
    /// The notification's unique id: "helpful in identifying duplicate notifications".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_notification_id: Option<Text>,
    /// The URL the notification was sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url_info: Option<WebhookUrlInfo>,
    /// What the webhook is registered on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_scope: Option<WebhookScope>,
    /// The users the notification applies to.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub webhook_notification_applicable_users: Vec<ApplicableUser>,
    /// What happened.
    pub event: EventKind,
    /// The sub-event, for the few events that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_event: Option<Text>,
    /// When it happened (ISO 8601, e.g. `2024-05-30T22:57:28Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Text>,
    /// The resource type (`agreement`, `widget`, `megasign`; case varies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_resource_type: Option<Text>,
    /// For agreements made from a widget or a MegaSign: `WIDGET` or `MEGASIGN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_resource_parent_type: Option<Text>,
    /// The widget or MegaSign the agreement was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_resource_parent_id: Option<Text>,
    /// The role of the participant user, on action and completion events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_role: Option<ParticipantRole>,
    /// The action, on action and reminder events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_type: Option<Text>,
    /// The participant the event is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_user_id: Option<Text>,
    /// That participant's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_user_email: Option<Text>,
    /// Who acted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_user_id: Option<Text>,
    /// Their e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_user_email: Option<Text>,
    /// Their IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_user_ip_address: Option<Text>,
    /// Who acted on the sender's behalf (account sharing; Webhooks 2.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiating_user_id: Option<Text>,
    /// Their e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiating_user_email: Option<Text>,
    /// The account (`AGREEMENT_READY_TO_NOTARIZE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Text>,
    /// The sender's account (`AGREEMENT_EXPIRATION_UPDATED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub originator_account_id: Option<Text>,
    /// The agreement, on agreement events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Why it was cancelled (recalled, rejected, auto-cancelled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_cancellation_info: Option<CancellationInfo>,
    /// About its expiry (`AGREEMENT_EXPIRED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_expiration_info: Option<ExpirationInfo>,
    /// The reminder (`AGREEMENT_REMINDER_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_info: Option<ReminderInfo>,
    /// The widget, on widget events, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub widget: Option<Value>,
    /// The MegaSign, on MegaSign events, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mega_sign: Option<Value>,
    /// The library document, on library events, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library_document: Option<Value>,
    /// The conditional parameters left out because the payload exceeded 10 MB.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub conditional_parameters_trimmed: Vec<Text>,
    /// The `X-AdobeSign-ClientId` the request carried, once verified; `None`
    /// for a body parsed without its request.
    #[serde(skip)]
    pub(crate) client_id: Option<super::ClientId>,
}

/// `webhookUrlInfo`.
///
/// Its `Debug` redacts the URL's query values and user information: the URL
/// is the one you registered, and it carries the URL token
/// ([`Verifier::with_query_token`](super::Verifier::with_query_token)).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookUrlInfo {
    /// The webhook URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
}

impl core::fmt::Debug for WebhookUrlInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("WebhookUrlInfo")
            .field("url", &self.url.as_deref().map(crate::headers::redacted_url))
            .finish()
    }
}

/// An entry of `webhookNotificationApplicableUsers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct ApplicableUser {
    /// The user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Their e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Their role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ParticipantRole>,
    /// Whether the payload applies to them.
    #[serde(default, deserialize_with = "lenient::bool", skip_serializing_if = "Option::is_none")]
    pub payload_applicable: Option<bool>,
}

/// `agreementCancellationInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct CancellationInfo {
    /// The reason given (or Adobe's message for auto-cancellation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Text>,
    /// Whether the other participants were told.
    #[serde(default, deserialize_with = "lenient::bool", skip_serializing_if = "Option::is_none")]
    pub notify_others: Option<bool>,
}

/// `agreementExpirationInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExpirationInfo {
    /// About the expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Text>,
}

/// `reminderInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct ReminderInfo {
    /// The reminder's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Its note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Who is reminded.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub participant_list: Vec<ReminderParticipant>,
}

/// A participant of a reminder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct ReminderParticipant {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Participant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// User id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_user_id: Option<Text>,
}

/// `agreement`: the agreement the event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// Its id: query its status and download its documents with it.
    pub id: Text,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// `ESIGN` or `WRITTEN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_type: Option<Text>,
    /// Its state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AgreementStatus>,
    /// Copy recipients.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub ccs: Vec<Cc>,
    /// The offline device, for agreements created offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_info: Option<DeviceInfo>,
    /// Whether limited document visibility is on.
    #[serde(default, deserialize_with = "lenient::bool", skip_serializing_if = "Option::is_none")]
    pub document_visibility_enabled: Option<bool>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<Text>,
    /// When it expires, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_time: Option<Text>,
    /// Your external id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<ExternalId>,
    /// Where signers go after signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_sign_option: Option<PostSignOption>,
    /// Hours before the first reminder.
    #[serde(default, deserialize_with = "lenient::int", skip_serializing_if = "Option::is_none")]
    pub first_reminder_delay: Option<i64>,
    /// Its locale (`en_US`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Text>,
    /// The sender's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// How often reminders are sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_frequency: Option<Text>,
    /// The sender's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_email: Option<Text>,
    /// Vaulting settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vaulting_info: Option<VaultingInfo>,
    /// The custom workflow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_id: Option<Text>,
    /// The participant sets (`includeParticipantsInfo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_sets_info: Option<ParticipantSetsInfo>,
    /// The documents (`includeDocumentsInfo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_info: Option<DocumentsInfo>,
    /// Supporting documents, when sent at this level.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub supporting_documents: Vec<SupportingDocument>,
    /// The signed PDF (`includeSignedDocuments`, `AGREEMENT_WORKFLOW_COMPLETED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_document_info: Option<SignedDocumentInfo>,
    /// E-mail settings, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_option: Option<Value>,
    /// The group the agreement was created in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_group_id: Option<Text>,
    /// The conditional parameters left out because the payload exceeded 10 MB.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub conditional_parameters_trimmed: Vec<Text>,
}

/// A copy recipient.
///
/// Adobe documents `ccs` two ways: the attribute table of its agreement
/// events says "Array of Strings", every payload template shows objects
/// `{email, label, visiblePages}` (`webhookeventsagreements.md`,
/// `AdobeDocs/acrobat-sign-developer-guide` @ `80169965`). Both are read: a
/// string is the copy recipient's e-mail address. An event is written back
/// (serialized) as objects.
///
/// ```
/// use esign_webhooks::adobesign::Cc;
/// let cc: Cc = serde_json::from_str(r#""cc@example.com""#).unwrap();
/// assert_eq!(cc.email.as_deref(), Some("cc@example.com"));
/// let cc: Cc = serde_json::from_str(r#"{"email":"cc@example.com","label":"Legal","visiblePages":["1"]}"#).unwrap();
/// assert_eq!(cc.label.as_deref(), Some("Legal"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct Cc {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Pages they can see.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub visible_pages: Vec<Text>,
}

impl<'de> Deserialize<'de> for Cc {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The object form of the payload templates.
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Object {
            #[serde(default)]
            email: Option<Text>,
            #[serde(default)]
            label: Option<Text>,
            #[serde(default, deserialize_with = "lenient::list")]
            visible_pages: Vec<Text>,
        }

        /// Either documented form.
        #[derive(Deserialize)]
        #[serde(untagged, expecting = "a copy recipient: an e-mail address or an object")]
        enum Wire {
            Email(Text),
            Object(Object),
        }

        Ok(match Wire::deserialize(deserializer)? {
            Wire::Email(email) => Cc {
                email: Some(email).filter(|email| !email.trim().is_empty()),
                ..Cc::default()
            },
            Wire::Object(Object {
                email,
                label,
                visible_pages,
            }) => Cc {
                email,
                label,
                visible_pages,
            },
        })
    }
}

/// `deviceInfo` of an offline agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct DeviceInfo {
    /// The application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_description: Option<Text>,
    /// The device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_description: Option<Text>,
    /// Where it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The device's time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_time: Option<Text>,
}

/// A device's location.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Latitude.
    #[serde(
        default,
        deserialize_with = "lenient::float",
        skip_serializing_if = "Option::is_none"
    )]
    pub latitude: Option<f64>,
    /// Longitude.
    #[serde(
        default,
        deserialize_with = "lenient::float",
        skip_serializing_if = "Option::is_none"
    )]
    pub longitude: Option<f64>,
}

/// `externalId`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExternalId {
    /// Your id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
}

/// `postSignOption`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct PostSignOption {
    /// Seconds before redirecting.
    #[serde(default, deserialize_with = "lenient::int", skip_serializing_if = "Option::is_none")]
    pub redirect_delay: Option<i64>,
    /// Where to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<Text>,
}

/// `vaultingInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VaultingInfo {
    /// Whether vaulting is on.
    #[serde(default, deserialize_with = "lenient::bool", skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// `participantSetsInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct ParticipantSetsInfo {
    /// Every participant set.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub participant_sets: Vec<ParticipantSet>,
    /// The sets whose turn is next.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub next_participant_sets: Vec<ParticipantSet>,
}

/// A participant set: one or more members acting as one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct ParticipantSet {
    /// Its members.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub member_infos: Vec<Member>,
    /// Its place in the signing order.
    #[serde(default, deserialize_with = "lenient::int", skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    /// Its role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ParticipantRole>,
    /// Its status (`WAITING_FOR_MY_SIGNATURE`, `NOT_YET_VISIBLE`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// A private message to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_message: Option<Text>,
}

/// A member of a participant set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The participant's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// A private message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_message: Option<Text>,
    /// Status (`ACTIVE`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// The user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
    /// How they authenticate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_option: Option<SecurityOption>,
}

/// `securityOption`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct SecurityOption {
    /// `NONE`, `PASSWORD`, `PHONE`, `KBA`, `WEB_IDENTITY`, `ADOBE_SIGN`, `GOV_ID`, `DIG_ID` or `EMAIL_OTP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_method: Option<Text>,
}

/// `documentsInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct DocumentsInfo {
    /// The documents.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Supporting documents.
    #[serde(default, deserialize_with = "lenient::list", skip_serializing_if = "Vec::is_empty")]
    pub supporting_documents: Vec<SupportingDocument>,
}

/// A document of an agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Its page count.
    #[serde(default, deserialize_with = "lenient::int", skip_serializing_if = "Option::is_none")]
    pub num_pages: Option<i64>,
    /// Its MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<Text>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// A supporting document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "camelCase")]
pub struct SupportingDocument {
    /// Its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_label: Option<Text>,
    /// The field it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_name: Option<Text>,
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// Its MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<Text>,
    /// Its page count.
    #[serde(default, deserialize_with = "lenient::int", skip_serializing_if = "Option::is_none")]
    pub num_pages: Option<i64>,
}

/// `signedDocumentInfo`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignedDocumentInfo {
    /// The signed PDF, base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Text>,
}

impl Event {
    /// The event kind.
    pub fn kind(&self) -> &EventKind {
        &self.event
    }

    /// The agreement's id, on agreement events.
    pub fn agreement_id(&self) -> Option<&str> {
        self.agreement.as_ref().map(|agreement| agreement.id.as_str())
    }

    /// The verified `X-AdobeSign-ClientId` the request carried, to echo.
    /// `None` for a body parsed without its request
    /// ([`dangerous::parse_unverified`](crate::dangerous::parse_unverified)).
    pub fn client_id(&self) -> Option<&str> {
        self.client_id.as_ref().map(super::ClientId::as_str)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::Event;

    /// Keys of Adobe's payloads the types do not model (so not written back).
    const UNMODELED: [&str; 5] = [
        "allUnsigned",
        "documentVisibilityEnabled",
        "firstReminderDelay",
        "notifyOthers",
        "payloadApplicable",
    ];

    /// Compares the keys of `read` (a fixture) and `written` (its serde form)
    /// at every place; returns how many keys were found in both.
    fn same_keys(written: &Value, read: &Value, path: &str) -> usize {
        match (written, read) {
            (Value::Object(written), Value::Object(read)) => {
                for key in written.keys() {
                    assert!(
                        read.contains_key(key),
                        "{path}.{key} is written but is no key of Adobe's"
                    );
                }
                let mut found = 0;
                for (key, original) in read {
                    let at = format!("{path}.{key}");
                    match written.get(key) {
                        Some(value) => found += 1 + same_keys(value, original, &at),
                        // Empty values read as absent (the lenient readers).
                        None if original.is_null() || original == "" => {}
                        None if UNMODELED.contains(&key.as_str()) => {}
                        None => panic!("{at} is in the payload but not written back: a misspelled field?"),
                    }
                }
                found
            }
            (Value::Array(written), Value::Array(read)) => written
                .iter()
                .zip(read)
                .enumerate()
                .map(|(index, (value, original))| same_keys(value, original, &format!("{path}[{index}]")))
                .sum(),
            _ => 0,
        }
    }

    /// The serde form spells every field as Adobe does (`rename_all` and the
    /// wire names agree): a fixture read and written back keeps every key
    /// with a value, and writes no key the fixture lacks.
    #[test]
    fn the_serde_form_spells_every_key_as_adobe_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adobesign");
        let mut keys = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "json") {
                continue;
            }
            let body = std::fs::read(&path).unwrap();
            let Ok(event) = serde_json::from_slice::<Event>(&body) else {
                continue;
            };
            let read: Value = serde_json::from_slice(&body).unwrap();
            let written = serde_json::to_value(&event).unwrap();
            keys += same_keys(&written, &read, &path.display().to_string());
        }
        assert!(keys > 1000, "only {keys} keys checked");
    }
}
