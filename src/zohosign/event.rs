//! The typed Zoho Sign delivery: `{requests, notifications}`.

use crate::Text;
use serde::{Deserialize, Serialize};

use super::{ActionStatus, OperationType, RequestStatus, scalars};
use crate::{Error, Vendor};

/// A Zoho Sign webhook delivery.
///
/// ```
/// use esign_webhooks::zohosign::{Event, OperationType};
///
/// // As documented: ids as strings, `notifications` a list …
/// let documented = r#"{"requests":{"request_id":"2000000012345","request_name":"NDA"},
///   "notifications":[{"operation_type":"RequestSigningSuccess","performed_at":"1700000000000"}]}"#;
/// // … and as delivered: numbers, one `notifications` object.
/// let delivered = r#"{"requests":{"request_id":2000000012345,"request_name":"NDA"},
///   "notifications":{"operation_type":"RequestSigningSuccess","performed_at":1700000000000}}"#;
/// let a: Event = serde_json::from_str(documented)?;
/// let b: Event = serde_json::from_str(delivered)?;
/// assert_eq!(a, b);
/// assert_eq!(a.operation_type(), &OperationType::RequestSigningSuccess);
/// assert_eq!(a.requests.request_id.as_deref(), Some("2000000012345"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The request (document) the notification is about (boxed, so that an
    /// [`Event`](crate::Event) stays small).
    pub requests: Box<Request>,
    /// What happened: one object on the wire in real deliveries, a list in
    /// the docs; always a list here (usually of one).
    #[serde(deserialize_with = "scalars::one_or_many")]
    pub notifications: Vec<Notification>,
}

/// The kind of a delivery without notifications.
static NO_OPERATION: OperationType = OperationType::Unknown(String::new());

impl Event {
    /// The first notification's operation: the delivery's kind. A delivery
    /// without notifications has an empty [`OperationType::Unknown`].
    pub fn operation_type(&self) -> &OperationType {
        self.notifications.first().map_or(&NO_OPERATION, |n| &n.operation_type)
    }

    /// The first notification.
    pub fn notification(&self) -> Option<&Notification> {
        self.notifications.first()
    }
}

/// `requests`: the request as Zoho Sign's API describes it. Every field is
/// optional: Zoho's own sample has only `request_name`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Request {
    /// The request's id (a number in real deliveries, a string in the docs: kept as text).
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<Text>,
    /// The request's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_name: Option<Text>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_status: Option<RequestStatus>,
    /// The request type's id.
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub request_type_id: Option<Text>,
    /// The request type's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_type_name: Option<Text>,
    /// The sender's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_email: Option<Text>,
    /// The sender's first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_first_name: Option<Text>,
    /// The sender's last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_last_name: Option<Text>,
    /// The sender's id.
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<Text>,
    /// The organisation's id.
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub org_id: Option<Text>,
    /// The folder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<Text>,
    /// The request's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// `true` when recipients sign in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_sequential: Option<bool>,
    /// Creation time, epoch milliseconds.
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time: Option<i64>,
    /// Last modification, epoch milliseconds.
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_time: Option<i64>,
    /// When the request was sent, epoch milliseconds.
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub sign_submitted_time: Option<i64>,
    /// Expiry, epoch milliseconds.
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub expire_by: Option<i64>,
    /// The recipients' actions.
    #[serde(
        default,
        deserialize_with = "scalars::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub actions: Vec<Action>,
}

/// One recipient's action in `requests.actions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Action {
    /// The action's id (matches [`Notification::action_id`]).
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub action_id: Option<Text>,
    /// `SIGN`, `VIEW`, `APPROVER`, `INPERSONSIGN`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_type: Option<Text>,
    /// The action's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_status: Option<ActionStatus>,
    /// The recipient's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_email: Option<Text>,
    /// The recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_name: Option<Text>,
    /// The recipient's phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_phonenumber: Option<Text>,
    /// Position in a sequential request.
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub signing_order: Option<i64>,
    /// `true` for an embedded signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_embedded: Option<bool>,
}

/// `notifications`: what happened, who did it, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// The operation.
    pub operation_type: OperationType,
    /// Who acted, e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performed_by_email: Option<Text>,
    /// Who acted, name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performed_by_name: Option<Text>,
    /// When, epoch milliseconds (a number or a string).
    #[serde(
        default,
        deserialize_with = "scalars::integer",
        skip_serializing_if = "Option::is_none"
    )]
    pub performed_at: Option<i64>,
    /// The recipient action concerned.
    #[serde(default, deserialize_with = "scalars::id", skip_serializing_if = "Option::is_none")]
    pub action_id: Option<Text>,
    /// A sentence describing the activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Text>,
    /// The reason given (decline, recall).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The actor's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<Text>,
}

/// See [`super::parse`].
pub(super) fn parse(body: &[u8]) -> Result<Event, Error> {
    crate::json_text::from_body(body).map_err(|err| Error::malformed_payload(body, err).with_vendor(Vendor::ZohoSign))
}
