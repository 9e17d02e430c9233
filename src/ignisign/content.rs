//! The `content` of a delivery: one DTO per topic (`IgnisignWebhookDto_*`).
//!
//! No DTO carries a type tag. The envelope's `topic` (and, for `SIGNATURE_PROOF`, its
//! `action` and `msgNature`) says which one `content` holds, so [`Content`] is read
//! after the envelope, never guessed from the fields present.

use crate::Text;
use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::action::Action;
use super::enums::{
    AppEnv, DocumentType, MsgNature, SignatureProofAction, SignatureRequestStatus, SignerInputRef, Topic,
};
use crate::json_object::{ObjectOnly, option_object, optional_vec, optional_vec_of_objects, vec_of_objects};

/// Shown instead of a token in `Debug` output.
const REDACTED: &str = "[REDACTED]";

/// Formats an optional token as `Some([REDACTED])` / `None`.
fn redacted(token: &Option<Text>) -> Option<&'static str> {
    token.as_ref().map(|_| REDACTED)
}

/// The typed `content` of a message, chosen by its topic.
///
/// Serializes as the bare DTO (or raw JSON for [`Content::Unknown`]), as Ignisign sends it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Content {
    /// Content of topic [`Topic::SignatureSession`].
    SignatureSession(SignatureSession),
    /// Content of topic [`Topic::SignatureRequest`].
    SignatureRequest(SignatureRequest),
    /// Content of topic [`Topic::Signature`].
    Signature(Signature),
    /// Content of topic [`Topic::Signer`].
    Signer(Signer),
    /// Content of topic [`Topic::SignatureImage`] (`SIGNATURE_SIGNER_IMAGE`).
    SignatureImage(SignatureImage),
    /// Content of topic [`Topic::SignatureProfile`].
    SignatureProfile(SignatureProfile),
    /// Content of topic [`Topic::App`].
    Application(Application),
    /// Content of topic [`Topic::SignatureProof`].
    SignatureProof(SignatureProof),
    /// Content of a topic without a documented DTO ([`Topic::SignerIdProofing`],
    /// [`Topic::SignerAuth`]) or of a topic this version does not know, kept as raw JSON.
    Unknown(serde_json::Value),
}

impl Content {
    /// Reads `content` for a message of `topic`/`action`/`msg_nature`.
    pub(crate) fn deserialize_for<'de, D: Deserializer<'de>>(
        topic: &Topic,
        action: &Action,
        msg_nature: &MsgNature,
        deserializer: D,
    ) -> Result<Content, D::Error> {
        fn dto<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
            ObjectOnly::<T>::deserialize(deserializer).map(|ObjectOnly(value)| value)
        }
        Ok(match topic {
            Topic::SignatureSession => Content::SignatureSession(dto(deserializer)?),
            Topic::SignatureRequest => Content::SignatureRequest(dto(deserializer)?),
            Topic::Signature => Content::Signature(dto(deserializer)?),
            Topic::Signer => Content::Signer(dto(deserializer)?),
            Topic::SignatureImage => Content::SignatureImage(dto(deserializer)?),
            Topic::SignatureProfile => Content::SignatureProfile(dto(deserializer)?),
            Topic::App => Content::Application(dto(deserializer)?),
            Topic::SignatureProof => Content::SignatureProof(match action {
                Action::SignatureProof(SignatureProofAction::Generated) if *msg_nature == MsgNature::Error => {
                    SignatureProof::Error(dto(deserializer)?)
                }
                Action::SignatureProof(SignatureProofAction::Generated) => SignatureProof::Success(dto(deserializer)?),
                Action::SignatureProof(SignatureProofAction::AdvGenerated) => {
                    SignatureProof::Advanced(dto(deserializer)?)
                }
                _ => SignatureProof::Unknown(serde_json::Value::deserialize(deserializer)?),
            }),
            _ => Content::Unknown(serde_json::Value::deserialize(deserializer)?),
        })
    }
}

impl Serialize for Content {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Content::SignatureSession(content) => content.serialize(serializer),
            Content::SignatureRequest(content) => content.serialize(serializer),
            Content::Signature(content) => content.serialize(serializer),
            Content::Signer(content) => content.serialize(serializer),
            Content::SignatureImage(content) => content.serialize(serializer),
            Content::SignatureProfile(content) => content.serialize(serializer),
            Content::Application(content) => content.serialize(serializer),
            Content::SignatureProof(content) => content.serialize(serializer),
            Content::Unknown(raw) => raw.serialize(serializer),
        }
    }
}

/// `IgnisignWebhookDto_SignatureSession`: a signature session was initialized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureSession {
    /// The signer's id.
    pub signer_id: Text,
    /// The signature request's id.
    pub signature_request_id: Text,
    /// Your reference of the signature request, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request_external_id: Option<Text>,
    /// Your reference of the signer, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_external_id: Option<Text>,
}

/// `IgnisignWebhookDto_SignatureRequest`: the state of a signature request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureRequest {
    /// The signature request's id.
    pub signature_request_id: Text,
    /// Its status after the event.
    pub status: SignatureRequestStatus,
    /// Your reference of the signature request, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request_external_id: Option<Text>,
    /// The signers, by integration mode (sent with `LAUNCHED`, carrying session tokens).
    #[serde(default, deserialize_with = "option_object", skip_serializing_if = "Option::is_none")]
    pub signers: Option<SignatureRequestSigners>,
    /// The parent request's id (presumably set with `CHILDREN_GENERATED`; Ignisign does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_signature_request_id: Option<Text>,
}

/// `IgnisignWebhookDto_SignatureRequest_Signers`: the signers of a request, by integration mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureRequestSigners {
    /// Signers of a profile in BY_SIDE integration mode.
    #[serde(
        default,
        deserialize_with = "optional_vec_of_objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub signers_by_side: Vec<SignatureRequestSigner>,
    /// Signers of a profile in EMBEDDED integration mode; their `token` opens the signature
    /// session in Ignisign's browser SDK.
    #[serde(
        default,
        deserialize_with = "optional_vec_of_objects",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub signers_embedded: Vec<SignatureRequestSigner>,
}

/// A signer of a signature request (`…_SignatureRequestSignerBySide` and
/// `…_SignatureRequestSignerEmbedded`, which have the same shape).
///
/// `Debug` hides the session token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureRequestSigner {
    /// The signer's id.
    pub signer_id: Text,
    /// Your reference of the signer. Required in Ignisign's type but without a validator;
    /// presumably absent when the signer has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_external_id: Option<Text>,
    /// The signature session token (embedded integration): it lets its holder sign as
    /// this signer, so treat it as a credential.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Text>,
}

impl fmt::Debug for SignatureRequestSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureRequestSigner")
            .field("signer_id", &self.signer_id)
            .field("signer_external_id", &self.signer_external_id)
            .field("token", &redacted(&self.token))
            .finish()
    }
}

/// `IgnisignWebhookDto_Signature`: a signer's signature of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Signature {
    /// The application's id.
    pub app_id: Text,
    /// The application's environment.
    pub app_env: AppEnv,
    /// The nature of the signed document.
    pub document_nature: DocumentType,
    /// The signer's id.
    pub signer_id: Text,
    /// Your reference of the signer, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_external_id: Option<Text>,
    /// The document's id.
    pub document_id: Text,
    /// Your reference of the document, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_external_id: Option<Text>,
    /// The signature request's id.
    pub signature_request_id: Text,
    /// Your reference of the signature request, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request_external_id: Option<Text>,
    /// The signature's id.
    pub signature_id: Text,
}

/// `IgnisignWebhookDto_Signer`: a signer was created or received inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Signer {
    /// The application's id.
    pub app_id: Text,
    /// The application's environment.
    pub app_env: AppEnv,
    /// The signer's id.
    pub signer_id: Text,
    /// Your reference of the signer, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_external_id: Option<Text>,
    /// The inputs added (with `INPUTS_ADDED`); empty when absent.
    #[serde(default, deserialize_with = "optional_vec", skip_serializing_if = "Vec::is_empty")]
    pub inputs_added: Vec<SignerInputRef>,
}

/// `IgnisignWebhookDto_SignatureImage`: a signer's signature image was generated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureImage {
    /// The application's id.
    pub app_id: Text,
    /// The application's environment.
    pub app_env: AppEnv,
    /// The document's id.
    pub document_id: Text,
    /// Your reference of the document, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_external_id: Option<Text>,
    /// The signature request's id.
    pub signature_request_id: Text,
    /// Your reference of the signature request, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request_external_id: Option<Text>,
    /// The signer's id.
    pub signer_id: Text,
    /// Your reference of the signer, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_external_id: Option<Text>,
}

/// `IgnisignWebhookDto_SignatureProfile`: a signature profile was created or archived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureProfile {
    /// The signature profile's id.
    pub signature_profile_id: Text,
}

/// `IgnisignWebhookDto_Application`: an application event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Application {
    /// The user who made the change, when Ignisign says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Text>,
}

/// The content of topic [`Topic::SignatureProof`]: one of three DTOs, chosen by the
/// delivery's action and message nature (Ignisign documents no tag, and the error and
/// advanced DTOs have the same fields):
///
/// | action | msgNature | variant |
/// |---|---|---|
/// | `GENERATED` | `ERROR` | [`SignatureProof::Error`] |
/// | `GENERATED` | any other | [`SignatureProof::Success`] |
/// | `ADV_GENERATED` | any | [`SignatureProof::Advanced`] |
/// | any other | any | [`SignatureProof::Unknown`] |
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SignatureProof {
    /// `IgnisignWebhookDto_SignatureProof_Success`: the proof was generated.
    Success(SignatureProofSuccess),
    /// `IgnisignWebhookDto_SignatureProof_Error`: the proof could not be generated.
    Error(SignatureProofError),
    /// `IgnisignWebhookDto_SignatureAdvancedProof`: the advanced proof of a document was generated.
    Advanced(SignatureAdvancedProof),
    /// Content of an action this version does not know, kept as raw JSON.
    Unknown(serde_json::Value),
}

impl Serialize for SignatureProof {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SignatureProof::Success(content) => content.serialize(serializer),
            SignatureProof::Error(content) => content.serialize(serializer),
            SignatureProof::Advanced(content) => content.serialize(serializer),
            SignatureProof::Unknown(raw) => raw.serialize(serializer),
        }
    }
}

/// `IgnisignWebhookDto_SignatureProof_Success`: the signature proof of a request was generated.
///
/// `Debug` hides the proof token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureProofSuccess {
    /// The application's id.
    pub app_id: Text,
    /// The application's environment.
    pub app_env: AppEnv,
    /// The proof of each document.
    #[serde(deserialize_with = "vec_of_objects")]
    pub documents: Vec<SignatureProofDocument>,
    /// The signature request's id.
    pub signature_request_id: Text,
    /// Your reference of the signature request, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_request_external_id: Option<Text>,
    /// A token to download the proof.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_proof_token: Option<Text>,
    /// Where to download the proof.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_proof_url: Option<Text>,
}

impl fmt::Debug for SignatureProofSuccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureProofSuccess")
            .field("app_id", &self.app_id)
            .field("app_env", &self.app_env)
            .field("documents", &self.documents)
            .field("signature_request_id", &self.signature_request_id)
            .field("signature_request_external_id", &self.signature_request_external_id)
            .field("signature_proof_token", &redacted(&self.signature_proof_token))
            .field("signature_proof_url", &self.signature_proof_url)
            .finish()
    }
}

/// `IgnisignWebhookDto_SignatureProof_Document`: the proof of one document.
///
/// `Debug` hides the token.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureProofDocument {
    /// The document's id.
    pub document_id: Text,
    /// Your reference of the document, if you gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_external_id: Option<Text>,
    /// A token to download the document's proof.
    pub token: Text,
    /// Where to download the document's proof.
    pub url: Text,
}

impl fmt::Debug for SignatureProofDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureProofDocument")
            .field("document_id", &self.document_id)
            .field("document_external_id", &self.document_external_id)
            .field("token", &REDACTED)
            .field("url", &self.url)
            .finish()
    }
}

/// Defines the two proof DTOs that share their fields (error and advanced proof).
macro_rules! document_proof_dto {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// `Debug` hides the proof token.
        #[derive(Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct $name {
            /// The application's id.
            pub app_id: Text,
            /// The application's environment.
            pub app_env: AppEnv,
            /// The document's id.
            pub document_id: Text,
            /// Your reference of the document, if you gave one.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub document_external_id: Option<Text>,
            /// The signature request's id.
            pub signature_request_id: Text,
            /// Your reference of the signature request, if you gave one.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub signature_request_external_id: Option<Text>,
            /// A token to download the proof.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub signature_proof_token: Option<Text>,
            /// Where to download the proof.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub signature_proof_url: Option<Text>,
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("app_id", &self.app_id)
                    .field("app_env", &self.app_env)
                    .field("document_id", &self.document_id)
                    .field("document_external_id", &self.document_external_id)
                    .field("signature_request_id", &self.signature_request_id)
                    .field("signature_request_external_id", &self.signature_request_external_id)
                    .field("signature_proof_token", &redacted(&self.signature_proof_token))
                    .field("signature_proof_url", &self.signature_proof_url)
                    .finish()
            }
        }
    };
}

document_proof_dto! {
    /// `IgnisignWebhookDto_SignatureProof_Error`: the signature proof of a document could not
    /// be generated (action `GENERATED`, message nature `ERROR`; the envelope's `error` says why).
    SignatureProofError
}

document_proof_dto! {
    /// `IgnisignWebhookDto_SignatureAdvancedProof`: the advanced proof of a document was
    /// generated (action `ADV_GENERATED`).
    SignatureAdvancedProof
}
