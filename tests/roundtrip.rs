//! Real HTTP round trips: each server example (axum, actix-web, hyper, tower)
//! on an ephemeral loopback port, and `examples/send.rs` posting it signed
//! deliveries for every vendor; for axum, the typed callbacks and statuses
//! are checked one by one.
//!
//! Needs the framework features: `cargo test --features axum,actix,tower --test roundtrip`.

// Each example file brings its own copy of `examples/common/mod.rs`, as it
// does when built alone.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/axum.rs"]
mod axum_example;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/actix.rs"]
mod actix_example;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/hyper.rs"]
mod hyper_example;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/tower.rs"]
mod tower_example;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/send.rs"]
mod send_example;

use std::sync::{Arc, Mutex};

use axum_example::common::{self, Config, Sample};
use esign_webhooks::Vendor;
use esign_webhooks::dropboxsign::SUCCESS_RESPONSE as DROPBOX_SUCCESS;
use esign_webhooks::esignglobal::SUCCESS_RESPONSE;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Server {
    base: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    async fn start(config: Config) -> Server {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        let state = axum_example::state(config, Arc::new(move |line| sink.lock().unwrap().push(line))).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, axum_example::router(state)).await.unwrap() });
        Server {
            base: format!("http://{addr}"),
            log,
        }
    }

    fn take_log(&self) -> Vec<String> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

async fn post(client: &reqwest::Client, url: &str, sample: &Sample) -> (u16, String) {
    let mut request = client.post(sample.url(url)).body(sample.body.clone());
    for (name, value) in &sample.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn sample<'a>(samples: &'a [Sample], name: &str) -> &'a Sample {
    samples.iter().find(|s| s.name.starts_with(name)).unwrap()
}

#[tokio::test]
async fn every_vendor_through_the_callback_registry() {
    let config = Config::demo();
    let samples = config.samples();
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let url = format!("{}/webhooks", server.base);

    let expectations: [(&str, &str, &str); 4] = [
        (
            "eSignGlobal envelope",
            "eSignGlobal: envelope ",
            "lifecycle: eSignGlobal Completed",
        ),
        (
            "Ignisign",
            "Ignisign: signer 6630f1a2b4c5d6e7f8091a3c opened request 6630f1a2b4c5d6e7f8091a2b",
            "lifecycle: Ignisign Viewed",
        ),
        (
            "Sign.Plus envelope",
            "Sign.Plus: envelope ",
            "lifecycle: Sign.Plus Completed",
        ),
        (
            "Constellation1",
            "Constellation1: session ",
            "lifecycle: Constellation1 eSign Completed",
        ),
    ];
    for (name, typed, lifecycle) in expectations {
        let (status, body) = post(&client, &url, sample(&samples, name)).await;
        assert_eq!(status, 200, "{name}: {body}");
        if name.starts_with("eSignGlobal") {
            assert_eq!(body, SUCCESS_RESPONSE);
        } else {
            assert_eq!(body, "", "{name}");
        }
        let log = server.take_log();
        assert!(
            log.iter().any(|line| line.starts_with(typed)),
            "{name}: typed callback did not run: {log:?}"
        );
        assert!(
            log.iter().any(|line| line.starts_with(lifecycle)),
            "{name}: lifecycle callback did not run: {log:?}"
        );
        assert!(!log.iter().any(|line| line.starts_with("unhandled")), "{name}: {log:?}");
    }
}

/// Every vendor's sample is accepted by the registry route, with the answer
/// its vendor requires, and runs the lifecycle callback.
#[tokio::test]
async fn every_vendor_gets_its_required_answer_and_a_lifecycle_step() {
    let config = Config::demo();
    let samples = config.samples();
    let server = Server::start(config.clone()).await;
    let client = reqwest::Client::new();
    let url = format!("{}/webhooks", server.base);
    for sample in samples.iter().filter(|s| s.expected_status == 200) {
        let mut request = client.post(sample.url(&url)).body(sample.body.clone());
        for (name, value) in &sample.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200, "{}", sample.name);
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
            .collect();
        let body = response.text().await.unwrap();
        match sample.vendor {
            Vendor::EsignGlobal => assert_eq!(body, SUCCESS_RESPONSE),
            Vendor::DropboxSign => {
                assert_eq!(body, DROPBOX_SUCCESS);
                assert_eq!(content_type.as_deref(), Some("text/plain"));
            }
            Vendor::AdobeSign => assert_adobe_echo(&body, &headers, &config.adobesign_client_id),
            _ => assert_eq!(body, "", "{}", sample.name),
        }
        let log = server.take_log();
        let lifecycle = format!("lifecycle: {} ", sample.vendor);
        assert!(
            log.iter().any(|line| line.starts_with(&lifecycle)),
            "{}: no lifecycle step: {log:?}",
            sample.name
        );
    }
}

#[tokio::test]
async fn refused_deliveries_run_no_callback() {
    let config = Config::demo();
    let samples = config.samples();
    // Adobe Acrobat Sign is configured: the limit follows its documented 10 MB.
    let limit = config.webhooks().unwrap().max_body_size();
    assert_eq!(limit, 10 * 1024 * 1024);
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    for route in ["/webhooks", "/webhooks/events"] {
        let url = format!("{}{route}", server.base);

        let (status, body) = post(&client, &url, sample(&samples, "forged eSignGlobal")).await;
        assert_eq!(status, 401, "{route}: {body}");
        // The public answer is the status and its reason phrase, no detail.
        assert_eq!(body, "Unauthorized", "{route}");

        let (status, body) = post(&client, &url, sample(&samples, "Sign.Plus without")).await;
        assert_eq!(status, 400, "{route}: {body}");
        assert_eq!(body, "Bad Request", "{route}: the parameter's name is not told");

        // A wrong token in the URL.
        let mut wrong = sample(&samples, "Sign.Plus envelope").clone();
        wrong.query = Some("token=guess".to_owned());
        assert_eq!(post(&client, &url, &wrong).await.0, 401, "{route}");

        // Over the limit: 413, before any verification.
        let mut huge = sample(&samples, "eSignGlobal envelope").clone();
        huge.body = vec![b' '; limit + 1];
        assert_eq!(post(&client, &url, &huge).await.0, 413, "{route}");
    }
    assert_eq!(server.take_log(), Vec::<String>::new());
}

#[tokio::test]
async fn every_vendor_through_the_extractor() {
    let config = Config::demo();
    let samples = config.samples();
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let url = format!("{}/webhooks/events", server.base);
    for sample in &samples {
        let (status, body) = post(&client, &url, sample).await;
        assert_eq!(status, sample.expected_status, "{}: {body}", sample.name);
        if sample.name.starts_with("eSignGlobal") {
            assert_eq!(body, SUCCESS_RESPONSE);
        }
    }
    // The extractor route runs no registry callback.
    assert_eq!(server.take_log(), Vec::<String>::new());
}

/// A body sent in chunks, without `Content-Length`, is cut off by the
/// extractor as soon as it crosses the limit.
#[tokio::test]
async fn chunked_body_over_the_limit_is_refused_with_413() {
    let config = Config {
        max_body_size: Some(1000),
        ..Config::demo()
    };
    let server = Server::start(config).await;
    for route in ["/webhooks/events", "/webhooks"] {
        let addr = server.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut request = format!(
            "POST {route} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
             transfer-encoding: chunked\r\nconnection: close\r\n\r\n"
        )
        .into_bytes();
        for _ in 0..3 {
            request.extend_from_slice(format!("1f4\r\n{}\r\n", " ".repeat(500)).as_bytes());
        }
        request.extend_from_slice(b"0\r\n\r\n");
        stream.write_all(&request).await.unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.unwrap();
        let response = String::from_utf8_lossy(&response);
        assert!(response.starts_with("HTTP/1.1 413"), "{route}: {response}");
    }
}

/// `send`'s list is what this test sends: keep the two in step.
#[test]
fn samples_cover_every_vendor_and_both_refusals() {
    let samples = Config::demo().samples();
    let ok = samples.iter().filter(|s| s.expected_status == 200).count();
    assert_eq!(ok, Vendor::ALL.len());
    let mut vendors: Vec<_> = samples
        .iter()
        .filter(|s| s.expected_status == 200)
        .map(|s| s.vendor)
        .collect();
    vendors.dedup();
    assert_eq!(vendors.len(), Vendor::ALL.len(), "one sample per vendor");
    assert!(samples.iter().any(|s| s.expected_status == 401));
    let _ = common::ESIGNGLOBAL_BODY;
}

/// Runs `examples/send.rs` against `base` + `route` and checks every answer.
async fn send_passes(base: &str, route: &str) {
    let config = send_example::common::Config {
        target_url: format!("{base}{route}"),
        ..send_example::common::Config::demo()
    };
    let answers = send_example::send(&config).await.unwrap();
    // One per vendor, and the two refusals.
    assert_eq!(answers.len(), Vendor::ALL.len() + 2, "{answers:?}");
    for answer in &answers {
        assert!(answer.is_expected(), "{base}{route}: {answer:?}");
    }
    // The answers the vendors require, or they count the delivery as failed.
    let answer = |name: &str| answers.iter().find(|a| a.name.starts_with(name)).unwrap();
    assert_eq!(answer("eSignGlobal envelope").body, SUCCESS_RESPONSE, "{base}{route}");
    assert_eq!(answer("Dropbox Sign").body, DROPBOX_SUCCESS, "{base}{route}");
    let adobe = answer("Adobe Sign");
    assert_adobe_echo(&adobe.body, &adobe.headers, &config.adobesign_client_id);
    assert_eq!(answer("DocuSign").body, "", "{base}{route}");
}

/// Adobe's echo of its client id: in the `X-AdobeSign-ClientId` header and the JSON body.
fn assert_adobe_echo(body: &str, headers: &[(String, String)], client_id: &str) {
    let header = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("x-adobesign-clientid"));
    assert_eq!(header.map(|(_, value)| value.as_str()), Some(client_id), "{headers:?}");
    let echoed: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(echoed, serde_json::json!({ "xAdobeSignClientId": client_id }));
}

/// Adobe Acrobat Sign's GET verification of intent on `base/webhooks`: the
/// echo for the configured client id, 401 for another, no 200 without one.
async fn intent_is_answered(base: &str) {
    let client = reqwest::Client::new();
    let url = format!("{base}/webhooks");
    let client_id = Config::demo().adobesign_client_id;
    let get = |id: Option<&str>| {
        let mut request = client.get(&url);
        if let Some(id) = id {
            request = request.header("X-AdobeSign-ClientId", id);
        }
        request.send()
    };
    let response = get(Some(&client_id)).await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    assert_adobe_echo(&response.text().await.unwrap(), &headers, &client_id);
    assert_eq!(
        get(Some("CBJCHBCAABAAsomeoneElse")).await.unwrap().status(),
        401,
        "{url}"
    );
    assert_eq!(get(None).await.unwrap().status(), 405, "{url}");
}

fn quiet() -> Arc<dyn Fn(String) + Send + Sync> {
    Arc::new(|_line| {})
}

#[tokio::test]
async fn send_passes_against_the_axum_example() {
    let server = Server::start(Config::demo()).await;
    send_passes(&server.base, "/webhooks").await;
    send_passes(&server.base, "/webhooks/events").await;
    intent_is_answered(&server.base).await;
}

#[tokio::test]
async fn send_passes_against_the_hyper_example() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = hyper_example::app(&hyper_example::common::Config::demo(), quiet()).unwrap();
    tokio::spawn(async move {
        let _ = hyper_example::serve(listener, app).await.map_err(|err| err.to_string());
    });
    send_passes(&base, "/webhooks").await;
    intent_is_answered(&base).await;
}

#[tokio::test]
async fn send_passes_against_the_tower_example() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = tower_example::common::Config::demo();
    tokio::spawn(async move {
        let _ = tower_example::serve(listener, config, quiet())
            .await
            .map_err(|err| err.to_string());
    });
    send_passes(&base, "/webhooks").await;
}

#[tokio::test]
async fn send_passes_against_the_tower_registry_service() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = tower_example::common::Config::demo();
    tokio::spawn(async move {
        let _ = tower_example::serve_registry(listener, config, quiet())
            .await
            .map_err(|err| err.to_string());
    });
    send_passes(&base, "/webhooks").await;
}

#[tokio::test]
async fn send_passes_against_the_actix_example() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = actix_example::common::Config::demo();
    // actix-web runs on its own single-threaded system, in its own thread.
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_example::server(listener, config, quiet()).unwrap();
            let _ = server.await;
        })
    });
    send_passes(&base, "/webhooks").await;
    send_passes(&base, "/webhooks/events").await;
    intent_is_answered(&base).await;
}

/// What a test compares of an answer: the status, the headers a vendor reads
/// (`Content-Type`, Adobe's echo, `Retry-After`) and the body bytes.
type Answer = (u16, Vec<(String, String)>, Vec<u8>);

fn answer_of(status: u16, headers: &http::HeaderMap, body: Vec<u8>) -> Answer {
    let read = ["content-type", "x-adobesign-clientid", "retry-after"];
    let headers = read
        .iter()
        .filter_map(|name| {
            headers
                .get(*name)
                .map(|value| ((*name).to_owned(), value.to_str().unwrap().to_owned()))
        })
        .collect();
    (status, headers, body)
}

async fn post_answer(client: &reqwest::Client, url: &str, sample: &Sample) -> Answer {
    let mut request = client.post(sample.url(url)).body(sample.body.clone());
    for (name, value) in &sample.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let mut headers = http::HeaderMap::new();
    for (name, value) in response.headers() {
        headers.insert(
            http::HeaderName::from_bytes(name.as_str().as_bytes()).unwrap(),
            http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
        );
    }
    answer_of(status, &headers, response.bytes().await.unwrap().to_vec())
}

/// axum (`Result<Report, Error>` as `IntoResponse`), actix-web (`to_actix`)
/// and tower (`HandlersService`) send the very bytes of `Report::response()`
/// and `Error::response()` that `handle_incoming_async` gives, for every
/// vendor's delivery and for a refusal.
#[tokio::test]
async fn every_entry_point_sends_the_same_answer() {
    let config = Config::demo();
    let samples = config.samples();
    let axum = Server::start(config.clone()).await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tower = format!("http://{}", listener.local_addr().unwrap());
    let tower_config = tower_example::common::Config::demo();
    tokio::spawn(async move {
        let _ = tower_example::serve_registry(listener, tower_config, quiet())
            .await
            .map_err(|err| err.to_string());
    });

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let actix = format!("http://{}", listener.local_addr().unwrap());
    let actix_config = actix_example::common::Config::demo();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_example::server(listener, actix_config, quiet()).unwrap();
            let _ = server.await;
        })
    });

    // The reference: the registry called directly, with the same callbacks.
    let webhooks = config.webhooks().unwrap();
    let handlers = config.handlers(quiet()).unwrap();
    let client = reqwest::Client::new();
    let mut refusals = 0;
    for sample in &samples {
        let incoming = esign_webhooks::Incoming::new(&sample.body, &sample.headers).with_query(sample.query.as_deref());
        let expected = match webhooks.handle_incoming_async(&handlers, &incoming).await {
            Ok(report) => report.response(),
            Err(err) => {
                refusals += 1;
                assert_eq!(
                    err.response().body().as_slice(),
                    err.status().canonical_reason().unwrap().as_bytes()
                );
                err.response()
            }
        };
        let (parts, body) = expected.into_parts();
        let expected = answer_of(parts.status.as_u16(), &parts.headers, body);
        assert_eq!(expected.0, sample.expected_status, "{}", sample.name);
        for base in [&axum.base, &actix, &tower] {
            let got = post_answer(&client, &format!("{base}/webhooks"), sample).await;
            assert_eq!(got, expected, "{} through {base}", sample.name);
        }
    }
    assert!(refusals > 0, "a refusal is compared too");
}
