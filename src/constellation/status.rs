//! `Type` and `Status` of a Constellation1 eSign update: which table the
//! integer code belongs to, and the code itself.

use crate::wire_enum::{int_enum, string_enum};

int_enum! {
    /// A signing session's status (`SessionStatusType`), sent when
    /// `Type` is `"SessionStatus"`.
    ///
    /// ```
    /// use esign_webhooks::constellation::SessionStatus;
    /// assert_eq!(SessionStatus::from_code(3), SessionStatus::Completed);
    /// assert_eq!(SessionStatus::Completed.name(), "Completed");
    /// assert_eq!(SessionStatus::from_code(10), SessionStatus::Unknown(10));
    /// ```
    pub enum SessionStatus {
        /// The session is being prepared.
        InDraft = 1 => "InDraft",
        /// The session was sent to its signers.
        InSent = 2 => "InSent",
        /// Every signer has signed.
        Completed = 3 => "Completed",
        /// The session was cancelled.
        Cancelled = 4 => "Cancelled",
        /// The session was deleted.
        Deleted = 5 => "Deleted",
        /// The session is paused.
        InPaused = 6 => "InPaused",
        /// The session expired before completion.
        Expired = 7 => "Expired",
        /// The session's data was purged. Listed only on the newer version of
        /// the webhook page (and on the UpdateSession SOAP page).
        Purged = 8 => "Purged",
        /// The session was archived. Listed only on the newer version of the
        /// webhook page (and on the UpdateSession SOAP page).
        Archived = 9 => "Archived",
    }
}

int_enum! {
    /// A signer's status, sent when `Type` is `"SignerStatus"`; the signer is
    /// [`Data::signer_id`](super::Data::signer_id).
    ///
    /// ```
    /// use esign_webhooks::constellation::SignerStatus;
    /// assert_eq!(SignerStatus::from_code(6), SignerStatus::Declined);
    /// ```
    pub enum SignerStatus {
        /// The signer is waiting to be invited.
        PendingInvite = 1 => "PendingInvite",
        /// The signer was invited.
        Invited = 2 => "Invited",
        /// The signer has started signing.
        InProgress = 3 => "InProgress",
        /// The signer has signed.
        Completed = 4 => "Completed",
        /// The signer's part was cancelled.
        Cancelled = 5 => "Cancelled",
        /// The signer declined; [`Data::declined_reason`](super::Data::declined_reason)
        /// holds the reason the signer selected.
        Declined = 6 => "Declined",
        /// The signer delegated signing to someone else.
        Delegated = 7 => "Delegated",
        /// The signer failed authentication.
        AuthenticationFailed = 8 => "AuthenticationFailed",
    }
}

string_enum! {
    /// The `Type` of an update: which table its `Status` code belongs to.
    ///
    /// Matching ignores ASCII case, as the vendor's ASP.NET sample binds the
    /// body case-insensitively.
    ///
    /// ```
    /// use esign_webhooks::constellation::StatusType;
    /// assert_eq!(StatusType::from_wire("signerStatus"), StatusType::Signer);
    /// ```
    pub enum StatusType (case_insensitive) {
        /// `Status` is a [`SessionStatus`].
        Session => "SessionStatus",
        /// `Status` is a [`SignerStatus`].
        Signer => "SignerStatus",
    }
}

/// `Type` and `Status` together: a session status, a signer status, or a code
/// of a `Type` this version of the crate does not know.
///
/// ```
/// use esign_webhooks::constellation::{SessionStatus, Status, StatusType};
///
/// let status = Status::new(StatusType::from_wire("SessionStatus"), 3);
/// assert_eq!(status, Status::Session(SessionStatus::Completed));
/// assert_eq!(status.code(), 3);
/// assert_eq!(status.type_name(), "SessionStatus");
///
/// let other = Status::new(StatusType::from_wire("DocumentStatus"), 2);
/// assert!(matches!(other, Status::Other { code: 2, .. }));
/// assert_eq!(other.type_name(), "DocumentStatus");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// `Type` = `"SessionStatus"`.
    Session(SessionStatus),
    /// `Type` = `"SignerStatus"`.
    Signer(SignerStatus),
    /// A `Type` this version of the crate does not know, with its code. Only
    /// built for unknown types (see [`Status::new`]), so a known type is always
    /// matched by the variants above.
    #[non_exhaustive]
    Other {
        /// The `Type` as received (a [`StatusType::Unknown`]).
        status_type: StatusType,
        /// The `Status` code as received.
        code: i32,
    },
}

impl Status {
    /// Interprets `code` according to `status_type`.
    pub fn new(status_type: StatusType, code: i32) -> Status {
        match status_type {
            StatusType::Session => Status::Session(SessionStatus::from_code(code)),
            StatusType::Signer => Status::Signer(SignerStatus::from_code(code)),
            StatusType::Unknown(_) => Status::Other { status_type, code },
        }
    }

    /// The integer `Status` as sent.
    pub fn code(&self) -> i32 {
        match self {
            Status::Session(status) => status.code(),
            Status::Signer(status) => status.code(),
            Status::Other { code, .. } => *code,
        }
    }

    /// The `Type`.
    pub fn status_type(&self) -> StatusType {
        match self {
            Status::Session(_) => StatusType::Session,
            Status::Signer(_) => StatusType::Signer,
            Status::Other { status_type, .. } => status_type.clone(),
        }
    }

    /// The `Type` as written on the wire: `"SessionStatus"`, `"SignerStatus"`,
    /// or an unknown type as received.
    pub fn type_name(&self) -> &str {
        match self {
            // The wire values of `StatusType::Session` and `StatusType::Signer`.
            Status::Session(_) => "SessionStatus",
            Status::Signer(_) => "SignerStatus",
            Status::Other { status_type, .. } => status_type.as_str(),
        }
    }

    /// The session status, when `Type` is `"SessionStatus"`.
    pub fn session(&self) -> Option<SessionStatus> {
        match self {
            Status::Session(status) => Some(*status),
            _ => None,
        }
    }

    /// The signer status, when `Type` is `"SignerStatus"`.
    pub fn signer(&self) -> Option<SignerStatus> {
        match self {
            Status::Signer(status) => Some(*status),
            _ => None,
        }
    }
}
