//! The typed DocuSeal delivery: `{event_type, timestamp, data}`, with `data`
//! read according to the event type's family (`form.*`, `submission.*`,
//! `template.*`). Fields are optional unless every delivery of the family
//! carries them: DocuSeal says "some data may be missing or incomplete
//! depending on the specific event", and sends `null` for unset values.

use crate::Text;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{
    EventKind, SubmissionEventType, SubmissionSource, SubmissionStatus, SubmitterStatus, SubmittersOrder,
    TemplateSource,
};
use crate::{Error, Vendor};

use crate::json_list::null_as_empty;

/// A DocuSeal delivery.
///
/// ```
/// use esign_webhooks::docuseal::{Data, Event, EventKind};
///
/// let body = br#"{"event_type":"form.completed","timestamp":"2024-03-01T10:00:00Z",
///   "data":{"id":12,"submission_id":7,"email":"jane@example.com","status":"completed",
///           "values":[{"field":"Full Name","value":"Jane Doe"},{"field":"Age","value":42}]}}"#;
/// let event: Event = serde_json::from_slice(body)?;
/// assert_eq!(event.event_type, EventKind::FormCompleted);
/// let Data::Form(submitter) = &event.data else { unreachable!() };
/// assert_eq!(submitter.values[0].value.as_str(), Some("Jane Doe"));
/// assert_eq!(submitter.values[1].value.as_number().and_then(|n| n.as_u64()), Some(42));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event {
    /// What happened; it decides the shape of [`data`](Event::data).
    pub event_type: EventKind,
    /// When the event happened (ISO 8601, e.g. `2023-09-24T11:20:42Z`), as
    /// sent. DocuSeal keeps it across retries of the same event.
    pub timestamp: Text,
    /// The object the event is about.
    pub data: Data,
}

impl Event {
    /// The event type.
    pub fn kind(&self) -> &EventKind {
        &self.event_type
    }

    /// The submission the event is about (`form.*`: the submitter's
    /// `submission_id`; `submission.*`: its `id`).
    pub fn submission_id(&self) -> Option<u64> {
        match &self.data {
            Data::Form(submitter) => submitter.submission_id.or(submitter.submission.as_ref().map(|s| s.id)),
            Data::Submission(submission) => Some(submission.id),
            _ => None,
        }
    }

    /// The `id` of `data` (submitter, submission or template), when it is a number.
    pub fn data_id(&self) -> Option<u64> {
        match &self.data {
            Data::Form(submitter) => Some(submitter.id),
            Data::Submission(submission) => Some(submission.id),
            Data::Template(template) => Some(template.id),
            Data::Unknown(value) => value.get("id").and_then(serde_json::Value::as_u64),
        }
    }
}

/// `data`, chosen by the event type's family.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Data {
    /// `form.viewed`, `form.started`, `form.completed`, `form.declined`: the submitter.
    Form(Box<FormSubmitter>),
    /// `submission.*`: the submission.
    Submission(Box<Submission>),
    /// `template.*`: the template.
    Template(Box<Template>),
    /// An event this version does not know: `data` as received (`null` when absent).
    Unknown(serde_json::Value),
}

/// `data` of the `form.*` events: the submitter who acted, with their submission and template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FormSubmitter {
    /// The submitter's id.
    pub id: u64,
    /// The submission's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_id: Option<u64>,
    /// The submitter's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// The submitter's browser user agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ua: Option<Text>,
    /// The submitter's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Text>,
    /// The submitter's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The submitter's phone number (E.164).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
    /// The submitter's role in the template (`First Party`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// Your id for the submitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The older name of `external_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_key: Option<Text>,
    /// The submitter's decline message (`form.declined`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<Text>,
    /// When the request was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Text>,
    /// The submitter's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubmitterStatus>,
    /// When the submitter opened the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<Text>,
    /// When the submitter completed the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Text>,
    /// When the submitter declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_at: Option<Text>,
    /// When the submitter was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// When the submitter was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// The submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<SubmissionSummary>,
    /// The template the submission was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateSummary>,
    /// The submitter's notification preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Preferences>,
    /// The values the submitter filled in.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<FilledValue>,
    /// Your metadata for the submitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// The audit log PDF, once every submitter completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_log_url: Option<Text>,
    /// The submission's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_url: Option<Text>,
    /// The signed documents.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
}

/// One filled-in field: `{field, value}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FilledValue {
    /// The field's name.
    pub field: Text,
    /// What was filled in.
    #[serde(default)]
    pub value: FieldValue,
}

/// A filled-in value, kept exactly as sent: every JSON value is one of these
/// variants, so [`FieldValue::to_json`] gives back the raw value.
///
/// What DocuSeal sends (`Submitters::SerializeForWebhook.fetch_field_value`,
/// `docusealco/docuseal` `lib/submitters/serialize_for_webhook.rb`): for
/// `image`, `signature`, `initials`, `stamp`, `payment` and `kba` fields one
/// URL (a string, or `null`); for `file` fields an **array** of URLs (see
/// [`FieldValue::urls`]); for the other fields the value as entered (a
/// string, number, boolean, `null`, or a list for a multiple selection).
///
/// ```
/// use esign_webhooks::docuseal::FieldValue;
///
/// let file: FieldValue = serde_json::from_str(r#"["https://x.test/a.pdf","https://x.test/b.pdf"]"#).unwrap();
/// assert_eq!(file.urls(), ["https://x.test/a.pdf", "https://x.test/b.pdf"]);
/// assert_eq!(file.url(), None); // two files: no single URL
/// let signature: FieldValue = serde_json::from_str(r#""https://x.test/signature.png""#).unwrap();
/// assert_eq!(signature.urls(), ["https://x.test/signature.png"]);
/// assert_eq!(signature.to_json(), serde_json::json!("https://x.test/signature.png"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FieldValue {
    /// `null`, or absent: the field was left empty.
    #[default]
    Null,
    /// A checkbox.
    Bool(bool),
    /// A number field, exactly as sent.
    Number(serde_json::Number),
    /// Text, a date, a selected option, or an image's or signature's URL (see
    /// [`FieldValue::url`]).
    Text(String),
    /// Anything else, as received: a `file` field's array of URLs (see
    /// [`FieldValue::urls`]), a multiple selection's list.
    Other(serde_json::Value),
}

/// Read in place by a visitor, in the order the variants are listed (an
/// `untagged` derive would buffer every value first: one per form field).
impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldValueVisitor;

        impl<'de> serde::de::Visitor<'de> for FieldValueVisitor {
            type Value = FieldValue;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a form field's value")
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<FieldValue, E> {
                Ok(FieldValue::Null)
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<FieldValue, E> {
                Ok(FieldValue::Null)
            }

            fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<FieldValue, D::Error> {
                deserializer.deserialize_any(self)
            }

            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<FieldValue, E> {
                Ok(FieldValue::Bool(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FieldValue, E> {
                Ok(FieldValue::Number(v.into()))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FieldValue, E> {
                Ok(FieldValue::Number(v.into()))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FieldValue, E> {
                Ok(serde_json::Number::from_f64(v).map_or(FieldValue::Null, FieldValue::Number))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FieldValue, E> {
                Ok(FieldValue::Text(v.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<FieldValue, E> {
                Ok(FieldValue::Text(v))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<FieldValue, A::Error> {
                serde_json::Value::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(FieldValue::Other)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<FieldValue, A::Error> {
                serde_json::Value::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(FieldValue::Other)
            }
        }

        deserializer.deserialize_any(FieldValueVisitor)
    }
}

impl FieldValue {
    /// The text, when the value is a string (a URL included).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            FieldValue::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The number, when the value is one.
    pub fn as_number(&self) -> Option<&serde_json::Number> {
        match self {
            FieldValue::Number(number) => Some(number),
            _ => None,
        }
    }

    /// The boolean, when the value is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            FieldValue::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The one URL of the value: the text when it is an `http(s)://` URL (an
    /// image, a signature), or the only element of a `file` field's array.
    /// `None` for a `file` field with several files: use [`FieldValue::urls`].
    pub fn url(&self) -> Option<&str> {
        match self.urls().as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    /// Every `http(s)://` URL of the value: a `file` field's array of URLs
    /// (DocuSeal sends files as an array, one URL per uploaded file), or the
    /// one URL of an image or signature field; empty for any other value.
    pub fn urls(&self) -> Vec<&str> {
        match self {
            FieldValue::Text(text) if is_url(text) => vec![text.as_str()],
            FieldValue::Other(serde_json::Value::Array(items)) => items
                .iter()
                .filter_map(serde_json::Value::as_str)
                .filter(|text| is_url(text))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The value as DocuSeal sent it.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            FieldValue::Null => serde_json::Value::Null,
            FieldValue::Bool(value) => serde_json::Value::Bool(*value),
            FieldValue::Number(number) => serde_json::Value::Number(number.clone()),
            FieldValue::Text(text) => serde_json::Value::String(text.clone()),
            FieldValue::Other(value) => value.clone(),
        }
    }

    /// `true` for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, FieldValue::Null)
    }
}

/// A document: `{name, url}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Where to download it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
}

/// A submitter's notification preferences (the two documented ones typed;
/// any other kept, as sent, in `other`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct Preferences {
    /// Whether the submitter receives e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_email: Option<bool>,
    /// Whether the submitter receives SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_sms: Option<bool>,
    /// Every other preference, as sent.
    #[serde(flatten, skip_deserializing)]
    pub other: crate::UnknownMembers,
}

crate::unknown_members::keep_unknown_members!(Preferences);

/// A submitter's `values`: the list of `{field, value}` the API sends, or the
/// object keyed by field name the documentation shows; `null` is empty.
fn list_or_object<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<FilledValue>, D::Error> {
    struct ListOrObject;

    impl<'de> serde::de::Visitor<'de> for ListOrObject {
        type Value = Vec<FilledValue>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a list of {field, value} or an object of values by field name")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            crate::json_list::collect(seq, |seq| seq.next_element())
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut values = Vec::new();
            while let Some((field, value)) = map.next_entry::<Text, FieldValue>()? {
                values.push(FilledValue { field, value });
            }
            Ok(values)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    deserializer.deserialize_any(ListOrObject)
}

/// The submission, as a `form.*` event's `data.submission` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubmissionSummary {
    /// The submission's id.
    pub id: u64,
    /// The audit log PDF, once every submitter completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_log_url: Option<Text>,
    /// The combined documents with the audit log, when enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combined_document_url: Option<Text>,
    /// The submission's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubmissionStatus>,
    /// The submission's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// When the submission was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
}

/// The template, as `form.*` and `submission.*` events show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateSummary {
    /// The template's id.
    pub id: u64,
    /// The template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Your id for the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// The template's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<Text>,
    /// When the template was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// When the template was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
}

/// `data` of the `submission.*` events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Submission {
    /// The submission's id.
    pub id: u64,
    /// When it was archived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<Text>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// How it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SubmissionSource>,
    /// Whether submitters sign in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitters_order: Option<SubmittersOrder>,
    /// The audit log PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_log_url: Option<Text>,
    /// The combined documents with the audit log, when enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combined_document_url: Option<Text>,
    /// The submitters.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub submitters: Vec<Submitter>,
    /// The template it was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateSummary>,
    /// The user who created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_user: Option<User>,
    /// Its audit entries.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub submission_events: Vec<SubmissionEvent>,
    /// The documents.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubmissionStatus>,
    /// When every submitter had completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Text>,
}

/// A submitter of a [`Submission`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Submitter {
    /// The submitter's id.
    pub id: u64,
    /// The submission's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_id: Option<u64>,
    /// The submitter's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Text>,
    /// The submitter's e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
    /// The submitter's signing-form slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<Text>,
    /// When the request was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Text>,
    /// When the form was opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<Text>,
    /// When the form was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Text>,
    /// When the submitter declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_at: Option<Text>,
    /// When the submitter was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// When the submitter was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// The submitter's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The submitter's phone number (E.164).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Text>,
    /// The submitter's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// Your id for the submitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// Your metadata for the submitter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// The submitter's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubmitterStatus>,
    /// The older name of `external_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_key: Option<Text>,
    /// The submitter's values: sent by the API as a list of `{field, value}`,
    /// documented as an object keyed by field name; either is read, in the
    /// order sent (and written back as the list).
    #[serde(default, deserialize_with = "list_or_object", skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<FilledValue>,
    /// The submitter's documents.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// The submitter's preferences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<Preferences>,
}

/// A DocuSeal user (a submission's creator, a template's author).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Text>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Text>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Text>,
}

/// An audit entry of a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubmissionEvent {
    /// The entry's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The submitter who caused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_id: Option<u64>,
    /// What happened.
    pub event_type: SubmissionEventType,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_timestamp: Option<Text>,
}

/// `data` of the `template.*` events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Template {
    /// The template's id.
    pub id: u64,
    /// The template's slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<Text>,
    /// The template's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The template's document files.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub schema: Vec<SchemaDocument>,
    /// The template's fields.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<TemplateField>,
    /// The template's submitter roles.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub submitters: Vec<TemplateSubmitter>,
    /// The author's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<u64>,
    /// The account's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<u64>,
    /// When it was archived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<Text>,
    /// When it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Text>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Text>,
    /// How it was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<TemplateSource>,
    /// Your id for the template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<Text>,
    /// Its folder's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<u64>,
    /// Its folder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<Text>,
    /// The older name of `external_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_key: Option<Text>,
    /// Its author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<User>,
    /// Its documents.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<TemplateDocument>,
}

/// A document file of a template's `schema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SchemaDocument {
    /// The attachment's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_uuid: Option<Text>,
    /// The attachment's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
}

/// A field of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateField {
    /// The field's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Text>,
    /// The UUID of the submitter role that fills it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_uuid: Option<Text>,
    /// The field's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The field's type (`text`, `signature`, …), sent though not documented.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub field_type: Option<Text>,
    /// Whether it must be filled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Its preferences, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferences: Option<serde_json::Value>,
    /// Where it is on the documents.
    #[serde(default, deserialize_with = "null_as_empty", skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
}

/// Where a field sits on a page (coordinates as fractions of the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Area {
    /// X coordinate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f64>,
    /// Y coordinate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f64>,
    /// Width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub w: Option<f64>,
    /// Height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub h: Option<f64>,
    /// The document it is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_uuid: Option<Text>,
    /// The page (from 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A submitter role of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateSubmitter {
    /// The role's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The role's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Text>,
}

/// A document attached to a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TemplateDocument {
    /// The document's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The document's UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Text>,
    /// Where to download it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// A preview image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_image_url: Option<Text>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<Text>,
}

/// Which `data` model an event type selects: its family, so that an event
/// DocuSeal adds to a known family (`form.signed`, say) is still typed.
enum Shape {
    Form,
    Submission,
    Template,
    Unknown,
}

impl Shape {
    fn of(kind: &EventKind) -> Shape {
        let name = kind.as_str();
        if name.starts_with("form.") {
            Shape::Form
        } else if name.starts_with("submission.") {
            Shape::Submission
        } else if name.starts_with("template.") {
            Shape::Template
        } else {
            Shape::Unknown
        }
    }

    fn read(&self, part: &str) -> Result<Data, serde_json::Error> {
        Ok(match self {
            Shape::Form => Data::Form(serde_json::from_str(part)?),
            Shape::Submission => Data::Submission(serde_json::from_str(part)?),
            Shape::Template => Data::Template(serde_json::from_str(part)?),
            Shape::Unknown => Data::Unknown(serde_json::from_str(part)?),
        })
    }
}

#[derive(Deserialize)]
struct Wire<'a> {
    event_type: EventKind,
    timestamp: Text,
    /// `Some` whenever the key is present, even for `null`, so that a known
    /// event with `"data": null` reports a type error at `$.data`.
    #[serde(default, borrow, deserialize_with = "present")]
    data: Option<&'a RawValue>,
}

fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(deserializer).map(Some)
}

/// Parses the raw body: `data` stays raw until `event_type` is known, so an
/// error inside it is reported at its path in the whole body.
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    let malformed = |part: &[u8], err: serde_json::Error| {
        Error::malformed_payload_in(body, part, err).with_vendor(Vendor::DocuSeal)
    };
    let wire: Wire<'_> = crate::json_text::from_body(body).map_err(|err| malformed(body, err))?;
    let shape = Shape::of(&wire.event_type);
    let data = match (wire.data, &shape) {
        (Some(raw), _) => shape
            .read(raw.get())
            .map_err(|err| malformed(raw.get().as_bytes(), err))?,
        (None, Shape::Unknown) => Data::Unknown(serde_json::Value::Null),
        (None, _) => return Err(malformed(body, serde::de::Error::missing_field("data"))),
    };
    Ok(Event {
        event_type: wire.event_type,
        timestamp: wire.timestamp,
        data,
    })
}

/// The hot path: `event_type` before `data` (the order DocuSeal sends) of a
/// known event family, read in one pass with `data`'s model chosen as soon as
/// it is met. `None` for anything else (`data` first, an unknown family, a
/// duplicate or missing key, any error), which [`parse`] then reads or
/// reports precisely. The two-stage parse scans `data` twice (raw, then typed).
pub(super) fn parse_fast(body: &str) -> Option<Event> {
    struct OnePass;

    impl<'de> serde::de::Visitor<'de> for OnePass {
        type Value = Option<Event>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a DocuSeal delivery")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Option<Event>, A::Error> {
            let mut event_type: Option<EventKind> = None;
            let mut timestamp: Option<Text> = None;
            let mut data: Option<Data> = None;
            while let Some(crate::unknown_members::Key(key)) = map.next_key()? {
                match (&*key, &event_type) {
                    ("event_type", None) => event_type = Some(map.next_value()?),
                    ("timestamp", _) if timestamp.is_none() => timestamp = Some(map.next_value()?),
                    ("data", Some(kind)) if data.is_none() => {
                        data = Some(match Shape::of(kind) {
                            Shape::Form => Data::Form(map.next_value()?),
                            Shape::Submission => Data::Submission(map.next_value()?),
                            Shape::Template => Data::Template(map.next_value()?),
                            Shape::Unknown => return Ok(None),
                        })
                    }
                    ("event_type" | "timestamp" | "data", _) => return Ok(None),
                    _ => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
            }
            Ok(match (event_type, timestamp, data) {
                (Some(event_type), Some(timestamp), Some(data)) => Some(Event {
                    event_type,
                    timestamp,
                    data,
                }),
                _ => None,
            })
        }
    }

    use serde::Deserializer as _;
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let event = deserializer.deserialize_map(OnePass).ok()??;
    deserializer.end().ok()?;
    Some(event)
}

/// Reads `{event_type, timestamp, data}` from any serde format (a queue),
/// choosing `data`'s model as the crate's parser does.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Owned {
            event_type: EventKind,
            timestamp: Text,
            #[serde(default)]
            data: Option<serde_json::Value>,
        }
        let Owned {
            event_type,
            timestamp,
            data,
        } = Owned::deserialize(deserializer)?;
        let shape = Shape::of(&event_type);
        let data = match (data, &shape) {
            (None, Shape::Unknown) => Data::Unknown(serde_json::Value::Null),
            (None, _) => return Err(serde::de::Error::missing_field("data")),
            (Some(value), _) => shape.read(&value.to_string()).map_err(serde::de::Error::custom)?,
        };
        Ok(Event {
            event_type,
            timestamp,
            data,
        })
    }
}

/// `true` for an `http://` or `https://` URL (DocuSeal's file links).
fn is_url(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}
