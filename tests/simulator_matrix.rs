//! The end-to-end matrix (issue 19, item 6): every vendor of the vendor table
//! × every entry point (`dispatch_request`, `Handlers::handle`,
//! `AsyncHandlers::handle_async`, an axum `Router`, an actix-web `App`, the
//! tower `HandlersService`), driven by the vendor's simulated sender
//! (`testing::simulator`).
//!
//! Every cell: the setup handshake(s) pass (Adobe's GET, BoldSign's
//! `Verification`), a delivery gets exactly the answer the vendor requires,
//! the same delivery again is answered as a success without running the
//! callback twice, and a failing callback gets a retryable 5xx whose retry
//! later succeeds (Ignisign, whose single-use token is spent by the first
//! check, gets its success answer instead: the crate's documented choice).

use std::collections::HashSet;
use std::future::{Future, ready};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use esign_webhooks::dedup::{AsyncDeduplicator, DedupKey, Deduplicator};
use esign_webhooks::integrations::tower::HandlersService;
use esign_webhooks::testing::simulator::{AsyncTransport, Simulator, Step};
use esign_webhooks::testing::{TokenOutcome, demo, ignisign_token_response};
use esign_webhooks::{AsyncHandlers, Error, HandlerError, Handlers, Incoming, Report, Vendor, Webhooks, ignisign};
use http::{Request, Response, StatusCode};

/// One delivery per vendor: a fixture of its documented payload. A vendor
/// added to the table without one fails every cell here.
fn sample(vendor: Vendor) -> &'static [u8] {
    macro_rules! fixture {
        ($path:literal) => {
            include_bytes!(concat!("fixtures/", $path)).as_slice()
        };
    }
    match vendor.slug() {
        "esignglobal" => fixture!("esignglobal/envelope_finish.json"),
        "ignisign" => fixture!("ignisign/signature_session_initialized.json"),
        "signplus" => fixture!("signplus/envelope_completed.json"),
        "constellation" => fixture!("constellation/session_completed_pascal.json"),
        "docusign" => fixture!("docusign/envelope_completed.json"),
        "dropboxsign" => fixture!("dropboxsign/signature_request_all_signed.json"),
        "boldsign" => fixture!("boldsign/document_completed.json"),
        "adobesign" => fixture!("adobesign/agreement_created_example.json"),
        "yousign" => fixture!("yousign/signature_request_done.json"),
        "pandadoc" => fixture!("pandadoc/document_state_changed_completed.json"),
        "zohosign" => fixture!("zohosign/request_completed.json"),
        "documenso" => fixture!("documenso/document_completed.json"),
        "docuseal" => fixture!("docuseal/submission_completed.json"),
        "signwell" => fixture!("signwell/document_completed.json"),
        "opensign" => fixture!("opensign/completed.json"),
        "boxsign" => fixture!("boxsign/completed.json"),
        "onespan" => fixture!("onespan/package_complete.json"),
        "signatureapi" => fixture!("signatureapi/envelope_completed.json"),
        "signnow" => fixture!("signnow/user_document_complete.json"),
        "clicksign" => fixture!("clicksign/auto_close.json"),
        "autentique" => fixture!("autentique/document_finished.json"),
        "zapsign" => fixture!("zapsign/doc_signed.json"),
        "d4sign" => fixture!("d4sign/finished.json"),
        other => panic!("no sample delivery for the vendor `{other}`: add one to tests/simulator_matrix.rs"),
    }
}

/// The user's callback: counts the runs that succeeded, fails while `fail` is set.
#[derive(Clone, Default)]
struct Probe {
    runs: Arc<AtomicUsize>,
    fail: Arc<AtomicBool>,
}

impl Probe {
    fn failing() -> Probe {
        let probe = Probe::default();
        probe.fail.store(true, Ordering::SeqCst);
        probe
    }

    fn callback(&self) -> Result<(), HandlerError> {
        if self.fail.load(Ordering::SeqCst) {
            return Err(HandlerError::msg("database unavailable"));
        }
        self.runs.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    fn runs(&self) -> usize {
        self.runs.load(Ordering::SeqCst)
    }
}

fn blocking_handlers(probe: &Probe) -> Handlers {
    let mut handlers = Handlers::new();
    let probe = probe.clone();
    handlers.on_any(move |_| probe.callback());
    handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(esign_webhooks::Secret::new("demo-api-key")),
        |_request: Request<Vec<u8>>| Ok(ignisign_token_response(TokenOutcome::Valid)),
    );
    handlers.deduplicate_with(Deduplicator::in_memory());
    handlers
}

fn async_handlers(probe: &Probe) -> AsyncHandlers {
    let mut handlers = AsyncHandlers::new();
    let probe = probe.clone();
    handlers.on_any(move |_| ready(probe.callback()));
    handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(esign_webhooks::Secret::new("demo-api-key")),
        |_request: Request<Vec<u8>>| async { Ok(ignisign_token_response(TokenOutcome::Valid)) },
    );
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    handlers
}

/// A GET is a vendor's check of the URL (Adobe's verification of intent):
/// what every entry point's user routes to `intent_response_incoming`.
fn intent(webhooks: &Webhooks, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    webhooks
        .intent_response_incoming(&Incoming::from_request(request))
        .unwrap_or_else(|| status_only(StatusCode::METHOD_NOT_ALLOWED))
}

fn status_only(status: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(status.canonical_reason().unwrap_or_default().as_bytes().to_vec());
    *response.status_mut() = status;
    response
}

fn answer(outcome: Result<Report, Error>) -> Response<Vec<u8>> {
    match outcome {
        Ok(report) => report.response(),
        Err(err) => err.response(),
    }
}

// ---- the entry points, each a transport to one fresh receiver ----

type Target<F> = Box<dyn FnMut(Request<Vec<u8>>) -> F>;
type Ready = std::future::Ready<Response<Vec<u8>>>;

/// `dispatch_request`, and what its user writes around it: deduplicate on
/// `DedupKey::of`, run the callback, answer `success_response()`, or a 500
/// when the callback failed and the vendor can retry (`retries_on_failure`).
fn dispatch_entry(probe: Probe) -> Target<Ready> {
    let webhooks = demo::webhooks();
    let mut done: HashSet<DedupKey> = HashSet::new();
    Box::new(move |request| {
        if request.method() == http::Method::GET {
            return ready(intent(&webhooks, &request));
        }
        ready(match webhooks.dispatch_request(&request) {
            Err(err) => err.response(),
            Ok(event) => {
                let key = DedupKey::of(&event);
                // (An Ignisign delivery would be confirmed here first: `Delivery::confirm`.)
                if done.contains(&key) {
                    event.success_response()
                } else {
                    match probe.callback() {
                        Ok(()) => {
                            done.insert(key);
                            event.success_response()
                        }
                        Err(_) if event.retries_on_failure() => status_only(StatusCode::INTERNAL_SERVER_ERROR),
                        Err(_) => event.success_response(),
                    }
                }
            }
        })
    })
}

/// `Webhooks::handle_request` with blocking callbacks.
fn handle_entry(probe: Probe) -> Target<Ready> {
    let webhooks = demo::webhooks();
    let handlers = blocking_handlers(&probe);
    Box::new(move |request| {
        if request.method() == http::Method::GET {
            return ready(intent(&webhooks, &request));
        }
        ready(answer(webhooks.handle_request(&handlers, &request)))
    })
}

type Boxed = std::pin::Pin<Box<dyn Future<Output = Response<Vec<u8>>>>>;

/// `Webhooks::handle_request_async` with async callbacks.
fn handle_async_entry(probe: Probe) -> Target<Boxed> {
    let webhooks = demo::webhooks();
    let handlers = Arc::new(async_handlers(&probe));
    Box::new(move |request| {
        let (webhooks, handlers) = (webhooks.clone(), Arc::clone(&handlers));
        Box::pin(async move {
            if request.method() == http::Method::GET {
                return intent(&webhooks, &request);
            }
            answer(webhooks.handle_request_async(&handlers, &request).await)
        })
    })
}

/// An axum `Router` answering `Result<Report, Error>` (both `IntoResponse`),
/// driven with `tower::ServiceExt::oneshot`.
fn axum_entry(probe: Probe) -> Target<Boxed> {
    use axum::body::{Body, Bytes};
    use axum::extract::State;
    use axum::http::{HeaderMap, Uri};
    use axum::response::IntoResponse;
    use tower::ServiceExt;

    type AppState = (Webhooks, Arc<AsyncHandlers>);

    async fn receive(
        State((webhooks, handlers)): State<AppState>,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<Report, Error> {
        let incoming = Incoming::new(&body, &headers).with_uri(&uri);
        webhooks.handle_incoming_async(&handlers, &incoming).await
    }

    async fn get(State((webhooks, _)): State<AppState>, uri: Uri, headers: HeaderMap) -> axum::response::Response {
        match webhooks.intent_response_incoming(&Incoming::new(&[], &headers).with_uri(&uri)) {
            Some(response) => response.map(Body::from).into_response(),
            None => StatusCode::METHOD_NOT_ALLOWED.into_response(),
        }
    }

    let webhooks = demo::webhooks();
    let router = axum::Router::new()
        .route("/webhooks", axum::routing::post(receive).get(get))
        .with_state((webhooks, Arc::new(async_handlers(&probe))));
    Box::new(move |request| {
        let router = router.clone();
        Box::pin(async move {
            let response = router.oneshot(request.map(Body::from)).await.unwrap();
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
            Response::from_parts(parts, bytes.to_vec())
        })
    })
}

/// The tower `HandlersService` (blocking callbacks), driven with `oneshot`.
fn tower_entry(probe: Probe) -> Target<Boxed> {
    use http_body_util::{BodyExt, Full};
    use tower::ServiceExt;

    let service: HandlersService = HandlersService::new(demo::webhooks(), Arc::new(blocking_handlers(&probe)));
    Box::new(move |request| {
        let service = service.clone();
        Box::pin(async move {
            let response = service
                .oneshot(request.map(|b| Full::new(bytes::Bytes::from(b))))
                .await
                .unwrap();
            let (parts, body) = response.into_parts();
            let bytes = body.collect().await.unwrap().to_bytes();
            Response::from_parts(parts, bytes.to_vec())
        })
    })
}

/// An actix-web `App` answering `Either<Report, Error>` (both `Responder`),
/// driven with `actix_web::test`. actix-web 4 speaks `http` 0.2: requests and
/// answers cross as strings and bytes.
async fn actix_entry(probe: Probe) -> Target<Boxed> {
    use actix_web::{App, Either, HttpRequest, HttpResponse, test, web};
    use esign_webhooks::integrations::actix::{incoming, to_actix};

    async fn receive(
        req: HttpRequest,
        body: web::Bytes,
        webhooks: web::Data<Webhooks>,
        handlers: web::Data<AsyncHandlers>,
    ) -> Either<Report, Error> {
        match webhooks.handle_incoming_async(&handlers, &incoming(&req, &body)).await {
            Ok(report) => Either::Left(report),
            Err(err) => Either::Right(err),
        }
    }

    async fn get(req: HttpRequest, webhooks: web::Data<Webhooks>) -> HttpResponse {
        match webhooks.intent_response_incoming(&incoming(&req, &[])) {
            Some(response) => to_actix(response),
            None => HttpResponse::MethodNotAllowed().finish(),
        }
    }

    let service = test::init_service(
        App::new()
            .app_data(web::Data::new(demo::webhooks()))
            .app_data(web::Data::new(async_handlers(&probe)))
            .route("/webhooks", web::post().to(receive))
            .route("/webhooks", web::get().to(get)),
    )
    .await;
    let service = Rc::new(service);
    Box::new(move |request: Request<Vec<u8>>| {
        let service = Rc::clone(&service);
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let mut test_request = test::TestRequest::default()
                .method(actix_web::http::Method::from_bytes(parts.method.as_str().as_bytes()).unwrap())
                .uri(&parts.uri.to_string());
            for (name, value) in &parts.headers {
                test_request = test_request.append_header((name.as_str(), value.as_bytes()));
            }
            let response = test::call_service(&*service, test_request.set_payload(body).to_request()).await;
            let mut answer = Response::builder().status(response.status().as_u16());
            for (name, value) in response.headers() {
                answer = answer.header(name.as_str(), value.as_bytes());
            }
            let body = test::read_body(response).await;
            answer.body(body.to_vec()).unwrap()
        })
    })
}

// ---- one cell ----

/// Runs the whole cell of `vendor` through the entry point made by `entry`.
async fn cell<T: AsyncTransport>(name: &str, vendor: Vendor, mut entry: impl AsyncFnMut(Probe) -> T) {
    let simulator = Simulator::demo(vendor);
    let body = sample(vendor);
    let at = format!("{name} × {vendor}");

    // Setup, delivery, the same delivery again.
    let probe = Probe::default();
    let mut target = entry(probe.clone()).await;
    let outcomes = simulator.run_async(body, &mut target).await;
    assert_eq!(outcomes.len(), simulator.setup_requests().len() + 2, "{at}");
    for outcome in &outcomes {
        if let Err(failure) = &outcome.result {
            panic!("{at}: {failure}");
        }
    }
    assert_eq!(
        probe.runs(),
        1,
        "{at}: the callback must run once for a delivery and its duplicate"
    );

    // A failing callback, then the vendor's retry.
    let probe = Probe::failing();
    let mut target = entry(probe.clone()).await;
    let first = simulator
        .send_async(Step::Delivery, simulator.delivery(body), &mut target)
        .await;
    if simulator.failed_callback_is_retried() {
        let failure = first
            .result
            .expect_err(&format!("{at}: a failed callback was answered as a success"));
        let status = failure.status().expect("an answer came");
        assert!(
            status.is_server_error(),
            "{at}: a failed callback answered {status}, not a retryable 5xx"
        );
        assert!(!failure.vendor_would().is_empty(), "{at}");
        probe.fail.store(false, Ordering::SeqCst);
        let retry = simulator
            .send_async(Step::Retry, simulator.delivery(body), &mut target)
            .await;
        if let Err(failure) = &retry.result {
            panic!("{at}: the retry failed: {failure}");
        }
        assert_eq!(probe.runs(), 1, "{at}: the retry's callback did not run");
    } else {
        // Ignisign: its token is spent, a retry could not be verified; the
        // vendor gets its success answer (documented in the ignisign module).
        assert!(first.result.is_ok(), "{at}: {:?}", first.result);
        assert_eq!(probe.runs(), 0, "{at}");
    }
}

/// Every vendor of the table, compiled in (the matrix needs them all).
fn vendors() -> &'static [Vendor] {
    assert!(
        Vendor::ALL.iter().all(|vendor| vendor.is_compiled_in()),
        "the matrix runs with every vendor compiled in"
    );
    Vendor::ALL
}

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}

fn sync<T>(make: fn(Probe) -> T) -> impl AsyncFnMut(Probe) -> T {
    async move |probe| make(probe)
}

#[test]
fn matrix_dispatch_request_every_vendor() {
    block_on(async {
        for vendor in vendors() {
            cell("dispatch_request", *vendor, sync(dispatch_entry)).await;
        }
    });
}

#[test]
fn matrix_handle_every_vendor() {
    block_on(async {
        for vendor in vendors() {
            cell("Handlers::handle", *vendor, sync(handle_entry)).await;
        }
    });
}

#[test]
fn matrix_handle_async_every_vendor() {
    block_on(async {
        for vendor in vendors() {
            cell("AsyncHandlers::handle_async", *vendor, sync(handle_async_entry)).await;
        }
    });
}

#[test]
fn matrix_axum_every_vendor() {
    block_on(async {
        for vendor in vendors() {
            cell("axum", *vendor, sync(axum_entry)).await;
        }
    });
}

#[test]
fn matrix_tower_handlers_service_every_vendor() {
    block_on(async {
        for vendor in vendors() {
            cell("tower HandlersService", *vendor, sync(tower_entry)).await;
        }
    });
}

#[test]
fn matrix_actix_every_vendor() {
    actix_web::rt::System::new().block_on(async {
        for vendor in vendors() {
            cell("actix-web", *vendor, actix_entry).await;
        }
    });
}

/// The matrix can fail: an answer without what the vendor requires, or a
/// duplicate that runs the callback again, is caught.
#[test]
fn matrix_catches_a_broken_answer() {
    let simulator = Simulator::demo(Vendor::DropboxSign);
    let body = sample(Vendor::DropboxSign);
    // Dropbox Sign without its body: the status alone.
    let mut broken = |request: Request<Vec<u8>>| {
        let mut answer = handle_entry(Probe::default())(request).into_inner();
        answer.body_mut().clear();
        answer
    };
    let outcomes = simulator.run(body, &mut broken);
    let failure = outcomes[0].result.as_ref().unwrap_err();
    assert!(failure.reason().contains("Hello API Event Received"), "{failure}");
    assert!(failure.to_string().contains("Dropbox Sign counts"), "{failure}");

    // Adobe without its echo, on the GET verification of intent.
    let simulator = Simulator::demo(Vendor::AdobeSign);
    let mut no_echo = |request: Request<Vec<u8>>| {
        let answer = handle_entry(Probe::default())(request).into_inner();
        status_only(answer.status())
    };
    let outcomes = simulator.run(sample(Vendor::AdobeSign), &mut no_echo);
    assert_eq!(outcomes[0].step, Step::Setup("GET verification of intent"));
    assert!(outcomes.iter().all(|o| o.result.is_err()));

    // A receiver that forgets it saw the delivery runs the callback twice.
    let probe = Probe::default();
    let mut forgetful = |request: Request<Vec<u8>>| handle_entry(probe.clone())(request).into_inner();
    let outcomes = Simulator::demo(Vendor::DocuSign).run(sample(Vendor::DocuSign), &mut forgetful);
    assert!(outcomes.iter().all(|o| o.result.is_ok()));
    assert_eq!(
        probe.runs(),
        2,
        "without deduplication the duplicate runs the callback again"
    );
}

/// Every vendor states its sender: what it does about a failure (or that it
/// publishes nothing), and the documented setup handshakes are there.
#[test]
fn matrix_every_vendor_states_its_sender() {
    for vendor in vendors() {
        let simulator = Simulator::demo(*vendor);
        assert!(!simulator.model().on_failure.is_empty(), "{vendor}");
        let setups: Vec<Step> = simulator.setup_requests().into_iter().map(|(step, _)| step).collect();
        let expected: &[Step] = match vendor {
            Vendor::AdobeSign => &[Step::Setup("GET verification of intent")],
            Vendor::BoldSign => &[Step::Setup("Verification")],
            _ => &[],
        };
        assert_eq!(setups, expected, "{vendor}");
    }
    // Adobe's GET carries the client id; BoldSign's Verification carries no signature.
    let (_, get) = Simulator::demo(Vendor::AdobeSign).setup_requests().remove(0);
    assert_eq!(get.method(), http::Method::GET);
    assert_eq!(get.headers()["x-adobesign-clientid"], demo::ADOBE_CLIENT_ID);
    let (_, verification) = Simulator::demo(Vendor::BoldSign).setup_requests().remove(0);
    assert_eq!(verification.headers()["x-boldsign-event"], "Verification");
    assert!(verification.headers().get("x-boldsign-signature").is_none());
}
