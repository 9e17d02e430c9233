//! The integer status codes eSignGlobal sends, and the `authModes` string.
//!
//! The codes are gathered from every Webhook and App callback page; where the
//! pages contradict each other, the variant concerned says so. Codes the pages
//! do not publish are kept as `Unknown(code)`, never an error.

use core::fmt;

use crate::wire_enum::int_enum;

int_enum! {
    /// `envelopeStatus`: where the envelope is in its life cycle.
    ///
    /// Codes 0 and 6 are not published and arrive as [`EnvelopeStatus::Unknown`].
    ///
    /// ```
    /// use esign_webhooks::esignglobal::EnvelopeStatus;
    /// assert_eq!(EnvelopeStatus::from_code(2), EnvelopeStatus::Completed);
    /// assert_eq!(EnvelopeStatus::from_code(6), EnvelopeStatus::Unknown(6));
    /// assert_eq!(EnvelopeStatus::InProgress.to_string(), "In Progress");
    /// ```
    pub enum EnvelopeStatus {
        /// The envelope was started and awaits signatures (both channels).
        InProgress = 1 => "In Progress",
        /// Every signer signed (both channels).
        ///
        /// The English App callback `ENVELOPE_EXPIRED` page also gives "2-Completed",
        /// apparently an error: its zh-Hant version gives 3 (Expired). The event
        /// name, not this status, says that the envelope expired.
        Completed = 2 => "Completed",
        /// The envelope expired (Webhook `ENVELOPE_EXPIRED` page, zh-Hant App
        /// callback `ENVELOPE_EXPIRED` page).
        Expired = 3 => "Expired",
        /// A signer declined (Webhook `SIGNER_DECLINED` page, zh-Hant App callback
        /// `ENVELOPE_DECLINED` page).
        ///
        /// The English App callback `ENVELOPE_DECLINED` page says "5-Declined"
        /// instead, but 5 means Canceled everywhere else, so 5 is never read as
        /// declined here: rely on the event ([`EventKind::is_declined`](super::EventKind::is_declined)).
        Declined = 4 => "Declined",
        /// The envelope was canceled after it was started (both channels).
        ///
        /// Also printed as "5-Declined" on the English App callback
        /// `ENVELOPE_DECLINED` page (see [`EnvelopeStatus::Declined`]).
        Canceled = 5 => "Canceled",
        /// Signing was interrupted by an error (App callback `ENVELOPE_SIGNER_FAILED`).
        Interrupted = 7 => "Interrupted",
    }
}

int_enum! {
    /// `signerStatus`: where one signer is.
    ///
    /// Codes 4, 6 and 7 are not published and arrive as [`SignerStatus::Unknown`].
    ///
    /// ```
    /// use esign_webhooks::esignglobal::SignerStatus;
    /// assert_eq!(SignerStatus::from_code(9), SignerStatus::DeliveryFailed);
    /// assert_eq!("Pending to Sign".parse::<SignerStatus>().unwrap(), SignerStatus::Pending);
    /// ```
    pub enum SignerStatus {
        /// Pending to sign: not yet the signer's turn, or not yet acted on.
        Pending = 0 => "Pending to Sign",
        /// Signing in progress.
        ///
        /// One English App callback page labels 1 "Pending to Sign" as well;
        /// every other page says "In Progress".
        InProgress = 1 => "In Progress",
        /// The signer signed.
        Signed = 2 => "Signed",
        /// The signer declined (Webhook `SIGNER_DECLINED`).
        Declined = 3 => "Declined",
        /// Signing was interrupted by an error (App callback `ENVELOPE_SIGNER_FAILED`).
        Interrupted = 5 => "Interrupted",
        /// The signer opened the envelope (App callback `ENVELOPE_SIGNER_VIEWED`).
        Viewed = 8 => "Viewed",
        /// The envelope could not be delivered to the signer (`ENVELOPE_DELIVERY_FAILED`).
        DeliveryFailed = 9 => "Delivery Failed",
    }
}

int_enum! {
    /// `ccStatus`: the state of a carbon-copy recipient. Only 1 is published.
    ///
    /// ```
    /// use esign_webhooks::esignglobal::CcStatus;
    /// assert_eq!(CcStatus::from_code(1), CcStatus::DeliveryFailed);
    /// assert!(CcStatus::from_code(2).is_unknown());
    /// ```
    pub enum CcStatus {
        /// The copy could not be delivered (`ENVELOPE_DELIVERY_FAILED`).
        DeliveryFailed = 1 => "Delivery Failed",
    }
}

int_enum! {
    /// `userType`: whether a signer signs for themself or for an organization.
    ///
    /// ```
    /// use esign_webhooks::esignglobal::UserType;
    /// assert_eq!(UserType::from_code(2), UserType::Organization);
    /// ```
    pub enum UserType {
        /// A natural person.
        Individual = 1 => "Individual",
        /// An organization; `organizationName` is then set. (The pages condition
        /// that field on "signerType = 2"; the field is `userType`.)
        Organization = 2 => "Organization",
    }
}

int_enum! {
    /// One identity-verification method of a signer, a digit of [`AuthModes`].
    ///
    /// Some pages list codes 0–4 only; 5 (Email OTP) appears on others.
    ///
    /// ```
    /// use esign_webhooks::esignglobal::AuthMode;
    /// assert_eq!(AuthMode::from_code(2).to_string(), "iAM Smart");
    /// ```
    pub enum AuthMode {
        /// No verification.
        None = 0 => "No verification",
        /// The signer enters an access code.
        AccessCode = 1 => "Access Code",
        /// iAM Smart, the Hong Kong government's digital identity.
        IamSmart = 2 => "iAM Smart",
        /// A one-time password sent by SMS.
        SmsOtp = 3 => "SMS OTP",
        /// An identity-document check.
        IdVerification = 4 => "ID Verification",
        /// A one-time password sent by e-mail (not listed on every page).
        EmailOtp = 5 => "Email OTP",
    }
}

/// `authModes`: a signer's verification methods, sent as a **string of digit
/// codes** (`"0"`, `"3"`, …).
///
/// How several methods are combined in one string is not published (`"1,3"`,
/// `"13"`, `"1|3"` are all possible), so the text is kept exactly as received
/// and [`AuthModes::codes`] reads every ASCII digit as one [`AuthMode`],
/// skipping anything else. A JSON number (`3`) or an array (`[1, 3]`) is also
/// accepted, in case the documented "string" is loose; both are kept as text
/// (`"3"`, `"1,3"`) and serialized back as a string.
///
/// ```
/// use esign_webhooks::esignglobal::{AuthMode, AuthModes};
///
/// let modes = AuthModes::new("1,3");
/// assert_eq!(modes.as_str(), "1,3");
/// assert_eq!(modes.codes().collect::<Vec<_>>(), [AuthMode::AccessCode, AuthMode::SmsOtp]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
// A boxed `str`, not a `String`: eight bytes less in every `Signer`, whose
// size decides whether a list of three signers fits the allocator's fast
// path (see `model::FIRST_BLOCK`).
pub struct AuthModes(Box<str>);

impl AuthModes {
    /// Wraps the text of an `authModes` field.
    pub fn new(text: impl Into<String>) -> Self {
        AuthModes(text.into().into_boxed_str())
    }

    /// The text exactly as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// One [`AuthMode`] per ASCII digit of the text, in order; every other
    /// character is skipped because the separator is not published. Digits
    /// the crate does not know come out as [`AuthMode::Unknown`].
    pub fn codes(&self) -> impl Iterator<Item = AuthMode> + '_ {
        self.0
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|digit| AuthMode::from_code(i32::from(digit - b'0')))
    }
}

impl From<&str> for AuthModes {
    fn from(text: &str) -> Self {
        AuthModes::new(text)
    }
}

impl From<String> for AuthModes {
    fn from(text: String) -> Self {
        AuthModes::new(text)
    }
}

impl fmt::Display for AuthModes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for AuthModes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = AuthModes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string of digit codes (authModes)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AuthModes, E> {
                Ok(AuthModes(v.into()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AuthModes, E> {
                Ok(AuthModes::new(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<AuthModes, E> {
                Ok(AuthModes::new(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<AuthModes, A::Error> {
                let mut text = String::new();
                while let Some(code) = seq.next_element::<Code>()? {
                    if !text.is_empty() {
                        text.push(',');
                    }
                    text.push_str(&code.0);
                }
                Ok(AuthModes::new(text))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// One element of an `authModes` array: an integer or a string, kept as text.
struct Code(String);

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Code;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an auth mode code")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Code, E> {
                Ok(Code(v.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Code, E> {
                Ok(Code(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Code, E> {
                Ok(Code(v.to_string()))
            }
        }
        deserializer.deserialize_any(V)
    }
}
