//! Where the derived inputs or Prism itself need help, each with the reason. An entry naming
//! an operation the spec no longer has fails the test.

use intercom_api::conformance::Call;
use serde_json::{json, Map, Value};

/// A hand-written input: operation id, why, and the call.
pub struct Fix {
    /// The operation id.
    pub id: &'static str,
    /// Why the derived inputs do not do.
    pub reason: &'static str,
    /// The inputs to send instead (tried first).
    pub call: Call,
}

/// A derived input the client cannot send although Prism accepts it: a known disagreement,
/// skipped (and printed) until the generator handles it.
pub struct Known {
    /// The operation id.
    pub id: &'static str,
    /// The candidate's source, e.g. ``example `successful` ``.
    pub source: &'static str,
    /// What the client gets wrong.
    pub reason: &'static str,
}

/// Every hand-written input.
pub fn fixes() -> Vec<Fix> {
    let single_filter = json!({
        "query": {"field": "created_at", "operator": ">", "value": "1306054154"},
        "pagination": {"per_page": 5}
    });
    ["SearchContacts", "searchConversations", "searchTickets"]
        .into_iter()
        .map(|id| Fix {
            id,
            reason: "Prism rejects the spec's own search examples and the schema-built `{}` query \
                (a multiple-filter object also matches the single-filter `oneOf` alternative); \
                a single-filter query",
            call: Call {
                body: Some(single_filter.clone()),
                ..Call::default()
            },
        })
        .collect()
}

/// Operations whose request body Prism 5.14.2 does not validate at all: it logs "The request
/// passed the validation rules" for any body, even a bare string. Bisected to the
/// `translated_content` locale map (with it removed from the body schema Prism validates);
/// the cause inside Prism was not found. For these the client's body is still sent and must
/// be answered, but invalid-request checks are not expected to fail, and a spec example the
/// client refuses (such as createCollection's `bad_request` without the required `name`) is
/// not held against the client. `stageArticleDraft` (2.16) sends `update_article_request`,
/// the body of `updateArticle`.
pub const PRISM_UNVALIDATED_BODIES: &[&str] = &[
    "createArticle",
    "updateArticle",
    "stageArticleDraft",
    "createCollection",
    "updateCollection",
];

/// Every known disagreement (none at the moment; an entry skips that candidate input).
pub const KNOWN: &[Known] = &[];

/// Preview operations Prism rejects even when sent exactly as the Preview description's own
/// examples and schemas say: the description disagrees with itself, so there is nothing the
/// client could send. Each is listed in the summary with this reason.
pub const PREVIEW_UNVALIDATABLE: &[(&str, &str)] = &[
    (
        "searchCompanies",
        "the description's only request example uses an operator and value its own \
         `search_request` schema forbids, and no other input is given",
    ),
    (
        "createConversation",
        "Prism answers 422 without naming a violation to the description's own examples and \
         to a body built from its schema",
    ),
    (
        "uploadEcommerceCatalog",
        "a multipart/form-data upload; the description's examples are multipart parts that \
         Prism's validator does not accept as given",
    ),
];

/// The spec as given to Prism: the client's spec with workarounds for Prism's own limits.
///
/// Prism 5.14 builds a `style: form, explode: true` object parameter from the top-level
/// `properties` of its schema only, so an object whose properties are declared inside `oneOf`
/// alternatives (`GET /events`'s `filter`) is always empty to it and every request is
/// rejected. The alternatives' properties are copied up; the `oneOf` still applies.
///
/// Prism's validator (ajv) refuses to compile a schema holding `nullable` without a sibling
/// `type` ("nullable cannot be used without type"), and Prism then skips validating that
/// request body altogether (seen on the help-center article and collection bodies). OpenAPI
/// 3.0.3 gives such a `nullable` no effect, so it is dropped.
pub fn prism_spec(raw: &Value) -> Value {
    let mut spec = raw.clone();
    drop_untyped_nullable(&mut spec);
    let Some(paths) = spec["paths"].as_object_mut() else {
        return spec;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for op in item.values_mut() {
            let params = op.get_mut("parameters").and_then(Value::as_array_mut);
            for param in params.into_iter().flatten() {
                let schema = &mut param["schema"];
                if param_is_exploded_one_of(schema) {
                    let mut merged = Map::new();
                    for alt in schema["oneOf"].as_array().into_iter().flatten() {
                        if let Some(props) = alt["properties"].as_object() {
                            merged.extend(props.clone());
                        }
                    }
                    schema["properties"] = Value::Object(merged);
                }
            }
        }
    }
    spec
}

fn param_is_exploded_one_of(schema: &Value) -> bool {
    schema["type"] == "object" && schema.get("properties").is_none() && schema["oneOf"].is_array()
}

/// Removes `nullable` from every schema object that has no `type` (where it means nothing).
fn drop_untyped_nullable(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("nullable") == Some(&Value::Bool(true)) && !map.contains_key("type") {
                map.remove("nullable");
            }
            map.values_mut().for_each(drop_untyped_nullable);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_untyped_nullable),
        _ => {}
    }
}
