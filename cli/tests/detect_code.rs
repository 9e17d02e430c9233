//! The Rust code `esign-webhooks detect` prints compiles: every method
//! detection can print, pasted into a scratch crate that depends on this
//! workspace's library, is built with cargo (offline, in its own target
//! folder under this workspace's `target/`, so later runs are incremental).

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use esign_webhooks::Secret;
use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{HmacScheme, SignatureLocation, SignedContent, TimestampLocation};

const SECRET: &str = "esg-detect-code-secret-7c1d";
const BODY: &[u8] = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
/// The capture's receipt time, and the signing time: detection checks a
/// timestamp against the time the capture was received.
const RECEIVED_AT_SECONDS: i64 = 1_735_725_600;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-detect-code-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A capture file as `capture` writes it.
fn write_capture(dir: &Path, name: &str, target: &str, headers: &[(String, String)], body: &[u8]) -> PathBuf {
    use base64::Engine as _;
    let capture = serde_json::json!({
        "format": "esign-webhooks-capture/1",
        "received_at_ms": RECEIVED_AT_SECONDS * 1000,
        "method": "POST",
        "target": target,
        "headers": headers.iter().map(|(n, v)| serde_json::json!([n, v])).collect::<Vec<_>>(),
        "body_base64": base64::engine::general_purpose::STANDARD.encode(body),
    });
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&capture).unwrap()).unwrap();
    path
}

/// The Rust code `detect --json` prints for `capture`.
fn detected_code(capture: &Path, vendor: &str, format: Option<&str>, secret: &str) -> String {
    let mut command = Command::cargo_bin("esign-webhooks").unwrap();
    command.env("DETECT_CODE_SECRET", secret).args([
        "--json",
        "detect",
        "--vendor",
        vendor,
        "--secret-env",
        "DETECT_CODE_SECRET",
    ]);
    if let Some(format) = format {
        command.args(["--secret-format", format]);
    }
    let output = command.arg(capture).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "detect failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let detected: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    detected["rust"]
        .as_str()
        .expect("detect --json prints the Rust code")
        .to_owned()
}

/// The printed code as it would be pasted: in a module of its own (its `use`
/// line at the top), its statements in a function that returns the verifier.
fn as_module(index: usize, vendor: &str, code: &str) -> String {
    let (uses, statements): (Vec<&str>, Vec<&str>) = code.lines().partition(|line| line.starts_with("use "));
    format!(
        "#[allow(dead_code)]\nmod case_{index} {{\n{}\npub fn verifier() -> Result<esign_webhooks::{vendor}::Verifier, Box<dyn std::error::Error>> {{\n{}\n    Ok(verifier)\n}}\n}}\n",
        uses.join("\n"),
        statements.join("\n")
    )
}

#[test]
fn detect_prints_code_that_compiles() {
    let dir = scratch("captures");
    let json = ("content-type".to_owned(), "application/json".to_owned());
    let mut cases = Vec::new();

    // Standard Webhooks, with the secret in its `whsec_` form.
    let whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let signed = Signer::hmac(
        HmacScheme::standard_webhooks(),
        Secret::from_standard_webhooks(whsec).unwrap(),
    )
    .at(RECEIVED_AT_SECONDS)
    .with_id("msg_2b7Qx1")
    .sign(BODY);
    let mut headers = signed.headers.clone();
    headers.push(json.clone());
    let path = write_capture(&dir, "standard", "/hooks", &headers, &signed.body);
    cases.push((
        "esignglobal",
        detected_code(&path, "esignglobal", Some("standard-webhooks"), whsec),
    ));

    // A timestamped hex HMAC in two headers, for a vendor other than eSignGlobal.
    let scheme = HmacScheme::new(
        SignatureLocation::header("x-signature"),
        SignedContent::timestamp_then_body(TimestampLocation::header("x-timestamp"), "."),
        esign_webhooks::verify::Encoding::Hex,
    );
    let signed = Signer::hmac(scheme, Secret::new(SECRET))
        .at(RECEIVED_AT_SECONDS)
        .sign(BODY);
    let mut headers = signed.headers.clone();
    headers.push(json.clone());
    let path = write_capture(&dir, "timestamped", "/hooks", &headers, &signed.body);
    cases.push(("signplus", detected_code(&path, "signplus", None, SECRET)));

    // A base64 key.
    let key = "c2VjcmV0LWtleS1mb3ItYmFzZTY0LWRldGVjdGlvbg==";
    let scheme = HmacScheme::new(
        SignatureLocation::header("x-body-signature"),
        SignedContent::Body,
        esign_webhooks::verify::Encoding::Base64,
    );
    let signed = Signer::hmac(scheme, Secret::from_base64(key).unwrap()).sign(BODY);
    let mut headers = signed.headers.clone();
    headers.push(json.clone());
    let path = write_capture(&dir, "base64", "/hooks", &headers, &signed.body);
    cases.push(("esignglobal", detected_code(&path, "esignglobal", Some("base64"), key)));

    // A token in a header, in the query, and Basic credentials.
    let signed = Signer::header_token("x-webhook-token", Secret::new(SECRET)).sign(BODY);
    let mut headers = signed.headers.clone();
    headers.push(json.clone());
    let path = write_capture(&dir, "header", "/hooks", &headers, &signed.body);
    cases.push(("signplus", detected_code(&path, "signplus", None, SECRET)));
    let path = write_capture(
        &dir,
        "query",
        &format!("/hooks?token={SECRET}"),
        std::slice::from_ref(&json),
        BODY,
    );
    cases.push(("constellation", detected_code(&path, "constellation", None, SECRET)));
    let signed = Signer::basic_auth("esign", Secret::new(SECRET)).sign(BODY);
    let mut headers = signed.headers.clone();
    headers.push(json);
    let path = write_capture(&dir, "basic", "/hooks", &headers, &signed.body);
    cases.push(("constellation", detected_code(&path, "constellation", None, SECRET)));

    let modules: String = cases
        .iter()
        .enumerate()
        .map(|(index, (vendor, code))| as_module(index, vendor, code))
        .collect();
    let crate_dir = scratch("crate");
    std::fs::create_dir_all(crate_dir.join("src")).unwrap();
    let library = workspace().canonicalize().unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"detect-code\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[dependencies]\nesign-webhooks = {{ path = {:?} }}\n\n[workspace]\n",
            library.display().to_string()
        ),
    )
    .unwrap();
    let source = format!("{modules}\nfn main() {{}}\n");
    std::fs::write(crate_dir.join("src/main.rs"), &source).unwrap();
    // The library's own lock file: the same dependency versions, no registry needed.
    std::fs::copy(library.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();

    let output = Command::new(env!("CARGO"))
        .current_dir(&crate_dir)
        .env("CARGO_TARGET_DIR", library.join("target/detect-code"))
        .env("RUSTFLAGS", "-D warnings")
        .args(["build", "--offline", "--quiet"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the code `detect` prints does not compile:\n{source}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&crate_dir);
}
