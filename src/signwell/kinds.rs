//! The SignWell event types.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event.type`.
    ///
    /// ```
    /// use esign_webhooks::signwell::EventKind;
    /// assert_eq!(EventKind::from_wire("document_completed"), EventKind::DocumentCompleted);
    /// assert!(EventKind::from_wire("document_archived").is_unknown());
    /// ```
    pub enum EventKind {
        /// A document was created.
        DocumentCreated => "document_created",
        /// A document was sent to its recipients.
        DocumentSent => "document_sent",
        /// A recipient viewed the document (`related_signer` names them).
        DocumentViewed => "document_viewed",
        /// Signing is under way.
        DocumentInProgress => "document_in_progress",
        /// The recipients were changed.
        DocumentRecipientsUpdated => "document_recipients_updated",
        /// A recipient signed (`related_signer` names them).
        DocumentSigned => "document_signed",
        /// Every recipient signed.
        DocumentCompleted => "document_completed",
        /// The document expired.
        DocumentExpired => "document_expired",
        /// The sender cancelled the document.
        DocumentCanceled => "document_canceled",
        /// A recipient declined (`related_signer` names them).
        DocumentDeclined => "document_declined",
        /// An e-mail to a recipient bounced.
        DocumentBounced => "document_bounced",
        /// Processing the document failed.
        DocumentError => "document_error",
        /// A template was created.
        TemplateCreated => "template_created",
        /// Processing a template failed.
        TemplateError => "template_error",
    }
}

impl EventKind {
    /// Every SignWell event kind.
    pub const ALL: Filter<EventKind> = Filter::All;
}
