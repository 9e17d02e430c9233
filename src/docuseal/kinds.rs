//! The string enums of DocuSeal deliveries: the event type and the statuses
//! and sources its objects carry.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event_type` (`WebhookUrl::EVENTS` in DocuSeal's source).
    ///
    /// ```
    /// use esign_webhooks::docuseal::EventKind;
    /// assert_eq!(EventKind::from_wire("form.completed"), EventKind::FormCompleted);
    /// assert_eq!(EventKind::from_wire("form.signed").as_str(), "form.signed");
    /// ```
    pub enum EventKind {
        /// A submitter first opened the form.
        FormViewed => "form.viewed",
        /// A submitter started filling the form in.
        FormStarted => "form.started",
        /// A submitter completed and signed the form (one party; the
        /// submission may still wait for others).
        FormCompleted => "form.completed",
        /// A submitter declined.
        FormDeclined => "form.declined",
        /// A submission was created (sent to its submitters).
        SubmissionCreated => "submission.created",
        /// Every submitter completed the submission.
        SubmissionCompleted => "submission.completed",
        /// The submission expired.
        SubmissionExpired => "submission.expired",
        /// The submission was archived.
        SubmissionArchived => "submission.archived",
        /// A template was created.
        TemplateCreated => "template.created",
        /// A template was updated.
        TemplateUpdated => "template.updated",
        /// A template was archived.
        TemplateArchived => "template.archived",
    }
}

impl EventKind {
    /// Every DocuSeal event kind.
    pub const ALL: Filter<EventKind> = Filter::All;
}

string_enum! {
    /// A submitter's `status`.
    pub enum SubmitterStatus {
        /// Completed and signed.
        Completed => "completed",
        /// Declined.
        Declined => "declined",
        /// Opened the form.
        Opened => "opened",
        /// The request was sent.
        Sent => "sent",
        /// Waiting for an earlier submitter (preserved order).
        Awaiting => "awaiting",
    }
}

string_enum! {
    /// A submission's `status`.
    pub enum SubmissionStatus {
        /// Every submitter completed.
        Completed => "completed",
        /// A submitter declined.
        Declined => "declined",
        /// Expired before completion.
        Expired => "expired",
        /// Waiting for submitters.
        Pending => "pending",
    }
}

string_enum! {
    /// How a submission was created (`source`).
    pub enum SubmissionSource {
        /// Invitations sent from the DocuSeal UI.
        Invite => "invite",
        /// Bulk send.
        Bulk => "bulk",
        /// The REST API.
        Api => "api",
        /// An embedded form.
        Embed => "embed",
        /// A shared link.
        Link => "link",
    }
}

string_enum! {
    /// Whether submitters sign in a set order (`submitters_order`).
    pub enum SubmittersOrder {
        /// Any order.
        Random => "random",
        /// The template's order.
        Preserved => "preserved",
    }
}

string_enum! {
    /// How a template was created (`source`).
    pub enum TemplateSource {
        /// The DocuSeal UI.
        Native => "native",
        /// The REST API.
        Api => "api",
        /// The embedded builder.
        Embed => "embed",
    }
}

string_enum! {
    /// The `event_type` of an entry of a submission's `submission_events`
    /// (an audit entry, not a webhook event).
    pub enum SubmissionEventType {
        /// The signing request e-mail was sent.
        SendEmail => "send_email",
        /// The e-mail bounced.
        BounceEmail => "bounce_email",
        /// The recipient marked the e-mail as spam.
        ComplaintEmail => "complaint_email",
        /// A reminder e-mail was sent.
        SendReminderEmail => "send_reminder_email",
        /// A signing request SMS was sent.
        SendSms => "send_sms",
        /// A two-factor SMS was sent.
        Send2faSms => "send_2fa_sms",
        /// The e-mail was opened.
        OpenEmail => "open_email",
        /// The e-mail's link was clicked.
        ClickEmail => "click_email",
        /// The SMS's link was clicked.
        ClickSms => "click_sms",
        /// The phone number was verified.
        PhoneVerified => "phone_verified",
        /// The submitter started the form.
        StartForm => "start_form",
        /// Identity verification started.
        StartVerification => "start_verification",
        /// Identity verification completed.
        CompleteVerification => "complete_verification",
        /// The form was viewed.
        ViewForm => "view_form",
        /// The submitter invited another party.
        InviteParty => "invite_party",
        /// The form was completed.
        CompleteForm => "complete_form",
        /// The form was declined.
        DeclineForm => "decline_form",
        /// The form was completed through the API.
        ApiCompleteForm => "api_complete_form",
    }
}
