//! The string enums of Zoho Sign: the notification's operation and the
//! request and action statuses.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// What happened, in `notifications.operation_type`.
    ///
    /// Zoho's own sample shows only `RequestSigningSuccess`; the others are the
    /// names third-party integrations report for the UI events (Sent, Viewed,
    /// Signed by a recipient, Completed by all, Declined, Reassigned, Expires,
    /// Recalled). Anything else is kept as [`Unknown`](OperationType::Unknown).
    ///
    /// ```
    /// use esign_webhooks::zohosign::OperationType;
    /// assert_eq!(OperationType::from_wire("RequestSigningSuccess"), OperationType::RequestSigningSuccess);
    /// ```
    pub enum OperationType {
        /// A recipient signed (Zoho's sample).
        RequestSigningSuccess => "RequestSigningSuccess",
        /// (third-party) The request was sent.
        RequestSubmitted => "RequestSubmitted",
        /// (third-party) A recipient viewed the request.
        RequestViewed => "RequestViewed",
        /// (third-party) Every recipient signed.
        RequestCompleted => "RequestCompleted",
        /// (third-party) A recipient declined.
        RequestRejected => "RequestRejected",
        /// (third-party) The sender recalled the request.
        RequestRecalled => "RequestRecalled",
        /// (third-party) A recipient reassigned (forwarded) the request.
        RequestForwarded => "RequestForwarded",
        /// (third-party) The request expired.
        RequestExpired => "RequestExpired",
        /// (third-party) An approver approved.
        RequestApproved => "RequestApproved",
    }
}

impl OperationType {
    /// Every operation type, for `handlers.zohosign().on(OperationType::ALL, …)`.
    pub const ALL: Filter<OperationType> = Filter::All;
}

string_enum! {
    /// `requests.request_status` (Zoho Sign's API values).
    pub enum RequestStatus {
        /// Being prepared.
        Draft => "draft",
        /// Sent, waiting for recipients.
        InProgress => "inprogress",
        /// Every recipient signed.
        Completed => "completed",
        /// A recipient declined.
        Declined => "declined",
        /// Recalled by the sender.
        Recalled => "recalled",
        /// Expired.
        Expired => "expired",
    }
}

string_enum! {
    /// `actions[].action_status` (Zoho Sign's API values).
    pub enum ActionStatus {
        /// Nothing to do yet (a later signer in a sequential request).
        NoAction => "NOACTION",
        /// Not opened.
        Unopened => "UNOPENED",
        /// Viewed.
        Viewed => "VIEWED",
        /// Signed.
        Signed => "SIGNED",
        /// Declined.
        Declined => "DECLINED",
        /// Approved.
        Approved => "APPROVED",
        /// Forwarded to someone else.
        Forwarded => "FORWARDED",
    }
}
