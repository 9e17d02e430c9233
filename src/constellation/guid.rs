//! .NET `Guid` values: read from any string form `uuid` accepts, written
//! hyphenated and lower case (as .NET's JSON serializers write them).

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use uuid::Uuid;

/// Parses a GUID string: hyphenated, simple (32 hex digits), braced or
/// `urn:uuid:`, in any case, surrounding whitespace ignored (as .NET's
/// `Guid.Parse` does). The error names the problem, never repeats the input.
fn parse<E: de::Error>(text: &str) -> Result<Uuid, E> {
    Uuid::try_parse(text.trim()).map_err(|err| E::custom(format_args!("invalid GUID: {err}")))
}

/// A GUID that must be present and valid; the all-zero GUID is kept.
pub(super) struct Required(pub(super) Uuid);

impl<'de> Deserialize<'de> for Required {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Required;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GUID string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Required, E> {
                parse(v).map(Required)
            }
        }
        deserializer.deserialize_str(V)
    }
}

/// A GUID where `null`, an empty string and the all-zero GUID (the default of a
/// .NET `Guid` nobody set) all mean "absent".
pub(super) struct Optional(pub(super) Option<Uuid>);

impl<'de> Deserialize<'de> for Optional {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Optional;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GUID string or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Optional, E> {
                Ok(Optional(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Optional, E> {
                Ok(Optional(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Optional, D::Error> {
                deserializer.deserialize_str(self)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Optional, E> {
                if v.trim().is_empty() {
                    return Ok(Optional(None));
                }
                parse(v).map(|guid| Optional(Some(guid).filter(|guid| !guid.is_nil())))
            }
        }
        deserializer.deserialize_option(V)
    }
}

/// Writes a GUID as a hyphenated lower-case string in every serde format, so
/// that what the crate writes it can read back.
pub(super) struct Hyphenated(pub(super) Uuid);

impl Serialize for Hyphenated {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}
