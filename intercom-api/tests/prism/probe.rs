//! Requests sent without the generated client (plain reqwest), to tell Prism's verdict on the
//! spec's own inputs apart from the client's encoding of them, and to send invalid requests.

use codegen::ir::Operation;
use intercom_api::conformance::Call;
use serde_json::Value;

/// What Prism answered.
pub struct Reply {
    /// The status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: String,
    /// The request violations Prism reported in `sl-violations`.
    pub violations: Vec<String>,
    /// The body.
    pub body: String,
}

impl Reply {
    /// Whether Prism rejected the request as invalid: a 422 `application/problem+json`, or an
    /// `sl-violations` entry about the request.
    pub fn rejected(&self) -> bool {
        self.status == 422 && self.content_type.starts_with("application/problem+json")
            || !self.violations.is_empty()
    }
}

/// The `sl-violations` entries whose `location` starts with `request`, as readable lines.
pub fn request_violations<'h>(
    headers: impl IntoIterator<Item = (&'h str, &'h str)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in headers {
        if !name.eq_ignore_ascii_case("sl-violations") {
            continue;
        }
        let entries: Vec<Value> = serde_json::from_str(value).unwrap_or_default();
        for entry in entries {
            let location = &entry["location"];
            if location[0] == "request" {
                out.push(format!("{location}: {}", entry["message"]));
            }
        }
    }
    out
}

/// How a raw request deviates from a well-formed one.
#[derive(Clone, Copy, Default)]
pub struct Tweaks<'a> {
    /// Leave out `Authorization`.
    pub no_auth: bool,
    /// Send this `Intercom-Version` instead of the operation's own (a wrong one, say).
    pub version: Option<&'a str>,
    /// The surface's `Intercom-Version`, for operations that do not demand their own.
    pub default_version: Option<&'a str>,
    /// Send this body instead of `call.body`.
    pub body: Option<&'a Value>,
    /// Leave out the required query parameters.
    pub drop_required_query: bool,
}

/// Sends `call` to `op` at `base` as the spec describes it, with `tweaks`.
pub async fn send(
    http: &reqwest::Client,
    base: &str,
    op: &Operation,
    call: &Call,
    tweaks: Tweaks<'_>,
) -> Reply {
    let mut path = String::new();
    let mut args = call.path.iter();
    for (i, part) in op.path.split('{').enumerate() {
        match part.split_once('}') {
            Some((name, rest)) if i > 0 => {
                let value = args.next().map(String::as_str).unwrap_or("");
                path.push_str(&intercom_api::runtime::segment(name, value).unwrap_or_default());
                path.push_str(rest);
            }
            _ => path.push_str(part),
        }
    }
    let method = reqwest::Method::from_bytes(op.method.as_bytes()).expect("an HTTP method");
    let mut request = http.request(method, format!("{base}{path}"));
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (name, value) in &call.query {
        let required = op
            .query_params
            .iter()
            .any(|p| &p.wire == name && p.required);
        if tweaks.drop_required_query && required {
            continue;
        }
        match value {
            Value::Object(map) => pairs.extend(map.iter().map(|(k, v)| (k.clone(), text(v)))),
            other => pairs.push((name.clone(), text(other))),
        }
    }
    request = request.query(&pairs);
    for (name, value) in &call.header_args {
        request = request.header(name.as_str(), text(value));
    }
    for (name, value) in &call.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    if !tweaks.no_auth {
        request = request.header("Authorization", "Bearer conformance-token");
    }
    request = request.header(
        "Intercom-Version",
        tweaks
            .version
            .or(op.version.as_deref())
            .or(tweaks.default_version)
            .unwrap_or(intercom_api::API_VERSION),
    );
    if let Some(body) = tweaks.body.or(call.body.as_ref()) {
        request = request
            .header("Content-Type", "application/json")
            .body(serde_json::to_vec(body).expect("JSON"));
    }
    let response = request.send().await.expect("Prism answers");
    let status = response.status().as_u16();
    let headers = response.headers();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let violations = request_violations(
        headers
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))),
    );
    let body = response.text().await.unwrap_or_default();
    Reply {
        status,
        content_type,
        violations,
        body,
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
