//! Ignisign's string enums: topics, actions per topic, message natures and the
//! enums the content DTOs use. Every enum keeps values it does not know in
//! `Unknown(String)`: Ignisign's public models lag its server.

use crate::wire_enum::string_enum;

string_enum! {
    /// The `topic` of a delivery (`IGNISIGN_WEBHOOK_TOPICS`): which kind of object the event is about.
    ///
    /// The SDK's wildcard `"ALL"` is a registration filter, never a topic Ignisign sends, so it
    /// has no variant (it would parse as `Unknown("ALL")`). The removed topic
    /// `"DOCUMENT_REQUEST"` also parses as `Unknown`.
    ///
    /// ```
    /// use esign_webhooks::ignisign::Topic;
    ///
    /// assert_eq!(Topic::from_wire("ID_PROOFING"), Topic::SignerIdProofing);
    /// assert_eq!(Topic::SignatureImage.as_str(), "SIGNATURE_SIGNER_IMAGE");
    /// assert!(Topic::from_wire("ALL").is_unknown());
    /// ```
    pub enum Topic {
        /// Application events (settings, membership, archiving).
        App => "APP",
        /// A signature was finalized or failed.
        Signature => "SIGNATURE",
        /// Lifecycle of a signature request.
        SignatureRequest => "SIGNATURE_REQUEST",
        /// A signer was created or received inputs.
        Signer => "SIGNER",
        /// A signature profile was created or archived.
        SignatureProfile => "SIGNATURE_PROFILE",
        /// A signature session was initialized.
        SignatureSession => "SIGNATURE_SESSION",
        /// A signature proof was generated (or failed to be).
        SignatureProof => "SIGNATURE_PROOF",
        /// A signer's signature image was generated. Ignisign's docs page calls this topic
        /// `SIGNATURE_IMAGE`, but the enum and the API send `SIGNATURE_SIGNER_IMAGE`.
        SignatureImage => "SIGNATURE_SIGNER_IMAGE",
        /// Identity proofing of a signer (member `SIGNER_ID_PROOFING`; no actions or content
        /// documented yet, "TODO: POSTPONED" in Ignisign's source).
        SignerIdProofing => "ID_PROOFING",
        /// Signer authentication (no actions or content documented yet, "TODO: POSTPONED").
        SignerAuth => "SIGNER_AUTH",
    }
}

string_enum! {
    /// Actions of topic [`Topic::App`] (`IGNISIGN_WEBHOOK_ACTION_APPLICATION`).
    pub enum ApplicationAction {
        /// The application's settings were updated.
        SettingsUpdated => "SETTINGS_UPDATED",
        /// The application's members changed.
        MembershipUpdated => "MEMBERSHIP_UPDATED",
        /// The application was archived.
        Archived => "ARCHIVED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::Signature`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE`).
    pub enum SignatureAction {
        /// A signer's signature of a document is finalized.
        Finalized => "FINALIZED",
        /// A signature failed.
        Failed => "FAILED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::SignatureRequest`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE_REQUEST`).
    pub enum SignatureRequestAction {
        /// The signature request was created.
        Initialized => "INITIALIZED",
        /// The signature request was updated.
        Updated => "UPDATED",
        /// The signature request is ready to be launched.
        Ready => "READY",
        /// The signature request was launched. With a signature profile in EMBEDDED integration
        /// mode this event **must** be handled: it carries each signer's session token.
        Launched => "LAUNCHED",
        /// The signature request failed.
        Failed => "FAILED",
        /// The signature request was cancelled. Sent only if nobody had signed yet; otherwise
        /// `COMPLETED` is sent.
        Cancelled => "CANCELLED",
        /// The signature request expired. Sent only if nobody had signed yet; otherwise
        /// `COMPLETED` is sent.
        Expired => "EXPIRED",
        /// The signature request is completed.
        Completed => "COMPLETED",
        /// Child signature requests were generated from this one.
        ChildrenGenerated => "CHILDREN_GENERATED",
        /// An approver step of the signature request was reached.
        ApproverStep => "APPROVER_STEP",
    }
}

string_enum! {
    /// Actions of topic [`Topic::Signer`] (`IGNISIGN_WEBHOOK_ACTION_SIGNER`).
    pub enum SignerAction {
        /// A signer was created.
        Created => "CREATED",
        /// Inputs were added to a signer (not sent when the signer is created).
        InputsAdded => "INPUTS_ADDED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::SignatureProfile`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE_PROFILE`).
    pub enum SignatureProfileAction {
        /// A signature profile was created.
        Created => "CREATED",
        /// A signature profile was archived.
        Archived => "ARCHIVED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::SignatureSession`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE_SESSION`).
    pub enum SignatureSessionAction {
        /// A signature session was initialized.
        Initialized => "INITIALIZED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::SignatureProof`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE_PROOF`).
    pub enum SignatureProofAction {
        /// The signature proof was generated (or, with message nature `ERROR`, failed to be).
        Generated => "GENERATED",
        /// The advanced signature proof of a document was generated.
        AdvGenerated => "ADV_GENERATED",
    }
}

string_enum! {
    /// Actions of topic [`Topic::SignatureImage`] (`IGNISIGN_WEBHOOK_ACTION_SIGNATURE_IMAGE`).
    pub enum SignatureImageAction {
        /// The signer's signature image was generated.
        Generated => "GENERATED",
    }
}

string_enum! {
    /// Actions of the removed topic `DOCUMENT_REQUEST` (`IGNISIGN_WEBHOOK_ACTION_DOCUMENT_REQUEST`).
    ///
    /// The topic left Ignisign's topics enum in 2024 but this action enum is still part of the
    /// action union; it is used only when a delivery's topic is the literal `"DOCUMENT_REQUEST"`.
    pub enum DocumentRequestAction {
        /// A requested document was provided.
        Provided => "PROVIDED",
    }
}

string_enum! {
    /// The `msgNature` of a delivery (`IGNISIGN_WEBHOOK_MESSAGE_NATURE`).
    ///
    /// Ignisign does not publish which nature each non-error event carries; error events
    /// carry `ERROR` and usually an [`IgnisignError`](super::IgnisignError).
    pub enum MsgNature {
        /// Information, e.g. a status update.
        Info => "INFO",
        /// A success, e.g. a completed signature session.
        Success => "SUCCESS",
        /// An action completed with warnings.
        Warning => "WARNING",
        /// An action failed.
        Error => "ERROR",
    }
}

string_enum! {
    /// An Ignisign application environment (`IGNISIGN_APPLICATION_ENV`).
    pub enum AppEnv {
        /// Development.
        Development => "DEVELOPMENT",
        /// Staging.
        Staging => "STAGING",
        /// Production.
        Production => "PRODUCTION",
    }
}

string_enum! {
    /// Status of a signature request (`IGNISIGN_SIGNATURE_REQUEST_STATUS`).
    pub enum SignatureRequestStatus {
        /// Being prepared.
        Draft => "DRAFT",
        /// Completed.
        Completed => "COMPLETED",
        /// Expired.
        Expired => "EXPIRED",
        /// Failed.
        Failed => "FAILED",
        /// Cancelled.
        Cancelled => "CANCELLED",
        /// Ready to be launched.
        Ready => "READY",
        /// Launched, waiting for signatures.
        InProgress => "IN_PROGRESS",
        /// Being processed.
        Processing => "PROCESSING",
        /// Child signature requests were generated.
        ChildrenGenerated => "CHILDREN_GENERATED",
        /// Being launched.
        Launching => "LAUNCHING",
        /// The launch failed.
        LaunchError => "LAUNCH_ERROR",
    }
}

string_enum! {
    /// Nature of a signed document (`IGNISIGN_DOCUMENT_TYPE`).
    pub enum DocumentType {
        /// A PDF document.
        Pdf => "PDF",
        /// An encrypted PDF document.
        PdfEncrypted => "PDF_ENCRYPTED",
        /// Any file.
        File => "FILE",
        /// JSON data.
        DataJson => "DATA_JSON",
        /// XML data.
        DataXml => "DATA_XML",
        /// A file kept private (full privacy mode: only its hash reaches Ignisign).
        PrivateFile => "PRIVATE_FILE",
    }
}

string_enum! {
    /// A signer input (`IGNISIGN_SIGNER_CREATION_INPUT_REF`), as listed in
    /// [`Signer::inputs_added`](super::Signer::inputs_added).
    ///
    /// Unlike the other enums, the wire values are camelCase field names.
    ///
    /// ```
    /// use esign_webhooks::ignisign::SignerInputRef;
    ///
    /// assert_eq!(SignerInputRef::from_wire("phoneNumber"), SignerInputRef::Phone);
    /// assert!(SignerInputRef::from_wire("PHONE").is_unknown());
    /// ```
    pub enum SignerInputRef {
        /// First name (member `FIRST_NAME`).
        FirstName => "firstName",
        /// Last name (member `LAST_NAME`).
        LastName => "lastName",
        /// E-mail address (member `EMAIL`).
        Email => "email",
        /// Phone number (member `PHONE`).
        Phone => "phoneNumber",
        /// Nationality (member `NATIONALITY`).
        Nationality => "nationality",
        /// Birth date (member `BIRTH_DATE`).
        BirthDate => "birthDate",
        /// Birth place (member `BIRTH_PLACE`).
        BirthPlace => "birthPlace",
        /// Birth country (member `BIRTH_COUNTRY`).
        BirthCountry => "birthCountry",
    }
}
