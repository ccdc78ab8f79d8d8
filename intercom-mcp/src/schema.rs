//! Tool input schemas, made from the generated table of operation schemas
//! (`intercom_api::schemas`, written by `cargo xtask regen` from the spec): a curated tool
//! picks its flat parameters out of its operation's parameters and body (and of a second
//! operation's body for a second call), keeping the spec's types, enums and descriptions, and
//! puts the seed's shape on top (names, required flags, descriptions, JSON text); a tool of
//! `--all-operations` takes the operation's parameters and its body as `body`.

use intercom_api::schemas::{self, OperationSchema};
use serde_json::{json, Map, Value};

use crate::input::Slot;
use crate::tool::{Json, Param, Source, Tool};

/// A tool's input schema and how to read each parameter.
#[derive(Debug, Clone)]
pub struct Built {
    /// The JSON Schema object of the arguments.
    pub schema: Map<String, Value>,
    /// One slot per parameter.
    pub slots: Vec<Slot>,
}

/// The schema of a curated tool; an error names what the generated tables lack (a tool
/// pointing at an operation or property the spec does not have).
pub fn curated(tool: &Tool) -> Result<Built, String> {
    let op = find(tool.operation)?;
    let parameters = parse(op.parameters, op.id)?;
    let body = match op.body {
        Some(text) => parse(text, op.id)?,
        None => json!({}),
    };
    let body = match tool.variant {
        Some(title) => titled(&body, title).cloned().ok_or_else(|| {
            format!(
                "{}: the body of {} has no alternative `{title}`",
                tool.name, op.id
            )
        })?,
        None => body,
    };
    let mut builder = Builder::default();
    for param in tool.params {
        let picked = match param.source {
            Source::Path(wire) | Source::Query(wire) => pick(&parameters, &[wire]),
            Source::Body(at) => pick(&body, at),
            Source::Other(operation, at) => {
                let other = find(operation)?;
                let other_body = parse(other.body.unwrap_or("{}"), other.id)?;
                pick(&other_body, at)
            }
            Source::Hand(json_type) => Some(json!({"type": json_type})),
        };
        let picked = picked.ok_or_else(|| {
            format!(
                "{}: `{}` is not in the schema of {}",
                tool.name, param.name, op.id
            )
        })?;
        builder.add(param, picked);
    }
    Ok(builder.finish())
}

/// The schema of the tool calling `op` with its own parameters and a `body`.
pub fn operation(op: &OperationSchema) -> Result<Built, String> {
    let parameters = parse(op.parameters, op.id)?;
    let required: Vec<&str> = parameters["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut builder = Builder::default();
    if let Some(properties) = parameters["properties"].as_object() {
        for (name, schema) in properties {
            let path = op.path_params.contains(&name.as_str());
            builder.add_plain(
                name,
                schema.clone(),
                required.contains(&name.as_str()),
                path,
            );
        }
    }
    if let Some(text) = op.body {
        let mut schema = parse(text, op.id)?;
        if let Some(object) = schema.as_object_mut() {
            object
                .entry("description")
                .or_insert_with(|| json!("The request body."));
        }
        builder.add_plain("body", schema, op.body_required, false);
    }
    Ok(builder.finish())
}

fn find(id: &str) -> Result<&'static OperationSchema, String> {
    schemas::find(id).ok_or_else(|| format!("no operation `{id}` in the generated schemas"))
}

fn parse(text: &str, id: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("the generated schema of {id} is not JSON: {e}"))
}

/// The alternative of a union schema titled `title`.
fn titled<'a>(schema: &'a Value, title: &str) -> Option<&'a Value> {
    if schema.get("title").and_then(Value::as_str) == Some(title) {
        return Some(schema);
    }
    alternatives(schema).find_map(|alt| titled(alt, title))
}

/// The schema at property path `at`, looking through `allOf` / `anyOf` / `oneOf`.
fn pick(schema: &Value, at: &[&str]) -> Option<Value> {
    let [first, rest @ ..] = at else {
        return Some(schema.clone());
    };
    if let Some(property) = schema.get("properties").and_then(|p| p.get(*first)) {
        return pick(property, rest);
    }
    alternatives(schema).find_map(|alt| pick(alt, at))
}

fn alternatives(schema: &Value) -> impl Iterator<Item = &Value> {
    ["allOf", "anyOf", "oneOf"]
        .into_iter()
        .filter_map(|key| schema.get(key).and_then(Value::as_array))
        .flatten()
}

/// The JSON types a schema allows (empty: any).
fn types(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

#[derive(Default)]
struct Builder {
    properties: Map<String, Value>,
    required: Vec<Value>,
    slots: Vec<Slot>,
}

impl Builder {
    /// A curated parameter: the picked schema with the seed's shape on top.
    fn add(&mut self, param: &Param, picked: Value) {
        let spec_description = picked
            .get("description")
            .and_then(Value::as_str)
            .map(String::from);
        let mut description = param.description.map(String::from).or(spec_description);
        let mut schema = match param.json {
            Json::No => picked,
            Json::Object | Json::Array | Json::List => {
                let mut content = picked;
                if let Some(object) = content.as_object_mut() {
                    object.remove("description");
                }
                json!({"type": "string", "contentMediaType": "application/json", "contentSchema": content})
            }
        };
        if param.json == Json::List {
            let text = description.unwrap_or_default();
            description = Some(
                format!("{text} (a JSON array, or a comma-separated list)")
                    .trim_start()
                    .to_string(),
            );
        }
        if param.truncate {
            schema["type"] = json!("number");
        }
        if let Some(note) = param.note {
            description = Some(match description {
                Some(text) if text.ends_with(['.', ')', '!', '?']) => format!("{text} {note}"),
                Some(text) => format!("{text}. {note}"),
                None => note.to_string(),
            });
        }
        if let (Some(object), Some(text)) = (schema.as_object_mut(), description) {
            object.insert("description".into(), Value::String(text));
        }
        self.slots.push(Slot {
            name: param.name.to_string(),
            types: types(&schema),
            required: param.required,
            json: param.json,
            truncate: param.truncate,
            path: matches!(param.source, Source::Path(_)),
        });
        self.insert(param.name, schema, param.required);
    }

    /// A parameter taken as the spec describes it.
    fn add_plain(&mut self, name: &str, schema: Value, required: bool, path: bool) {
        self.slots.push(Slot {
            name: name.to_string(),
            types: types(&schema),
            required,
            json: Json::No,
            truncate: false,
            path,
        });
        self.insert(name, schema, required);
    }

    fn insert(&mut self, name: &str, schema: Value, required: bool) {
        self.properties.insert(name.to_string(), schema);
        if required {
            self.required.push(Value::String(name.to_string()));
        }
    }

    fn finish(self) -> Built {
        let mut schema = Map::new();
        schema.insert("type".into(), json!("object"));
        schema.insert("properties".into(), Value::Object(self.properties));
        schema.insert("required".into(), Value::Array(self.required));
        schema.insert("additionalProperties".into(), json!(false));
        Built {
            schema,
            slots: self.slots,
        }
    }
}
