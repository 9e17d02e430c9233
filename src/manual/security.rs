//! # Security: what each check proves, and what you must do
//!
//! A webhook endpoint is a public door: anyone who learns its URL can POST
//! to it. This page says, vendor by vendor, what a successful
//! [`Webhooks::dispatch`](crate::Webhooks::dispatch) proves and what it does
//! not, then what the crate guarantees everywhere and what is left to you.
//!
//! ## Per vendor
//!
//! | Vendor | The vendor offers | A successful check proves | It does not prove |
//! |---|---|---|---|
//! | eSignGlobal (Webhook channel) | a per-webhook secret key; **how it signs is not published** | the sender holds the secret *if* the scheme you configured is the one eSignGlobal uses | anything, if the scheme is wrong: the crate ships no guessed scheme |
//! | eSignGlobal (App callback) | **nothing** | only what you add: a token in the callback URL | that eSignGlobal sent it |
//! | Ignisign | a single-use `verificationToken` checked by Ignisign's API | after [`Delivery::confirm`](crate::ignisign::Delivery::confirm): Ignisign issued this token for your app, and it was not used before | anything before `confirm`: app id and environment are public |
//! | Sign.Plus | **nothing** (no secret, signature or header) | the sender knew the secret you put in the URL (or a gateway's header) | that Sign.Plus sent it, or that the body is what Sign.Plus sent |
//! | Constellation1 eSign | **nothing** | the same: the sender knew the URL's token or Basic password | the same |
//! | ZapSign | **nothing** but custom headers you set on the webhook | the sender knew the header's value (or the URL's credentials) | that ZapSign sent it, the body, freshness: one captured request's headers forge any body |
//! | DocuSign Connect | base64 HMAC-SHA256 of the body, one header per Connect key (or Basic auth) | the exact body came from a holder of one of your Connect keys | freshness: nothing but the body is signed, so a capture replays; Basic auth proves only the password |
//! | Dropbox Sign | an in-body `event_hash` of `event_time` ‖ `event_type`, keyed with the API key | someone with your API key made an event of this type at this time | **the rest of the body** (signature request, metadata) and freshness: replays are never refused |
//! | BoldSign | `t=…, s0=…, s1=…` over `<t>.<body>` | the body and `t` were signed with the webhook secret, within the tolerance | that it is not a replay inside the window |
//! | Adobe Acrobat Sign | **no signature**: a client id header to echo | the sender knew a client id, which is not a secret | that Adobe sent it, unless you add a URL token (`with_query_token`), Basic auth, mutual TLS or Adobe's OAuth in front |
//! | Yousign, Zoho Sign, OpenSign, Clicksign, Autentique | an HMAC of the body in a header | the body came from a holder of the key and is unchanged | freshness: nothing is timestamped |
//! | PandaDoc | an HMAC of the body in the `signature` query parameter | the same | freshness; and the URL, which carries the signature, ends up in access logs |
//! | Documenso | the secret itself in `X-Documenso-Secret` | the sender knows the secret | the body: anyone who sees one request's headers can forge any body |
//! | DocuSeal | `<ts>.<hex>` over `<ts>.<body>` (or a static header) | the exact body and a time within ±300 s | that it is not a replay inside the window; a static header proves only the header |
//! | SignWell | an in-body `event.hash` of `type@time`, keyed with the webhook id | only `event.type` and `event.time` | `data` and `related_signer` (forgeable), freshness; the webhook id is visible through the API, not a secret |
//! | D4Sign | `Content-Hmac`: an HMAC of the **document UUID**, not of the body | a holder of the secret once produced this document's HMAC | `type_post`, `message`, `email` (forgeable), and freshness: the header is the same for every post about the document, so one captured post forges any other event of it |
//! | Box Sign | two HMACs of the body then the delivery timestamp | the body and the delivery time, within 10 minutes | that it is not a replay inside the window |
//! | OneSpan Sign | a callback key in `Authorization: Basic <key>`, OAuth 2.0, static headers, or nothing | the sender knew the key (or held a token your validator accepted, or the header) | the body and freshness: anyone who sees one request's headers can forge any body; a capture replays |
//! | SignatureAPI | Standard Webhooks: an HMAC of `<webhook-id>.<webhook-timestamp>.<body>` | the body, the id and a time within ±5 minutes | that it is not a replay inside the window |
//! | SignNow | **nothing published** (static custom headers on the subscription; an undocumented `secret_key`) | the sender knew the header, Basic password or URL token you set | that SignNow sent it, the body, freshness |
//!
//! ### The vendors that sign
//!
//! For every vendor whose check is an HMAC, deduplicate ([`dedup`](crate::dedup))
//! on the vendor's event id (each module says which), keep old secrets during a
//! rotation with `with_secret` (Box Sign: both keys; BoldSign: `s0`/`s1`), and
//! treat a vendor whose check covers only part of the body (Dropbox Sign,
//! SignWell, D4Sign: only the document UUID) or none of it (Documenso, Adobe,
//! ZapSign) as a hint: fetch the document
//! or agreement through the vendor's API before acting on it.
//!
//! ### eSignGlobal
//!
//! eSignGlobal generates a secret key per webhook but documents neither the
//! header, nor the algorithm, nor the signed content, nor a timestamp. So:
//!
//! * capture one real delivery, run [`esignglobal::detect_scheme`](crate::esignglobal::detect_scheme)
//!   with its raw body, its headers and your key, **confirm the result with
//!   eSignGlobal support**, and build the [`esignglobal::Verifier`](crate::esignglobal::Verifier) from it;
//! * if the scheme signs no timestamp ([`SignedContent::Body`](crate::verify::SignedContent::Body)),
//!   a captured delivery can be replayed at any time: deduplicate
//!   ([`dedup`](crate::dedup)) and treat events as hints;
//! * the App callback channel has no authentication at all: register a callback
//!   URL with an unguessable query token ([`esignglobal::Verifier::query_token`](crate::esignglobal::Verifier::query_token)),
//!   and confirm the envelope's state through eSignGlobal's API before acting;
//! * rotate with [`Verifier::with_secret`](crate::verify::Verifier::with_secret)
//!   ([Reset Secret Key] invalidates the old key at once on eSignGlobal's side).
//!
//! ### Ignisign
//!
//! Ignisign signs nothing. A delivery is authentic only once Ignisign's API
//! has accepted its token, which also **consumes** it:
//!
//! * `dispatch` checks the required fields, the app id and the environment:
//!   this filters deliveries meant for another application, it authenticates
//!   nothing. A [`Delivery`](crate::ignisign::Delivery) hides its content until
//!   it is confirmed, so unconfirmed data cannot be used by accident;
//! * confirm every delivery ([`Delivery::token_check_request`](crate::ignisign::Delivery::token_check_request)
//!   then [`confirm`](crate::ignisign::Delivery::confirm), or
//!   [`Handlers::confirm_ignisign_with`](crate::Handlers::confirm_ignisign_with)).
//!   The token check is the replay defence: a replayed delivery is refused as
//!   already consumed. A deduplicator recognises it before that call;
//! * keep the API key secret: it is sent as `Authorization: Bearer`, marked
//!   sensitive, and never appears in `Debug` or errors;
//! * a stored body cannot be verified again (the token is spent): store the
//!   confirmed [`Message`](crate::ignisign::Message) instead.
//!
//! ### Sign.Plus and Constellation1 eSign (and ZapSign)
//!
//! Neither signs its deliveries nor documents any authentication. What the
//! crate can check is a secret **you** put in the URL you register (ZapSign:
//! also a custom header you set on the webhook, checked with
//! [`zapsign::Verifier::header_token`](crate::zapsign::Verifier::header_token)):
//!
//! * register `https://example.com/hooks/signplus?token=<32+ random bytes, base64url>`
//!   and verify with `query_token`, or `https://user:password@…` and
//!   `basic_auth`; pass requests with their URI
//!   ([`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming));
//! * such a secret travels with every delivery: serve the endpoint over HTTPS
//!   only, keep the URL out of access logs (many servers log the query string),
//!   and rotate it with `with_secret` when it may have leaked;
//! * it proves the sender knew the URL, not that the vendor wrote the body:
//!   treat each event as a hint and read the envelope or session through the
//!   vendor's API ([`signplus::Event::envelope_id`](crate::signplus::Event::envelope_id),
//!   [`constellation::Data::signing_session_id`](crate::constellation::Data::signing_session_id))
//!   before acting on it;
//! * nothing identifies a delivery: deduplicate, and keep handlers idempotent.
//!
//! ### OneSpan Sign and SignNow
//!
//! Both authenticate with a credential in a header and sign no byte of the
//! body: OneSpan's callback key (sent as `Authorization: Basic <key>`, the
//! key itself), a bearer token your validator accepts, or a static header;
//! SignNow's static custom headers (`attributes.headers`), since SignNow
//! publishes no signature (its SDK's `secret_key` is undocumented and not
//! checked). Whoever sees one request can replay it or forge any body: serve
//! HTTPS only, keep the header out of logs (the crate never prints it),
//! deduplicate, and read the package or document through the vendor's API
//! before acting. SignNow also puts an access token in `meta.access_token`
//! unless the subscription sets `delete_access_token`: set it.
//!
//! ## Setup handshakes
//!
//! Some vendors send a request while the webhook is being registered, before
//! (or without) the credential the crate checks. Each plug-in recognises its
//! own by their **exact documented shape**, before identification and
//! authentication ([`Plugin::setup_request`](crate::plugin::Plugin::setup_request)),
//! and every entry point (`dispatch*`, `verify*`, `handle*`) returns the same
//! `Err`: never an event, never a callback, never a parse.
//!
//! | Vendor | Request | Recognised by | Answer | Why it gives nothing away |
//! |---|---|---|---|---|
//! | BoldSign | `Verification`, from "Add Webhook" → "Verify" | the header `X-BoldSign-Event: Verification` (exactly once) **and** a JSON object whose `event.eventType` is `Verification` without `data` | 200, signed or not, whatever secret is configured ([`SetupRequest`](crate::ErrorKind::SetupRequest)) | BoldSign sends it before the secret exists; it carries nothing to act on, and a body with `data` or without the header is checked as any event |
//! | DocuSeal | the dashboard's test webhook (HMAC verifier only) | no `X-Docuseal-Signature` header and an object `{"event_type": "form.completed", "timestamp": "…", "data": {…}}` | 400 [`UnsignedDashboardTest`](crate::ErrorKind::UnsignedDashboardTest) naming the test; 200 only with `docuseal::Verifier::dangerous_answer_unsigned_dashboard_test` | refused by default; the opt-in answers 200 to anyone's unsigned body of that shape, but delivers nothing |
//! | Zoho Sign | the "Test URL" button (HMAC verifier only; third-party report) | no `X-ZS-WEBHOOK-SIGNATURE` header and an object with a `requests` object and `notifications` | the same, with `zohosign::Verifier::dangerous_answer_unsigned_dashboard_test` | the same |
//! | Adobe Acrobat Sign | the GET verification of intent | `X-AdobeSign-ClientId` on a GET (pass requests other than POST to `intent_response_incoming`) | the client id echoed, after the configured credentials are checked ([`Webhooks::intent_response_incoming`](crate::Webhooks::intent_response_incoming)) | the client id is checked as for a delivery |
//!
//! A [`SetupRequest`](crate::ErrorKind::SetupRequest) error's
//! [`status`](crate::Error::status) is the vendor's expected 2xx and
//! [`Error::setup_response`](crate::Error::setup_response) the whole answer
//! (Fault [`Setup`](crate::Fault::Setup)); answer it and do nothing else.
//!
//! ## Unreadable verified deliveries
//!
//! A delivery whose authentication succeeded but whose body the typed model
//! cannot read below its top level (a deep boolean holding an unexpected
//! string) is [`Unreadable`](crate::ErrorKind::Unreadable): 503, so the
//! vendor retries, and logged as an error (feature `tracing`), unless
//! [`Handlers::on_unreadable`](crate::Handlers::on_unreadable) takes its
//! verified bytes. Only authenticated bytes are ever handed over: a payload
//! failure of `dispatch` is checked again by authenticating alone before it
//! is called unreadable. What is not JSON, not the vendor's top-level form,
//! nested past the limit, repeats a key, or breaks at the top level (what
//! identifies the event) stays a 400 `MalformedPayload`.
//!
//! ## What the crate guarantees, for every vendor
//!
//! * **Secure by default.** Only configured vendors are accepted, each
//!   authenticated or opted out by a method named `dangerous_…`; building
//!   refuses empty secrets, app ids and header names.
//! * **Constant time.** MACs are compared with `subtle`. Tokens, Basic user
//!   names and passwords are not compared raw (`subtle`'s slice comparison
//!   returns early on a length mismatch): the presented and the configured
//!   value are each reduced to an HMAC-SHA256 digest under a key drawn at
//!   random once per process, and the two digests are compared with `subtle`,
//!   so neither the configured value's content nor its length leaks through
//!   timing, and a token of the wrong length is refused exactly as a wrong
//!   one of the right length (`AuthenticationFailed`).
//! * **No secret in output.** [`Secret`](crate::Secret), verifiers, API keys,
//!   deliveries, handlers and stores redact secrets in `Debug`/`Display`; no
//!   error contains a secret or a token or password a request presented;
//!   payload errors quote the body on one bounded line (no forged log lines).
//! * **Bounded work on hostile input.** Bodies over the limit (1 MiB by default)
//!   are refused before any parsing or hashing; JSON nesting is limited; every
//!   header the check reads must appear once (a duplicated or conflicting
//!   signature header is refused, not resolved); timestamps are parsed strictly
//!   and compared without overflow; the signature is checked before the
//!   timestamp. The parsers and verifiers are fuzzed (`fuzz/`).
//! * **Typed errors, suggested statuses.** Each refusal is an
//!   [`ErrorKind`](crate::ErrorKind) with [`Error::status`](crate::Error::status):
//!   200 a setup handshake (answer [`Error::setup_response`](crate::Error::setup_response)),
//!   400 malformed, 401 unauthenticated, 403 another application, 413 too large,
//!   502/503 retry later (503 also for a verified delivery the model cannot read).
//!
//! ## What you must do
//!
//! 1. **Pass the raw body**, as bytes, before any JSON parsing, and the
//!    request's own headers (and URI, for query tokens).
//! 2. **Serve over HTTPS** and keep URL tokens out of logs.
//! 3. **Set your framework's body limit** at least as large as
//!    [`max_body_size`](crate::WebhooksBuilder::max_body_size), and answer
//!    fast (eSignGlobal waits 5 s): verify, queue, answer, then work.
//! 4. **Deduplicate** ([`Handlers::deduplicate_with`](crate::Handlers::deduplicate_with)):
//!    every vendor delivers at least once, and eSignGlobal retries up to 16
//!    times. Use a shared store (`RedisStore`, feature `redis`) behind a load
//!    balancer. Never deduplicate a vendor configured with
//!    `dangerous_accept_unverified`: anyone could then send a copy of a future
//!    event first and have the real one skipped.
//! 5. **Confirm state through the vendor's API** before an irreversible action
//!    (releasing goods, signing a contract) for vendors that do not sign, and
//!    for eSignGlobal until its scheme is confirmed.
//! 6. **Rotate** secrets with `with_secret` (both are accepted during the
//!    change), and watch [`Verified::key_index`](crate::verify::Verified::key_index)
//!    to know when the old one is no longer used.
//! 7. **Do not log** raw bodies or request headers in production: they can
//!    hold URL tokens, Basic credentials, Ignisign tokens and signers' personal
//!    data. Log [`Error`](crate::Error)s and [`Report`](crate::Report)s instead.
