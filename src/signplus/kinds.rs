//! The string enums of Sign.Plus: the delivered event name, the audit-trail
//! action, and the REST model's envelope enums for follow-up API calls.

use crate::wire_enum::string_enum;

string_enum! {
    /// The event a webhook was registered for, as delivered in `hook.event`.
    ///
    /// Sign.Plus registers webhooks with UPPER_SNAKE names (`ENVELOPE_COMPLETED`,
    /// the `WebhookEvent` of its REST API and SDKs) but delivers them in
    /// lower_snake (`envelope_completed`). Both name the same event, so matching
    /// ignores ASCII case; the lower form is the wire value this crate writes.
    ///
    /// ```
    /// use esign_webhooks::signplus::EventKind;
    ///
    /// assert_eq!(EventKind::from_wire("envelope_completed"), EventKind::EnvelopeCompleted);
    /// assert_eq!(EventKind::from_wire("ENVELOPE_COMPLETED"), EventKind::EnvelopeCompleted);
    /// assert_eq!(EventKind::EnvelopeCompleted.as_str(), "envelope_completed");
    /// // An event this version does not know is kept as sent.
    /// assert_eq!(EventKind::from_wire("envelope_reminder_sent").as_str(), "envelope_reminder_sent");
    /// ```
    pub enum EventKind (case_insensitive) {
        /// Every recipient has signed: the envelope is completed.
        EnvelopeCompleted => "envelope_completed",
        /// A recipient declined: the envelope is declined.
        EnvelopeDeclined => "envelope_declined",
        /// The envelope reached its expiry date unsigned.
        EnvelopeExpired => "envelope_expired",
        /// The sender voided the envelope.
        EnvelopeVoided => "envelope_voided",
        /// A recipient acted on the envelope (viewed, signed, declined); see
        /// [`AuditAction`]. Added by Sign.Plus in January 2025.
        EnvelopeAuditTrail => "envelope_audit_trail",
    }
}

impl EventKind {
    /// The UPPER_SNAKE name used to register a webhook through the REST API
    /// (`POST /v2/webhook`, `{"event": "ENVELOPE_COMPLETED", "target": …}`).
    ///
    /// ```
    /// use esign_webhooks::signplus::EventKind;
    /// assert_eq!(EventKind::EnvelopeAuditTrail.registration_name(), "ENVELOPE_AUDIT_TRAIL");
    /// ```
    pub fn registration_name(&self) -> String {
        self.as_str().to_ascii_uppercase()
    }
}

string_enum! {
    /// What a recipient did, in `data.action` of an
    /// [`EnvelopeAuditTrail`](EventKind::EnvelopeAuditTrail) delivery.
    ///
    /// Sign.Plus documents these values in UPPER case. Matching nevertheless
    /// ignores ASCII case: the vendor already sends its event names in another
    /// case than it registers them, no two actions differ only by case, and a
    /// change of case on its side should not turn a known action into
    /// [`Unknown`](AuditAction::Unknown).
    ///
    /// ```
    /// use esign_webhooks::signplus::AuditAction;
    /// assert_eq!(AuditAction::from_wire("ENVELOPE_SIGNED"), AuditAction::EnvelopeSigned);
    /// assert_eq!(AuditAction::from_wire("envelope_signed"), AuditAction::EnvelopeSigned);
    /// ```
    pub enum AuditAction (case_insensitive) {
        /// The recipient viewed the envelope.
        EnvelopeViewed => "ENVELOPE_VIEWED",
        /// The recipient signed the envelope.
        EnvelopeSigned => "ENVELOPE_SIGNED",
        /// The recipient declined the envelope. Distinct from the
        /// [`EnvelopeDeclined`](EventKind::EnvelopeDeclined) event, which is
        /// about the whole envelope.
        EnvelopeDeclined => "ENVELOPE_DECLINED",
    }
}

string_enum! {
    /// The status of an envelope in the Sign.Plus REST API (`Envelope.status`),
    /// for the follow-up call that confirms what a delivery announces. Not part
    /// of any delivery.
    pub enum EnvelopeStatus {
        /// Being prepared, not sent.
        Draft => "DRAFT",
        /// Sent, waiting for recipients.
        InProgress => "IN_PROGRESS",
        /// Every recipient has signed.
        Completed => "COMPLETED",
        /// Expired before completion.
        Expired => "EXPIRED",
        /// A recipient declined.
        Declined => "DECLINED",
        /// Voided by the sender.
        Voided => "VOIDED",
        /// Pending.
        Pending => "PENDING",
    }
}

string_enum! {
    /// A recipient's role in the Sign.Plus REST API (`Recipient.role`). Not
    /// part of any delivery.
    pub enum RecipientRole {
        /// Signs the envelope.
        Signer => "SIGNER",
        /// Receives a copy once completed.
        ReceivesCopy => "RECEIVES_COPY",
        /// Signs in person, in front of the sender.
        InPersonSigner => "IN_PERSON_SIGNER",
    }
}

string_enum! {
    /// How an envelope is signed, in the Sign.Plus REST API (`Envelope.flow_type`).
    /// Not part of any delivery.
    pub enum FlowType {
        /// Sent to recipients for signature.
        RequestSignature => "REQUEST_SIGNATURE",
        /// Signed by the sender alone.
        SignMyself => "SIGN_MYSELF",
    }
}

string_enum! {
    /// The legal level of the signatures, in the Sign.Plus REST API
    /// (`Envelope.legality_level`). Not part of any delivery.
    pub enum LegalityLevel {
        /// Simple electronic signature.
        Ses => "SES",
        /// Qualified electronic signature under eIDAS (EU).
        QesEidas => "QES_EIDAS",
        /// Qualified electronic signature under ZertES (Switzerland).
        QesZertes => "QES_ZERTES",
    }
}
