//! Reading a request body with the size limit, shared by the axum extractors
//! and the tower layer: refused from `Content-Length` before reading, or as
//! soon as the bytes read exceed the limit.

use bytes::Buf;
use http_body_util::BodyExt;

use crate::{Error, ErrorKind};

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Larger than the limit: a [`ErrorKind::PayloadTooLarge`] error.
    TooLarge(Error),
    /// The body stream failed (the client went away, say).
    Unreadable,
}

/// The `Content-Length` a request declares, if it is a number.
pub(crate) fn declared_length(headers: &http::HeaderMap) -> Option<usize> {
    headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok())
}

/// Reads the whole body (of [`declared_length`] `declared`), refusing it as
/// soon as it is known to exceed `limit`.
///
/// Takes no reference: a future borrowing the request's headers trips the
/// compiler's `Send` inference in generic tower services.
pub(crate) async fn read_limited<B: http_body::Body>(
    declared: Option<usize>,
    body: B,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    let mut body = core::pin::pin!(body);
    if let Some(size) = declared.filter(|size| *size > limit) {
        return Err(too_large(size, limit));
    }
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ReadError::Unreadable)?;
        if let Ok(mut data) = frame.into_data() {
            let size = bytes.len().saturating_add(data.remaining());
            if size > limit {
                return Err(too_large(size, limit));
            }
            while data.has_remaining() {
                let chunk = data.chunk();
                let read = chunk.len();
                bytes.extend_from_slice(chunk);
                data.advance(read);
            }
        }
    }
    Ok(bytes)
}

fn too_large(size: usize, limit: usize) -> ReadError {
    ReadError::TooLarge(Error::from(ErrorKind::PayloadTooLarge { size, limit }))
}
