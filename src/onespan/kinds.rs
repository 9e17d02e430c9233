//! The OneSpan Sign callback event names.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `name`, as OneSpan Sign writes it (upper snake case).
    ///
    /// The list is the one OneSpan's "Setting Up Callback Notifications" page
    /// and its SDKs' `CallbackEvent` name; an event added later (or one a
    /// white-label adds) is kept as [`Unknown`](EventName::Unknown).
    ///
    /// ```
    /// use esign_webhooks::onespan::EventName;
    /// assert_eq!(EventName::from_wire("PACKAGE_COMPLETE"), EventName::PackageComplete);
    /// assert!(EventName::from_wire("DOCUMENT_VIEWED").is_unknown());
    /// ```
    pub enum EventName {
        /// A signer asked the sender for a co-browsing session (`phone`, `comment`).
        CobrowseRequest => "COBROWSE_REQUEST",
        /// A document was signed, or the consent or a disclosure accepted (`documentId`).
        DocumentSigned => "DOCUMENT_SIGNED",
        /// An e-mail to a signer bounced.
        EmailBounce => "EMAIL_BOUNCE",
        /// A signer failed knowledge-based authentication.
        KbaFailure => "KBA_FAILURE",
        /// The package (transaction) went from DRAFT or DELETED to SENT.
        PackageActivate => "PACKAGE_ACTIVATE",
        /// The package was archived.
        PackageArchive => "PACKAGE_ARCHIVE",
        /// A signer uploaded an attachment.
        PackageAttachment => "PACKAGE_ATTACHMENT",
        /// The package completed signing (`sessionUser`: the last signer).
        PackageComplete => "PACKAGE_COMPLETE",
        /// A package was created.
        PackageCreate => "PACKAGE_CREATE",
        /// The package went back from SENT to DRAFT.
        PackageDeactivate => "PACKAGE_DEACTIVATE",
        /// A signer declined (`message`: the reason).
        PackageDecline => "PACKAGE_DECLINE",
        /// The package was deleted.
        PackageDelete => "PACKAGE_DELETE",
        /// The package expired.
        PackageExpire => "PACKAGE_EXPIRE",
        /// A signer opted out of signing electronically (`message`: the reason).
        PackageOptOut => "PACKAGE_OPT_OUT",
        /// Every signer signed a package that the sender completes by hand.
        PackageReadyForComplete => "PACKAGE_READY_FOR_COMPLETE",
        /// The package was restored from the trash.
        PackageRestore => "PACKAGE_RESTORE",
        /// The package was moved to the trash.
        PackageTrash => "PACKAGE_TRASH",
        /// A signer's role was reassigned to someone else.
        RoleReassign => "ROLE_REASSIGN",
        /// A signer finished signing every document.
        SignerComplete => "SIGNER_COMPLETE",
        /// A signer was locked out (too many failed authentication attempts).
        SignerLocked => "SIGNER_LOCKED",
        /// A template was created.
        TemplateCreate => "TEMPLATE_CREATE",
    }
}

impl EventName {
    /// Every OneSpan Sign event name.
    pub const ALL: Filter<EventName> = Filter::All;
}
