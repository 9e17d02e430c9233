//! Reading a body's JSON: its UTF-8 checked once, then serde_json's `&str` reader.
//!
//! `serde_json::from_slice` checks the UTF-8 of every string it reads, one call per
//! string. The typed models read every string of a body (ids, names, emails, statuses),
//! and on the bench bodies those calls were about a sixth of the parse (instructions
//! counted with `BREAKDOWN_LOOP=parse cargo bench --bench breakdown` under callgrind:
//! the reference case 32.3 k → 26.1 k per parse). One check of the whole body, which
//! reads ASCII a word at a time, then `from_str`, reads the same values with the same
//! errors at the same places. A body that is not UTF-8 goes to `from_slice`, whose
//! error says where (and which, like before, skips what the model ignores unread).

/// `T` from a body: `serde_json::from_str` when the body is UTF-8, `from_slice`
/// otherwise (the same value or error `from_slice` alone would give).
pub(crate) fn from_body<'de, T: serde::Deserialize<'de>>(body: &'de [u8]) -> Result<T, serde_json::Error> {
    match core::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
}

/// How much of an object [`member`] reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Reading {
    /// Every member: a syntax error anywhere, or `key` twice, is an error.
    /// For a check whose caller reads nothing else of the body (`verify`).
    Whole,
    /// Up to `key`, not the members after it: for a check that the model's
    /// parse of the same bytes follows, which reads the rest with its errors
    /// (a second `key`, as a duplicate field, among them).
    UpToKey,
}

/// The value of the top-level member `key` of the JSON object `body`:
/// `Ok(None)` when the object has no `key` (or it is `null`).
///
/// For an in-body proof (Dropbox Sign's and SignWell's `event`, which they
/// send first) [`Reading::UpToKey`] reads a few hundred bytes instead of the
/// whole body: on their bench bodies that pass cost as much as the proof.
pub(crate) fn member<'de, T: serde::Deserialize<'de>>(
    body: &'de [u8],
    key: &str,
    reading: Reading,
) -> Result<Option<T>, serde_json::Error> {
    use serde::Deserializer as _;
    let mut found = None;
    let seek = Seek {
        key,
        reading,
        found: &mut found,
    };
    let read = serde_json::Deserializer::from_slice(body).deserialize_map(seek);
    match (read, found, reading) {
        // Up to the key: serde_json then reports the members left unread as
        // an error, which is not one.
        (_, Some(value), Reading::UpToKey) => Ok(value),
        (Ok(()), found, _) => Ok(found.flatten()),
        (Err(err), _, _) => Err(err),
    }
}

/// Reads an object's members, leaving `key`'s value in `found`.
struct Seek<'k, 'f, T> {
    key: &'k str,
    reading: Reading,
    found: &'f mut Option<Option<T>>,
}

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Seek<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key != self.key {
                map.next_value::<serde::de::IgnoredAny>()?;
            } else if self.found.is_some() {
                // Worded as serde's own, which `dispatch` keeps the sender's error.
                return Err(serde::de::Error::custom(format_args!("duplicate field `{}`", self.key)));
            } else {
                *self.found = Some(map.next_value::<Option<T>>()?);
                if self.reading == Reading::UpToKey {
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_same_as_from_slice_and_says_where_it_fails() {
        let body = br#"{"a":"x\u0041","b":[1,2]}"#;
        let text: serde_json::Value = from_body(body).unwrap();
        assert_eq!(text, serde_json::from_slice::<serde_json::Value>(body).unwrap());
        let invalid = b"{\"a\":\"\xff\"}";
        let (ours, theirs) = (
            from_body::<serde_json::Value>(invalid).unwrap_err(),
            serde_json::from_slice::<serde_json::Value>(invalid).unwrap_err(),
        );
        assert_eq!(ours.to_string(), theirs.to_string());
        let late = from_body::<serde_json::Value>(b"{\"a\":1,}").unwrap_err();
        assert_eq!((late.line(), late.column()), (1, 8));
    }

    #[test]
    fn member_reads_up_to_its_key_or_the_whole_object() {
        let up_to = |body: &[u8]| member::<u32>(body, "event", Reading::UpToKey);
        let whole = |body: &[u8]| member::<u32>(body, "event", Reading::Whole);
        // Up to the key, the members after it are not read: not even a syntax error there.
        assert_eq!(up_to(br#"{"event":7,"data":{"broken"#).unwrap(), Some(7));
        assert!(whole(br#"{"event":7,"data":{"broken"#).is_err());
        // A second `event` (escaped too): the whole reading refuses it.
        let twice = br#"{"event":7,"data":{},"\u0065vent":8}"#;
        assert_eq!(up_to(twice).unwrap(), Some(7));
        let err = whole(twice).unwrap_err();
        assert!(err.to_string().starts_with("duplicate field `event`"), "{err}");
        for read in [up_to, whole] {
            assert_eq!(read(br#"{"data":{"x":[1,"]"]},"event":8}"#).unwrap(), Some(8));
            assert_eq!(read(br#"{"event":null,"x":1}"#).unwrap(), None);
            assert_eq!(read(br#"{"data":1}"#).unwrap(), None);
            // Errors before the key, in the key's value, or in anything but an object.
            assert!(read(br#"{"data":tru,"event":1}"#).is_err());
            assert!(read(br#"{"event":"seven"}"#).is_err());
            assert!(read(br#"[{"event":1}]"#).is_err());
            assert!(read(b"").is_err());
        }
    }
}
