//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use super::*;
use crate::headers::Incoming;

const SDK_KEY: &str = "324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782";
/// `hellosign/dropbox-sign-node` `examples/EventCallbackExample.ts`.
const EXAMPLE: &[u8] = br#"{"event":{"event_type":"account_confirmed","event_time":"1669926463","event_hash":"ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f"}}"#;

#[test]
fn the_sdk_example_verifies_and_its_reversed_key_does_not() {
    let verified = Verifier::new(SDK_KEY)
        .check_json(EXAMPLE, crate::json_text::Reading::Whole)
        .expect("valid");
    assert_eq!(
        (verified.key_index(), verified.timestamp()),
        (Some(0), Some(1_669_926_463))
    );
    let reversed: String = SDK_KEY.chars().rev().collect();
    assert!(
        Verifier::new(reversed)
            .check_json(EXAMPLE, crate::json_text::Reading::Whole)
            .is_err()
    );
    // A numeric event_time is read as its digits.
    let numeric = br#"{"event":{"event_type":"account_confirmed","event_time":1669926463,"event_hash":"ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f"}}"#;
    assert!(
        Verifier::new(SDK_KEY)
            .check_json(numeric, crate::json_text::Reading::Whole)
            .is_ok()
    );
    assert_eq!(parse_json(numeric).expect("parses").event.event_time, "1669926463");
}

#[test]
fn json_is_found_by_content_type_or_by_sniffing() {
    let form = b"--xyz\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"a\":1}\r\n--xyz--\r\n";
    let headers = [("content-type", "multipart/form-data; boundary=xyz")];
    assert_eq!(
        body::callback_json(&Incoming::new(form, &headers)).expect("found"),
        b"{\"a\":1}"
    );
    assert_eq!(body::sniffed(form).expect("found"), b"{\"a\":1}");
    let none: [(&str, &str); 0] = [];
    assert_eq!(body::callback_json(&Incoming::new(b"{}", &none)).expect("json"), b"{}");
    let json = [("content-type", "application/json; charset=utf-8")];
    assert_eq!(body::callback_json(&Incoming::new(b"{}", &json)).expect("json"), b"{}");
    let broken = [("content-type", "multipart/form-data")];
    assert!(body::callback_json(&Incoming::new(form, &broken)).is_err());
}

#[test]
fn models_read_the_openapi_examples() {
    let event = parse_json(include_bytes!(
        "../../tests/fixtures/dropboxsign/app_signature_request_sent.json"
    ))
    .expect("parses");
    assert_eq!(event.kind(), &EventType::SignatureRequestSent);
    assert_eq!(event.callback_type(), CallbackType::App);
    let request = event.signature_request.as_ref().expect("signature request");
    assert_eq!(request.signatures[0].status_code, Some(SignatureStatus::Signed));
    assert_eq!(request.template_ids, None);
    let template = parse_json(include_bytes!(
        "../../tests/fixtures/dropboxsign/account_template_created.json"
    ))
    .expect("parses");
    let template = template.template.expect("template");
    assert_eq!(template.documents[0].form_fields.len(), 7);
    assert_eq!(template.signer_roles[1].order, Some(1));
}
