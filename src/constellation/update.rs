//! The Constellation1 eSign body, `EsignView { Data: EsignData }`, read with
//! keys in any ASCII case and written in the .NET model's PascalCase.

use crate::Text;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use uuid::Uuid;

use super::guid;
use super::keys::{KeyAmong, first};
use super::{SessionStatus, SignerStatus, Status, StatusType};

/// A signing-session update (the vendor's `EsignView`): a session's or a
/// signer's new status.
///
/// ```
/// use esign_webhooks::constellation::{SessionStatus, Update};
///
/// let body = r#"{"data": {"signingSessionId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
///                         "type": "SessionStatus", "status": 3, "title": "Purchase agreement"}}"#;
/// let update: Update = serde_json::from_str(body)?;
/// assert_eq!(update.session_status(), Some(SessionStatus::Completed));
/// assert_eq!(update.data.title.as_deref(), Some("Purchase agreement"));
///
/// // Written back in the .NET model's PascalCase.
/// let json = serde_json::to_string(&update)?;
/// assert!(json.starts_with(r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301""#));
/// assert_eq!(serde_json::from_str::<Update>(&json)?, update);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Update {
    /// The update (the vendor's `Data` member, an `EsignData`).
    pub data: Data,
}

impl Update {
    /// `true` when the update is about the session (`Type` = `"SessionStatus"`).
    pub fn is_session(&self) -> bool {
        matches!(self.data.status, Status::Session(_))
    }

    /// `true` when the update is about one signer (`Type` = `"SignerStatus"`).
    pub fn is_signer(&self) -> bool {
        matches!(self.data.status, Status::Signer(_))
    }

    /// The session's new status, for a session update.
    pub fn session_status(&self) -> Option<SessionStatus> {
        self.data.status.session()
    }

    /// The signer's new status, for a signer update.
    pub fn signer_status(&self) -> Option<SignerStatus> {
        self.data.status.signer()
    }
}

/// What changed (the vendor's `EsignData`).
///
/// Read with keys in any ASCII case (`SigningSessionId`, `signingSessionId`, …),
/// as the vendor's ASP.NET sample binds them; unknown keys are ignored; a key
/// given twice, in whatever case, is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Data {
    /// The signing session (`SigningSessionId`). Required; kept as sent, even
    /// the all-zero GUID.
    pub signing_session_id: Uuid,
    /// `NewSigningSessionId`: when the vendor fills it is not documented
    /// (probably when a session is copied or replaced). `None` when absent,
    /// `null`, empty or the all-zero GUID.
    pub new_signing_session_id: Option<Uuid>,
    /// The signer a `SignerStatus` update is about (`SignerId`). `None` when
    /// absent, `null`, empty or the all-zero GUID, as on session updates.
    pub signer_id: Option<Uuid>,
    /// `Type` and `Status` together. `Type` must be present (it says what
    /// `Status` means); an unknown `Type` gives [`Status::Other`]. `Status` is
    /// an integer, also accepted as a string of digits.
    pub status: Status,
    /// The session's title (`Title`), as sent (`None` when absent or `null`).
    pub title: Option<Text>,
    /// The reason the signer selected when declining (`DeclinedReason`, on
    /// [`SignerStatus::Declined`] updates). `None` when absent, `null` or empty.
    pub declined_reason: Option<Text>,
}

#[derive(Clone, Copy)]
enum Field {
    SigningSessionId,
    NewSigningSessionId,
    SignerId,
    Type,
    Status,
    Title,
    DeclinedReason,
}

const FIELDS: &[(&str, Field)] = &[
    ("SigningSessionId", Field::SigningSessionId),
    ("NewSigningSessionId", Field::NewSigningSessionId),
    ("SignerId", Field::SignerId),
    ("Type", Field::Type),
    ("Status", Field::Status),
    ("Title", Field::Title),
    ("DeclinedReason", Field::DeclinedReason),
];

/// The integer `Status`, as a number or a string of digits.
struct Code(i32);

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire_enum::deserialize_code(deserializer, "an integer status code").map(Code)
    }
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Data;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Constellation1 eSign `Data` object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
                let mut signing_session_id = None;
                let mut new_signing_session_id = None;
                let mut signer_id = None;
                let mut status_type: Option<Option<StatusType>> = None;
                let mut code = None;
                let mut title: Option<Option<Text>> = None;
                let mut declined_reason: Option<Option<Text>> = None;
                while let Some(key) = map.next_key_seed(KeyAmong(FIELDS))? {
                    let Some(field) = key else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    match field {
                        Field::SigningSessionId => first(&mut signing_session_id, "SigningSessionId", || {
                            map.next_value::<guid::Required>()
                        })?,
                        Field::NewSigningSessionId => {
                            first(&mut new_signing_session_id, "NewSigningSessionId", || {
                                map.next_value::<guid::Optional>()
                            })?
                        }
                        Field::SignerId => first(&mut signer_id, "SignerId", || map.next_value::<guid::Optional>())?,
                        Field::Type => first(&mut status_type, "Type", || map.next_value())?,
                        Field::Status => first(&mut code, "Status", || map.next_value::<Code>())?,
                        Field::Title => first(&mut title, "Title", || map.next_value())?,
                        Field::DeclinedReason => first(&mut declined_reason, "DeclinedReason", || map.next_value())?,
                    }
                }
                let signing_session_id =
                    signing_session_id.ok_or_else(|| de::Error::missing_field("SigningSessionId"))?;
                // Without `Type` the code cannot be interpreted: a `null` or
                // missing `Type` is refused rather than guessed.
                let status_type = status_type.flatten().ok_or_else(|| de::Error::missing_field("Type"))?;
                let Code(code) = code.ok_or_else(|| de::Error::missing_field("Status"))?;
                Ok(Data {
                    signing_session_id: signing_session_id.0,
                    new_signing_session_id: new_signing_session_id.and_then(|guid| guid.0),
                    signer_id: signer_id.and_then(|guid| guid.0),
                    status: Status::new(status_type, code),
                    title: title.flatten(),
                    declined_reason: declined_reason.flatten().filter(|reason| !reason.is_empty()),
                })
            }
        }
        deserializer.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Update {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Update;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Constellation1 eSign update (an object with a `Data` member)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Update, A::Error> {
                let mut data = None;
                while let Some(key) = map.next_key_seed(KeyAmong(&[("Data", ())]))? {
                    match key {
                        Some(()) => first(&mut data, "Data", || map.next_value::<Data>())?,
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let data = data.ok_or_else(|| de::Error::missing_field("Data"))?;
                Ok(Update { data })
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// Writes the .NET model's PascalCase names; absent values are written as `null`.
impl Serialize for Data {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut data = serializer.serialize_struct("EsignData", 7)?;
        data.serialize_field("SigningSessionId", &guid::Hyphenated(self.signing_session_id))?;
        data.serialize_field(
            "NewSigningSessionId",
            &self.new_signing_session_id.map(guid::Hyphenated),
        )?;
        data.serialize_field("SignerId", &self.signer_id.map(guid::Hyphenated))?;
        data.serialize_field("Type", self.status.type_name())?;
        data.serialize_field("Status", &self.status.code())?;
        data.serialize_field("Title", &self.title)?;
        data.serialize_field("DeclinedReason", &self.declined_reason)?;
        data.end()
    }
}

/// Writes `{"Data": {…}}`, like the vendor's `EsignView`.
impl Serialize for Update {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut view = serializer.serialize_struct("EsignView", 1)?;
        view.serialize_field("Data", &self.data)?;
        view.end()
    }
}
