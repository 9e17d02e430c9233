//! What Dropbox Sign's sender requires of an answer (the simulator's model).

use http::{HeaderMap, Response};

use super::SUCCESS_RESPONSE;

/// "a 200 HTTP code and a response body containing the following text:
/// `Hello API Event Received`" (module docs): the 2xx is checked by the
/// simulator, the text here.
pub(super) fn answer_check(_sent: &HeaderMap, answer: &Response<Vec<u8>>) -> Result<(), &'static str> {
    let needle = SUCCESS_RESPONSE.as_bytes();
    if answer.status() != http::StatusCode::OK {
        return Err("the status is not 200, which Dropbox Sign requires");
    }
    if answer.body().windows(needle.len()).any(|window| window == needle) {
        Ok(())
    } else {
        Err("the body does not contain `Hello API Event Received`, which Dropbox Sign requires")
    }
}
