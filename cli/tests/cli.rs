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
    fn finish(mut self) -> Vec<PathBuf> {
        assert!(self.child.wait().unwrap().success());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort_by_key(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            name.rsplit('-').next().unwrap().parse::<u32>().unwrap()
        });
        files
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
    assert!(output.contains("?[REDACTED]"), "{output}");
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
fn send_signs_the_new_vendors_samples_that_verify() {
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
        "Dropbox Sign signature_request_all_signed",
        "Adobe Acrobat Sign AGREEMENT_CREATED",
        "PandaDoc document_state_changed",
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
    assert!(output.contains("Dropbox Sign signature_request_all_signed"), "{output}");
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
