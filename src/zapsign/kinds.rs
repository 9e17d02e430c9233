//! The ZapSign event types and statuses.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event_type`.
    ///
    /// ```
    /// use esign_webhooks::zapsign::EventType;
    /// assert_eq!(EventType::from_wire("doc_signed"), EventType::DocSigned);
    /// assert!(EventType::from_wire("doc_archived").is_unknown());
    /// ```
    pub enum EventType {
        /// A document was created.
        DocCreated => "doc_created",
        /// A signer was added to a document in progress.
        CreatedSigner => "created_signer",
        /// A document was deleted (in the panel or through the API).
        DocDeleted => "doc_deleted",
        /// A signer signed (`status` says whether the document is complete).
        DocSigned => "doc_signed",
        /// A signer refused the document.
        DocRefused => "doc_refused",
        /// An e-mail to a signer bounced.
        EmailBounce => "email_bounce",
        /// The document was sent to a signer by e-mail or WhatsApp.
        SignatureNotificationSent => "signature_notification_sent",
        /// A signer opened the signing link.
        DocViewed => "doc_viewed",
        /// A signer confirmed reading the document ("Continue").
        DocReadConfirmation => "doc_read_confirmation",
        /// A signer exhausted the identity checks (facial recognition, ID validation).
        SignerAuthenticationFailed => "signer_authentication_failed",
        /// A background check completed.
        BackgroundCheckCompleted => "background_check_completed",
        /// A document with a signing deadline expired.
        DocExpired => "doc_expired",
        /// A document's signing deadline is near (sent 7, 3 and 1 day(s) before).
        DocExpirationAlert => "doc_expiration_alert",
    }
}

impl EventType {
    /// Every ZapSign event type.
    pub const ALL: Filter<EventType> = Filter::All;
}

string_enum! {
    /// A document's `status`: `signed` once every signer has signed,
    /// `pending` before.
    pub enum DocumentStatus {
        /// Waiting for signatures.
        Pending => "pending",
        /// Every signer signed.
        Signed => "signed",
        /// Refused by a signer.
        Refused => "refused",
    }
}

string_enum! {
    /// A signer's `status`.
    pub enum SignerStatus {
        /// Not yet opened.
        New => "new",
        /// The signing link was opened.
        LinkOpened => "link-opened",
        /// Signed.
        Signed => "signed",
    }
}
