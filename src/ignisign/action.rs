//! [`Action`]: a delivery's `action`, typed by its topic.

use core::fmt;

use super::enums::{
    ApplicationAction, DocumentRequestAction, SignatureAction, SignatureImageAction, SignatureProfileAction,
    SignatureProofAction, SignatureRequestAction, SignatureSessionAction, SignerAction, Topic,
};

/// The removed topic whose action enum is still part of Ignisign's action union.
const DOCUMENT_REQUEST_TOPIC: &str = "DOCUMENT_REQUEST";

/// What happened, typed by the delivery's topic.
///
/// Ignisign reuses action strings across topics (`CREATED`, `ARCHIVED`, `FAILED`,
/// `INITIALIZED`, `GENERATED`), so an action only has a meaning together with its
/// [`Topic`]: [`Action::parse`] takes both. Serializes as the bare wire string.
///
/// ```
/// use esign_webhooks::ignisign::{Action, SignatureRequestAction, SignerAction, Topic};
///
/// assert_eq!(
///     Action::parse(&Topic::SignatureRequest, "FAILED"),
///     Action::SignatureRequest(SignatureRequestAction::Failed),
/// );
/// assert_eq!(Action::parse(&Topic::Signer, "CREATED"), Action::Signer(SignerAction::Created));
/// // A topic without documented actions keeps the raw string.
/// let other = Action::parse(&Topic::SignerAuth, "SOMETHING");
/// assert_eq!(other.as_str(), "SOMETHING");
/// assert!(other.is_unknown());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// An action of topic [`Topic::App`].
    Application(ApplicationAction),
    /// An action of topic [`Topic::Signature`].
    Signature(SignatureAction),
    /// An action of topic [`Topic::SignatureRequest`].
    SignatureRequest(SignatureRequestAction),
    /// An action of topic [`Topic::Signer`].
    Signer(SignerAction),
    /// An action of topic [`Topic::SignatureProfile`].
    SignatureProfile(SignatureProfileAction),
    /// An action of topic [`Topic::SignatureSession`].
    SignatureSession(SignatureSessionAction),
    /// An action of topic [`Topic::SignatureProof`].
    SignatureProof(SignatureProofAction),
    /// An action of topic [`Topic::SignatureImage`] (`SIGNATURE_SIGNER_IMAGE`).
    SignatureImage(SignatureImageAction),
    /// An action of the removed topic `"DOCUMENT_REQUEST"` (which parses as `Topic::Unknown`).
    DocumentRequest(DocumentRequestAction),
    /// The action of a topic that has no documented actions ([`Topic::SignerIdProofing`],
    /// [`Topic::SignerAuth`]) or of a topic this version does not know.
    Other {
        /// The delivery's topic.
        topic: Topic,
        /// The action exactly as received.
        action: String,
    },
}

impl Action {
    /// Reads the wire `action` of a delivery whose topic is `topic`. Never fails: values
    /// the crate does not know are kept.
    pub fn parse(topic: &Topic, action: &str) -> Action {
        match topic {
            Topic::App => Action::Application(ApplicationAction::from_wire(action)),
            Topic::Signature => Action::Signature(SignatureAction::from_wire(action)),
            Topic::SignatureRequest => Action::SignatureRequest(SignatureRequestAction::from_wire(action)),
            Topic::Signer => Action::Signer(SignerAction::from_wire(action)),
            Topic::SignatureProfile => Action::SignatureProfile(SignatureProfileAction::from_wire(action)),
            Topic::SignatureSession => Action::SignatureSession(SignatureSessionAction::from_wire(action)),
            Topic::SignatureProof => Action::SignatureProof(SignatureProofAction::from_wire(action)),
            Topic::SignatureImage => Action::SignatureImage(SignatureImageAction::from_wire(action)),
            Topic::Unknown(raw) if raw == DOCUMENT_REQUEST_TOPIC => {
                Action::DocumentRequest(DocumentRequestAction::from_wire(action))
            }
            _ => Action::Other {
                topic: topic.clone(),
                action: action.to_owned(),
            },
        }
    }

    /// The action exactly as Ignisign sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Action::Application(action) => action.as_str(),
            Action::Signature(action) => action.as_str(),
            Action::SignatureRequest(action) => action.as_str(),
            Action::Signer(action) => action.as_str(),
            Action::SignatureProfile(action) => action.as_str(),
            Action::SignatureSession(action) => action.as_str(),
            Action::SignatureProof(action) => action.as_str(),
            Action::SignatureImage(action) => action.as_str(),
            Action::DocumentRequest(action) => action.as_str(),
            Action::Other { action, .. } => action,
        }
    }

    /// `true` when this version of the crate does not know the action: an `Unknown`
    /// value of the topic's enum, or [`Action::Other`].
    pub fn is_unknown(&self) -> bool {
        match self {
            Action::Application(action) => action.is_unknown(),
            Action::Signature(action) => action.is_unknown(),
            Action::SignatureRequest(action) => action.is_unknown(),
            Action::Signer(action) => action.is_unknown(),
            Action::SignatureProfile(action) => action.is_unknown(),
            Action::SignatureSession(action) => action.is_unknown(),
            Action::SignatureProof(action) => action.is_unknown(),
            Action::SignatureImage(action) => action.is_unknown(),
            Action::DocumentRequest(action) => action.is_unknown(),
            Action::Other { .. } => true,
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
