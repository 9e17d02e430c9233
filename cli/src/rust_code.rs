//! Rust builder code for a detected method, printed by `detect`.

use esign_webhooks::verify::{
    DEFAULT_TOLERANCE, Detected, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation,
    TimestampUnit,
};

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn list(items: &[String]) -> String {
    items.iter().map(|item| quoted(item)).collect::<Vec<_>>().join(", ")
}

fn location(location: &SignatureLocation) -> String {
    match location {
        SignatureLocation::Header { name } => format!("SignatureLocation::header({})", quoted(name)),
        SignatureLocation::NumberedHeaders { prefix } => {
            format!("SignatureLocation::numbered_headers({})", quoted(prefix))
        }
        SignatureLocation::Parameters { header, keys } => {
            format!("SignatureLocation::parameters({}, [{}])", quoted(header), list(keys))
        }
        SignatureLocation::VersionedList { header, version } => {
            format!(
                "SignatureLocation::versioned_list({}, {})",
                quoted(header),
                quoted(version)
            )
        }
        SignatureLocation::QueryParameter { name } => format!("SignatureLocation::query({})", quoted(name)),
        SignatureLocation::AnyHeader { names } => format!("SignatureLocation::any_header([{}])", list(names)),
        SignatureLocation::TimestampPrefixed { header, separator } => format!(
            "SignatureLocation::timestamp_prefixed({}, {})",
            quoted(header),
            quoted(separator)
        ),
        _ => "/* a location this version of the tool cannot print */".to_owned(),
    }
}

fn timestamp(location: &TimestampLocation) -> String {
    match location {
        TimestampLocation::Header(name) => format!("TimestampLocation::header({})", quoted(name)),
        TimestampLocation::Parameter(key) => format!("TimestampLocation::parameter({})", quoted(key)),
        TimestampLocation::SignaturePrefix => "TimestampLocation::signature_prefix()".to_owned(),
        _ => "/* a timestamp location this version of the tool cannot print */".to_owned(),
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
        SignedContent::BodyThenTimestamp {
            timestamp: ts,
            separator,
        } => {
            format!(
                "SignedContent::body_then_timestamp({}, {})",
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
        _ => "/* a signed content this version of the tool cannot print */".to_owned(),
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
    if scheme.tolerance() != DEFAULT_TOLERANCE && scheme.signed_content().timestamp().is_some() {
        code.push_str(&format!(
            "\n    .with_tolerance(std::time::Duration::from_millis({}))",
            scheme.tolerance().as_millis()
        ));
    }
    match scheme.timestamp_unit() {
        TimestampUnit::Seconds => {}
        TimestampUnit::Milliseconds => code.push_str("\n    .with_timestamp_unit(TimestampUnit::Milliseconds)"),
        TimestampUnit::Rfc3339 => code.push_str("\n    .with_timestamp_unit(TimestampUnit::Rfc3339)"),
        _ => code.push_str("\n    /* a timestamp unit this version of the tool cannot print */"),
    }
    code
}

/// The `use` line for exactly the `verify` types `code` names (an unused
/// import would be a warning, an error under `-D warnings`, in the user's crate).
fn imports(code: &str) -> String {
    const TYPES: [&str; 6] = [
        "Encoding",
        "HmacScheme",
        "SignatureLocation",
        "SignedContent",
        "TimestampLocation",
        "TimestampUnit",
    ];
    let used: Vec<&str> = TYPES
        .into_iter()
        .filter(|name| code.contains(&format!("{name}::")))
        .collect();
    format!("use esign_webhooks::verify::{{{}}};", used.join(", "))
}

/// The statements that build the verifier of `vendor` (`esignglobal`, …) for `detected`.
pub fn verifier(vendor: &str, detected: &Detected, secret_expr: &str) -> String {
    match detected {
        Detected::Hmac(found) => {
            let scheme = scheme(found);
            let verifier = if vendor == "esignglobal" {
                format!("esign_webhooks::esignglobal::Verifier::new({secret_expr}, scheme)")
            } else {
                format!(
                    "esign_webhooks::{vendor}::Verifier::from_engine(esign_webhooks::verify::Verifier::hmac(scheme, {secret_expr}))"
                )
            };
            format!(
                "{}\nlet scheme = {scheme};\nlet verifier = {verifier};",
                imports(&scheme)
            )
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn code(scheme: HmacScheme) -> String {
        verifier("esignglobal", &Detected::Hmac(scheme), "secret")
    }

    #[test]
    fn imports_name_only_the_types_used() {
        let body = code(HmacScheme::new(
            SignatureLocation::header("X-Sig"),
            SignedContent::Body,
            Encoding::Hex,
        ));
        assert!(
            body.starts_with("use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};\n"),
            "{body}"
        );
        let millis = code(
            HmacScheme::new(
                SignatureLocation::header("X-Sig"),
                SignedContent::timestamp_then_body(TimestampLocation::header("X-Ts"), "."),
                Encoding::Hex,
            )
            .with_timestamp_unit(TimestampUnit::Milliseconds),
        );
        assert!(millis.starts_with(
            "use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit};\n"
        ));
    }

    #[test]
    fn box_sign_and_docuseal_shapes_are_printed() {
        let box_sign = code(
            HmacScheme::new(
                SignatureLocation::any_header(["BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY"]),
                SignedContent::body_then_timestamp(TimestampLocation::header("BOX-DELIVERY-TIMESTAMP"), ""),
                Encoding::Base64,
            )
            .with_timestamp_unit(TimestampUnit::Rfc3339),
        );
        assert_eq!(
            box_sign,
            "use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit};\n\
             let scheme = HmacScheme::new(\n    \
             SignatureLocation::any_header([\"BOX-SIGNATURE-PRIMARY\", \"BOX-SIGNATURE-SECONDARY\"]),\n    \
             SignedContent::body_then_timestamp(TimestampLocation::header(\"BOX-DELIVERY-TIMESTAMP\"), \"\"),\n    \
             Encoding::Base64,\n)\n    \
             .with_timestamp_unit(TimestampUnit::Rfc3339);\n\
             let verifier = esign_webhooks::esignglobal::Verifier::new(secret, scheme);"
        );
        let docuseal = code(HmacScheme::new(
            SignatureLocation::timestamp_prefixed("X-Docuseal-Signature", "."),
            SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), "."),
            Encoding::Hex,
        ));
        assert!(
            docuseal.contains("SignatureLocation::timestamp_prefixed(\"X-Docuseal-Signature\", \".\")"),
            "{docuseal}"
        );
        assert!(docuseal.contains("SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), \".\")"));
        assert!(!docuseal.contains("TimestampUnit"));
        assert!(!docuseal.contains("cannot print"));
    }
}
