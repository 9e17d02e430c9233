//! The string enums of PandaDoc: the notification's event and the document status.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// A notification's `event` (<https://developers.pandadoc.com/docs/webhook-events>).
    ///
    /// ```
    /// use esign_webhooks::pandadoc::EventKind;
    /// assert_eq!(EventKind::from_wire("document_state_changed"), EventKind::DocumentStateChanged);
    /// ```
    ///
    /// The list is PandaDoc's `WebhookSubscriptionTriggerEnum` (OpenAPI 8.8.0,
    /// `PandaDoc/pandadoc-openapi-specification` @ `81beb8c8`), with the older
    /// SDK's `template_modified`.
    pub enum EventKind {
        /// The document's status changed (see [`DocumentStatus`]).
        DocumentStateChanged => "document_state_changed",
        /// The completed document's PDF is ready to download.
        DocumentCompletedPdfReady => "document_completed_pdf_ready",
        /// The document was updated (moved back to draft and edited).
        DocumentUpdated => "document_updated",
        /// A recipient completed their part.
        RecipientCompleted => "recipient_completed",
        /// The document was deleted.
        DocumentDeleted => "document_deleted",
        /// Creating a document failed.
        DocumentCreationFailed => "document_creation_failed",
        /// A section was added to the document.
        DocumentSectionAdded => "document_section_added",
        /// A quote was updated.
        QuoteUpdated => "quote_updated",
        /// A template was created (spelled "teamplate_created" on one PandaDoc page).
        TemplateCreated => "template_created",
        /// A template was updated.
        TemplateUpdated => "template_updated",
        /// A template was deleted.
        TemplateDeleted => "template_deleted",
        /// A template was modified (older SDK enum `WebhookEventTriggerEnum`;
        /// not in the current OpenAPI enum).
        TemplateModified => "template_modified",
        /// A content library item was created
        /// (<https://developers.pandadoc.com/reference/content-library>).
        ContentLibraryItemCreated => "content_library_item_created",
        /// Creating a content library item failed.
        ContentLibraryItemCreationFailed => "content_library_item_creation_failed",
    }
}

impl EventKind {
    /// Every PandaDoc event kind, for `handlers.pandadoc().on(EventKind::ALL, …)`.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// `data.status` of a document: PandaDoc's `DocumentStatusEnum` (OpenAPI
    /// 8.8.0, `PandaDoc/pandadoc-openapi-specification` @ `81beb8c8`), plus
    /// `document.cancelled`, which only the "Document State Changed Webhook"
    /// page names (<https://developers.pandadoc.com/reference/handledocumentstatechanged>)
    /// and the enum does not: it is kept so that such a delivery still reads.
    ///
    /// ```
    /// use esign_webhooks::pandadoc::DocumentStatus;
    /// // PandaDoc's "Expired" status is `document.voided`.
    /// assert_eq!(DocumentStatus::from_wire("document.voided"), DocumentStatus::Voided);
    /// assert!(!DocumentStatus::from_wire("document.scheduled").is_unknown());
    /// ```
    pub enum DocumentStatus {
        /// Draft.
        Draft => "document.draft",
        /// Sent to recipients.
        Sent => "document.sent",
        /// Viewed by a recipient.
        Viewed => "document.viewed",
        /// Waiting for an approver.
        WaitingApproval => "document.waiting_approval",
        /// Approved.
        Approved => "document.approved",
        /// Rejected by an approver.
        Rejected => "document.rejected",
        /// Waiting for payment.
        WaitingPay => "document.waiting_pay",
        /// Paid.
        Paid => "document.paid",
        /// Every recipient completed.
        Completed => "document.completed",
        /// Cancelled. Not in PandaDoc's OpenAPI enum; named only on the
        /// state-changed webhook page.
        Cancelled => "document.cancelled",
        /// A recipient declined.
        Declined => "document.declined",
        /// Expired: PandaDoc's "Expired" status is `document.voided` ("Expired -
        /// document.voided - code 11",
        /// <https://developers.pandadoc.com/reference/change-document-status-manually>).
        Voided => "document.voided",
        /// The document's file is uploaded and still being processed.
        Uploaded => "document.uploaded",
        /// Processing the document failed.
        Error => "document.error",
        /// Under external review.
        ExternalReview => "document.external_review",
        /// Scheduled to be sent.
        Scheduled => "document.scheduled",
    }
}
