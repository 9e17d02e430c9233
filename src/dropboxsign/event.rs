//! The typed Dropbox Sign callback: `event` and the object it is about
//! (`signature_request`, `template` or `account`), as the OpenAPI
//! `EventCallbackRequest` and the help centre's example describe it.
//!
//! Every field but `event` and its `event_time`, `event_type` and
//! `event_hash` is optional: the OpenAPI requires nothing else, and the
//! SDKs' own fixtures omit most of it.

use crate::Text;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::{CallbackType, EventType, SignatureStatus};

/// A Dropbox Sign callback (the `json` field of the multipart POST, or the
/// JSON body).
///
/// **What its verification proves.** `event.event_hash` is an HMAC of
/// `event_time` and `event_type` only: a verified callback proves that
/// someone holding your API key produced *an event of this type at this
/// time*. It does **not** prove the rest of this value (the signature request,
/// its signers, the metadata): an attacker who captured one genuine callback
/// can replay it, or change everything but its time and type, and it still
/// verifies. Nothing expires either. Fetch the signature request through the
/// API (`GET /v3/signature_request/{id}`) before acting on its state.
///
/// ```
/// use esign_webhooks::dropboxsign::{CallbackType, Event, EventType};
///
/// let json = r#"{"event":{"event_time":"1669926463","event_type":"account_confirmed",
///   "event_hash":"ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f",
///   "event_metadata":{"related_signature_id":null,"reported_for_account_id":"6421d70b9bd45059fa207d03ab8d1b96515b472c",
///   "reported_for_app_id":null,"event_message":null}}}"#;
/// let event: Event = serde_json::from_str(json)?;
/// assert_eq!(event.kind(), &EventType::AccountConfirmed);
/// assert_eq!(event.callback_type(), CallbackType::Account);
/// assert_eq!(event.time(), Some(1_669_926_463));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened, and the proof of its time and type.
    pub event: EventInfo,
    /// The account the event is about (`account_confirmed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// The signature request the event is about (`signature_request_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request: Option<SignatureRequest>,
    /// The template the event is about (`template_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
    /// The account the event is reported for (help-centre example, SDK fixtures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_guid: Option<Text>,
    /// The API app the event is reported for, on app callbacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Text>,
}

/// `event`: the event's type and time, and the HMAC over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventInfo {
    /// When the event happened, Unix seconds as the string Dropbox Sign sends
    /// (a JSON number is accepted and kept as its digits). Signed.
    #[serde(deserialize_with = "string_or_integer")]
    pub event_time: Text,
    /// What happened. Signed.
    pub event_type: EventType,
    /// Lower-case hex HMAC-SHA256 of `event_time` ‖ `event_type`, keyed with
    /// your API key. Checked by [`Verifier`](super::Verifier).
    pub event_hash: Text,
    /// Who and what the event is reported for. Not signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_metadata: Option<EventMetadata>,
}

/// `event.event_metadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventMetadata {
    /// The signer (`signature_id`) the event is about, for per-signer events.
    #[serde(default)]
    pub related_signature_id: Option<Text>,
    /// The account the event is reported for (account callbacks).
    #[serde(default)]
    pub reported_for_account_id: Option<Text>,
    /// The API app the event is reported for: set on every app callback.
    #[serde(default)]
    pub reported_for_app_id: Option<Text>,
    /// A message about the event (errors).
    #[serde(default)]
    pub event_message: Option<Text>,
}

/// `account` (OpenAPI `AccountResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Account {
    /// The account's id.
    #[serde(default)]
    pub account_id: Option<Text>,
    /// The account's e-mail address.
    #[serde(default)]
    pub email_address: Option<Text>,
    /// Whether the account is locked.
    #[serde(default)]
    pub is_locked: Option<bool>,
    /// Whether the account has a paid Dropbox Sign plan.
    #[serde(default)]
    pub is_paid_hs: Option<bool>,
    /// Whether the account has a paid HelloFax plan.
    #[serde(default)]
    pub is_paid_hf: Option<bool>,
    /// What the account may still send.
    #[serde(default)]
    pub quotas: Option<Quotas>,
    /// The account callback URL.
    #[serde(default)]
    pub callback_url: Option<Text>,
    /// The account's role in its team.
    #[serde(default)]
    pub role_code: Option<Text>,
    /// The account's team.
    #[serde(default)]
    pub team_id: Option<Text>,
    /// The account's locale.
    #[serde(default)]
    pub locale: Option<Text>,
    /// Usage counters.
    #[serde(default)]
    pub usage: Option<Usage>,
    /// Admin Console settings.
    #[serde(default)]
    pub settings: Option<AccountSettings>,
}

/// `account.quotas`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quotas {
    /// API signature requests left.
    #[serde(default)]
    pub api_signature_requests_left: Option<i64>,
    /// Signature requests left.
    #[serde(default)]
    pub documents_left: Option<i64>,
    /// Total templates allowed.
    #[serde(default)]
    pub templates_total: Option<i64>,
    /// Templates left.
    #[serde(default)]
    pub templates_left: Option<i64>,
    /// SMS verifications left.
    #[serde(default)]
    pub sms_verifications_left: Option<i64>,
    /// Fax pages left.
    #[serde(default)]
    pub num_fax_pages_left: Option<i64>,
}

/// `account.usage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Usage {
    /// Fax pages sent.
    #[serde(default)]
    pub fax_pages_sent: Option<i64>,
}

/// `account.settings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountSettings {
    /// Custom access codes enabled.
    #[serde(default)]
    pub signer_access_codes: Option<bool>,
    /// Text-message delivery enabled.
    #[serde(default)]
    pub sms_delivery: Option<bool>,
    /// Signer SMS authentication enabled.
    #[serde(default)]
    pub sms_authentication: Option<bool>,
}

/// `signature_request` (OpenAPI `SignatureRequestResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureRequest {
    /// Whether the request was sent in test mode.
    #[serde(default)]
    pub test_mode: Option<bool>,
    /// The request's id.
    #[serde(default)]
    pub signature_request_id: Option<Text>,
    /// Who sent it.
    #[serde(default)]
    pub requester_email_address: Option<Text>,
    /// The title.
    #[serde(default)]
    pub title: Option<Text>,
    /// The title as first given.
    #[serde(default)]
    pub original_title: Option<Text>,
    /// The e-mail subject.
    #[serde(default)]
    pub subject: Option<Text>,
    /// The e-mail message.
    #[serde(default)]
    pub message: Option<Text>,
    /// Your metadata, as you set it.
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// Creation time, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Expiry time, Unix seconds.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// Whether every signer signed.
    #[serde(default)]
    pub is_complete: Option<bool>,
    /// Whether a signer declined.
    #[serde(default)]
    pub is_declined: Option<bool>,
    /// Whether an error occurred.
    #[serde(default)]
    pub has_error: Option<bool>,
    /// Where to download the files.
    #[serde(default)]
    pub files_url: Option<Text>,
    /// The embedded signing URL.
    #[serde(default)]
    pub signing_url: Option<Text>,
    /// Where to see the request on the website.
    #[serde(default)]
    pub details_url: Option<Text>,
    /// Copy recipients.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub cc_email_addresses: Vec<Text>,
    /// Where signers go after signing.
    #[serde(default)]
    pub signing_redirect_url: Option<Text>,
    /// Deprecated download link of the final copy.
    #[serde(default)]
    pub final_copy_uri: Option<Text>,
    /// The templates the request was made from.
    #[serde(default)]
    pub template_ids: Option<Vec<Text>>,
    /// Custom fields.
    #[serde(default)]
    pub custom_fields: Option<Vec<CustomField>>,
    /// Signer attachments.
    #[serde(default)]
    pub attachments: Option<Vec<Attachment>>,
    /// The signers' answers.
    #[serde(default)]
    pub response_data: Option<Vec<ResponseData>>,
    /// One entry per signer.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub signatures: Vec<Signature>,
    /// The bulk send job the request belongs to.
    #[serde(default)]
    pub bulk_send_job_id: Option<Text>,
    /// Signer experience settings (`{"form_view": …}`), as sent.
    #[serde(default)]
    pub signer_experience: Option<Value>,
}

/// One signer of a signature request (OpenAPI `SignatureRequestResponseSignatures`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signature {
    /// The signer's id (`related_signature_id` in per-signer events).
    #[serde(default)]
    pub signature_id: Option<Text>,
    /// The signer group, for group signers.
    #[serde(default)]
    pub signer_group_guid: Option<Text>,
    /// The signer's e-mail address.
    #[serde(default)]
    pub signer_email_address: Option<Text>,
    /// The signer's name.
    #[serde(default)]
    pub signer_name: Option<Text>,
    /// The signer's role (template requests).
    #[serde(default)]
    pub signer_role: Option<Text>,
    /// The signing order.
    #[serde(default)]
    pub order: Option<i64>,
    /// The signer's status.
    #[serde(default)]
    pub status_code: Option<SignatureStatus>,
    /// Why the signer declined.
    #[serde(default)]
    pub decline_reason: Option<Text>,
    /// When the signer signed, Unix seconds.
    #[serde(default)]
    pub signed_at: Option<i64>,
    /// When the signer last viewed the request, Unix seconds.
    #[serde(default)]
    pub last_viewed_at: Option<i64>,
    /// When the signer was last reminded, Unix seconds.
    #[serde(default)]
    pub last_reminded_at: Option<i64>,
    /// Whether a PIN protects the request.
    #[serde(default)]
    pub has_pin: Option<bool>,
    /// Whether SMS authentication is required.
    #[serde(default)]
    pub has_sms_auth: Option<bool>,
    /// Whether the request is delivered by SMS.
    #[serde(default)]
    pub has_sms_delivery: Option<bool>,
    /// The SMS phone number.
    #[serde(default)]
    pub sms_phone_number: Option<Text>,
    /// Who reassigned the signature.
    #[serde(default)]
    pub reassigned_by: Option<Text>,
    /// Why it was reassigned.
    #[serde(default)]
    pub reassignment_reason: Option<Text>,
    /// The previous signer.
    #[serde(default)]
    pub reassigned_from: Option<Text>,
    /// An error about this signer.
    #[serde(default)]
    pub error: Option<Text>,
}

/// A custom field of a signature request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomField {
    /// `text` or `checkbox`.
    #[serde(rename = "type", default)]
    pub field_type: Option<Text>,
    /// The field's name.
    #[serde(default)]
    pub name: Option<Text>,
    /// Whether it is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// The field's API id.
    #[serde(default)]
    pub api_id: Option<Text>,
    /// Who may edit it.
    #[serde(default)]
    pub editor: Option<Text>,
    /// Its value: a string for `text`, a boolean for `checkbox`.
    #[serde(default)]
    pub value: Option<Value>,
}

/// A signer attachment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The attachment's id.
    #[serde(default)]
    pub id: Option<Text>,
    /// The signer who uploads it (a string in the OpenAPI; a number is kept as its digits).
    #[serde(default, deserialize_with = "optional_string_or_integer")]
    pub signer: Option<Text>,
    /// Its name.
    #[serde(default)]
    pub name: Option<Text>,
    /// Whether it is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// Instructions to the signer.
    #[serde(default)]
    pub instructions: Option<Text>,
    /// When it was uploaded, Unix seconds.
    #[serde(default)]
    pub uploaded_at: Option<i64>,
}

/// A signer's answer in a form field (`response_data`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseData {
    /// The field's API id.
    #[serde(default)]
    pub api_id: Option<Text>,
    /// The signer who answered.
    #[serde(default)]
    pub signature_id: Option<Text>,
    /// The field's name.
    #[serde(default)]
    pub name: Option<Text>,
    /// Whether it is required.
    #[serde(default)]
    pub required: Option<bool>,
    /// `text`, `checkbox`, `dropdown`, `radio`, `signature`, `date_signed`,
    /// `initials`, `text-merge` or `checkbox-merge`.
    #[serde(rename = "type", default)]
    pub field_type: Option<Text>,
    /// The answer, typed as the field's type makes it.
    #[serde(default)]
    pub value: Option<Value>,
}

/// `template` (OpenAPI `TemplateResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Template {
    /// The template's id.
    #[serde(default)]
    pub template_id: Option<Text>,
    /// Its title.
    #[serde(default)]
    pub title: Option<Text>,
    /// Its default message.
    #[serde(default)]
    pub message: Option<Text>,
    /// Last update, Unix seconds.
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Whether it was created for embedded use.
    #[serde(default)]
    pub is_embedded: Option<bool>,
    /// Whether you created it.
    #[serde(default)]
    pub is_creator: Option<bool>,
    /// Whether you may edit it.
    #[serde(default)]
    pub can_edit: Option<bool>,
    /// Whether it is locked.
    #[serde(default)]
    pub is_locked: Option<bool>,
    /// Your metadata.
    #[serde(default)]
    pub metadata: Option<Map<String, Value>>,
    /// Signer roles.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub signer_roles: Vec<TemplateRole>,
    /// Copy-recipient roles.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub cc_roles: Vec<TemplateCcRole>,
    /// Its documents.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub documents: Vec<TemplateDocument>,
    /// Deprecated: custom fields (now per document).
    #[serde(default)]
    pub custom_fields: Option<Vec<Value>>,
    /// Deprecated: form fields (now per document).
    #[serde(default)]
    pub named_form_fields: Option<Vec<Value>>,
    /// Accounts that can use it.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub accounts: Vec<TemplateAccount>,
    /// Signer attachments.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub attachments: Vec<Attachment>,
    /// Signer experience settings, as sent.
    #[serde(default)]
    pub signer_experience: Option<Value>,
}

/// A signer role of a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateRole {
    /// The role's name.
    #[serde(default)]
    pub name: Option<Text>,
    /// Its signing order.
    #[serde(default)]
    pub order: Option<i64>,
}

/// A copy-recipient role of a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateCcRole {
    /// The role's name.
    #[serde(default)]
    pub name: Option<Text>,
}

/// A document of a template. Its fields are kept as sent: their shape
/// depends on each field's `type`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateDocument {
    /// The file name.
    #[serde(default)]
    pub name: Option<Text>,
    /// Its position among the template's documents.
    #[serde(default)]
    pub index: Option<i64>,
    /// Field groups (`{name, rule}`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub field_groups: Vec<Value>,
    /// Form fields.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub form_fields: Vec<Value>,
    /// Custom fields.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub custom_fields: Vec<Value>,
    /// Static fields.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub static_fields: Vec<Value>,
}

/// An account that can use a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateAccount {
    /// The account's id.
    #[serde(default)]
    pub account_id: Option<Text>,
    /// Its e-mail address.
    #[serde(default)]
    pub email_address: Option<Text>,
    /// Whether it is locked.
    #[serde(default)]
    pub is_locked: Option<bool>,
    /// Whether it has a paid Dropbox Sign plan.
    #[serde(default)]
    pub is_paid_hs: Option<bool>,
    /// Whether it has a paid HelloFax plan.
    #[serde(default)]
    pub is_paid_hf: Option<bool>,
    /// Its template quotas, as sent.
    #[serde(default)]
    pub quotas: Option<Value>,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventType {
        &self.event.event_type
    }

    /// `event_time` as Unix seconds, when it is a number.
    pub fn time(&self) -> Option<i64> {
        self.event.event_time.parse().ok()
    }

    /// Account or app callback, as the SDKs' `getCallbackType` decides:
    /// [`CallbackType::App`] when `event_metadata.reported_for_app_id` is set.
    pub fn callback_type(&self) -> CallbackType {
        match self.metadata().and_then(|m| m.reported_for_app_id.as_deref()) {
            Some(id) if !id.is_empty() => CallbackType::App,
            _ => CallbackType::Account,
        }
    }

    /// `event.event_metadata`, when sent.
    pub fn metadata(&self) -> Option<&EventMetadata> {
        self.event.event_metadata.as_ref()
    }

    /// The signature request's id, for signature-request events.
    pub fn signature_request_id(&self) -> Option<&str> {
        self.signature_request.as_ref()?.signature_request_id.as_deref()
    }

    /// The signer the event is about (`event_metadata.related_signature_id`).
    pub fn related_signature(&self) -> Option<&Signature> {
        let id = self.metadata()?.related_signature_id.as_deref()?;
        self.signature_request
            .as_ref()?
            .signatures
            .iter()
            .find(|s| s.signature_id.as_deref() == Some(id))
    }
}

/// A string, or an integer kept as its decimal digits. Read in place by a
/// visitor: an `untagged` enum would buffer each value first.
pub(super) fn string_or_integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
    crate::text::text_or_integer(deserializer, "a string or an integer")
}

fn optional_string_or_integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Text>, D::Error> {
    crate::text::opt_text_or_integer(deserializer, "a string or an integer")
}

use crate::json_list::null_as_empty;
