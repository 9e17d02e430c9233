//! The demo receiver: every vendor compiled into this build, configured with
//! demo credentials, and for each vendor a [`VendorSigner`] that signs
//! deliveries the way that vendor would, so that they pass the demo
//! receiver's checks.
//!
//! The crate's own tests, fuzz targets, fuzz seeds and command-line tool
//! build their all-vendors receiver here, so that there is one list of
//! vendors and their test credentials, not one per file. Each function
//! matches on [`Vendor`] without a wildcard: a vendor added to the table
//! without its demo configuration is a compile error in this file.
//!
//! ```
//! use esign_webhooks::Vendor;
//! use esign_webhooks::testing::demo;
//!
//! let webhooks = demo::webhooks();
//! let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
//! let request = demo::signer(Vendor::EsignGlobal).sign(body);
//! let event = webhooks.dispatch_incoming(&request.incoming())?;
//! assert_eq!(event.vendor(), Vendor::EsignGlobal);
//!
//! // Another key is refused.
//! let forged = demo::signer(Vendor::EsignGlobal).with_secret("not-the-key").sign(body);
//! assert!(webhooks.dispatch_incoming(&forged.incoming()).is_err());
//! # Ok::<(), esign_webhooks::Error>(())
//! ```

use super::{SignedRequest, Signer};
use crate::clock::FixedClock;
use crate::dispatch::{Webhooks, WebhooksBuilder};
use crate::secret::Secret;
use crate::vendor::Vendor;
use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};

/// The demo receiver's clock (2025-01-01T00:00:00Z, Unix seconds), and the
/// time a [`VendorSigner`] signs at unless told otherwise.
pub const NOW: i64 = 1_735_689_600;

/// The demo receiver's body limit: 1 MiB, so that fuzzed input reaches the
/// size limits.
pub const MAX_BODY_SIZE: usize = 1024 * 1024;

/// The Adobe Acrobat Sign client id the demo receiver accepts (not a
/// secret: Adobe echoes it in a header).
pub const ADOBE_CLIENT_ID: &str = "CBJCHBCAABAA-adobe-client-id";

/// The Ignisign application id of the demo receiver: the one in
/// `tests/fixtures/ignisign/` (not a secret either).
pub const IGNISIGN_APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";

/// The custom header the demo receiver's ZapSign webhook carries its token
/// in: ZapSign sends the headers you set on the webhook, so the name is the
/// user's choice, not ZapSign's.
pub const ZAPSIGN_HEADER: &str = "X-Webhook-Token";

/// The eSignGlobal scheme of the demo receiver. eSignGlobal confirms each
/// account's scheme on request, so this is a stand-in: a hex HMAC of
/// `t.body` in `x-esg-signature: t=…,v1=…`.
pub fn esignglobal_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

/// The custom header the demo receiver's SignNow subscription sends its
/// secret in (SignNow signs nothing: the header is the user's choice).
pub const SIGNNOW_HEADER: &str = "X-Webhook-Token";

/// The texts of the demo credentials of `vendor`, first the one its
/// [`VendorSigner`] signs with (Box Sign has a second, its secondary key).
/// Distinct per vendor and easy to grep for, so that a test can check no
/// error or `Debug` output shows one.
pub fn secret_texts(vendor: Vendor) -> &'static [&'static str] {
    match vendor {
        Vendor::EsignGlobal => &["esg-secret"],
        // Ignisign signs nothing: its proof is a token checked with its API.
        Vendor::Ignisign => &[],
        Vendor::SignPlus => &["sp-token"],
        Vendor::Constellation => &["c1-password"],
        Vendor::DocuSign => &["docusign-secret"],
        Vendor::DropboxSign => &["dropboxsign-api-key"],
        Vendor::BoldSign => &["boldsign-secret"],
        Vendor::AdobeSign => &["adobesign-url-token"],
        Vendor::Yousign => &["yousign-secret"],
        Vendor::PandaDoc => &["pandadoc-shared-key"],
        Vendor::ZohoSign => &["zohosign-secret"],
        Vendor::Documenso => &["documenso-secret"],
        Vendor::DocuSeal => &["docuseal-secret"],
        Vendor::SignWell => &["signwell-webhook-id"],
        Vendor::OpenSign => &["opensign-secret"],
        Vendor::BoxSign => &["boxsign-primary", "boxsign-secondary"],
        Vendor::OneSpan => &["onespan-callback-key"],
        Vendor::SignatureApi => &["signatureapi-secret"],
        Vendor::SignNow => &["signnow-header-token"],
        Vendor::Clicksign => &["clicksign-secret"],
        Vendor::Autentique => &["autentique-secret"],
        Vendor::ZapSign => &["zapsign-header-token"],
        Vendor::D4Sign => &["d4sign-hmac-secret"],
    }
}

/// Every demo credential text of every vendor (compiled in or not).
pub fn all_secret_texts() -> Vec<&'static str> {
    Vendor::ALL
        .iter()
        .flat_map(|vendor| secret_texts(*vendor))
        .copied()
        .collect()
}

/// The scheme `vendor` documents for its HMAC signature, when it documents
/// exactly one; `None` for a vendor that signs otherwise (a token, Basic
/// credentials, a proof inside the body), whose account-specific scheme is
/// confirmed on request (eSignGlobal), or that is not compiled in.
pub fn documented_scheme(vendor: Vendor) -> Option<HmacScheme> {
    macro_rules! scheme_of {
        ($feature:literal, $module:ident) => {{
            #[cfg(feature = $feature)]
            let scheme = Some(crate::$module::scheme());
            #[cfg(not(feature = $feature))]
            let scheme = None;
            scheme
        }};
    }
    match vendor {
        Vendor::DocuSign => scheme_of!("docusign", docusign),
        Vendor::BoldSign => scheme_of!("boldsign", boldsign),
        Vendor::Yousign => scheme_of!("yousign", yousign),
        Vendor::PandaDoc => scheme_of!("pandadoc", pandadoc),
        Vendor::ZohoSign => scheme_of!("zohosign", zohosign),
        Vendor::DocuSeal => scheme_of!("docuseal", docuseal),
        Vendor::OpenSign => scheme_of!("opensign", opensign),
        Vendor::BoxSign => scheme_of!("boxsign", boxsign),
        Vendor::SignatureApi => scheme_of!("signatureapi", signatureapi),
        Vendor::Clicksign => scheme_of!("clicksign", clicksign),
        Vendor::Autentique => scheme_of!("autentique", autentique),
        Vendor::EsignGlobal
        | Vendor::Ignisign
        | Vendor::SignPlus
        | Vendor::Constellation
        | Vendor::DropboxSign
        | Vendor::AdobeSign
        | Vendor::Documenso
        | Vendor::SignWell
        | Vendor::OneSpan
        | Vendor::SignNow => None,
        Vendor::ZapSign | Vendor::D4Sign => None,
    }
}

/// A builder with every compiled-in vendor configured with its demo
/// credentials, the clock at [`NOW`] and the body limit at
/// [`MAX_BODY_SIZE`]; add or replace what a test needs, then `build()`.
pub fn builder() -> WebhooksBuilder {
    Vendor::ALL
        .iter()
        .fold(Webhooks::builder(), |builder, vendor| configure(builder, *vendor, ""))
        .clock(FixedClock(NOW))
        .max_body_size(MAX_BODY_SIZE)
}

/// A builder with only `vendor` configured with its demo credentials (no
/// other vendor to tell it from), the clock at [`NOW`] and the body limit at
/// [`MAX_BODY_SIZE`]: a receiver as a one-vendor application configures it
/// (the benches measure each vendor this way).
///
/// ```
/// use esign_webhooks::Vendor;
/// use esign_webhooks::testing::demo;
///
/// let webhooks = demo::builder_for(Vendor::DocuSign).build()?;
/// assert_eq!(webhooks.vendors(), [Vendor::DocuSign]);
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
pub fn builder_for(vendor: Vendor) -> WebhooksBuilder {
    configure(Webhooks::builder(), vendor, "")
        .clock(FixedClock(NOW))
        .max_body_size(MAX_BODY_SIZE)
}

/// The demo receiver: [`builder`], built.
///
/// # Panics
///
/// Never with the demo configuration (it is checked by the crate's tests);
/// it panics rather than return an error because a test has nothing better
/// to do with one.
#[allow(clippy::expect_used)]
pub fn webhooks() -> Webhooks {
    builder().build().expect("the demo configuration is valid")
}

/// The demo receiver of tenant `tenant` of a multi-tenant receiver: as
/// [`builder`], but every credential is the demo one followed by
/// `-<tenant>` ([`tenant_secret`]), Adobe's client id too
/// ([`tenant_adobe_client_id`]), so that each tenant's keys are its own.
/// Sign its deliveries with [`tenant_sign`].
pub fn tenant_builder(tenant: &str) -> WebhooksBuilder {
    let suffix = format!("-{tenant}");
    Vendor::ALL
        .iter()
        .fold(Webhooks::builder(), |builder, vendor| {
            configure(builder, *vendor, &suffix)
        })
        .clock(FixedClock(NOW))
        .max_body_size(MAX_BODY_SIZE)
}

/// `tenant`'s demo credential for `vendor` (the one its signer uses), or
/// `None` for a vendor with none (Ignisign).
pub fn tenant_secret(vendor: Vendor, tenant: &str) -> Option<String> {
    secret_texts(vendor).first().map(|text| format!("{text}-{tenant}"))
}

/// `tenant`'s Adobe Acrobat Sign client id in [`tenant_builder`].
pub fn tenant_adobe_client_id(tenant: &str) -> String {
    format!("{ADOBE_CLIENT_ID}-{tenant}")
}

/// `body` delivered by `vendor` to tenant `tenant`, signed with that
/// tenant's credential ([`tenant_builder`]), Adobe's client id header
/// being the tenant's.
pub fn tenant_sign(vendor: Vendor, tenant: &str, body: &[u8]) -> SignedRequest {
    let signer = match tenant_secret(vendor, tenant) {
        Some(secret) => signer(vendor).with_secret(Secret::new(secret)),
        None => signer(vendor),
    };
    let request = signer.sign(body);
    #[cfg(feature = "adobesign")]
    if vendor == Vendor::AdobeSign {
        return request.set_header(crate::adobesign::CLIENT_ID_HEADER, tenant_adobe_client_id(tenant));
    }
    request
}

/// `builder` with `vendor` configured with its demo credentials, each
/// followed by `suffix` (empty for the demo receiver); unchanged when the
/// vendor is not compiled in.
fn configure(builder: WebhooksBuilder, vendor: Vendor, suffix: &str) -> WebhooksBuilder {
    macro_rules! with {
        ($feature:literal, |$secret:ident| $configured:expr) => {{
            #[cfg(feature = $feature)]
            let builder = {
                let $secret = |index: usize| {
                    Secret::new(format!(
                        "{}{suffix}",
                        secret_texts(vendor).get(index).copied().unwrap_or_default()
                    ))
                };
                $configured
            };
            builder
        }};
    }
    match vendor {
        Vendor::EsignGlobal => with!("esignglobal", |s| builder
            .esignglobal(crate::esignglobal::Verifier::new(s(0), esignglobal_scheme()))),
        Vendor::Ignisign => with!("ignisign", |_s| builder.ignisign(crate::ignisign::Verifier::new(
            IGNISIGN_APP_ID,
            crate::ignisign::AppEnv::Development
        ))),
        Vendor::SignPlus => with!("signplus", |s| builder
            .signplus(crate::signplus::Verifier::query_token("token", s(0)))),
        Vendor::Constellation => with!("constellation", |s| builder
            .constellation(crate::constellation::Verifier::basic_auth("esign", s(0)))),
        Vendor::DocuSign => with!("docusign", |s| builder
            .docusign(crate::docusign::Verifier::hmac([s(0)]))),
        Vendor::DropboxSign => with!("dropboxsign", |s| builder
            .dropboxsign(crate::dropboxsign::Verifier::new(s(0)))),
        Vendor::BoldSign => with!("boldsign", |s| builder.boldsign(crate::boldsign::Verifier::new(s(0)))),
        Vendor::AdobeSign => with!("adobesign", |s| builder.adobesign(
            crate::adobesign::Verifier::client_ids([format!("{ADOBE_CLIENT_ID}{suffix}")])
                .with_query_token("token", s(0))
        )),
        Vendor::Yousign => with!("yousign", |s| builder.yousign(crate::yousign::Verifier::new(s(0)))),
        Vendor::PandaDoc => with!("pandadoc", |s| builder.pandadoc(crate::pandadoc::Verifier::new(s(0)))),
        Vendor::ZohoSign => with!("zohosign", |s| builder.zohosign(crate::zohosign::Verifier::new(s(0)))),
        Vendor::Documenso => with!("documenso", |s| builder
            .documenso(crate::documenso::Verifier::new(s(0)))),
        Vendor::DocuSeal => with!("docuseal", |s| builder.docuseal(crate::docuseal::Verifier::new(s(0)))),
        Vendor::SignWell => with!("signwell", |s| builder.signwell(crate::signwell::Verifier::new(s(0)))),
        Vendor::OpenSign => with!("opensign", |s| builder.opensign(crate::opensign::Verifier::new(s(0)))),
        Vendor::BoxSign => with!("boxsign", |s| builder
            .boxsign(crate::boxsign::Verifier::new(s(0), s(1)))),
        Vendor::OneSpan => with!("onespan", |s| builder
            .onespan(crate::onespan::Verifier::callback_key(s(0)))),
        Vendor::SignatureApi => with!("signatureapi", |s| builder
            .signatureapi(crate::signatureapi::Verifier::new(s(0)))),
        // SignNow signs nothing: a secret in a custom header of the subscription.
        Vendor::SignNow => with!("signnow", |s| builder
            .signnow(crate::signnow::Verifier::header_token(SIGNNOW_HEADER, s(0)))),
        Vendor::Clicksign => with!("clicksign", |s| builder
            .clicksign(crate::clicksign::Verifier::new(s(0)))),
        Vendor::Autentique => with!("autentique", |s| builder
            .autentique(crate::autentique::Verifier::new(s(0)))),
        Vendor::ZapSign => with!("zapsign", |s| builder
            .zapsign(crate::zapsign::Verifier::header_token(ZAPSIGN_HEADER, s(0)))),
        Vendor::D4Sign => with!("d4sign", |s| builder.d4sign(crate::d4sign::Verifier::new(s(0)))),
    }
}

/// The signer of `vendor`'s deliveries for the demo receiver: its demo
/// credential, at [`NOW`].
pub fn signer(vendor: Vendor) -> VendorSigner {
    VendorSigner {
        vendor,
        secret: Secret::new(secret_texts(vendor).first().copied().unwrap_or_default()),
        timestamp: NOW,
    }
}

/// Signs deliveries as one vendor would for the demo receiver: from
/// [`signer`].
///
/// Each vendor's proof is made its own way: an HMAC header, a token in a
/// header, Basic credentials or the query, or a hash inside the body
/// (Dropbox Sign's `event_hash`, SignWell's `event.hash`, which rewrite the
/// JSON), or a header computed from a field of the body (D4Sign's
/// `Content-Hmac` of the document UUID; a body without one is sent unsigned). Ignisign signs nothing (its proof is a token checked later with
/// its API), and a vendor that is not compiled in gets the body unsigned.
#[derive(Debug, Clone)]
pub struct VendorSigner {
    vendor: Vendor,
    secret: Secret,
    timestamp: i64,
}

impl VendorSigner {
    /// The vendor it signs for.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// Signs with `secret` instead of the demo credential: a delivery the
    /// demo receiver must refuse (except Ignisign's, which carries none).
    pub fn with_secret(mut self, secret: impl Into<Secret>) -> Self {
        self.secret = secret.into();
        self
    }

    /// Signs as of this Unix time instead of [`NOW`] (for vendors that sign
    /// a timestamp).
    pub fn at(mut self, timestamp: i64) -> Self {
        self.timestamp = timestamp;
        self
    }

    /// The delivery of `body`.
    pub fn sign(&self, body: &[u8]) -> SignedRequest {
        let secret = self.secret.clone();
        let hmac = |scheme: HmacScheme| Signer::hmac(scheme, secret.clone()).at(self.timestamp).sign(body);
        let unsigned = || SignedRequest {
            body: body.to_vec(),
            headers: Vec::new(),
            query: None,
        };
        macro_rules! when {
            ($feature:literal, $signed:expr) => {{
                #[cfg(feature = $feature)]
                let request = $signed;
                #[cfg(not(feature = $feature))]
                let request = unsigned();
                request
            }};
        }
        match self.vendor {
            Vendor::EsignGlobal => hmac(esignglobal_scheme()),
            Vendor::Ignisign => unsigned(),
            Vendor::SignPlus => Signer::query_token("token", secret).sign(body),
            Vendor::Constellation => Signer::basic_auth("esign", secret).sign(body),
            Vendor::DocuSign => when!("docusign", hmac(crate::docusign::scheme())),
            Vendor::DropboxSign => when!("dropboxsign", Signer::dropboxsign(secret).json(body)),
            Vendor::BoldSign => when!("boldsign", hmac(crate::boldsign::scheme())),
            Vendor::AdobeSign => when!("adobesign", {
                let mut request = Signer::query_token("token", secret).sign(body);
                request.headers.push((
                    crate::adobesign::CLIENT_ID_HEADER.to_owned(),
                    ADOBE_CLIENT_ID.to_owned(),
                ));
                request
            }),
            Vendor::Yousign => when!("yousign", hmac(crate::yousign::scheme())),
            Vendor::PandaDoc => when!("pandadoc", hmac(crate::pandadoc::scheme())),
            Vendor::ZohoSign => when!("zohosign", hmac(crate::zohosign::scheme())),
            Vendor::Documenso => when!(
                "documenso",
                Signer::header_token(crate::documenso::SECRET_HEADER, secret).sign(body)
            ),
            Vendor::DocuSeal => when!("docuseal", hmac(crate::docuseal::scheme())),
            Vendor::SignWell => when!("signwell", {
                let mut request = unsigned();
                request.body = signwell_signed(body, &secret);
                request
            }),
            Vendor::OpenSign => when!("opensign", hmac(crate::opensign::scheme())),
            Vendor::BoxSign => when!("boxsign", hmac(crate::boxsign::scheme())),
            // OneSpan sends the callback key itself after `Basic `.
            Vendor::OneSpan => when!(
                "onespan",
                Signer::header_token(
                    crate::onespan::AUTHORIZATION_HEADER,
                    Secret::new([b"Basic ".as_slice(), secret.expose()].concat())
                )
                .sign(body)
            ),
            Vendor::SignatureApi => when!("signatureapi", hmac(crate::signatureapi::scheme())),
            Vendor::SignNow => Signer::header_token(SIGNNOW_HEADER, secret).sign(body),
            Vendor::Clicksign => when!("clicksign", hmac(crate::clicksign::scheme())),
            Vendor::Autentique => when!("autentique", hmac(crate::autentique::scheme())),
            Vendor::ZapSign => Signer::header_token(ZAPSIGN_HEADER, secret).sign(body),
            Vendor::D4Sign => when!("d4sign", {
                let mut request = unsigned();
                if let Ok(event) = crate::d4sign::Event::from_body(body) {
                    request.headers.push((
                        crate::d4sign::SIGNATURE_HEADER.to_owned(),
                        crate::d4sign::content_hmac(&secret, &event.uuid),
                    ));
                }
                request
            }),
        }
    }
}

/// SignWell's proof is in the body: `event.hash`, the HMAC of `type@time`
/// keyed with the webhook id. A body without `event.type` and a numeric
/// `event.time` is sent unchanged (and so fails verification). Only the
/// `event` object is rewritten, in its place: the other members keep their
/// order and bytes (SignWell sends `event` first, and the receiver reads the
/// proof up to it).
#[cfg(feature = "signwell")]
fn signwell_signed(body: &[u8], webhook_id: &Secret) -> Vec<u8> {
    let Ok(top) = serde_json::from_slice::<Top<'_>>(body) else {
        return body.to_vec();
    };
    let Some(raw) = top.event else {
        return body.to_vec();
    };
    // Where the raw `event` lies in `body` (it borrows from it).
    let start = (raw.get().as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
    let Some(end) = start.checked_add(raw.get().len()).filter(|end| *end <= body.len()) else {
        return body.to_vec();
    };
    let Ok(mut event_value) = serde_json::from_str::<serde_json::Value>(raw.get()) else {
        return body.to_vec();
    };
    let Some(event) = event_value.as_object_mut() else {
        return body.to_vec();
    };
    let (Some(kind), Some(time)) = (
        event.get("type").and_then(serde_json::Value::as_str),
        event.get("time").and_then(serde_json::Value::as_i64),
    ) else {
        return body.to_vec();
    };
    let hash = crate::signwell::event_hash(webhook_id, kind, time);
    event.insert("hash".to_owned(), serde_json::Value::String(hash));
    let Ok(event) = serde_json::to_vec(&event_value) else {
        return body.to_vec();
    };
    let (before, after) = (
        body.get(..start).unwrap_or_default(),
        body.get(end..).unwrap_or_default(),
    );
    [before, &event, after].concat()
}

/// The top-level `event` of a SignWell body, raw (the other members skipped).
#[cfg(feature = "signwell")]
#[derive(serde::Deserialize)]
struct Top<'a> {
    #[serde(borrow)]
    event: Option<&'a serde_json::value::RawValue>,
}
