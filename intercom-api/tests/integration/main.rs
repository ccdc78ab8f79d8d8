//! intercom-api's integration tests, one module per topic, built as one test binary: each
//! binary links the whole generated crate, so one binary instead of thirty saves most of the
//! test build. Tests that need a process of their own stay apart: `env` (process environment),
//! `tracing` (call-site interest is cached per process), `gzip_bomb` (peak-memory figure),
//! `shared_rate_limit` (a global subscriber) and `prism` (Stoplight Prism's conformance run).

#[path = "../common/mod.rs"]
mod common;

mod client;
mod documented_enums;
mod example_lifecycle;
mod fuzz_responses;
mod manage_conversation;
mod optional_bodies;
mod pagination;
mod preview;
mod rate_limiter;
mod real_shapes;
mod retries;
mod salvage;
mod search_json;
mod search_limits;
mod search_stream;
mod spec_examples;
mod unions;
mod webhooks_fuzz;
mod webhooks_notifications;
mod webhooks_receiver;
mod webhooks_signature;
mod wrappers_companies;
mod wrappers_conversations;
mod wrappers_events;
mod wrappers_help_center;
mod wrappers_ids;
mod wrappers_messages;
mod wrappers_tags;
mod wrappers_tickets;
