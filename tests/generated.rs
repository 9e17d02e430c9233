//! Generated sources and their generators: each test regenerates a file from
//! its committed input and fails when the committed file differs. Regenerate
//! with `REGENERATE=1 cargo test --test generated`.

use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares `generated` with the committed file at `path`, or writes it.
fn check(path: &str, generated: &str) {
    let path = root().join(path);
    if std::env::var_os("REGENERATE").is_some() {
        fs::write(&path, generated).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{} is stale: regenerate it with REGENERATE=1 cargo test --test generated",
        path.display()
    );
}

/// `TOO_MANY_SIGNAURE_ATTEMPTS` → `TooManySignaureAttempts`.
fn upper_camel(wire: &str) -> String {
    wire.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn ignisign_error_codes() {
    let input = fs::read_to_string(root().join("src/ignisign/error_codes.txt")).unwrap();
    let mut codes = 0;
    let mut body = String::new();
    let mut group = String::new();
    for line in input.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            group = name.to_owned();
            body += &format!("        // {group}\n");
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            assert!(
                line.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                "{line}"
            );
            assert!(!group.is_empty(), "{line} comes before any group");
            codes += 1;
            body += &format!(
                "        /// Group “{group}”.\n        {} => \"{line}\",\n",
                upper_camel(line)
            );
        }
    }
    let generated = format!(
        r#"//! [`ErrorCode`]: the {codes} values of Ignisign's `IGNISIGN_ERROR_CODES`.
//!
//! Generated from `error_codes.txt` (beside this file) by `tests/generated.rs`; wire values are kept
//! verbatim, misspellings included (`TOO_MANY_SIGNAURE_ATTEMPTS`, `SIGNER_MISING_CLAIMS`, …): they are
//! what the API sends. Do not edit by hand: edit `error_codes.txt`, then run
//! `REGENERATE=1 cargo test --test generated`.

use crate::wire_enum::string_enum;

string_enum! {{
    /// An Ignisign error code (`IGNISIGN_ERROR_CODES`), as carried in [`IgnisignError::error_code`](super::IgnisignError::error_code).
    ///
    /// Variants are grouped as in Ignisign's source; each variant's doc names its group. Codes this
    /// version does not know are kept in [`ErrorCode::Unknown`].
    ///
    /// ```
    /// use esign_webhooks::ignisign::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::from_wire("TOO_MANY_SIGNAURE_ATTEMPTS"), ErrorCode::TooManySignaureAttempts);
    /// assert_eq!(ErrorCode::KNOWN.len(), {codes});
    /// assert!(ErrorCode::from_wire("A_CODE_FROM_THE_FUTURE").is_unknown());
    /// ```
    pub enum ErrorCode {{
{body}    }}
}}
"#
    );
    assert_eq!(codes, 349, "Ignisign's models 4.1.14 have 349 codes");
    check("src/ignisign/error_code.rs", &generated);
}

/// A libFuzzer dictionary entry: `"text"`, with `"`, `\` and every byte
/// outside printable ASCII escaped.
fn dict_entry(text: &str) -> String {
    let mut out = String::from("\"");
    for byte in text.bytes() {
        match byte {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            b' '..=b'~' => out.push(char::from(byte)),
            _ => out += &format!("\\x{byte:02X}"),
        }
    }
    out + "\""
}

/// Every object key in `value`, at any depth.
fn json_keys(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                keys.insert(key.clone());
                json_keys(value, keys);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| json_keys(item, keys)),
        _ => {}
    }
}

/// The `dispatch` fuzz target's dictionary (`fuzz/dict/dispatch.dict`): the
/// header and query names each vendor's demo signer sends (`testing::demo`,
/// the configuration the target fuzzes) and the scheme markers below, then
/// the JSON keys of each vendor's fixtures (`tests/fixtures/<slug>/`), each
/// key once, under the first vendor (by slug) that has it.
#[test]
fn fuzz_dictionary() {
    use esign_webhooks::Vendor;
    use esign_webhooks::testing::demo;

    // What no demo signer sends, but a delivery may carry: the generic
    // markers of the schemes, Box Sign's other headers, PandaDoc's event id,
    // a token header and a signature query parameter of configurable schemes.
    const MARKERS: &[&str] = &[
        "Authorization",
        "Basic ",
        "Content-Type",
        "multipart/form-data; boundary=",
        "application/json",
        "X-PandaDoc-Webhook-Event-Id",
        "X-Webhook-Token",
        "BOX-SIGNATURE-ALGORITHM",
        "BOX-SIGNATURE-SECONDARY",
        "BOX-SIGNATURE-VERSION",
        "?signature=",
        "sha256=",
        "t=",
        "v1=",
    ];
    let fixtures_dir = root().join("tests/fixtures");
    let mut slugs: Vec<&str> = Vendor::ALL.iter().map(|vendor| vendor.slug()).collect();
    slugs.sort_unstable();
    assert!(!slugs.is_empty(), "no vendor in Vendor::ALL");

    let mut markers: Vec<String> = Vec::new();
    let mut add_marker = |marker: String| {
        if !markers.iter().any(|m| m.eq_ignore_ascii_case(&marker)) {
            markers.push(marker);
        }
    };
    let mut sections = String::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut entries = 0;
    for slug in &slugs {
        let vendor: Vendor = slug.parse().unwrap();
        let dir = fixtures_dir.join(slug);
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{slug}: no fixtures folder {}: {err}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{slug}: no fixture in {}", dir.display());
        let signed = demo::signer(vendor).sign(&fs::read(&files[0]).unwrap());
        for (name, _) in &signed.headers {
            add_marker(name.clone());
        }
        if let Some(query) = &signed.query {
            for pair in query.split('&') {
                let name = pair.split('=').next().unwrap_or_default();
                add_marker(format!("?{name}="));
            }
        }
        let mut keys = std::collections::BTreeSet::new();
        for file in &files {
            let value: serde_json::Value = serde_json::from_slice(&fs::read(file).unwrap())
                .unwrap_or_else(|err| panic!("{}: {err}", file.display()));
            json_keys(&value, &mut keys);
        }
        sections += &format!("\n# {slug}\n");
        for key in keys {
            if seen.insert(key.clone()) {
                sections += &dict_entry(&format!("\"{key}\""));
                sections.push('\n');
                entries += 1;
            }
        }
    }
    for marker in MARKERS {
        add_marker((*marker).to_owned());
    }
    let mut generated = String::from(
        "# libFuzzer dictionary for the `dispatch` target: every vendor's header names and\n\
         # scheme markers, then the JSON keys of its fixtures. Generated from tests/fixtures/\n\
         # and testing::demo by tests/generated.rs: do not edit by hand, regenerate with\n\
         # `REGENERATE=1 cargo test --test generated`.\n\n# headers and scheme markers\n",
    );
    for marker in &markers {
        generated += &dict_entry(marker);
        generated.push('\n');
    }
    generated += &sections;
    assert!(entries > 100, "{entries} JSON keys");
    check("fuzz/dict/dispatch.dict", &generated);
}
