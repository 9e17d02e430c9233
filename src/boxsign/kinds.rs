//! The Box Sign webhook triggers.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `trigger`: the Box Sign events of Box's V2 webhooks.
    /// Any other Box trigger a webhook may also carry (`FILE.UPLOADED`, …)
    /// is kept as [`Unknown`](EventKind::Unknown).
    ///
    /// ```
    /// use esign_webhooks::boxsign::EventKind;
    /// assert_eq!(EventKind::from_wire("SIGN_REQUEST.COMPLETED"), EventKind::Completed);
    /// assert!(EventKind::from_wire("FILE.UPLOADED").is_unknown());
    /// ```
    pub enum EventKind {
        /// Every signer signed: the sign request is complete.
        Completed => "SIGN_REQUEST.COMPLETED",
        /// A signer declined the sign request.
        Declined => "SIGN_REQUEST.DECLINED",
        /// The sign request expired unsigned.
        Expired => "SIGN_REQUEST.EXPIRED",
        /// The e-mail to a signer bounced.
        SignerEmailBounced => "SIGN_REQUEST.SIGNER_EMAIL_BOUNCED",
        /// One signer signed.
        SignerSigned => "SIGN_REQUEST.SIGNER_SIGNED",
        /// A signature was requested from one signer.
        SignatureRequested => "SIGN_REQUEST.SIGNATURE_REQUESTED",
        /// Box could not finalise the signed documents.
        ErrorFinalizing => "SIGN_REQUEST.ERROR_FINALIZING",
    }
}

impl EventKind {
    /// Every Box Sign trigger.
    pub const ALL: Filter<EventKind> = Filter::All;
}
