//! What Ignisign callbacks receive ([`CallbackParams`]) and the `ALL` wildcards
//! of the registry, mirroring the Node SDK's `IgnisignWebhook_CallbackParams`.

use super::{
    Action, ApplicationAction, Content, DocumentRequestAction, IgnisignError, Message, MsgNature, SignatureAction,
    SignatureImageAction, SignatureProfileAction, SignatureProofAction, SignatureRequestAction, SignatureSessionAction,
    SignerAction, Topic,
};
use crate::filter::Filter;

/// What an Ignisign callback receives: topic, action, message nature,
/// content and error — as with the official SDKs, never the app id, the
/// environment or the verification token.
///
/// `T` is the content type the registration guarantees: [`Content`] for the
/// generic registration, the topic's DTO (such as [`SignatureSession`](super::SignatureSession))
/// for the typed ones. `content` is `None` when Ignisign sent none (error
/// messages may omit it) or when an error message's content did not match the
/// topic's DTO (the generic registration then sees it as [`Content::Unknown`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CallbackParams<T> {
    /// The topic.
    pub topic: Topic,
    /// The action, typed per topic.
    pub action: Action,
    /// The message nature.
    pub msg_nature: MsgNature,
    /// The content, typed by the registration.
    pub content: Option<T>,
    /// The error Ignisign attached, on error messages.
    pub error: Option<IgnisignError>,
}

impl<T> CallbackParams<T> {
    pub(crate) fn from_message(message: &Message, content: Option<T>) -> Self {
        CallbackParams {
            topic: message.topic.clone(),
            action: message.action.clone(),
            msg_nature: message.msg_nature.clone(),
            content,
            error: message.error.clone(),
        }
    }
}

impl CallbackParams<Content> {
    /// The generic view of a message.
    pub(crate) fn generic(message: &Message) -> Self {
        CallbackParams::from_message(message, message.content.clone())
    }
}

impl Topic {
    /// Every topic: the SDK's `'ALL'` wildcard.
    pub const ALL: Filter<Topic> = Filter::All;
}

impl MsgNature {
    /// Every message nature: the SDK's `'ALL'` wildcard.
    pub const ALL: Filter<MsgNature> = Filter::All;
}

impl Action {
    /// Every action: the SDK's `'ALL'` wildcard.
    ///
    /// A specific action in a generic registration is compared by its wire
    /// value, as the SDK does: with [`Topic::ALL`], `FAILED` fires for both
    /// `SIGNATURE/FAILED` and `SIGNATURE_REQUEST/FAILED`.
    pub const ALL: Filter<Action> = Filter::All;
}

impl Filter<Action> {
    /// Compares by wire value (see [`Action::ALL`]).
    pub(crate) fn matches_action(&self, action: &Action) -> bool {
        match self {
            Filter::All => true,
            Filter::Only(expected) => expected.as_str() == action.as_str(),
        }
    }
}

/// `ALL` for each per-topic action enum, and the conversion of a per-topic
/// action into an [`Action`] filter for the generic registration.
macro_rules! topic_actions {
    ($($action:ident => $variant:ident),* $(,)?) => {$(
        impl $action {
            /// Every action of this topic: the SDK's `'ALL'` wildcard.
            pub const ALL: Filter<$action> = Filter::All;
        }

        impl From<$action> for Action {
            fn from(action: $action) -> Action {
                Action::$variant(action)
            }
        }

        impl From<$action> for Filter<Action> {
            fn from(action: $action) -> Filter<Action> {
                Filter::Only(Action::$variant(action))
            }
        }
    )*};
}

topic_actions! {
    ApplicationAction => Application,
    SignatureAction => Signature,
    SignatureRequestAction => SignatureRequest,
    SignerAction => Signer,
    SignatureProfileAction => SignatureProfile,
    SignatureSessionAction => SignatureSession,
    SignatureProofAction => SignatureProof,
    SignatureImageAction => SignatureImage,
    DocumentRequestAction => DocumentRequest,
}
