//! The real binary against captures it made itself from real HTTP requests on
//! loopback: capture → detect → verify, inspect, replay, send.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use esign_webhooks::Secret;
use esign_webhooks::testing::Signer;
use esign_webhooks::verify::HmacScheme;

const SECRET: &str = "esg-cli-test-secret-4f2a";
const BODY: &[u8] = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");

fn bin() -> Command {
    Command::cargo_bin("esign-webhooks").unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A running `capture` on a free loopback port, stopping after `count` requests.
struct CaptureServer {
    child: Child,
    url: String,
    dir: PathBuf,
}

impl CaptureServer {
    fn start(dir: &Path, count: usize) -> CaptureServer {
        let mut child = bin()
            .args([
                "--json",
                "capture",
                "--listen",
                "127.0.0.1:0",
                "--count",
                &count.to_string(),
                "--out",
            ])
            .arg(dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let url = value["listening"].as_str().unwrap().to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        CaptureServer {
            child,
            url,
            dir: dir.to_owned(),
        }
    }

    /// Waits for the server to stop and returns the capture files, oldest first.
    fn finish(self) -> Vec<PathBuf> {
        self.finish_with_output().0
    }

    /// Waits for the server to stop; returns the capture files, oldest first,
    /// and what it printed after its first line.
    fn finish_with_output(mut self) -> (Vec<PathBuf>, String) {
        assert!(self.child.wait().unwrap().success());
        let mut printed = String::new();
        std::io::Read::read_to_string(&mut self.child.stdout.take().unwrap(), &mut printed).unwrap();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort_by_key(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            name.rsplit('-').next().unwrap().parse::<u32>().unwrap()
        });
        (files, printed)
    }
}

fn run(command: &mut Command) -> (bool, String) {
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.success(), format!("{stdout}{stderr}"))
}

/// A Standard Webhooks delivery signed now, POSTed with reqwest to the capture server.
fn capture_one_delivery(name: &str) -> PathBuf {
    let server = CaptureServer::start(&temp_dir(name), 1);
    let request = Signer::hmac(HmacScheme::standard_webhooks(), Secret::new(SECRET))
        .with_id("msg_2b7Qx1")
        .sign(BODY);
    let mut post = reqwest::blocking::Client::new()
        .post(format!("{}/hooks/esignglobal?source=test", server.url))
        .header("content-type", "application/json")
        .body(request.body.clone());
    for (name, value) in &request.headers {
        post = post.header(name.as_str(), value.as_str());
    }
    let response = post.send().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().unwrap(), esign_webhooks::esignglobal::SUCCESS_RESPONSE);
    let files = server.finish();
    assert_eq!(files.len(), 1);
    files.into_iter().next().unwrap()
}

#[test]
fn capture_stores_the_request_as_received() {
    let file = capture_one_delivery("format");
    let capture: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(capture["format"], "esign-webhooks-capture/1");
    assert_eq!(capture["method"], "POST");
    assert_eq!(capture["target"], "/hooks/esignglobal?source=test");
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD
        .decode(capture["body_base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(body, BODY);
    let headers = capture["headers"].as_array().unwrap();
    let names: Vec<&str> = headers.iter().map(|pair| pair[0].as_str().unwrap()).collect();
    for expected in ["content-type", "webhook-id", "webhook-timestamp", "webhook-signature"] {
        assert!(names.contains(&expected), "{names:?}");
    }
}

#[test]
fn capture_detect_verify_in_three_commands() {
    let file = capture_one_delivery("three");
    let dir = file.parent().unwrap().to_owned();

    // detect: human output names the scheme, the configuration and the Rust code.
    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", SECRET)
        .args(["detect", "--secret-env", "ESG_TEST_SECRET"])
        .arg(&file));
    assert!(ok, "{output}");
    assert!(
        output.contains("scheme = 'versioned-list=webhook-signature version=v1 id-header=webhook-id"),
        "{output}"
    );
    assert!(
        output.contains("SignatureLocation::versioned_list(\"webhook-signature\", \"v1\")"),
        "{output}"
    );
    assert!(!output.contains(SECRET));

    // detect --json: the configuration snippet, written to a file and used by verify.
    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", SECRET)
        .args(["--json", "detect", "--secret-env", "ESG_TEST_SECRET"])
        .arg(&file));
    assert!(ok, "{output}");
    let detected: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    assert_eq!(
        detected["scheme"].as_str().unwrap(),
        HmacScheme::standard_webhooks().to_string()
    );
    assert_eq!(detected["ambiguous"], false);
    let config = dir.join("esign-webhooks.toml");
    std::fs::write(&config, detected["config_toml"].as_str().unwrap()).unwrap();

    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", SECRET)
        .args(["verify", "--config"])
        .arg(&config)
        .arg(&file));
    assert!(ok, "{output}");
    assert!(output.starts_with("VERIFIED"), "{output}");
    assert!(
        output.contains("ENVELOPE_FINISH") && output.contains("0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f"),
        "{output}"
    );

    // Another secret: the typed error and the status the crate would answer, and a failing exit.
    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", "wrong")
        .args(["--json", "verify", "--config"])
        .arg(&config)
        .arg(&file));
    assert!(!ok);
    let failed: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    assert_eq!(failed["verified"], false);
    assert_eq!(failed["status"], 401);

    // detect with a wrong secret reports what was tried, and fails.
    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", "wrong")
        .args(["detect", "--secret-env", "ESG_TEST_SECRET"])
        .arg(&file));
    assert!(!ok);
    assert!(
        output.contains("no scheme found") && output.contains("combinations tried"),
        "{output}"
    );
}

#[test]
fn inspect_says_it_did_not_verify() {
    let file = capture_one_delivery("inspect");
    let (ok, output) = run(bin().arg("inspect").arg(&file));
    assert!(ok, "{output}");
    assert!(output.starts_with("NOT VERIFIED"), "{output}");
    assert!(output.contains("eSignGlobal"), "{output}");
    assert!(output.contains("webhook-signature"), "{output}");
    assert!(output.contains("?source=[REDACTED]"), "{output}");
}

#[test]
fn replay_resends_byte_for_byte() {
    let file = capture_one_delivery("replay-source");
    let server = CaptureServer::start(&temp_dir("replay-target"), 1);
    let (ok, output) = run(bin()
        .arg("replay")
        .arg(&file)
        .args(["--url", &format!("{}/hooks/esignglobal", server.url)]));
    assert!(ok, "{output}");
    let replayed = server.finish();
    let original: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let copy: serde_json::Value = serde_json::from_slice(&std::fs::read(&replayed[0]).unwrap()).unwrap();
    assert_eq!(copy["body_base64"], original["body_base64"]);
    assert_eq!(copy["target"], original["target"]);
    let signature = |capture: &serde_json::Value| {
        capture["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|pair| pair[0] == "webhook-signature")
            .map(|pair| pair[1].clone())
    };
    assert_eq!(signature(&copy), signature(&original));
}

#[test]
fn send_signs_samples_that_verify() {
    let dir = temp_dir("send");
    let config = dir.join("esign-webhooks.json");
    std::fs::write(
        &config,
        r#"{
  "esignglobal": {"method": "hmac", "scheme": "header=X-Esign-Signature timestamp-header=X-Esign-Timestamp separator=\".\" encoding=hex", "secret_env": "ESG_SEND_SECRET"},
  "ignisign": {"app_id": "appId_11111111-2222-3333-4444-555555555555", "app_env": "PRODUCTION"},
  "signplus": {"method": "query_token", "query_parameter": "token", "secret_env": "SIGNPLUS_SEND_TOKEN"},
  "constellation": {"method": "basic_auth", "username": "esign", "secret_env": "C1_SEND_PASSWORD"}
}"#,
    )
    .unwrap();
    let captures = temp_dir("send-captures");
    let server = CaptureServer::start(&captures, 4);
    let env = [
        ("ESG_SEND_SECRET", "esg-s3nd"),
        ("SIGNPLUS_SEND_TOKEN", "sp-t0ken"),
        ("C1_SEND_PASSWORD", "c1-pw"),
    ];
    let (ok, output) = run(bin()
        .envs(env)
        .args(["send", "--config"])
        .arg(&config)
        .args(["--url", &server.url]));
    assert!(ok, "{output}");
    assert_eq!(
        output.lines().filter(|line| line.starts_with("sent ")).count(),
        4,
        "{output}"
    );
    let files = server.finish();
    assert_eq!(files.len(), 4);
    // Every signed sample verifies with the same configuration; the typed events are printed.
    let (ok, output) = run(bin()
        .envs(env)
        .args(["verify", "--now", "system", "--config"])
        .arg(&config)
        .args(&files));
    assert!(ok, "{output}");
    assert_eq!(output.matches("VERIFIED").count(), 4, "{output}");
    for vendor in ["eSignGlobal", "Ignisign", "Sign.Plus", "Constellation1 eSign"] {
        assert!(output.contains(vendor), "{vendor}: {output}");
    }

    // One vendor and one event; an unknown event fails.
    let server = CaptureServer::start(&temp_dir("send-one"), 1);
    let (ok, output) = run(bin()
        .envs(env)
        .args([
            "send",
            "--vendor",
            "signplus",
            "--event",
            "envelope_declined",
            "--config",
        ])
        .arg(&config)
        .args(["--url", &server.url]));
    assert!(ok, "{output}");
    assert_eq!(server.finish().len(), 1);
    let (ok, output) = run(bin()
        .envs(env)
        .args(["send", "--event", "no_such_event", "--config"])
        .arg(&config)
        .args(["--url", "http://127.0.0.1:9"]));
    assert!(!ok);
    assert!(output.contains("--event list"), "{output}");
}

/// The vendors with a proof of their own (Dropbox Sign's `event_hash`,
/// SignWell's `event.hash`, Adobe's client id), documented HMAC schemes
/// (DocuSign, Box Sign's two keys, PandaDoc's query signature) and a header
/// token (Documenso): `send` signs each, the captures verify.
#[test]
fn send_signs_samples_with_each_vendors_own_proof() {
    let dir = temp_dir("send-new");
    let config = dir.join("esign-webhooks.json");
    std::fs::write(
        &config,
        r#"{
  "docusign": {"method": "hmac", "secret_env": "DS_KEY"},
  "dropboxsign": {"method": "hmac", "secret_env": "DROPBOX_KEY"},
  "adobesign": {"method": "header_token", "header": "X-AdobeSign-ClientId", "secret_env": "ADOBE_CLIENT_ID"},
  "pandadoc": {"method": "hmac", "secret_env": "PANDADOC_KEY"},
  "documenso": {"method": "header_token", "header": "X-Documenso-Secret", "secret_env": "DOCUMENSO_SECRET"},
  "signwell": {"method": "hmac", "secret_env": "SIGNWELL_ID"},
  "boxsign": {"method": "hmac", "secret_env": ["BOX_PRIMARY", "BOX_SECONDARY"]}
}"#,
    )
    .unwrap();
    let env = [
        ("DS_KEY", "ds-k3y"),
        ("DROPBOX_KEY", "dbx-api-k3y"),
        ("ADOBE_CLIENT_ID", "CBJCHBCAABAAcliTestClientId"),
        ("PANDADOC_KEY", "pd-shared-k3y"),
        ("DOCUMENSO_SECRET", "dm-s3cret"),
        ("SIGNWELL_ID", "sw-webhook-id"),
        ("BOX_PRIMARY", "box-primary-k3y"),
        ("BOX_SECONDARY", "box-secondary-k3y"),
    ];
    let server = CaptureServer::start(&temp_dir("send-new-captures"), 7);
    let (ok, output) = run(bin()
        .envs(env)
        .args(["send", "--config"])
        .arg(&config)
        .args(["--url", &server.url]));
    assert!(ok, "{output}");
    assert_eq!(output.lines().filter(|l| l.starts_with("sent ")).count(), 7, "{output}");
    let files = server.finish();
    assert_eq!(files.len(), 7);
    let (ok, output) = run(bin()
        .envs(env)
        .args(["verify", "--now", "system", "--config"])
        .arg(&config)
        .args(&files));
    assert!(ok, "{output}");
    assert_eq!(output.matches("VERIFIED").count(), 7, "{output}");
    for summary in [
        "DocuSign Connect envelope-completed",
        // Each vendor's default sample (`cli/build.rs`).
        "Dropbox Sign account_confirmed",
        "Adobe Acrobat Sign AGREEMENT_ACTION_COMPLETED",
        "PandaDoc document_completed_pdf_ready",
        "Documenso DOCUMENT_COMPLETED",
        "SignWell document_completed",
        "Box Sign SIGN_REQUEST.COMPLETED",
    ] {
        assert!(output.contains(summary), "{summary}: {output}");
    }
    // `inspect` tries every vendor: the Dropbox Sign multipart capture parses as Dropbox Sign only.
    let dropbox = files
        .iter()
        .find(|file| std::fs::read_to_string(file).unwrap().contains("multipart/form-data"))
        .unwrap();
    let (ok, output) = run(bin().arg("inspect").arg(dropbox));
    assert!(ok, "{output}");
    assert!(output.starts_with("NOT VERIFIED"), "{output}");
    assert!(output.contains("Dropbox Sign account_confirmed"), "{output}");
    assert!(!output.contains("several vendors"), "{output}");
    // A wrong key does not verify: the samples carry real proofs.
    let (ok, output) = run(bin()
        .envs(env)
        .env("SIGNWELL_ID", "another-webhook-id")
        .env("DROPBOX_KEY", "another-api-key")
        .args(["verify", "--now", "system", "--config"])
        .arg(&config)
        .args(&files));
    assert!(!ok, "{output}");
    assert_eq!(output.matches("FAILED").count(), 2, "{output}");
}

#[test]
fn help_and_usage_errors() {
    let (ok, output) = run(bin().arg("--help"));
    assert!(ok);
    for command in ["capture", "detect", "verify", "send", "replay", "inspect"] {
        assert!(output.contains(command), "{command}: {output}");
    }
    let (ok, _) = run(bin().arg("detect"));
    assert!(!ok);
    let (ok, output) = run(bin().args(["verify", "--config", "/nonexistent.toml", "/nonexistent.json"]));
    assert!(!ok);
    assert!(output.contains("cannot read"), "{output}");
}

// ---------------------------------------------------------------------------
// No command prints a credential (issue 17, item 3).

const DOCUMENSO_SECRET: &str = "dm-s3cret-7c41e9";
const SIGNPLUS_HEADER_TOKEN: &str = "sp-header-t0ken-93b2";
const SIGNPLUS_QUERY_TOKEN: &str = "sp-query-t0ken-2f6e";
const BASIC_PASSWORD: &str = "c1-basic-pw-5d8a";
const USERINFO_PASSWORD: &str = "userinfo-pw-a17c";
/// Sign.Plus lets users choose the header its token travels in.
const CUSTOM_HEADER: &str = "x-my-hook-token";

fn basic_credentials() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("esign:{BASIC_PASSWORD}"))
}

/// Every credential string the captures carry, and the forms they could leak in.
fn credentials() -> Vec<String> {
    vec![
        DOCUMENSO_SECRET.to_owned(),
        SIGNPLUS_HEADER_TOKEN.to_owned(),
        SIGNPLUS_QUERY_TOKEN.to_owned(),
        BASIC_PASSWORD.to_owned(),
        basic_credentials(),
        USERINFO_PASSWORD.to_owned(),
    ]
}

#[track_caller]
fn assert_no_credential(what: &str, output: &str) {
    for secret in credentials() {
        assert!(!output.contains(&secret), "{what} printed {secret}:\n{output}");
    }
}

/// A capture file written as `capture` writes them.
fn write_capture(dir: &Path, name: &str, target: &str, headers: &[(&str, String)], body: &[u8]) -> PathBuf {
    use base64::Engine as _;
    let capture = serde_json::json!({
        "format": "esign-webhooks-capture/1",
        "received_at_ms": 1_735_725_600_123_i64,
        "method": "POST",
        "target": target,
        "headers": headers.iter().map(|(n, v)| serde_json::json!([n, v])).collect::<Vec<_>>(),
        "body_base64": base64::engine::general_purpose::STANDARD.encode(body),
    });
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&capture).unwrap()).unwrap();
    path
}

struct SecretCaptures {
    dir: PathBuf,
    documenso: PathBuf,
    signplus_header: PathBuf,
    signplus_query: PathBuf,
    constellation: PathBuf,
    /// Every credential at once, and an absolute target with user information.
    everything: PathBuf,
}

fn secret_captures(name: &str) -> SecretCaptures {
    let dir = temp_dir(name);
    let json = || ("content-type", "application/json".to_owned());
    let documenso = write_capture(
        &dir,
        "documenso",
        "/hooks/documenso",
        &[json(), ("x-documenso-secret", DOCUMENSO_SECRET.to_owned())],
        include_bytes!("../../tests/fixtures/documenso/document_completed.json"),
    );
    let signplus_body: &[u8] = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
    let signplus_header = write_capture(
        &dir,
        "signplus-header",
        "/hooks/signplus",
        &[json(), (CUSTOM_HEADER, SIGNPLUS_HEADER_TOKEN.to_owned())],
        signplus_body,
    );
    let signplus_query = write_capture(
        &dir,
        "signplus-query",
        &format!("/hooks/signplus?token={SIGNPLUS_QUERY_TOKEN}&v=1"),
        &[json()],
        signplus_body,
    );
    let constellation = write_capture(
        &dir,
        "constellation",
        "/hooks/constellation",
        &[json(), ("authorization", format!("Basic {}", basic_credentials()))],
        include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json"),
    );
    let everything = write_capture(
        &dir,
        "everything",
        &format!(
            "http://hookuser:{USERINFO_PASSWORD}@hooks.example.com/hooks?token={SIGNPLUS_QUERY_TOKEN}#{USERINFO_PASSWORD}"
        ),
        &[
            json(),
            ("user-agent", "Documenso-Webhooks/1.0".to_owned()),
            ("x-documenso-secret", DOCUMENSO_SECRET.to_owned()),
            (CUSTOM_HEADER, SIGNPLUS_HEADER_TOKEN.to_owned()),
            ("authorization", format!("Basic {}", basic_credentials())),
            ("cookie", format!("session={USERINFO_PASSWORD}")),
        ],
        include_bytes!("../../tests/fixtures/documenso/document_completed.json"),
    );
    SecretCaptures {
        dir,
        documenso,
        signplus_header,
        signplus_query,
        constellation,
        everything,
    }
}

/// The environment holding the captures' secrets, by variable.
fn secret_env() -> [(&'static str, String); 4] {
    [
        ("DM_SECRET", DOCUMENSO_SECRET.to_owned()),
        ("SP_HEADER_TOKEN", SIGNPLUS_HEADER_TOKEN.to_owned()),
        ("SP_QUERY_TOKEN", SIGNPLUS_QUERY_TOKEN.to_owned()),
        ("C1_PASSWORD", BASIC_PASSWORD.to_owned()),
    ]
}

/// The binary with the captures' secrets in its environment.
fn secret_bin() -> Command {
    let mut command = bin();
    command.envs(secret_env());
    command
}

/// Runs a command and returns its success and stdout + stderr, asserting both
/// are free of every credential.
#[track_caller]
fn run_secret_free(what: &str, command: &mut Command) -> (bool, String) {
    let (ok, output) = run(command);
    assert_no_credential(what, &output);
    (ok, output)
}

/// A loopback port nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[test]
fn inspect_shows_only_descriptive_header_values() {
    let captures = secret_captures("secrets-inspect");
    let all = [
        &captures.documenso,
        &captures.signplus_header,
        &captures.signplus_query,
        &captures.constellation,
        &captures.everything,
    ];
    for file in all {
        let (ok, output) = run_secret_free("inspect", secret_bin().arg("inspect").arg(file));
        assert!(ok, "{output}");
        assert!(output.starts_with("NOT VERIFIED"), "{output}");
        // The descriptive headers keep their values; the names of the others stay.
        assert!(output.contains("content-type: application/json"), "{output}");
        let (ok, output) = run_secret_free("inspect --json", secret_bin().args(["--json", "inspect"]).arg(file));
        assert!(ok, "{output}");
        let shown: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
        assert_eq!(shown["verified"], false);
    }
    let (_, output) = run_secret_free("inspect", secret_bin().arg("inspect").arg(&captures.everything));
    for expected in [
        "http://[REDACTED]@hooks.example.com/hooks?token=[REDACTED]#[REDACTED]",
        "x-documenso-secret: [REDACTED]",
        "x-my-hook-token: [REDACTED]",
        "authorization: [REDACTED]",
        "cookie: [REDACTED]",
        "user-agent: Documenso-Webhooks/1.0",
        "Documenso",
    ] {
        assert!(output.contains(expected), "{expected}: {output}");
    }
    let (_, output) = run_secret_free(
        "inspect --json",
        secret_bin().args(["--json", "inspect"]).arg(&captures.signplus_query),
    );
    let shown: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    assert_eq!(shown["query"], "token=[REDACTED]&v=[REDACTED]");
    assert_eq!(shown["path"], "/hooks/signplus");
    let (_, output) = run_secret_free(
        "inspect --json",
        secret_bin().args(["--json", "inspect"]).arg(&captures.everything),
    );
    let shown: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    assert_eq!(shown["path"], "http://[REDACTED]@hooks.example.com/hooks");
    let headers = shown["headers"].as_array().unwrap();
    assert!(
        headers.contains(&serde_json::json!(["x-my-hook-token", "[REDACTED]"])),
        "{headers:?}"
    );
    assert!(
        headers.contains(&serde_json::json!(["content-type", "application/json"])),
        "{headers:?}"
    );
}

#[test]
fn verify_and_detect_print_no_credential() {
    let captures = secret_captures("secrets-verify");
    let header_config = captures.dir.join("header.json");
    std::fs::write(
        &header_config,
        r#"{
  "documenso": {"method": "header_token", "header": "X-Documenso-Secret", "secret_env": "DM_SECRET"},
  "signplus": {"method": "header_token", "header": "X-My-Hook-Token", "secret_env": "SP_HEADER_TOKEN"},
  "constellation": {"method": "basic_auth", "username": "esign", "secret_env": "C1_PASSWORD"}
}"#,
    )
    .unwrap();
    let query_config = captures.dir.join("query.json");
    std::fs::write(
        &query_config,
        r#"{"signplus": {"method": "query_token", "query_parameter": "token", "secret_env": "SP_QUERY_TOKEN"}}"#,
    )
    .unwrap();
    let header_files = [&captures.documenso, &captures.signplus_header, &captures.constellation];
    for json in [false, true] {
        let flag: &[&str] = if json { &["--json"] } else { &[] };
        // Verified: the typed events, and no credential.
        let (ok, output) = run_secret_free(
            "verify",
            secret_bin()
                .args(flag)
                .args(["verify", "--config"])
                .arg(&header_config)
                .args(header_files),
        );
        assert!(ok, "{output}");
        assert_eq!(
            output.matches("VERIFIED").count() + output.matches("\"verified\":true").count(),
            3,
            "{output}"
        );
        let (ok, output) = run_secret_free(
            "verify query",
            secret_bin()
                .args(flag)
                .args(["verify", "--config"])
                .arg(&query_config)
                .arg(&captures.signplus_query),
        );
        assert!(ok, "{output}");
        // Refused, with every vendor's check failing: the errors name no credential either.
        let (ok, output) = run_secret_free(
            "verify (refused)",
            secret_bin()
                .args(flag)
                .args(["verify", "--config"])
                .arg(&query_config)
                .args(header_files)
                .arg(&captures.everything),
        );
        assert!(!ok, "{output}");
        let (ok, output) = run_secret_free(
            "verify (wrong secrets)",
            secret_bin()
                .args(flag)
                .args(["verify", "--config"])
                .arg(&header_config)
                .args(header_files)
                .env("DM_SECRET", "another-secret")
                .env("SP_HEADER_TOKEN", "another-token")
                .env("C1_PASSWORD", "another-password"),
        );
        assert!(!ok, "{output}");
        // detect finds the scheme from the capture and prints it, not the secret.
        for (file, var, expected) in [
            (&captures.documenso, "DM_SECRET", "x-documenso-secret"),
            (&captures.signplus_header, "SP_HEADER_TOKEN", CUSTOM_HEADER),
            (&captures.signplus_query, "SP_QUERY_TOKEN", "token"),
            (&captures.constellation, "C1_PASSWORD", "esign"),
        ] {
            let (ok, output) = run_secret_free(
                "detect",
                secret_bin()
                    .args(flag)
                    .args(["detect", "--vendor", "signplus", "--secret-env", var])
                    .arg(file),
            );
            assert!(ok, "{output}");
            assert!(output.to_ascii_lowercase().contains(expected), "{expected}: {output}");
        }
    }
}

/// A secret given where the variable's name belongs is not printed back.
#[test]
fn a_secret_passed_as_a_variable_name_is_not_printed() {
    let captures = secret_captures("secrets-misplaced");
    let (ok, output) = run_secret_free(
        "detect",
        secret_bin()
            .args(["detect", "--secret-env", DOCUMENSO_SECRET])
            .arg(&captures.documenso),
    );
    assert!(!ok);
    assert!(output.contains("--secret-env is not set"), "{output}");
    let config = captures.dir.join("misplaced.json");
    std::fs::write(
        &config,
        format!(r#"{{"documenso": {{"method": "header_token", "header": "X-Documenso-Secret", "secret_env": "{DOCUMENSO_SECRET}"}}}}"#),
    )
    .unwrap();
    for flag in [None, Some("--json")] {
        let (ok, output) = run_secret_free(
            "verify",
            secret_bin()
                .args(flag)
                .env_remove("DM_SECRET")
                .args(["verify", "--config"])
                .arg(&config)
                .arg(&captures.documenso),
        );
        assert!(!ok);
        assert!(output.contains("documenso.secret_env"), "{output}");
    }
}

#[test]
fn replay_sends_credentials_but_prints_none() {
    let captures = secret_captures("secrets-replay");
    let server = CaptureServer::start(&temp_dir("secrets-replay-target"), 2);
    for flag in [None, Some("--json")] {
        let (ok, output) = run_secret_free(
            "replay",
            secret_bin()
                .args(flag)
                .arg("replay")
                .arg(&captures.everything)
                .args(["--url", &format!("{}/hooks", server.url)]),
        );
        assert!(ok, "{output}");
    }
    let (replayed, printed) = server.finish_with_output();
    assert_no_credential("capture", &printed);
    assert_eq!(replayed.len(), 2);
    // What arrived carries every credential byte for byte.
    let original: serde_json::Value = serde_json::from_slice(&std::fs::read(&captures.everything).unwrap()).unwrap();
    for file in &replayed {
        let copy: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        assert_eq!(copy["target"], format!("/hooks?token={SIGNPLUS_QUERY_TOKEN}"));
        assert_eq!(copy["body_base64"], original["body_base64"]);
        let headers = copy["headers"].as_array().unwrap();
        for (name, value) in [
            ("x-documenso-secret", DOCUMENSO_SECRET.to_owned()),
            (CUSTOM_HEADER, SIGNPLUS_HEADER_TOKEN.to_owned()),
            ("authorization", format!("Basic {}", basic_credentials())),
        ] {
            assert!(
                headers.contains(&serde_json::json!([name, value])),
                "{name}: {headers:?}"
            );
        }
    }
}

#[test]
fn a_failed_replay_or_send_prints_no_url_credential() {
    let captures = secret_captures("secrets-closed");
    let port = closed_port();
    let urls = [
        // The captured `?token=` is appended to this one.
        format!("http://127.0.0.1:{port}/hooks"),
        format!("http://hookuser:{USERINFO_PASSWORD}@127.0.0.1:{port}/hooks?token={SIGNPLUS_QUERY_TOKEN}"),
    ];
    for url in &urls {
        for flag in [None, Some("--json")] {
            let (ok, output) = run_secret_free(
                "replay to a closed port",
                secret_bin()
                    .args(flag)
                    .arg("replay")
                    .arg(&captures.signplus_query)
                    .args(["--url", url]),
            );
            assert!(!ok, "{output}");
            assert!(output.contains(&format!("127.0.0.1:{port}")), "{output}");
            assert!(
                !url.contains('@') || output.contains("[REDACTED]@127.0.0.1"),
                "{output}"
            );
        }
    }
    // `send` signs a query token into the URL: its failure hides it too.
    let config = captures.dir.join("send.json");
    std::fs::write(
        &config,
        r#"{"signplus": {"method": "query_token", "query_parameter": "token", "secret_env": "SP_QUERY_TOKEN"},
            "documenso": {"method": "header_token", "header": "X-Documenso-Secret", "secret_env": "DM_SECRET"}}"#,
    )
    .unwrap();
    for url in &urls {
        for flag in [None, Some("--json")] {
            let (ok, output) = run_secret_free(
                "send to a closed port",
                secret_bin()
                    .args(flag)
                    .args(["send", "--config"])
                    .arg(&config)
                    .args(["--url", url]),
            );
            assert!(!ok, "{output}");
            assert!(output.contains("error"), "{output}");
        }
    }
    let (ok, output) = run_secret_free(
        "send with no matching sample",
        secret_bin()
            .args(["send", "--event", "no_such_event", "--config"])
            .arg(&config)
            .args(["--url", &urls[1]]),
    );
    assert!(!ok, "{output}");
}

/// `capture` prints the path, never the query or the headers' values.
#[test]
fn capture_prints_no_credential() {
    let server = CaptureServer::start(&temp_dir("secrets-capture"), 1);
    let response = reqwest::blocking::Client::new()
        .post(format!("{}/hooks/signplus?token={SIGNPLUS_QUERY_TOKEN}", server.url))
        .header("authorization", format!("Basic {}", basic_credentials()))
        .header(CUSTOM_HEADER, SIGNPLUS_HEADER_TOKEN)
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    let (files, printed) = server.finish_with_output();
    assert_eq!(files.len(), 1);
    assert_no_credential("capture", &printed);
    assert!(printed.contains("/hooks/signplus"), "{printed}");
}

#[cfg(unix)]
#[test]
fn captures_are_private_files_in_a_private_folder() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    // A folder (and its parent) the tool creates: 0700; the files: 0600.
    let root = temp_dir("modes");
    std::fs::remove_dir(&root).unwrap();
    let dir = root.join("nested");
    let server = CaptureServer::start(&dir, 2);
    for _ in 0..2 {
        let response = reqwest::blocking::Client::new()
            .post(format!("{}/hooks?token={SIGNPLUS_QUERY_TOKEN}", server.url))
            .body("{}")
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let files = server.finish();
    assert_eq!(files.len(), 2);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&dir), 0o700);
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    // A folder that exists keeps the permissions its owner gave it; the files are still 0600.
    let shared = temp_dir("modes-existing");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o750)).unwrap();
    let server = CaptureServer::start(&shared, 1);
    reqwest::blocking::Client::new()
        .post(format!("{}/hooks", server.url))
        .body("{}")
        .send()
        .unwrap();
    let files = server.finish();
    assert_eq!(mode(&shared), 0o750);
    assert_eq!(mode(&files[0]), 0o600);
}

/// `send` has a sample of every vendor in the crate's table (its fixtures,
/// embedded by `build.rs`), and `--vendor` accepts every slug.
#[test]
fn every_vendor_has_a_sample() {
    let (ok, output) = run(bin().args(["send", "--event", "list", "--config", "-", "--url", "-"]));
    assert!(ok, "{output}");
    for vendor in esign_webhooks::Vendor::ALL {
        assert!(
            output.lines().any(|line| line.split(' ').next() == Some(vendor.slug())),
            "{vendor}: no `send` sample (add tests/fixtures/{}/<event>.json): {output}",
            vendor.slug()
        );
    }
    let (ok, output) = run(bin().args(["send", "--help"]));
    assert!(ok, "{output}");
    for vendor in esign_webhooks::Vendor::ALL {
        assert!(
            output.contains(vendor.slug()),
            "{vendor}: not in `send --help`: {output}"
        );
    }
}

/// An eSignGlobal body is shown as eSignGlobal's only: Adobe Acrobat Sign's
/// parse accepts it too, but its format does not claim it, and it is named
/// as such rather than shown as an Adobe event.
#[test]
fn inspect_reports_only_the_vendors_whose_format_claims_the_body() {
    let file = capture_one_delivery("inspect-claims");
    let (ok, output) = run(bin().arg("inspect").arg(&file));
    assert!(ok, "{output}");
    assert!(
        output.contains("\neSignGlobal: eSignGlobal ENVELOPE_FINISH"),
        "{output}"
    );
    assert!(!output.contains("Adobe Acrobat Sign ENVELOPE_FINISH"), "{output}");
    assert!(!output.contains("several vendors"), "{output}");

    let (ok, output) = run(bin().args(["--json", "inspect"]).arg(&file));
    assert!(ok, "{output}");
    let value: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    let parsed = value["parsed_as"].as_array().unwrap();
    assert_eq!(parsed.len(), 1, "{output}");
    assert_eq!(parsed[0]["vendor"], "eSignGlobal");
    let unclaimed = value["also_parses_unclaimed"].as_array().unwrap();
    assert!(!unclaimed.iter().any(|v| v == "eSignGlobal"), "{output}");
}

/// `verify` and `inspect` print a one-line summary per capture; `--debug`
/// adds the full `Debug` of the event.
#[test]
fn verify_and_inspect_print_a_summary_unless_debug() {
    let file = capture_one_delivery("summary");
    let dir = file.parent().unwrap().to_owned();
    let (ok, output) = run(bin()
        .env("ESG_TEST_SECRET", SECRET)
        .args(["--json", "detect", "--secret-env", "ESG_TEST_SECRET"])
        .arg(&file));
    assert!(ok, "{output}");
    let detected: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    let config = dir.join("esign-webhooks.toml");
    std::fs::write(&config, detected["config_toml"].as_str().unwrap()).unwrap();
    let verify = |debug: bool| {
        let mut command = bin();
        command.env("ESG_TEST_SECRET", SECRET);
        if debug {
            command.arg("--debug");
        }
        run(command.args(["verify", "--config"]).arg(&config).arg(&file))
    };
    let (ok, short) = verify(false);
    assert!(ok, "{short}");
    assert_eq!(short.lines().count(), 1, "{short}");
    assert!(
        short.contains("ENVELOPE_FINISH (envelope 0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f)"),
        "{short}"
    );
    let (ok, long) = verify(true);
    assert!(ok, "{long}");
    assert!(long.lines().count() > 10 && long.contains("EsignGlobal("), "{long}");

    let (_, short) = run(bin().arg("inspect").arg(&file));
    let (_, long) = run(bin().args(["--debug", "inspect"]).arg(&file));
    assert!(
        !short.contains("EsignGlobal(") && long.contains("EsignGlobal("),
        "{short}\n---\n{long}"
    );
    assert!(long.lines().count() > short.lines().count() + 10);
}

/// `send --json` gives the HTTP status as a number, and `null` with an
/// `error` when nothing answered.
#[test]
fn send_json_status_is_a_number() {
    let dir = temp_dir("send-json");
    let config = dir.join("esign-webhooks.json");
    std::fs::write(
        &config,
        r#"{"signplus": {"method": "query_token", "query_parameter": "token", "secret_env": "SIGNPLUS_JSON_TOKEN"}}"#,
    )
    .unwrap();
    let server = CaptureServer::start(&temp_dir("send-json-captures"), 1);
    let (ok, output) = run(bin()
        .env("SIGNPLUS_JSON_TOKEN", "sp-json")
        .args(["--json", "send", "--event", "envelope_declined", "--config"])
        .arg(&config)
        .args(["--url", &server.url]));
    assert!(ok, "{output}");
    server.finish();
    let line: serde_json::Value = serde_json::from_str(output.trim()).unwrap();
    assert_eq!(line["status"], serde_json::json!(200), "{output}");
    assert!(line["status"].is_u64(), "{output}");

    let url = format!("http://127.0.0.1:{}/", closed_port());
    let (ok, output) = run(bin()
        .env("SIGNPLUS_JSON_TOKEN", "sp-json")
        .args(["--json", "send", "--event", "envelope_declined", "--config"])
        .arg(&config)
        .args(["--url", &url]));
    assert!(!ok, "{output}");
    let line: serde_json::Value = serde_json::from_str(output.lines().next().unwrap()).unwrap();
    assert!(line["status"].is_null() && line["error"].is_string(), "{output}");
}

/// `inspect … | head -1`: the reader closes the pipe early; the command
/// ends quietly instead of panicking on the broken pipe.
#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let file = capture_one_delivery("epipe");
    let mut child = bin()
        .args(["--debug", "inspect"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end before reading anything: every write fails with EPIPE.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
