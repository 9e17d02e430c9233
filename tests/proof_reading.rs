//! Dropbox Sign's and SignWell's in-body proof on `dispatch` reads the body up
//! to `event` and leaves the rest to the typed parse; `verify` reads all of it.
//! At that seam both paths must refuse the same bodies: a second `event` after
//! the proven one (which another JSON reader would take instead), and a syntax
//! error after it.

use esign_webhooks::testing::{Signer, demo};
use esign_webhooks::{ErrorKind, Event, Secret, Vendor, signwell};

/// A JSON request (body, headers) for `vendor`, with `event` first.
fn request(vendor: Vendor, tail: &str) -> (Vec<u8>, Vec<(String, String)>) {
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
    for vendor in [Vendor::DropboxSign, Vendor::SignWell] {
        let webhooks = demo::builder_for(vendor).build().unwrap();
        let (body, headers) = request(vendor, "");
        let event = webhooks
            .dispatch(&body, &headers)
            .unwrap_or_else(|err| panic!("{vendor:?}: {err}"));
        assert!(
            matches!(event, Event::DropboxSign(_) | Event::SignWell(_)),
            "{vendor:?}"
        );
        let verified = webhooks.verify(&body, &headers).unwrap();
        assert_eq!(
            format!("{:?}", verified.parse().unwrap()),
            format!("{event:?}"),
            "{vendor:?}"
        );

        // A second `event`, proven by nothing, after the proven one.
        let other = match vendor {
            Vendor::DropboxSign => {
                r#","event":{"event_time":"1","event_type":"signature_request_all_signed","event_hash":"00"}"#
            }
            _ => r#","event":{"type":"document_completed","time":1,"hash":"00"}"#,
        };
        // The same key escaped, and a syntax error after the proof.
        let escaped = other.replacen("\"event\"", "\"\\u0065vent\"", 1);
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
