//! DocuSeal (open source, cloud or self-hosted): typed deliveries and how to
//! authenticate them.
//!
//! # The wire format
//!
//! DocuSeal POSTs `Content-Type: application/json` to each webhook URL of the
//! account, one event per request:
//!
//! ```json
//! {
//!   "event_type": "form.completed",
//!   "timestamp": "2024-03-01T10:00:00.000Z",
//!   "data": { "id": 12, "submission_id": 7, "email": "jane@example.com", "status": "completed", … }
//! }
//! ```
//!
//! `data` depends on the event type's family ([`Data`]):
//!
//! | Events | `data` |
//! |---|---|
//! | `form.viewed`, `form.started`, `form.completed`, `form.declined` (the default subscription) | [`FormSubmitter`]: the submitter who acted, their filled-in [`values`](FormSubmitter::values), submission, template, documents |
//! | `submission.created`, `submission.completed`, `submission.expired`, `submission.archived` | [`Submission`]: every submitter, the audit entries, documents |
//! | `template.created`, `template.updated`, `template.archived` | [`Template`]: fields, roles, documents |
//!
//! A filled-in value ([`FieldValue`]) is kept as sent
//! ([`FieldValue::to_json`]): a string, a number, a boolean, `null`, a list
//! (a multiple selection), the URL of an image or signature
//! ([`FieldValue::url`]), or, for a `file` field, an **array** of URLs
//! ([`FieldValue::urls`]; `other-vendors.md` §9 does not say so).
//! An event of a known family that this version does not know (`form.signed`)
//! is typed by its family; one of an unknown family is [`Data::Unknown`],
//! never an error. DocuSeal says each event "contains information available at
//! the time of dispatch, so some data may be missing": fields are optional
//! except the ids.
//!
//! # Authentication
//!
//! DocuSeal offers two mechanisms; configure the one your webhook uses.
//!
//! * **HMAC** (DocuSeal 2.5.3 and later, every webhook URL): `X-Docuseal-Signature:
//!   <ts>.<hex>`, the hex HMAC-SHA256 of `"<ts>.<raw body>"` keyed with the
//!   webhook's secret (`whsec_…`, used verbatim). [`Verifier::new`] checks it
//!   with DocuSeal's own ±300 s tolerance ([`Verifier::with_tolerance`]).
//!   *Proves*: the body is exactly what a holder of the secret signed, at a
//!   time within the tolerance. *Does not prove*: that it was not delivered
//!   before: within the window a captured request replays, so deduplicate
//!   ([`DedupKey`](crate::dedup::DedupKey)). Note: if you named your custom
//!   header `X-Docuseal-Signature`, DocuSeal sends your value instead of the
//!   HMAC.
//! * **Custom header** (older, optional): one header name and value of your
//!   choice that DocuSeal adds to every request; [`Verifier::header_token`]
//!   compares it in constant time. *Proves*: the sender knows the value. The
//!   body is not covered and nothing is timestamped.
//!
//! There is no published documentation page for the HMAC: the facts come from
//! DocuSeal's source (`lib/webhook_urls/signatures.rb`).
//!
//! # The dashboard test webhook
//!
//! The "test"/"resend" action of DocuSeal's webhook settings
//! (`webhook_settings_controller.rb` `resend` → `SendTestWebhookRequestJob`)
//! posts `{"event_type": "form.completed", "timestamp": "<ISO-8601>", "data": {…}}`
//! with the custom header but **without `X-Docuseal-Signature`**
//! (`app/jobs/send_test_webhook_request_job.rb`). With [`Verifier::new`], a
//! request of exactly that shape and no `X-Docuseal-Signature` header at all
//! is recognised before any check (a setup handshake, see the
//! [security manual](crate::manual::security#setup-handshakes)) and, by
//! default, refused with 400
//! [`UnsignedDashboardTest`](crate::ErrorKind::UnsignedDashboardTest), whose
//! reason names the test and says real deliveries are signed: the test
//! fails in DocuSeal's dashboard, which is expected. For the setup session
//! only, [`Verifier::dangerous_answer_unsigned_dashboard_test`] answers it
//! 200 ([`SetupRequest`](crate::ErrorKind::SetupRequest)). Either way it is
//! never an event and never runs a callback; a request **with** a signature
//! header, even a wrong one, is checked as usual. With
//! [`Verifier::header_token`] the test carries your header and is an
//! ordinary (sample) delivery.
//!
//! # What the check proves
//!
//! With the HMAC: every byte of the body and the signed timestamp. With a
//! custom header: nothing of the body; every field is as the sender wrote it.
//!
//! # The response
//!
//! Any status below 400 is a success to DocuSeal (3xx included); the crate
//! answers 200. Failures (4xx, 5xx, timeouts: 8 s to connect, 15 s to read) are
//! retried after `2^attempt` minutes (1, 2, 4, … minutes). DocuSeal's page says
//! about 10 times within 48 hours; its code (`docusealco/docuseal` @ `a2d8b855`,
//! the webhook jobs' `MAX_ATTEMPTS`) retries 11 times, over about 34 hours, and
//! `form.completed` 13 times, over about 5.7 days; an event that already
//! succeeded is not retried. `other-vendors.md` §9's "while attempt ≤ 10 (12)"
//! means those 11 (13) retries. Answer quickly and queue slow work
//! ([`Webhooks::verify`](crate::Webhooks::verify)).
//!
//! # Lifecycle
//!
//! | DocuSeal event | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | `submission.created` | `Sent` | submission id | — |
//! | `form.viewed` | `Viewed` | `submission_id` | submitter `id` |
//! | `form.completed` | `Signed` | `submission_id` | submitter `id` |
//! | `form.declined` | `Declined` (reason: `decline_reason`) | `submission_id` | submitter `id` |
//! | `submission.completed` | `Completed` | submission id | — |
//! | `submission.expired` | `Expired` | submission id | — |
//! | `form.started`, `submission.archived`, `template.*` | — | | |
//!
//! # What identifies one event
//!
//! No delivery id is sent. [`DedupKey::of`](crate::dedup::DedupKey::of)
//! hashes `event_type`, the body's `timestamp` and `data.id`: `timestamp` is the
//! event's creation time, the same on every retry and on a manual resend (the
//! event is found by its uuid), while the signed header timestamp changes per
//! attempt and is left out; `data.id` is the submitter for `form.*` events (one
//! per signer), the submission or template otherwise.

mod event;
mod kinds;
mod plugin;
mod verify;

pub use event::{
    Area, Data, Document, Event, FieldValue, FilledValue, FormSubmitter, Preferences, SchemaDocument, Submission,
    SubmissionEvent, SubmissionSummary, Submitter, Template, TemplateDocument, TemplateField, TemplateSubmitter,
    TemplateSummary, User,
};
pub use kinds::{
    EventKind, SubmissionEventType, SubmissionSource, SubmissionStatus, SubmitterStatus, SubmittersOrder,
    TemplateSource,
};
pub use plugin::DocuSeal;
pub use verify::{SIGNATURE_HEADER, Verifier, scheme};

/// Parses a DocuSeal delivery from the raw body. Errors are
/// [`ErrorKind::MalformedPayload`](crate::ErrorKind::MalformedPayload) with
/// the JSON path in the whole body, attributed to DocuSeal.
pub(crate) fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    event::parse(body)
}

#[cfg(test)]
mod tests;
