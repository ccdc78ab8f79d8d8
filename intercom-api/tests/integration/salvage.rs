//! Salvage decoding over every 2xx example of the pinned spec: replacing one field's value by a
//! value of another JSON type still decodes, with exactly one warning naming that field
//! (strict decoding: an `Error::Decode` naming it). Fields whose type takes any JSON (free-form
//! maps, open unions, properties the model does not know) accept the new value as it is; a
//! `null` in an example says nothing of its field's type and is left alone. A `null` in an
//! always-present field is defaulted with a warning, as a missing one is.

use intercom_api::examples::{decode_response, decode_type};
use intercom_api::runtime::Salvage;
use intercom_api::{DecodeWarning, Error};
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

/// The warnings of decoding `json` as the generated type `name` and the strict error's path,
/// or the warnings when there are none (strict decoding then succeeds too).
fn warnings_of(name: &str, json: &str) -> Result<(Vec<DecodeWarning>, String), Vec<DecodeWarning>> {
    let lenient = decode_type(name, json, false).unwrap_or_else(|| panic!("no type {name}"));
    let warnings = lenient.unwrap_or_else(|e| panic!("{json}: {e}"));
    match decode_type(name, json, true) {
        Some(Err(Error::Decode(d))) if !warnings.is_empty() => Ok((warnings, d.path.clone())),
        Some(Ok(strict)) if warnings.is_empty() && strict.is_empty() => Err(warnings),
        other => panic!("{json}: strict decoding gave {other:?} after {warnings:?}"),
    }
}

#[test]
fn a_null_in_an_always_present_field_is_defaulted_with_a_warning_like_a_missing_one() {
    let (warnings, strict) = warnings_of("AwayStatusReasonList", r#"{"type": null, "data": []}"#)
        .unwrap_or_else(|w| panic!("{w:?}"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].path, "type");
    assert_eq!(warnings[0].action, Salvage::Defaulted);
    assert_eq!(warnings[0].message, "null in always-present field `type`");
    assert_eq!(warnings[0].found.as_deref(), Some("null"));
    assert_eq!(warnings[0].expected(), Some("a value"));
    assert_eq!(strict, "type");

    let (missing, strict) =
        warnings_of("AwayStatusReasonList", r#"{"data": []}"#).unwrap_or_else(|w| panic!("{w:?}"));
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(
        (missing[0].path.as_str(), missing[0].action),
        ("type", Salvage::Defaulted)
    );
    assert_eq!(missing[0].message, "missing field `type`");
    assert_eq!(missing[0].found, None);
    assert_eq!(strict, "type");
}

#[test]
fn nulls_repeated_in_a_list_are_each_named_and_a_dropped_value_is_one_warning() {
    let admin = |id: &str, name: &str| {
        format!(
            r#"{{"type": "admin", "id": "{id}", "name": {name}, "email": "a@example.com",
                "away_mode_enabled": false, "away_mode_reassign": false}}"#
        )
    };
    let json = format!(
        r#"{{"type": "admin.list", "admins": [{}, {}, {}]}}"#,
        admin("1", "null"),
        admin("2", r#""Ann""#),
        admin("3", "null")
    );
    let clean = json.replace("null", r#""Bo""#);
    assert_eq!(warnings_of("AdminList", &clean).err(), Some(Vec::new()));
    let (warnings, strict) = warnings_of("AdminList", &json).unwrap_or_else(|w| panic!("{w:?}"));
    let places: Vec<(&str, Salvage, Option<&str>)> = warnings
        .iter()
        .map(|w| (w.path.as_str(), w.action, w.found.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            ("admins[2].name", Salvage::Defaulted, Some("null")),
            ("admins[0].name", Salvage::Defaulted, Some("null")),
        ]
    );
    assert_eq!(strict, "admins[2].name");

    // A value of the wrong type in an always-present field: dropped, defaulted, one warning.
    let (warnings, _) = warnings_of("AwayStatusReasonList", r#"{"type": {"a": 1}}"#)
        .unwrap_or_else(|w| panic!("{w:?}"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        (warnings[0].path.as_str(), warnings[0].action),
        ("type", Salvage::Dropped)
    );
    assert_eq!(warnings[0].found.as_deref(), Some(r#"{"a":1}"#));
}
