//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use http::{Response, StatusCode};
use serde_json::{Value, json};

use super::*;
use crate::plugin::VendorVerifier;
use crate::{ErrorKind, Secret, Vendor};

const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
const API_KEY: &str = "sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_Zk9yZ2V0LW1lLW5vdA";
const SR: &str = "6630f1a2b4c5d6e7f8091a2b";
const SIGNER: &str = "6630f1a2b4c5d6e7f8091a3c";
const SIGNER2: &str = "6630f1a2b4c5d6e7f8091a4d";
const DOC: &str = "6630f1a2b4c5d6e7f8091a5e";
const DOC2: &str = "6630f1a2b4c5d6e7f8091a5f";

macro_rules! fixtures {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../tests/fixtures/ignisign/", $name, ".json")) as &[u8])),*]
    };
}

const FIXTURES: &[(&str, &[u8])] = fixtures![
    "signature_session_initialized",
    "signature_request_initialized",
    "signature_request_updated",
    "signature_request_ready",
    "signature_request_launched",
    "signature_request_failed",
    "signature_request_cancelled",
    "signature_request_expired",
    "signature_request_completed",
    "signature_request_children_generated",
    "signature_request_approver_step",
    "signature_finalized",
    "signature_failed",
    "signer_created",
    "signer_inputs_added",
    "signature_profile_created",
    "signature_profile_archived",
    "signature_proof_generated_success",
    "signature_proof_generated_error",
    "signature_proof_adv_generated",
    "signature_image_generated",
    "app_settings_updated",
    "app_membership_updated",
    "app_archived",
    "unknown_topic",
    "unknown_action",
    "unknown_error_code",
    "id_proofing",
];

fn fixture(name: &str) -> &'static [u8] {
    FIXTURES
        .iter()
        .find(|(fixture, _)| *fixture == name)
        .map(|(_, body)| *body)
        .unwrap_or_else(|| panic!("no fixture {name}"))
}

fn verifier() -> Verifier {
    Verifier::new(APP_ID, AppEnv::Development)
}

fn message(name: &str) -> Message {
    verifier()
        .receive(fixture(name))
        .unwrap_or_else(|err| panic!("{name}: {err}"))
        .dangerous_skip_token_check()
}

fn token_of(body: &[u8]) -> String {
    let value: Value = serde_json::from_slice(body).expect("fixture is JSON");
    value["verificationToken"]
        .as_str()
        .expect("fixture has a token")
        .to_owned()
}

fn kind(result: Result<impl core::fmt::Debug, crate::Error>) -> ErrorKind {
    let err = result.expect_err("must fail");
    assert_eq!(err.vendor(), Some(Vendor::Ignisign), "{err:?}");
    err.kind().clone()
}

fn malformed_path(result: Result<impl core::fmt::Debug, crate::Error>) -> String {
    match kind(result) {
        ErrorKind::MalformedPayload { path, .. } => path,
        other => panic!("expected MalformedPayload, got {other:?}"),
    }
}

/// A delivery body from a JSON value (fields may be removed or replaced by the caller).
fn body(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("serializable")
}

fn base() -> Value {
    serde_json::from_slice(fixture("signature_session_initialized")).expect("fixture is JSON")
}

fn ok_response(json: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(StatusCode::OK)
        .body(json.as_bytes().to_vec())
        .expect("valid response")
}

fn content_name(content: &Option<Content>) -> &'static str {
    match content {
        None => "None",
        Some(Content::SignatureSession(_)) => "SignatureSession",
        Some(Content::SignatureRequest(_)) => "SignatureRequest",
        Some(Content::Signature(_)) => "Signature",
        Some(Content::Signer(_)) => "Signer",
        Some(Content::SignatureImage(_)) => "SignatureImage",
        Some(Content::SignatureProfile(_)) => "SignatureProfile",
        Some(Content::Application(_)) => "Application",
        Some(Content::SignatureProof(SignatureProof::Success(_))) => "SignatureProof::Success",
        Some(Content::SignatureProof(SignatureProof::Error(_))) => "SignatureProof::Error",
        Some(Content::SignatureProof(SignatureProof::Advanced(_))) => "SignatureProof::Advanced",
        Some(Content::SignatureProof(SignatureProof::Unknown(_))) => "SignatureProof::Unknown",
        Some(Content::Unknown(_)) => "Unknown",
    }
}

#[test]
fn every_fixture_has_the_expected_topic_action_nature_and_content() {
    use MsgNature::{Error as E, Info as I, Success as S, Warning as W};
    let expected: &[(&str, Topic, Action, MsgNature, &str)] = &[
        (
            "signature_session_initialized",
            Topic::SignatureSession,
            Action::SignatureSession(SignatureSessionAction::Initialized),
            I,
            "SignatureSession",
        ),
        (
            "signature_request_initialized",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Initialized),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_updated",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Updated),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_ready",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Ready),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_launched",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Launched),
            S,
            "SignatureRequest",
        ),
        (
            "signature_request_failed",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Failed),
            E,
            "SignatureRequest",
        ),
        (
            "signature_request_cancelled",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Cancelled),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_expired",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Expired),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_completed",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Completed),
            S,
            "SignatureRequest",
        ),
        (
            "signature_request_children_generated",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::ChildrenGenerated),
            I,
            "SignatureRequest",
        ),
        (
            "signature_request_approver_step",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::ApproverStep),
            I,
            "SignatureRequest",
        ),
        (
            "signature_finalized",
            Topic::Signature,
            Action::Signature(SignatureAction::Finalized),
            S,
            "Signature",
        ),
        (
            "signature_failed",
            Topic::Signature,
            Action::Signature(SignatureAction::Failed),
            E,
            "Signature",
        ),
        (
            "signer_created",
            Topic::Signer,
            Action::Signer(SignerAction::Created),
            I,
            "Signer",
        ),
        (
            "signer_inputs_added",
            Topic::Signer,
            Action::Signer(SignerAction::InputsAdded),
            I,
            "Signer",
        ),
        (
            "signature_profile_created",
            Topic::SignatureProfile,
            Action::SignatureProfile(SignatureProfileAction::Created),
            I,
            "SignatureProfile",
        ),
        (
            "signature_profile_archived",
            Topic::SignatureProfile,
            Action::SignatureProfile(SignatureProfileAction::Archived),
            I,
            "SignatureProfile",
        ),
        (
            "signature_proof_generated_success",
            Topic::SignatureProof,
            Action::SignatureProof(SignatureProofAction::Generated),
            S,
            "SignatureProof::Success",
        ),
        (
            "signature_proof_generated_error",
            Topic::SignatureProof,
            Action::SignatureProof(SignatureProofAction::Generated),
            E,
            "SignatureProof::Error",
        ),
        (
            "signature_proof_adv_generated",
            Topic::SignatureProof,
            Action::SignatureProof(SignatureProofAction::AdvGenerated),
            S,
            "SignatureProof::Advanced",
        ),
        (
            "signature_image_generated",
            Topic::SignatureImage,
            Action::SignatureImage(SignatureImageAction::Generated),
            S,
            "SignatureImage",
        ),
        (
            "app_settings_updated",
            Topic::App,
            Action::Application(ApplicationAction::SettingsUpdated),
            I,
            "Application",
        ),
        (
            "app_membership_updated",
            Topic::App,
            Action::Application(ApplicationAction::MembershipUpdated),
            I,
            "Application",
        ),
        (
            "app_archived",
            Topic::App,
            Action::Application(ApplicationAction::Archived),
            W,
            "Application",
        ),
        (
            "unknown_topic",
            Topic::Unknown("SIGNATURE_TEMPLATE".into()),
            Action::Other {
                topic: Topic::Unknown("SIGNATURE_TEMPLATE".into()),
                action: "PUBLISHED".into(),
            },
            I,
            "Unknown",
        ),
        (
            "unknown_action",
            Topic::SignatureRequest,
            Action::SignatureRequest(SignatureRequestAction::Unknown("REMINDER_SENT".into())),
            I,
            "SignatureRequest",
        ),
        (
            "unknown_error_code",
            Topic::Signature,
            Action::Signature(SignatureAction::Failed),
            E,
            "Signature",
        ),
        (
            "id_proofing",
            Topic::SignerIdProofing,
            Action::Other {
                topic: Topic::SignerIdProofing,
                action: "COMPLETED".into(),
            },
            S,
            "Unknown",
        ),
    ];
    assert_eq!(expected.len(), FIXTURES.len());
    for (name, topic, action, nature, content) in expected {
        let delivery = verifier()
            .receive(fixture(name))
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(delivery.topic(), topic, "{name}");
        assert_eq!(delivery.action(), action, "{name}");
        assert_eq!(delivery.msg_nature(), nature, "{name}");
        assert_eq!(delivery.app_id(), APP_ID, "{name}");
        assert_eq!(delivery.app_env(), &AppEnv::Development, "{name}");
        let message = delivery.dangerous_skip_token_check();
        assert_eq!(content_name(&message.content), *content, "{name}");
        let is_error = *nature == MsgNature::Error;
        assert_eq!(
            message.error.is_some(),
            is_error,
            "{name}: error present only on ERROR messages"
        );
    }
}

#[test]
fn signature_session_fields() {
    let Some(Content::SignatureSession(session)) = message("signature_session_initialized").content else {
        panic!("not a session");
    };
    assert_eq!(session.signer_id, SIGNER);
    assert_eq!(session.signature_request_id, SR);
    assert_eq!(session.signature_request_external_id.as_deref(), Some("contract-42"));
    assert_eq!(session.signer_external_id.as_deref(), Some("user-7"));
}

#[test]
fn launched_carries_embedded_session_tokens() {
    let Some(Content::SignatureRequest(request)) = message("signature_request_launched").content else {
        panic!("not a signature request");
    };
    assert_eq!(request.signature_request_id, SR);
    assert_eq!(request.status, SignatureRequestStatus::InProgress);
    let signers = request.signers.expect("signers");
    assert!(signers.signers_by_side.is_empty());
    assert_eq!(signers.signers_embedded.len(), 2);
    let first = &signers.signers_embedded[0];
    assert_eq!(first.signer_id, SIGNER);
    assert_eq!(first.signer_external_id.as_deref(), Some("user-7"));
    assert_eq!(
        first.token.as_deref(),
        Some("f63b47f3f9ea32df5d8d881fc8aedc374d3fa4b7a61cd779786866c5d172bef2")
    );
    let second = &signers.signers_embedded[1];
    assert_eq!(second.signer_id, SIGNER2);
    assert_eq!(second.signer_external_id, None);
    assert!(second.token.is_some());
    // The session token is a credential: Debug hides it.
    let debug = format!("{first:?}");
    assert!(!debug.contains("f63b47f3"), "{debug}");
    assert!(debug.contains("[REDACTED]"), "{debug}");
}

#[test]
fn signature_request_statuses_and_children() {
    let status = |name: &str| match message(name).content {
        Some(Content::SignatureRequest(request)) => request.status,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(status("signature_request_initialized"), SignatureRequestStatus::Draft);
    assert_eq!(status("signature_request_ready"), SignatureRequestStatus::Ready);
    assert_eq!(status("signature_request_failed"), SignatureRequestStatus::LaunchError);
    assert_eq!(status("signature_request_cancelled"), SignatureRequestStatus::Cancelled);
    assert_eq!(status("signature_request_expired"), SignatureRequestStatus::Expired);
    assert_eq!(status("signature_request_completed"), SignatureRequestStatus::Completed);
    let Some(Content::SignatureRequest(children)) = message("signature_request_children_generated").content else {
        panic!("not a signature request");
    };
    assert_eq!(children.status, SignatureRequestStatus::ChildrenGenerated);
    assert_eq!(children.initial_signature_request_id.as_deref(), Some(SR));
    assert_eq!(children.signature_request_external_id, None);
    assert_eq!(children.signers, None);
    let Some(Content::SignatureRequest(approver)) = message("signature_request_approver_step").content else {
        panic!("not a signature request");
    };
    let signers = approver.signers.expect("signers");
    assert_eq!(signers.signers_by_side.len(), 1);
    assert_eq!(signers.signers_by_side[0].token, None);
    assert!(signers.signers_embedded.is_empty());
}

#[test]
fn error_messages_carry_typed_errors() {
    let failed = message("signature_request_failed");
    let error = failed.error.expect("error");
    assert_eq!(
        error.error_code,
        ErrorCode::FailedToLaunchSignatureRequestBecauseAllDocumentsAreNotProvided
    );
    assert_eq!(
        error.message.as_deref(),
        Some("All documents must be provided before the signature request is launched")
    );
    assert_eq!(error.context.expect("context")["missingDocumentIds"][0], DOC2);

    let signature = message("signature_failed");
    assert_eq!(
        signature.error.expect("error").error_code,
        ErrorCode::SignatureAuthFailed
    );
    let Some(Content::Signature(content)) = signature.content else {
        panic!("not a signature");
    };
    assert_eq!(content.signer_external_id, None);
    assert_eq!(content.document_external_id, None);

    let unknown = message("unknown_error_code").error.expect("error");
    assert_eq!(
        unknown.error_code,
        ErrorCode::Unknown("SIGNATURE_HSM_UNAVAILABLE".into())
    );
    assert_eq!(unknown.error_code.as_str(), "SIGNATURE_HSM_UNAVAILABLE");
    assert_eq!(unknown.context, Some(json!({"retryAfter": 30})));
}

#[test]
fn signature_signer_image_and_profile_fields() {
    let Some(Content::Signature(signature)) = message("signature_finalized").content else {
        panic!("not a signature");
    };
    assert_eq!(signature.app_id, APP_ID);
    assert_eq!(signature.app_env, AppEnv::Development);
    assert_eq!(signature.document_nature, DocumentType::Pdf);
    assert_eq!(signature.signer_id, SIGNER);
    assert_eq!(signature.document_id, DOC);
    assert_eq!(signature.document_external_id.as_deref(), Some("doc-1"));
    assert_eq!(signature.signature_request_id, SR);
    assert_eq!(signature.signature_id, "6630f1a2b4c5d6e7f8091a6f");

    let Some(Content::Signer(created)) = message("signer_created").content else {
        panic!("not a signer");
    };
    assert_eq!(created.signer_id, SIGNER);
    assert_eq!(created.signer_external_id.as_deref(), Some("user-7"));
    assert!(created.inputs_added.is_empty());
    let Some(Content::Signer(inputs)) = message("signer_inputs_added").content else {
        panic!("not a signer");
    };
    assert_eq!(
        inputs.inputs_added,
        [
            SignerInputRef::FirstName,
            SignerInputRef::LastName,
            SignerInputRef::Phone,
            SignerInputRef::BirthDate
        ]
    );
    assert_eq!(inputs.signer_external_id, None);

    let Some(Content::SignatureImage(image)) = message("signature_image_generated").content else {
        panic!("not an image");
    };
    assert_eq!(image.document_id, DOC);
    assert_eq!(image.signer_id, SIGNER);
    assert_eq!(image.signer_external_id.as_deref(), Some("user-7"));

    for name in ["signature_profile_created", "signature_profile_archived"] {
        let Some(Content::SignatureProfile(profile)) = message(name).content else {
            panic!("not a profile");
        };
        assert_eq!(profile.signature_profile_id, "6630f1a2b4c5d6e7f8091a70");
    }
    let Some(Content::Application(app)) = message("app_settings_updated").content else {
        panic!("not an application");
    };
    assert_eq!(app.user_id.as_deref(), Some("6630f1a2b4c5d6e7f8091a81"));
    let Some(Content::Application(archived)) = message("app_archived").content else {
        panic!("not an application");
    };
    assert_eq!(archived.user_id, None);
}

#[test]
fn signature_proof_variants_follow_action_and_nature() {
    let Some(Content::SignatureProof(SignatureProof::Success(success))) =
        message("signature_proof_generated_success").content
    else {
        panic!("not a proof success");
    };
    assert_eq!(success.signature_request_id, SR);
    assert_eq!(success.documents.len(), 2);
    assert_eq!(success.documents[0].document_id, DOC);
    assert_eq!(success.documents[0].document_external_id.as_deref(), Some("doc-1"));
    assert_eq!(success.documents[1].document_external_id, None);
    assert_eq!(
        success.signature_proof_url.as_deref(),
        Some("https://api.ignisign.io/v4/signature-requests/6630f1a2b4c5d6e7f8091a2b/signature-proof")
    );
    let token = success.signature_proof_token.clone().expect("proof token");
    let debug = format!("{success:?}");
    assert!(!debug.contains(token.as_str()), "{debug}");
    assert!(!debug.contains(success.documents[0].token.as_str()), "{debug}");

    let error_message = message("signature_proof_generated_error");
    let Some(Content::SignatureProof(SignatureProof::Error(error))) = error_message.content else {
        panic!("not a proof error");
    };
    assert_eq!(error.document_id, DOC);
    assert_eq!(error.signature_proof_url, None);
    assert_eq!(
        error_message.error.expect("error").error_code,
        ErrorCode::DocumentProofNotCreated
    );

    let Some(Content::SignatureProof(SignatureProof::Advanced(advanced))) =
        message("signature_proof_adv_generated").content
    else {
        panic!("not an advanced proof");
    };
    assert_eq!(advanced.document_external_id.as_deref(), Some("doc-1"));
    assert!(advanced.signature_proof_url.is_some());

    // The error DTO's fields with a non-error nature are read as a success, which lacks
    // `documents`: the variant comes from (action, nature), never from the fields.
    let mut value: Value = serde_json::from_slice(fixture("signature_proof_generated_error")).expect("json");
    value["msgNature"] = json!("WARNING");
    assert_eq!(malformed_path(parse_delivery(&body(&value))), "$.content");

    // An action this version does not know keeps the raw content.
    value["action"] = json!("REGENERATED");
    let message = parse_delivery(&body(&value))
        .expect("parses")
        .dangerous_skip_token_check();
    assert_eq!(
        message.content,
        Some(Content::SignatureProof(SignatureProof::Unknown(
            value["content"].clone()
        )))
    );
}

#[test]
fn unknown_values_are_kept() {
    let topic = message("unknown_topic");
    assert_eq!(topic.topic.as_str(), "SIGNATURE_TEMPLATE");
    assert_eq!(topic.action.as_str(), "PUBLISHED");
    assert!(topic.action.is_unknown());
    let Some(Content::Unknown(raw)) = topic.content else {
        panic!("not unknown content");
    };
    assert_eq!(raw["fields"][0]["name"], "amount");
    assert_eq!(raw["publishedBy"], Value::Null);

    let action = message("unknown_action");
    assert!(action.action.is_unknown());
    assert_eq!(action.action.to_string(), "REMINDER_SENT");
    let Some(Content::SignatureRequest(request)) = action.content else {
        panic!("not a signature request");
    };
    assert_eq!(request.status, SignatureRequestStatus::Unknown("ON_HOLD".into()));

    let mut value = base();
    value["msgNature"] = json!("CRITICAL");
    value["appEnv"] = json!("SANDBOX");
    let delivery = parse_delivery(&body(&value)).expect("parses");
    assert_eq!(delivery.msg_nature(), &MsgNature::Unknown("CRITICAL".into()));
    assert_eq!(delivery.app_env(), &AppEnv::Unknown("SANDBOX".into()));
}

#[test]
fn actions_are_typed_by_topic() {
    assert_eq!(
        Action::parse(&Topic::App, "ARCHIVED"),
        Action::Application(ApplicationAction::Archived)
    );
    assert_eq!(
        Action::parse(&Topic::SignatureProfile, "ARCHIVED"),
        Action::SignatureProfile(SignatureProfileAction::Archived)
    );
    assert_eq!(
        Action::parse(&Topic::SignatureImage, "GENERATED"),
        Action::SignatureImage(SignatureImageAction::Generated)
    );
    assert_eq!(
        Action::parse(&Topic::Unknown("DOCUMENT_REQUEST".into()), "PROVIDED"),
        Action::DocumentRequest(DocumentRequestAction::Provided)
    );
    assert_eq!(
        Action::parse(&Topic::SignerAuth, "ALL"),
        Action::Other {
            topic: Topic::SignerAuth,
            action: "ALL".into()
        }
    );
    assert!(!Action::parse(&Topic::Signer, "CREATED").is_unknown());
    assert_eq!(Topic::from_wire("ALL"), Topic::Unknown("ALL".into()));
    assert_eq!(Topic::KNOWN.len(), 10);
}

#[test]
fn content_null_or_absent_is_none() {
    let mut value = base();
    value["content"] = Value::Null;
    assert_eq!(
        parse_delivery(&body(&value))
            .expect("null")
            .dangerous_skip_token_check()
            .content,
        None
    );
    value.as_object_mut().expect("object").remove("content");
    let message = parse_delivery(&body(&value))
        .expect("absent")
        .dangerous_skip_token_check();
    assert_eq!(message.content, None);
    assert_eq!(message.error, None);
}

#[test]
fn content_mismatch_points_inside_content() {
    let mut value = base();
    value["content"]["signerId"] = json!(42);
    assert_eq!(malformed_path(parse_delivery(&body(&value))), "$.content.signerId");

    let raw = String::from_utf8(fixture("signature_request_launched").to_vec()).expect("utf-8");
    let broken = raw.replacen("\"signerId\": \"6630f1a2b4c5d6e7f8091a4d\"", "\"signerId\": null", 1);
    assert_ne!(raw, broken);
    let err = verifier().receive(broken.as_bytes()).expect_err("must fail");
    let ErrorKind::MalformedPayload { path, line, .. } = err.kind() else {
        panic!("{err:?}");
    };
    assert_eq!(path, "$.content.signers.signersEmbedded[1].signerId");
    assert_eq!(*line, 21, "line is counted in the whole body");

    let mut missing = base();
    missing["content"]
        .as_object_mut()
        .expect("object")
        .remove("signatureRequestId");
    assert!(malformed_path(parse_delivery(&body(&missing))).starts_with("$.content"));

    let mut status = serde_json::from_slice::<Value>(fixture("signature_request_ready")).expect("json");
    status["content"]["status"] = json!(["READY"]);
    assert_eq!(malformed_path(parse_delivery(&body(&status))), "$.content.status");
}

#[test]
fn arrays_never_stand_for_objects() {
    let mut value = base();
    value["content"] = json!([SIGNER, SR]);
    assert_eq!(malformed_path(parse_delivery(&body(&value))), "$.content");

    let mut launched = serde_json::from_slice::<Value>(fixture("signature_request_launched")).expect("json");
    launched["content"]["signers"]["signersEmbedded"] = json!([[SIGNER, "user-7", "token"]]);
    assert_eq!(
        malformed_path(parse_delivery(&body(&launched))),
        "$.content.signers.signersEmbedded[0]"
    );

    let mut error = base();
    error["error"] = json!(["BAD_REQUEST"]);
    assert_eq!(malformed_path(parse_delivery(&body(&error))), "$.error");

    for not_an_object in [&b"[]"[..], b"\"SIGNATURE\"", b"42", b"null", b"", b"{", b"not json"] {
        assert!(matches!(
            kind(parse_delivery(not_an_object)),
            ErrorKind::MalformedPayload { .. }
        ));
        assert!(matches!(
            kind(verifier().check_envelope(not_an_object)),
            ErrorKind::MalformedPayload { .. }
        ));
    }
    // Positional arrays must not fill the envelope either.
    let positional = br#"["SIGNATURE","FINALIZED","INFO","tok","appId_x","DEVELOPMENT"]"#;
    assert!(matches!(
        kind(verifier().check_envelope(positional)),
        ErrorKind::MalformedPayload { .. }
    ));
}

#[test]
fn duplicate_and_mistyped_envelope_fields_are_malformed() {
    let duplicate = format!(
        r#"{{"topic":"SIGNER","topic":"APP","action":"CREATED","msgNature":"INFO","verificationToken":"t","appId":"{APP_ID}","appEnv":"DEVELOPMENT"}}"#
    );
    assert!(matches!(
        kind(verifier().check_envelope(duplicate.as_bytes())),
        ErrorKind::MalformedPayload { .. }
    ));
    assert!(matches!(
        kind(parse_delivery(duplicate.as_bytes())),
        ErrorKind::MalformedPayload { .. }
    ));

    let mut value = base();
    value["topic"] = json!(5);
    assert_eq!(malformed_path(verifier().check_envelope(&body(&value))), "$.topic");
}

#[test]
fn missing_fields_are_reported_in_the_sdk_order() {
    let order = ["topic", "action", "msgNature", "verificationToken", "appId", "appEnv"];
    for (index, field) in order.iter().enumerate() {
        // Remove this field and every later one, and break appId/appEnv: the first missing wins.
        let mut value = base();
        value["appId"] = json!("appId_someone-else");
        value["appEnv"] = json!("PRODUCTION");
        for later in &order[index..] {
            value.as_object_mut().expect("object").remove(*later);
        }
        assert_eq!(
            kind(verifier().check_envelope(&body(&value))),
            ErrorKind::MissingField { field }
        );
        assert_eq!(kind(parse_delivery(&body(&value))), ErrorKind::MissingField { field });
        // Empty strings and null count as missing (the SDK tests truthiness).
        let mut empty = base();
        empty[*field] = json!("");
        assert_eq!(
            kind(verifier().receive(&body(&empty))),
            ErrorKind::MissingField { field }
        );
        empty[*field] = Value::Null;
        assert_eq!(
            kind(verifier().receive(&body(&empty))),
            ErrorKind::MissingField { field }
        );
    }
}

#[test]
fn missing_field_comes_before_app_mismatch_and_app_before_env() {
    let mut value = base();
    value["appId"] = json!("appId_00000000-0000-0000-0000-000000000000");
    value["appEnv"] = json!("PRODUCTION");
    value.as_object_mut().expect("object").remove("msgNature");
    assert_eq!(
        kind(verifier().check_envelope(&body(&value))),
        ErrorKind::MissingField { field: "msgNature" }
    );
    value["msgNature"] = json!("INFO");
    assert_eq!(
        kind(verifier().check_envelope(&body(&value))),
        ErrorKind::RecipientMismatch { field: "appId" }
    );
    value["appId"] = json!(APP_ID);
    assert_eq!(
        kind(verifier().check_envelope(&body(&value))),
        ErrorKind::RecipientMismatch { field: "appEnv" }
    );
    value["appEnv"] = json!("DEVELOPMENT");
    verifier().check_envelope(&body(&value)).expect("accepted");
}

#[test]
fn wrong_app_or_env_is_refused_before_parsing_content() {
    // The content is broken, but the application check comes first.
    let mut value = base();
    value["content"] = json!("not a session");
    value["appId"] = json!("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6c");
    let err = verifier().receive(&body(&value)).expect_err("refused");
    assert_eq!(err.kind(), &ErrorKind::RecipientMismatch { field: "appId" });
    assert_eq!(err.status(), StatusCode::FORBIDDEN);

    let staging = Verifier::new(APP_ID, AppEnv::Staging);
    assert_eq!(
        kind(staging.receive(fixture("signer_created"))),
        ErrorKind::RecipientMismatch { field: "appEnv" }
    );
    // Matching is exact: case differences are another app/env.
    let mut lower = base();
    lower["appEnv"] = json!("development");
    assert_eq!(
        kind(verifier().receive(&body(&lower))),
        ErrorKind::RecipientMismatch { field: "appEnv" }
    );
    // parse_delivery makes no application check.
    assert_eq!(
        parse_delivery(&body(&lower)).expect("parses").app_env().as_str(),
        "development"
    );
}

#[test]
fn verifier_configuration() {
    verifier().validate().expect("valid");
    assert!(matches!(
        kind(Verifier::new("  ", AppEnv::Production).validate()),
        ErrorKind::Configuration { .. }
    ));

    let from_key = Verifier::from_api_key(&ApiKey::new(Secret::new(API_KEY))).expect("new-style key");
    assert_eq!(from_key.app_id(), APP_ID);
    assert_eq!(from_key.app_env(), &AppEnv::Development);
    let production = ApiKey::new(Secret::new(
        "sk_production_0a1b2c3d-0000-4000-8000-000000000001_secret_with_underscores",
    ));
    assert_eq!(production.app_id(), Some("appId_0a1b2c3d-0000-4000-8000-000000000001"));
    assert_eq!(production.app_env(), Some(&AppEnv::Production));

    for not_new_style in [
        "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6IngifQ.c2ln",
        "sk_development_3b2f9c1e",
        "sk__3b2f9c1e_secret",
        "pk_development_3b2f9c1e_secret",
        "sk_development__secret",
        "sk_development_3b2f9c1e_",
        "",
    ] {
        let key = ApiKey::new(Secret::new(not_new_style));
        assert_eq!(key.app_id(), None, "{not_new_style}");
        assert!(matches!(
            kind(Verifier::from_api_key(&key)),
            ErrorKind::Configuration { .. }
        ));
    }
}

#[test]
fn token_check_request_is_what_the_sdk_sends() {
    let body = fixture("signer_inputs_added");
    let delivery = verifier().receive(body).expect("parses");
    let request = delivery
        .token_check_request(&ApiKey::new(Secret::new(API_KEY)))
        .expect("request");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.uri(),
        "https://api.ignisign.io/v4/tokens/webhook-verification/checking-consumption"
    );
    let headers = request.headers();
    assert_eq!(headers["authorization"], format!("Bearer {API_KEY}").as_str());
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(headers.len(), 3);
    let sent: Value = serde_json::from_slice(request.body()).expect("json body");
    assert_eq!(
        sent,
        json!({"token": token_of(body), "appId": APP_ID, "appEnv": "DEVELOPMENT"})
    );
    assert_eq!(
        std::str::from_utf8(request.body()).expect("utf-8"),
        format!(
            r#"{{"token":"{}","appId":"{APP_ID}","appEnv":"DEVELOPMENT"}}"#,
            token_of(body)
        )
    );

    let custom = ApiKey::new(Secret::new(API_KEY)).with_base_url("http://localhost:8080/ignisign/");
    let request = delivery.token_check_request(&custom).expect("request");
    assert_eq!(
        request.uri(),
        "http://localhost:8080/ignisign/v4/tokens/webhook-verification/checking-consumption"
    );
    // An old-style JWT carries no application: sent as is.
    let jwt = ApiKey::new(Secret::new("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"));
    let request = delivery.token_check_request(&jwt).expect("request");
    assert_eq!(
        request.headers()["authorization"],
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
    );
}

#[test]
fn token_check_request_refuses_unusable_keys() {
    let delivery = verifier().receive(fixture("signer_created")).expect("parses");
    let kind_of = |key: ApiKey| kind(delivery.token_check_request(&key));
    assert!(matches!(
        kind_of(ApiKey::new(Secret::new(""))),
        ErrorKind::Configuration { .. }
    ));
    assert!(matches!(
        kind_of(ApiKey::new(Secret::new(format!("{API_KEY}\n")))),
        ErrorKind::Configuration { .. }
    ));
    assert!(matches!(
        kind_of(ApiKey::new(Secret::new(API_KEY)).with_base_url("not a url")),
        ErrorKind::Configuration { .. }
    ));
    assert_eq!(
        kind_of(ApiKey::new(Secret::new(
            "sk_development_00000000-0000-4000-8000-000000000000_secret"
        ))),
        ErrorKind::RecipientMismatch { field: "appId" }
    );
    assert_eq!(
        kind_of(ApiKey::new(Secret::new(
            "sk_production_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_secret"
        ))),
        ErrorKind::RecipientMismatch { field: "appEnv" }
    );
}

#[test]
fn confirm_accepts_only_is_valid_true() {
    let delivery = verifier().receive(fixture("signature_finalized")).expect("parses");
    let message = delivery
        .confirm(ok_response(
            r#"{"isValid":true,"haveBeenConsumed":true,"alreadyConsumed":false,"notFound":false,"badTarget":false,"isExpired":false,"badRelatedId":false,"context":{}}"#,
        ))
        .expect("confirmed");
    assert_eq!(message.topic, Topic::Signature);
    assert!(matches!(message.content, Some(Content::Signature(_))));
}

#[test]
fn confirm_reports_why_the_token_was_rejected() {
    let body = fixture("signature_finalized");
    let token = token_of(body);
    let rejected = |json: &str| {
        let delivery = verifier().receive(body).expect("parses");
        let err = delivery.confirm(ok_response(json)).expect_err("rejected");
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
        assert!(err.is_authentication());
        match err.kind() {
            ErrorKind::ConfirmationRejected { reason } => reason.clone(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        rejected(r#"{"isValid":false,"alreadyConsumed":true,"notFound":false}"#),
        "already consumed"
    );
    assert_eq!(rejected(r#"{"isValid":false,"notFound":true}"#), "not found");
    assert_eq!(
        rejected(r#"{"isValid":false,"isExpired":true,"badTarget":true,"badRelatedId":true}"#),
        "expired, bad target, bad related id"
    );
    assert_eq!(rejected(r#"{"isValid":false}"#), "isValid is false");
    let echoed = rejected(&format!(r#"{{"isValid":false,"errorStr":"token {token} unknown\n"}}"#));
    assert!(!echoed.contains(&token), "{echoed}");
    assert_eq!(echoed, "token [REDACTED] unknown");
}

#[test]
fn confirm_reports_api_failures() {
    let api = |status: u16, body: &str| {
        let delivery = verifier().receive(fixture("signer_created")).expect("parses");
        let response = Response::builder()
            .status(status)
            .body(body.as_bytes())
            .expect("valid response");
        let err = delivery.confirm(response).expect_err("fails");
        assert_eq!(err.status(), StatusCode::BAD_GATEWAY);
        err.kind().clone()
    };
    let ErrorKind::ConfirmationFailed {
        status,
        error_code,
        reason,
    } = api(500, r#"{"errorCode":"INVALID_TOKEN","message":"bad"}"#)
    else {
        panic!("not an API error");
    };
    assert_eq!(status, Some(500));
    assert_eq!(error_code.as_deref(), Some("INVALID_TOKEN"));
    assert!(reason.contains("500"), "{reason}");

    let ErrorKind::ConfirmationFailed { error_code, .. } = api(503, "<html>Service Unavailable</html>") else {
        panic!("not an API error");
    };
    assert_eq!(error_code, None);
    let ErrorKind::ConfirmationFailed { error_code, .. } = api(400, r#"{"errorCode":"see https://evil/?t=abc"}"#)
    else {
        panic!("not an API error");
    };
    assert_eq!(error_code, None, "only code-like values are kept");

    for garbage in [
        "<html>oops</html>",
        "",
        r#"{"isValid":"true"}"#,
        "[true]",
        r#"{"valid":true}"#,
    ] {
        let ErrorKind::ConfirmationFailed { status, error_code, .. } = api_ok(garbage) else {
            panic!("not an API error for {garbage:?}");
        };
        assert_eq!(status, Some(200));
        assert_eq!(error_code, None);
    }
}

fn api_ok(body: &str) -> ErrorKind {
    let delivery = verifier().receive(fixture("signer_created")).expect("parses");
    kind(delivery.confirm(ok_response(body)))
}

#[test]
fn debug_hides_token_and_key() {
    let body = fixture("signature_request_launched");
    let token = token_of(body);
    let delivery = verifier().receive(body).expect("parses");
    let debug = format!("{delivery:?}");
    assert!(!debug.contains(&token), "{debug}");
    assert!(debug.contains("[REDACTED]"), "{debug}");
    assert!(!debug.contains("f63b47f3"), "no unconfirmed content: {debug}");
    assert!(debug.contains("SignatureRequest"), "{debug}");

    let key = ApiKey::new(Secret::new(API_KEY));
    let debug = format!("{key:?}");
    assert!(!debug.contains("Zk9yZ2V0LW1lLW5vdA"), "{debug}");
    assert!(!debug.contains(API_KEY), "{debug}");
    assert!(debug.contains(APP_ID), "{debug}");

    let request = delivery.token_check_request(&key).expect("request");
    let debug = format!("{:?}", request.headers());
    assert!(!debug.contains("Zk9yZ2V0LW1lLW5vdA"), "sensitive header: {debug}");
}

#[test]
fn messages_and_contents_round_trip() {
    for (name, body) in FIXTURES {
        let message = message(name);
        let json = serde_json::to_string(&message).expect("serializes");
        assert!(!json.contains("verificationToken"), "{name}");
        let back: Message = serde_json::from_str(&json).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(back, message, "{name}");

        let original: Value = serde_json::from_slice(body).expect("json");
        let content = message.content.as_ref().expect("every fixture has content");
        let value = serde_json::to_value(content).expect("serializes");
        let reread = Content::deserialize_for(&message.topic, &message.action, &message.msg_nature, value.clone())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(&reread, content, "{name}");
        if !["signature_request_launched", "unknown_action"].contains(name) {
            // Serialization gives back what Ignisign sent. The documented differences: empty
            // lists are omitted (launched: `signersBySide: []`) and fields a DTO does not
            // know are dropped (unknown_action: `reminderCount`).
            assert_eq!(value, original["content"], "{name}");
        }
        let error = serde_json::to_value(&message.error).expect("serializes");
        assert_eq!(error, original.get("error").cloned().unwrap_or(Value::Null), "{name}");
    }
}

#[test]
fn a_raw_delivery_is_not_a_message() {
    let err = serde_json::from_slice::<Message>(fixture("signature_finalized")).expect_err("refused");
    assert!(err.to_string().contains("raw Ignisign delivery"), "{err}");
    let stored: Message = serde_json::from_value(json!({
        "topic": "SIGNER", "action": "CREATED", "msgNature": "INFO", "content": null
    }))
    .expect("stored message");
    assert_eq!(stored.content, None);
    assert!(serde_json::from_value::<Message>(json!(["SIGNER", "CREATED", "INFO"])).is_err());
}

#[test]
fn error_codes_round_trip() {
    assert_eq!(ErrorCode::KNOWN.len(), 349);
    let mut seen = std::collections::HashSet::new();
    for code in ErrorCode::KNOWN {
        assert!(!code.is_unknown());
        assert!(seen.insert(code.as_str()), "duplicate {code}");
        assert_eq!(&ErrorCode::from_wire(code.as_str()), code);
        let json = serde_json::to_string(code).expect("serializes");
        assert_eq!(&serde_json::from_str::<ErrorCode>(&json).expect("parses"), code);
        let error: IgnisignError = serde_json::from_value(json!({"errorCode": code.as_str()})).expect("error parses");
        assert_eq!(&error.error_code, code);
    }
    for misspelled in [
        "TOO_MANY_SIGNAURE_ATTEMPTS",
        "SIGNER_MISING_CLAIMS",
        "REFRESH_TOKEN_INVALID_OR_EXPIRATED",
        "TOO_MUCH_CONNECTION_ATTEMPS",
        "AUTHORIZATION_OF_CERTIFICATE_DISEMINTATION_IS_MANDATORY",
        "CANNOT_UPDATE_SIGNATURE_REQUEST__FIRSTNAME_AND_LASTNAME_ARE_MANDARYTORY_FOR_ALL_SIGNER_WITH_THE_SIGNATURE_PROFILE_REQUESTED",
        "SIGNER_PROFILE__INVALID_SIGNATURE_METHOD",
        "SDK_WEBHOOK_BAD_FORMATTED",
        "SEND_SMS",
        "OAUTH2_INVALID_GRANT_TYPE",
    ] {
        assert!(!ErrorCode::from_wire(misspelled).is_unknown(), "{misspelled}");
    }
    assert_eq!(ErrorCode::from_wire("BAD_REQUEST"), ErrorCode::BadRequest);
    assert_eq!(
        ErrorCode::from_wire("bad_request"),
        ErrorCode::Unknown("bad_request".into())
    );
}

#[test]
fn enums_keep_their_wire_values() {
    assert_eq!(Topic::SignerIdProofing.as_str(), "ID_PROOFING");
    assert_eq!(Topic::SignatureImage.as_str(), "SIGNATURE_SIGNER_IMAGE");
    assert_eq!(SignerInputRef::Phone.as_str(), "phoneNumber");
    assert_eq!(
        serde_json::to_string(&SignerInputRef::KNOWN).expect("serializes"),
        r#"["firstName","lastName","email","phoneNumber","nationality","birthDate","birthPlace","birthCountry"]"#
    );
    assert_eq!(SignatureRequestStatus::KNOWN.len(), 11);
    assert_eq!(DocumentType::KNOWN.len(), 6);
    assert_eq!(SignatureRequestAction::KNOWN.len(), 10);
    assert_eq!(
        serde_json::to_string(&Action::Signer(SignerAction::InputsAdded)).expect("json"),
        r#""INPUTS_ADDED""#
    );
}

#[test]
fn dangerous_skip_keeps_everything() {
    let message = parse_delivery(fixture("signature_request_failed"))
        .expect("parses")
        .dangerous_skip_token_check();
    assert_eq!(message.msg_nature, MsgNature::Error);
    assert!(message.error.is_some());
    assert!(matches!(message.content, Some(Content::SignatureRequest(_))));
}
