//! Macros that define the vendors' enums with their exact wire form and an
//! `Unknown` fallback, so a value a vendor adds later is kept, never an error.
//!
//! Two shapes exist on the wire: strings (`"SIGNATURE_REQUEST"`,
//! `"envelope_completed"`) and integers (`2`, `9`). Both macros generate the
//! same surface: `Display`, `FromStr`, an accessor for the wire value
//! (`as_str()` / `code()`), `is_unknown()`, and serde impls that read and write
//! exactly the vendor's representation.

/// A string enum of a vendor's wire format (`string_enum!`), as the
/// plug-in contract sees it: its value as sent, and whether this version of
/// the crate knows it. Sealed: only this crate implements it.
pub trait WireName: crate::plugin::private::Sealed {
    /// The value exactly as the vendor sends it.
    fn wire_name(&self) -> &str;

    /// `true` for a value this version of the crate does not know.
    fn is_unknown_value(&self) -> bool;
}

/// Defines a string enum. `case_insensitive` makes parsing ignore ASCII case
/// (the `Unknown` variant still keeps the value exactly as received).
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $( ( $case:ident ) )? {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $wire:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nWire value: `\"", $wire, "\"`.")]
                $variant,
            )*
            /// A value this version of the crate does not know, kept exactly as received.
            Unknown(String),
        }

        impl $name {
            /// Every value this version of the crate knows, in the vendor's order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The value exactly as the vendor sends it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(raw) => raw.as_str(),
                }
            }

            /// `true` for a value this version of the crate does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }

            /// Parses a wire value; values the crate does not know become `Unknown`.
            pub fn from_wire(raw: &str) -> Self {
                $crate::wire_enum::string_enum!(@match $name, raw, $($case)?, $($variant => $wire),*)
            }
        }

        impl $crate::plugin::private::Sealed for $name {}

        impl $crate::wire_enum::WireName for $name {
            fn wire_name(&self) -> &str {
                self.as_str()
            }

            fn is_unknown_value(&self) -> bool {
                self.is_unknown()
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(s))
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::from_wire(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from_wire(v))
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
    (@match $name:ident, $raw:ident, case_insensitive, $($variant:ident => $wire:literal),*) => {{
        $(if $raw.eq_ignore_ascii_case($wire) { return $name::$variant; })*
        $name::Unknown($raw.to_owned())
    }};
    (@match $name:ident, $raw:ident, , $($variant:ident => $wire:literal),*) => {
        match $raw {
            $($wire => $name::$variant,)*
            other => $name::Unknown(other.to_owned()),
        }
    };
}

/// Defines an integer enum. Each variant has its code and a display name.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal => $label:literal
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nWire value: `", stringify!($code), "`.")]
                $variant,
            )*
            /// A code this version of the crate does not know, kept as received.
            Unknown(i32),
        }

        impl $name {
            /// Every value this version of the crate knows, in code order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The integer the vendor sends.
            pub const fn code(self) -> i32 {
                match self {
                    $($name::$variant => $code,)*
                    $name::Unknown(code) => code,
                }
            }

            /// The vendor's name for the value (`"Unknown"` for an unknown code).
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                    $name::Unknown(_) => "Unknown",
                }
            }

            /// `true` for a code this version of the crate does not know.
            pub const fn is_unknown(self) -> bool {
                matches!(self, $name::Unknown(_))
            }

            /// Maps a wire code to a value; codes the crate does not know become `Unknown`.
            pub const fn from_code(code: i32) -> Self {
                match code {
                    $($code => $name::$variant,)*
                    other => $name::Unknown(other),
                }
            }
        }

        impl From<i32> for $name {
            fn from(code: i32) -> Self {
                Self::from_code(code)
            }
        }

        impl From<$name> for i32 {
            fn from(value: $name) -> i32 {
                value.code()
            }
        }

        /// Shows the vendor's name and, for unknown values, the code: `Completed`, `Unknown(12)`.
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    $name::Unknown(code) => write!(f, "Unknown({code})"),
                    known => f.write_str(known.name()),
                }
            }
        }

        /// Parses a decimal code (`"3"`) or a known name (`"Completed"`, any ASCII case).
        impl ::core::str::FromStr for $name {
            type Err = $crate::ParseCodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let trimmed = s.trim();
                if let Ok(code) = trimmed.parse::<i32>() {
                    return Ok(Self::from_code(code));
                }
                $(if trimmed.eq_ignore_ascii_case($label) { return Ok($name::$variant); })*
                Err($crate::ParseCodeError::new(stringify!($name)))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire_enum::deserialize_code(deserializer, concat!("an integer code (", stringify!($name), ")"))
                    .map($name::from_code)
            }
        }
    };
}

pub(crate) use {int_enum, string_enum};

/// Reads an `i32` code sent as a JSON number or as a string of digits
/// (vendors that document an `int` have been seen to quote it).
pub(crate) fn deserialize_code<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<i32, D::Error> {
    struct V(&'static str);
    impl serde::de::Visitor<'_> for V {
        type Value = i32;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i32, E> {
            i32::try_from(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i32, E> {
            i32::try_from(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<i32, E> {
            // `3.0` is the integer 3 (some serialisers write integral numbers so); `3.5` is not.
            let in_range = v.fract() == 0.0 && v >= f64::from(i32::MIN) && v <= f64::from(i32::MAX);
            if in_range {
                Ok(v as i32)
            } else {
                Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
            }
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<i32, E> {
            v.trim()
                .parse::<i32>()
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }
    deserializer.deserialize_any(V(expecting))
}
