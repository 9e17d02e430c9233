//! The capture file format, and the `capture` server.
//!
//! # Format (`esign-webhooks-capture/1`)
//!
//! One JSON file per request, named `<received_at_ms>-<n>.json`:
//!
//! ```json
//! {
//!   "format": "esign-webhooks-capture/1",
//!   "received_at_ms": 1735725600123,
//!   "method": "POST",
//!   "target": "/hooks/esignglobal?token=…",
//!   "headers": [["content-type", "application/json"], ["x-binary", {"base64": "AAE="}]],
//!   "body_base64": "eyJldmVudCI6…"
//! }
//! ```
//!
//! * `target` is the request target as received: path and query string.
//! * `headers` are `[name, value]` pairs in the order received (names in
//!   lower case, as HTTP/1 servers normalise them; repeated headers appear
//!   once per value). A value that is not UTF-8 is written `{"base64": "…"}`.
//! * `body_base64` is the raw body, byte for byte, in standard base64.
//!
//! A capture holds the request's credentials as received (a Basic password, a
//! token header, a `?token=`): on Unix the files are written `0600` and a
//! folder the tool creates `0700`; what the tool prints of a capture goes
//! through [`esign_webhooks::redact`].

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};

/// The format tag of capture files.
pub const FORMAT: &str = "esign-webhooks-capture/1";

/// The largest body captured: larger requests get 413 and are not stored.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// One captured request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    pub format: String,
    pub received_at_ms: i64,
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, HeaderValue)>,
    pub body_base64: String,
}

/// A header value: text when it is UTF-8, base64 otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HeaderValue {
    Text(String),
    Bytes { base64: String },
}

impl HeaderValue {
    fn from_bytes(bytes: &[u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => HeaderValue::Text(text.to_owned()),
            Err(_) => HeaderValue::Bytes {
                base64: STANDARD.encode(bytes),
            },
        }
    }

    pub fn to_bytes(&self) -> Result<Vec<u8>, String> {
        match self {
            HeaderValue::Text(text) => Ok(text.as_bytes().to_vec()),
            HeaderValue::Bytes { base64 } => STANDARD
                .decode(base64)
                .map_err(|err| format!("a header value is not base64: {err}")),
        }
    }
}

/// A capture decoded for use: body bytes and header bytes.
pub struct Loaded {
    pub path: PathBuf,
    pub capture: Capture,
    pub body: Vec<u8>,
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Loaded {
    pub fn query(&self) -> Option<&str> {
        self.capture.target.split_once('?').map(|(_, query)| query)
    }

    pub fn path_only(&self) -> &str {
        self.capture
            .target
            .split_once('?')
            .map_or(&self.capture.target, |(path, _)| path)
    }

    /// The request target as it may be printed: path, query names, no credential.
    pub fn target_shown(&self) -> String {
        esign_webhooks::redact::url(&self.capture.target)
    }

    /// The path as it may be printed (user information redacted from an absolute target).
    pub fn path_shown(&self) -> String {
        esign_webhooks::redact::url(self.path_only())
    }
}

pub fn load(path: &Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: cannot read: {err}", path.display()))?;
    // serde_json's message can quote a value of the file (a header's token):
    // the position and the kind of fault only.
    let capture: Capture = serde_json::from_str(&text).map_err(|err| {
        format!(
            "{}: not a capture file ({:?} error at line {} column {})",
            path.display(),
            err.classify(),
            err.line(),
            err.column()
        )
    })?;
    if capture.format != FORMAT {
        return Err(format!("{}: unknown format (expected {FORMAT})", path.display()));
    }
    let body = STANDARD
        .decode(&capture.body_base64)
        .map_err(|err| format!("{}: body_base64 is not base64: {err}", path.display()))?;
    let headers = capture
        .headers
        .iter()
        .map(|(name, value)| Ok((name.clone(), value.to_bytes()?)))
        .collect::<Result<Vec<_>, String>>()
        .map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(Loaded {
        path: path.to_owned(),
        capture,
        body,
        headers,
    })
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

struct State {
    out: PathBuf,
    json: bool,
    seen: AtomicUsize,
    count: Option<usize>,
    done: tokio::sync::Notify,
}

/// Serves `listen` until interrupted (or `count` requests are stored), answering
/// 200 `{"code":"200","msg":"success"}` (eSignGlobal's expected answer) to every request.
pub fn serve(listen: SocketAddr, out: PathBuf, count: Option<usize>, json: bool) -> Result<(), String> {
    create_private_dir(&out).map_err(|err| format!("{}: cannot create: {err}", out.display()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the runtime: {err}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|err| format!("cannot listen on {listen}: {err}"))?;
        let local = listener.local_addr().map_err(|err| err.to_string())?;
        if json {
            outln!("{}", serde_json::json!({"listening": format!("http://{local}")}));
        } else {
            outln!(
                "listening on http://{local}, storing requests in {}; Ctrl-C to stop",
                out.display()
            );
        }
        let state = Arc::new(State {
            out,
            json,
            seen: AtomicUsize::new(0),
            count,
            done: tokio::sync::Notify::new(),
        });
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    let state = state.clone();
                    tokio::spawn(async move {
                        let service = service_fn(move |request| handle(request, state.clone()));
                        let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                    });
                }
                () = state.done.notified() => {
                    // Let the last answer reach the client before the process exits.
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                    return Ok(());
                }
                _ = tokio::signal::ctrl_c() => return Ok(()),
            }
        }
    })
}

async fn handle(request: Request<Incoming>, state: Arc<State>) -> Result<Response<Full<Bytes>>, Infallible> {
    let received_at_ms = now_ms();
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(answer(413, "body too large or connection lost")),
    };
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), HeaderValue::from_bytes(value.as_bytes())))
        .collect();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.to_string(), |pq| pq.as_str().to_owned());
    let capture = Capture {
        format: FORMAT.to_owned(),
        received_at_ms,
        method: parts.method.as_str().to_owned(),
        target,
        headers,
        body_base64: STANDARD.encode(&body),
    };
    let n = state.seen.fetch_add(1, Ordering::SeqCst) + 1;
    let path = state.out.join(format!("{received_at_ms}-{n}.json"));
    let written = serde_json::to_vec_pretty(&capture)
        .map_err(|err| err.to_string())
        .and_then(|bytes| write_private_file(&path, &bytes).map_err(|err| err.to_string()));
    if let Err(err) = written {
        eprintln!("error: cannot store the request in {}: {err}", path.display());
        return Ok(answer(500, "capture failed"));
    }
    let path_only = esign_webhooks::redact::url(
        capture
            .target
            .split_once('?')
            .map_or(capture.target.as_str(), |(p, _)| p),
    );
    if state.json {
        outln!(
            "{}",
            serde_json::json!({"captured": path, "method": capture.method, "path": path_only,
                "headers": capture.headers.len(), "body_bytes": body.len()})
        );
    } else {
        outln!(
            "captured {} {} ({} bytes, {} headers) -> {}",
            capture.method,
            path_only,
            body.len(),
            capture.headers.len(),
            path.display()
        );
    }
    if state.count.is_some_and(|count| n >= count) {
        state.done.notify_one();
    }
    Ok(answer(200, esign_webhooks::esignglobal::SUCCESS_RESPONSE))
}

/// Creates `dir` and its missing parents, readable by the owner only (`0700`
/// on Unix): captures hold credentials. A folder that exists keeps its
/// permissions: the user chose them.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a new file readable by the owner only (`0600` on Unix). Never
/// replaces a file (nor follows a link planted at its name): an existing name
/// is an error.
fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

fn answer(status: u16, body: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::OK);
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}
