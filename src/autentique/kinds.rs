//! The Autentique event types.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event.type`: `<resource>.<action>`.
    ///
    /// ```
    /// use esign_webhooks::autentique::EventType;
    /// assert_eq!(EventType::from_wire("signature.accepted"), EventType::SignatureAccepted);
    /// assert!(EventType::from_wire("member.created").is_unknown());
    /// ```
    pub enum EventType {
        /// A document was created.
        DocumentCreated => "document.created",
        /// A document was changed (`data.previous_attributes` says what it was).
        DocumentUpdated => "document.updated",
        /// A document was deleted.
        DocumentDeleted => "document.deleted",
        /// Every signer acted: the document is complete.
        DocumentFinished => "document.finished",
        /// A signature (a signer's place on a document) was created.
        SignatureCreated => "signature.created",
        /// A signature was changed.
        SignatureUpdated => "signature.updated",
        /// A signature was removed.
        SignatureDeleted => "signature.deleted",
        /// A signer viewed the document.
        SignatureViewed => "signature.viewed",
        /// A signer signed.
        SignatureAccepted => "signature.accepted",
        /// A signer rejected the document.
        SignatureRejected => "signature.rejected",
        /// The request to a signer could not be delivered.
        SignatureDeliveryFailed => "signature.delivery_failed",
    }
}

impl EventType {
    /// Every Autentique event type.
    pub const ALL: Filter<EventType> = Filter::All;
}
