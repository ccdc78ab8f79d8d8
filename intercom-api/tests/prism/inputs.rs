//! Valid inputs for every operation, derived from the spec: its request and parameter
//! examples where it has them, otherwise values built from the schemas.

use codegen::ir::{Operation, Param, TypeRef};
use intercom_api::conformance::Call;
use serde_json::{json, Map, Value};

/// One way to call an operation, and where its inputs came from.
pub struct Candidate {
    /// `example `name`` or `schema`.
    pub source: String,
    /// The inputs.
    pub call: Call,
}

/// The operation object of `op` in the (overridden) spec.
pub fn raw_operation<'a>(raw: &'a Value, op: &Operation) -> &'a Value {
    &raw["paths"][&op.path][op.method.to_lowercase()]
}

/// Follows a local `$ref`, if `value` is one.
pub fn resolve<'a>(raw: &'a Value, value: &'a Value) -> &'a Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(r) => raw
            .pointer(r.trim_start_matches('#'))
            .map(|v| resolve(raw, v))
            .unwrap_or(&Value::Null),
        None => value,
    }
}

/// The schema of parameter `wire` of `op`.
fn param_schema<'a>(raw: &'a Value, op: &Operation, wire: &str) -> &'a Value {
    let item = &raw["paths"][&op.path];
    let own = raw_operation(raw, op)["parameters"].as_array();
    let shared = item["parameters"].as_array();
    own.into_iter()
        .chain(shared)
        .flatten()
        .map(|p| resolve(raw, p))
        .find(|p| p["name"] == wire)
        .map(|p| resolve(raw, &p["schema"]))
        .unwrap_or(&Value::Null)
}

/// A parameter's example, unless it is an object or array for a scalar parameter (the spec
/// has `external_id` examples shaped like the whole query).
fn example(p: &Param) -> Option<Value> {
    let scalar = matches!(
        p.ty,
        TypeRef::String | TypeRef::Integer | TypeRef::Number | TypeRef::Boolean
    );
    p.example
        .clone()
        .filter(|v| !(scalar && (v.is_object() || v.is_array())))
}

/// An array parameter's example written as it goes on the wire (`style: form, explode: false`,
/// e.g. `"1,2,3"`), as the JSON array the call table takes.
fn comma_list(item: &TypeRef, text: &str) -> Value {
    text.split(',')
        .map(|part| match item {
            TypeRef::Integer => part
                .parse::<i64>()
                .map_or_else(|_| json!(part), Value::from),
            _ => json!(part),
        })
        .collect()
}

/// The candidates for `op`: each named request-body example, then one built from the schema
/// (when there is no body example the schema one is the only candidate).
pub fn candidates(raw: &Value, op: &Operation) -> Vec<Candidate> {
    let mut base = Call::default();
    for p in &op.path_params {
        let value = example(p).unwrap_or_else(|| synth(raw, param_schema(raw, op, &p.wire), 0));
        base.path.push(match value {
            Value::String(s) => s,
            other => other.to_string(),
        });
    }
    for p in &op.query_params {
        let value = match (example(p), p.required) {
            (Some(example), _) => example,
            (None, true) => synth(raw, param_schema(raw, op, &p.wire), 0),
            (None, false) => continue,
        };
        let value = match (&p.ty, value) {
            (TypeRef::String, Value::Number(n)) => Value::String(n.to_string()),
            (TypeRef::Array(item), Value::String(text)) => comma_list(item, &text),
            (_, value) => value,
        };
        base.query.insert(p.wire.clone(), value);
    }
    for p in op.header_params.iter().filter(|p| p.required) {
        let value = example(p).unwrap_or_else(|| synth(raw, param_schema(raw, op, &p.wire), 0));
        base.header_args.insert(p.wire.clone(), value);
    }
    let Some(_) = &op.body else {
        return vec![Candidate {
            source: "parameters".into(),
            call: base,
        }];
    };
    let mut out: Vec<Candidate> = op
        .request_examples
        .iter()
        .map(|(name, value)| Candidate {
            source: format!("example `{name}`"),
            call: Call {
                body: Some(value.clone()),
                ..base.clone()
            },
        })
        .collect();
    let schema = &raw_operation(raw, op)["requestBody"]["content"]["application/json"]["schema"];
    out.push(Candidate {
        source: "schema".into(),
        call: Call {
            body: Some(synth(raw, schema, 0)),
            ..base
        },
    });
    out
}

/// A value valid for `schema`: its example for scalars, else the first enum value or
/// alternative, and the required properties of objects.
pub fn synth(raw: &Value, schema: &Value, depth: usize) -> Value {
    synth_in(raw, schema, &Value::Null, depth)
}

/// `synth`, where `outer` holds the properties of an enclosing object whose `oneOf`/`anyOf`
/// alternative lists only `required` names.
fn synth_in(raw: &Value, schema: &Value, outer: &Value, depth: usize) -> Value {
    let schema = resolve(raw, schema);
    if depth > 12 {
        return Value::Null;
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    if let Some(parts) = schema["allOf"].as_array() {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(map) = synth_in(raw, part, outer, depth + 1) {
                merged.extend(map);
            }
        }
        return Value::Object(merged);
    }
    let alternative = ["oneOf", "anyOf"]
        .iter()
        .find_map(|k| schema[*k].as_array().and_then(|v| v.first()));
    let objectish = schema["type"] == "object"
        || schema.get("type").is_none()
            && (schema.get("properties").is_some() || schema.get("required").is_some());
    if objectish {
        let properties = if schema.get("properties").is_some() {
            &schema["properties"]
        } else {
            outer
        };
        let mut map = Map::new();
        for name in schema["required"].as_array().into_iter().flatten() {
            if let Some(name) = name.as_str() {
                let value = synth_in(raw, &properties[name], &Value::Null, depth + 1);
                map.insert(name.to_string(), value);
            }
        }
        if let Some(alternative) = alternative {
            if let Value::Object(extra) = synth_in(raw, alternative, properties, depth + 1) {
                map.extend(extra);
            }
        }
        return Value::Object(map);
    }
    if let Some(alternative) = alternative {
        return synth_in(raw, alternative, outer, depth + 1);
    }
    let kind = schema["type"].as_str().unwrap_or("");
    let formatted = kind == "string" && schema.get("format").is_some();
    if kind != "array" && !formatted {
        if let Some(example) = schema.get("example") {
            return example.clone();
        }
    }
    match kind {
        "array" => json!([synth_in(raw, &schema["items"], &Value::Null, depth + 1)]),
        "integer" => json!(schema["minimum"].as_i64().unwrap_or(1).max(1)),
        "number" => json!(schema["minimum"].as_f64().unwrap_or(1.0).max(1.0)),
        "boolean" => json!(true),
        "string" => json!(match schema["format"].as_str() {
            Some("date-time") => "2024-01-01T00:00:00Z",
            Some("date") => "2024-01-01",
            Some("email") => "jane@example.com",
            Some("uri" | "url") => "https://example.com/",
            Some("uuid") => "123e4567-e89b-12d3-a456-426614174000",
            _ => "123",
        }),
        _ => json!("123"),
    }
}
