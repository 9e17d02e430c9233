//! The typed Documenso delivery: `{event, payload, createdAt, webhookEndpoint}`.

use crate::Text;
use crate::json_list::Exact;
use serde::{Deserialize, Serialize};

use super::{DocumentSource, DocumentStatus, EventKind, ReadStatus, RecipientRole, SendStatus, SigningStatus};
use crate::{Error, Vendor};

/// A Documenso webhook delivery.
///
/// ```
/// use esign_webhooks::documenso::{Event, EventKind};
///
/// let body = r#"{"event":"DOCUMENT_COMPLETED","payload":{"id":10,"envelopeId":"envelope_abcdefhiklmnorst",
///   "status":"COMPLETED","recipients":[],"Recipient":[{"id":50,"email":"a@example.com","signingStatus":"SIGNED"}]},
///   "createdAt":"2024-04-22T11:52:18.277Z","webhookEndpoint":"https://example.com/hook"}"#;
/// let event: Event = serde_json::from_str(body)?;
/// assert_eq!(event.event, EventKind::DocumentCompleted);
/// assert_eq!(event.envelope_id().as_deref(), Some("envelope_abcdefhiklmnorst"));
/// // The legacy `Recipient` list is read when `recipients` is empty or absent.
/// assert_eq!(event.payload.recipients[0].id, 50);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// The event.
    pub event: EventKind,
    /// The document (or template) the event is about, with its recipients
    /// (boxed, so that an [`Event`](crate::Event) stays small).
    pub payload: Box<Payload>,
    /// When the delivery was made, ISO 8601. **Recomputed on every attempt**:
    /// it is not the time of the event and is left out of the deduplication key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// The URL the delivery was sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_endpoint: Option<Text>,
}

impl Event {
    /// The canonical envelope id (`payload.envelopeId`), else the legacy numeric `payload.id`.
    pub fn envelope_id(&self) -> Option<Text> {
        self.payload
            .envelope_id
            .clone()
            .or_else(|| self.payload.id.map(|id| Text::from(id.to_string())))
    }
}

/// `payload`: the document or template, as Documenso's API returns it.
///
/// Recipients arrive twice, as `recipients` and as the legacy `Recipient`
/// (same content); [`recipients`](Payload::recipients) holds `recipients`, or
/// `Recipient` when `recipients` is absent or empty. Serializing writes
/// `recipients` only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "PayloadWire")]
#[non_exhaustive]
pub struct Payload {
    /// The legacy numeric (v1) document or template id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The canonical v2 id (`envelope_…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_id: Option<Text>,
    /// Your id for the document, as set when creating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The owner's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<i64>,
    /// The team, when the document belongs to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<i64>,
    /// The template's legacy id: for `TEMPLATE_USED`, the template the document was created from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<i64>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatus>,
    /// Who can see the document (`EVERYONE`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Text>,
    /// How it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DocumentSource>,
    /// Document-level authentication options, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_options: Option<serde_json::Value>,
    /// PDF form values, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_values: Option<serde_json::Value>,
    /// Creation time, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Last modification, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// Completion time, when every recipient has completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Text>,
    /// Deletion time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<Text>,
    /// E-mail subject and message, signing options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_meta: Option<DocumentMeta>,
    /// The recipients (from `recipients`, else the legacy `Recipient`).
    #[serde(deserialize_with = "crate::json_list::list", default)]
    pub recipients: Vec<Recipient>,
}

/// What Documenso sends: both recipient lists.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PayloadWire {
    #[serde(default)]
    id: Option<i64>,
    #[serde(default)]
    envelope_id: Option<Text>,
    #[serde(default)]
    external_id: Option<Text>,
    #[serde(default)]
    user_id: Option<i64>,
    #[serde(default)]
    team_id: Option<i64>,
    #[serde(default)]
    template_id: Option<i64>,
    #[serde(default)]
    title: Option<Text>,
    #[serde(default)]
    status: Option<DocumentStatus>,
    #[serde(default)]
    visibility: Option<Text>,
    #[serde(default)]
    source: Option<DocumentSource>,
    #[serde(default)]
    auth_options: Option<serde_json::Value>,
    #[serde(default)]
    form_values: Option<serde_json::Value>,
    #[serde(default)]
    created_at: Option<Text>,
    #[serde(default)]
    updated_at: Option<Text>,
    #[serde(default)]
    completed_at: Option<Text>,
    #[serde(default)]
    deleted_at: Option<Text>,
    #[serde(default)]
    document_meta: Option<DocumentMeta>,
    #[serde(default)]
    recipients: Option<Exact<Recipient>>,
    #[serde(default, rename = "Recipient")]
    legacy_recipients: Option<Exact<Recipient>>,
}

impl From<PayloadWire> for Payload {
    fn from(wire: PayloadWire) -> Payload {
        let recipients = match (
            wire.recipients.map(|Exact(list)| list),
            wire.legacy_recipients.map(|Exact(list)| list),
        ) {
            (Some(current), _) if !current.is_empty() => current,
            (current, legacy) => legacy.or(current).unwrap_or_default(),
        };
        Payload {
            id: wire.id,
            envelope_id: wire.envelope_id,
            external_id: wire.external_id,
            user_id: wire.user_id,
            team_id: wire.team_id,
            template_id: wire.template_id,
            title: wire.title,
            status: wire.status,
            visibility: wire.visibility,
            source: wire.source,
            auth_options: wire.auth_options,
            form_values: wire.form_values,
            created_at: wire.created_at,
            updated_at: wire.updated_at,
            completed_at: wire.completed_at,
            deleted_at: wire.deleted_at,
            document_meta: wire.document_meta,
            recipients,
        }
    }
}

/// `payload.documentMeta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DocumentMeta {
    /// The record's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Text>,
    /// E-mail subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Text>,
    /// E-mail message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// Time zone of displayed dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<Text>,
    /// Date format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<Text>,
    /// Where signers go after signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<Text>,
    /// `PARALLEL` or `SEQUENTIAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_order: Option<Text>,
    /// Whether signers may choose the next signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_dictate_next_signer: Option<bool>,
    /// Whether typed signatures are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed_signature_enabled: Option<bool>,
    /// Whether uploaded signatures are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upload_signature_enabled: Option<bool>,
    /// Whether drawn signatures are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw_signature_enabled: Option<bool>,
    /// Whether QR hand-off to a mobile device is allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_signature_enabled: Option<bool>,
    /// Document language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Text>,
    /// How the document is distributed (`EMAIL`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution_method: Option<Text>,
    /// Custom e-mail settings, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_settings: Option<serde_json::Value>,
}

/// A recipient of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient's id.
    pub id: i64,
    /// The canonical parent envelope id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_id: Option<Text>,
    /// Legacy parent document id (null for templates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<i64>,
    /// Legacy parent template id (null for documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<i64>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The recipient's signing token. A credential: whoever has it can sign
    /// as this recipient; never log it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Text>,
    /// When the recipient hid the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_deleted_at: Option<Text>,
    /// When the signing link expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Text>,
    /// When the expiry was notified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_notified_at: Option<Text>,
    /// When the recipient signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<Text>,
    /// What the recipient must do to open and to sign the document (`null`
    /// reads as `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_options: Option<super::RecipientAuthOptions>,
    /// The recipient's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RecipientRole>,
    /// Position in the signing order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_order: Option<i64>,
    /// Opened or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_status: Option<ReadStatus>,
    /// Signed, rejected or not yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_status: Option<SigningStatus>,
    /// Sent or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_status: Option<SendStatus>,
    /// Why the recipient rejected the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<Text>,
}

/// See [`super::parse`].
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::Documenso))
}
