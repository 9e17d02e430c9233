//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! The one-pass parser and the precise two-stage parser agree on every body
//! the former accepts, and the former gives up on everything irregular.

use crate::esignglobal::event::parse_inner;

/// The one-pass parse as `dispatch` calls it (UTF-8 checked, then the text).
fn parse_fast(body: &[u8]) -> Option<crate::esignglobal::Event> {
    crate::plugin::fast_parse::<crate::esignglobal::EsignGlobal>(body)
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/esignglobal");
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|entry| entry.expect("entry").path())
        .map(|path| (path.display().to_string(), std::fs::read(&path).expect("readable")))
        .collect();
    all.sort();
    all
}

#[test]
fn both_paths_agree_on_every_fixture() {
    for (name, body) in fixtures() {
        let precise = parse_inner(&body).unwrap_or_else(|err| panic!("{name}: {err}"));
        match parse_fast(&body) {
            Some(fast) => assert_eq!(fast, precise, "{name}"),
            None => assert!(name.contains("unknown_event"), "{name}: the fast path gave up"),
        }
    }
}

#[test]
fn irregular_bodies_leave_the_fast_path() {
    for body in [
        r#"[{"event":"ENVELOPE_FINISH"}]"#,
        r#"{"event":"ENVELOPE_FINISH"}"#,
        r#"{"event":"ENVELOPE_FINISH","eventPayload":[1]}"#,
        r#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":1}}"#,
        r#"{"event":"SOMETHING_NEW","eventPayload":{"envelopeId":"e"}}"#,
        r#"{"callBackEnvelopeVO":{"envelopeId":"e"},"CallBackEnvelopeVO":{"envelopeId":"e"},"callBackDesc":"ENVELOPE_FINISH"}"#,
        r#"{"other":1}"#,
    ] {
        assert!(parse_fast(body.as_bytes()).is_none(), "{body}");
    }
}
