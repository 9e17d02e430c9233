//! Multi-tenant receivers (`tenant`): cross-tenant attacks for every vendor
//! with a secret, unknown tenants, resolver outages, the cache, rotation,
//! tenant-scoped deduplication, the report and the callbacks' context.

mod common;

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use esign_webhooks::dedup::AsyncDeduplicator;
use esign_webhooks::tenant::{
    FnResolver, MapResolver, ResolveFuture, ResolverError, SecretFuture, SecretSource, TenantId, TenantRequest,
    TenantResolver, TenantSource, Tenants, TenantsConfig,
};
use esign_webhooks::testing::{SignedRequest, demo};
use esign_webhooks::{AsyncHandlers, ErrorKind, Handlers, Vendor, Webhooks};

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

fn id(text: &str) -> TenantId {
    TenantId::new(text).unwrap()
}

fn tenant_webhooks(tenant: &str) -> Webhooks {
    demo::tenant_builder(tenant).build().unwrap()
}

/// The vendors compiled in that authenticate with a secret of the tenant's
/// (every vendor of the table but those with none, Ignisign's app id being public).
fn vendors_with_a_secret() -> Vec<Vendor> {
    Vendor::ALL
        .iter()
        .copied()
        .filter(|vendor| vendor.is_compiled_in() && demo::tenant_secret(*vendor, "a").is_some())
        .collect()
}

/// A fixture of `vendor`'s that tenant `a` accepts when `a` signs it, on a
/// receiver configured for `a` alone.
fn accepted_fixture(vendor: Vendor) -> Vec<u8> {
    let webhooks = tenant_webhooks("a");
    common::fixtures(vendor.slug())
        .into_iter()
        .map(|(_, body)| body)
        .find(|body| {
            let request = demo::tenant_sign(vendor, "a", body);
            webhooks.dispatch_incoming(&request.incoming()).is_ok()
        })
        .unwrap_or_else(|| panic!("no {vendor} fixture verifies for its own tenant"))
}

fn route(tenants: &Tenants, request: &SignedRequest, path: &str) -> Result<TenantId, esign_webhooks::Error> {
    block_on(tenants.dispatch_request(&request.to_http_request(path))).map(|(tenant, _)| tenant)
}

fn identify(source: &TenantSource, request: &SignedRequest, path: &str) -> Option<TenantId> {
    let http = request.to_http_request(path);
    source.identify(&TenantRequest::new(
        http.uri().path(),
        http.uri().query(),
        http.headers(),
        http.body(),
    ))
}

#[test]
fn cross_tenant_a_request_signed_with_tenant_a_key_is_refused_on_tenant_b_route_for_every_vendor() {
    let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
    resolver.insert(id("a"), tenant_webhooks("a"));
    resolver.insert(id("b"), tenant_webhooks("b"));
    let tenants = Tenants::builder(resolver).build();
    let vendors = vendors_with_a_secret();
    assert!(vendors.len() >= 15, "{vendors:?}");
    for vendor in vendors {
        let body = accepted_fixture(vendor);
        let by_a = demo::tenant_sign(vendor, "a", &body);
        assert_eq!(route(&tenants, &by_a, "/webhooks/a").unwrap(), id("a"), "{vendor}");
        let err = route(&tenants, &by_a, "/webhooks/b").unwrap_err();
        assert!(
            err.is_authentication(),
            "{vendor}: tenant a's delivery on b's route: {err}"
        );
        // b's own delivery is accepted on b's route, refused on a's.
        let by_b = demo::tenant_sign(vendor, "b", &body);
        assert_eq!(route(&tenants, &by_b, "/webhooks/b").unwrap(), id("b"), "{vendor}");
        assert!(
            route(&tenants, &by_b, "/webhooks/a").unwrap_err().is_authentication(),
            "{vendor}"
        );
    }
}

/// Another account id of the same shape: the last character changed.
fn other_account(account: &str) -> String {
    let mut other = account[..account.len() - 1].to_owned();
    other.push(if account.ends_with('0') { '1' } else { '0' });
    other
}

#[test]
fn cross_tenant_a_request_signed_with_tenant_a_key_naming_tenant_b_in_its_body_is_refused() {
    let source = TenantSource::vendor_account();
    let mut covered = Vec::new();
    for vendor in vendors_with_a_secret() {
        let body = accepted_fixture(vendor);
        let by_a = demo::tenant_sign(vendor, "a", &body);
        let Some(tenant_a) = identify(&source, &by_a, "/webhooks") else {
            continue; // the vendor names no account in its deliveries
        };
        let prefix = format!("{}.", vendor.slug());
        let account_a = tenant_a.as_str().strip_prefix(&prefix).unwrap().to_owned();
        // Where the account is a header (Adobe's client id), tenant b's own
        // signer names b; where it is in the body, b's account is another id.
        let by_b_own = demo::tenant_sign(vendor, "b", &body);
        let (body_b, account_b) = match identify(&source, &by_b_own, "/webhooks") {
            Some(tenant_b) if tenant_b != tenant_a => (body.clone(), tenant_b.as_str()[prefix.len()..].to_owned()),
            _ => {
                let account_b = other_account(&account_a);
                let text = String::from_utf8(body.clone()).unwrap();
                (text.replace(&account_a, &account_b).into_bytes(), account_b)
            }
        };
        let tenant_b = id(&format!("{prefix}{account_b}"));
        let resolver = Arc::new(MapResolver::new(source.clone()));
        resolver.insert(tenant_a.clone(), tenant_webhooks("a"));
        resolver.insert(tenant_b.clone(), tenant_webhooks("b"));
        let tenants = Tenants::builder(resolver).build();

        // Each tenant's own deliveries are routed to it and accepted.
        assert_eq!(route(&tenants, &by_a, "/webhooks").unwrap(), tenant_a, "{vendor}");
        let by_b = demo::tenant_sign(vendor, "b", &body_b);
        assert_eq!(route(&tenants, &by_b, "/webhooks").unwrap(), tenant_b, "{vendor}");

        // Tenant a signs a body (and headers) naming tenant b: routed to b, refused by b's key.
        let mut attack = demo::tenant_sign(vendor, "a", &body_b);
        for (_, value) in &mut attack.headers {
            *value = value.replace(&account_a, &account_b);
        }
        assert_eq!(
            identify(&source, &attack, "/webhooks"),
            Some(tenant_b.clone()),
            "{vendor}"
        );
        let err = route(&tenants, &attack, "/webhooks").unwrap_err();
        assert!(err.is_authentication(), "{vendor}: a's delivery naming b: {err}");
        covered.push(vendor);
    }
    for vendor in [Vendor::DocuSign, Vendor::DropboxSign, Vendor::AdobeSign] {
        assert!(
            !vendor.is_compiled_in() || covered.contains(&vendor),
            "{vendor} names its account in deliveries: {covered:?}"
        );
    }
}

#[test]
fn an_unknown_or_malformed_tenant_is_refused_with_401_unknown_tenant() {
    let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
    resolver.insert(id("a"), tenant_webhooks("a"));
    let tenants = Tenants::builder(resolver).build();
    let request = demo::tenant_sign(Vendor::Yousign, "a", &accepted_fixture(Vendor::Yousign));
    for path in [
        "/webhooks/nobody",
        "/webhooks",
        "/webhooks/..",
        "/webhooks/a%2Fb",
        "/webhooks/a:b",
    ] {
        let err = route(&tenants, &request, path).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnknownTenant), "{path}: {err}");
        assert_eq!(err.status(), 401, "{path}");
        // The answer says nothing of the tenant.
        assert_eq!(err.response().body().as_slice(), b"Unauthorized");
        assert!(!err.to_string().contains("nobody"));
    }
}

/// A resolver that counts its calls and can be switched to fail.
struct Counting {
    calls: AtomicUsize,
    down: std::sync::atomic::AtomicBool,
    known: MapResolver,
}

impl Counting {
    fn new() -> Arc<Self> {
        let known = MapResolver::new(TenantSource::header("x-tenant"));
        known.insert(id("a"), tenant_webhooks("a"));
        Arc::new(Counting {
            calls: AtomicUsize::new(0),
            down: Default::default(),
            known,
        })
    }
}

impl TenantResolver for Counting {
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        self.known.identify(request)
    }

    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if self.down.load(Ordering::SeqCst) {
            return Box::pin(async { Err(ResolverError::new("tenant database unreachable")) });
        }
        self.known.resolve(tenant)
    }
}

fn for_tenant(tenant: &str) -> SignedRequest {
    demo::tenant_sign(Vendor::Yousign, "a", &accepted_fixture(Vendor::Yousign)).set_header("x-tenant", tenant)
}

#[test]
fn a_tenant_resolver_outage_is_a_retryable_503_and_is_not_cached() {
    let resolver = Counting::new();
    resolver.down.store(true, Ordering::SeqCst);
    let tenants = Tenants::builder(resolver.clone()).build();
    let request = for_tenant("a");
    for _ in 0..3 {
        let err = route(&tenants, &request, "/webhooks").unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TenantResolverUnavailable { .. }),
            "{err}"
        );
        assert_eq!(err.status(), 503);
        assert_eq!(err.fault(), esign_webhooks::Fault::Store);
        assert!(std::error::Error::source(&err).is_some());
    }
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 3, "an outage is never cached");
    resolver.down.store(false, Ordering::SeqCst);
    assert_eq!(route(&tenants, &request, "/webhooks").unwrap(), id("a"));
}

#[test]
fn the_negative_tenant_cache_limits_resolver_calls_for_unknown_ids() {
    let resolver = Counting::new();
    let tenants = Tenants::builder(resolver.clone()).build();
    let request = for_tenant("ghost");
    for _ in 0..100 {
        let err = route(&tenants, &request, "/webhooks").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::UnknownTenant));
    }
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 1);
    // Known tenants: one resolution, then the cache.
    for _ in 0..100 {
        route(&tenants, &for_tenant("a"), "/webhooks").unwrap();
    }
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 2);
    // Invalidating the unknown id (a tenant just created) asks again.
    tenants.invalidate(&id("ghost"));
    assert!(route(&tenants, &request, "/webhooks").is_err());
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 3);
}

#[test]
fn the_tenant_cache_is_bounded_and_expires() {
    let resolver = Counting::new();
    let tenants = Tenants::builder(resolver.clone())
        .capacity(4)
        .negative_ttl(Duration::from_millis(50))
        .build();
    for n in 0..20 {
        let _ = route(&tenants, &for_tenant(&format!("ghost{n}")), "/webhooks");
        assert!(tenants.cached() <= 4, "{}", tenants.cached());
    }
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 20);
    let before = resolver.calls.load(Ordering::SeqCst);
    let _ = route(&tenants, &for_tenant("ghost19"), "/webhooks");
    assert_eq!(resolver.calls.load(Ordering::SeqCst), before, "cached");
    std::thread::sleep(Duration::from_millis(80));
    let _ = route(&tenants, &for_tenant("ghost19"), "/webhooks");
    assert_eq!(resolver.calls.load(Ordering::SeqCst), before + 1, "expired");
    // Capacity 0 caches nothing.
    let uncached = Tenants::builder(resolver.clone()).capacity(0).build();
    let before = resolver.calls.load(Ordering::SeqCst);
    for _ in 0..3 {
        route(&uncached, &for_tenant("a"), "/webhooks").unwrap();
    }
    assert_eq!(resolver.calls.load(Ordering::SeqCst), before + 3);
}

#[test]
fn tenant_rotation_takes_effect_without_restart() {
    let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
    resolver.insert(id("a"), tenant_webhooks("a"));
    let tenants = Tenants::builder(resolver.clone()).build();
    let body = accepted_fixture(Vendor::DocuSign);
    let old = demo::tenant_sign(Vendor::DocuSign, "a", &body);
    let new = demo::tenant_sign(Vendor::DocuSign, "a-rotated", &body);
    assert!(route(&tenants, &old, "/webhooks/a").is_ok());
    assert!(route(&tenants, &new, "/webhooks/a").is_err());

    // The secret rotates where the resolver reads it; the cache still holds the old one…
    resolver.insert(id("a"), tenant_webhooks("a-rotated"));
    assert!(route(&tenants, &old, "/webhooks/a").is_ok());
    // …until the tenant is invalidated: no restart.
    tenants.invalidate(&id("a"));
    assert!(route(&tenants, &new, "/webhooks/a").is_ok());
    assert!(route(&tenants, &old, "/webhooks/a").unwrap_err().is_authentication());
}

/// Secrets in a map that tests change while serving, read asynchronously.
#[derive(Default)]
struct Vault(Mutex<std::collections::HashMap<String, String>>);

impl SecretSource for Vault {
    fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a> {
        let value = self.0.lock().unwrap().get(name).cloned();
        Box::pin(async move {
            tokio::task::yield_now().await;
            Ok(value)
        })
    }
}

#[test]
fn tenant_rotation_through_configuration_files_and_an_async_secret_source() {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-tenants-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("acme.json"),
        r#"{ "yousign": { "method": "hmac", "secret_env": "ACME_YOUSIGN" } }"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("globex.json"),
        r#"{ "yousign": { "method": "hmac", "secret_env": "GLOBEX_YOUSIGN" } }"#,
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "ignored").unwrap();
    let config = TenantsConfig::from_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        config.tenants().map(TenantId::as_str).collect::<Vec<_>>(),
        ["acme", "globex"]
    );

    let vault = Arc::new(Vault::default());
    vault
        .0
        .lock()
        .unwrap()
        .insert("ACME_YOUSIGN".into(), "acme-key-1".into());
    vault
        .0
        .lock()
        .unwrap()
        .insert("GLOBEX_YOUSIGN".into(), "globex-key".into());
    let tenants = Tenants::builder(config.resolver(TenantSource::path_segment(1), vault.clone())).build();
    let body = accepted_fixture(Vendor::Yousign);
    let sign = |key: &str| {
        esign_webhooks::testing::Signer::hmac(esign_webhooks::yousign::scheme(), esign_webhooks::Secret::new(key))
            .sign(&body)
    };
    assert_eq!(
        route(&tenants, &sign("acme-key-1"), "/webhooks/acme").unwrap(),
        id("acme")
    );
    assert!(
        route(&tenants, &sign("acme-key-1"), "/webhooks/globex")
            .unwrap_err()
            .is_authentication()
    );
    assert_eq!(
        route(&tenants, &sign("globex-key"), "/webhooks/globex").unwrap(),
        id("globex")
    );

    vault
        .0
        .lock()
        .unwrap()
        .insert("ACME_YOUSIGN".into(), "acme-key-2".into());
    tenants.invalidate(&id("acme"));
    assert!(route(&tenants, &sign("acme-key-1"), "/webhooks/acme").is_err());
    assert_eq!(
        route(&tenants, &sign("acme-key-2"), "/webhooks/acme").unwrap(),
        id("acme")
    );

    // A secret missing from the source: 503 (retry once it exists), never a panic.
    vault.0.lock().unwrap().remove("GLOBEX_YOUSIGN");
    tenants.invalidate(&id("globex"));
    let err = route(&tenants, &sign("globex-key"), "/webhooks/globex").unwrap_err();
    assert_eq!(err.status(), 503, "{err}");
    assert!(!err.to_string().contains("globex-key"));
}

#[test]
fn tenants_config_reads_one_file_with_a_table_per_tenant() {
    let config = TenantsConfig::from_json(
        r#"{"tenants": {
            "acme": { "docusign": { "method": "hmac", "secret_env": "ACME_DOCUSIGN" } },
            "globex": { "boldsign": { "method": "hmac", "secret_env": "GLOBEX_BOLDSIGN" }, "max_body_size": 2048 }
        }}"#,
    )
    .unwrap();
    assert_eq!(config.len(), 2);
    assert_eq!(config.get(&id("globex")).unwrap().max_body_size(), Some(2048));
    assert!(TenantsConfig::from_json(r#"{"tenants": {"a/b": {}}}"#).is_err());
    assert!(TenantsConfig::from_json(r#"{"tenant": {}}"#).is_err());
}

#[test]
fn tenant_dedup_keys_are_namespaced_and_the_report_and_context_name_the_tenant() {
    let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
    resolver.insert(id("a"), tenant_webhooks("shared"));
    resolver.insert(id("b"), tenant_webhooks("shared"));
    let tenants = Tenants::builder(resolver).build();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = AsyncHandlers::new();
    let record = seen.clone();
    handlers.on_any_with_context(move |event, context| {
        let record = record.clone();
        async move {
            record
                .lock()
                .unwrap()
                .push((event.vendor(), context.tenant().map(|t| t.to_string())));
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    let body = accepted_fixture(Vendor::DocuSign);
    // Two tenants sharing a key (a test setup, not advice) receive the same delivery.
    let request = demo::tenant_sign(Vendor::DocuSign, "shared", &body);
    let handle = |path: &str| block_on(tenants.handle_request(&handlers, &request.to_http_request(path))).unwrap();
    let first_a = handle("/webhooks/a");
    assert_eq!(first_a.tenant(), Some(&id("a")));
    assert!(!first_a.is_duplicate());
    let first_b = handle("/webhooks/b");
    assert!(!first_b.is_duplicate(), "a's delivery must not make b's a duplicate");
    assert_eq!(first_b.tenant(), Some(&id("b")));
    let again_a = handle("/webhooks/a");
    assert!(again_a.is_duplicate());
    assert_eq!(again_a.tenant(), Some(&id("a")));
    assert_eq!(
        *seen.lock().unwrap(),
        [
            (Vendor::DocuSign, Some("a".to_owned())),
            (Vendor::DocuSign, Some("b".to_owned()))
        ]
    );

    // Blocking handlers too; a single Webhooks reports no tenant.
    let mut blocking = Handlers::new();
    let tenants_seen = Arc::new(Mutex::new(Vec::new()));
    let record = tenants_seen.clone();
    blocking.on_any_with_context(move |_, context| {
        record.lock().unwrap().push(context.tenant().cloned());
        Ok(())
    });
    let http = request.to_http_request("/webhooks/b");
    let (parts, body_bytes) = http.into_parts();
    let report = block_on(tenants.handle_parts_blocking(&blocking, &parts, &body_bytes)).unwrap();
    assert_eq!(report.tenant(), Some(&id("b")));
    let single = tenant_webhooks("shared");
    let report = single.handle_incoming(&blocking, &request.incoming()).unwrap();
    assert_eq!(report.tenant(), None);
    assert_eq!(*tenants_seen.lock().unwrap(), [Some(id("b")), None]);
}

#[test]
fn an_fn_resolver_resolves_asynchronously() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let resolver = FnResolver::new(TenantSource::query("tenant"), move |tenant: TenantId| {
        counter.fetch_add(1, Ordering::SeqCst);
        async move {
            tokio::task::yield_now().await;
            Ok((tenant.as_str() == "a").then(|| Arc::new(tenant_webhooks("a"))))
        }
    });
    let tenants = Tenants::builder(resolver).build();
    let request = demo::tenant_sign(Vendor::Yousign, "a", &accepted_fixture(Vendor::Yousign));
    assert_eq!(route(&tenants, &request, "/webhooks?tenant=a").unwrap(), id("a"));
    assert_eq!(route(&tenants, &request, "/webhooks?tenant=a").unwrap(), id("a"));
    assert!(route(&tenants, &request, "/webhooks?tenant=b").is_err());
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn a_tenant_body_over_the_limit_is_refused_before_the_resolver_is_asked() {
    let resolver = Counting::new();
    let tenants = Tenants::builder(resolver.clone()).max_body_size(16).build();
    let err = route(&tenants, &for_tenant("a"), "/webhooks").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::PayloadTooLarge { .. }));
    assert_eq!(resolver.calls.load(Ordering::SeqCst), 0);
}

mod hostile {
    use esign_webhooks::tenant::{TenantRequest, TenantSource};
    use proptest::prelude::*;

    proptest! {
        /// Naming a tenant reads unverified input: any body, header or path
        /// gives a valid id or none, and never panics.
        #[test]
        fn tenant_sources_never_panic_and_name_only_valid_ids(
            body in proptest::collection::vec(any::<u8>(), 0..512),
            path in "[ -~]{0,80}",
            header in proptest::collection::vec(any::<u8>(), 0..80),
            json_account in "[ -~]{0,100}",
        ) {
            let source = TenantSource::vendor_account()
                .or(TenantSource::path_segment(1))
                .or(TenantSource::query("tenant"));
            let headers = [("x-adobesign-clientid", header.as_slice()), ("content-type", b"multipart/form-data; boundary=b".as_slice())];
            for candidate in [
                body.clone(),
                format!(r#"{{"event":"envelope-completed","configurationId":1,"data":{{"accountId":{}}}}}"#,
                    serde_json::to_string(&json_account).unwrap()).into_bytes(),
                format!(r#"{{"topic":"SIGNATURE","appId":{}}}"#, serde_json::to_string(&json_account).unwrap()).into_bytes(),
            ] {
                let request = TenantRequest::new(&path, Some("tenant=a&tenant=b"), &headers, &candidate);
                if let Some(tenant) = source.identify(&request) {
                    prop_assert!(esign_webhooks::tenant::TenantId::new(tenant.as_str()).is_ok());
                    prop_assert!(tenant.as_str().len() <= esign_webhooks::tenant::MAX_TENANT_ID_LEN);
                }
            }
        }
    }
}

#[test]
fn no_tenant_secret_appears_in_debug_output_or_errors() {
    let resolver = Arc::new(MapResolver::new(
        TenantSource::path_segment(1).or(TenantSource::header("x-tenant")),
    ));
    resolver.insert(id("a"), tenant_webhooks("a"));
    let tenants = Tenants::builder(resolver.clone()).build();
    let mut outputs = vec![format!("{tenants:?}"), format!("{resolver:?}")];
    for vendor in vendors_with_a_secret() {
        let body = accepted_fixture(vendor);
        let signed = demo::tenant_sign(vendor, "a", &body);
        for path in ["/webhooks/b", "/webhooks/a"] {
            if let Err(err) = route(&tenants, &signed, path) {
                outputs.push(format!("{err} {err:?}"));
            }
        }
        let http = signed.to_http_request("/webhooks/a");
        let request = TenantRequest::new(http.uri().path(), http.uri().query(), http.headers(), http.body());
        outputs.push(format!("{request:?}"));
    }
    outputs.push(format!("{tenants:?}"));
    for vendor in Vendor::ALL {
        let Some(secret) = demo::tenant_secret(*vendor, "a") else {
            continue;
        };
        for output in &outputs {
            assert!(!output.contains(&secret), "{vendor}'s secret in {output}");
        }
    }
}
