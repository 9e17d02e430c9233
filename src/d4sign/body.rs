//! The fields of a D4Sign post: D4Sign documents "FORM-DATA" and prints its
//! examples as JSON, so all three self-framing forms are read: a JSON
//! object, `application/x-www-form-urlencoded`, and `multipart/form-data`
//! whose first line is its boundary.

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};
use crate::multipart::{self, Form};
use crate::verify::percent_decode;

/// `true` when `body` is (meant as) a JSON object: its first non-blank byte is `{`.
pub(super) fn is_json(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// The fields of `body` as a JSON object (form values as strings).
///
/// Without the request's `Content-Type`, a multipart body is read the
/// strictest way (the boundary of its first line, no preamble, no epilogue:
/// [`Form::parse_whole`]), as Dropbox Sign's stored bodies are.
pub(super) fn fields(body: &[u8]) -> Result<Map<String, Value>, Error> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    match body.get(start) {
        Some(b'{') => crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err)),
        Some(b'-') if body.starts_with(b"--") => {
            let boundary = multipart::boundary_in_body(body)?;
            let form = Form::parse_whole(body, boundary)?;
            let mut map = Map::new();
            for part in form.parts() {
                let text = std::str::from_utf8(part.content()).map_err(|_| malformed("a form field is not UTF-8"))?;
                map.insert(part.name().to_owned(), Value::String(text.to_owned()));
            }
            Ok(map)
        }
        _ => urlencoded(body),
    }
}

/// `name=value&…`, `+` and `%XX` decoded; a repeated name keeps its first value.
fn urlencoded(body: &[u8]) -> Result<Map<String, Value>, Error> {
    let mut map = Map::new();
    for pair in body.split(|b| *b == b'&').filter(|pair| !pair.is_empty()) {
        let mut halves = pair.splitn(2, |b| *b == b'=');
        let name = decode(halves.next().unwrap_or_default())?;
        let value = decode(halves.next().unwrap_or_default())?;
        map.entry(name).or_insert(Value::String(value));
    }
    if map.is_empty() {
        return Err(malformed("the body is neither JSON nor form data"));
    }
    Ok(map)
}

fn decode(bytes: &[u8]) -> Result<String, Error> {
    let decoded = percent_decode(bytes).ok_or_else(|| malformed("invalid percent-encoding in the form"))?;
    String::from_utf8(decoded).map_err(|_| malformed("a form field is not UTF-8"))
}

fn malformed(reason: &'static str) -> Error {
    Error::new(ErrorKind::MalformedPayload {
        path: "$".to_owned(),
        line: 1,
        column: 1,
        message: reason.to_owned(),
    })
}
