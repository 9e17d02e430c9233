//! The typed Yousign delivery: one root schema for every event, `data`
//! holding the resources the event concerns.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{DeliveryMode, EventKind, SignatureRequestStatus, SignerStatus};
use crate::{Error, Vendor};

/// A Yousign webhook delivery (every event has this root schema).
///
/// ```
/// use esign_webhooks::yousign::{Event, EventKind};
///
/// let body = r#"{"event_id":"d09f0367-d80a-309c-a2ed-7083991fc564","event_name":"signature_request.done",
///   "event_time":"1348177752","subscription_id":"d09f0367-d80a-309c-a2ed-7083991fc564",
///   "subscription_description":"A great webhook","sandbox":false,
///   "data":{"signature_request":{"id":"b9bf5521-00eb-4044-adf5-da4ea31a48e0","status":"done"}}}"#;
/// let event: Event = serde_json::from_str(body)?;
/// assert_eq!(event.event_name, EventKind::SignatureRequestDone);
/// assert_eq!(event.event_time_unix(), Some(1_348_177_752));
/// assert_eq!(event.signature_request_id(), Some("b9bf5521-00eb-4044-adf5-da4ea31a48e0"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// A unique UUID per event, the same on every retry: the deduplication key.
    pub event_id: Text,
    /// The event's name.
    pub event_name: EventKind,
    /// When the event occurred, Unix seconds **as a string** (as Yousign sends
    /// it); constant across retries. See [`Event::event_time_unix`].
    #[serde(deserialize_with = "string_or_number")]
    pub event_time: Text,
    /// The webhook subscription that triggered the delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<Text>,
    /// The subscription's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_description: Option<Text>,
    /// `true` when the event happened in the sandbox environment.
    #[serde(default)]
    pub sandbox: bool,
    /// The resources the event concerns.
    #[serde(default)]
    pub data: Data,
}

impl Event {
    /// [`event_time`](Event::event_time) as a number, when it is one.
    pub fn event_time_unix(&self) -> Option<i64> {
        self.event_time.trim().parse().ok()
    }

    /// The signature request's id, when `data` has one.
    pub fn signature_request_id(&self) -> Option<&str> {
        self.data.signature_request.as_ref().map(|request| request.id.as_str())
    }
}

/// `data`: which nodes are present depends on the event: a signature-request
/// event has `signature_request`; a signer event `signature_request` and
/// `signer`; an approver event `approver`; an electronic-seal event
/// `electronic_seal` (kept as raw JSON: Yousign does not list its fields).
/// The nodes are boxed so that an [`Event`](crate::Event) stays small.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Data {
    /// The signature request concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request: Option<Box<SignatureRequest>>,
    /// The signer whose action triggered a `signer.*` event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Box<Signer>>,
    /// The approver of an `approver.*` event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<Box<Approver>>,
    /// The electronic seal of an `electronic_seal.*` event, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_seal: Option<Box<serde_json::Value>>,
}

/// `data.signature_request`: the signature request as Yousign's REST API
/// returns it. Only `id` is required; fields Yousign adds later are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureRequest {
    /// The request's id (UUID).
    pub id: Text,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SignatureRequestStatus>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// How signers are notified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_mode: Option<DeliveryMode>,
    /// Creation time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// Time zone of the dates shown to signers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<Text>,
    /// The note added to Yousign's e-mails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_custom_note: Option<Text>,
    /// Expiry time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<Text>,
    /// Where the request was created (`app`, `public_api`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// `true` when signers sign one after another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_signers: Option<bool>,
    /// Your own id for the request, as set when creating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The request's signers (id and status).
    #[serde(
        deserialize_with = "crate::json_list::list",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub signers: Vec<Participant>,
    /// The request's approvers (id and status).
    #[serde(
        deserialize_with = "crate::json_list::list",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub approvers: Vec<Participant>,
    /// The request's documents (id and nature).
    #[serde(
        deserialize_with = "crate::json_list::list",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub documents: Vec<Document>,
    /// The workspace the request belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<Text>,
    /// Why the request was declined, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_information: Option<DeclineInformation>,
}

/// A signer or approver in `signature_request.signers` / `.approvers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Participant {
    /// Its id.
    pub id: Text,
    /// Its status, as sent (signer or approver statuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
}

/// A document of the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Its id.
    pub id: Text,
    /// `signable_document` or `attachment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Text>,
}

/// `decline_information` of a declined request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeclineInformation {
    /// The signer who declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_id: Option<Text>,
    /// The reason they gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// When, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_at: Option<Text>,
}

/// `data.signer`: the signer whose action triggered a `signer.*` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// The signer's id.
    pub id: Text,
    /// Their status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SignerStatus>,
    /// Name, e-mail, phone, locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<PersonInfo>,
    /// The link to sign with (delivery mode `none`: send it yourself).
    /// Treat it as a credential: whoever has it can sign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_link: Option<Text>,
    /// The signature level (`electronic_signature`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_level: Option<Text>,
    /// How the signer authenticates (`otp_email`, `otp_sms`, `no_otp`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_authentication_mode: Option<Text>,
    /// How the signer is notified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_mode: Option<DeliveryMode>,
    /// Why the signer declined, when they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<Text>,
}

/// `data.approver` of an `approver.*` event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Approver {
    /// The approver's id.
    pub id: Text,
    /// Their status, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Text>,
    /// Name, e-mail, phone, locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<PersonInfo>,
}

/// `info` of a signer or approver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonInfo {
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// Phone number, E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<Text>,
    /// Locale (`fr`, `en`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Text>,
}

/// `event_time` is documented as a string; a number is accepted too and kept as its text.
fn string_or_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
    crate::text::text_or_integer(deserializer, "Unix seconds as a string or a number")
}

/// See [`super::parse`].
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::Yousign))
}
