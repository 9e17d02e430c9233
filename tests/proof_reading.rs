//! Dropbox Sign's and SignWell's in-body proof, and D4Sign's UUID, are read on
//! `dispatch` up to their member (`event`, `uuid`), the rest left to the typed
//! parse; `verify` reads all of the body. At that seam both paths must refuse
//! the same bodies: a second such member after the proven one (which another
//! JSON reader would take instead), and a syntax error after it.

use esign_webhooks::testing::{Signer, demo};
use esign_webhooks::{ErrorKind, Event, Secret, Vendor, signwell};

/// A JSON request (body, headers) for `vendor`, with the proven member first
/// and `tail` appended to the body after its proof was made.
fn request(vendor: Vendor, tail: &str) -> (Vec<u8>, Vec<(String, String)>) {
    if vendor == Vendor::D4Sign {
        let body = r#"{"uuid":"8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab","type_post":"1","message":"Signed"}"#;
        // The signature covers the UUID alone: the tail does not change it.
        let headers = demo::signer(vendor).sign(body.as_bytes()).headers;
        let body = format!("{}{tail}}}", body.strip_suffix('}').unwrap()).into_bytes();
        return (body, headers);
    }
    let key = demo::secret_texts(vendor)[0];
    let event = match vendor {
        Vendor::DropboxSign => {
            let hash = Signer::dropboxsign(key).event_hash("1700000000", "signature_request_sent");
            format!(r#"{{"event_time":"1700000000","event_type":"signature_request_sent","event_hash":"{hash}"}}"#)
        }
        _ => {
            let hash = signwell::event_hash(&Secret::new(key), "document_sent", 1_700_000_000);
            format!(r#"{{"type":"document_sent","time":1700000000,"hash":"{hash}"}}"#)
        }
    };
    let data = match vendor {
        Vendor::DropboxSign => r#""signature_request":{"signature_request_id":"sr-1","signatures":[]}"#,
        _ => r#""data":{"object":{"id":"doc-1","status":"Pending"}}"#,
    };
    let body = format!(r#"{{"event":{event},{data}{tail}}}"#).into_bytes();
    let headers = vec![("content-type".to_owned(), "application/json".to_owned())];
    (body, headers)
}

#[test]
fn dispatch_and_verify_read_the_same_proof() {
    for vendor in [Vendor::DropboxSign, Vendor::SignWell, Vendor::D4Sign] {
        let webhooks = demo::builder_for(vendor).build().unwrap();
        let (body, headers) = request(vendor, "");
        let event = webhooks
            .dispatch(&body, &headers)
            .unwrap_or_else(|err| panic!("{vendor:?}: {err}"));
        assert!(
            matches!(event, Event::DropboxSign(_) | Event::SignWell(_) | Event::D4Sign(_)),
            "{vendor:?}"
        );
        let verified = webhooks.verify(&body, &headers).unwrap();
        assert_eq!(
            format!("{:?}", verified.parse().unwrap()),
            format!("{event:?}"),
            "{vendor:?}"
        );

        // A second `event` (`uuid`), proven by nothing, after the proven one.
        let other = match vendor {
            Vendor::D4Sign => r#","uuid":"00000000-0000-0000-0000-000000000000""#,
            Vendor::DropboxSign => {
                r#","event":{"event_time":"1","event_type":"signature_request_all_signed","event_hash":"00"}"#
            }
            _ => r#","event":{"type":"document_completed","time":1,"hash":"00"}"#,
        };
        // The same key escaped, and a syntax error after the proof.
        let escaped = other
            .replacen("\"event\"", "\"\\u0065vent\"", 1)
            .replacen("\"uuid\"", "\"\\u0075uid\"", 1);
        for tail in [other, escaped.as_str(), r#","x":tru"#] {
            let (body, headers) = request(vendor, tail);
            let dispatched = webhooks.dispatch(&body, &headers).unwrap_err();
            assert!(
                matches!(dispatched.kind(), ErrorKind::MalformedPayload { .. }),
                "{vendor:?} {tail}: dispatch gave {dispatched}"
            );
            let verified = webhooks.verify(&body, &headers).unwrap_err();
            assert!(
                matches!(verified.kind(), ErrorKind::MalformedPayload { .. }),
                "{vendor:?} {tail}: verify gave {verified}"
            );
        }
    }
}
