//! Where a verified delivery's parse failure is the model's, not the
//! sender's: [`ErrorKind::Unreadable`] (503, retryable) rather than
//! [`ErrorKind::MalformedPayload`] (400).
//!
//! The line, generic over vendors: a body that is not JSON, not the vendor's
//! documented top-level form (its plug-in does not claim the body's shape),
//! or that breaks at the top level (where what identifies the event lives:
//! its type, its id) stays `MalformedPayload`. A body the vendor's plug-in
//! claims, whose parse breaks **below** the top level (a deep boolean
//! holding an unexpected string), is the vendor's message that this crate's
//! model cannot read: unreadable. Only ever applied to bytes whose
//! authentication succeeded, and never for a vendor authenticated only after
//! the parse ([`Plugin::AUTHENTICATED_BEFORE_PARSE`], Ignisign's token).

use core::ops::Range;

use crate::error::{Error, ErrorKind};
use crate::plugin::{BodyShape, Plugin};

/// `err`, a failure to parse `part` (the verified bytes, at `range` in the
/// request's body), reclassified as unreadable when it is the model's.
pub(crate) fn classify<P: Plugin>(part: &[u8], range: Option<Range<usize>>, err: Error) -> Error {
    let ErrorKind::MalformedPayload { path, message, .. } = err.kind() else {
        return err;
    };
    if !P::AUTHENTICATED_BEFORE_PARSE || depth(path) < 2 || !is_model_error(&err, message) {
        return err;
    }
    let shape = BodyShape::of(part);
    if !shape.is_json() || shape.is_array() || !(P::claims(&shape) || P::claims_weakly(&shape)) {
        return err;
    }
    err.into_unreadable(range)
}

/// `true` when serde_json read the JSON but the model refused a value in it
/// (a data error: a wrong type, an unexpected value). Syntax errors, an
/// early end, nesting past the recursion limit (not JSON this crate reads)
/// and a repeated key (a body that would mean two things to two parsers)
/// stay the sender's.
fn is_model_error(err: &Error, message: &str) -> bool {
    let serde = std::error::Error::source(err).and_then(|source| source.downcast_ref::<serde_json::Error>());
    serde.is_some_and(serde_json::Error::is_data) && !message.starts_with("duplicate field")
}

/// How many steps below the root a JSON path such as
/// `$.data.envelopeSummary.recipients.signers[0].x` goes: its `.` and `[`
/// steps (a quoted key holding a dot counts more, which only errs toward
/// "unreadable", never toward refusing a top-level failure's sender).
fn depth(path: &str) -> usize {
    path.bytes().filter(|b| matches!(b, b'.' | b'[')).count()
}

#[cfg(test)]
mod tests {
    use super::depth;

    #[test]
    fn depth_counts_steps_below_the_root() {
        assert_eq!(depth("$"), 0);
        assert_eq!(depth("$.event"), 1);
        assert_eq!(depth("$[0]"), 1);
        assert_eq!(depth("$.data.envelopeSummary"), 2);
        assert_eq!(depth("$.data.signers[0].x"), 4);
    }
}
