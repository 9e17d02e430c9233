//! The string enums of Adobe Acrobat Sign notifications.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// `event`: what happened. Every event of Adobe's agreement, library,
    /// MegaSign and widget event pages; "new event types can be added at any
    /// time", and arrive as [`Unknown`](EventKind::Unknown).
    ///
    /// The `*_ALL` values are subscription names, not delivered events; they
    /// are listed so that a webhook's configuration reads typed too.
    ///
    /// ```
    /// use esign_webhooks::adobesign::EventKind;
    /// assert_eq!(EventKind::from_wire("AGREEMENT_WORKFLOW_COMPLETED"), EventKind::AgreementWorkflowCompleted);
    /// assert!(EventKind::from_wire("AGREEMENT_TELEPORTED").is_unknown());
    /// ```
    pub enum EventKind {
        /// Subscription to every agreement event, including future ones.
        AgreementAll => "AGREEMENT_ALL",
        /// An agreement or draft was created.
        AgreementCreated => "AGREEMENT_CREATED",
        /// An agreement was restarted.
        AgreementRestarted => "AGREEMENT_RESTARTED",
        /// An agreement was shared.
        AgreementShared => "AGREEMENT_SHARED",
        /// An agreement was unshared.
        AgreementUnshared => "AGREEMENT_UNSHARED",
        /// An agreement was unshared automatically.
        AgreementUnsharedAuto => "AGREEMENT_UNSHARED_AUTO",
        /// An agreement was modified.
        AgreementModified => "AGREEMENT_MODIFIED",
        /// A participant completed their part.
        AgreementParticipantCompleted => "AGREEMENT_PARTICIPANT_COMPLETED",
        /// A participant was replaced.
        AgreementParticipantReplaced => "AGREEMENT_PARTICIPANT_REPLACED",
        /// A signer was replaced.
        AgreementActionReplacedSigner => "AGREEMENT_ACTION_REPLACED_SIGNER",
        /// A participant delegated their action.
        AgreementActionDelegated => "AGREEMENT_ACTION_DELEGATED",
        /// An action (signature, approval…) was requested of a participant.
        AgreementActionRequested => "AGREEMENT_ACTION_REQUESTED",
        /// A participant completed an action (signed, approved…).
        AgreementActionCompleted => "AGREEMENT_ACTION_COMPLETED",
        /// The agreement was cancelled: its document could not be processed.
        AgreementAutoCancelledConversionProblem => "AGREEMENT_AUTO_CANCELLED_CONVERSION_PROBLEM",
        /// The agreement's documents were deleted.
        AgreementDocumentsDeleted => "AGREEMENT_DOCUMENTS_DELETED",
        /// An e-mail to a participant bounced.
        AgreementEmailBounced => "AGREEMENT_EMAIL_BOUNCED",
        /// A participant viewed the agreement's e-mail.
        AgreementEmailViewed => "AGREEMENT_EMAIL_VIEWED",
        /// A participant authenticated with an e-mail one-time password.
        AgreementEmailOtpAuthenticated => "AGREEMENT_EMAIL_OTP_AUTHENTICATED",
        /// The agreement was recalled after too many e-mail OTP attempts.
        AgreementRecalledMaxSigningEmailOtpAttempts => "AGREEMENT_RECALLED_MAX_SIGNING_EMAIL_OTP_ATTEMPTS",
        /// A reminder was initiated.
        AgreementReminderInitiated => "AGREEMENT_REMINDER_INITIATED",
        /// A reminder was sent.
        AgreementReminderSent => "AGREEMENT_REMINDER_SENT",
        /// An offline agreement was synchronised.
        AgreementOfflineSync => "AGREEMENT_OFFLINE_SYNC",
        /// A participant authenticated with a web identity.
        AgreementWebIdentityAuthenticated => "AGREEMENT_WEB_IDENTITY_AUTHENTICATED",
        /// A participant passed knowledge-based authentication.
        AgreementKbaAuthenticated => "AGREEMENT_KBA_AUTHENTICATED",
        /// The agreement is ready to be notarised.
        AgreementReadyToNotarize => "AGREEMENT_READY_TO_NOTARIZE",
        /// A participant acknowledged a modification.
        AgreementUserAckAgreementModified => "AGREEMENT_USER_ACK_AGREEMENT_MODIFIED",
        /// The agreement is ready to be vaulted.
        AgreementReadyToVault => "AGREEMENT_READY_TO_VAULT",
        /// The agreement was vaulted.
        AgreementVaulted => "AGREEMENT_VAULTED",
        /// A signer changed their name.
        AgreementSignerNameChangedBySigner => "AGREEMENT_SIGNER_NAME_CHANGED_BY_SIGNER",
        /// Every participant completed: the agreement is complete.
        AgreementWorkflowCompleted => "AGREEMENT_WORKFLOW_COMPLETED",
        /// The agreement was deleted.
        AgreementDeleted => "AGREEMENT_DELETED",
        /// The sender recalled (cancelled) the agreement.
        AgreementRecalled => "AGREEMENT_RECALLED",
        /// A participant rejected (declined) the agreement.
        AgreementRejected => "AGREEMENT_REJECTED",
        /// The agreement expired.
        AgreementExpired => "AGREEMENT_EXPIRED",
        /// The agreement's expiry date changed.
        AgreementExpirationUpdated => "AGREEMENT_EXPIRATION_UPDATED",
        /// A participant viewed the agreement's documents.
        AgreementDocumentsViewed => "AGREEMENT_DOCUMENTS_VIEWED",
        /// A participant viewed the password-protected documents.
        AgreementDocumentsViewedPasswordProtected => "AGREEMENT_DOCUMENTS_VIEWED_PASSWORD_PROTECTED",
        /// Subscription to every library event.
        LibraryAll => "LIBRARY_ALL",
        /// A library document (template) was created.
        LibraryDocumentCreated => "LIBRARY_DOCUMENT_CREATED",
        /// A library document was modified.
        LibraryDocumentModified => "LIBRARY_DOCUMENT_MODIFIED",
        /// A library document could not be processed.
        LibraryDocumentAutoCancelledConversionProblem => "LIBRARY_DOCUMENT_AUTO_CANCELLED_CONVERSION_PROBLEM",
        /// Subscription to every MegaSign event.
        MegasignAll => "MEGASIGN_ALL",
        /// A MegaSign was created.
        MegasignCreated => "MEGASIGN_CREATED",
        /// A MegaSign was recalled.
        MegasignRecalled => "MEGASIGN_RECALLED",
        /// A MegaSign was shared.
        MegasignShared => "MEGASIGN_SHARED",
        /// A MegaSign reminder was initiated.
        MegasignReminderInitiated => "MEGASIGN_REMINDER_INITIATED",
        /// A MegaSign reminder was sent.
        MegasignReminderSent => "MEGASIGN_REMINDER_SENT",
        /// Subscription to every widget event.
        WidgetAll => "WIDGET_ALL",
        /// A widget (web form) was created.
        WidgetCreated => "WIDGET_CREATED",
        /// A widget's document could not be processed.
        WidgetAutoCancelledConversionProblem => "WIDGET_AUTO_CANCELLED_CONVERSION_PROBLEM",
        /// A widget was disabled.
        WidgetDisabled => "WIDGET_DISABLED",
        /// A widget was enabled.
        WidgetEnabled => "WIDGET_ENABLED",
        /// A widget was modified.
        WidgetModified => "WIDGET_MODIFIED",
        /// A widget was shared.
        WidgetShared => "WIDGET_SHARED",
    }
}

impl EventKind {
    /// Every event kind, for `handlers.adobesign().on(EventKind::ALL, …)`.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// `agreement.status`: the agreement's state (the minimum payload's enum).
    pub enum AgreementStatus {
        /// Waiting for signatures.
        OutForSignature => "OUT_FOR_SIGNATURE",
        /// Signed by everyone.
        Signed => "SIGNED",
        /// Approved by everyone.
        Approved => "APPROVED",
        /// Accepted by everyone.
        Accepted => "ACCEPTED",
        /// Delivered to everyone.
        Delivered => "DELIVERED",
        /// Filled in by everyone.
        FormFilled => "FORM_FILLED",
        /// Aborted.
        Aborted => "ABORTED",
        /// Expired.
        Expired => "EXPIRED",
        /// Waiting for approvals.
        OutForApproval => "OUT_FOR_APPROVAL",
        /// Waiting for acceptance.
        OutForAcceptance => "OUT_FOR_ACCEPTANCE",
        /// Waiting for delivery.
        OutForDelivery => "OUT_FOR_DELIVERY",
        /// Waiting for form filling.
        OutForFormFilling => "OUT_FOR_FORM_FILLING",
        /// Cancelled (recalled, rejected or auto-cancelled).
        Cancelled => "CANCELLED",
    }
}

string_enum! {
    /// `participantRole`, and a participant set's `role`.
    pub enum ParticipantRole {
        /// The sender.
        Sender => "SENDER",
        /// A signer.
        Signer => "SIGNER",
        /// A signer's delegate.
        DelegateToSigner => "DELEGATE_TO_SIGNER",
        /// An approver.
        Approver => "APPROVER",
        /// An approver's delegate.
        DelegateToApprover => "DELEGATE_TO_APPROVER",
        /// An acceptor.
        Acceptor => "ACCEPTOR",
        /// An acceptor's delegate.
        DelegateToAcceptor => "DELEGATE_TO_ACCEPTOR",
        /// A form filler.
        FormFiller => "FORM_FILLER",
        /// A form filler's delegate.
        DelegateToFormFiller => "DELEGATE_TO_FORM_FILLER",
        /// A certified recipient.
        CertifiedRecipient => "CERTIFIED_RECIPIENT",
        /// A certified recipient's delegate.
        DelegateToCertifiedRecipient => "DELEGATE_TO_CERTIFIED_RECIPIENT",
        /// Someone the agreement is shared with.
        Share => "SHARE",
    }
}

string_enum! {
    /// `webhookScope`: what the webhook is registered on.
    pub enum WebhookScope {
        /// The whole account.
        Account => "ACCOUNT",
        /// A group.
        Group => "GROUP",
        /// A user.
        User => "USER",
        /// One resource.
        Resource => "RESOURCE",
    }
}
