//! The framework glue for multi-tenant receivers: axum's and actix-web's
//! `TenantEvent` extractors and tower's `VerifyLayer::tenants` /
//! `HandlersService::tenants_async` verify each request with the named
//! tenant's credentials. Needs `--features axum,actix,tower`.

use std::convert::Infallible;
use std::sync::Arc;

use esign_webhooks::integrations::tower::{HandlersService, VerifyLayer};
use esign_webhooks::tenant::{MapResolver, TenantId, TenantSource, Tenants};
use esign_webhooks::testing::{SignedRequest, demo};
use esign_webhooks::{AsyncHandlers, Event, Vendor};
use http_body_util::{BodyExt, Full};
use tower::{Layer, ServiceExt, service_fn};

mod common;

fn tenants() -> Tenants {
    let resolver = MapResolver::new(TenantSource::path_segment(1));
    for tenant in ["a", "b"] {
        resolver.insert(
            TenantId::new(tenant).unwrap(),
            demo::tenant_builder(tenant).build().unwrap(),
        );
    }
    Tenants::builder(resolver).build()
}

fn signed_by(tenant: &str) -> SignedRequest {
    let body = common::fixture("yousign", "signature_request_done.json");
    demo::tenant_sign(Vendor::Yousign, tenant, &body)
}

fn full(request: http::Request<Vec<u8>>) -> http::Request<Full<bytes::Bytes>> {
    request.map(Full::from)
}

#[tokio::test]
async fn axum_tenant_event_verifies_with_the_named_tenant_key() {
    use axum::routing::post;
    use esign_webhooks::integrations::axum::TenantEvent;

    async fn hook(TenantEvent(tenant, event): TenantEvent) -> String {
        format!("{tenant} {}", event.vendor().slug())
    }
    let app = axum::Router::new()
        .route("/webhooks/{tenant}", post(hook))
        .with_state(tenants());
    let ok = app
        .clone()
        .oneshot(
            signed_by("a")
                .to_http_request("/webhooks/a")
                .map(axum::body::Body::from),
        )
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(&ok.into_body().collect().await.unwrap().to_bytes()[..], b"a yousign");
    let cross = app
        .clone()
        .oneshot(
            signed_by("a")
                .to_http_request("/webhooks/b")
                .map(axum::body::Body::from),
        )
        .await
        .unwrap();
    assert_eq!(cross.status(), 401);
    let unknown = app
        .oneshot(
            signed_by("a")
                .to_http_request("/webhooks/c")
                .map(axum::body::Body::from),
        )
        .await
        .unwrap();
    assert_eq!(unknown.status(), 401);
}

#[test]
fn actix_tenant_event_verifies_with_the_named_tenant_key() {
    use actix_web::FromRequest;
    use esign_webhooks::integrations::actix::TenantEvent;

    actix_web::rt::System::new().block_on(async {
        let tenants = tenants();
        let extract = |signed: SignedRequest, path: &str| {
            let mut request = actix_web::test::TestRequest::post()
                .uri(&format!("{path}?{}", signed.query.clone().unwrap_or_default()))
                .app_data(actix_web::web::Data::new(tenants.clone()));
            for (name, value) in &signed.headers {
                request = request.insert_header((name.as_str(), value.as_str()));
            }
            let (req, mut payload) = request.set_payload(signed.body.clone()).to_http_parts();
            async move { TenantEvent::from_request(&req, &mut payload).await }
        };
        let TenantEvent(tenant, event) = extract(signed_by("b"), "/webhooks/b").await.unwrap();
        assert_eq!(tenant.as_str(), "b");
        assert_eq!(event.vendor(), Vendor::Yousign);
        let cross = extract(signed_by("b"), "/webhooks/a").await.unwrap_err();
        assert_eq!(cross.status(), http::StatusCode::UNAUTHORIZED);
    });
}

#[tokio::test]
async fn tower_verify_layer_names_the_tenant_in_the_extensions() {
    let service = VerifyLayer::tenants(tenants()).layer(service_fn(|request: http::Request<Event>| async move {
        let tenant = request
            .extensions()
            .get::<TenantId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        Ok::<_, Infallible>(http::Response::new(Full::<bytes::Bytes>::from(tenant)))
    }));
    let ok = service
        .clone()
        .oneshot(full(signed_by("a").to_http_request("/webhooks/a")))
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(&ok.into_body().collect().await.unwrap().to_bytes()[..], b"a");
    let cross = service
        .oneshot(full(signed_by("a").to_http_request("/webhooks/b")))
        .await
        .unwrap();
    assert_eq!(cross.status(), 401);
}

#[tokio::test]
async fn tower_handlers_service_runs_callbacks_for_the_tenant() {
    let mut handlers = AsyncHandlers::new();
    handlers.on_any_with_context(|_, context| async move {
        assert_eq!(context.tenant().map(TenantId::as_str), Some("b"));
        Ok(())
    });
    let service: HandlersService = HandlersService::tenants_async(tenants(), Arc::new(handlers));
    let ok = service
        .clone()
        .oneshot(full(signed_by("b").to_http_request("/webhooks/b")))
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let cross = service
        .oneshot(full(signed_by("b").to_http_request("/webhooks/a")))
        .await
        .unwrap();
    assert_eq!(cross.status(), 401);
}

/// Adobe Acrobat Sign's GET verification of intent reaches a multi-tenant
/// `HandlersService` too: answered with the named tenant's client id and
/// URL token, refused with another tenant's, 401 for an unknown tenant.
#[tokio::test]
async fn tower_handlers_service_answers_a_tenants_adobe_verification_of_intent() {
    let service: HandlersService = HandlersService::tenants_async(tenants(), Arc::new(AsyncHandlers::new()));
    let get = |path: &str, tenant: &str| {
        let token = demo::tenant_secret(Vendor::AdobeSign, tenant).unwrap();
        http::Request::get(format!("{path}?token={token}"))
            .header("X-AdobeSign-ClientId", demo::tenant_adobe_client_id(tenant))
            .body(Full::<bytes::Bytes>::default())
            .unwrap()
    };
    let ok = service.clone().oneshot(get("/webhooks/b", "b")).await.unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(
        ok.headers()["X-AdobeSign-ClientId"],
        demo::tenant_adobe_client_id("b").as_str(),
        "the verification of intent echoes the tenant's client id"
    );
    let cross = service.clone().oneshot(get("/webhooks/a", "b")).await.unwrap();
    assert_eq!(
        cross.status(),
        401,
        "tenant b's client id and token on tenant a's route"
    );
    let unknown = service.oneshot(get("/webhooks/nobody", "b")).await.unwrap();
    assert_eq!(unknown.status(), 401);
}

#[path = "../examples/multi_tenant.rs"]
#[allow(dead_code, unreachable_pub)]
mod multi_tenant_example;

/// The example as it is documented: its bundled tenants file, secrets from
/// the environment with demo defaults.
#[tokio::test]
async fn the_multi_tenant_example_verifies_each_tenant_with_its_own_secret() {
    use multi_tenant_example::{App, EnvOrDemo, demo_secret, handlers, router, tenants};

    let tenants = tenants(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tenants.json"), EnvOrDemo).unwrap();
    let app = router(App {
        tenants,
        handlers: Arc::new(handlers()),
    });
    let body = common::fixture("yousign", "signature_request_done.json");
    let secret = std::env::var("ACME_YOUSIGN_SECRET").unwrap_or_else(|_| demo_secret("ACME_YOUSIGN_SECRET"));
    let signed =
        esign_webhooks::testing::Signer::hmac(esign_webhooks::yousign::scheme(), esign_webhooks::Secret::new(secret))
            .sign(&body);
    let send = |path: &str| {
        app.clone()
            .oneshot(signed.to_http_request(path).map(axum::body::Body::from))
    };
    assert_eq!(send("/webhooks/acme").await.unwrap().status(), 200);
    assert!(send("/webhooks/globex").await.unwrap().status().is_client_error());
    assert_eq!(send("/webhooks/initech").await.unwrap().status(), 401);
}
