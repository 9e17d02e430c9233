//! The vendor table: the one list of vendors. Every per-vendor item of the
//! central code (the [`Vendor`](crate::Vendor) enum, the
//! [`Event`](crate::Event) and [`ConfirmedEvent`](crate::ConfirmedEvent)
//! variants, the builder setters, the registrar accessors, the dispatch,
//! deduplication, lifecycle and report arms) is generated from it by a
//! generator macro in the layer that owns the item, so forgetting a vendor
//! anywhere is impossible: there is nowhere else to add it.
//!
//! A line reads: `Variant module Marker "slug" "Name" "feature";` where
//! `module::Marker` implements [`Plugin`](super::Plugin), `slug` is the stable
//! lower-case id (serde, `FromStr`, dedup keys, configuration files), `Name` the
//! vendor's own spelling, and `feature` the cargo feature that compiles it in.

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
        }
    };
}

pub(crate) use vendor_table;
