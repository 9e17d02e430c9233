//! `ReqwestTransport` against a mock of Ignisign's token-check endpoint on
//! 127.0.0.1 (feature `reqwest`).
#![cfg(feature = "reqwest")]

use std::sync::{Arc, Mutex};

use esign_webhooks::ignisign::{self, ApiKey, MsgNature};
use esign_webhooks::registry::ReqwestTransport;
use esign_webhooks::{AsyncHandlers, ErrorKind, Secret, Webhooks};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
const API_KEY: &str = "sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t";

/// Serves one canned response and returns the raw request it received.
async fn mock_ignisign(status: &'static str, body: &'static str) -> (String, tokio::task::JoinHandle<String>) {
    mock_response(status, String::new(), body).await
}

/// [`mock_ignisign`] with extra response header lines (each ending in `\r\n`).
async fn mock_response(
    status: &'static str,
    extra_headers: String,
    body: &'static str,
) -> (String, tokio::task::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            let read = socket.read(&mut buffer).await.unwrap();
            request.extend_from_slice(&buffer[..read]);
            let text = String::from_utf8_lossy(&request).to_string();
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                if request.len() >= end + 4 + length || read == 0 {
                    break;
                }
            }
            if read == 0 {
                break;
            }
        }
        let response = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/json\r\n{extra_headers}content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        socket.write_all(response.as_bytes()).await.unwrap();
        socket.shutdown().await.ok();
        String::from_utf8_lossy(&request).to_string()
    });
    (base, server)
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
        .build()
        .unwrap()
}

fn handlers(base: &str, ran: Arc<Mutex<u32>>) -> AsyncHandlers {
    let mut handlers = AsyncHandlers::new();
    handlers.confirm_ignisign_with(
        ApiKey::new(Secret::new(API_KEY)).with_base_url(base),
        ReqwestTransport::new(),
    );
    handlers
        .ignisign()
        .on_signer(ignisign::SignerAction::ALL, MsgNature::ALL, move |_| {
            let ran = ran.clone();
            async move {
                *ran.lock().unwrap() += 1;
                Ok(())
            }
        });
    handlers
}

const BODY: &[u8] = include_bytes!("fixtures/ignisign/signer_created.json");

#[tokio::test]
async fn a_valid_token_is_confirmed_over_http() {
    let (base, server) = mock_ignisign("200 OK", r#"{"isValid":true,"haveBeenConsumed":true}"#).await;
    let ran = Arc::new(Mutex::new(0));
    let report = webhooks()
        .handle_async(
            &handlers(&base, ran.clone()),
            BODY,
            &[("content-type", "application/json")],
        )
        .await
        .unwrap();
    assert!(report.is_handled());
    assert_eq!(*ran.lock().unwrap(), 1);
    let request = server.await.unwrap();
    assert!(
        request.starts_with("POST /v4/tokens/webhook-verification/checking-consumption HTTP/1.1\r\n"),
        "{request}"
    );
    assert!(
        request
            .to_ascii_lowercase()
            .contains(&format!("authorization: bearer {}", API_KEY.to_ascii_lowercase()))
    );
    let body = &request[request.find("\r\n\r\n").unwrap() + 4..];
    let sent: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(sent["appId"], APP_ID);
    assert_eq!(sent["appEnv"], "DEVELOPMENT");
    assert!(sent["token"].as_str().is_some_and(|t| !t.is_empty()));
}

#[tokio::test]
async fn an_already_consumed_token_runs_no_callback() {
    let (base, _server) = mock_ignisign("200 OK", r#"{"isValid":false,"alreadyConsumed":true}"#).await;
    let ran = Arc::new(Mutex::new(0));
    let err = webhooks()
        .handle_async(
            &handlers(&base, ran.clone()),
            BODY,
            &[("content-type", "application/json")],
        )
        .await
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConfirmationRejected { .. }), "{err:?}");
    assert_eq!(*ran.lock().unwrap(), 0);
}

#[tokio::test]
async fn a_network_failure_is_a_typed_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener); // nothing listens there any more
    let ran = Arc::new(Mutex::new(0));
    let err = webhooks()
        .handle_async(
            &handlers(&base, ran.clone()),
            BODY,
            &[("content-type", "application/json")],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::ConfirmationFailed { status: None, .. }),
        "{err:?}"
    );
    assert_eq!(err.status(), http::StatusCode::BAD_GATEWAY);
    assert_eq!(*ran.lock().unwrap(), 0);
}

#[tokio::test]
async fn an_api_error_keeps_ignisign_s_code() {
    let (base, _server) = mock_ignisign(
        "401 Unauthorized",
        r#"{"errorCode":"INVALID_TOKEN","message":"bad key"}"#,
    )
    .await;
    let err = webhooks()
        .handle_async(
            &handlers(&base, Arc::new(Mutex::new(0))),
            BODY,
            &[("content-type", "application/json")],
        )
        .await
        .unwrap_err();
    match err.kind() {
        ErrorKind::ConfirmationFailed { status, error_code, .. } => {
            assert_eq!(*status, Some(401));
            assert_eq!(error_code.as_deref(), Some("INVALID_TOKEN"));
        }
        other => panic!("{other:?}"),
    }
}

/// A 307 from the token-check endpoint is not followed: nothing reaches the
/// redirect's target (which would receive the POST and the API key), and the
/// check fails with the 307's status.
#[tokio::test]
async fn a_redirect_is_not_followed() {
    let elsewhere = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/steal", elsewhere.local_addr().unwrap());
    let (base, server) = mock_response("307 Temporary Redirect", format!("location: {target}\r\n"), "{}").await;
    let ran = Arc::new(Mutex::new(0));
    let err = webhooks()
        .handle_async(
            &handlers(&base, ran.clone()),
            BODY,
            &[("content-type", "application/json")],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::ConfirmationFailed { status: Some(307), .. }),
        "{err:?}"
    );
    assert_eq!(*ran.lock().unwrap(), 0);
    assert!(server.await.unwrap().starts_with("POST /v4/tokens/"));
    let followed = tokio::time::timeout(std::time::Duration::from_millis(300), elsewhere.accept()).await;
    assert!(followed.is_err(), "the redirect was followed");
}
