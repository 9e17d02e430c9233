//! Where the callback's JSON is: the `json` field of a `multipart/form-data`
//! body (Dropbox Sign's default), or the whole body when it is JSON.

use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::multipart::{self, Form};

/// The name of the form field that carries the callback.
pub(crate) const JSON_FIELD: &str = "json";

/// The callback's JSON in a request: read the way its `Content-Type` says
/// (exactly one such header, or none).
pub(super) fn callback_json<'a, H: Headers + ?Sized>(incoming: &Incoming<'a, H>) -> Result<&'a [u8], Error> {
    let mut values = incoming.headers().values("content-type");
    let content_type = values.next();
    if values.next().is_some() {
        return Err(Error::new(ErrorKind::DuplicateHeader {
            name: "Content-Type".to_owned(),
        }));
    }
    let body = incoming.body();
    match content_type {
        Some(value) => match multipart::boundary(value) {
            Ok(boundary) => json_field(body, boundary),
            // Any other content type: the account posts JSON.
            Err(multipart::MultipartError::NotFormData) => Ok(body),
            Err(err) => Err(err.into()),
        },
        None => sniffed(body),
    }
}

/// The callback's JSON in a body read without its headers (stored, queued):
/// multipart when it starts with a delimiter line, JSON otherwise.
///
/// Without `Content-Type` a multipart body is ambiguous (a preamble can be a
/// whole multipart body of its own), so the multipart read here is the
/// strictest: the boundary of the first line, no preamble, no epilogue
/// ([`Form::parse_whole`]). The split path never comes here: it parses the
/// part the check located with the request's header.
pub(super) fn sniffed(body: &[u8]) -> Result<&[u8], Error> {
    if body.starts_with(b"--") {
        let boundary = multipart::boundary_in_body(body)?;
        json_part(&Form::parse_whole(body, boundary)?)
    } else {
        Ok(body)
    }
}

fn json_field<'a>(body: &'a [u8], boundary: &str) -> Result<&'a [u8], Error> {
    json_part(&Form::parse(body, boundary)?)
}

fn json_part<'a>(form: &Form<'a>) -> Result<&'a [u8], Error> {
    match form.field(JSON_FIELD)? {
        Some(part) => Ok(part.content()),
        None => Err(Error::new(ErrorKind::MissingField { field: JSON_FIELD })),
    }
}
