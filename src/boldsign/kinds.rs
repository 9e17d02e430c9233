//! The string enums of BoldSign webhooks, with the wire values of BoldSign's
//! .NET SDK (`BoldSign.Model.Webhook`). Matching ignores ASCII case, as the
//! SDK's JSON reader does; unknown values are kept as sent.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The event (`event.eventType`): the events of BoldSign's
    /// available-events page (<https://developers.boldsign.com/webhooks/available-events>)
    /// and of the .NET SDK's `WebHookEventType`.
    ///
    /// ```
    /// use esign_webhooks::boldsign::EventType;
    /// assert_eq!(EventType::from_wire("Completed"), EventType::Completed);
    /// assert_eq!(EventType::KbaFailed.as_str(), "KBAFailed");
    /// assert!(EventType::from_wire("DocumentArchived").is_unknown());
    /// ```
    pub enum EventType (case_insensitive) {
        /// The URL check sent when you press "Verify" on a webhook: answer 200
        /// within 10 s. Carries no `data`.
        Verification => "Verification",
        /// A signature request was sent to its recipients.
        Sent => "Sent",
        /// A recipient signed.
        Signed => "Signed",
        /// Every recipient signed: the document is completed.
        Completed => "Completed",
        /// A recipient declined.
        Declined => "Declined",
        /// The sender revoked the request.
        Revoked => "Revoked",
        /// A signer reassigned the document.
        Reassigned => "Reassigned",
        /// The request expired before completion.
        Expired => "Expired",
        /// A recipient viewed the document.
        Viewed => "Viewed",
        /// A signer failed authentication.
        AuthenticationFailed => "AuthenticationFailed",
        /// E-mail delivery to a recipient failed.
        DeliveryFailed => "DeliveryFailed",
        /// The request could not be sent.
        SendFailed => "SendFailed",
        /// A draft document was created.
        DraftCreated => "DraftCreated",
        /// The sender sent a reminder.
        Reminder => "Reminder",
        /// A sent document was edited.
        Edited => "Edited",
        /// Editing a sent document failed.
        EditFailed => "EditFailed",
        /// A signer saved their progress (SDK only).
        SignerSaved => "SignerSaved",
        /// A signer started identity verification.
        IdentityVerificationInitiated => "IdentityVerificationInitiated",
        /// A signer passed identity verification.
        IdentityVerificationSucceeded => "IdentityVerificationSucceeded",
        /// A signer failed identity verification.
        IdentityVerificationFailed => "IdentityVerificationFailed",
        /// A signer started knowledge-based authentication (SDK only).
        KbaInitiated => "KBAInitiated",
        /// A signer passed knowledge-based authentication (SDK only).
        KbaSucceeded => "KBASucceeded",
        /// A signer failed knowledge-based authentication (SDK only).
        KbaFailed => "KBAFailed",
        /// A sender identity was created.
        SenderIdentityCreated => "SenderIdentityCreated",
        /// A sender identity was updated or re-requested.
        SenderIdentityUpdated => "SenderIdentityUpdated",
        /// A sender identity was deleted.
        SenderIdentityDeleted => "SenderIdentityDeleted",
        /// A sender identity revoked its permission.
        SenderIdentityRevoked => "SenderIdentityRevoked",
        /// A sender identity accepted the invitation.
        SenderIdentityVerified => "SenderIdentityVerified",
        /// A sender identity rejected the invitation.
        SenderIdentityDenied => "SenderIdentityDenied",
        /// A template was created.
        TemplateCreated => "TemplateCreated",
        /// Creating a template failed.
        TemplateCreateFailed => "TemplateCreateFailed",
        /// A draft template was created.
        TemplateDraftCreated => "TemplateDraftCreated",
        /// Sending a request from a template failed.
        TemplateSendFailed => "TemplateSendFailed",
        /// A template was edited.
        TemplateEdited => "TemplateEdited",
    }
}

impl EventType {
    /// Every event (the registrar's wildcard).
    pub const ALL: Filter<EventType> = Filter::All;
}

string_enum! {
    /// Which BoldSign environment sent the event (`event.environment`).
    pub enum Environment (case_insensitive) {
        /// Sandbox.
        Test => "Test",
        /// Production.
        Live => "Live",
    }
}

string_enum! {
    /// What `data` is (`data.object`).
    pub enum ObjectType (case_insensitive) {
        /// A document (signature request).
        Document => "document",
        /// A template.
        Template => "template",
        /// A sender identity.
        SenderIdentity => "senderIdentity",
        /// A signer's identity verification.
        IdentityVerification => "identityVerification",
        /// A signer's knowledge-based authentication.
        KnowledgeBasedAuthentication => "knowledgeBasedAuthentication",
    }
}

string_enum! {
    /// A document's (or template's) status.
    pub enum DocumentStatus (case_insensitive) {
        /// Sent, not complete.
        InProgress => "InProgress",
        /// Every signer signed.
        Completed => "Completed",
        /// A signer declined.
        Declined => "Declined",
        /// Expired.
        Expired => "Expired",
        /// Revoked by the sender.
        Revoked => "Revoked",
        /// A draft.
        Draft => "Draft",
        /// Scheduled to be sent.
        Scheduled => "Scheduled",
    }
}

string_enum! {
    /// A signer's status.
    pub enum SignerStatus (case_insensitive) {
        /// No status.
        None => "None",
        /// Not signed yet.
        NotCompleted => "NotCompleted",
        /// Signed.
        Completed => "Completed",
        /// Declined.
        Declined => "Declined",
    }
}

string_enum! {
    /// Who triggered the event (`context.actor.userType`).
    pub enum UserType (case_insensitive) {
        /// The sender.
        Sender => "Sender",
        /// A signer.
        Signer => "Signer",
        /// An administrator.
        Admin => "Admin",
        /// The creator (of a template).
        Creator => "Creator",
        /// A sender identity.
        SenderIdentity => "SenderIdentity",
        /// A CC recipient.
        Cc => "Cc",
    }
}

string_enum! {
    /// How a failed delivery was attempted (`failedDeliveryMode`).
    pub enum FailedDeliveryMode (case_insensitive) {
        /// E-mail.
        Email => "Email",
        /// SMS.
        Sms => "SMS",
        /// WhatsApp.
        WhatsApp => "WhatsApp",
    }
}
