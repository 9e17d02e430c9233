//! The string enums of DocuSign Connect: the JSON SIM event name and the
//! envelope and recipient statuses of `data.envelopeSummary`.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The JSON SIM event name (`event`), e.g. `envelope-completed`.
    ///
    /// The envelope and recipient events are DocuSign's event-trigger page
    /// (<https://developers.docusign.com/platform/webhooks/connect/event-triggers>);
    /// the template and click events are in the `events` list of
    /// `ConnectCustomConfiguration` in DocuSign's eSignature OpenAPI description
    /// (read through a generated client: DocuSign's own file is too large for
    /// the audit's snapshot); the workflow events are Workflow Builder's
    /// (<https://developers.docusign.com/docs/workflow-builder-api/workflow-builder101/monitor-workflow>),
    /// `extension-executed` the data-verification extension apps'
    /// (<https://developers.docusign.com/changelog/04-25-2025>). The SMS opt-in
    /// events are known from a third-party source only. Any other name is kept
    /// as [`Unknown`](EventKind::Unknown).
    ///
    /// The workflow, extension, click and SMS messages name no envelope
    /// (inference): every id of [`Data`](super::Data) is optional, so they
    /// parse, and they map to no lifecycle step.
    ///
    /// ```
    /// use esign_webhooks::docusign::EventKind;
    /// assert_eq!(EventKind::from_wire("envelope-completed"), EventKind::EnvelopeCompleted);
    /// assert_eq!(EventKind::RecipientCompleted.as_str(), "recipient-completed");
    /// assert!(EventKind::from_wire("envelope-reminder").is_unknown());
    /// ```
    pub enum EventKind {
        /// A draft envelope was created (not sent).
        EnvelopeCreated => "envelope-created",
        /// The envelope was sent to its first recipients.
        EnvelopeSent => "envelope-sent",
        /// The envelope was resent.
        EnvelopeResent => "envelope-resent",
        /// Every recipient has opened the envelope.
        EnvelopeDelivered => "envelope-delivered",
        /// Every recipient has completed their actions: the envelope is complete.
        EnvelopeCompleted => "envelope-completed",
        /// A recipient declined to sign: the envelope is declined.
        EnvelopeDeclined => "envelope-declined",
        /// The sender voided the envelope.
        EnvelopeVoided => "envelope-voided",
        /// The sender corrected the envelope.
        EnvelopeCorrected => "envelope-corrected",
        /// The envelope's documents were purged.
        EnvelopePurge => "envelope-purge",
        /// The envelope was deleted.
        EnvelopeDeleted => "envelope-deleted",
        /// A draft envelope was discarded.
        EnvelopeDiscard => "envelope-discard",
        /// The envelope was sent to this recipient.
        RecipientSent => "recipient-sent",
        /// The envelope was resent to this recipient.
        RecipientResent => "recipient-resent",
        /// The recipient opened the envelope.
        RecipientDelivered => "recipient-delivered",
        /// The recipient completed their actions, "typically (but not always)
        /// by signing". DocuSign has no `recipient-signed` event: this is it.
        RecipientCompleted => "recipient-completed",
        /// The recipient declined to sign.
        RecipientDeclined => "recipient-declined",
        /// The recipient failed the authentication (access code, ID check, …).
        RecipientAuthenticationFailed => "recipient-authenticationfailed",
        /// The notification e-mail to the recipient bounced or was auto-answered.
        RecipientAutoResponded => "recipient-autoresponded",
        /// The recipient delegated signing to someone else.
        RecipientDelegate => "recipient-delegate",
        /// The recipient reassigned the envelope to someone else.
        RecipientReassign => "recipient-reassign",
        /// The recipient chose "finish later".
        RecipientFinishLater => "recipient-finish-later",
        /// A template was created.
        TemplateCreated => "template-created",
        /// A template was modified.
        TemplateModified => "template-modified",
        /// A template was deleted.
        TemplateDeleted => "template-deleted",
        /// A signer agreed to a DocuSign Click clickwrap.
        ClickAgreed => "click-agreed",
        /// A signer declined a DocuSign Click clickwrap.
        ClickDeclined => "click-declined",
        /// A Workflow Builder (Maestro) workflow instance started (JSON SIM only).
        WorkflowStarted => "workflow-started",
        /// A Workflow Builder workflow instance failed (JSON SIM only).
        WorkflowFailed => "workflow-failed",
        /// A Workflow Builder workflow instance completed (JSON SIM only).
        WorkflowCompleted => "workflow-completed",
        /// A data-verification extension app ran (JSON SIM only).
        ExtensionExecuted => "extension-executed",
        /// A recipient opted in to SMS delivery (third-party source only).
        SmsOptIn => "sms-opt-in",
        /// A recipient opted out of SMS delivery (third-party source only).
        SmsOptOut => "sms-opt-out",
    }
}

impl EventKind {
    /// Every event (the registrar's wildcard).
    pub const ALL: Filter<EventKind> = Filter::All;

    /// `true` for the `recipient-…` events, whose `data` names one recipient.
    pub fn is_recipient_event(&self) -> bool {
        self.as_str().starts_with("recipient-")
    }
}

string_enum! {
    /// An envelope's status (`envelopeSummary.status`), as the eSignature REST
    /// API writes it.
    pub enum EnvelopeStatus {
        /// A draft.
        Created => "created",
        /// Sent to recipients.
        Sent => "sent",
        /// Every recipient has opened it.
        Delivered => "delivered",
        /// Every signer has signed (copies may still be pending).
        Signed => "signed",
        /// Complete.
        Completed => "completed",
        /// A recipient declined.
        Declined => "declined",
        /// Voided by the sender (or expired: DocuSign voids expired envelopes).
        Voided => "voided",
        /// Deleted.
        Deleted => "deleted",
    }
}

string_enum! {
    /// A recipient's status (`envelopeSummary.recipients.signers[].status`).
    pub enum RecipientStatus {
        /// Not yet sent to (routing order not reached).
        Created => "created",
        /// Sent to.
        Sent => "sent",
        /// Opened the envelope.
        Delivered => "delivered",
        /// Signed (the recipient's actions may not be complete).
        Signed => "signed",
        /// Completed their actions.
        Completed => "completed",
        /// Declined.
        Declined => "declined",
        /// The notification e-mail bounced or was auto-answered.
        AutoResponded => "autoresponded",
        /// Waiting for a fax.
        FaxPending => "faxpending",
    }
}
