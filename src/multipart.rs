//! A small, strict reader of `multipart/form-data` bodies (RFC 7578 over the
//! RFC 2046 framing), for vendors that post form fields rather than JSON
//! (Dropbox Sign's `json` field).
//!
//! It reads only what a webhook receiver needs: the boundary from the
//! `Content-Type` header ([`boundary`]), or from the body's first delimiter
//! line when no header is at hand ([`boundary_in_body`]), and the parts of a
//! body ([`Form::parse`]) with their field name, optional file name and
//! content type, each part's content borrowed from the body. It copies
//! nothing but escaped names.
//!
//! Strict means: lines end in CRLF; each part has exactly one
//! `Content-Disposition: form-data; name=…`; folded (obsolete) header lines,
//! header sections over [`MAX_HEADER_BYTES`], more than [`MAX_PARTS`] parts and
//! a missing closing delimiter are refused. A preamble before the first
//! delimiter and an epilogue after the last are ignored, as RFC 2046 says,
//! by [`Form::parse`], which is given the boundary of the request's
//! `Content-Type`.
//!
//! A multipart body read **without** its `Content-Type` is ambiguous: a
//! preamble can itself be a complete multipart body with another boundary,
//! and which one the sender meant cannot be told from the bytes. Keep the
//! header with the body (or the part that was verified,
//! [`VerifiedBody::verified_part`](crate::VerifiedBody::verified_part));
//! where only the body is at hand, [`boundary_in_body`] and
//! [`Form::parse_whole`] accept a body that is nothing but its parts.
//! Every failure is a [`MultipartError`], never a panic; the body's size is
//! bounded by the caller (`Webhooks` refuses bodies over its limit first).
//!
//! The module is private: only Dropbox Sign reads multipart bodies, and the
//! crate's public surface names nothing of it but [`MultipartError`]
//! (re-exported at the root, for [`ErrorKind::MalformedMultipart`](crate::ErrorKind::MalformedMultipart)).
//! Its examples are unit tests (`examples_of_the_docs`), since a doctest
//! cannot reach a private module.

use std::borrow::Cow;

/// The most parts a body may have.
pub const MAX_PARTS: usize = 64;

/// The most bytes of one part's header section (its header lines and the blank line).
pub const MAX_HEADER_BYTES: usize = 8 * 1024;

/// The longest boundary RFC 2046 allows.
const MAX_BOUNDARY: usize = 70;

/// Why a `multipart/form-data` body or its `Content-Type` cannot be read. No
/// variant repeats body or header text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum MultipartError {
    /// The content type is not `multipart/form-data`.
    #[error("the content type is not multipart/form-data")]
    NotFormData,
    /// The content type has no `boundary` parameter.
    #[error("the content type has no boundary parameter")]
    MissingBoundary,
    /// The boundary is empty, longer than 70 characters, ends in a space, or
    /// has a character RFC 2046 does not allow.
    #[error("the boundary is not a valid RFC 2046 boundary")]
    InvalidBoundary,
    /// The content type's parameters cannot be read (or `boundary` is repeated).
    #[error("the content type's parameters are malformed")]
    MalformedParameters,
    /// The body has no delimiter line with the boundary.
    #[error("the body has no multipart delimiter with this boundary")]
    NoDelimiter,
    /// A delimiter line is followed by something other than CRLF or `--`.
    #[error("a multipart delimiter line is malformed")]
    MalformedDelimiter,
    /// The body ends before the closing delimiter.
    #[error("the body ends before the closing multipart delimiter")]
    Unterminated,
    /// The body has more than `limit` parts.
    #[error("the body has more than {limit} parts")]
    TooManyParts {
        /// The most parts a body may have (64).
        limit: usize,
    },
    /// A part's header section is larger than `limit` bytes or has no end.
    #[error("a part's header section exceeds {limit} bytes or does not end")]
    HeaderTooLarge {
        /// The most bytes of one part's header section (8 KiB).
        limit: usize,
    },
    /// A part header line is not `Name: value` in UTF-8, or is folded.
    #[error("a part header line is malformed")]
    MalformedPartHeader,
    /// A part has no `Content-Disposition` header.
    #[error("a part has no Content-Disposition header")]
    MissingContentDisposition,
    /// A part has several `Content-Disposition` (or `Content-Type`) headers.
    #[error("a part repeats its Content-Disposition or Content-Type header")]
    DuplicatePartHeader,
    /// A part's disposition is not `form-data`, or its parameters cannot be read.
    #[error("a part's Content-Disposition is not form-data with readable parameters")]
    MalformedDisposition,
    /// A part's `Content-Disposition` has no `name` parameter.
    #[error("a part has no field name")]
    MissingName,
    /// A field looked up by name appears in several parts.
    #[error("a field appears more than once")]
    DuplicateField,
    /// A body read without its `Content-Type` could be read more than one
    /// way: it has text before its first delimiter or after its closing one,
    /// or a part holds a line that starts like a delimiter.
    #[error("the body's multipart framing is ambiguous without its content type")]
    AmbiguousFraming,
}

/// One part of a form: a field, or a file when it has a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    name: Cow<'a, str>,
    filename: Option<Cow<'a, str>>,
    content_type: Option<&'a str>,
    content: &'a [u8],
}

// Dropbox Sign reads only `content`; the other accessors are what the
// tests check the parse with (names, escaped file names, content types).
#[cfg_attr(not(test), allow(dead_code))]
impl<'a> Part<'a> {
    /// The field name (`Content-Disposition: form-data; name="…"`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file name, for a file part.
    pub fn filename(&self) -> Option<&str> {
        self.filename.as_deref()
    }

    /// The part's `Content-Type`, trimmed, when it has one.
    pub fn content_type(&self) -> Option<&'a str> {
        self.content_type
    }

    /// The part's content, exactly as sent (a sub-slice of the body).
    pub fn content(&self) -> &'a [u8] {
        self.content
    }
}

/// The parts of a `multipart/form-data` body, in body order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form<'a> {
    parts: Vec<Part<'a>>,
}

impl<'a> Form<'a> {
    /// Reads `body`, delimited by `boundary` (without the leading `--`).
    pub fn parse(body: &'a [u8], boundary: &str) -> Result<Form<'a>, MultipartError> {
        Self::parse_to_end(body, boundary).map(|(form, _)| form)
    }

    /// Reads `body` as nothing but a multipart entity: it must start with
    /// the first delimiter line (no preamble), end with the closing
    /// delimiter, optionally followed by one CRLF (no epilogue), and no
    /// part may hold a line that starts with `--` (a delimiter of some other
    /// boundary).
    ///
    /// For a body read without its `Content-Type`, whose boundary is taken
    /// from its own first line ([`boundary_in_body`]): there, a preamble, an
    /// epilogue or a part's content is where a second, different body could
    /// hide, so none may look like one.
    pub fn parse_whole(body: &'a [u8], boundary: &str) -> Result<Form<'a>, MultipartError> {
        let opening_at_start = body
            .strip_prefix(b"--")
            .is_some_and(|rest| rest.starts_with(boundary.as_bytes()));
        let (form, end) = Self::parse_to_end(body, boundary)?;
        let epilogue = body.get(end..).unwrap_or_default();
        let nested = |part: &Part<'_>| part.content.starts_with(b"--") || find(part.content, b"\r\n--", 0).is_some();
        if !opening_at_start || !(epilogue.is_empty() || epilogue == b"\r\n") || form.parts.iter().any(nested) {
            return Err(MultipartError::AmbiguousFraming);
        }
        Ok(form)
    }

    /// Reads `body`, and says where the closing delimiter (its final `--`) ends.
    fn parse_to_end(body: &'a [u8], boundary: &str) -> Result<(Form<'a>, usize), MultipartError> {
        check_boundary(boundary.as_bytes())?;
        let mut dash = Vec::with_capacity(boundary.len() + 4);
        dash.extend_from_slice(b"\r\n--");
        dash.extend_from_slice(boundary.as_bytes());
        // `dash` is CRLF + "--" + boundary; the first delimiter may lack the CRLF.
        let mut at = if body.starts_with(dash.get(2..).unwrap_or_default()) {
            dash.len() - 2
        } else {
            find(body, &dash, 0).ok_or(MultipartError::NoDelimiter)? + dash.len()
        };
        let mut parts = Vec::new();
        loop {
            let rest = body.get(at..).unwrap_or_default();
            if rest.starts_with(b"--") {
                // The closing delimiter; the epilogue after it is ignored.
                return Ok((Form { parts }, at + 2));
            }
            // Transport padding, then CRLF.
            let padding = rest.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
            if rest.get(padding..padding + 2) != Some(b"\r\n") {
                return Err(if rest.len() <= padding {
                    MultipartError::Unterminated
                } else {
                    MultipartError::MalformedDelimiter
                });
            }
            at += padding + 2;
            if parts.len() == MAX_PARTS {
                return Err(MultipartError::TooManyParts { limit: MAX_PARTS });
            }
            let (headers, content_start) = header_section(body, at)?;
            let end = find(body, &dash, content_start).ok_or(MultipartError::Unterminated)?;
            let content = body.get(content_start..end).unwrap_or_default();
            parts.push(read_part(headers, content)?);
            at = end + dash.len();
        }
    }

    /// Every part, in body order.
    #[cfg_attr(not(test), allow(dead_code))] // read by the tests only
    pub fn parts(&self) -> &[Part<'a>] {
        &self.parts
    }

    /// The part named `name`: `None` when absent, [`MultipartError::DuplicateField`]
    /// when several parts have that name (which one the sender meant cannot be told).
    pub fn field(&self, name: &str) -> Result<Option<&Part<'a>>, MultipartError> {
        let mut found = self.parts.iter().filter(|part| part.name == name);
        match (found.next(), found.next()) {
            (first, None) => Ok(first),
            (Some(_), Some(_)) => Err(MultipartError::DuplicateField),
            (None, Some(_)) => Ok(None),
        }
    }
}

/// The boundary of a `Content-Type: multipart/form-data; boundary=…` header value.
pub fn boundary(content_type: &[u8]) -> Result<&str, MultipartError> {
    let text = core::str::from_utf8(content_type).map_err(|_| MultipartError::MalformedParameters)?;
    let (media_type, mut params) = text.split_once(';').unwrap_or((text, ""));
    if !media_type.trim().eq_ignore_ascii_case("multipart/form-data") {
        return Err(MultipartError::NotFormData);
    }
    let mut found = None;
    while !params.trim().is_empty() {
        let (name, value, rest) = parameter(params).ok_or(MultipartError::MalformedParameters)?;
        if name.eq_ignore_ascii_case("boundary") {
            if found.is_some() {
                return Err(MultipartError::MalformedParameters);
            }
            let Cow::Borrowed(value) = value else {
                // A backslash escape: no boundary character needs one.
                return Err(MultipartError::InvalidBoundary);
            };
            found = Some(value);
        }
        params = rest;
    }
    let boundary = found.ok_or(MultipartError::MissingBoundary)?;
    check_boundary(boundary.as_bytes())?;
    Ok(boundary)
}

/// The boundary of a body's first delimiter line (`--boundary` CRLF at its very
/// start), for a body read back without its headers.
pub fn boundary_in_body(body: &[u8]) -> Result<&str, MultipartError> {
    let rest = body.strip_prefix(b"--").ok_or(MultipartError::NoDelimiter)?;
    let line_end = rest
        .iter()
        .take(MAX_BOUNDARY + 1)
        .position(|&b| b == b'\r')
        .ok_or(MultipartError::InvalidBoundary)?;
    let boundary = rest.get(..line_end).unwrap_or_default();
    // Transport padding may follow the boundary on its line.
    let boundary = match boundary.iter().rposition(|b| !matches!(b, b' ' | b'\t')) {
        Some(last) => boundary.get(..=last).unwrap_or_default(),
        None => &[],
    };
    check_boundary(boundary)?;
    core::str::from_utf8(boundary).map_err(|_| MultipartError::InvalidBoundary)
}

/// RFC 2046 `boundary := 0*69<bchars> bcharsnospace`, at least one character.
fn check_boundary(boundary: &[u8]) -> Result<(), MultipartError> {
    let bchar = |b: &u8| b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(b);
    if boundary.is_empty() || boundary.len() > MAX_BOUNDARY || boundary.ends_with(b" ") || !boundary.iter().all(bchar) {
        return Err(MultipartError::InvalidBoundary);
    }
    Ok(())
}

/// The header lines of the part starting at `at`, and where its content starts.
fn header_section(body: &[u8], at: usize) -> Result<(&[u8], usize), MultipartError> {
    let rest = body.get(at..).unwrap_or_default();
    if rest.starts_with(b"\r\n") {
        return Ok((&[], at + 2));
    }
    let window = rest.get(..MAX_HEADER_BYTES.min(rest.len())).unwrap_or_default();
    let end = find(window, b"\r\n\r\n", 0).ok_or(MultipartError::HeaderTooLarge {
        limit: MAX_HEADER_BYTES,
    })?;
    Ok((window.get(..end).unwrap_or_default(), at + end + 4))
}

fn read_part<'a>(headers: &'a [u8], content: &'a [u8]) -> Result<Part<'a>, MultipartError> {
    let headers = core::str::from_utf8(headers).map_err(|_| MultipartError::MalformedPartHeader)?;
    let mut disposition = None;
    let mut content_type = None;
    for line in headers
        .split("\r\n")
        .filter(|line| !headers.is_empty() || !line.is_empty())
    {
        if line.starts_with([' ', '\t']) {
            return Err(MultipartError::MalformedPartHeader);
        }
        let (name, value) = line.split_once(':').ok_or(MultipartError::MalformedPartHeader)?;
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(MultipartError::MalformedPartHeader);
        }
        let value = value.trim_matches([' ', '\t']);
        let slot = if name.eq_ignore_ascii_case("content-disposition") {
            &mut disposition
        } else if name.eq_ignore_ascii_case("content-type") {
            &mut content_type
        } else {
            continue;
        };
        if slot.replace(value).is_some() {
            return Err(MultipartError::DuplicatePartHeader);
        }
    }
    let disposition = disposition.ok_or(MultipartError::MissingContentDisposition)?;
    let (kind, mut params) = disposition.split_once(';').unwrap_or((disposition, ""));
    if !kind.trim().eq_ignore_ascii_case("form-data") {
        return Err(MultipartError::MalformedDisposition);
    }
    let (mut name, mut filename) = (None, None);
    while !params.trim().is_empty() {
        let (key, value, rest) = parameter(params).ok_or(MultipartError::MalformedDisposition)?;
        let slot = if key.eq_ignore_ascii_case("name") {
            &mut name
        } else if key.eq_ignore_ascii_case("filename") {
            &mut filename
        } else {
            params = rest;
            continue;
        };
        if slot.replace(value).is_some() {
            return Err(MultipartError::MalformedDisposition);
        }
        params = rest;
    }
    Ok(Part {
        name: name.ok_or(MultipartError::MissingName)?,
        filename,
        content_type,
        content,
    })
}

/// Reads `; name=value` (value a token or a quoted string) from the start of
/// `text`, allowing the leading `;` to be absent only at the very start.
/// Returns the name, the value and the rest.
fn parameter(text: &str) -> Option<(&str, Cow<'_, str>, &str)> {
    let text = text.trim_start_matches([' ', '\t']);
    let text = text.strip_prefix(';').unwrap_or(text).trim_start_matches([' ', '\t']);
    let (name, rest) = text.split_once('=')?;
    let name = name.trim_end_matches([' ', '\t']);
    if name.is_empty() || !name.bytes().all(is_token) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let (value, rest) = if let Some(quoted) = rest.strip_prefix('"') {
        quoted_string(quoted)?
    } else {
        let end = rest.bytes().position(|b| !is_token(b)).unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        (Cow::Borrowed(rest.get(..end)?), rest.get(end..)?)
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    // The next parameter must start with `;`.
    if !rest.is_empty() && !rest.starts_with(';') {
        return None;
    }
    Some((name, value, rest))
}

/// Reads a quoted string's content after its opening quote: the value
/// (unescaped) and the text after the closing quote.
fn quoted_string(text: &str) -> Option<(Cow<'_, str>, &str)> {
    let mut owned: Option<String> = None;
    let mut chars = text.char_indices();
    let mut start = 0;
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                let value = match owned {
                    Some(mut value) => {
                        value.push_str(text.get(start..at)?);
                        Cow::Owned(value)
                    }
                    None => Cow::Borrowed(text.get(..at)?),
                };
                return Some((value, text.get(at + 1..)?));
            }
            '\\' => {
                let (escaped_at, escaped) = chars.next()?;
                let value = owned.get_or_insert_with(String::new);
                value.push_str(text.get(start..at)?);
                value.push(escaped);
                start = escaped_at + escaped.len_utf8();
            }
            '\r' | '\n' => return None,
            _ => {}
        }
    }
    None
}

/// An RFC 7230 `tchar`.
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The first position of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while let Some(rest) = haystack.get(at..) {
        let offset = rest.iter().position(|&b| b == first)?;
        let candidate = at + offset;
        if haystack.get(candidate..candidate + needle.len()) == Some(needle) {
            return Some(candidate);
        }
        at = candidate + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples the docs gave while the module was public.
    #[test]
    fn examples_of_the_docs() -> Result<(), MultipartError> {
        let content_type = b"multipart/form-data; boundary=X-BOUNDARY";
        let body =
            b"--X-BOUNDARY\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"a\":1}\r\n--X-BOUNDARY--\r\n";
        let form = Form::parse(body, boundary(content_type)?)?;
        assert_eq!(form.field("json")?.map(|part| part.content()), Some(&b"{\"a\":1}"[..]));

        let body = b"--b\r\nContent-Disposition: form-data; name=json\r\n\r\n{}\r\n--b--\r\n";
        assert_eq!(Form::parse_whole(body, "b")?.parts().len(), 1);
        let mut epilogue = body.to_vec();
        epilogue.extend_from_slice(b"--c\r\n");
        assert_eq!(Form::parse_whole(&epilogue, "b"), Err(MultipartError::AmbiguousFraming));

        assert_eq!(boundary(b"multipart/form-data; boundary=\"a b\"")?, "a b");
        assert_eq!(boundary(b"Multipart/Form-Data;charset=utf-8;BOUNDARY=xyz")?, "xyz");
        assert_eq!(boundary(b"application/json"), Err(MultipartError::NotFormData));

        assert_eq!(
            boundary_in_body(b"--abc123\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{}\r\n--abc123--"),
            Ok("abc123")
        );
        assert!(boundary_in_body(b"{\"event\":{}}").is_err());
        Ok(())
    }

    const BODY: &[u8] = b"preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n{\"x\":\"--b0undar\"}\r\n--b0undary  \r\ncontent-disposition: FORM-DATA; filename=\"a \\\"b\\\".pdf\"; name=file\r\n\r\n%PDF\r\n\r\n--b0undary--\r\nepilogue";

    #[test]
    fn reads_fields_files_and_escapes() {
        let form = Form::parse(BODY, "b0undary").expect("parses");
        let [json, file] = form.parts() else { panic!("{form:?}") };
        assert_eq!((json.name(), json.content()), ("json", &b"{\"x\":\"--b0undar\"}"[..]));
        assert_eq!(json.content_type(), Some("application/json"));
        assert_eq!(file.name(), "file");
        assert_eq!(file.filename(), Some("a \"b\".pdf"));
        assert_eq!(file.content(), b"%PDF\r\n");
        assert_eq!(form.field("json").unwrap().map(Part::name), Some("json"));
        assert_eq!(form.field("nope"), Ok(None));
    }

    #[test]
    fn boundaries() {
        assert_eq!(
            boundary(b"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"),
            Ok("----WebKitFormBoundary7MA4YWxkTrZu0gW")
        );
        assert_eq!(
            boundary(b"multipart/form-data; charset=\"utf;8\"; boundary=\"x\""),
            Ok("x")
        );
        assert_eq!(boundary(b"multipart/form-data"), Err(MultipartError::MissingBoundary));
        assert_eq!(
            boundary(b"multipart/mixed; boundary=x"),
            Err(MultipartError::NotFormData)
        );
        assert_eq!(
            boundary(b"multipart/form-data; boundary=x; boundary=y"),
            Err(MultipartError::MalformedParameters)
        );
        assert_eq!(
            boundary(b"multipart/form-data; boundary="),
            Err(MultipartError::MalformedParameters)
        );
        assert_eq!(
            boundary(b"multipart/form-data; boundary=\"a\\\"b\""),
            Err(MultipartError::InvalidBoundary)
        );
        assert_eq!(
            boundary(b"multipart/form-data; boundary=\"ends \""),
            Err(MultipartError::InvalidBoundary)
        );
        let long = format!("multipart/form-data; boundary={}", "a".repeat(71));
        assert_eq!(boundary(long.as_bytes()), Err(MultipartError::InvalidBoundary));
        assert_eq!(
            boundary(b"multipart/form-data; boundary=x y"),
            Err(MultipartError::MalformedParameters)
        );
        assert_eq!(
            boundary(b"multipart/form-data; \xff"),
            Err(MultipartError::MalformedParameters)
        );
        assert_eq!(boundary_in_body(b"--b0undary  \r\n"), Ok("b0undary"));
        assert_eq!(boundary_in_body(b"--\r\n"), Err(MultipartError::InvalidBoundary));
        assert_eq!(boundary_in_body(BODY), Err(MultipartError::NoDelimiter));
    }

    #[test]
    fn refuses_what_is_not_strict_multipart() {
        let cases: &[(&[u8], MultipartError)] = &[
            (b"no delimiter", MultipartError::NoDelimiter),
            (b"--b", MultipartError::Unterminated),
            (b"--bX\r\n", MultipartError::MalformedDelimiter),
            (b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nvalue", MultipartError::Unterminated),
            (b"--b\r\nContent-Disposition: form-data; name=a\r\n", MultipartError::HeaderTooLarge { limit: MAX_HEADER_BYTES }),
            (b"--b\r\n\r\nx\r\n--b--", MultipartError::MissingContentDisposition),
            (b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", MultipartError::MissingContentDisposition),
            (b"--b\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--b--", MultipartError::MalformedDisposition),
            (b"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", MultipartError::MissingName),
            (b"--b\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--b--", MultipartError::MalformedDisposition),
            (b"--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--b--", MultipartError::MalformedDisposition),
            (b"--b\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nx\r\n--b--", MultipartError::MalformedPartHeader),
            (b"--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--", MultipartError::MalformedPartHeader),
            (b"--b\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\nx\r\n--b--", MultipartError::DuplicatePartHeader),
            (b"--b\r\nX-\xff: 1\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--b--", MultipartError::MalformedPartHeader),
        ];
        for (body, expected) in cases {
            assert_eq!(
                Form::parse(body, "b").map(|_| ()),
                Err(*expected),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        let two = b"--b\r\nContent-Disposition: form-data; name=json\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=json\r\n\r\n2\r\n--b--";
        assert_eq!(
            Form::parse(two, "b").unwrap().field("json"),
            Err(MultipartError::DuplicateField)
        );
        assert_eq!(Form::parse(b"--b--", "b").unwrap().parts(), &[]);
        assert_eq!(Form::parse(b"--b--", ""), Err(MultipartError::InvalidBoundary));
    }

    #[test]
    fn whole_bodies_refuse_what_could_hide_a_second_body() {
        let whole: &[u8] = b"--b\r\nContent-Disposition: form-data; name=json\r\n\r\n{}\r\n--b--";
        assert!(Form::parse_whole(whole, "b").is_ok());
        let crlf = [whole, b"\r\n"].concat();
        assert_eq!(Form::parse_whole(&crlf, "b").map(|f| f.parts().len()), Ok(1));
        let inner: &[u8] = b"--g\r\nContent-Disposition: form-data; name=json\r\n\r\n{\"real\":1}\r\n--g--\r\n";
        let cases: Vec<Vec<u8>> = vec![
            // A preamble, an epilogue, another body inside a part, a part starting with `--`.
            [b"x\r\n", whole].concat(),
            [whole, b"\r\n", inner].concat(),
            [&b"--b\r\nContent-Disposition: form-data; name=json\r\n\r\n{}\r\n--b\r\nContent-Disposition: form-data; name=x\r\n\r\n"[..], inner, b"\r\n--b--"].concat(),
            [&b"--b\r\nContent-Disposition: form-data; name=x\r\n\r\n"[..], inner, b"\r\n--b--"].concat(),
        ];
        for body in &cases {
            assert!(Form::parse(body, "b").is_ok(), "{}", String::from_utf8_lossy(body));
            assert_eq!(
                Form::parse_whole(body, "b"),
                Err(MultipartError::AmbiguousFraming),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // The boundary must be the one of the first line.
        assert_eq!(Form::parse_whole(whole, "c"), Err(MultipartError::NoDelimiter));
    }

    #[test]
    fn bounds_parts_and_headers() {
        let mut body = Vec::new();
        for _ in 0..=MAX_PARTS {
            body.extend_from_slice(b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n");
        }
        body.extend_from_slice(b"--b--");
        assert_eq!(
            Form::parse(&body, "b"),
            Err(MultipartError::TooManyParts { limit: MAX_PARTS })
        );
        let mut body = b"--b\r\nX-Long: ".to_vec();
        body.extend(std::iter::repeat_n(b'a', MAX_HEADER_BYTES));
        body.extend_from_slice(b"\r\n\r\nx\r\n--b--");
        assert_eq!(
            Form::parse(&body, "b"),
            Err(MultipartError::HeaderTooLarge {
                limit: MAX_HEADER_BYTES
            })
        );
    }

    #[test]
    fn never_panics_on_truncations() {
        for end in 0..BODY.len() {
            let _ = Form::parse(&BODY[..end], "b0undary");
            let _ = boundary_in_body(&BODY[..end]);
        }
        for end in 0..40 {
            let _ = boundary(&b"multipart/form-data; boundary=\"abc\\\"def\"; x=1"[..end]);
        }
    }
}
