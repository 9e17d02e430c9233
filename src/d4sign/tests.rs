//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/d4sign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_documented_posts_are_typed_in_every_form_encoding() {
    let signed = parse(&fixture("signed")).unwrap();
    assert_eq!(signed.kind(), &TypePost::Signed);
    assert_eq!(signed.email.as_deref(), Some("signer@example.com"));
    let urlencoded = parse(
        format!(
            "uuid={}&type_post=4&message=Signed&email=signer%40example.com",
            signed.uuid
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(urlencoded, signed);
    let multipart = format!(
        "--xyz\r\nContent-Disposition: form-data; name=\"uuid\"\r\n\r\n{}\r\n--xyz\r\nContent-Disposition: form-data; name=\"type_post\"\r\n\r\n4\r\n--xyz\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nSigned\r\n--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nsigner@example.com\r\n--xyz--\r\n",
        signed.uuid
    );
    assert_eq!(parse(multipart.as_bytes()).unwrap(), signed);
    assert_eq!(
        event::uuid(multipart.as_bytes(), crate::json_text::Reading::Whole).unwrap(),
        signed.uuid
    );
    let numeric = format!(
        r#"{{"uuid":"{}","type_post":4,"message":"Signed","email":"signer@example.com"}}"#,
        signed.uuid
    );
    assert_eq!(parse(numeric.as_bytes()).unwrap(), signed);
    let unknown = parse(&fixture("unknown_type_post")).unwrap();
    assert!(unknown.kind().is_unknown());
    for name in ["finished", "email_not_sent", "cancelled", "signed"] {
        let event = parse(&fixture(name)).unwrap();
        assert!(!event.kind().is_unknown(), "{name}");
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event, "{name}");
    }
}

#[test]
fn malformed_posts_are_refused_with_a_reason() {
    for body in [
        &b"{\"type_post\":\"1\"}"[..],
        b"type_post=1",
        b"",
        b"uuid=%zz&type_post=1",
    ] {
        let err = parse(body).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::D4Sign), "{body:?}");
        assert!(
            matches!(err.kind(), ErrorKind::MalformedPayload { .. }),
            "{body:?}: {err:?}"
        );
    }
    assert!(matches!(
        event::uuid(b"type_post=1", crate::json_text::Reading::Whole)
            .unwrap_err()
            .kind(),
        ErrorKind::MissingField { field: "uuid" }
    ));
}

/// Locally computed with Python's `hmac` (D4Sign publishes no vector):
/// `hmac.new(b"secret", b"8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab", "sha256").hexdigest()`.
#[test]
fn the_content_hmac_is_the_uuid_hmac() {
    assert_eq!(
        content_hmac(&crate::Secret::new("secret"), "8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab"),
        format!("sha256={}", D4SIGN_VECTOR)
    );
}

const D4SIGN_VECTOR: &str = "2fc8dc113a4cc36861c16af09ea19ee9be33f344aa3c31a519f27477d2886761";
