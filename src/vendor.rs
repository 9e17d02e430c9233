//! [`Vendor`]: which e-signature service a delivery comes from, and the
//! vendor table it is generated from.
//!
//! The vendor table (the `vendor_table!` macro below) is the one list of
//! vendors. Every per-vendor item of the crate (the [`Vendor`] enum here; the
//! [`Event`](crate::Event) and [`ConfirmedEvent`](crate::ConfirmedEvent)
//! variants, the builder setters, the registrar accessors, the dispatch,
//! deduplication, lifecycle and report arms in the layers above) is generated
//! from it by a generator macro in the layer that owns the item, so forgetting
//! a vendor anywhere is impossible: there is nowhere else to add it. It lives
//! here, on the ground floor, so that every layer reads it downwards (http's
//! habit: `standard_headers!` and the type it generates share one file).
//!
//! A line reads: `Variant module Marker "slug" "Name" "feature";` where
//! `module::Marker` implements [`Plugin`](crate::plugin::Plugin), `slug` is the
//! stable lower-case id (serde, `FromStr`, dedup keys, configuration files),
//! `Name` the vendor's own spelling, and `feature` the cargo feature that
//! compiles it in. `.ci/run` reads the lines of this macro to list the vendors.

use core::fmt;
use core::str::FromStr;

/// Calls `$generator! { $($args)* ; <the table> }`.
macro_rules! vendor_table {
    ($generator:path $(, $($args:tt)*)?) => {
        $generator! {
            [$($($args)*)?]
            EsignGlobal esignglobal EsignGlobal "esignglobal" "eSignGlobal" "esignglobal";
            Ignisign ignisign Ignisign "ignisign" "Ignisign" "ignisign";
            SignPlus signplus SignPlus "signplus" "Sign.Plus" "signplus";
            Constellation constellation Constellation "constellation" "Constellation1 eSign" "constellation";
            DocuSign docusign DocuSign "docusign" "DocuSign Connect" "docusign";
            DropboxSign dropboxsign DropboxSign "dropboxsign" "Dropbox Sign" "dropboxsign";
            BoldSign boldsign BoldSign "boldsign" "BoldSign" "boldsign";
            AdobeSign adobesign AdobeSign "adobesign" "Adobe Acrobat Sign" "adobesign";
            Yousign yousign Yousign "yousign" "Yousign" "yousign";
            PandaDoc pandadoc PandaDoc "pandadoc" "PandaDoc" "pandadoc";
            ZohoSign zohosign ZohoSign "zohosign" "Zoho Sign" "zohosign";
            Documenso documenso Documenso "documenso" "Documenso" "documenso";
            DocuSeal docuseal DocuSeal "docuseal" "DocuSeal" "docuseal";
            SignWell signwell SignWell "signwell" "SignWell" "signwell";
            OpenSign opensign OpenSign "opensign" "OpenSign" "opensign";
            BoxSign boxsign BoxSign "boxsign" "Box Sign" "boxsign";
            OneSpan onespan OneSpan "onespan" "OneSpan Sign" "onespan";
            SignatureApi signatureapi SignatureApi "signatureapi" "SignatureAPI" "signatureapi";
            SignNow signnow SignNow "signnow" "SignNow" "signnow";
            Clicksign clicksign Clicksign "clicksign" "Clicksign" "clicksign";
            Autentique autentique Autentique "autentique" "Autentique" "autentique";
            ZapSign zapsign ZapSign "zapsign" "ZapSign" "zapsign";
            D4Sign d4sign D4Sign "d4sign" "D4Sign" "d4sign";
        }
    };
}

pub(crate) use vendor_table;

macro_rules! vendor_enum {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        /// The e-signature vendors this crate understands.
        ///
        /// Every vendor the crate knows has a variant, whether or not its cargo
        /// feature is enabled. A vendor's [`slug`](Vendor::slug) is its stable
        /// name in serde, [`FromStr`], deduplication keys and configuration files.
        ///
        /// ```
        /// use esign_webhooks::Vendor;
        /// assert_eq!(Vendor::SignPlus.to_string(), "Sign.Plus");
        /// assert_eq!(Vendor::SignPlus.slug(), "signplus");
        /// assert_eq!("signplus".parse::<Vendor>(), Ok(Vendor::SignPlus));
        /// assert!(Vendor::ALL.contains(&Vendor::Constellation));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Vendor {
            $(
                #[doc = concat!($name, " (module [`", stringify!($module), "`](crate::", stringify!($module), "), slug `", $slug, "`).")]
                $variant,
            )*
        }

        impl Vendor {
            /// Every vendor, in a fixed order. A slice, so that a new vendor
            /// is not a breaking change.
            pub const ALL: &'static [Vendor] = &[$(Vendor::$variant),*];

            /// The vendor's name as it writes it.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Vendor::$variant => $name,)*
                }
            }

            /// The stable lower-case id: serde, `FromStr`, deduplication keys,
            /// configuration files.
            pub const fn slug(self) -> &'static str {
                match self {
                    $(Vendor::$variant => $slug,)*
                }
            }

            /// `true` when the vendor's cargo feature is enabled in this build.
            pub const fn is_compiled_in(self) -> bool {
                match self {
                    $(Vendor::$variant => cfg!(feature = $feature),)*
                }
            }
        }
    };
}

vendor_table!(vendor_enum);

impl Vendor {
    /// The vendor's position in [`Vendor::ALL`], for small sets.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A string that names no vendor: see [`Vendor::slug`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownVendor;

impl fmt::Display for UnknownVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown vendor slug (expected one of: ")?;
        for (i, vendor) in Vendor::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(vendor.slug())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownVendor {}

/// Parses a slug (`"signplus"`), ignoring ASCII case.
impl FromStr for Vendor {
    type Err = UnknownVendor;

    fn from_str(s: &str) -> Result<Vendor, UnknownVendor> {
        Vendor::ALL
            .iter()
            .copied()
            .find(|vendor| vendor.slug().eq_ignore_ascii_case(s))
            .ok_or(UnknownVendor)
    }
}

/// Written as its slug.
impl serde::Serialize for Vendor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

/// Read from its slug.
impl<'de> serde::Deserialize<'de> for Vendor {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vendor, D::Error> {
        let slug = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        slug.parse()
            .map_err(|err: UnknownVendor| serde::de::Error::custom(format_args!("`{slug}`: {err}")))
    }
}

/// A small set of vendors, one bit each.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct VendorSet(u64);

/// The vendors, by name.
impl fmt::Debug for VendorSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl VendorSet {
    /// Every vendor.
    pub(crate) const ALL: VendorSet = VendorSet(u64::MAX);

    pub(crate) fn insert(&mut self, vendor: Vendor) {
        self.0 |= 1 << vendor.index();
    }

    pub(crate) fn contains(self, vendor: Vendor) -> bool {
        self.0 & (1 << vendor.index()) != 0
    }

    pub(crate) fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// The only vendor, when there is exactly one.
    pub(crate) fn single(self) -> Option<Vendor> {
        if self.len() == 1 { self.iter().next() } else { None }
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = Vendor> {
        Vendor::ALL.iter().copied().filter(move |vendor| self.contains(*vendor))
    }

    pub(crate) fn to_vec(self) -> Vec<Vendor> {
        self.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_fit_the_set() {
        assert!(Vendor::ALL.len() <= 64);
        for vendor in Vendor::ALL {
            assert_eq!(vendor.slug().parse::<Vendor>(), Ok(*vendor));
            assert_eq!(vendor.slug().to_ascii_uppercase().parse::<Vendor>(), Ok(*vendor));
            let json = serde_json::to_string(vendor).unwrap();
            assert_eq!(json, format!("\"{}\"", vendor.slug()));
            assert_eq!(serde_json::from_str::<Vendor>(&json).unwrap(), *vendor);
            assert!(
                vendor
                    .slug()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            );
        }
        assert!("nope".parse::<Vendor>().is_err());
        assert!(serde_json::from_str::<Vendor>("\"nope\"").is_err());
    }
}
