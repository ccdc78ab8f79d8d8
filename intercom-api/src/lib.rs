//! A typed client for the [Intercom REST API](https://developers.intercom.com/docs/references/rest-api/api.intercom.io),
//! generated from Intercom's OpenAPI description (version [`API_VERSION`]) and finished by hand
//! where generation cannot be ergonomic.
//!
//! This page is the guide: installing, authenticating, calling, paging, errors, retries, rate
//! limits, search, the hand-written workflows, webhooks, raw requests and the cargo features.
//!
//! # Install
//!
//! ```toml
//! [dependencies]
//! intercom-api = { git = "https://github.com/intercom-rs/intercom-rs" }
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! ```
//!
//! That is all the snippets on this page need: the stream traits the paginated calls use are
//! re-exported in [`prelude`], so `futures` is not needed. Any async runtime works; tokio is only
//! what the examples use for `main`.
//!
//! # A first program
//!
//! ```no_run
//! use intercom_api::models::CreateContactRequest;
//! use intercom_api::prelude::*;
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Error> {
//!     // An access token from the Developer Hub (your app → Authentication), or an OAuth token.
//!     let client = Client::new("my-access-token")?;
//!
//!     let me = client.admins().identify().send().await?;
//!     println!("signed in as {:?}", me.email);
//!
//!     let ada = CreateContactRequest::new().email("ada@example.com").name("Ada Lovelace");
//!     let created = client.contacts().create(ada).send().await?;
//!     let contact = client.contacts().find(&created.id).send().await?;
//!     println!("{} {:?}", contact.id, contact.email);
//!
//!     let mut conversations = std::pin::pin!(client.conversations().list().per_page(50).items());
//!     while let Some(conversation) = conversations.try_next().await? {
//!         println!("{}: {:?}", conversation.id, conversation.title);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! Every call is a method of a resource namespace (`client.contacts()`) that returns a request
//! builder: required arguments up front, optional ones as chained setters, then `.send().await`.
//! Request bodies are models with a `new(required fields)` constructor and one setter per
//! optional field (`clear_…` sends an explicit `null` where the API accepts one, see
//! [`Nullable`]).
//!
//! # Authentication and regions
//!
//! [`Client::new`] takes an access token and talks to the US region. Everything else is on
//! [`ClientBuilder`]:
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use intercom_api::{Client, ClientBuilder, Error, Region};
//!
//! # fn run() -> Result<(), Error> {
//! // A workspace hosted in Europe (Region::Au for Australia).
//! let eu = Client::builder("my-access-token").region(Region::Eu).build()?;
//!
//! // The token from INTERCOM_ACCESS_TOKEN, and the base URL from INTERCOM_BASE_URL when set
//! // (a proxy, a mock server).
//! let from_env = ClientBuilder::from_env()?
//!     .timeout(Duration::from_secs(30))
//!     .connect_timeout(Duration::from_secs(5))
//!     .build()?;
//!
//! // Another Intercom-Version for every request (the default is API_VERSION)...
//! let older = Client::builder("my-access-token").version("2.13").build()?;
//! # Ok(()) }
//! ```
//!
//! ... or for one request: every builder has `.intercom_version("2.13")`. The token is sent as a
//! bearer token, never logged, and `Debug` shows it as `<redacted>`.
//!
//! # Namespaces: the names of Intercom's SDKs
//!
//! The namespaces and method names are those of Intercom's own SDKs, so code ported from the
//! TypeScript or Python SDK reads the same: `client.contacts.find(…)` there is
//! `client.contacts().find(…)` here, `client.helpCenters.collections.list()` is
//! `client.help_centers().collections().list()`. The names are recorded, in snake case, in the
//! project's `spec/names.yaml` (taken from Intercom's own SDK definitions). An operation they do not
//! name is named by one rule (in the generator, `codegen/src/ir/sdk_names.rs`): the namespace its
//! tag's other operations use, and the operationId in snake case with its verb folded (`show`,
//! `retrieve`, `get` → `find`) and the resource's name dropped (in either number, with a
//! preposition it leaves at the end), so `ShowContactByExternalId` is
//! `contacts().find_by_external_id(…)`, `listConversationAttributes` is
//! `conversations_attributes().list()` and `attachTagToArticle` is `articles().attach_tag(…)`.
//!
//! The operationId stays searchable: each method carries it as a doc alias (type `ListContacts`
//! into the search box of these docs) and names it in its documentation, together with its HTTP
//! method and path. The [`operations`] module lists every namespace and builder (e.g.
//! [`operations::Contacts`]); the models of requests and responses are in [`models`].
//!
//! Ids are taken as [`IntoId`]: `&str`, `String`, `&String` or an integer, whatever the API calls
//! them. Where the API wants a number on the wire, a non-numeric id is an
//! [`Error::InvalidInput`] before anything is sent.
//!
//! # Pagination
//!
//! Every paginated call's builder also has `.pages()` (a [`Stream`](prelude::Stream) of
//! pages) and `.items()` (a stream of the items of every page), whatever the endpoint's kind of
//! paging (page numbers, cursors, cursors in the body, scrolls). `per_page` and the other
//! arguments are kept on every request, one page is held in memory at a time, and no request is
//! made after the last page.
//!
//! ```no_run
//! use intercom_api::prelude::*;
//!
//! # async fn run(client: &Client) -> Result<(), Error> {
//! // Everything into a Vec.
//! let contacts: Vec<_> = client.contacts().list().per_page(150).items().try_collect().await?;
//! println!("{} contacts", contacts.len());
//!
//! // One item at a time (the stream must be pinned to be polled by reference).
//! let mut companies = std::pin::pin!(client.companies().list().items());
//! while let Some(company) = companies.try_next().await? {
//!     println!("{:?}", company.name);
//! }
//!
//! // The first three pages.
//! let pages: Vec<_> = client.conversations().list().per_page(20).pages().take(3).try_collect().await?;
//! println!("fetched {} pages", pages.len());
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Every call returns `Result<_, `[`Error`]`>`:
//!
//! - [`Error::Api`]: Intercom answered with an error status (after any retries); the
//!   [`ApiFailure`] has the status, Intercom's decoded `error.list` ([`ApiError`]), the request
//!   id, the rate-limit figures and the raw body. A redirect is an `Api` error too, never
//!   followed (except where the answer is the redirect, like `calls().find_recording`).
//! - [`Error::RateLimited`]: rate limited, and the retries are spent; [`RateLimited`] says when
//!   the limit resets.
//! - [`Error::Transport`] and [`Error::Timeout`]: the request could not be sent or answered.
//! - [`Error::Decode`]: the body was not what the operation returns (see
//!   [Decoding](#decoding-what-intercom-really-sends)), with the JSON path and the start of the
//!   body.
//! - [`Error::InvalidInput`]: the arguments were rejected before sending (an empty id, a header
//!   with CR/LF, a search query Intercom would refuse).
//! - [`Error::TooLarge`]: a body beyond [`ClientBuilder::max_response_bytes`] (64 MiB by
//!   default, counted after decompression).
//!
//! [`Error::status`], [`Error::has_code`], [`Error::request_id`] and [`Error::is_retryable`]
//! answer the usual questions without matching:
//!
//! ```no_run
//! use intercom_api::runtime::StatusCode;
//! use intercom_api::{Client, Error};
//!
//! # async fn run(client: &Client) -> Result<(), Error> {
//! match client.contacts().find("6762f0dd1bb69f9f2193bb83").send().await {
//!     Ok(contact) => println!("found {:?}", contact.email),
//!     Err(e) if e.status() == Some(StatusCode::NOT_FOUND) => println!("no such contact"),
//!     Err(Error::RateLimited(limited)) => println!("try again at {:?}", limited.reset),
//!     Err(e) => {
//!         eprintln!("request {:?} failed", e.request_id());
//!         return Err(e);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # Retries
//!
//! The client retries what may succeed when sent again: 429 and 503 (Intercom's rate limits),
//! 500, 502 and 504, dropped connections, connections broken mid-body and timeouts — exactly the
//! errors for which [`Error::is_retryable`] is true. Waits grow exponentially with jitter; a
//! positive `Retry-After` or `X-RateLimit-Reset` from the server is honoured. GET, PUT, DELETE and
//! the read-only searches are retried; other POSTs only when asked, since repeating them could
//! do the work twice — except after a 429, which Intercom sends before processing anything. The
//! retry count, the longest wait and the total wait are a [`RetryPolicy`]; one deadline
//! ([`ClientBuilder::deadline`], 2 minutes by default) bounds each call, attempts and waits
//! together.
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use intercom_api::models::CreateOrUpdateTagRequest;
//! use intercom_api::{Client, Error, RetryPolicy};
//!
//! # async fn run() -> Result<(), Error> {
//! let client = Client::builder("my-access-token")
//!     .retry_policy(RetryPolicy { max_retries: 5, ..RetryPolicy::default() })
//!     .deadline(Duration::from_secs(300))
//!     .build()?;
//!
//! // Creating a tag by name is safe to repeat: let this POST be retried too.
//! let tag = client
//!     .tags()
//!     .create(CreateOrUpdateTagRequest::new("VIP"))
//!     .retry_non_idempotent()
//!     .send()
//!     .await?;
//! println!("{:?}", tag);
//! # Ok(()) }
//! ```
//!
//! `RetryPolicy::never()` turns retrying off; `RetryPolicy { retry_non_idempotent: true, .. }`
//! retries every POST.
//!
//! # Rate limiting
//!
//! Clones of a [`Client`] share one rate limiter, which paces requests by the `X-RateLimit-*`
//! figures of the responses: the budget left in the current window is spread over the time left
//! in it, so many tasks sharing a client do not run into 429s together. A request still waiting
//! when its slot's window has ended (its process stalled) takes a new slot, rather than land in
//! the next window beyond that window's budget. It is on by default;
//! [`ClientBuilder::rate_limiter`]`(false)` turns it off, and [`Client::rate_limit_status`] shows
//! what it knows ([`RateLimitStatus`]: the limit, the budget left, the time spent waiting).
//!
//! ```no_run
//! # fn run(client: &intercom_api::Client) {
//! let status = client.rate_limit_status();
//! println!(
//!     "{:?} requests left of {:?}; waited {:?} in all",
//!     status.budget, status.limit, status.total_wait
//! );
//! # }
//! ```
//!
//! Intercom's limits belong to the app, not to a process. With the `redis` feature,
//! `ClientBuilder::shared_rate_limit` keeps the limiter's window in Redis, so that every
//! process using the same app takes its slots from one budget; each response's figures are
//! written back, so all of them follow the server's view. When Redis is unreachable, slow
//! (`ClientBuilder::shared_rate_limit_timeout`) or restarted, requests are paced by the
//! client's own limiter, with one `tracing` warning per outage and no error;
//! [`RateLimitStatus::shared`] tells which limiter is in use.
//!
//! ```no_run
//! # #[cfg(feature = "redis")]
//! # fn run() -> Result<intercom_api::Client, intercom_api::Error> {
//! use intercom_api::{Client, SharedKey};
//!
//! Client::builder("token")
//!     .shared_rate_limit("redis://127.0.0.1:6379", SharedKey::TokenHash)
//!     .build()
//! # }
//! ```
//!
//! # Decoding what Intercom really sends
//!
//! Responses are decoded as Intercom really sends them, not only as the spec says. Fields the API
//! always sends are plain values (`contact.id` is a `String`, not an `Option`), and numbers sent
//! where the spec declares strings (ids, mostly) are read as text. A value that still does not
//! fit its type does not fail the whole response: it is left out (an optional field reads `None`,
//! a list item is skipped, an always-present field takes its default), logged as a `tracing`
//! warning, and reported by `.send_with_warnings()`, which returns a [`Decoded`] with the
//! value and a [`DecodeWarning`] per place (its JSON path, what was done, what was expected
//! and what came). Nothing is adjusted without a warning: an always-present field the server
//! left out or sent as `null` is defaulted with one, and a value left out inside a union
//! that has no tag (a response that is one of several shapes) is named like any other, with
//! the union keeping the shape it fits best. Only a value that fits none of a union's
//! shapes is kept whole, as JSON, in its `Unknown` variant. Webhook notifications report
//! their warnings with the same type:
//!
//! ```no_run
//! # async fn run(client: &intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let decoded = client.conversations().find("123").send_with_warnings().await?;
//! for warning in &decoded.warnings {
//!     eprintln!("left out: {warning}");
//! }
//! let conversation = decoded.value;
//! println!("{:?}", conversation.title);
//! # Ok(()) }
//! ```
//!
//! [`ClientBuilder::strict_decoding`]`(true)` makes any such value an [`Error::Decode`] instead.
//! A body that is not JSON, or whose top level is the wrong kind, is always an error. With the
//! `serialize` feature the response models implement `Serialize` too, to cache or forward them.
//!
//! # Search
//!
//! [`search`] builds the queries of the contact, conversation and ticket search endpoints from
//! typed fields, so the compiler rejects a value of the wrong type or an operator the field does
//! not take, and the limits Intercom enforces (nesting, group sizes) are checked before sending.
//! A field whose values are an enum of the [`models`] (`state`, `priority`, contacts' `role`)
//! takes that enum ([`search::kinds::Enum`]): a value a new API version removed stops compiling.
//! The search call of the resource (`contacts()`, `conversations()`, `tickets()`) takes its
//! [`search::Search`] (a query of another resource does not compile) and pages through the
//! results like any list:
//!
//! ```no_run
//! use intercom_api::models::{ConversationPriority, ConversationState};
//! use intercom_api::prelude::*;
//! use intercom_api::search::{and, or, ConversationField as F, Order, Search};
//!
//! # async fn run(client: &Client) -> Result<(), Error> {
//! let open_for_me = Search::new(and([
//!     F::STATE.eq(ConversationState::Open),
//!     F::ADMIN_ASSIGNEE_ID.eq(991267459),
//!     or([
//!         F::PRIORITY.is_in([ConversationPriority::High, ConversationPriority::Urgent]),
//!         F::CONVERSATION_RATING_SCORE.lt(3),
//!     ]),
//! ]))
//! .per_page(20)
//! .sort(F::UPDATED_AT, Order::Descending);
//! let conversations: Vec<_> = client.conversations().search(open_for_me).items().try_collect().await?;
//! println!("{} open conversations assigned to me", conversations.len());
//! # Ok(()) }
//! ```
//!
//! # Workflows
//!
//! Common workflows that take several fields to express as generated calls have short methods
//! in the namespaces they belong to, written by hand in [`wrappers`]: replying, noting,
//! assigning, snoozing, closing and tagging a conversation, tickets, messages, events, article
//! drafts, companies and tags. Each is one call that builds the request body and returns the
//! usual request builder. The [`wrappers`] page lists them, and `examples/` in the repository
//! has a program per workflow (`cargo run --example conversation_lifecycle`).
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use intercom_api::wrappers::ContactRef;
//!
//! # async fn run(client: &intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let (id, admin) = ("12345678", 991267459);
//! let conversations = client.conversations();
//! conversations.reply_as_admin(id, admin, "Thanks, we are on it.").send().await?;
//! conversations.note(id, admin, "<p>Root cause: a stale cache.</p>").send().await?;
//! conversations.assign_to_team(id, admin, 814).send().await?;
//! conversations.snooze_for(id, admin, Duration::from_secs(3600)).send().await?;
//! conversations.close(id, admin, Some("Solved, closing.")).send().await?;
//! for (kind, part) in conversations.find(id).send().await?.parts() {
//!     println!("{kind:?}: {:?}", part.body);
//! }
//! client.events().track("order-completed", ContactRef::user_id(314159)).send().await?;
//! # Ok(()) }
//! ```
//!
//! # Webhooks
//!
//! With the `webhooks` feature, the `intercom_api::webhooks` module checks the `X-Hub-Signature`
//! Intercom signs each notification with (HMAC-SHA1 of the raw body with your app's client secret,
//! compared in constant time), and decodes the notification into a topic and the generated
//! models. It works with any web framework: give it the body exactly as it arrived.
//!
//! ```toml
//! intercom-api = { git = "https://github.com/intercom-rs/intercom-rs", features = ["webhooks"] }
//! ```
//!
//! ```no_run
//! use intercom_api::webhooks::{verify_and_parse, Item, Topic};
//!
//! /// Returns the HTTP status to answer with.
//! fn on_delivery(client_secret: &[u8], x_hub_signature: &str, raw_body: &[u8]) -> u16 {
//!     let notification = match verify_and_parse(client_secret, raw_body, x_hub_signature) {
//!         Ok(notification) => notification,
//!         Err(e) if e.is_signature_error() => return 401,
//!         Err(_) => return 400,
//!     };
//!     if let (Topic::ConversationUserCreated, Item::Conversation(conversation)) =
//!         (&notification.topic, notification.item())
//!     {
//!         println!("{}: new conversation {}", notification.id, conversation.id);
//!     }
//!     200
//! }
//! ```
//!
//! The item is decoded as responses are: what did not fit is in `notification.warnings`, the
//! same [`DecodeWarning`]s, with paths from the notification (`data.item.…`). The module's
//! page (build the docs with `--features webhooks`) explains deduplication and answering in
//! time; `examples/webhook_receiver.rs` is a complete axum receiver.
//!
//! # Anything else: raw requests and downloads
//!
//! [`Client::raw`] sends any method to any path — an endpoint newer than the pinned spec, or a
//! preview version — through the same authentication, retries, rate limiting and errors:
//!
//! ```no_run
//! use intercom_api::models::Conversation;
//! use intercom_api::runtime::Method;
//!
//! # async fn run(client: &intercom_api::Client) -> Result<(), intercom_api::Error> {
//! let conversation: Conversation = client
//!     .raw(Method::GET, "/conversations/123")
//!     .query("display_as", "plaintext")
//!     .intercom_version("Unstable")
//!     .send_json()
//!     .await?;
//! println!("{:?}", conversation.title);
//! # Ok(()) }
//! ```
//!
//! Binary answers (`data_export().download(job)`) are a [`Download`], whose body is streamed.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | one per top-level namespace: `contacts`, `conversations`, `tickets`, `help_centers`, … | all, through `all-resources` | that namespace's operations and the models they reach |
//! | `all-resources` | yes | every namespace, and the models no operation reaches (objects only webhooks send, such as `FinAgentRepliedEvent`) |
//! | `webhooks` | no | `intercom_api::webhooks` (turns every namespace on) |
//! | `preview` | no | [`preview`]: Intercom's Preview API as typed namespaces under `client.preview()` |
//! | `serialize` | no | `Serialize` for response models |
//! | `chrono`, `time` | no | conversions between [`Timestamp`] and their date-time types |
//! | `redis` | no | a rate limit shared by many processes through Redis (`ClientBuilder::shared_rate_limit`); re-exports the `redis` crate |
//! | `operation-tables` | no | hidden tables for the `intercom-mcp` crate (every operation's input schema, a call-by-id table); not covered by semver |
//! | `testing` | no | hidden test support for this project's tests; not covered by semver |
//!
//! To compile only what you use, turn the defaults off and name the namespaces:
//!
//! ```toml
//! intercom-api = { git = "https://github.com/intercom-rs/intercom-rs", default-features = false, features = ["conversations"] }
//! ```
//!
//! Each resource of [`search`] needs the feature of its namespace (`contacts`,
//! `conversations`, `tickets`); each workflow in [`wrappers`] needs the feature of the namespace
//! it extends (tagging a conversation also needs `tags`).
//!
//! # Versions
//!
//! The crate follows semver; while it is 0.x, a release with a change the changelog classes as
//! breaking raises the minor version. It is generated from Intercom's API version
//! [`API_VERSION`] (pinned in the repository's `spec/pin.toml`), sent as `Intercom-Version` by
//! default; a move to another API version is in the changelog, breaking changes first. See the
//! README's "Versions and packaging".
//!
//! # Tracing
//!
//! Each request is a `tracing` span (method, path template, operation) with an event per attempt
//! (status, request id, elapsed time); install any `tracing` subscriber to see them. The token is
//! never logged.
//!
//! # Modules
//!
//! - [`operations`]: the namespaces and request builders (generated).
//! - [`models`]: request and response types (generated).
//! - [`runtime`]: the client, requests, retries, pagination, errors (hand-written).
//! - [`search`]: typed search queries.
//! - [`wrappers`]: hand-written workflows.
//! - [`prelude`]: the client, the error and the stream traits in one import.
//! - `webhooks` (feature `webhooks`): verify and decode notifications.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[allow(missing_docs)]
#[rustfmt::skip]
mod generated;
mod paging;
pub mod prelude;
pub mod runtime;
pub mod search;
#[cfg(feature = "webhooks")]
pub mod webhooks;
pub mod wrappers;

pub use generated::{models, operations, API_VERSION};

/// Intercom's Preview API (feature `preview`): the operations of Intercom's Preview
/// description as typed namespaces under [`Client::preview`], with their own [`models`](preview::models).
///
/// Generated from `descriptions/0` of the pinned upstream commit by the same rules as the
/// stable surface, sharing its runtime (auth, retries, rate limiting, pagination, errors).
/// Every request sends `Intercom-Version:` [`preview::API_VERSION`] unless the request sets
/// another with `intercom_version`. Preview operations can change or disappear without a
/// version bump on Intercom's side.
///
/// ```no_run
/// # async fn run() -> Result<(), intercom_api::Error> {
/// let client = intercom_api::Client::new("token")?;
/// let admins = client.preview().admins().list().send().await?;
/// # let _ = admins;
/// # Ok(())
/// # }
/// ```
#[cfg(feature = "preview")]
#[allow(missing_docs)]
#[rustfmt::skip]
#[path = "generated/preview/mod.rs"]
pub mod preview;
/// The `redis` crate (feature `redis`), re-exported so that a [`redis::Client`] or
/// connection given to [`ClientBuilder::shared_rate_limit`] is of the version this crate uses.
#[cfg(feature = "redis")]
pub use redis;
pub use runtime::{
    ApiError, ApiErrorItem, ApiFailure, Client, ClientBuilder, DecodeWarning, Decoded, Download,
    Error, IntoId, Nullable, PageKind, RateLimit, RateLimitStatus, RateLimited, Region,
    RetryPolicy, Timestamp,
};
#[cfg(feature = "redis")]
pub use runtime::{SharedKey, SharedRedis};

/// Test support (feature `testing`, never on by default): every spec example decoded by name.
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use generated::examples;

/// Test support (feature `testing`, never on by default): every operation called from JSON
/// inputs, for the Prism conformance test.
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use generated::conformance;

/// Operation tables (feature `operation-tables`, for the `intercom-mcp` crate; not covered by
/// semver): every operation's inputs as JSON Schema.
#[cfg(feature = "operation-tables")]
#[doc(hidden)]
pub use generated::schemas;

/// Operation tables (feature `operation-tables`, for the `intercom-mcp` crate; not covered by
/// semver): every operation called by id from JSON inputs, its typed answer serialized back.
#[cfg(feature = "operation-tables")]
#[doc(hidden)]
pub use generated::dispatch;
