//! Why a tool call failed, as a tool error an agent can act on: Intercom's error list (code,
//! message), the HTTP status, the request id, and what to do about it (the advice of seed
//! 004's error table); or the parameter an argument was refused for, before anything was sent.

use std::fmt;

use intercom_api::Error;
use rmcp::model::{CallToolResult, ContentBlock};
use serde_json::{json, Map, Value};

/// A failed tool call.
#[derive(Debug)]
pub struct Failure {
    what: What,
    /// What the tool had already done (e.g. the contact it created before attaching failed).
    context: Option<String>,
}

#[derive(Debug)]
enum What {
    /// An argument was refused before any request.
    Invalid { parameter: String, message: String },
    /// The client's error.
    Client(Error),
    /// A bug of this server.
    Internal(String),
}

impl Failure {
    /// Argument `parameter` is refused.
    pub fn invalid(parameter: &str, message: impl Into<String>) -> Failure {
        Failure {
            what: What::Invalid {
                parameter: parameter.to_string(),
                message: message.into(),
            },
            context: None,
        }
    }

    /// Something this server got wrong.
    pub fn internal(message: impl Into<String>) -> Failure {
        Failure {
            what: What::Internal(message.into()),
            context: None,
        }
    }

    /// The failure of a group's `call` for a tool name it does not know (a registry bug).
    pub fn unknown_tool(name: &str) -> Failure {
        Failure::internal(format!("no handler for tool `{name}`"))
    }

    /// Adds what was already done before the failure.
    pub fn context(mut self, text: impl Into<String>) -> Failure {
        self.context = Some(text.into());
        self
    }

    /// The tool error: a text for the agent and the same facts as structured content.
    pub fn into_result(self) -> CallToolResult {
        let text = self.to_string();
        let mut facts = Map::new();
        match &self.what {
            What::Invalid { parameter, message } => {
                facts.insert("error".into(), json!("invalid_arguments"));
                facts.insert("parameter".into(), json!(parameter));
                facts.insert("message".into(), json!(message));
                facts.insert(
                    "advice".into(),
                    json!(
                        "Fix this argument and call the tool again; nothing was sent to Intercom."
                    ),
                );
            }
            What::Client(error) => client_facts(error, &mut facts),
            What::Internal(message) => {
                facts.insert("error".into(), json!("internal"));
                facts.insert("message".into(), json!(message));
            }
        }
        if let Some(context) = &self.context {
            facts.insert("context".into(), json!(context));
        }
        let mut result = CallToolResult::error(vec![ContentBlock::text(text)]);
        result.structured_content = Some(Value::Object(facts));
        result
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure {
            what: What::Client(error),
            context: None,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(context) = &self.context {
            write!(f, "{context}; then ")?;
        }
        match &self.what {
            What::Invalid { parameter, message } => {
                write!(f, "`{parameter}`: {message} (nothing was sent to Intercom)")
            }
            What::Internal(message) => write!(f, "internal error of intercom-mcp: {message}"),
            What::Client(error) => {
                match error.status() {
                    Some(status) => write!(f, "Intercom answered {status}")?,
                    None => write!(f, "{}", kind_text(error))?,
                }
                if let Some(list) = error.api_error() {
                    for item in &list.errors {
                        let code = item.code.as_deref().unwrap_or("error");
                        let message = item.message.as_deref().unwrap_or("");
                        write!(f, "; {code}: {message}")?;
                        if let Some(field) = &item.field {
                            write!(f, " (field `{field}`)")?;
                        }
                    }
                } else if let Error::InvalidInput(message) = error {
                    write!(f, ": {message}")?;
                }
                if let Some(id) = error.request_id() {
                    write!(f, " (request id {id})")?;
                }
                write!(f, ". {}", advice(error))
            }
        }
    }
}

/// The structured facts of a client error.
fn client_facts(error: &Error, facts: &mut Map<String, Value>) {
    facts.insert("error".into(), json!(kind_code(error)));
    if let Some(status) = error.status() {
        facts.insert("status".into(), json!(status.as_u16()));
    }
    if let Some(list) = error.api_error() {
        let errors: Vec<Value> = list
            .errors
            .iter()
            .map(|item| json!({"code": item.code, "message": item.message, "field": item.field}))
            .collect();
        facts.insert("errors".into(), Value::Array(errors));
    }
    if let Some(id) = error.request_id() {
        facts.insert("request_id".into(), json!(id));
    }
    if let Some(failure) = error.api_failure() {
        if let Some(wait) = failure.retry_after {
            facts.insert("retry_after_seconds".into(), json!(wait.as_secs()));
        }
    }
    if let Error::RateLimited(limited) = error {
        facts.insert("attempts".into(), json!(limited.attempts));
        if let Some(reset) = limited
            .reset
            .and_then(|r| r.duration_since(std::time::UNIX_EPOCH).ok())
        {
            facts.insert("rate_limit_reset".into(), json!(reset.as_secs()));
        }
    }
    if let Error::InvalidInput(message) = error {
        facts.insert("message".into(), json!(message));
    }
    facts.insert("advice".into(), json!(advice(error)));
}

fn kind_code(error: &Error) -> &'static str {
    match error {
        Error::Api(_) => "api_error",
        Error::RateLimited(_) => "rate_limited",
        Error::Transport(_) => "transport",
        Error::Timeout(_) => "timeout",
        Error::Decode(_) => "unexpected_answer",
        Error::InvalidInput(_) => "invalid_arguments",
        Error::TooLarge { .. } => "answer_too_large",
        _ => "error",
    }
}

fn kind_text(error: &Error) -> String {
    match error {
        Error::Transport(e) | Error::Timeout(e) => format!("the request failed: {e}"),
        Error::InvalidInput(_) => "the arguments were refused before sending".into(),
        other => other.to_string(),
    }
}

/// What to do about it: seed 004's error table, and the like for the other failures.
fn advice(error: &Error) -> String {
    if matches!(error, Error::RateLimited(_)) {
        return rate_limited(error);
    }
    let Some(status) = error.status() else {
        return match error {
            Error::InvalidInput(_) => "Fix the arguments and call the tool again.".into(),
            Error::Timeout(_) => "Intercom did not answer in time: wait and retry.".into(),
            _ => "Could not reach Intercom: check the network and INTERCOM_BASE_URL, then retry."
                .into(),
        };
    };
    match status.as_u16() {
        401 => "Invalid token: check INTERCOM_ACCESS_TOKEN is set and valid.".into(),
        403 => "Insufficient permissions: the token needs the scopes of this action (write scopes for changes).".into(),
        404 => "Resource not found: verify the ID (list or search to find it).".into(),
        422 => "Invalid request body: check required fields and types.".into(),
        429 => rate_limited(error),
        400 => "Bad request: check the arguments' values and formats.".into(),
        409 => "Conflict: fetch the resource's current state and retry.".into(),
        s if s >= 500 => "Intercom failed to handle the request: retry later.".into(),
        _ if matches!(error, Error::Decode(_)) => {
            "Intercom's answer did not match the expected model: report it with the request id."
                .into()
        }
        _ => "See Intercom's error list above.".into(),
    }
}

fn rate_limited(error: &Error) -> String {
    let mut text =
        String::from("Rate limited: wait and retry; Intercom's limit is 1000 requests a minute");
    let wait = error
        .api_failure()
        .and_then(|f| f.retry_after)
        .or_else(|| match error {
            Error::RateLimited(limited) => limited
                .reset
                .and_then(|r| r.duration_since(std::time::SystemTime::now()).ok()),
            _ => None,
        });
    if let Some(wait) = wait {
        text.push_str(&format!(" (wait about {} s)", wait.as_secs().max(1)));
    }
    text.push('.');
    text
}
