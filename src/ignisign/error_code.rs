//! [`ErrorCode`]: the 349 values of Ignisign's `IGNISIGN_ERROR_CODES`.
//!
//! Generated from `error_codes.txt` (beside this file) by `tests/generated.rs`; wire values are kept
//! verbatim, misspellings included (`TOO_MANY_SIGNAURE_ATTEMPTS`, `SIGNER_MISING_CLAIMS`, …): they are
//! what the API sends. Do not edit by hand: edit `error_codes.txt`, then run
//! `REGENERATE=1 cargo test --test generated`.

use crate::wire_enum::string_enum;

string_enum! {
    /// An Ignisign error code (`IGNISIGN_ERROR_CODES`), as carried in [`IgnisignError::error_code`](super::IgnisignError::error_code).
    ///
    /// Variants are grouped as in Ignisign's source; each variant's doc names its group. Codes this
    /// version does not know are kept in [`ErrorCode::Unknown`].
    ///
    /// ```
    /// use esign_webhooks::ignisign::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::from_wire("TOO_MANY_SIGNAURE_ATTEMPTS"), ErrorCode::TooManySignaureAttempts);
    /// assert_eq!(ErrorCode::KNOWN.len(), 349);
    /// assert!(ErrorCode::from_wire("A_CODE_FROM_THE_FUTURE").is_unknown());
    /// ```
    pub enum ErrorCode {
        // General errors
        /// Group “General errors”.
        BadRequest => "BAD_REQUEST",
        /// Group “General errors”.
        InternalError => "INTERNAL_ERROR",
        /// Group “General errors”.
        UnauthorizedError => "UNAUTHORIZED_ERROR",
        /// Group “General errors”.
        NotYetImplemented => "NOT_YET_IMPLEMENTED",
        /// Group “General errors”.
        FieldInInputRequired => "FIELD_IN_INPUT_REQUIRED",
        /// Group “General errors”.
        BodyValidationFailed => "BODY_VALIDATION_FAILED",
        /// Group “General errors”.
        ParamsValidationFailed => "PARAMS_VALIDATION_FAILED",
        /// Group “General errors”.
        QueryValidationFailed => "QUERY_VALIDATION_FAILED",
        /// Group “General errors”.
        InvalidToken => "INVALID_TOKEN",
        /// Group “General errors”.
        UnknownError => "UNKNOWN_ERROR",
        /// Group “General errors”.
        EmailInvalid => "EMAIL_INVALID",
        // Context errors
        /// Group “Context errors”.
        AuthHeaderNotFound => "AUTH_HEADER_NOT_FOUND",
        /// Group “Context errors”.
        AuthHeaderNotBearer => "AUTH_HEADER_NOT_BEARER",
        /// Group “Context errors”.
        AuthHeaderNoToken => "AUTH_HEADER_NO_TOKEN",
        /// Group “Context errors”.
        AuthNoXIgnisignAppIdHeader => "AUTH_NO_X_IGNISIGN_APP_ID_HEADER",
        /// Group “Context errors”.
        AuthNoXIgnisignAppEnvHeader => "AUTH_NO_X_IGNISIGN_APP_ENV_HEADER",
        /// Group “Context errors”.
        InvalidContext => "INVALID_CONTEXT",
        // Rights errors
        /// Group “Rights errors”.
        InvalidContextUserNotAllowedInOrg => "INVALID_CONTEXT_USER_NOT_ALLOWED_IN_ORG",
        /// Group “Rights errors”.
        InvalidContextUserNotAllowedInApp => "INVALID_CONTEXT_USER_NOT_ALLOWED_IN_APP",
        /// Group “Rights errors”.
        InvalidContextTwoDocumentIdForbidden => "INVALID_CONTEXT_TWO_DOCUMENT_ID_FORBIDDEN",
        /// Group “Rights errors”.
        InvalidContextDocumentIdRequired => "INVALID_CONTEXT_DOCUMENT_ID_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextSignerIdRequired => "INVALID_CONTEXT_SIGNER_ID_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextApplicationAdminRequired => "INVALID_CONTEXT_APPLICATION_ADMIN_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextAppIdRequired => "INVALID_CONTEXT_APP_ID_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextAppEnvRequired => "INVALID_CONTEXT_APP_ENV_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextDocumentIdNotAllowed => "INVALID_CONTEXT_DOCUMENT_ID_NOT_ALLOWED",
        /// Group “Rights errors”.
        OutdatedAuthJwtToken => "OUTDATED_AUTH_JWT_TOKEN",
        /// Group “Rights errors”.
        InvalidAuthJwtToken => "INVALID_AUTH_JWT_TOKEN",
        /// Group “Rights errors”.
        RefreshTokenInvalidOrExpirated => "REFRESH_TOKEN_INVALID_OR_EXPIRATED",
        /// Group “Rights errors”.
        RefreshTokenExpirated => "REFRESH_TOKEN_EXPIRATED",
        /// Group “Rights errors”.
        AuthTokenNotAllowedToSign => "AUTH_TOKEN_NOT_ALLOWED_TO_SIGN",
        /// Group “Rights errors”.
        InvalidContextDocumentProviderDocumentIdRequired => "INVALID_CONTEXT_DOCUMENT_PROVIDER_DOCUMENT_ID_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextDocumentReaderDocumentIdRequired => "INVALID_CONTEXT_DOCUMENT_READER_DOCUMENT_ID_REQUIRED",
        /// Group “Rights errors”.
        InvalidContextRightNotAllowed => "INVALID_CONTEXT_RIGHT_NOT_ALLOWED",
        /// Group “Rights errors”.
        DocumentidAndTokenDoNotMatch => "DOCUMENTID_AND_TOKEN_DO_NOT_MATCH",
        /// Group “Rights errors”.
        UserBlocked => "USER_BLOCKED",
        // APP errors
        /// Group “APP errors”.
        AppNotFound => "APP_NOT_FOUND",
        /// Group “APP errors”.
        AppNotActivated => "APP_NOT_ACTIVATED",
        /// Group “APP errors”.
        AppBlocked => "APP_BLOCKED",
        /// Group “APP errors”.
        AppEnvConfigNotFound => "APP_ENV_CONFIG_NOT_FOUND",
        /// Group “APP errors”.
        AppOptConfigNotFound => "APP_OPT_CONFIG_NOT_FOUND",
        /// Group “APP errors”.
        AppSettingsNotFound => "APP_SETTINGS_NOT_FOUND",
        /// Group “APP errors”.
        AppConfigNotValid => "APP_CONFIG_NOT_VALID",
        /// Group “APP errors”.
        AppConfigNotFound => "APP_CONFIG_NOT_FOUND",
        /// Group “APP errors”.
        InvalidSignatureProfileCreation => "INVALID_SIGNATURE_PROFILE_CREATION",
        /// Group “APP errors”.
        AtLeastOneAppMustBeActivePerOrg => "AT_LEAST_ONE_APP_MUST_BE_ACTIVE_PER_ORG",
        /// Group “APP errors”.
        SsoConfigNotFound => "SSO_CONFIG_NOT_FOUND",
        /// Group “APP errors”.
        ApiKeyNotFound => "API_KEY_NOT_FOUND",
        // ORGANIZATION errors
        /// Group “ORGANIZATION errors”.
        OrganizationBillingConfigurationMissing => "ORGANIZATION_BILLING_CONFIGURATION_MISSING",
        /// Group “ORGANIZATION errors”.
        OrganizationNotFound => "ORGANIZATION_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        OrganizationNotActivated => "ORGANIZATION_NOT_ACTIVATED",
        /// Group “ORGANIZATION errors”.
        OrganizationConfigurationNotFound => "ORGANIZATION_CONFIGURATION_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        OrganizationBlocked => "ORGANIZATION_BLOCKED",
        /// Group “ORGANIZATION errors”.
        OrganizationUserNotFound => "ORGANIZATION_USER_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        WebhookNotFound => "WEBHOOK_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        WebhookEventNotFound => "WEBHOOK_EVENT_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        OrganizationMemberNotFound => "ORGANIZATION_MEMBER_NOT_FOUND",
        /// Group “ORGANIZATION errors”.
        TokenAndUserDoNotMatch => "TOKEN_AND_USER_DO_NOT_MATCH",
        /// Group “ORGANIZATION errors”.
        UserNotAllowedToGetApplications => "USER_NOT_ALLOWED_TO_GET_APPLICATIONS",
        /// Group “ORGANIZATION errors”.
        OrganizationDelegatedRightsNotValidated => "ORGANIZATION_DELEGATED_RIGHTS_NOT_VALIDATED",
        /// Group “ORGANIZATION errors”.
        OrgBlocked => "ORG_BLOCKED",
        /// Group “ORGANIZATION errors”.
        InvalidSsoConfigSettings => "INVALID_SSO_CONFIG_SETTINGS",
        /// Group “ORGANIZATION errors”.
        AnOrganizationMustHaveAtLeastOneAdmin => "AN_ORGANIZATION_MUST_HAVE_AT_LEAST_ONE_ADMIN",
        // Auth errors
        /// Group “Auth errors”.
        AuthenticationFailed => "AUTHENTICATION_FAILED",
        /// Group “Auth errors”.
        SignatureAuthTooManyAttempts => "SIGNATURE_AUTH_TOO_MANY_ATTEMPTS",
        /// Group “Auth errors”.
        SignatureProfileNeedBillingButOrganizationBillingNotActive => "SIGNATURE_PROFILE_NEED_BILLING_BUT_ORGANIZATION_BILLING_NOT_ACTIVE",
        /// Group “Auth errors”.
        OrganizationBillingNotActive => "ORGANIZATION_BILLING_NOT_ACTIVE",
        // Certificate errors
        /// Group “Certificate errors”.
        CertificateNotFound => "CERTIFICATE_NOT_FOUND",
        /// Group “Certificate errors”.
        FailedToCreateCertificate => "FAILED_TO_CREATE_CERTIFICATE",
        /// Group “Certificate errors”.
        FailedToRevokeCertificate => "FAILED_TO_REVOKE_CERTIFICATE",
        /// Group “Certificate errors”.
        FailedToGetAvailableKeysCount => "FAILED_TO_GET_AVAILABLE_KEYS_COUNT",
        /// Group “Certificate errors”.
        FailedToGenerateAvailableKeysCount => "FAILED_TO_GENERATE_AVAILABLE_KEYS_COUNT",
        // Document errors
        /// Group “Document errors”.
        DocumentNotFound => "DOCUMENT_NOT_FOUND",
        /// Group “Document errors”.
        DocumentBadNature => "DOCUMENT_BAD_NATURE",
        /// Group “Document errors”.
        DocumentNotOwnedByApp => "DOCUMENT_NOT_OWNED_BY_APP",
        /// Group “Document errors”.
        DocumentBadEnv => "DOCUMENT_BAD_ENV",
        /// Group “Document errors”.
        DocumentBadStatus => "DOCUMENT_BAD_STATUS",
        /// Group “Document errors”.
        DocumentNotAllowedToSignBySigner => "DOCUMENT_NOT_ALLOWED_TO_SIGN_BY_SIGNER",
        /// Group “Document errors”.
        DocumentLocked => "DOCUMENT_LOCKED",
        /// Group “Document errors”.
        DocumentInfected => "DOCUMENT_INFECTED",
        /// Group “Document errors”.
        DocumentNotProvided => "DOCUMENT_NOT_PROVIDED",
        /// Group “Document errors”.
        FileTooLarge => "FILE_TOO_LARGE",
        /// Group “Document errors”.
        FailedToDownloadDocument => "FAILED_TO_DOWNLOAD_DOCUMENT",
        /// Group “Document errors”.
        JsonInvalid => "JSON_INVALID",
        /// Group “Document errors”.
        DocumentHasBeenRemoved => "DOCUMENT_HAS_BEEN_REMOVED",
        // Document request errors
        /// Group “Document request errors”.
        DocumentRequestCancelled => "DOCUMENT_REQUEST_CANCELLED",
        /// Group “Document request errors”.
        DocumentRequestValidated => "DOCUMENT_REQUEST_VALIDATED",
        /// Group “Document request errors”.
        DocumentRequestNotFound => "DOCUMENT_REQUEST_NOT_FOUND",
        /// Group “Document request errors”.
        DocumentHaveNoRequest => "DOCUMENT_HAVE_NO_REQUEST",
        // ID_PROOFING errors
        /// Group “ID_PROOFING errors”.
        IdProofingFailed => "ID_PROOFING_FAILED",
        /// Group “ID_PROOFING errors”.
        IdProofingBadResult => "ID_PROOFING_BAD_RESULT",
        /// Group “ID_PROOFING errors”.
        IdProofingNotFound => "ID_PROOFING_NOT_FOUND",
        /// Group “ID_PROOFING errors”.
        IdProofingProcessingFailed => "ID_PROOFING_PROCESSING_FAILED",
        /// Group “ID_PROOFING errors”.
        CannotRejectIdProofing => "CANNOT_REJECT_ID_PROOFING",
        /// Group “ID_PROOFING errors”.
        IdProofingProviderBadProcessing => "ID_PROOFING_PROVIDER_BAD_PROCESSING",
        /// Group “ID_PROOFING errors”.
        ActionOnlyAvailableOnMobile => "ACTION_ONLY_AVAILABLE_ON_MOBILE",
        /// Group “ID_PROOFING errors”.
        SingleAuthCannotFindMethodImplementation => "SINGLE_AUTH_CANNOT_FIND_METHOD_IMPLEMENTATION",
        /// Group “ID_PROOFING errors”.
        IdProofingCannotFindMethodImplementation => "ID_PROOFING_CANNOT_FIND_METHOD_IMPLEMENTATION",
        /// Group “ID_PROOFING errors”.
        IdProofingMethodRequirementsMismatch => "ID_PROOFING_METHOD_REQUIREMENTS_MISMATCH",
        /// Group “ID_PROOFING errors”.
        IdProofingExecutionModeForbidden => "ID_PROOFING_EXECUTION_MODE_FORBIDDEN",
        /// Group “ID_PROOFING errors”.
        IdProofingExecutionModeNeedToBeImplemented => "ID_PROOFING_EXECUTION_MODE_NEED_TO_BE_IMPLEMENTED",
        /// Group “ID_PROOFING errors”.
        IdProofingSignerConfirmationNoRequired => "ID_PROOFING_SIGNER_CONFIRMATION_NO_REQUIRED",
        /// Group “ID_PROOFING errors”.
        IdProofingPhoneNumberAlreadyVerified => "ID_PROOFING_PHONE_NUMBER_ALREADY_VERIFIED",
        /// Group “ID_PROOFING errors”.
        IdProofingProviderMethodNotImplemented => "ID_PROOFING_PROVIDER_METHOD_NOT_IMPLEMENTED",
        /// Group “ID_PROOFING errors”.
        TokenAlreadyConsumed => "TOKEN_ALREADY_CONSUMED",
        /// Group “ID_PROOFING errors”.
        TokenExpired => "TOKEN_EXPIRED",
        /// Group “ID_PROOFING errors”.
        TokenNotFound => "TOKEN_NOT_FOUND",
        /// Group “ID_PROOFING errors”.
        TokenInvalid => "TOKEN_INVALID",
        /// Group “ID_PROOFING errors”.
        TooManySignaureAttempts => "TOO_MANY_SIGNAURE_ATTEMPTS",
        // OPT errors
        /// Group “OPT errors”.
        OtpNotFound => "OTP_NOT_FOUND",
        /// Group “OPT errors”.
        OtpAlreadyConsumed => "OTP_ALREADY_CONSUMED",
        /// Group “OPT errors”.
        OtpExpired => "OTP_EXPIRED",
        /// Group “OPT errors”.
        OtpInvalidAction => "OTP_INVALID_ACTION",
        /// Group “OPT errors”.
        OtpSendMethodNotSupported => "OTP_SEND_METHOD_NOT_SUPPORTED",
        /// Group “OPT errors”.
        OtpInvalidValue => "OTP_INVALID_VALUE",
        /// Group “OPT errors”.
        OtpSendMethodDismiss => "OTP_SEND_METHOD_DISMISS",
        // Signature errors
        /// Group “Signature errors”.
        SignatureNotFound => "SIGNATURE_NOT_FOUND",
        /// Group “Signature errors”.
        InvalidSignature => "INVALID_SIGNATURE",
        /// Group “Signature errors”.
        SignatureStepNotFound => "SIGNATURE_STEP_NOT_FOUND",
        /// Group “Signature errors”.
        PhoneSignatureIsInvalid => "PHONE_SIGNATURE_IS_INVALID",
        /// Group “Signature errors”.
        DocumentSignatureFailed => "DOCUMENT_SIGNATURE_FAILED",
        /// Group “Signature errors”.
        AsicsGenerateSignaturesFileFailed => "ASICS_GENERATE_SIGNATURES_FILE_FAILED",
        /// Group “Signature errors”.
        SignatureSessionCreationFailed => "SIGNATURE_SESSION_CREATION_FAILED",
        /// Group “Signature errors”.
        SignatureAuthRegistrationModeForbidden => "SIGNATURE_AUTH_REGISTRATION_MODE_FORBIDDEN",
        /// Group “Signature errors”.
        SignatureAuthRegistrationNeedToBeImplemented => "SIGNATURE_AUTH_REGISTRATION_NEED_TO_BE_IMPLEMENTED",
        /// Group “Signature errors”.
        SignatureAuthRegistrationProviderNeedToBeImplemented => "SIGNATURE_AUTH_REGISTRATION_PROVIDER_NEED_TO_BE_IMPLEMENTED",
        /// Group “Signature errors”.
        SignatureAuthNeedToBeImplemented => "SIGNATURE_AUTH_NEED_TO_BE_IMPLEMENTED",
        /// Group “Signature errors”.
        SignatureAuthExecutionModeForbidden => "SIGNATURE_AUTH_EXECUTION_MODE_FORBIDDEN",
        /// Group “Signature errors”.
        SignatureAuthBadResponseToken => "SIGNATURE_AUTH_BAD_RESPONSE_TOKEN",
        /// Group “Signature errors”.
        SignatureAuthBadResponse => "SIGNATURE_AUTH_BAD_RESPONSE",
        /// Group “Signature errors”.
        SignatureAuthFailed => "SIGNATURE_AUTH_FAILED",
        /// Group “Signature errors”.
        SignatureAuthCannotFindOnSession => "SIGNATURE_AUTH_CANNOT_FIND_ON_SESSION",
        /// Group “Signature errors”.
        SignatureSessionNotFound => "SIGNATURE_SESSION_NOT_FOUND",
        /// Group “Signature errors”.
        SignatureSessionNotValid => "SIGNATURE_SESSION_NOT_VALID",
        /// Group “Signature errors”.
        SignatureSessionAlreadyCompleted => "SIGNATURE_SESSION_ALREADY_COMPLETED",
        /// Group “Signature errors”.
        SignatureSessionFailed => "SIGNATURE_SESSION_FAILED",
        /// Group “Signature errors”.
        SignatureSessionCancelled => "SIGNATURE_SESSION_CANCELLED",
        /// Group “Signature errors”.
        SignatureSessionExpired => "SIGNATURE_SESSION_EXPIRED",
        /// Group “Signature errors”.
        SignatureSessionInvalidKey => "SIGNATURE_SESSION_INVALID_KEY",
        /// Group “Signature errors”.
        SignatureBadFormat => "SIGNATURE_BAD_FORMAT",
        /// Group “Signature errors”.
        NoSignaturesFound => "NO_SIGNATURES_FOUND",
        /// Group “Signature errors”.
        OrganizationVersionMismatch => "ORGANIZATION_VERSION_MISMATCH",
        /// Group “Signature errors”.
        SignatureTokenInvalid => "SIGNATURE_TOKEN_INVALID",
        /// Group “Signature errors”.
        SignatureFailed => "SIGNATURE_FAILED",
        /// Group “Signature errors”.
        InvalidSignatureRequest => "INVALID_SIGNATURE_REQUEST",
        /// Group “Signature errors”.
        SignatureRequestNotFound => "SIGNATURE_REQUEST_NOT_FOUND",
        /// Group “Signature errors”.
        SignatureRequestCompleted => "SIGNATURE_REQUEST_COMPLETED",
        /// Group “Signature errors”.
        SignatureRequestCancelled => "SIGNATURE_REQUEST_CANCELLED",
        /// Group “Signature errors”.
        SignatureRequestFailed => "SIGNATURE_REQUEST_FAILED",
        /// Group “Signature errors”.
        SignatureRequestBadStatus => "SIGNATURE_REQUEST_BAD_STATUS",
        /// Group “Signature errors”.
        CannotPublishSignatureRequest => "CANNOT_PUBLISH_SIGNATURE_REQUEST",
        /// Group “Signature errors”.
        SignatureAuthRegistrationError => "SIGNATURE_AUTH_REGISTRATION_ERROR",
        // Signer errors
        /// Group “Signer errors”.
        SignerNotFound => "SIGNER_NOT_FOUND",
        /// Group “Signer errors”.
        SignerBadStatus => "SIGNER_BAD_STATUS",
        /// Group “Signer errors”.
        SignerMetadataNotFound => "SIGNER_METADATA_NOT_FOUND",
        /// Group “Signer errors”.
        SignerNotOwnedByApp => "SIGNER_NOT_OWNED_BY_APP",
        /// Group “Signer errors”.
        SignerBadEnv => "SIGNER_BAD_ENV",
        /// Group “Signer errors”.
        SignatureProfileNotFound => "SIGNATURE_PROFILE_NOT_FOUND",
        /// Group “Signer errors”.
        SignatureProfileArchived => "SIGNATURE_PROFILE_ARCHIVED",
        /// Group “Signer errors”.
        SignatureProfileRestricted => "SIGNATURE_PROFILE_RESTRICTED",
        /// Group “Signer errors”.
        SignerStatusCannotBeCreated => "SIGNER_STATUS_CANNOT_BE_CREATED",
        /// Group “Signer errors”.
        SignerStatusCannotBeActive => "SIGNER_STATUS_CANNOT_BE_ACTIVE",
        /// Group “Signer errors”.
        SignerStatusCannotBeBlocked => "SIGNER_STATUS_CANNOT_BE_BLOCKED",
        /// Group “Signer errors”.
        SignerStatusCannotBePending => "SIGNER_STATUS_CANNOT_BE_PENDING",
        /// Group “Signer errors”.
        SignerAlreadyExistOnThisDevice => "SIGNER_ALREADY_EXIST_ON_THIS_DEVICE",
        /// Group “Signer errors”.
        SignerMismatchAppOtpConfig => "SIGNER_MISMATCH_APP_OTP_CONFIG",
        /// Group “Signer errors”.
        SignerInitializationFailed => "SIGNER_INITIALIZATION_FAILED",
        /// Group “Signer errors”.
        FailedToCreateSigner => "FAILED_TO_CREATE_SIGNER",
        /// Group “Signer errors”.
        SignerNotAllowed => "SIGNER_NOT_ALLOWED",
        /// Group “Signer errors”.
        SignerIncompatibleWithSignatureMethod => "SIGNER_INCOMPATIBLE_WITH_SIGNATURE_METHOD",
        /// Group “Signer errors”.
        SearchApplicationSignersInvalidFilter => "SEARCH_APPLICATION_SIGNERS_INVALID_FILTER",
        /// Group “Signer errors”.
        SignerClaimsConstraintsNotValidated => "SIGNER_CLAIMS_CONSTRAINTS_NOT_VALIDATED",
        /// Group “Signer errors”.
        SignerWebauthnInvalid => "SIGNER_WEBAUTHN_INVALID",
        /// Group “Signer errors”.
        SignerMisingClaims => "SIGNER_MISING_CLAIMS",
        /// Group “Signer errors”.
        SignerAlreadySigned => "SIGNER_ALREADY_SIGNED",
        /// Group “Signer errors”.
        SignerIdProofAlreadyDone => "SIGNER_ID_PROOF_ALREADY_DONE",
        /// Group “Signer errors”.
        SignerBlocked => "SIGNER_BLOCKED",
        // Signer profile
        /// Group “Signer profile”.
        SignerProfileNotFound => "SIGNER_PROFILE_NOT_FOUND",
        /// Group “Signer profile”.
        EmailDomainAlreadyUsedInAnotherSignerProfile => "EMAIL_DOMAIN_ALREADY_USED_IN_ANOTHER_SIGNER_PROFILE",
        /// Group “Signer profile”.
        SignerProfileInvalidSignatureMethod => "SIGNER_PROFILE__INVALID_SIGNATURE_METHOD",
        /// Group “Signer profile”.
        SsoConfigUseInSignerProfilesCannotBeArchived => "SSO_CONFIG_USE_IN_SIGNER_PROFILES_CANNOT_BE_ARCHIVED",
        /// Group “Signer profile”.
        ApplicationTypeNotAllowedToCreateSignerProfiles => "APPLICATION_TYPE_NOT_ALLOWED_TO_CREATE_SIGNER_PROFILES",
        /// Group “Signer profile”.
        SignerProfileMethodsNotAvailable => "SIGNER_PROFILE_METHODS_NOT_AVAILABLE",
        /// Group “Signer profile”.
        SignerProfileSsoConfigRequired => "SIGNER_PROFILE_SSO_CONFIG_REQUIRED",
        /// Group “Signer profile”.
        YouNeedUnlockOrgDelegationForUseThisIdProofings => "YOU_NEED_UNLOCK_ORG_DELEGATION_FOR_USE_THIS_ID_PROOFINGS",
        // Signature request errors
        /// Group “Signature request errors”.
        OnlyOneJsonPerSignatureRequestIsAllowed => "ONLY_ONE_JSON_PER_SIGNATURE_REQUEST_IS_ALLOWED",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestRequestAlreadyPublished => "CANNOT_PUBLISH_SIGNATURE_REQUEST__REQUEST_ALREADY_PUBLISHED",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestDiffusionDateInThePast => "CANNOT_PUBLISH_SIGNATURE_REQUEST__DIFFUSION_DATE_IN_THE_PAST",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestNoDocuments => "CANNOT_PUBLISH_SIGNATURE_REQUEST__NO_DOCUMENTS",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestNoSigners => "CANNOT_PUBLISH_SIGNATURE_REQUEST__NO_SIGNERS",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestNoDiffusionMode => "CANNOT_PUBLISH_SIGNATURE_REQUEST__NO_DIFFUSION_MODE",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestNoTitle => "CANNOT_PUBLISH_SIGNATURE_REQUEST__NO_TITLE",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestExpirationDateIsActivatedButExpirationDateIsMissing => "CANNOT_PUBLISH_SIGNATURE_REQUEST__EXPIRATION_DATE_IS_ACTIVATED_BUT_EXPIRATION_DATE_IS_MISSING",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestDiffusionModeIsScheduledButDiffusionDateIsMissing => "CANNOT_PUBLISH_SIGNATURE_REQUEST__DIFFUSION_MODE_IS_SCHEDULED_BUT_DIFFUSION_DATE_IS_MISSING",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestExpirationDateBeforeDiffusionDate => "CANNOT_PUBLISH_SIGNATURE_REQUEST__EXPIRATION_DATE_BEFORE_DIFFUSION_DATE",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestWithFullPrvacyDocAllSignersMustBeInSignerProfileIntegratedBySide => "CANNOT_PUBLISH_SIGNATURE_REQUEST__WITH_FULL_PRVACY_DOC_ALL_SIGNERS_MUST_BE_IN_SIGNER_PROFILE_INTEGRATED_BY_SIDE",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestNoDefaultSignatureMethod => "CANNOT_PUBLISH_SIGNATURE_REQUEST__NO_DEFAULT_SIGNATURE_METHOD",
        /// Group “Signature request errors”.
        FailedToLaunchSignatureRequestBecauseAllDocumentsAreNotProvided => "FAILED_TO_LAUNCH_SIGNATURE_REQUEST_BECAUSE_ALL_DOCUMENTS_ARE_NOT_PROVIDED",
        /// Group “Signature request errors”.
        FailedToLaunchSignatureRequestDocumentGenerationFromDataFailed => "FAILED_TO_LAUNCH_SIGNATURE_REQUEST_DOCUMENT_GENERATION_FROM_DATA_FAILED",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestAtLeastOneDocumentAreNotCreatedOrIsInvalid => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__AT_LEAST_ONE_DOCUMENT_ARE_NOT_CREATED_OR_IS_INVALID",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestAtLeastOneDocumentIsInFullPrivacyModeOrHaveADocumentRequestButHaveNoLabel => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__AT_LEAST_ONE_DOCUMENT_IS_IN_FULL_PRIVACY_MODE_OR_HAVE_A_DOCUMENT_REQUEST_BUT_HAVE_NO_LABEL",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestAtLeastOneDocumentHaveNoContent => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__AT_LEAST_ONE_DOCUMENT_HAVE_NO_CONTENT",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestAtLeastOneDocumentHaveAlreadyASignature => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__AT_LEAST_ONE_DOCUMENT_HAVE_ALREADY_A_SIGNATURE",
        /// Group “Signature request errors”.
        CannotPublishSignatureRequestExpirationDateInThePast => "CANNOT_PUBLISH_SIGNATURE_REQUEST__EXPIRATION_DATE_IN_THE_PAST",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignatureMethodsNotFound => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNATURE_METHODS_NOT_FOUND",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignatureMethodsNotActivated => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNATURE_METHODS_NOT_ACTIVATED",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignatureMethodsExecutionModeNotDefinedInSignatureMethod => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNATURE_METHODS_EXECUTION_MODE_NOT_DEFINED_IN_SIGNATURE_METHOD",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignatureMethodsExecutionModeNotAuthorizedInSignatureMethod => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNATURE_METHODS_EXECUTION_MODE_NOT_AUTHORIZED_IN_SIGNATURE_METHOD",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestFirstnameAndLastnameAreMandarytoryForAllSignerWithTheSignatureProfileRequested => "CANNOT_UPDATE_SIGNATURE_REQUEST__FIRSTNAME_AND_LASTNAME_ARE_MANDARYTORY_FOR_ALL_SIGNER_WITH_THE_SIGNATURE_PROFILE_REQUESTED",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestEmailIsMandatoryForAllSignersForTheSignatureProfileRequested => "CANNOT_UPDATE_SIGNATURE_REQUEST__EMAIL_IS_MANDATORY_FOR_ALL_SIGNERS_FOR_THE_SIGNATURE_PROFILE_REQUESTED",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestPhoneNumberIsMandatoryForAllSignersForTheSignatureProfileRequested => "CANNOT_UPDATE_SIGNATURE_REQUEST__PHONE_NUMBER_IS_MANDATORY_FOR_ALL_SIGNERS_FOR_THE_SIGNATURE_PROFILE_REQUESTED",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignerCannotBeCreatedMissingLastnameFirstName => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNER_CANNOT_BE_CREATED__MISSING_LASTNAME_FIRST_NAME",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignerCannotBeCreatedMissingEmail => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNER_CANNOT_BE_CREATED__MISSING_EMAIL",
        /// Group “Signature request errors”.
        CannotUpdateSignatureRequestSignerCannotBeCreatedPhoneNumber => "CANNOT_UPDATE_SIGNATURE_REQUEST__SIGNER_CANNOT_BE_CREATED__PHONE_NUMBER",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileLanguageCannotBeChanged => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__LANGUAGE_CANNOT_BE_CHANGED",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileStatementsNotAllowed => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__STATEMENTS_NOT_ALLOWED",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileDocumentTypesUsedNotIncludedInSignatureProfile => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__DOCUMENT_TYPES_USED_NOT_INCLUDED_IN_SIGNATURE_PROFILE",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileDocumentRequestNotAllowed => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__DOCUMENT_REQUEST_NOT_ALLOWED",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileExtendedAuthSessionNotAllowed => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__EXTENDED_AUTH_SESSION_NOT_ALLOWED",
        /// Group “Signature request errors”.
        SignatureRequestDtoNotMatchWithSignatureProfileSignerSetupAlreadyDone => "SIGNATURE_REQUEST_DTO_NOT_MATCH_WITH_SIGNATURE_PROFILE__SIGNER_SETUP_ALREADY_DONE",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestExpirationDateIsActivatedButNotProvided => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__EXPIRATION_DATE_IS_ACTIVATED_BUT_NOT_PROVIDED",
        /// Group “Signature request errors”.
        CannotUpdateOrPublishSignatureRequestDiffusionModeScheduledButNoDateProvided => "CANNOT_UPDATE_OR_PUBLISH_SIGNATURE_REQUEST__DIFFUSION_MODE_SCHEDULED_BUT_NO_DATE_PROVIDED",
        /// Group “Signature request errors”.
        SignatureRequestAlreadyCompleted => "SIGNATURE_REQUEST_ALREADY_COMPLETED",
        /// Group “Signature request errors”.
        SignatureRequestNotInProgress => "SIGNATURE_REQUEST_NOT_IN_PROGRESS",
        // Signer key errors
        /// Group “Signer key errors”.
        SignerKeyNotFound => "SIGNER_KEY_NOT_FOUND",
        /// Group “Signer key errors”.
        SignerAppKeyNotFound => "SIGNER_APP_KEY_NOT_FOUND",
        /// Group “Signer key errors”.
        SignerKeyPhoneUuidInvalid => "SIGNER_KEY_PHONE_UUID_INVALID",
        /// Group “Signer key errors”.
        FailedToCreateSignerKey => "FAILED_TO_CREATE_SIGNER_KEY",
        /// Group “Signer key errors”.
        SignerKeyNotOwnedBySigner => "SIGNER_KEY_NOT_OWNED_BY_SIGNER",
        /// Group “Signer key errors”.
        SignerKeyNotActive => "SIGNER_KEY_NOT_ACTIVE",
        /// Group “Signer key errors”.
        FailedToCreatePubkey => "FAILED_TO_CREATE_PUBKEY",
        /// Group “Signer key errors”.
        FailedToDeleteKey => "FAILED_TO_DELETE_KEY",
        /// Group “Signer key errors”.
        FailedToGetKeyInfos => "FAILED_TO_GET_KEY_INFOS",
        /// Group “Signer key errors”.
        EidasStatusNotAuthorized => "EIDAS_STATUS_NOT_AUTHORIZED",
        /// Group “Signer key errors”.
        SignerAssociateDeviceBadToken => "SIGNER_ASSOCIATE_DEVICE_BAD_TOKEN",
        /// Group “Signer key errors”.
        SignerAssociateDeviceFailed => "SIGNER_ASSOCIATE_DEVICE_FAILED",
        // SIGNER_CREATION
        /// Group “SIGNER_CREATION”.
        SignerCreationSignerAlreadyExists => "SIGNER_CREATION__SIGNER_ALREADY_EXISTS",
        /// Group “SIGNER_CREATION”.
        SignerCreationBasicAdvancedFullNameMustBeVerified => "SIGNER_CREATION__BASIC_ADVANCED__FULL_NAME_MUST_BE_VERIFIED",
        /// Group “SIGNER_CREATION”.
        SignerCreationNotYetImplemented => "SIGNER_CREATION__NOT_YET_IMPLEMENTED",
        /// Group “SIGNER_CREATION”.
        SignerCreationNotYetImplementedIgnisignEidasLevelQes => "SIGNER_CREATION__NOT_YET_IMPLEMENTED__IGNISIGN_EIDAS_LEVEL__QES",
        /// Group “SIGNER_CREATION”.
        SignerCreationNotYetImplementedOrganizationEntityTypeLegal => "SIGNER_CREATION__NOT_YET_IMPLEMENTED__ORGANIZATION_ENTITY_TYPE__LEGAL",
        /// Group “SIGNER_CREATION”.
        SignerCreationNotYetImplementedOrganizationEntityTypeVirtual => "SIGNER_CREATION__NOT_YET_IMPLEMENTED__ORGANIZATION_ENTITY_TYPE__VIRTUAL",
        /// Group “SIGNER_CREATION”.
        SignerCreationSignatureProfileArchived => "SIGNER_CREATION__SIGNATURE_PROFILE_ARCHIVED",
        /// Group “SIGNER_CREATION”.
        SignerCreationInputFieldMissing => "SIGNER_CREATION__INPUT_FIELD_MISSING",
        /// Group “SIGNER_CREATION”.
        SignerCreationInputFieldValueMissing => "SIGNER_CREATION__INPUT_FIELD_VALUE_MISSING",
        /// Group “SIGNER_CREATION”.
        SignerCreationInputFieldValueInvalid => "SIGNER_CREATION__INPUT_FIELD_VALUE_INVALID",
        /// Group “SIGNER_CREATION”.
        SignerCreationInputFieldAlreadyVerifiedMissing => "SIGNER_CREATION__INPUT_FIELD_ALREADY_VERIFIED_MISSING",
        /// Group “SIGNER_CREATION”.
        SignerCreationIdProofingMethodsNotMatchingContraints => "SIGNER_CREATION__ID_PROOFING_METHODS_NOT_MATCHING_CONTRAINTS",
        /// Group “SIGNER_CREATION”.
        PasskeyAlreadyRegistered => "PASSKEY_ALREADY_REGISTERED",
        /// Group “SIGNER_CREATION”.
        PhoneNumberNotSafe => "PHONE_NUMBER_NOT_SAFE",
        // user errors
        /// Group “user errors”.
        InvitedUserHasNoAccount => "INVITED_USER_HAS_NO_ACCOUNT",
        /// Group “user errors”.
        UserAlreadyInvitedByOrganization => "USER_ALREADY_INVITED_BY_ORGANIZATION",
        /// Group “user errors”.
        InvitedUserEmailNotMatchingCurrentUser => "INVITED_USER_EMAIL_NOT_MATCHING_CURRENT_USER",
        /// Group “user errors”.
        NoPendingUserInvitation => "NO_PENDING_USER_INVITATION",
        /// Group “user errors”.
        UserAlreadyInOrganization => "USER_ALREADY_IN_ORGANIZATION",
        /// Group “user errors”.
        UserAlreadyInApp => "USER_ALREADY_IN_APP",
        /// Group “user errors”.
        UserNotFound => "USER_NOT_FOUND",
        /// Group “user errors”.
        UserMustHaveOrganizations => "USER_MUST_HAVE_ORGANIZATIONS",
        /// Group “user errors”.
        EmailOrPasswordInvalid => "EMAIL_OR_PASSWORD_INVALID",
        /// Group “user errors”.
        UserAlreadyExist => "USER_ALREADY_EXIST",
        /// Group “user errors”.
        CredentialNotFound => "CREDENTIAL_NOT_FOUND",
        /// Group “user errors”.
        InvitedUserNotFound => "INVITED_USER_NOT_FOUND",
        /// Group “user errors”.
        UserPasswordAlreadySet => "USER_PASSWORD_ALREADY_SET",
        /// Group “user errors”.
        Oauth2ProviderDisabled => "OAUTH2_PROVIDER_DISABLED",
        /// Group “user errors”.
        UserTotpDisabled => "USER_TOTP_DISABLED",
        /// Group “user errors”.
        UserTotpInvalid => "USER_TOTP_INVALID",
        /// Group “user errors”.
        UserPasskeyInvalid => "USER_PASSKEY_INVALID",
        /// Group “user errors”.
        UserHaveNoTotpSecret => "USER_HAVE_NO_TOTP_SECRET",
        /// Group “user errors”.
        TotpTokenRequired => "TOTP_TOKEN_REQUIRED",
        /// Group “user errors”.
        TotpNotSetup => "TOTP_NOT_SETUP",
        /// Group “user errors”.
        PasskeyNotSetup => "PASSKEY_NOT_SETUP",
        /// Group “user errors”.
        EmailCantBeUsed => "EMAIL_CANT_BE_USED",
        /// Group “user errors”.
        TooManyAttemptsToChangeEmail => "TOO_MANY_ATTEMPTS_TO_CHANGE_EMAIL",
        /// Group “user errors”.
        TooMuchConnectionAttemps => "TOO_MUCH_CONNECTION_ATTEMPS",
        /// Group “user errors”.
        ApplicationMemberNotFound => "APPLICATION_MEMBER_NOT_FOUND",
        /// Group “user errors”.
        TwoFaMethodMustBeSetup => "TWO_FA_METHOD_MUST_BE_SETUP",
        /// Group “user errors”.
        PasskeyTokenRequired => "PASSKEY_TOKEN_REQUIRED",
        /// Group “user errors”.
        UserSsoNotEnabled => "USER_SSO_NOT_ENABLED",
        /// Group “user errors”.
        UserLoginOnlyWithSso => "USER_LOGIN_ONLY_WITH_SSO",
        /// Group “user errors”.
        UserMustLoginWithSso => "USER_MUST_LOGIN_WITH_SSO",
        // password errors
        /// Group “password errors”.
        PasswordMustContainAtLeast10Characters => "PASSWORD_MUST_CONTAIN_AT_LEAST_10_CHARACTERS",
        /// Group “password errors”.
        PasswordMustContainAtLeastOneNumber => "PASSWORD_MUST_CONTAIN_AT_LEAST_ONE_NUMBER",
        /// Group “password errors”.
        PasswordMustContainAtLeastOneSpecialChar => "PASSWORD_MUST_CONTAIN_AT_LEAST_ONE_SPECIAL_CHAR",
        /// Group “password errors”.
        PasswordMustContainAtLeastOneCapitalLetter => "PASSWORD_MUST_CONTAIN_AT_LEAST_ONE_CAPITAL_LETTER",
        /// Group “password errors”.
        PasswordMustContainAtLeastOneLowercaseLetter => "PASSWORD_MUST_CONTAIN_AT_LEAST_ONE_LOWERCASE_LETTER",
        /// Group “password errors”.
        PasswordMustNotExceed256Characters => "PASSWORD_MUST_NOT_EXCEED_256_CHARACTERS",
        // AUTH_ERRORS
        /// Group “AUTH_ERRORS”.
        GoogleOauthAccessTokenNotFound => "GOOGLE_OAUTH_ACCESS_TOKEN_NOT_FOUND",
        /// Group “AUTH_ERRORS”.
        GithubOauthAccessTokenNotFound => "GITHUB_OAUTH_ACCESS_TOKEN_NOT_FOUND",
        // SIGNER AUTHENTICATION
        /// Group “SIGNER AUTHENTICATION”.
        SignerAuthRegistrationNotFound => "SIGNER_AUTH_REGISTRATION_NOT_FOUND",
        /// Group “SIGNER AUTHENTICATION”.
        SignerTotpInvalid => "SIGNER_TOTP_INVALID",
        /// Group “SIGNER AUTHENTICATION”.
        SignerOtpInvalid => "SIGNER_OTP_INVALID",
        /// Group “SIGNER AUTHENTICATION”.
        SignerClaimNotFound => "SIGNER_CLAIM_NOT_FOUND",
        /// Group “SIGNER AUTHENTICATION”.
        SignerCodeInvalid => "SIGNER_CODE_INVALID",
        /// Group “SIGNER AUTHENTICATION”.
        AuthorizationOfCertificateDisemintationIsMandatory => "AUTHORIZATION_OF_CERTIFICATE_DISEMINTATION_IS_MANDATORY",
        // API_AUTH
        /// Group “API_AUTH”.
        ApiAuthBadRequest => "API_AUTH_BAD_REQUEST",
        /// Group “API_AUTH”.
        SendSms => "SEND_SMS",
        // SDK ERROR
        /// Group “SDK ERROR”.
        SdkGenericError => "SDK_GENERIC_ERROR",
        /// Group “SDK ERROR”.
        SdkNotInitialized => "SDK_NOT_INITIALIZED",
        /// Group “SDK ERROR”.
        SdkBadCredentials => "SDK_BAD_CREDENTIALS",
        /// Group “SDK ERROR”.
        SdkWebhookBadAppId => "SDK_WEBHOOK_BAD_APP_ID",
        /// Group “SDK ERROR”.
        SdkWebhookBadAppEnv => "SDK_WEBHOOK_BAD_APP_ENV",
        /// Group “SDK ERROR”.
        SdkWebhookBadFormatted => "SDK_WEBHOOK_BAD_FORMATTED",
        /// Group “SDK ERROR”.
        SdkWebhookVerificationFailed => "SDK_WEBHOOK_VERIFICATION_FAILED",
        // IGNISIGN_JS_ERROR
        /// Group “IGNISIGN_JS_ERROR”.
        IgnisignJsEventMalformed => "IGNISIGN_JS_EVENT_MALFORMED",
        /// Group “IGNISIGN_JS_ERROR”.
        IgnisignJsHandleEventError => "IGNISIGN_JS_HANDLE_EVENT_ERROR",
        // DOCUMENTS PROOF
        /// Group “DOCUMENTS PROOF”.
        DocumentProofNotFound => "DOCUMENT_PROOF_NOT_FOUND",
        /// Group “DOCUMENTS PROOF”.
        DocumentProofNotCreated => "DOCUMENT_PROOF_NOT_CREATED",
        /// Group “DOCUMENTS PROOF”.
        SignatureImageNotFound => "SIGNATURE_IMAGE_NOT_FOUND",
        /// Group “DOCUMENTS PROOF”.
        NoSignatureImagesFound => "NO_SIGNATURE_IMAGES_FOUND",
        /// Group “DOCUMENTS PROOF”.
        SignatureImageNotCreated => "SIGNATURE_IMAGE_NOT_CREATED",
        /// Group “DOCUMENTS PROOF”.
        SignatureImageNotOnError => "SIGNATURE_IMAGE_NOT_ON_ERROR",
        /// Group “DOCUMENTS PROOF”.
        SignatureProofNotOnError => "SIGNATURE_PROOF_NOT_ON_ERROR",
        /// Group “DOCUMENTS PROOF”.
        TokenAndDocumentDoNotMatch => "TOKEN_AND_DOCUMENT_DO_NOT_MATCH",
        /// Group “DOCUMENTS PROOF”.
        AdvancedProofNotGenerated => "ADVANCED_PROOF_NOT_GENERATED",
        /// Group “DOCUMENTS PROOF”.
        PdfTooSmallForAddingBinder => "PDF_TOO_SMALL_FOR_ADDING_BINDER",
        /// Group “DOCUMENTS PROOF”.
        DocumentPdfNotAllowed => "DOCUMENT_PDF_NOT_ALLOWED",
        /// Group “DOCUMENTS PROOF”.
        DocumentPdfOnlyAllowed => "DOCUMENT_PDF_ONLY_ALLOWED",
        /// Group “DOCUMENTS PROOF”.
        PdfCorrupted => "PDF_CORRUPTED",
        /// Group “DOCUMENTS PROOF”.
        SignatureProofTypeNotAvailable => "SIGNATURE_PROOF_TYPE_NOT_AVAILABLE",
        /// Group “DOCUMENTS PROOF”.
        DocumentProofHasBeenRemoved => "DOCUMENT_PROOF_HAS_BEEN_REMOVED",
        // SIGNATURE PROOF
        /// Group “SIGNATURE PROOF”.
        EmbeddedNotEnabled => "EMBEDDED_NOT_ENABLED",
        /// Group “SIGNATURE PROOF”.
        DataJsonNotEnabled => "DATA_JSON_NOT_ENABLED",
        /// Group “SIGNATURE PROOF”.
        FullPrivacyNotEnabled => "FULL_PRIVACY_NOT_ENABLED",
        /// Group “SIGNATURE PROOF”.
        QualifiedSignatureNotEnabled => "QUALIFIED_SIGNATURE_NOT_ENABLED",
        /// Group “SIGNATURE PROOF”.
        FeatureNotAvailable => "FEATURE_NOT_AVAILABLE",
        /// Group “SIGNATURE PROOF”.
        InvalidSignerAuthRegistration => "INVALID_SIGNER_AUTH_REGISTRATION",
        /// Group “SIGNATURE PROOF”.
        ForceRecurrentSignersRequired => "FORCE_RECURRENT_SIGNERS_REQUIRED",
        /// Group “SIGNATURE PROOF”.
        SignerNotSignedYet => "SIGNER_NOT_SIGNED_YET",
        /// Group “SIGNATURE PROOF”.
        GetPrivateFileErrorsDocumentHashDoesNotMatchProvidedOne => "GET_PRIVATE_FILE_ERRORS__DOCUMENT_HASH_DOES_NOT_MATCH_PROVIDED_ONE",
        /// Group “SIGNATURE PROOF”.
        GetPrivateFileErrorsNotAuthorizedToGet => "GET_PRIVATE_FILE_ERRORS__NOT_AUTHORIZED_TO_GET",
        /// Group “SIGNATURE PROOF”.
        GetPrivateFileErrorsCannotGetFile => "GET_PRIVATE_FILE_ERRORS__CANNOT_GET_FILE",
        // TEMPLATE DISPLAYER
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerCreationInvalidStatus => "TEMPLATE_DISPLAYER_CREATION_INVALID_STATUS",
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerCreationInvalidOutputPdfDimension => "TEMPLATE_DISPLAYER_CREATION_INVALID_OUTPUT_PDF_DIMENSION",
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerCreationInvalidOutputHtmlDimension => "TEMPLATE_DISPLAYER_CREATION_INVALID_OUTPUT_HTML_DIMENSION",
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerNotFound => "TEMPLATE_DISPLAYER_NOT_FOUND",
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerUpdateInvalidStatus => "TEMPLATE_DISPLAYER_UPDATE_INVALID_STATUS",
        /// Group “TEMPLATE DISPLAYER”.
        TemplateDisplayerArchiveInvalidStatus => "TEMPLATE_DISPLAYER_ARCHIVE_INVALID_STATUS",
        /// Group “TEMPLATE DISPLAYER”.
        CannotImportTemplateDisplayerInDevelopment => "CANNOT_IMPORT_TEMPLATE_DISPLAYER_IN_DEVELOPMENT",
        /// Group “TEMPLATE DISPLAYER”.
        JsonProvidedDoesNotMatchTheJsonSchema => "JSON_PROVIDED_DOES_NOT_MATCH_THE_JSON_SCHEMA",
        // OAUTH2 errors
        /// Group “OAUTH2 errors”.
        Oauth2InvalidState => "OAUTH2_INVALID_STATE",
        /// Group “OAUTH2 errors”.
        Oauth2ResponseTypeNotSupported => "OAUTH2_RESPONSE_TYPE_NOT_SUPPORTED",
        /// Group “OAUTH2 errors”.
        Oauth2ChallengeMethodNotSupported => "OAUTH2_CHALLENGE_METHOD_NOT_SUPPORTED",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidOrigin => "OAUTH2_INVALID_ORIGIN",
        /// Group “OAUTH2 errors”.
        Oauth2ClientNotFound => "OAUTH2_CLIENT_NOT_FOUND",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidResponseType => "OAUTH2_INVALID_RESPONSE_TYPE",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidRedirectUri => "OAUTH2_INVALID_REDIRECT_URI",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidUrl => "OAUTH2_INVALID_URL",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidCodeChallenge => "OAUTH2_INVALID_CODE_CHALLENGE",
        /// Group “OAUTH2 errors”.
        Oauth2InvalidGrantType => "OAUTH2_INVALID_GRANT_TYPE",
    }
}
