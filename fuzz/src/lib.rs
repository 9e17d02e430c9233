//! What the fuzz targets share: the text format of a fuzzed request, so that
//! seeds stay readable and libFuzzer can mutate headers and body alike, and
//! the receiver with all sixteen vendors configured ([`all_vendors`]).
//!
//! ```text
//! @1735689600              optional: the verifier's clock (Unix seconds), signature_headers only
//! ?token=abc&x=1           optional: the query string
//! X-Name: value            any number of headers (the value is raw bytes, one leading space dropped)
//!                          an empty line ends the head
//! {"body": …}              everything after it is the body
//! ```
//!
//! Input without an empty line is all body, with no header.

/// The clock of the targets, also the time the seeds are signed at.
pub const NOW: i64 = 1_735_689_600;

/// A request decoded from fuzzer bytes.
#[derive(Debug)]
pub struct Request<'a> {
    /// The verifier's clock.
    pub now: i64,
    /// The query string, without `?`.
    pub query: Option<String>,
    /// `(name, value)` pairs, in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The raw body.
    pub body: &'a [u8],
}

impl<'a> Request<'a> {
    /// Decodes the text format above; never fails.
    pub fn decode(data: &'a [u8]) -> Request<'a> {
        let mut request = Request {
            now: NOW,
            query: None,
            headers: Vec::new(),
            body: data,
        };
        let Some(split) = data.windows(2).position(|w| w == b"\n\n") else {
            return request;
        };
        let (head, rest) = data.split_at(split);
        request.body = rest.get(2..).unwrap_or_default();
        for line in head.split(|&b| b == b'\n') {
            match line.first() {
                Some(b'@') => {
                    if let Some(now) = std::str::from_utf8(&line[1..]).ok().and_then(|t| t.trim().parse().ok()) {
                        request.now = now;
                    }
                }
                Some(b'?') => request.query = Some(String::from_utf8_lossy(&line[1..]).into_owned()),
                Some(_) => {
                    let (name, value) = match line.iter().position(|&b| b == b':') {
                        Some(colon) => (&line[..colon], &line[colon + 1..]),
                        None => (line, &b""[..]),
                    };
                    let value = value.strip_prefix(b" ").unwrap_or(value);
                    request
                        .headers
                        .push((String::from_utf8_lossy(name).into_owned(), value.to_vec()));
                }
                None => {}
            }
        }
        request
    }
}

use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
use esign_webhooks::{
    FixedClock, Secret, Webhooks, adobesign, boldsign, boxsign, constellation, documenso, docuseal, docusign,
    dropboxsign, esignglobal, ignisign, opensign, pandadoc, signplus, signwell, yousign, zohosign,
};

/// The eSignGlobal scheme the seeds are signed with (the tests' stand-in).
pub fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

/// Every secret [`all_vendors`] configures, checked against every error's text.
pub const SECRETS: [&str; 16] = [
    "esg-secret",
    "sp-token",
    "c1-password",
    "docusign-secret",
    "dropboxsign-api-key",
    "boldsign-secret",
    "adobesign-url-token",
    "yousign-secret",
    "pandadoc-shared-key",
    "zohosign-secret",
    "documenso-secret",
    "docuseal-secret",
    "signwell-webhook-id",
    "opensign-secret",
    "boxsign-primary",
    "boxsign-secondary",
];

/// The Adobe Acrobat Sign client id (not a secret: it is echoed).
pub const ADOBE_CLIENT_ID: &str = "CBJCHBCAABAA-adobe-client-id";

/// A receiver with all sixteen vendors configured with [`SECRETS`], a 1 MiB
/// body limit and the clock at [`NOW`]: the configuration the seeds are
/// signed for (`tests/fuzz_seeds.rs`).
pub fn all_vendors() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::query_token("token", Secret::new("sp-token")))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
        .docusign(docusign::Verifier::hmac([Secret::new("docusign-secret")]))
        .dropboxsign(dropboxsign::Verifier::new(Secret::new("dropboxsign-api-key")))
        .boldsign(boldsign::Verifier::new(Secret::new("boldsign-secret")))
        .adobesign(
            adobesign::Verifier::client_ids([ADOBE_CLIENT_ID])
                .with_query_token("token", Secret::new("adobesign-url-token")),
        )
        .yousign(yousign::Verifier::new(Secret::new("yousign-secret")))
        .pandadoc(pandadoc::Verifier::new(Secret::new("pandadoc-shared-key")))
        .zohosign(zohosign::Verifier::new(Secret::new("zohosign-secret")))
        .documenso(documenso::Verifier::new(Secret::new("documenso-secret")))
        .docuseal(docuseal::Verifier::new(Secret::new("docuseal-secret")))
        .signwell(signwell::Verifier::new(Secret::new("signwell-webhook-id")))
        .opensign(opensign::Verifier::new(Secret::new("opensign-secret")))
        .boxsign(boxsign::Verifier::new(
            Secret::new("boxsign-primary"),
            Secret::new("boxsign-secondary"),
        ))
        .max_body_size(1024 * 1024)
        .clock(FixedClock(NOW))
        .build()
        .expect("a valid configuration")
}
