//! Ignisign registrations: the generic one and one per topic, mirroring the
//! Node SDK's `registerWebhookCallback*`.

use super::VendorHandlers;
use crate::ignisign::{
    self, Action, ApiKey, Application, ApplicationAction, CallbackParams, Content, Message, MsgNature, Signature,
    SignatureAction, SignatureImage, SignatureImageAction, SignatureProfile, SignatureProfileAction, SignatureProof,
    SignatureProofAction, SignatureRequest, SignatureRequestAction, SignatureSession, SignatureSessionAction, Signer,
    SignerAction, Topic,
};
use crate::registry::core::{Dispatch, Slot, matcher};
use crate::registry::methods::registration_methods;
use crate::registry::transport::{BlockingTokenTransport, TokenTransport};
use crate::registry::{Async, Blocking, ConfirmedEvent, Filter};

/// The Ignisign views of one message, built once per event.
pub(crate) struct IgnisignParams {
    generic: CallbackParams<Content>,
    typed: Typed,
}

/// The message seen through its topic's content type.
enum Typed {
    Application(CallbackParams<Application>),
    Signature(CallbackParams<Signature>),
    SignatureRequest(CallbackParams<SignatureRequest>),
    Signer(CallbackParams<Signer>),
    SignatureProfile(CallbackParams<SignatureProfile>),
    SignatureSession(CallbackParams<SignatureSession>),
    SignatureProof(CallbackParams<SignatureProof>),
    SignatureImage(CallbackParams<SignatureImage>),
    Untyped,
}

impl IgnisignParams {
    pub(crate) fn of(event: &ConfirmedEvent) -> Option<Self> {
        let ConfirmedEvent::Ignisign(message) = event else {
            return None;
        };
        Some(IgnisignParams {
            generic: CallbackParams::generic(message),
            typed: Typed::of(message),
        })
    }
}

impl Typed {
    fn of(message: &Message) -> Typed {
        /// The topic's params, with the content only when it has the topic's type.
        macro_rules! typed {
            ($variant:ident) => {
                Typed::$variant(CallbackParams::from_message(
                    message,
                    match &message.content {
                        Some(Content::$variant(content)) => Some(content.clone()),
                        _ => None,
                    },
                ))
            };
        }
        match message.topic {
            Topic::App => typed!(Application),
            Topic::Signature => typed!(Signature),
            Topic::SignatureRequest => typed!(SignatureRequest),
            Topic::Signer => typed!(Signer),
            Topic::SignatureProfile => typed!(SignatureProfile),
            Topic::SignatureSession => typed!(SignatureSession),
            Topic::SignatureProof => typed!(SignatureProof),
            Topic::SignatureImage => typed!(SignatureImage),
            _ => Typed::Untyped,
        }
    }
}

/// Registers callbacks for Ignisign messages: from
/// [`Handlers::ignisign`](crate::registry::Handlers::ignisign) or
/// [`AsyncHandlers::ignisign`](crate::registry::AsyncHandlers::ignisign).
///
/// Every method takes an action and a message nature, each a value or its
/// type's `ALL`, and returns the id to [`revoke`](crate::registry::Handlers::revoke).
/// Callbacks receive [`CallbackParams`]: topic, action, nature, typed content
/// and error, never the app id, environment or token.
///
/// | Node SDK (`@ignisign/sdk`) | This crate |
/// |---|---|
/// | `registerWebhookCallback(cb, topic, action, msgNature)` | [`on(topic, action, nature, cb)`](IgnisignHandlers::on) |
/// | `registerWebhookCallback_Signature` | [`on_signature`](IgnisignHandlers::on_signature) |
/// | `registerWebhookCallback_SignatureSession` | [`on_signature_session`](IgnisignHandlers::on_signature_session) |
/// | `registerWebhookCallback_SignatureRequest` | [`on_signature_request`](IgnisignHandlers::on_signature_request) |
/// | `registerWebhookCallback_Signer` | [`on_signer`](IgnisignHandlers::on_signer) |
/// | `registerWebhookCallback_SignatureProof` | [`on_signature_proof`](IgnisignHandlers::on_signature_proof) |
/// | `registerWebhookCallback_SignatureImageGenerated` | [`on_signature_image_generated`](IgnisignHandlers::on_signature_image_generated) |
/// | `registerWebhookCallback_Application` | [`on_application`](IgnisignHandlers::on_application) |
/// | *(none: generic only)* | [`on_signature_profile`](IgnisignHandlers::on_signature_profile) |
/// | `revokeCallback(id)` | [`Handlers::revoke(id)`](crate::registry::Handlers::revoke) |
/// | `consumeWebhook(body)` | [`Webhooks::handle`](crate::Webhooks::handle) / [`handle_async`](crate::Webhooks::handle_async) |
///
/// Differences that are on purpose: the content type is guaranteed by the
/// crate, not cast; registration is synchronous and cannot fail (the SDK's
/// app-type assertion needs an API call); a callback's error or panic is
/// reported in the [`Report`](crate::registry::Report) instead of only logged.
pub type IgnisignHandlers<'r, M> = VendorHandlers<'r, ignisign::Ignisign, M>;

impl IgnisignHandlers<'_, Blocking> {
    /// Confirms each Ignisign delivery's token with Ignisign before any
    /// callback runs, sending the request through `transport` (blocking).
    /// A transport that panics fails the delivery; it never unwinds through `handle`.
    pub fn confirm_with(&mut self, api_key: ApiKey, transport: impl BlockingTokenTransport + 'static) -> &mut Self {
        self.registry
            .confirmers
            .set_blocking::<ignisign::Ignisign>(api_key, transport);
        self
    }

    /// Runs Ignisign deliveries' callbacks **without confirming their token**
    /// with Ignisign: anyone who can reach the endpoint and knows your app id
    /// can then forge Ignisign events.
    pub fn dangerous_skip_confirmation(&mut self) -> &mut Self {
        self.registry.confirmers.set_dangerous_skip::<ignisign::Ignisign>();
        self
    }
}

impl IgnisignHandlers<'_, Async> {
    /// Confirms each Ignisign delivery's token with Ignisign before any
    /// callback runs, sending the request through `transport`.
    pub fn confirm_with(&mut self, api_key: ApiKey, transport: impl TokenTransport + 'static) -> &mut Self {
        self.registry
            .confirmers
            .set_async::<ignisign::Ignisign>(api_key, transport);
        self
    }

    /// Runs Ignisign deliveries' callbacks **without confirming their token**
    /// with Ignisign: anyone who can reach the endpoint and knows your app id
    /// can then forge Ignisign events.
    pub fn dangerous_skip_confirmation(&mut self) -> &mut Self {
        self.registry.confirmers.set_dangerous_skip::<ignisign::Ignisign>();
        self
    }
}

impl crate::registry::Handlers {
    /// Same as `handlers.ignisign().confirm_with(api_key, transport)`.
    pub fn confirm_ignisign_with(
        &mut self,
        api_key: ApiKey,
        transport: impl BlockingTokenTransport + 'static,
    ) -> &mut Self {
        self.ignisign().confirm_with(api_key, transport);
        self
    }

    /// Same as `handlers.ignisign().dangerous_skip_confirmation()`.
    pub fn dangerous_skip_ignisign_token_check(&mut self) -> &mut Self {
        self.ignisign().dangerous_skip_confirmation();
        self
    }
}

impl crate::registry::AsyncHandlers {
    /// Same as `handlers.ignisign().confirm_with(api_key, transport)`.
    pub fn confirm_ignisign_with(&mut self, api_key: ApiKey, transport: impl TokenTransport + 'static) -> &mut Self {
        self.ignisign().confirm_with(api_key, transport);
        self
    }

    /// Same as `handlers.ignisign().dangerous_skip_confirmation()`.
    pub fn dangerous_skip_ignisign_token_check(&mut self) -> &mut Self {
        self.ignisign().dangerous_skip_confirmation();
        self
    }
}

fn params<'a>(dispatch: &Dispatch<'a>) -> Option<&'a IgnisignParams> {
    dispatch.view(IgnisignParams::of)
}

/// The matcher of a typed registration: its topic's params, filtered by action and nature.
macro_rules! typed_matcher {
    ($variant:ident, $action_enum:ident, $action:expr, $nature:expr) => {{
        let action: Filter<$action_enum> = $action.into();
        let nature: Filter<MsgNature> = $nature.into();
        matcher(move |dispatch| {
            let Typed::$variant(params) = &params(dispatch)?.typed else {
                return None;
            };
            let Action::$variant(this_action) = &params.action else {
                return None;
            };
            (action.matches(this_action) && nature.matches(&params.msg_nature)).then_some(params)
        })
    }};
}

registration_methods! {
    [impl IgnisignHandlers<'_, Blocking>] [impl IgnisignHandlers<'_, Async>]

    /// Any topic, action and nature, each a value or `ALL` (the SDK's
    /// generic `registerWebhookCallback`). The content is the untyped
    /// [`Content`] enum. A specific action is compared by wire value, as the
    /// SDK does (see [`Action::ALL`]).
    fn on(
        topic: impl Into<Filter<Topic>>,
        action: impl Into<Filter<Action>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<Content>, Slot::Specific, {
        let (topic, action, nature) = (topic.into(), action.into(), nature.into());
        matcher(move |dispatch| {
            let params = &params(dispatch)?.generic;
            (topic.matches(&params.topic) && action.matches_action(&params.action) && nature.matches(&params.msg_nature))
                .then_some(params)
        })
    }

    /// Topic `SIGNATURE`: content [`Signature`].
    fn on_signature(
        action: impl Into<Filter<SignatureAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<Signature>, Slot::Specific, {
        typed_matcher!(Signature, SignatureAction, action, nature)
    }

    /// Topic `SIGNATURE_SESSION`: content [`SignatureSession`].
    fn on_signature_session(
        action: impl Into<Filter<SignatureSessionAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<SignatureSession>, Slot::Specific, {
        typed_matcher!(SignatureSession, SignatureSessionAction, action, nature)
    }

    /// Topic `SIGNATURE_REQUEST`: content [`SignatureRequest`]. With an
    /// embedded integration, `LAUNCHED` carries each signer's session token.
    fn on_signature_request(
        action: impl Into<Filter<SignatureRequestAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<SignatureRequest>, Slot::Specific, {
        typed_matcher!(SignatureRequest, SignatureRequestAction, action, nature)
    }

    /// Topic `SIGNER`: content [`Signer`].
    fn on_signer(
        action: impl Into<Filter<SignerAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<Signer>, Slot::Specific, {
        typed_matcher!(Signer, SignerAction, action, nature)
    }

    /// Topic `SIGNATURE_PROOF`: content [`SignatureProof`] (success, error or
    /// advanced proof, chosen from action and nature).
    fn on_signature_proof(
        action: impl Into<Filter<SignatureProofAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<SignatureProof>, Slot::Specific, {
        typed_matcher!(SignatureProof, SignatureProofAction, action, nature)
    }

    /// Topic `SIGNATURE_SIGNER_IMAGE`: content [`SignatureImage`].
    fn on_signature_image_generated(
        action: impl Into<Filter<SignatureImageAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<SignatureImage>, Slot::Specific, {
        typed_matcher!(SignatureImage, SignatureImageAction, action, nature)
    }

    /// Topic `APP`: content [`Application`].
    fn on_application(
        action: impl Into<Filter<ApplicationAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<Application>, Slot::Specific, {
        typed_matcher!(Application, ApplicationAction, action, nature)
    }

    /// Topic `SIGNATURE_PROFILE`: content [`SignatureProfile`] (the Node SDK
    /// has no typed registrar for it).
    fn on_signature_profile(
        action: impl Into<Filter<SignatureProfileAction>>,
        nature: impl Into<Filter<MsgNature>>
    ) -> CallbackParams<SignatureProfile>, Slot::Specific, {
        typed_matcher!(SignatureProfile, SignatureProfileAction, action, nature)
    }
}
