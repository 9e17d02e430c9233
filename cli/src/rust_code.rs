//! Rust builder code for a detected method, printed by `detect`.

use esign_webhooks::verify::{
    Detected, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
};

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn location(location: &SignatureLocation) -> String {
    match location {
        SignatureLocation::Header { name } => format!("SignatureLocation::header({})", quoted(name)),
        SignatureLocation::NumberedHeaders { prefix } => {
            format!("SignatureLocation::numbered_headers({})", quoted(prefix))
        }
        SignatureLocation::Parameters { header, keys } => format!(
            "SignatureLocation::parameters({}, [{}])",
            quoted(header),
            keys.iter().map(|k| quoted(k)).collect::<Vec<_>>().join(", ")
        ),
        SignatureLocation::VersionedList { header, version } => {
            format!(
                "SignatureLocation::versioned_list({}, {})",
                quoted(header),
                quoted(version)
            )
        }
        SignatureLocation::QueryParameter { name } => format!("SignatureLocation::query({})", quoted(name)),
        _ => "/* a location this version of the tool cannot print */".to_owned(),
    }
}

fn timestamp(location: &TimestampLocation) -> String {
    match location {
        TimestampLocation::Header(name) => format!("TimestampLocation::header({})", quoted(name)),
        TimestampLocation::Parameter(key) => format!("TimestampLocation::parameter({})", quoted(key)),
        _ => "/* unknown */".to_owned(),
    }
}

fn content(content: &SignedContent) -> String {
    match content {
        SignedContent::Body => "SignedContent::Body".to_owned(),
        SignedContent::TimestampThenBody {
            timestamp: ts,
            separator,
        } => {
            format!(
                "SignedContent::timestamp_then_body({}, {})",
                timestamp(ts),
                quoted(separator)
            )
        }
        SignedContent::IdTimestampBody {
            id_header,
            timestamp: ts,
            separator,
        } => format!(
            "SignedContent::id_timestamp_body({}, {}, {})",
            quoted(id_header),
            timestamp(ts),
            quoted(separator)
        ),
        _ => "/* unknown */".to_owned(),
    }
}

fn scheme(scheme: &HmacScheme) -> String {
    let encoding = match scheme.encoding() {
        Encoding::Hex => "Encoding::Hex",
        _ => "Encoding::Base64",
    };
    let mut code = format!(
        "HmacScheme::new(\n    {},\n    {},\n    {encoding},\n)",
        location(scheme.signature_location()),
        content(scheme.signed_content())
    );
    if let Some(prefix) = scheme.prefix() {
        code.push_str(&format!("\n    .with_prefix({})", quoted(prefix)));
    }
    if scheme.timestamp_unit() == TimestampUnit::Milliseconds {
        code.push_str("\n    .with_timestamp_unit(TimestampUnit::Milliseconds)");
    }
    code
}

/// The statements that build the verifier of `vendor` (`esignglobal`, …) for `detected`.
pub fn verifier(vendor: &str, detected: &Detected, secret_expr: &str) -> String {
    match detected {
        Detected::Hmac(found) if vendor == "esignglobal" => format!(
            "use esign_webhooks::verify::{{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit}};\n\
             let scheme = {};\n\
             let verifier = esign_webhooks::esignglobal::Verifier::new({secret_expr}, scheme);",
            scheme(found)
        ),
        Detected::Hmac(found) => format!(
            "use esign_webhooks::verify::{{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit}};\n\
             let scheme = {};\n\
             let verifier = esign_webhooks::{vendor}::Verifier::from_engine(esign_webhooks::verify::Verifier::hmac(scheme, {secret_expr}));",
            scheme(found)
        ),
        Detected::HeaderToken { header } => format!(
            "let verifier = esign_webhooks::{vendor}::Verifier::header_token({}, {secret_expr});",
            quoted(header)
        ),
        Detected::QueryToken { name } => format!(
            "let verifier = esign_webhooks::{vendor}::Verifier::query_token({}, {secret_expr});",
            quoted(name)
        ),
        Detected::BasicAuth { username } => format!(
            "let verifier = esign_webhooks::{vendor}::Verifier::basic_auth({}, {secret_expr});",
            quoted(username)
        ),
        _ => "// a method this version of the tool cannot print".to_owned(),
    }
}
