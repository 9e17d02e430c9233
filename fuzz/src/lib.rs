//! What the fuzz targets share: the text format of a fuzzed request, so that
//! seeds stay readable and libFuzzer can mutate headers and body alike. The
//! receiver with every vendor configured is the crate's own
//! `esign_webhooks::testing::demo::webhooks()`, the configuration the seeds
//! are signed for (`tests/fuzz_seeds.rs`).
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
pub use esign_webhooks::testing::demo::NOW;

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
