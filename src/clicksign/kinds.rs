//! The Clicksign event names and statuses.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event.name` (also sent in the `Event` header).
    ///
    /// Clicksign adds events over time ("Com a evolução do sistema, as
    /// informações podem sofrer alterações"); a name this list lacks is kept
    /// as [`Unknown`](EventKind::Unknown).
    ///
    /// ```
    /// use esign_webhooks::clicksign::EventKind;
    /// assert_eq!(EventKind::from_wire("auto_close"), EventKind::AutoClose);
    /// assert!(EventKind::from_wire("signature_started_v2").is_unknown());
    /// ```
    pub enum EventKind {
        /// A document was uploaded.
        Upload => "upload",
        /// An image was added to the document.
        AddImage => "add_image",
        /// Signers were added to a document.
        AddSigner => "add_signer",
        /// Signers were removed from a document.
        RemoveSigner => "remove_signer",
        /// A signer signed.
        Sign => "sign",
        /// A signer started the signing flow.
        SignatureStarted => "signature_started",
        /// A signer refused the document.
        Refusal => "refusal",
        /// The document was closed (finalised) by hand.
        Close => "close",
        /// The document was closed automatically after the last signature.
        AutoClose => "auto_close",
        /// The signing deadline was reached: closed when signed at least once, else cancelled.
        Deadline => "deadline",
        /// The document is closed and its signed files are ready to download.
        DocumentClosed => "document_closed",
        /// The document was cancelled by hand.
        Cancel => "cancel",
        /// The deadline was changed.
        UpdateDeadline => "update_deadline",
        /// The automatic closing setting was changed.
        UpdateAutoClose => "update_auto_close",
        /// The document's language was changed.
        UpdateLocale => "update_locale",
        /// Token resends by WhatsApp were exhausted.
        AttemptsByWhatsappExceeded => "attempts_by_whatsapp_exceeded",
        /// Dynamic selfie or facial biometrics attempts were exhausted.
        AttemptsByLivenessOrFacematchExceeded => "attempts_by_liveness_or_facematch_exceeded",
        /// SERPRO facial biometrics refused the signer.
        BiometricRefused => "biometric_refused",
        /// Facial biometrics refused the signer.
        FacematchRefused => "facematch_refused",
        /// The OCR check refused the signer's document.
        OcrRefused => "ocr_refused",
        /// A WhatsApp acceptance is queued (the recipient has one in progress).
        AcceptanceTermEnqueued => "acceptance_term_enqueued",
        /// A WhatsApp acceptance was sent.
        AcceptanceTermSent => "acceptance_term_sent",
        /// A WhatsApp acceptance was accepted.
        AcceptanceTermCompleted => "acceptance_term_completed",
        /// A WhatsApp acceptance was refused by its recipient.
        AcceptanceTermRefused => "acceptance_term_refused",
        /// A WhatsApp acceptance was cancelled by its sender.
        AcceptanceTermCanceled => "acceptance_term_canceled",
        /// A WhatsApp acceptance expired.
        AcceptanceTermExpired => "acceptance_term_expired",
        /// A WhatsApp acceptance failed (Clicksign or WhatsApp error).
        AcceptanceTermError => "acceptance_term_error",
    }
}

impl EventKind {
    /// Every Clicksign event kind.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// A document's `status`.
    ///
    /// ```
    /// use esign_webhooks::clicksign::DocumentStatus;
    /// assert_eq!(DocumentStatus::from_wire("closed"), DocumentStatus::Closed);
    /// ```
    pub enum DocumentStatus {
        /// Open for signatures.
        Running => "running",
        /// Finalised.
        Closed => "closed",
        /// Cancelled.
        Canceled => "canceled",
    }
}

string_enum! {
    /// A WhatsApp acceptance's `status` (`sent` in Clicksign's example; the
    /// other values are kept as sent).
    pub enum AcceptanceStatus {
        /// Sent to the recipient.
        Sent => "sent",
    }
}
