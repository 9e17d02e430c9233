//! The SignatureAPI event types and object types.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `type`: the 22 event types SignatureAPI documents
    /// (API version 1.18), in four groups: envelope, recipient, deliverable
    /// and sender. A type added later is kept as [`Unknown`](EventType::Unknown).
    ///
    /// ```
    /// use esign_webhooks::signatureapi::EventType;
    /// assert_eq!(EventType::from_wire("envelope.completed"), EventType::EnvelopeCompleted);
    /// assert!(EventType::from_wire("envelope.archived").is_unknown());
    /// ```
    pub enum EventType {
        /// An envelope was created; processing begins (status `processing`).
        EnvelopeCreated => "envelope.created",
        /// Processing is done; recipients are being notified (status `in_progress`).
        EnvelopeStarted => "envelope.started",
        /// Every recipient completed the envelope (status `completed`).
        EnvelopeCompleted => "envelope.completed",
        /// The envelope failed (status `failed`); `data.detail` says why.
        EnvelopeFailed => "envelope.failed",
        /// You canceled the envelope (status `canceled`).
        EnvelopeCanceled => "envelope.canceled",
        /// A recipient's turn came: ready to receive an invitation (status `pending`).
        RecipientReleased => "recipient.released",
        /// The invitation was sent (only when `delivery_type` is email).
        RecipientSent => "recipient.sent",
        /// The recipient opened the ceremony URL.
        RecipientAccessed => "recipient.accessed",
        /// The recipient authenticated and viewed the documents.
        RecipientViewed => "recipient.viewed",
        /// The recipient finished (signed, approved or prepared).
        RecipientCompleted => "recipient.completed",
        /// The recipient rejected the ceremony; `data.reason` gives their explanation.
        RecipientRejected => "recipient.rejected",
        /// The e-mail to the recipient was temporarily undeliverable (`data.detail`).
        RecipientSoftBounced => "recipient.soft_bounced",
        /// The e-mail to the recipient was permanently undeliverable (`data.detail`).
        RecipientHardBounced => "recipient.hard_bounced",
        /// The e-mail could not be sent to the recipient (`data.detail`).
        RecipientFailed => "recipient.failed",
        /// The recipient was replaced with another one.
        RecipientReplaced => "recipient.replaced",
        /// The request was sent to the recipient again.
        RecipientResent => "recipient.resent",
        /// The deliverable (signed PDF) is ready; `data.url` downloads it for one hour.
        DeliverableGenerated => "deliverable.generated",
        /// Generating the deliverable failed.
        DeliverableFailed => "deliverable.failed",
        /// A sender was created and its verification e-mail sent.
        SenderCreated => "sender.created",
        /// The sender's address owner completed the verification.
        SenderVerified => "sender.verified",
        /// The sender's verification failed (bounce or error; `data.detail`).
        SenderFailed => "sender.failed",
        /// A sender was deleted.
        SenderDeleted => "sender.deleted",
    }
}

impl EventType {
    /// Every SignatureAPI event type.
    pub const ALL: Filter<EventType> = Filter::All;
}

string_enum! {
    /// `data.object_type`: what `data.object_id` names.
    pub enum ObjectType {
        /// An envelope (`object_id` is the envelope's UUID).
        Envelope => "envelope",
        /// A recipient (`re_…`).
        Recipient => "recipient",
        /// A deliverable (`del_…`).
        Deliverable => "deliverable",
        /// A sender.
        Sender => "sender",
    }
}
