//! The typed JSON SIM message: `{event, apiVersion, uri, retryCount,
//! configurationId, generatedDateTime, data}`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::scalars::{opt_bool, opt_id, opt_u64};
use super::{EnvelopeStatus, EventKind, RecipientStatus};
use crate::json_object::optional_vec_of_objects as vec_or_null;

/// A DocuSign Connect JSON SIM message.
///
/// ```
/// use esign_webhooks::docusign::{Event, EventKind};
///
/// let body = br#"{"event":"envelope-completed","apiVersion":"v2.1",
///   "uri":"/restapi/v2.1/accounts/a1/envelopes/e1","retryCount":0,"configurationId":10418,
///   "generatedDateTime":"2025-05-30T18:03:50.4233752Z",
///   "data":{"accountId":"a1","userId":"u1","envelopeId":"e1"}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.kind(), &EventKind::EnvelopeCompleted);
/// assert_eq!(event.envelope_id(), Some("e1"));
/// assert_eq!(event.configuration_id.as_deref(), Some("10418"));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Serializing gives back the JSON SIM shape (booleans and numbers as JSON
/// values), so an event can be queued and read again with `serde_json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// The event name, e.g. `envelope-completed`.
    pub event: EventKind,
    /// The eSignature REST API version of the message (`v2.1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<Text>,
    /// The REST path of the envelope, `/restapi/v2.1/accounts/{accountId}/envelopes/{envelopeId}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<Text>,
    /// How many times Connect has already tried to deliver this message
    /// (0 on the first try). Not part of the [deduplication key](super#what-identifies-one-event).
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub retry_count: Option<u64>,
    /// The Connect configuration that sent the message. A number in DocuSign's
    /// payloads; kept as text (a string is accepted too).
    #[serde(default, deserialize_with = "opt_id", skip_serializing_if = "Option::is_none")]
    pub configuration_id: Option<Text>,
    /// When DocuSign generated the message, ISO 8601 with seven fractional
    /// digits (`2025-05-30T18:03:50.4233752Z`), kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_date_time: Option<Text>,
    /// What the event is about.
    pub data: Data,
}

impl Event {
    /// The event name.
    pub fn kind(&self) -> &EventKind {
        &self.event
    }

    /// The envelope: `data.envelopeId`, else `data.envelopeSummary.envelopeId`.
    pub fn envelope_id(&self) -> Option<&str> {
        self.data
            .envelope_id
            .as_deref()
            .or_else(|| self.data.envelope_summary.as_ref()?.envelope_id.as_deref())
    }

    /// The recipient of a `recipient-…` event (`data.recipientId`).
    pub fn recipient_id(&self) -> Option<&str> {
        self.data.recipient_id.as_deref()
    }

    /// The envelope summary, when the Connect configuration includes it.
    pub fn envelope_summary(&self) -> Option<&EnvelopeSummary> {
        self.data.envelope_summary.as_deref()
    }

    /// The recipient of a `recipient-…` event, looked up in the envelope
    /// summary by `recipientId`, when the summary is included.
    pub fn recipient(&self) -> Option<&Recipient> {
        let id = self.recipient_id()?;
        self.envelope_summary()?
            .recipients
            .as_ref()?
            .all()
            .find(|r| r.recipient_id.as_deref() == Some(id))
    }
}

/// `data`: the ids, and the envelope summary when the Connect configuration
/// has "include data" options set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Data {
    /// The DocuSign account (a GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Text>,
    /// The user whose action or envelope the event is about (a GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
    /// The envelope (a GUID). Absent from template events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_id: Option<Text>,
    /// The recipient, in `recipient-…` events (`"1"`, `"2"`, …: the envelope's
    /// recipient id, not a GUID).
    #[serde(default, deserialize_with = "opt_id", skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<Text>,
    /// The template, in template events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<Text>,
    /// The envelope as the REST API would return it, when included (boxed:
    /// it is large, and absent from many configurations' messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_summary: Option<Box<EnvelopeSummary>>,
}

/// `data.envelopeSummary`: the envelope as `GET …/envelopes/{envelopeId}`
/// returns it. DocuSign writes its booleans and counts as strings
/// (`"true"`, `"120"`); both forms are read.
///
/// The members the JSON SIM documents are typed; everything else DocuSign
/// sends (documents, custom fields, tabs, options added later) is kept in
/// [`other`](EnvelopeSummary::other).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[non_exhaustive]
pub struct EnvelopeSummary {
    /// The envelope's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EnvelopeStatus>,
    /// The envelope (a GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_id: Option<Text>,
    /// The e-mail subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_subject: Option<Text>,
    /// The e-mail message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_blurb: Option<Text>,
    /// `online` or `inPerson`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_location: Option<Text>,
    /// REST path of the envelope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_uri: Option<Text>,
    /// REST path of the documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_uri: Option<Text>,
    /// REST path of the combined document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_combined_uri: Option<Text>,
    /// REST path of the recipients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients_uri: Option<Text>,
    /// REST path of the attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments_uri: Option<Text>,
    /// REST path of the custom fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields_uri: Option<Text>,
    /// REST path of the notification settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_uri: Option<Text>,
    /// REST path of the certificate of completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_uri: Option<Text>,
    /// REST path of the templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates_uri: Option<Text>,
    /// Signers may print and sign on paper.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub enable_wet_sign: Option<bool>,
    /// Recipients may mark up documents.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub allow_markup: Option<bool>,
    /// Recipients may reassign.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub allow_reassign: Option<bool>,
    /// When the envelope was created (ISO 8601, as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date_time: Option<Text>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date_time: Option<Text>,
    /// When it was first sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_sent_date_time: Option<Text>,
    /// When it was (last) sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_date_time: Option<Text>,
    /// When every recipient had opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_date_time: Option<Text>,
    /// When it was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_date_time: Option<Text>,
    /// When it was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_date_time: Option<Text>,
    /// When it was voided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voided_date_time: Option<Text>,
    /// Why it was voided (the sender's text, or DocuSign's for an expiry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voided_reason: Option<Text>,
    /// When the status last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_changed_date_time: Option<Text>,
    /// The envelope expires.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub expire_enabled: Option<bool>,
    /// When it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_date_time: Option<Text>,
    /// Days after sending until it expires.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub expire_after: Option<u64>,
    /// The sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// The recipients, when "include recipients" is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Recipients>,
    /// `unpurged`, `documents_queued`, `documents_and_metadata_queued`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purge_state: Option<Text>,
    /// The envelope id is stamped on the documents.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub envelope_id_stamping: Option<bool>,
    /// A 21 CFR Part 11 envelope.
    #[serde(
        default,
        rename = "is21CFRPart11",
        deserialize_with = "opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_21_cfr_part_11: Option<bool>,
    /// Signers may sign on mobile.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub signer_can_sign_on_mobile: Option<bool>,
    /// Auto-navigation is on.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub auto_navigation: Option<bool>,
    /// Signed through a signature provider.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub is_signature_provider_envelope: Option<bool>,
    /// Form data changed.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub has_form_data_changed: Option<bool>,
    /// Comments are allowed.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub allow_comments: Option<bool>,
    /// The envelope has comments.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub has_comments: Option<bool>,
    /// Recipients may view the history.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub allow_view_history: Option<bool>,
    /// `current_site`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_location: Option<Text>,
    /// A dynamic envelope.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub is_dynamic_envelope: Option<bool>,
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<Text>,
    /// Every other member, as sent (`envelopeMetadata`, `customFields`,
    /// `envelopeDocuments` with their `PDFBytes`, `anySigner`, …).
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(EnvelopeSummary);

/// `envelopeSummary.sender`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Sender {
    /// The sender's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<Text>,
    /// The sender's user id (a GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
    /// The sender's account (a GUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Text>,
    /// The sender's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// The sender's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<Text>,
}

/// `envelopeSummary.recipients`: one list per recipient type (`null` reads as empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Recipients {
    /// Signers.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub signers: Vec<Recipient>,
    /// Agents (who name other recipients).
    #[serde(default, deserialize_with = "vec_or_null")]
    pub agents: Vec<Recipient>,
    /// Editors.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub editors: Vec<Recipient>,
    /// Intermediaries.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub intermediaries: Vec<Recipient>,
    /// Carbon-copy recipients.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub carbon_copies: Vec<Recipient>,
    /// Certified-delivery recipients.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub certified_deliveries: Vec<Recipient>,
    /// In-person signers.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub in_person_signers: Vec<Recipient>,
    /// Electronic seals.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub seals: Vec<Recipient>,
    /// Witnesses.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub witnesses: Vec<Recipient>,
    /// Notaries.
    #[serde(default, deserialize_with = "vec_or_null")]
    pub notaries: Vec<Recipient>,
    /// How many recipients the envelope has.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub recipient_count: Option<u64>,
    /// The routing order being processed.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub current_routing_order: Option<u64>,
}

impl Recipients {
    /// `true` when the recipient with `recipient_id` is of a type that does
    /// not sign (carbon copy, certified delivery, agent, editor,
    /// intermediary): its `recipient-completed` means it received or routed
    /// the envelope, not that it signed.
    pub fn is_non_signing(&self, recipient_id: &str) -> bool {
        [
            &self.carbon_copies,
            &self.certified_deliveries,
            &self.agents,
            &self.editors,
            &self.intermediaries,
        ]
        .into_iter()
        .flatten()
        .any(|r| r.recipient_id.as_deref() == Some(recipient_id))
    }

    /// Every recipient of every type.
    pub fn all(&self) -> impl Iterator<Item = &Recipient> {
        [
            &self.signers,
            &self.agents,
            &self.editors,
            &self.intermediaries,
            &self.carbon_copies,
            &self.certified_deliveries,
            &self.in_person_signers,
            &self.seals,
            &self.witnesses,
            &self.notaries,
        ]
        .into_iter()
        .flatten()
    }
}

/// One recipient of `envelopeSummary.recipients`. Members other than the
/// typed ones (`tabs`, `emailNotification`, identity verification, …) are kept
/// in [`other`](Recipient::other).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient's id in the envelope (`"1"`, …): what `data.recipientId` names.
    #[serde(default, deserialize_with = "opt_id", skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<Text>,
    /// The recipient's GUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id_guid: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// DocuSign user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
    /// Your id for an embedded signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_user_id: Option<Text>,
    /// Position in the signing order.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub routing_order: Option<u64>,
    /// Status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RecipientStatus>,
    /// `signer`, `carboncopy`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<Text>,
    /// `email`, `sms`, ….
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_method: Option<Text>,
    /// Why the recipient was created (`sender`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_reason: Option<Text>,
    /// How many times the recipient completed.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub completed_count: Option<u64>,
    /// A bulk-send recipient.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub is_bulk_recipient: Option<bool>,
    /// ID lookup required.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub require_id_lookup: Option<bool>,
    /// Must upload a signature.
    #[serde(default, deserialize_with = "opt_bool", skip_serializing_if = "Option::is_none")]
    pub require_upload_signature: Option<bool>,
    /// When the envelope was sent to the recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_date_time: Option<Text>,
    /// When the recipient opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_date_time: Option<Text>,
    /// When the recipient signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_date_time: Option<Text>,
    /// When the recipient declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_date_time: Option<Text>,
    /// The recipient's reason for declining.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_reason: Option<Text>,
    /// Why the notification bounced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_responded_reason: Option<Text>,
    /// How many tabs (fields) the recipient has.
    #[serde(default, deserialize_with = "opt_u64", skip_serializing_if = "Option::is_none")]
    pub total_tab_count: Option<u64>,
    /// Every other member, as sent.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Recipient);
