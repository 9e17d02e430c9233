//! The `data` objects of BoldSign events, as BoldSign's .NET SDK models them
//! (`BoldSign.Model.Webhook`). Every member is optional (the SDK marks none
//! required, and the failure events carry few); lists may be `null` or absent
//! (read as empty). Members BoldSign adds later are ignored.

use crate::Text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{DocumentStatus, FailedDeliveryMode, SignerStatus};
use crate::json_object::{optional_vec as list, optional_vec_of_objects as objects};

/// A time of the template and sender-identity models, which the SDK reads as
/// a date: kept as sent, a Unix time (number) or a date string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Time {
    /// Unix seconds, as the document model's dates are.
    Unix(i64),
    /// A date string (ISO 8601), verbatim.
    Text(String),
}

/// Read in place by a visitor (an `untagged` derive would buffer the value first).
impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimeVisitor;

        impl<'de> serde::de::Visitor<'de> for TimeVisitor {
            type Value = Time;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a Unix time or a date string")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Time, E> {
                Ok(Time::Unix(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Time, E> {
                i64::try_from(v)
                    .map(Time::Unix)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Time, E> {
                Ok(Time::Text(v.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Time, E> {
                Ok(Time::Text(v))
            }
        }

        deserializer.deserialize_any(TimeVisitor)
    }
}

/// `data` of the document events (`"object": "document"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Document {
    /// The document id.
    pub document_id: Option<Text>,
    /// The title.
    pub message_title: Option<Text>,
    /// The message to signers.
    pub document_description: Option<Text>,
    /// The document's status after the event.
    pub status: Option<DocumentStatus>,
    /// The sender.
    pub sender_detail: Option<SenderDetail>,
    /// The signers.
    #[serde(deserialize_with = "objects")]
    pub signer_details: Vec<SignerDetail>,
    /// The CC recipients.
    #[serde(deserialize_with = "objects")]
    pub cc_details: Vec<CcDetail>,
    /// The e-mail of the user the document was sent on behalf of.
    pub on_behalf_of: Option<Text>,
    /// When it was created (Unix seconds).
    pub created_date: Option<i64>,
    /// When it expires (Unix seconds).
    pub expiry_date: Option<i64>,
    /// Signers sign in order.
    pub enable_signing_order: Option<bool>,
    /// BoldSign sends no e-mails (embedded signing).
    pub disable_emails: Option<bool>,
    /// The sender's message when revoking.
    pub revoke_message: Option<Text>,
    /// Why a send or an edit failed.
    pub error_message: Option<Text>,
    /// Labels.
    #[serde(deserialize_with = "list")]
    pub labels: Vec<Text>,
    /// The audit trail is combined with the document.
    pub is_combined_audit: Option<bool>,
    /// The brand.
    pub brand_id: Option<Text>,
    /// How documents are downloaded (`Combined`, `Individually`, or a number): kept as sent.
    pub document_download_option: Option<Value>,
    /// Your metadata, as you set it when sending.
    pub meta_data: Option<Map<String, Value>>,
    /// How a failed delivery was attempted.
    pub failed_delivery_mode: Option<FailedDeliveryMode>,
    /// The user the document was sent on behalf of.
    pub behalf_of: Option<BehalfOf>,
    /// Allowed signature types (`Text`, `Draw`, `Image`).
    #[serde(deserialize_with = "list")]
    pub allowed_signature_types: Vec<Text>,
    /// Group-signer settings.
    pub group_signer_settings: Option<GroupSignerSettings>,
    /// Signers may sign every field at once.
    pub enable_allow_sign_everywhere: Option<bool>,
    /// The document's time zone.
    pub document_time_zone: Option<Text>,
}

/// `senderDetail` of a document (also `createdBy` of a sender identity).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SenderDetail {
    /// Name.
    pub name: Option<Text>,
    /// E-mail address.
    pub email_address: Option<Text>,
    /// BoldSign user id.
    pub user_id: Option<Text>,
    /// Team id.
    pub team_id: Option<Text>,
}

/// One signer of `signerDetails` (also `signerDetail` of the authentication events).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignerDetail {
    /// Name.
    pub signer_name: Option<Text>,
    /// Role (templates).
    pub signer_role: Option<Text>,
    /// E-mail address.
    pub signer_email: Option<Text>,
    /// The signer's id in the document.
    pub id: Option<Text>,
    /// The members of a signer group.
    #[serde(deserialize_with = "objects")]
    pub group_signers: Vec<GroupSigner>,
    /// Status.
    pub status: Option<SignerStatus>,
    /// An access code is required.
    pub enable_access_code: Option<bool>,
    /// The signer failed authentication.
    pub is_authentication_failed: Option<bool>,
    /// An e-mail OTP is required.
    #[serde(rename = "enableEmailOTP")]
    pub enable_email_otp: Option<bool>,
    /// Delivery to the signer failed.
    pub is_delivery_failed: Option<bool>,
    /// The signer viewed the document.
    pub is_viewed: Option<bool>,
    /// Position in the signing order.
    pub order: Option<i64>,
    /// `Signer`, `Reviewer`, `InPersonSigner`, … (as sent).
    pub signer_type: Option<Text>,
    /// The signer was reassigned.
    pub is_reassigned: Option<bool>,
    /// The reassignment message.
    pub reassign_message: Option<Text>,
    /// The signer's reason for declining.
    pub decline_message: Option<Text>,
    /// The signer's last activity (Unix seconds).
    pub last_activity_date: Option<i64>,
    /// `None`, `AccessCode`, `EmailOTP`, `SMSOTP`, `IdVerification`, … (as sent).
    pub authentication_type: Option<Text>,
    /// The signer may configure fields.
    pub allow_field_configuration: Option<bool>,
    /// Authentication attempts allowed.
    pub authentication_retry_count: Option<i64>,
    /// Identity-verification settings and status.
    pub id_verification: Option<IdVerification>,
    /// Knowledge-based-authentication settings and status.
    pub kba: Option<Kba>,
    /// Authentication frequency and status, sent as `authenticationSettings`:
    /// BoldSign's SDK maps this member as
    /// `[DataMember(Name = "authenticationSettings")]`
    /// (`src/BoldSign/Model/Webhook/SignerDetails.cs`, `boldsign/api-csharp-sdk`
    /// @ `f24752bf`). `signerAuthenticationSettings`, the name this crate read
    /// before (and wrote into stored events), is still accepted.
    #[serde(rename = "authenticationSettings", alias = "signerAuthenticationSettings")]
    pub signer_authentication_settings: Option<SignerAuthenticationSettings>,
    /// The last reminder (Unix seconds).
    pub last_reminder_sent_on: Option<i64>,
    /// The signing type (as sent).
    pub sign_type: Option<Text>,
    /// The contact group of a group signer.
    pub group_id: Option<Text>,
}

/// A member of a signer group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupSigner {
    /// Id.
    pub id: Option<Text>,
    /// E-mail address.
    pub signer_email: Option<Text>,
    /// Name.
    pub signer_name: Option<Text>,
    /// Status.
    pub status: Option<SignerStatus>,
    /// Viewed the document.
    pub is_viewed: Option<bool>,
    /// Delivery failed.
    pub is_delivery_failed: Option<bool>,
    /// Failed authentication.
    pub is_authentication_failed: Option<bool>,
    /// The last reminder (Unix seconds).
    pub last_reminder_sent_on: Option<i64>,
}

/// `idVerification` of a signer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct IdVerification {
    /// `EveryAccess`, `UntilSignCompleted`, `OncePerDocument` (as sent).
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    /// Attempts allowed.
    pub maximum_retry_count: Option<i64>,
    /// The verification's status (as sent).
    pub status: Option<Text>,
    /// `Strict`, `Moderate`, `Lenient` (as sent).
    pub name_matcher: Option<Text>,
    /// A live capture is required.
    pub require_live_capture: Option<bool>,
    /// A matching selfie is required.
    pub require_matching_selfie: Option<bool>,
    /// Held for prefill.
    pub hold_for_prefill: Option<bool>,
    /// Prefill completed.
    pub prefill_completed: Option<bool>,
    /// Accepted identity documents.
    #[serde(deserialize_with = "list")]
    pub allowed_document_types: Vec<Text>,
}

/// `kba` of a signer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Kba {
    /// The KBA type (as sent).
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    /// Attempts allowed.
    pub maximum_retry_count: Option<i64>,
    /// Name matching (as sent).
    pub name_matcher: Option<Text>,
    /// Status (as sent).
    pub status: Option<Text>,
}

/// `signerAuthenticationSettings` of a signer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignerAuthenticationSettings {
    /// How often the signer authenticates (as sent).
    pub authentication_frequency: Option<Text>,
    /// Status (as sent).
    pub status: Option<Text>,
}

/// A CC recipient.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CcDetail {
    /// E-mail address.
    pub email_address: Option<Text>,
    /// Id.
    pub id: Option<Text>,
    /// BoldSign user id (templates).
    pub user_id: Option<Text>,
}

/// `behalfOf`: the user a document or template was sent on behalf of.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct BehalfOf {
    /// Id.
    pub id: Option<Text>,
    /// E-mail address.
    pub email: Option<Text>,
}

/// `groupSignerSettings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupSignerSettings {
    /// Group signers are enabled.
    pub enabled: Option<bool>,
    /// The directories groups may come from.
    #[serde(deserialize_with = "list")]
    pub allowed_directories: Vec<Text>,
}

/// `data` of the template events (`"object": "template"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Template {
    /// The template id.
    pub template_id: Option<Text>,
    /// The template's owner.
    pub sender_detail: Option<TemplateSender>,
    /// The CC recipients.
    #[serde(rename = "ccDetails", deserialize_with = "objects")]
    pub cc_details: Vec<CcDetail>,
    /// When it was created.
    pub created_date: Option<Time>,
    /// When it last changed.
    pub activity_date: Option<Time>,
    /// Who changed it last.
    pub activity_by: Option<Text>,
    /// The title of documents sent from it.
    pub message_title: Option<Text>,
    /// Status.
    pub status: Option<DocumentStatus>,
    /// Senders may add files.
    pub allow_new_files: Option<bool>,
    /// Senders may modify files.
    pub allow_modify_files: Option<bool>,
    /// The template's roles.
    #[serde(deserialize_with = "objects")]
    pub signer_details: Vec<TemplateSigner>,
    /// Signers sign in order.
    pub enable_signing_order: Option<bool>,
    /// The template's name.
    pub template_name: Option<Text>,
    /// The template's description.
    pub template_description: Option<Text>,
    /// Why creating or sending failed.
    pub error_message: Option<Text>,
    /// A template (not a draft).
    pub is_template: Option<bool>,
    /// The brand.
    pub brand_id: Option<Text>,
    /// The e-mail of the user it belongs to.
    pub on_behalf_of: Option<Text>,
    /// Labels of documents sent from it.
    #[serde(deserialize_with = "list")]
    pub labels: Vec<Text>,
    /// The template's labels.
    #[serde(deserialize_with = "list")]
    pub template_labels: Vec<Text>,
    /// The user it belongs to.
    pub behalf_of: Option<BehalfOf>,
    /// What senders may do with its fields.
    pub form_field_permission: Option<FormFieldPermission>,
    /// Group-signer settings.
    pub group_signer_settings: Option<GroupSignerSettings>,
    /// Signers may sign every field at once.
    pub enable_allow_sign_everywhere: Option<bool>,
    /// The time zone.
    pub document_time_zone: Option<Text>,
}

/// `senderDetail` of a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateSender {
    /// Name.
    pub name: Option<Text>,
    /// E-mail address.
    pub email_address: Option<Text>,
    /// BoldSign user id.
    pub user_id: Option<Text>,
    /// Id.
    pub id: Option<Text>,
    /// Team id.
    pub team_id: Option<Text>,
}

/// A role of a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateSigner {
    /// Name.
    pub signer_name: Option<Text>,
    /// Role.
    pub signer_role: Option<Text>,
    /// E-mail address.
    pub signer_email: Option<Text>,
    /// Members of a signer group.
    #[serde(deserialize_with = "objects")]
    pub group_signers: Vec<TemplateGroupSigner>,
    /// An access code is required.
    pub enable_access_code: Option<bool>,
    /// An e-mail OTP is required.
    #[serde(rename = "enableEmailOTP")]
    pub enable_email_otp: Option<bool>,
    /// Status.
    pub status: Option<SignerStatus>,
    /// BoldSign user id.
    pub user_id: Option<Text>,
    /// Position in the signing order.
    pub order: Option<i64>,
    /// Signer type (as sent).
    pub signer_type: Option<Text>,
    /// In-person host e-mail.
    pub host_email: Option<Text>,
    /// In-person host name.
    pub host_name: Option<Text>,
    /// In-person host user id.
    pub host_user_id: Option<Text>,
    /// Imposed authentication (as sent).
    pub impose_authentication: Option<Text>,
    /// The signer may configure fields.
    pub allow_field_configuration: Option<bool>,
    /// The signing type (as sent).
    pub sign_type: Option<Text>,
    /// The contact group of a group signer.
    pub group_id: Option<Text>,
}

/// A member of a template's signer group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateGroupSigner {
    /// E-mail address.
    pub signer_email: Option<Text>,
    /// Name.
    pub signer_name: Option<Text>,
}

/// `formFieldPermission` of a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct FormFieldPermission {
    /// Senders may add fields.
    pub can_add: Option<bool>,
    /// Senders may modify fields.
    pub can_modify: Option<bool>,
    /// Senders may change default values.
    pub can_modify_default_value: Option<bool>,
}

/// `data` of the sender-identity events (`"object": "senderIdentity"`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SenderIdentity {
    /// The identity's id (a GUID).
    pub id: Option<Text>,
    /// Name.
    pub name: Option<Text>,
    /// E-mail address.
    pub email: Option<Text>,
    /// Status (as sent).
    pub status: Option<Text>,
    /// When it was created.
    pub created_date: Option<Time>,
    /// When it last changed.
    pub modified_date: Option<Time>,
    /// When it was approved.
    #[serde(rename = "approvedDateTime")]
    pub approved_date: Option<Time>,
    /// The brand.
    pub brand_id: Option<Text>,
    /// Where the identity is sent after approving.
    pub redirect_url: Option<Text>,
    /// Your metadata.
    pub meta_data: Option<Map<String, Value>>,
    /// Who created it.
    pub created_by: Option<SenderDetail>,
    /// Locale.
    pub locale: Option<Text>,
}

/// `data` of the identity-verification (`"object": "identityVerification"`)
/// and KBA (`"object": "knowledgeBasedAuthentication"`) events: the document
/// and the one signer concerned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignerAuthentication {
    /// The document id.
    pub document_id: Option<Text>,
    /// The title.
    pub message_title: Option<Text>,
    /// The message to signers.
    pub document_description: Option<Text>,
    /// The document's status.
    pub status: Option<DocumentStatus>,
    /// The sender.
    pub sender_detail: Option<SenderDetail>,
    /// The signer being verified.
    pub signer_detail: Option<SignerDetail>,
}
