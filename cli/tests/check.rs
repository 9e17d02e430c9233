//! `esign-webhooks check` against the axum example (`examples/axum.rs`),
//! configured for every vendor with its demo defaults: every vendor's
//! setup handshake, delivery and duplicate pass; a wrong secret in check's
//! configuration fails with a readable reason and a non-zero exit, printing
//! no secret.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use esign_webhooks::Vendor;

/// The axum example's demo defaults (`examples/common/mod.rs`), as check's
/// environment: the variable each table of [`CONFIG`] reads, and its value.
const DEMO_SECRETS: &[(&str, &str)] = &[
    ("ESIGNGLOBAL_SECRET", "demo-esignglobal-secret"),
    ("SIGNPLUS_TOKEN", "demo-signplus-token"),
    ("CONSTELLATION_PASSWORD", "demo-constellation-password"),
    ("DOCUSIGN_HMAC_KEY", "demo-docusign-hmac-key"),
    ("DROPBOXSIGN_API_KEY", "demo-dropboxsign-api-key"),
    ("BOLDSIGN_SECRET", "demo-boldsign-secret"),
    ("ADOBESIGN_CLIENT_ID", "CBJCHBCAABAAdemoAdobeSignClientId"),
    ("YOUSIGN_SECRET", "demo-yousign-secret"),
    ("PANDADOC_SHARED_KEY", "demo-pandadoc-shared-key"),
    ("ZOHOSIGN_SECRET", "demo-zohosign-secret"),
    ("DOCUMENSO_SECRET", "demo-documenso-secret"),
    ("DOCUSEAL_SECRET", "whsec_demo-docuseal-secret"),
    ("SIGNWELL_WEBHOOK_ID", "demo-signwell-webhook-id"),
    ("OPENSIGN_KEY", "demo-opensign-key"),
    ("BOXSIGN_PRIMARY_KEY", "demo-box-primary-key"),
    ("BOXSIGN_SECONDARY_KEY", "demo-box-secondary-key"),
    // OneSpan sends its callback key itself after `Basic `: the whole header value is the token.
    ("ONESPAN_AUTHORIZATION", "Basic demo-onespan-callback-key"),
    ("SIGNATUREAPI_SECRET", "whsec_ZGVtby1zaWduYXR1cmVhcGktc2VjcmV0"),
    ("SIGNNOW_TOKEN", "demo-signnow-token"),
    ("CLICKSIGN_SECRET", "demo-clicksign-secret"),
    ("AUTENTIQUE_SECRET", "demo-autentique-secret"),
    ("ZAPSIGN_TOKEN", "demo-zapsign-token"),
    ("D4SIGN_SECRET", "demo-d4sign-secret"),
];

/// Every vendor's table, in the library's configuration format, matching
/// the axum example's verifiers.
const CONFIG: &str = r#"
[esignglobal]
method = "hmac"
scheme = 'header=x-demo-signature encoding=hex'
secret_env = "ESIGNGLOBAL_SECRET"

[ignisign]
app_id = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b"
app_env = "DEVELOPMENT"

[signplus]
method = "query_token"
query_parameter = "token"
secret_env = "SIGNPLUS_TOKEN"

[constellation]
method = "basic_auth"
username = "esign"
secret_env = "CONSTELLATION_PASSWORD"

[docusign]
method = "hmac"
secret_env = "DOCUSIGN_HMAC_KEY"

[dropboxsign]
secret_env = "DROPBOXSIGN_API_KEY"

[boldsign]
method = "hmac"
secret_env = "BOLDSIGN_SECRET"

[adobesign]
secret_env = "ADOBESIGN_CLIENT_ID"

[yousign]
method = "hmac"
secret_env = "YOUSIGN_SECRET"

[pandadoc]
method = "hmac"
secret_env = "PANDADOC_SHARED_KEY"

[zohosign]
method = "hmac"
secret_env = "ZOHOSIGN_SECRET"

[documenso]
method = "header_token"
header = "X-Documenso-Secret"
secret_env = "DOCUMENSO_SECRET"

[docuseal]
method = "hmac"
secret_env = "DOCUSEAL_SECRET"

[signwell]
secret_env = "SIGNWELL_WEBHOOK_ID"

[opensign]
method = "hmac"
secret_env = "OPENSIGN_KEY"

[boxsign]
method = "hmac"
secret_env = ["BOXSIGN_PRIMARY_KEY", "BOXSIGN_SECONDARY_KEY"]

[onespan]
method = "header_token"
header = "Authorization"
secret_env = "ONESPAN_AUTHORIZATION"

[signatureapi]
method = "hmac"
secret_env = "SIGNATUREAPI_SECRET"
secret_format = "standard_webhooks"

[signnow]
method = "header_token"
header = "X-Webhook-Token"
secret_env = "SIGNNOW_TOKEN"

[clicksign]
method = "hmac"
secret_env = "CLICKSIGN_SECRET"

[autentique]
method = "hmac"
secret_env = "AUTENTIQUE_SECRET"

[zapsign]
method = "header_token"
header = "X-Webhook-Token"
secret_env = "ZAPSIGN_TOKEN"

[d4sign]
secret_env = "D4SIGN_SECRET"
"#;

/// The axum example on a free loopback port, stopped when dropped.
struct AxumExample {
    child: Child,
    url: String,
}

impl AxumExample {
    fn start() -> AxumExample {
        let binary = build_axum_example();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let child = Command::new(binary)
            .env("LISTEN_ADDR", addr.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let example = AxumExample {
            child,
            url: format!("http://{addr}/webhooks"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(addr).is_err() {
            assert!(Instant::now() < deadline, "the axum example did not listen on {addr}");
            std::thread::sleep(Duration::from_millis(50));
        }
        example
    }
}

impl Drop for AxumExample {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `cargo build --example axum --features axum` for the library, in this
/// build's target directory; the example's path.
fn build_axum_example() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--example",
            "axum",
            "--features",
            "axum",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .status()
        .unwrap();
    assert!(status.success(), "the axum example does not build");
    // This test runs from target/<profile>/deps/; the example is in target/<profile>/examples/.
    let profile_dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    let binary = profile_dir
        .join("examples")
        .join(format!("axum{}", std::env::consts::EXE_SUFFIX));
    assert!(binary.exists(), "{} is missing", binary.display());
    binary
}

/// Runs `esign-webhooks [global] check [args] --url URL --config <CONFIG>`.
fn check(url: &str, secrets: &[(&str, &str)], global: &[&str], args: &[&str]) -> (bool, String) {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-cli-{}-check", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("check.toml");
    std::fs::write(&config, CONFIG).unwrap();
    let output = Command::cargo_bin("esign-webhooks")
        .unwrap()
        .args(global)
        .arg("check")
        .args(args)
        .args(["--url", url, "--config"])
        .arg(&config)
        .envs(secrets.iter().copied())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap()
    );
    (output.status.success(), text)
}

fn assert_no_secret(output: &str) {
    for (_, secret) in DEMO_SECRETS {
        assert!(!output.contains(secret), "a secret was printed:\n{output}");
    }
    assert!(
        !output.contains("wrong-docusign-key"),
        "a secret was printed:\n{output}"
    );
}

#[test]
fn check_passes_every_vendor_against_the_axum_example_and_fails_a_wrong_secret() {
    let server = AxumExample::start();

    let (ok, output) = check(&server.url, DEMO_SECRETS, &[], &[]);
    assert!(ok, "{output}");
    assert!(!output.contains("FAIL"), "{output}");
    for vendor in Vendor::ALL {
        assert!(
            output.contains(&format!("{} (", vendor.name())),
            "{vendor} was not checked:\n{output}"
        );
    }
    // Both documented setup handshakes were sent and passed.
    assert!(
        output.contains("PASS setup (GET verification of intent) (200)"),
        "{output}"
    );
    assert!(output.contains("PASS setup (Verification) (200)"), "{output}");
    assert_eq!(
        output.matches("PASS delivery (200)").count(),
        Vendor::ALL.len(),
        "{output}"
    );
    assert_eq!(
        output.matches("PASS duplicate delivery (200)").count(),
        Vendor::ALL.len(),
        "{output}"
    );
    assert!(output.ends_with("every step passed\n"), "{output}");
    assert_no_secret(&output);

    // The wrong DocuSign key in check's configuration: refused, said why, what DocuSign would do.
    let wrong: Vec<(&str, &str)> = DEMO_SECRETS
        .iter()
        .map(|&(name, value)| match name {
            "DOCUSIGN_HMAC_KEY" => (name, "wrong-docusign-key"),
            _ => (name, value),
        })
        .collect();
    let (ok, output) = check(&server.url, &wrong, &[], &[]);
    assert!(!ok, "{output}");
    assert!(
        output.contains("FAIL delivery: answered 401 Unauthorized, not a 2xx"),
        "{output}"
    );
    assert!(
        output.contains("the endpoint refused the request's credentials"),
        "{output}"
    );
    assert!(output.contains("DocuSign Connect retries"), "{output}");
    assert_eq!(
        output.matches("FAIL").count(),
        3,
        "delivery, duplicate and the summary:\n{output}"
    );
    assert_no_secret(&output);

    // One vendor, as JSON lines.
    let (ok, output) = check(&server.url, &wrong, &["--json"], &[]);
    assert!(!ok);
    let lines: Vec<serde_json::Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .filter(|line: &serde_json::Value| line["vendor"] == "docusign")
        .collect();
    assert_eq!(lines.len(), 2, "{output}");
    assert_eq!(lines[0]["step"], "delivery");
    assert_eq!(lines[0]["ok"], false);
    assert_eq!(lines[0]["status"], 401);
    assert!(
        lines[0]["vendor_would"]
            .as_str()
            .unwrap()
            .starts_with("DocuSign Connect retries")
    );
    assert_no_secret(&output);

    // --vendor checks that one only.
    let (ok, only) = check(&server.url, DEMO_SECRETS, &[], &["--vendor", "adobesign"]);
    assert!(ok, "{only}");
    let vendors: Vec<&str> = only.lines().filter(|line| line.contains(" at http://")).collect();
    assert_eq!(vendors.len(), 1, "{only}");
    assert!(vendors[0].starts_with("Adobe Acrobat Sign ("), "{only}");
}
