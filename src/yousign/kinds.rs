//! The string enums of Yousign: the event name and the statuses a delivery carries.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The event, as sent in `event_name`.
    ///
    /// The first thirteen are documented by Yousign (its "follow the
    /// signature request's status" guide, the webhook reference pages, and the
    /// changelog that added `signature_request.deleted`, `.canceled` and
    /// `.reactivated`,
    /// <https://developers.yousign.com/changelog/new-webhooks-events-are-available>);
    /// the others come from third-party integrations and are marked so: they
    /// are known here so that they are typed when they arrive, not because
    /// Yousign promises them.
    ///
    /// ```
    /// use esign_webhooks::yousign::EventKind;
    /// assert_eq!(EventKind::from_wire("signature_request.done"), EventKind::SignatureRequestDone);
    /// assert_eq!(EventKind::from_wire("electronic_seal.done").as_str(), "electronic_seal.done");
    /// ```
    pub enum EventKind {
        /// The request went from draft to ongoing: it was sent.
        SignatureRequestActivated => "signature_request.activated",
        /// Every signer signed: the request is complete.
        SignatureRequestDone => "signature_request.done",
        /// The request expired before completion.
        SignatureRequestExpired => "signature_request.expired",
        /// A signer declined the request.
        SignatureRequestDeclined => "signature_request.declined",
        /// A reminder was sent to the signers who have not signed.
        SignatureRequestReminderExecuted => "signature_request.reminder_executed",
        /// Every approver approved the request.
        SignatureRequestApproved => "signature_request.approved",
        /// A signer signed (`data.signer` is the signer).
        SignerDone => "signer.done",
        /// A signer opened their signature link.
        SignerLinkOpened => "signer.link_opened",
        /// A signer was notified (with delivery mode `none`: is ready to be notified by you).
        SignerNotified => "signer.notified",
        /// Signing failed for a signer.
        SignerError => "signer.error",
        /// The sender cancelled the request (vendor changelog).
        SignatureRequestCanceled => "signature_request.canceled",
        /// The request was deleted (vendor changelog).
        SignatureRequestDeleted => "signature_request.deleted",
        /// The request was reactivated, e.g. after it expired (vendor changelog).
        SignatureRequestReactivated => "signature_request.reactivated",
        /// (third-party) An approver rejected the request.
        SignatureRequestRejected => "signature_request.rejected",
        /// (third-party) A signer declined.
        SignerDeclined => "signer.declined",
        /// (third-party) A notification e-mail to the signer bounced.
        SignerNotificationDeliveryFailed => "signer.notification_delivery_failed",
        /// (third-party) An approver was notified.
        ApproverNotified => "approver.notified",
        /// (third-party) An approver approved.
        ApproverApproved => "approver.approved",
        /// (third-party) An approver rejected.
        ApproverRejected => "approver.rejected",
    }
}

impl EventKind {
    /// Every Yousign event kind, for `handlers.yousign().on(EventKind::ALL, …)`.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// `data.signature_request.status` (the REST model's `status`).
    pub enum SignatureRequestStatus {
        /// Being prepared, not sent.
        Draft => "draft",
        /// Sent, waiting for signers.
        Ongoing => "ongoing",
        /// Every signer signed.
        Done => "done",
        /// Deleted.
        Deleted => "deleted",
        /// Expired before completion.
        Expired => "expired",
        /// Cancelled by the sender.
        Canceled => "canceled",
        /// Waiting for approvers.
        Approval => "approval",
        /// Rejected by an approver.
        Rejected => "rejected",
        /// Declined by a signer.
        Declined => "declined",
    }
}

string_enum! {
    /// A signer's status (`data.signer.status`, `signature_request.signers[].status`).
    pub enum SignerStatus {
        /// Created, not notified yet.
        Initiated => "initiated",
        /// Declined to sign.
        Declined => "declined",
        /// Notified (or, with delivery mode `none`, ready to be notified).
        Notified => "notified",
        /// Identity verified.
        Verified => "verified",
        /// The signature is being processed.
        Processing => "processing",
        /// Consent given, signing.
        ConsentGiven => "consent_given",
        /// Signed.
        Signed => "signed",
        /// The request was stopped before this signer signed.
        Aborted => "aborted",
        /// Signing failed.
        Error => "error",
    }
}

string_enum! {
    /// How signers are notified (`delivery_mode`).
    pub enum DeliveryMode {
        /// Yousign e-mails the signers.
        Email => "email",
        /// You notify the signers yourself (the signature link is in the webhook).
        Manual => "none",
    }
}
