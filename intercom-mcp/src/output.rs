//! A tool's answer: the typed model serialized back (what the model knows, nothing added) as
//! structured content, and a short summary. The content also carries the JSON, for clients
//! that show agents only the text.

use rmcp::model::{CallToolResult, ContentBlock};
use serde::Serialize;
use serde_json::Value;

use crate::failure::Failure;

/// A successful tool call.
#[derive(Debug, Clone)]
pub struct Output {
    value: Value,
    summary: String,
}

impl Output {
    /// `model` as JSON, with a one-line summary.
    pub fn new<T: Serialize>(model: &T, summary: impl Into<String>) -> Result<Output, Failure> {
        let value = serde_json::to_value(model)
            .map_err(|e| Failure::internal(format!("the answer cannot be written as JSON: {e}")))?;
        Ok(Output::json(value, summary))
    }

    /// An answer already in JSON.
    pub fn json(value: Value, summary: impl Into<String>) -> Output {
        Output {
            value,
            summary: summary.into(),
        }
    }

    /// The MCP result: structured content when the answer is an object, and the text.
    pub fn into_result(self) -> CallToolResult {
        let mut content = vec![ContentBlock::text(self.summary)];
        if self.value.is_null() {
            return CallToolResult::success(content);
        }
        content.push(ContentBlock::text(self.value.to_string()));
        let mut result = CallToolResult::success(content);
        if self.value.is_object() {
            result.structured_content = Some(self.value);
        }
        result
    }
}

/// A page's summary: "20 contacts on this page, 130 in all." (`what` is "contacts"), or
/// without the total when the API does not give one.
pub fn page_summary(what: &str, count: usize, total: Option<i64>) -> String {
    match total {
        Some(total) => format!("{count} {what} on this page, {total} in all."),
        None => format!("{count} {what} on this page."),
    }
}
