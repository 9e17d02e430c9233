//! Object keys matched ignoring ASCII case, as ASP.NET's model binding does:
//! `Data`, `data` and `DATA` are the same member.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads one object key and looks it up in `names` ignoring ASCII case,
/// without allocating. `None` is a key the model does not have (to be skipped).
pub(super) struct KeyAmong<T: 'static>(pub(super) &'static [(&'static str, T)]);

impl<T: Copy> KeyAmong<T> {
    fn find(&self, key: &[u8]) -> Option<T> {
        self.0
            .iter()
            .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(key))
            .map(|&(_, value)| value)
    }
}

impl<'de, T: Copy> DeserializeSeed<'de> for KeyAmong<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<T: Copy> Visitor<'_> for KeyAmong<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.find(key.as_bytes()))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.find(key))
    }
}

/// Stores the value of a member seen for the first time; a second occurrence,
/// in whatever case, is an error: which one a .NET binder keeps is not
/// documented, and a body that says two things is not trusted to mean either.
pub(super) fn first<T, E: de::Error>(
    slot: &mut Option<T>,
    name: &'static str,
    read: impl FnOnce() -> Result<T, E>,
) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(read()?);
    Ok(())
}
