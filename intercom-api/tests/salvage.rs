//! Salvage decoding over every 2xx example of the pinned spec: replacing one field's value by a
//! value of another JSON type still decodes, with exactly one warning naming that field
//! (strict decoding: an `Error::Decode` naming it). Fields whose type takes any JSON (free-form
//! maps, open unions, properties the model does not know) accept the new value as it is; a
//! `null` in an example says nothing of its field's type and is left alone.

use intercom_api::examples::decode_response;
use intercom_api::Error;
use serde_json::Value;

fn api() -> codegen::ir::Api {
    let options = codegen::testing::options(intercom_api::API_VERSION);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"))
}

/// Every object property in `value`, as (path, value) in the client's path format.
fn fields(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.push(path.clone());
                fields(child, &path, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                fields(child, &format!("{prefix}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The value at a path of the client's format (`a.b[0].c`); keys here contain no dots.
fn at<'v>(root: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut node = root;
    for part in path.split('.') {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        node = node.get_mut(key)?;
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            node = node.get_mut(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(node)
}

/// A value of another JSON type: objects become a string, everything else an object.
fn other_type(value: &Value) -> Value {
    match value {
        Value::Object(_) => Value::String("mutated".into()),
        _ => serde_json::json!({"mutated": [1]}),
    }
}

#[test]
fn every_single_field_mutation_of_every_example_is_salvaged() {
    let api = api();
    let mut salvaged = 0;
    let mut accepted = 0;
    let mut nulls = 0;
    let mut failures = Vec::new();
    for op in &api.operations {
        for (name, example) in &op.response_examples {
            if !example.is_object() {
                continue;
            }
            let mut paths = Vec::new();
            fields(example, "", &mut paths);
            for path in paths {
                let mut mutated = example.clone();
                let Some(slot) = at(&mut mutated, &path) else {
                    failures.push(format!("{} `{name}`: cannot reach {path}", op.id));
                    continue;
                };
                if slot.is_null() {
                    nulls += 1;
                    continue;
                }
                *slot = other_type(slot);
                let json = mutated.to_string();
                let lenient = decode_response(&op.id, &json, false);
                let strict = decode_response(&op.id, &json, true);
                match (lenient, strict) {
                    (Some(Ok(warnings)), Some(Ok(strict_warnings)))
                        if warnings.is_empty() && strict_warnings.is_empty() =>
                    {
                        accepted += 1
                    }
                    (Some(Ok(warnings)), Some(Err(Error::Decode(d))))
                        if warnings.len() == 1 && warnings[0].path == path && d.path == path =>
                    {
                        salvaged += 1
                    }
                    (lenient, strict) => failures.push(format!(
                        "{} `{name}` {path}: lenient {lenient:?}; strict {strict:?}",
                        op.id
                    )),
                }
            }
        }
    }
    let total = salvaged + failures.len();
    println!(
        "salvaged {salvaged}/{total} single-field mutations \
         ({accepted} more were valid for a field that takes any JSON, {nulls} nulls left alone)"
    );
    assert!(
        failures.is_empty(),
        "{} mutation(s) not salvaged:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(salvaged > 1000, "only {salvaged} mutations salvaged");
}
