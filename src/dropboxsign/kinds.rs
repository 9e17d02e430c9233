//! The string enums of Dropbox Sign: the event type, and a signer's status.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// `event.event_type`: what happened. Every value of the OpenAPI
    /// `EventCallbackRequestEvent.event_type` enum; a newer one is kept as
    /// [`Unknown`](EventType::Unknown).
    ///
    /// ```
    /// use esign_webhooks::dropboxsign::EventType;
    /// assert_eq!(EventType::from_wire("signature_request_all_signed"), EventType::SignatureRequestAllSigned);
    /// assert_eq!(EventType::from_wire("signature_request_archived").as_str(), "signature_request_archived");
    /// ```
    pub enum EventType {
        /// An account created through the API confirmed its e-mail address.
        AccountConfirmed => "account_confirmed",
        /// Dropbox Sign met an unexpected error processing a request.
        UnknownError => "unknown_error",
        /// A file of a signature request could not be processed.
        FileError => "file_error",
        /// An embedded signing URL is not valid (wrong domain or client id).
        SignUrlInvalid => "sign_url_invalid",
        /// A signer viewed the signature request.
        SignatureRequestViewed => "signature_request_viewed",
        /// A signer signed.
        SignatureRequestSigned => "signature_request_signed",
        /// The signature request was sent.
        SignatureRequestSent => "signature_request_sent",
        /// Every signer signed.
        SignatureRequestAllSigned => "signature_request_all_signed",
        /// An e-mail to a signer bounced.
        SignatureRequestEmailBounce => "signature_request_email_bounce",
        /// A reminder was sent.
        SignatureRequestRemind => "signature_request_remind",
        /// A qualified electronic signature could not be completed.
        SignatureRequestIncompleteQes => "signature_request_incomplete_qes",
        /// The signature request was deleted.
        SignatureRequestDestroyed => "signature_request_destroyed",
        /// The requester cancelled the signature request.
        SignatureRequestCanceled => "signature_request_canceled",
        /// The signed documents can be downloaded.
        SignatureRequestDownloadable => "signature_request_downloadable",
        /// A signer declined.
        SignatureRequestDeclined => "signature_request_declined",
        /// A signer reassigned their signature to someone else.
        SignatureRequestReassigned => "signature_request_reassigned",
        /// The signature request's data could not be processed.
        SignatureRequestInvalid => "signature_request_invalid",
        /// The signature request was prepared (embedded requesting).
        SignatureRequestPrepared => "signature_request_prepared",
        /// The signature request expired.
        SignatureRequestExpired => "signature_request_expired",
        /// A template was created.
        TemplateCreated => "template_created",
        /// A template could not be created.
        TemplateError => "template_error",
        /// The test event sent when a callback URL is set or tested.
        CallbackTest => "callback_test",
        /// A signer was removed from the signature request.
        SignatureRequestSignerRemoved => "signature_request_signer_removed",
    }
}

impl EventType {
    /// Every event type, for `handlers.dropboxsign().on(EventType::ALL, …)`.
    pub const ALL: Filter<EventType> = Filter::All;
}

string_enum! {
    /// `status_code` of a signer in `signature_request.signatures`. The OpenAPI
    /// names `awaiting_signature`, `signed` and `declined` as examples; any
    /// other value is kept as [`Unknown`](SignatureStatus::Unknown).
    pub enum SignatureStatus {
        /// The signer has not signed yet.
        AwaitingSignature => "awaiting_signature",
        /// The signer signed.
        Signed => "signed",
        /// The signer declined.
        Declined => "declined",
    }
}

/// Which callback URL the event was sent to, as the SDKs' `getCallbackType`
/// tells it: an app callback always carries `event_metadata.reported_for_app_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallbackType {
    /// The account callback (`"account_callback"` in the SDKs).
    Account,
    /// An API app's callback (`"app_callback"`).
    App,
}
