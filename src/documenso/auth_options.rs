//! A recipient's `authOptions`: what Documenso requires of the recipient to
//! open the document and to act on it.

use core::fmt;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::Text;

/// A recipient's `authOptions`. Documenso sends each requirement as one
/// value or `null` (`"accessAuth": "ACCOUNT"`, its older API) or as a list
/// (`"accessAuth": ["ACCOUNT"]`, `[]`): both are read as a list, `null` as an
/// empty one. The values are Documenso's own (`ACCOUNT`, `PASSKEY`,
/// `TWO_FACTOR_AUTH`, `PASSWORD`, `EXPLICIT_NONE`, and any it adds), as sent.
///
/// ```
/// use esign_webhooks::documenso::RecipientAuthOptions;
///
/// let older: RecipientAuthOptions = serde_json::from_str(r#"{"accessAuth":"ACCOUNT","actionAuth":null}"#)?;
/// let newer: RecipientAuthOptions = serde_json::from_str(r#"{"accessAuth":["ACCOUNT"],"actionAuth":[]}"#)?;
/// assert_eq!(older, newer);
/// assert_eq!(older.access_auth, ["ACCOUNT"]);
/// assert!(older.action_auth.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[non_exhaustive]
pub struct RecipientAuthOptions {
    /// What the recipient must do to open the document.
    #[serde(default, deserialize_with = "one_or_list")]
    pub access_auth: Vec<Text>,
    /// What the recipient must do to sign or approve.
    #[serde(default, deserialize_with = "one_or_list")]
    pub action_auth: Vec<Text>,
    /// Every other member, as sent.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(RecipientAuthOptions);

/// A list of texts, one text, or `null`, read as a list.
fn one_or_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Text>, D::Error> {
    deserializer.deserialize_any(OneOrList)
}

struct OneOrList;

impl<'de> Visitor<'de> for OneOrList {
    type Value = Vec<Text>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a list of strings or null")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<Text>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<Text>, E> {
        Ok(Vec::new())
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, text: &'de str) -> Result<Vec<Text>, E> {
        // Through `Text`'s own reader, so that it is shared like any other.
        Text::deserialize(serde::de::value::BorrowedStrDeserializer::new(text)).map(|text| vec![text])
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<Text>, E> {
        Ok(vec![Text::from(text)])
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<Text>, A::Error> {
        crate::json_list::collect(seq, |seq| seq.next_element())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_value_a_list_or_null_and_keeps_other_members() {
        let read = |json: &str| serde_json::from_str::<RecipientAuthOptions>(json).unwrap();
        let both = read(r#"{"accessAuth":"ACCOUNT","actionAuth":["PASSKEY","TWO_FACTOR_AUTH"],"future":1}"#);
        assert_eq!(both.access_auth, ["ACCOUNT"]);
        assert_eq!(both.action_auth, ["PASSKEY", "TWO_FACTOR_AUTH"]);
        assert_eq!(both.other.get("future"), Some(serde_json::json!(1)));
        let none = read(r#"{"accessAuth":null,"actionAuth":[]}"#);
        assert!(none.access_auth.is_empty() && none.action_auth.is_empty());
        assert_eq!(read("{}"), none);
        // Escaped text is read as its value.
        assert_eq!(read(r#"{"accessAuth":"ACC\u004fUNT"}"#).access_auth, ["ACCOUNT"]);
        for bad in [
            r#"{"accessAuth":1}"#,
            r#"{"accessAuth":[1]}"#,
            r#"{"accessAuth":{}}"#,
            "[]",
        ] {
            assert!(serde_json::from_str::<RecipientAuthOptions>(bad).is_err(), "{bad}");
        }
        // Written back as lists, read back the same.
        let written = serde_json::to_string(&both).unwrap();
        assert_eq!(read(&written), both);
    }
}
