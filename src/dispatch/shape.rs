//! Telling the vendor from the body's shape: the top-level keys each vendor
//! documents, read in one pass that skips every value.

use core::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::Vendor;
use crate::error::Error;

/// Which top-level keys of the vendors' formats a body has.
#[derive(Default)]
struct Keys {
    event: bool,
    event_payload: bool,
    call_back: bool,
    ignisign: bool,
    hook: bool,
    data: bool,
}

/// The vendors whose documented top-level keys the body has.
///
/// * eSignGlobal: `event` + `eventPayload` (Webhook) or `callBackEnum` /
///   `callBackDesc` / `callBackEnvelopeVO` (App callback);
/// * Ignisign: `topic`, `msgNature` or `verificationToken`;
/// * Sign.Plus: `hook`;
/// * Constellation1: `Data` in any case, without `hook`.
pub(crate) fn vendors_by_shape(body: &[u8]) -> Result<Vec<Vendor>, Error> {
    let keys = match serde_json::Deserializer::from_slice(body).deserialize_any(KeysVisitor) {
        Ok(keys) => keys,
        Err(err) if err.is_data() => return Ok(Vec::new()),
        Err(err) => return Err(Error::malformed_payload(body, err)),
    };
    let mut vendors = Vec::new();
    if (keys.event && keys.event_payload) || keys.call_back {
        vendors.push(Vendor::EsignGlobal);
    }
    if keys.ignisign {
        vendors.push(Vendor::Ignisign);
    }
    if keys.hook {
        vendors.push(Vendor::SignPlus);
    } else if keys.data {
        vendors.push(Vendor::Constellation);
    }
    Ok(vendors)
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = Keys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
        let mut keys = Keys::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "event" => keys.event = true,
                "eventPayload" => keys.event_payload = true,
                "callBackEnum" | "callBackDesc" | "callBackEnvelopeVO" | "CallBackEnvelopeVO" => keys.call_back = true,
                "topic" | "msgNature" | "verificationToken" => keys.ignisign = true,
                "hook" => keys.hook = true,
                other if other.eq_ignore_ascii_case("data") => keys.data = true,
                _ => {}
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_vendor() {
        let cases: [(&str, &[Vendor]); 8] = [
            (
                r#"{"event":"ENVELOPE_FINISH","eventPayload":{}}"#,
                &[Vendor::EsignGlobal],
            ),
            (
                r#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"X"}"#,
                &[Vendor::EsignGlobal],
            ),
            (
                r#"{"topic":"SIGNER","msgNature":"INFO","appId":"a"}"#,
                &[Vendor::Ignisign],
            ),
            (r#"{"hook":{},"data":{}}"#, &[Vendor::SignPlus]),
            (r#"{"Data":{"Type":"SessionStatus"}}"#, &[Vendor::Constellation]),
            (r#"{"data":{}}"#, &[Vendor::Constellation]),
            (r#"{"event":"x"}"#, &[]),
            (
                r#"{"hook":{},"event":"a","eventPayload":{}}"#,
                &[Vendor::EsignGlobal, Vendor::SignPlus],
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(vendors_by_shape(body.as_bytes()).unwrap(), expected, "{body}");
        }
    }

    #[test]
    fn non_objects_match_nothing_and_broken_json_is_an_error() {
        assert!(vendors_by_shape(b"[1,2]").unwrap().is_empty());
        assert!(vendors_by_shape(b"\"text\"").unwrap().is_empty());
        assert!(vendors_by_shape(b"{\"hook\":").is_err());
        assert!(vendors_by_shape(b"\xff\xfe").is_err());
    }
}
