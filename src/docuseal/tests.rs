//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/docuseal/", $name, ".json")).as_slice()
    };
}

const ALL: &[(&[u8], EventKind)] = &[
    (fixture!("form_viewed"), EventKind::FormViewed),
    (fixture!("form_started"), EventKind::FormStarted),
    (fixture!("form_completed"), EventKind::FormCompleted),
    (fixture!("form_declined"), EventKind::FormDeclined),
    (fixture!("submission_created"), EventKind::SubmissionCreated),
    (fixture!("submission_completed"), EventKind::SubmissionCompleted),
    (fixture!("submission_expired"), EventKind::SubmissionExpired),
    (fixture!("submission_archived"), EventKind::SubmissionArchived),
    (fixture!("template_created"), EventKind::TemplateCreated),
    (fixture!("template_updated"), EventKind::TemplateUpdated),
    (fixture!("template_archived"), EventKind::TemplateArchived),
];

fn parsed(body: &[u8]) -> Event {
    parse(body).unwrap_or_else(|err| panic!("{err}"))
}

fn malformed(body: &str) -> (String, String) {
    let err = parse(body.as_bytes()).expect_err("must be rejected");
    assert_eq!(err.vendor(), Some(Vendor::DocuSeal));
    match err.kind() {
        ErrorKind::MalformedPayload { path, message, .. } => (path.clone(), message.clone()),
        other => panic!("unexpected kind {other:?}"),
    }
}

#[test]
fn every_documented_event_is_typed_by_its_family() {
    for (body, kind) in ALL {
        let event = parsed(body);
        assert_eq!(event.kind(), kind);
        assert!(!event.timestamp.is_empty());
        match (&event.data, kind.as_str().split('.').next()) {
            (Data::Form(submitter), Some("form")) => {
                assert_eq!(submitter.id, 8841);
                assert_eq!(event.submission_id(), Some(5123));
                assert_eq!(submitter.template.as_ref().map(|t| t.id), Some(1021));
                assert_eq!(submitter.preferences.as_ref().and_then(|p| p.send_email), Some(true));
            }
            (Data::Submission(submission), Some("submission")) => {
                assert_eq!(submission.id, 5123);
                assert_eq!(submission.submitters.len(), 2);
                assert_eq!(event.submission_id(), Some(5123));
                assert_eq!(submission.created_by_user.as_ref().and_then(|u| u.id), Some(311));
            }
            (Data::Template(template), Some("template")) => {
                assert_eq!(template.id, 1021);
                assert_eq!(template.fields.len(), 2);
                assert_eq!(template.fields[0].areas[0].page, Some(0));
                assert_eq!(template.documents[0].filename.as_deref(), Some("mutual-nda.pdf"));
                assert_eq!(event.submission_id(), None);
            }
            (other, family) => panic!("{kind}: {family:?} gave {other:?}"),
        }
    }
}

#[test]
fn filled_values_are_strings_numbers_booleans_nulls_or_urls() {
    let event = parsed(fixture!("form_completed"));
    let Data::Form(submitter) = &event.data else { panic!() };
    let value = |field: &str| &submitter.values.iter().find(|v| v.field == field).unwrap().value;
    assert_eq!(value("Full Name").as_str(), Some("Jane Doe"));
    assert_eq!(value("Full Name").url(), None);
    assert_eq!(value("Employees").as_number().and_then(|n| n.as_u64()), Some(42));
    assert_eq!(value("Hourly Rate").as_number().and_then(|n| n.as_f64()), Some(87.5));
    assert_eq!(value("Agree To Terms").as_bool(), Some(true));
    assert_eq!(value("Newsletter").as_bool(), Some(false));
    assert!(value("Middle Name").is_null());
    assert!(value("Signature").url().unwrap().ends_with("signature.png"));
    assert!(matches!(value("Services"), FieldValue::Other(serde_json::Value::Array(list)) if list.len() == 2));
    // A multiple selection is a list, but not of URLs.
    assert!(value("Services").urls().is_empty() && value("Services").url().is_none());
    // Image and signature fields: one URL; `file` fields: an array of URLs
    // (audit §0 #13, `Submitters::SerializeForWebhook.fetch_field_value`).
    assert_eq!(value("Signature").urls().len(), 1);
    let files = value("Supporting Documents");
    assert_eq!(files.urls().len(), 2);
    assert!(files.urls()[0].ends_with("payslip.pdf") && files.urls()[1].ends_with("contract.pdf"));
    assert_eq!(files.url(), None, "two files: no single URL");
    // Every value is kept as sent.
    for filled in &submitter.values {
        let raw: serde_json::Value = serde_json::to_value(&filled.value).unwrap();
        assert_eq!(filled.value.to_json(), raw, "{}", filled.field);
    }
    let one: FieldValue = serde_json::from_str(r#"["https://x.test/only.pdf"]"#).unwrap();
    assert_eq!(one.url(), Some("https://x.test/only.pdf"));
    assert_eq!(submitter.status, Some(SubmitterStatus::Completed));
    assert_eq!(submitter.documents.len(), 1);
    // A value may be absent altogether.
    let event = parsed(
        br#"{"event_type":"form.completed","timestamp":"t","data":{"id":1,"values":[{"field":"x"}],"documents":null}}"#,
    );
    let Data::Form(submitter) = &event.data else { panic!() };
    assert!(submitter.values[0].value.is_null() && submitter.documents.is_empty());
}

#[test]
fn statuses_sources_and_audit_entries_are_typed() {
    let event = parsed(fixture!("submission_completed"));
    let Data::Submission(submission) = &event.data else {
        panic!()
    };
    assert_eq!(submission.status, Some(SubmissionStatus::Completed));
    assert_eq!(submission.source, Some(SubmissionSource::Api));
    assert_eq!(submission.submitters_order, Some(SubmittersOrder::Preserved));
    assert_eq!(
        submission.submission_events.last().map(|e| &e.event_type),
        Some(&SubmissionEventType::CompleteForm)
    );
    assert_eq!(submission.submitters[1].status, Some(SubmitterStatus::Completed));
    let event = parsed(fixture!("template_archived"));
    let Data::Template(template) = &event.data else {
        panic!()
    };
    assert_eq!(template.source, Some(TemplateSource::Api));
    assert_eq!(template.field_type_names(), ["text", "signature"]);
}

impl Template {
    fn field_type_names(&self) -> Vec<&str> {
        self.fields.iter().filter_map(|f| f.field_type.as_deref()).collect()
    }
}

#[test]
fn unknown_events_and_values_are_kept() {
    let event = parsed(fixture!("unknown_event"));
    assert_eq!(event.kind(), &EventKind::Unknown("account.updated".into()));
    assert!(matches!(&event.data, Data::Unknown(value) if value["name"] == "Acme Inc."));
    assert_eq!(event.data_id(), Some(77));
    let event = parsed(fixture!("unknown_form_event"));
    assert!(event.kind().is_unknown());
    assert!(matches!(&event.data, Data::Form(s) if s.id == 8841));
    let event = parsed(br#"{"event_type":"submission.created","timestamp":"t","data":{"id":1,"status":"on_hold","source":"zapier","submission_events":[{"event_type":"fax_sent"}]}}"#);
    let Data::Submission(submission) = &event.data else {
        panic!()
    };
    assert_eq!(submission.status, Some(SubmissionStatus::Unknown("on_hold".into())));
    assert_eq!(submission.source, Some(SubmissionSource::Unknown("zapier".into())));
    assert!(submission.submission_events[0].event_type.is_unknown());
    let event = parsed(br#"{"event_type":"account.deleted","timestamp":"t"}"#);
    assert_eq!(event.data, Data::Unknown(serde_json::Value::Null));
}

#[test]
fn malformed_payloads_report_where() {
    let (path, message) = malformed(r#"{"event_type":"form.viewed","timestamp":"t","data":{"email":"x"}}"#);
    assert_eq!(path, "$.data");
    assert!(message.contains("missing field `id`"), "{message}");
    let (path, _) = malformed(r#"{"event_type":"form.viewed","timestamp":"t","data":{"id":"8841"}}"#);
    assert_eq!(path, "$.data.id");
    let (path, _) = malformed(
        r#"{"event_type":"template.created","timestamp":"t","data":{"id":1,"fields":[{"areas":[{"page":-1}]}]}}"#,
    );
    assert_eq!(path, "$.data.fields[0].areas[0].page");
    let (path, message) = malformed(r#"{"event_type":"submission.created","timestamp":"t"}"#);
    assert_eq!(path, "$");
    assert!(message.contains("missing field `data`"), "{message}");
    let (path, _) = malformed(r#"{"event_type":"form.viewed","timestamp":"t","data":null}"#);
    assert_eq!(path, "$.data");
    let (_, message) = malformed(r#"{"event_type":"form.viewed","data":{"id":1}}"#);
    assert!(message.contains("missing field `timestamp`"), "{message}");
    for body in [
        "",
        "[]",
        "null",
        "{\"event_type\":",
        r#"{"event_type":7,"timestamp":"t","data":{}}"#,
    ] {
        malformed(body);
    }
}

#[test]
fn every_fixture_round_trips() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docuseal");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let event = parsed(&std::fs::read(&path).unwrap());
        let json = serde_json::to_vec(&event).unwrap();
        assert_eq!(parsed(&json), event, "{}", path.display());
        let via_serde: Event = serde_json::from_slice(&json).unwrap();
        assert_eq!(via_serde, event, "{}", path.display());
    }
}

#[test]
fn the_one_pass_parse_agrees_with_the_precise_one_or_leaves_it_the_body() {
    for (body, kind) in ALL {
        let event = crate::plugin::fast_parse::<crate::docuseal::DocuSeal>(body)
            .unwrap_or_else(|| panic!("{kind:?} takes the one-pass parse"));
        assert_eq!(event, parsed(body), "{kind:?}");
        assert_eq!(
            crate::testing::fast_path_agrees(Vendor::DocuSeal, body),
            Ok(()),
            "{kind:?}"
        );
    }
    // `data` before `event_type`, a duplicate key, an unknown event, trailing bytes: the precise parse's.
    let data_first = br#"{"data":{"id":1},"event_type":"form.viewed","timestamp":"t"}"#;
    assert!(crate::plugin::fast_parse::<crate::docuseal::DocuSeal>(data_first).is_none());
    let twice = br#"{"event_type":"form.viewed","timestamp":"t","data":{"id":1},"data":{"id":2}}"#;
    assert!(crate::plugin::fast_parse::<crate::docuseal::DocuSeal>(twice).is_none());
    assert!(
        crate::plugin::fast_parse::<crate::docuseal::DocuSeal>(
            br#"{"event_type":"form.renamed","timestamp":"t","data":{}}"#
        )
        .is_none()
    );
    let mut trailing = fixture!("form_viewed").to_vec();
    trailing.extend_from_slice(b"]");
    assert!(crate::plugin::fast_parse::<crate::docuseal::DocuSeal>(&trailing).is_none());
    assert!(parse(&trailing).is_err());
}

#[test]
fn submitter_values_read_as_the_list_sent_or_the_object_documented() {
    let read = |json: &str| serde_json::from_str::<Submitter>(json).unwrap();
    let prefs = r#""preferences":{"send_email":true,"locale":"fr"}"#;
    let list = read(&format!(
        r#"{{"id":1,"values":[{{"field":"Name","value":"Jane"}},{{"field":"Age","value":42}}],{prefs}}}"#
    ));
    let object = read(r#"{"id":1,"values":{"Name":"Jane","Age":42}}"#);
    assert_eq!(list.values, object.values);
    assert_eq!(list.values[0].field, "Name");
    assert_eq!(list.values[0].value.as_str(), Some("Jane"));
    assert_eq!(list.values[1].value.as_number().and_then(|n| n.as_u64()), Some(42));
    let preferences = list.preferences.as_ref().unwrap();
    assert_eq!(preferences.send_email, Some(true));
    assert_eq!(preferences.other.get("locale"), Some(serde_json::json!("fr")));
    assert!(read(r#"{"id":1,"values":null}"#).values.is_empty());
    // Written back as the list the API sends, the unknown preference kept.
    let written = serde_json::to_value(&list).unwrap();
    assert_eq!(written["values"][1], serde_json::json!({"field": "Age", "value": 42}));
    assert_eq!(written["preferences"]["locale"], "fr");
    assert!(serde_json::from_str::<Submitter>(r#"{"id":1,"values":"x"}"#).is_err());
}
