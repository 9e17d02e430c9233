//! The SignNow event names.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// `meta.event`: the event a subscription (`POST /api/v2/events`) is for.
    ///
    /// Two scopes: `user.*` events fire for every document of the account
    /// (`entity_id` = the user), the others for one document or document
    /// group (`entity_id` = its id). The names are those of SignNow's
    /// webhook reference as collected by Pipedream's signNow component
    /// (third-party; see the module documentation). A name added later is
    /// kept as [`Unknown`](EventName::Unknown).
    ///
    /// ```
    /// use esign_webhooks::signnow::EventName;
    /// assert_eq!(EventName::from_wire("user.document.complete"), EventName::UserDocumentComplete);
    /// assert!(EventName::from_wire("user.document.archive").is_unknown());
    /// ```
    pub enum EventName {
        /// Your account (user scope): every signer completed the document.
        UserDocumentComplete => "user.document.complete",
        /// Your account (user scope): a document was created.
        UserDocumentCreate => "user.document.create",
        /// Your account (user scope): a document was deleted.
        UserDocumentDelete => "user.document.delete",
        /// Your account (user scope): a document was opened.
        UserDocumentOpen => "user.document.open",
        /// Your account (user scope): a document was updated.
        UserDocumentUpdate => "user.document.update",
        /// Your account (user scope): a document was made from a template.
        UserTemplateCopy => "user.template.copy",
        /// Your account (user scope): a field invite (signing request) was created.
        UserDocumentFieldinviteCreate => "user.document.fieldinvite.create",
        /// Your account (user scope): a signer declined the invite.
        UserDocumentFieldinviteDecline => "user.document.fieldinvite.decline",
        /// Your account (user scope): a field invite was deleted (cancelled).
        UserDocumentFieldinviteDelete => "user.document.fieldinvite.delete",
        /// Your account (user scope): a signer reassigned the invite.
        UserDocumentFieldinviteReassign => "user.document.fieldinvite.reassign",
        /// Your account (user scope): a field invite was sent.
        UserDocumentFieldinviteSent => "user.document.fieldinvite.sent",
        /// Your account (user scope): a signer signed their fields.
        UserDocumentFieldinviteSigned => "user.document.fieldinvite.signed",
        /// Your account (user scope): a signer was replaced.
        UserDocumentFieldinviteReplace => "user.document.fieldinvite.replace",
        /// Your account (user scope): a free-form invite was created.
        UserDocumentFreeformCreate => "user.document.freeform.create",
        /// Your account (user scope): a free-form invite was signed.
        UserDocumentFreeformSigned => "user.document.freeform.signed",
        /// Your account (user scope): a signer agreed to the e-signature consent.
        UserDocumentFieldinviteConsentAgreed => "user.document.fieldinvite.consent.agreed",
        /// Your account (user scope): a signer declined the e-signature consent.
        UserDocumentFieldinviteConsentDeclined => "user.document.fieldinvite.consent.declined",
        /// Your account (user scope): a signer withdrew their consent.
        UserDocumentFieldinviteConsentWithdrawn => "user.document.fieldinvite.consent.withdrawn",
        /// Your account (user scope): a signer failed authentication.
        UserDocumentFieldinviteAuthenticationFailed => "user.document.fieldinvite.authentication.failed",
        /// Your account (user scope): the invite e-mail could not be delivered.
        UserDocumentFieldinviteEmailDeliveryFailed => "user.document.fieldinvite.email.delivery.failed",
        /// Your account (user scope): an invite expired.
        UserInviteExpired => "user.invite.expired",
        /// Your account (user scope): a document group was created.
        UserDocumentGroupCreate => "user.document_group.create",
        /// Your account (user scope): a document group was updated.
        UserDocumentGroupUpdate => "user.document_group.update",
        /// Your account (user scope): every signer completed the document group.
        UserDocumentGroupComplete => "user.document_group.complete",
        /// Your account (user scope): a document group was deleted.
        UserDocumentGroupDelete => "user.document_group.delete",
        /// Your account (user scope): a document group invite was created.
        UserDocumentGroupInviteCreate => "user.document_group.invite.create",
        /// Your account (user scope): a document group invite was resent.
        UserDocumentGroupInviteResend => "user.document_group.invite.resend",
        /// Your account (user scope): a document group invite was updated.
        UserDocumentGroupInviteUpdate => "user.document_group.invite.update",
        /// Your account (user scope): a document group invite was cancelled.
        UserDocumentGroupInviteCancel => "user.document_group.invite.cancel",
        /// Your account (user scope): a signer declined the document group invite.
        UserDocumentGroupInviteDeclined => "user.document_group.invite.declined",
        /// Your account (user scope): a document group free-form invite was created.
        UserDocumentGroupFreeformCreate => "user.document_group.freeform.create",
        /// Your account (user scope): a document group free-form invite was resent.
        UserDocumentGroupFreeformResend => "user.document_group.freeform.resend",
        /// Your account (user scope): a document group free-form invite was signed.
        UserDocumentGroupFreeformSigned => "user.document_group.freeform.signed",
        /// Your account (user scope): a document group free-form invite was cancelled.
        UserDocumentGroupFreeformCancel => "user.document_group.freeform.cancel",
        /// Your account (user scope): a signer agreed to the e-signature consent.
        UserDocumentGroupInviteConsentAgreed => "user.document_group.invite.consent.agreed",
        /// Your account (user scope): a signer declined the e-signature consent.
        UserDocumentGroupInviteConsentDeclined => "user.document_group.invite.consent.declined",
        /// Your account (user scope): a signer withdrew their consent.
        UserDocumentGroupInviteConsentWithdrawn => "user.document_group.invite.consent.withdrawn",
        /// Your account (user scope): a signer failed authentication.
        UserDocumentGroupInviteAuthenticationFailed => "user.document_group.invite.authentication.failed",
        /// Your account (user scope): the invite e-mail could not be delivered.
        UserDocumentGroupInviteEmailDeliveryFailed => "user.document_group.invite.email.delivery.failed",
        /// One document or group (entity scope): every signer completed the document.
        DocumentComplete => "document.complete",
        /// One document or group (entity scope): a document was deleted.
        DocumentDelete => "document.delete",
        /// One document or group (entity scope): a document was opened.
        DocumentOpen => "document.open",
        /// One document or group (entity scope): a document was updated.
        DocumentUpdate => "document.update",
        /// One document or group (entity scope): a document was made from a template.
        TemplateCopy => "template.copy",
        /// One document or group (entity scope): a field invite (signing request) was created.
        DocumentFieldinviteCreate => "document.fieldinvite.create",
        /// One document or group (entity scope): a signer declined the invite.
        DocumentFieldinviteDecline => "document.fieldinvite.decline",
        /// One document or group (entity scope): a field invite was deleted (cancelled).
        DocumentFieldinviteDelete => "document.fieldinvite.delete",
        /// One document or group (entity scope): a signer reassigned the invite.
        DocumentFieldinviteReassign => "document.fieldinvite.reassign",
        /// One document or group (entity scope): a field invite was sent.
        DocumentFieldinviteSent => "document.fieldinvite.sent",
        /// One document or group (entity scope): a signer signed their fields.
        DocumentFieldinviteSigned => "document.fieldinvite.signed",
        /// One document or group (entity scope): a signer was replaced.
        DocumentFieldinviteReplace => "document.fieldinvite.replace",
        /// One document or group (entity scope): a free-form invite was created.
        DocumentFreeformCreate => "document.freeform.create",
        /// One document or group (entity scope): a free-form invite was signed.
        DocumentFreeformSigned => "document.freeform.signed",
        /// One document or group (entity scope): a signer agreed to the e-signature consent.
        DocumentFieldinviteConsentAgreed => "document.fieldinvite.consent.agreed",
        /// One document or group (entity scope): a signer declined the e-signature consent.
        DocumentFieldinviteConsentDeclined => "document.fieldinvite.consent.declined",
        /// One document or group (entity scope): a signer withdrew their consent.
        DocumentFieldinviteConsentWithdrawn => "document.fieldinvite.consent.withdrawn",
        /// One document or group (entity scope): a signer failed authentication.
        DocumentFieldinviteAuthenticationFailed => "document.fieldinvite.authentication.failed",
        /// One document or group (entity scope): the invite e-mail could not be delivered.
        DocumentFieldinviteEmailDeliveryFailed => "document.fieldinvite.email.delivery.failed",
        /// One document or group (entity scope): a document group was deleted.
        DocumentGroupDelete => "document_group.delete",
        /// One document or group (entity scope): a document group was updated.
        DocumentGroupUpdate => "document_group.update",
        /// One document or group (entity scope): every signer completed the document group.
        DocumentGroupComplete => "document_group.complete",
        /// One document or group (entity scope): a document group invite was created.
        DocumentGroupInviteCreate => "document_group.invite.create",
        /// One document or group (entity scope): a document group invite was resent.
        DocumentGroupInviteResend => "document_group.invite.resend",
        /// One document or group (entity scope): a document group invite was updated.
        DocumentGroupInviteUpdate => "document_group.invite.update",
        /// One document or group (entity scope): a document group invite was cancelled.
        DocumentGroupInviteCancel => "document_group.invite.cancel",
        /// One document or group (entity scope): a signer declined the document group invite.
        DocumentGroupInviteDeclined => "document_group.invite.declined",
        /// One document or group (entity scope): a document group free-form invite was created.
        DocumentGroupFreeformCreate => "document_group.freeform.create",
        /// One document or group (entity scope): a document group free-form invite was resent.
        DocumentGroupFreeformResend => "document_group.freeform.resend",
        /// One document or group (entity scope): a document group free-form invite was signed.
        DocumentGroupFreeformSigned => "document_group.freeform.signed",
        /// One document or group (entity scope): a document group free-form invite was cancelled.
        DocumentGroupFreeformCancel => "document_group.freeform.cancel",
        /// One document or group (entity scope): a signer agreed to the e-signature consent.
        DocumentGroupInviteConsentAgreed => "document_group.invite.consent.agreed",
        /// One document or group (entity scope): a signer declined the e-signature consent.
        DocumentGroupInviteConsentDeclined => "document_group.invite.consent.declined",
        /// One document or group (entity scope): a signer withdrew their consent.
        DocumentGroupInviteConsentWithdrawn => "document_group.invite.consent.withdrawn",
        /// One document or group (entity scope): a signer failed authentication.
        DocumentGroupInviteAuthenticationFailed => "document_group.invite.authentication.failed",
        /// One document or group (entity scope): the invite e-mail could not be delivered.
        DocumentGroupInviteEmailDeliveryFailed => "document_group.invite.email.delivery.failed",
    }
}

impl EventName {
    /// Every SignNow event name.
    pub const ALL: Filter<EventName> = Filter::All;
}
