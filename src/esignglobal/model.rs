//! The envelope data both channels carry: [`Envelope`], [`Signer`], [`Cc`] and
//! their parts.
//!
//! One [`Envelope`] struct models the Webhook channel's `eventPayload` and the
//! App callback channel's `callBackEnvelopeVO`: it is the union of the fields
//! of both, each documented with where it appears. Every field but
//! `envelopeId` is optional, `null` is read as absent, and unknown fields are
//! ignored, because the event list and the tables are incomplete.

use crate::Text;
use core::fmt;

use super::scalars::{SignOrder, Time};
use super::status::{AuthModes, CcStatus, EnvelopeStatus, SignerStatus, UserType};

/// An envelope as carried by an event (`eventPayload` on the Webhook channel,
/// `callBackEnvelopeVO` on the App callback channel).
///
/// Which fields are set depends on the event and the channel; the table in
/// each field's doc follows the vendor's pages. Absent lists are empty.
///
/// ```
/// use esign_webhooks::esignglobal::{Envelope, EnvelopeStatus, SignerStatus};
///
/// let envelope: Envelope = serde_json::from_str(r#"{
///     "envelopeId": "ENV-1", "envelopeStatus": 2,
///     "signerList": [{"userEmail": "a@example.com", "signerStatus": 2}]
/// }"#).unwrap();
/// assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Completed));
/// assert_eq!(envelope.signer_list[0].signer_status, Some(SignerStatus::Signed));
/// assert!(envelope.cc_list.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Envelope {
    /// `envelopeId`: the envelope's id (every event, both channels). Required.
    pub envelope_id: Text,
    /// `envelopeStatus` (every documented event, both channels). See
    /// [`EnvelopeStatus`] for the pages' contradictions on declined and expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_status: Option<EnvelopeStatus>,
    /// `envelopeStartTime` (Webhook channel): when the envelope was started (the
    /// Delivery Failed page says "created"). A string on most pages, a
    /// "timestamp" on Cancel and Expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_start_time: Option<Time>,
    /// `envelopeCreateTime` (App callback channel, in place of `envelopeStartTime`): a timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_create_time: Option<Time>,
    /// `envelopeEndTime` (App callback channel, terminal events: finish, cancel,
    /// declined, expired): a timestamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope_end_time: Option<Time>,
    /// `expireTime` (both channels): when the envelope expires. A string on most
    /// Webhook pages, milliseconds ("long") on the App callback channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<Time>,
    /// `signerList` (Webhook channel: `ENVELOPE_FINISH`, `ENVELOPE_CANCEL`,
    /// `SIGNER_DECLINED`, `ENVELOPE_EXPIRED`, `ENVELOPE_DELIVERY_FAILED`).
    /// Which signers it holds depends on the event: completed signers on
    /// finish, signers whose delivery failed on delivery failure, "pending
    /// signers" on `SIGNER_DECLINED` (with statuses 0–3).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signer_list: Vec<Signer>,
    /// `signedSignerList` (App callback channel: `ENVELOPE_ALL_SIGNER_SIGNED`,
    /// `ENVELOPE_FINISH`, `ENVELOPE_CANCEL`, `ENVELOPE_DECLINED`,
    /// `ENVELOPE_EXPIRED`, `ENVELOPE_SIGNER_FAILED`).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub signed_signer_list: Vec<Signer>,
    /// `nextSignerList` (App callback channel: `ENVELOPE_START`, `ENVELOPE_EXPIRED`):
    /// the signers still to sign, status 0 (pending) or 1 (in progress).
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub next_signer_list: Vec<Signer>,
    /// `signerInfo`: the one signer the event is about (Webhook
    /// `ENVELOPE_SIGNER_SIGNED`; App callback `ENVELOPE_SIGNER_VIEWED` and
    /// `ENVELOPE_DELIVERY_FAILED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_info: Option<Signer>,
    /// `ccList` (Webhook `ENVELOPE_DELIVERY_FAILED`): carbon-copy recipients
    /// whose delivery failed.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub cc_list: Vec<Cc>,
    /// `ccInfo` (App callback `ENVELOPE_DELIVERY_FAILED`): the one carbon-copy
    /// recipient whose delivery failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc_info: Option<Cc>,
    /// `cancelInfo` (`ENVELOPE_CANCEL`, both channels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_info: Option<CancelInfo>,
    /// `declineReason` (Webhook `SIGNER_DECLINED`): why the signer declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<Text>,
    /// `declineSigner` (App callback `ENVELOPE_DECLINED`): who declined, and their message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_signer: Option<DeclineSigner>,
    /// `description` (App callback `ENVELOPE_SIGNER_FAILED`): the error text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A signer entry, in `signerList`, `signedSignerList`, `nextSignerList` or `signerInfo`.
///
/// Fields of the Webhook pages (§3.3 of the notes) and the App callback
/// additions (`signFiles`, `signDate`, `viewedTime`, `signerMessage`); all optional.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Signer {
    /// `businessId`: the id your system gave the signer when creating the envelope (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<Text>,
    /// `userEmail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<Text>,
    /// `phoneNumber` (an "object", a "map" on one page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<PhoneNumber>,
    /// `userName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<Text>,
    /// `userType`: individual or organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// `organizationName`, set when `userType` is 2 (organization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<Text>,
    /// `signOrder`: an int on most pages, a string on some App callback pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_order: Option<SignOrder>,
    /// `signerStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_status: Option<SignerStatus>,
    /// `approvedAsRequired` ("Is approval required for the signer?"; Webhook
    /// `ENVELOPE_SIGNER_SIGNED` page only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_as_required: Option<bool>,
    /// `authModes`: the signer's verification methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_modes: Option<AuthModes>,
    /// `accessCode`: the code the signer must enter, when
    /// [`AuthMode::AccessCode`](super::AuthMode::AccessCode) is used.
    /// Redacted from `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_code: Option<AccessCode>,
    /// `declineReason` (Webhook `SIGNER_DECLINED` page, in signer entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<Text>,
    /// `signFiles` (App callback channel): the files this signer signs.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub sign_files: Vec<SignFile>,
    /// `signDate` (App callback channel): when the signer signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_date: Option<Time>,
    /// `viewedTime` (App callback `ENVELOPE_SIGNER_VIEWED`): when the signer opened the envelope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed_time: Option<Time>,
    /// `signerMessage` (App callback channel): a message the signer left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_message: Option<Text>,
}

/// `phoneNumber`: a phone number split into country code and number.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhoneNumber {
    /// `countryCode`, without `+` (`"86"`, `"852"`, `"853"`, `"66"`). A JSON
    /// number is accepted and kept as its decimal text.
    #[serde(
        default,
        deserialize_with = "text_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub country_code: Option<Text>,
    /// `number`: the national number. A JSON number is accepted and kept as its decimal text.
    #[serde(
        default,
        deserialize_with = "text_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub number: Option<Text>,
}

/// An entry of `signFiles` (App callback channel).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignFile {
    /// `fileName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<Text>,
    /// `fileKey`: the file's key in eSignGlobal's API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_key: Option<Text>,
}

/// A carbon-copy recipient (`ccList` entries, `ccInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Cc {
    /// `userEmail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<Text>,
    /// `userName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<Text>,
    /// `ccStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc_status: Option<CcStatus>,
}

/// `cancelInfo` (`ENVELOPE_CANCEL`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CancelInfo {
    /// `reason`: why the envelope was canceled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// `declineSigner` (App callback `ENVELOPE_DECLINED`): the signer who declined.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeclineSigner {
    /// `userEmail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<Text>,
    /// `userName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<Text>,
    /// `signerMessage`: the reason the signer gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_message: Option<Text>,
}

/// A signer's `accessCode`: the code that lets them open the envelope. Kept
/// out of `Debug` so that logging an event does not leak it.
///
/// ```
/// use esign_webhooks::esignglobal::AccessCode;
/// let code = AccessCode::new("482913");
/// assert_eq!(code.as_str(), "482913");
/// assert_eq!(format!("{code:?}"), "AccessCode([REDACTED])");
/// ```
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
// A boxed `str` rather than a `String`, like `AuthModes`: see `FIRST_BLOCK`.
pub struct AccessCode(Box<str>);

impl AccessCode {
    /// Wraps an access code.
    pub fn new(code: impl Into<String>) -> Self {
        AccessCode(code.into().into_boxed_str())
    }

    /// The code as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessCode([REDACTED])")
    }
}

use crate::json_list::null_as_empty;

/// A string, or a number kept as its decimal text; `null` is absent.
fn text_or_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Text>, D::Error> {
    crate::text::opt_text_or_integer(deserializer, "a string or a number")
}
