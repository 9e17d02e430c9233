//! The `tracing` feature: one span per delivery with its outcome, rejections
//! logged by kind, a warning per `dangerous_*` setting, and never a secret,
//! a token or a body in the output.
//!
//! `cargo test --features tracing --test tracing`

use std::io;
use std::sync::{Mutex, Once};

use esign_webhooks::testing::Signer;
use esign_webhooks::{Handlers, Secret, Webhooks, constellation, signplus};
use tracing_subscriber::fmt::format::FmtSpan;

const OLD_TOKEN: &str = "old-signplus-token-4f1c";
const NEW_TOKEN: &str = "new-signplus-token-9a2e";
const SIGNPLUS: &[u8] = include_bytes!("fixtures/signplus/envelope_completed.json");

/// What the global subscriber writes; tests take turns with [`SERIAL`].
static OUTPUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static SERIAL: Mutex<()> = Mutex::new(());

struct Output;

impl io::Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        OUTPUT
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Everything logged while `run` runs, as plain text.
///
/// One global subscriber, and one capture at a time: tracing caches per call
/// site whether anyone listens, which per-thread subscribers in parallel
/// tests race on.
fn capture(run: impl FnOnce()) -> String {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::CLOSE)
            .with_ansi(false)
            .with_writer(|| Output)
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
    let _serial = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    OUTPUT.lock().unwrap_or_else(|p| p.into_inner()).clear();
    run();
    let bytes = std::mem::take(&mut *OUTPUT.lock().unwrap_or_else(|p| p.into_inner()));
    String::from_utf8(bytes).unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .signplus(signplus::Verifier::query_token("token", Secret::new(OLD_TOKEN)).with_secret(Secret::new(NEW_TOKEN)))
        .constellation(constellation::Verifier::dangerous_accept_unverified())
        .build()
        .unwrap()
}

fn signplus_request(token: &str, body: &[u8]) -> http::Request<Vec<u8>> {
    Signer::query_token("token", Secret::new(token))
        .sign(body)
        .to_http_request("/webhooks")
}

fn lines_with<'a>(log: &'a str, needle: &str) -> Vec<&'a str> {
    log.lines().filter(|line| line.contains(needle)).collect()
}

#[test]
fn a_dangerous_setting_warns_at_build_time() {
    let log = capture(|| {
        webhooks();
        Handlers::new().dangerous_skip_ignisign_token_check();
    });
    let warnings = lines_with(&log, " WARN ");
    assert!(
        warnings
            .iter()
            .any(|l| l.contains("dangerous_accept_unverified") && l.contains("Constellation1")),
        "{log}"
    );
    assert!(
        warnings
            .iter()
            .any(|l| l.contains("dangerous_skip_confirmation") && l.contains("Ignisign")),
        "{log}"
    );
    // Sign.Plus is verified: no warning names it.
    assert!(!warnings.iter().any(|l| l.contains("Sign.Plus")), "{log}");
}

#[test]
fn an_accepted_delivery_records_vendor_event_status_and_key_index() {
    let webhooks = webhooks();
    let log = capture(|| {
        webhooks
            .dispatch_request(&signplus_request(NEW_TOKEN, SIGNPLUS))
            .unwrap();
    });
    let closed = lines_with(&log, "esign_webhooks::delivery");
    let span = closed.iter().find(|l| l.contains("close")).copied().unwrap_or_default();
    for field in [
        "vendor=Sign.Plus",
        "event=envelope_completed",
        "outcome=\"accepted\"",
        "status=200",
        "key_index=1", // the second secret matched: rotation is visible
        "duration_us=",
    ] {
        assert!(span.contains(field), "{field} missing from: {log}");
    }
    assert!(!log.contains(NEW_TOKEN) && !log.contains(OLD_TOKEN), "{log}");
}

#[test]
fn rejections_are_logged_by_kind_without_secrets_or_body() {
    let log = capture(|| {
        let webhooks = webhooks();
        // A wrong token: WARN, 401.
        webhooks
            .dispatch_request(&signplus_request("guessed-token-77", SIGNPLUS))
            .unwrap_err();
        // The URI left out: DEBUG, with the call to use.
        webhooks
            .dispatch(SIGNPLUS, &[("content-type", "application/json")])
            .unwrap_err();
        // A right token on a Sign.Plus body whose `envelope_id` the model cannot
        // read: unreadable (ERROR, 503, retried), its content never logged.
        let body = br#"{"hook":{"id":"1","event":"envelope_completed","target":"t"},"data":{"envelope_id":["body-secret-marker-3b7"]}}"#;
        webhooks
            .dispatch_request(&signplus_request(OLD_TOKEN, body))
            .unwrap_err();
    });
    let warn = lines_with(&log, " WARN ");
    assert!(
        warn.iter()
            .any(|l| l.contains("error=\"AuthenticationFailed\"") && l.contains("status=401")),
        "{log}"
    );
    let debug = lines_with(&log, "DEBUG");
    assert!(
        debug
            .iter()
            .any(|l| l.contains("MissingQueryParameter") && l.contains("dispatch_request")),
        "{log}"
    );
    let error = lines_with(&log, "ERROR");
    assert!(
        error
            .iter()
            .any(|l| l.contains("error=\"Unreadable\"") && l.contains("status=503") && l.contains("path=$.data")),
        "{log}"
    );
    let closed = lines_with(&log, "close");
    assert_eq!(
        closed.iter().filter(|l| l.contains("outcome=\"rejected\"")).count(),
        3,
        "{log}"
    );
    for secret in [OLD_TOKEN, NEW_TOKEN, "guessed-token-77", "body-secret-marker-3b7"] {
        assert!(!log.contains(secret), "{secret} leaked: {log}");
    }
}

#[test]
fn callback_failures_are_warned_with_the_handler() {
    let log = capture(|| {
        let webhooks = webhooks();
        let mut handlers = Handlers::new();
        handlers.on_any(|_| Err(esign_webhooks::HandlerError::msg("database is down")));
        let report = webhooks
            .handle_request(&handlers, &signplus_request(OLD_TOKEN, SIGNPLUS))
            .unwrap();
        assert_eq!(report.status(), 500);
    });
    assert!(
        lines_with(&log, " WARN ")
            .iter()
            .any(|l| l.contains("webhook callback failed") && l.contains("database is down")),
        "{log}"
    );
}

/// A multi-tenant receiver's delivery span opens inside a `tenant` span
/// carrying the tenant's id, and never its secret.
#[test]
fn a_tenant_delivery_is_traced_with_the_tenant_id_and_never_its_secret() {
    use esign_webhooks::tenant::{MapResolver, TenantId, TenantSource, Tenants};

    let resolver = MapResolver::new(TenantSource::path_segment(1));
    resolver.insert(TenantId::new("acme-eu").unwrap(), webhooks());
    let tenants = Tenants::builder(resolver).build();
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let log = capture(|| {
        let request = signplus_request(NEW_TOKEN, SIGNPLUS);
        let (parts, body) = request.into_parts();
        let mut parts = parts;
        parts.uri = format!("/webhooks/acme-eu?{}", parts.uri.query().unwrap())
            .parse()
            .unwrap();
        let (tenant, _) = runtime.block_on(tenants.dispatch_parts(&parts, &body)).unwrap();
        assert_eq!(tenant.as_str(), "acme-eu");
    });
    let delivery = lines_with(&log, "esign_webhooks::delivery");
    assert!(
        delivery
            .iter()
            .any(|line| line.contains("tenant=\"acme-eu\"") || line.contains("tenant=acme-eu")),
        "{log}"
    );
    assert!(!log.contains(NEW_TOKEN) && !log.contains(OLD_TOKEN), "{log}");
}
