//! The string enums of Documenso (`enum WebhookTriggerEvents` and the Prisma
//! model's statuses, `packages/prisma/schema.prisma`).

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The event, as sent in `event` (`WebhookTriggerEvents`).
    ///
    /// ```
    /// use esign_webhooks::documenso::EventKind;
    /// assert_eq!(EventKind::from_wire("DOCUMENT_COMPLETED"), EventKind::DocumentCompleted);
    /// assert!(EventKind::from_wire("DOCUMENT_ARCHIVED").is_unknown());
    /// ```
    pub enum EventKind {
        /// A document was created (status `DRAFT`).
        DocumentCreated => "DOCUMENT_CREATED",
        /// A document was sent to its recipients (status `PENDING`).
        DocumentSent => "DOCUMENT_SENT",
        /// A recipient opened the document for the first time.
        DocumentOpened => "DOCUMENT_OPENED",
        /// A recipient signed (fires for each signature).
        DocumentSigned => "DOCUMENT_SIGNED",
        /// Every recipient completed their action (status `COMPLETED`).
        DocumentCompleted => "DOCUMENT_COMPLETED",
        /// A recipient rejected the document.
        DocumentRejected => "DOCUMENT_REJECTED",
        /// A pending document was cancelled, or a document deleted.
        DocumentCancelled => "DOCUMENT_CANCELLED",
        /// A recipient's signing deadline passed.
        RecipientExpired => "RECIPIENT_EXPIRED",
        /// One recipient completed their action (signing, approving or viewing).
        DocumentRecipientCompleted => "DOCUMENT_RECIPIENT_COMPLETED",
        /// A reminder e-mail was sent to a recipient.
        DocumentReminderSent => "DOCUMENT_REMINDER_SENT",
        /// A template was created.
        TemplateCreated => "TEMPLATE_CREATED",
        /// A template was modified.
        TemplateUpdated => "TEMPLATE_UPDATED",
        /// A template was deleted.
        TemplateDeleted => "TEMPLATE_DELETED",
        /// A document was created from a template (`payload` is the new document).
        TemplateUsed => "TEMPLATE_USED",
    }
}

impl EventKind {
    /// Every Documenso event kind, for `handlers.documenso().on(EventKind::ALL, …)`.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// `payload.status`.
    pub enum DocumentStatus {
        /// Being prepared.
        Draft => "DRAFT",
        /// Sent, waiting for recipients.
        Pending => "PENDING",
        /// Every recipient completed.
        Completed => "COMPLETED",
        /// A recipient rejected it.
        Rejected => "REJECTED",
        /// Cancelled.
        Cancelled => "CANCELLED",
    }
}

string_enum! {
    /// `payload.source`.
    pub enum DocumentSource {
        /// Uploaded or created directly.
        Document => "DOCUMENT",
        /// Created from a template.
        Template => "TEMPLATE",
        /// Created through a template's direct link.
        TemplateDirectLink => "TEMPLATE_DIRECT_LINK",
    }
}

string_enum! {
    /// A recipient's `role`.
    pub enum RecipientRole {
        /// Signs.
        Signer => "SIGNER",
        /// Views.
        Viewer => "VIEWER",
        /// Approves.
        Approver => "APPROVER",
        /// Assists (fills fields for others).
        Assistant => "ASSISTANT",
        /// Receives a copy.
        Cc => "CC",
    }
}

string_enum! {
    /// A recipient's `readStatus`.
    pub enum ReadStatus {
        /// Not opened yet.
        NotOpened => "NOT_OPENED",
        /// Opened.
        Opened => "OPENED",
    }
}

string_enum! {
    /// A recipient's `signingStatus`.
    pub enum SigningStatus {
        /// Not signed yet.
        NotSigned => "NOT_SIGNED",
        /// Signed.
        Signed => "SIGNED",
        /// Rejected (see `rejectionReason`).
        Rejected => "REJECTED",
    }
}

string_enum! {
    /// A recipient's `sendStatus`.
    pub enum SendStatus {
        /// Not sent yet.
        NotSent => "NOT_SENT",
        /// Sent.
        Sent => "SENT",
    }
}
