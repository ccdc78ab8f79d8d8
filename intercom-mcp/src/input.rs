//! A tool call's arguments, checked against the tool's input schema before anything is sent:
//! unknown names, missing required parameters, wrong types and JSON text that does not parse
//! are refused naming the parameter. Then the tool reads them by name, or assembles its
//! request body from them and decodes it into the generated request type.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::failure::Failure;
use crate::tool::{Json, Param, Source};

/// How one parameter is read, beyond its schema.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The parameter name.
    pub name: String,
    /// The schema's JSON types (`string`, `integer`, …; empty when any value goes).
    pub types: Vec<String>,
    /// Whether the agent must give it.
    pub required: bool,
    /// Given as JSON text.
    pub json: Json,
    /// Any number, truncated to an integer.
    pub truncate: bool,
    /// A path parameter: a non-empty id.
    pub path: bool,
}

/// The checked arguments of one call.
#[derive(Debug, Clone)]
pub struct Input {
    values: Map<String, Value>,
    params: &'static [Param],
}

/// Checks `arguments` against `slots` and returns them ready to use (JSON text parsed,
/// numbers given as text read as numbers and the like), or the first problem found.
pub fn check(
    slots: &[Slot],
    params: &'static [Param],
    arguments: Option<Map<String, Value>>,
) -> Result<Input, Failure> {
    let arguments = arguments.unwrap_or_default();
    if let Some(unknown) = arguments
        .keys()
        .find(|name| !slots.iter().any(|s| &s.name == *name))
    {
        let known: Vec<&str> = slots.iter().map(|s| s.name.as_str()).collect();
        let known = if known.is_empty() {
            "this tool takes no parameters".to_string()
        } else {
            format!("the parameters are: {}", known.join(", "))
        };
        return Err(Failure::invalid(
            unknown,
            format!("unknown parameter; {known}"),
        ));
    }
    let mut values = Map::new();
    for slot in slots {
        let value = arguments
            .get(&slot.name)
            .filter(|v| !v.is_null() || slot.types.iter().any(|t| t == "null"));
        match value {
            Some(value) => {
                let value = read(slot, value.clone())?;
                values.insert(slot.name.clone(), value);
            }
            None if slot.required => {
                return Err(Failure::invalid(&slot.name, "required, but not given"));
            }
            None => {}
        }
    }
    Ok(Input { values, params })
}

/// One value, checked and normalised.
fn read(slot: &Slot, value: Value) -> Result<Value, Failure> {
    let name = &slot.name;
    if slot.json != Json::No {
        return json_text(slot, value);
    }
    if slot.truncate {
        return match number(&value) {
            Some(n) if n.is_finite() && n.abs() < 9.0e15 => Ok(Value::from(n.trunc() as i64)),
            _ => Err(Failure::invalid(
                name,
                format!("expected a number, got {}", kind(&value)),
            )),
        };
    }
    let read = if slot.types.is_empty() || slot.types.iter().any(|t| fits(t, &value)) {
        Some(value.clone())
    } else {
        slot.types.iter().find_map(|t| convert(t, &value))
    };
    match read {
        Some(Value::String(id)) if slot.path && id.trim().is_empty() => {
            return Err(Failure::invalid(name, "must not be empty"));
        }
        Some(value) => return Ok(value),
        None => {}
    }
    Err(Failure::invalid(
        name,
        format!("expected {}, got {}", slot.types.join(" or "), kind(&value)),
    ))
}

/// A parameter given as JSON text: parsed, and checked to be an object or a list.
fn json_text(slot: &Slot, value: Value) -> Result<Value, Failure> {
    let name = &slot.name;
    let parsed = match value {
        Value::String(text) => match serde_json::from_str::<Value>(&text) {
            Ok(parsed) => parsed,
            Err(_) if slot.json == Json::List && !text.trim_start().starts_with('[') => {
                let items = text
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect();
                Value::Array(items)
            }
            Err(e) => return Err(Failure::invalid(name, format!("is not valid JSON: {e}"))),
        },
        other => other,
    };
    match (slot.json, &parsed) {
        (Json::Object, Value::Object(_)) | (Json::Array | Json::List, Value::Array(_)) => {
            Ok(parsed)
        }
        (Json::Object, _) => Err(Failure::invalid(
            name,
            format!("expected a JSON object, got {}", kind(&parsed)),
        )),
        _ => Err(Failure::invalid(
            name,
            format!("expected a JSON array, got {}", kind(&parsed)),
        )),
    }
}

/// Whether `value` is of JSON Schema type `t`.
fn fits(t: &str, value: &Value) -> bool {
    match t {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        _ => true,
    }
}

/// `value` read as type `t` where that is unambiguous: ids given as numbers, numbers and
/// booleans given as text, whole numbers written with a fraction.
fn convert(t: &str, value: &Value) -> Option<Value> {
    match (t, value) {
        ("string", Value::Number(n)) => Some(Value::String(n.to_string())),
        ("integer", Value::String(s)) => s.trim().parse::<i64>().ok().map(Value::from),
        ("integer", Value::Number(n)) => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            .map(|f| Value::from(f as i64)),
        ("number", Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        ("boolean", Value::String(s)) => match s.trim() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// What a value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Input {
    /// Every given argument, checked.
    pub fn values(&self) -> &Map<String, Value> {
        &self.values
    }

    /// The input with argument `name` set to `to` where the agent gave `from` (a spelling the
    /// seed documents for a value the API spells otherwise).
    pub fn replace(mut self, name: &str, from: &str, to: &str) -> Input {
        if let Some(value) = self.values.get_mut(name) {
            if value.as_str() == Some(from) {
                *value = Value::String(to.to_string());
            }
        }
        self
    }

    /// Argument `name` decoded as `T`, if given.
    pub fn get<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Failure> {
        self.values
            .get(name)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|e| Failure::invalid(name, e.to_string()))
            })
            .transpose()
    }

    /// Argument `name`, which the tool's schema requires.
    pub fn require<T: DeserializeOwned>(&self, name: &str) -> Result<T, Failure> {
        self.get(name)?
            .ok_or_else(|| Failure::invalid(name, "required, but not given"))
    }

    /// The request body: `constants` (what the tool always sends) with every given body
    /// parameter set at its place, decoded into the generated request type `T`. A value the
    /// type refuses is reported under the parameter's name, and nothing is sent.
    pub fn body<T: DeserializeOwned>(&self, constants: Value) -> Result<T, Failure> {
        let mut body = match constants {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        for param in self.params {
            if let (Source::Body(at), Some(value)) = (param.source, self.values.get(param.name)) {
                set(&mut body, at, value.clone());
            }
        }
        serde_path_to_error::deserialize(Value::Object(body)).map_err(|e| {
            let message = e.inner().to_string();
            let mut path = e.path().to_string();
            // A missing field is reported at its parent: name the field itself.
            if let Some(field) = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
            {
                path = if path == "." {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                };
            }
            let parameter = self
                .params
                .iter()
                .find(|p| matches!(p.source, Source::Body(at) if within(&path, &at.join("."))))
                .map_or("body", |p| p.name);
            Failure::invalid(parameter, message)
        })
    }
}

/// Whether serde path `path` is at or below the property path `at` (`a.b`).
fn within(path: &str, at: &str) -> bool {
    path.strip_prefix(at)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Sets `value` at path `at` of `object`, creating the objects on the way.
fn set(object: &mut Map<String, Value>, at: &[&str], value: Value) {
    match at {
        [] => {}
        [last] => {
            object.insert((*last).to_string(), value);
        }
        [first, rest @ ..] => {
            let entry = object
                .entry((*first).to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(inner) = entry {
                set(inner, rest, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn slot(name: &str, types: &[&str], required: bool, json: Json) -> Slot {
        Slot {
            name: name.into(),
            types: types.iter().map(|t| t.to_string()).collect(),
            required,
            json,
            truncate: false,
            path: false,
        }
    }

    fn args(value: Value) -> Option<Map<String, Value>> {
        value.as_object().cloned()
    }

    fn refused(slots: &[Slot], value: Value) -> String {
        match check(slots, &[], args(value)) {
            Ok(input) => panic!("accepted: {:?}", input.values),
            Err(failure) => failure.to_string(),
        }
    }

    #[test]
    fn unknown_missing_and_mistyped_arguments_name_the_parameter() {
        let slots = [
            slot("contactId", &["string"], true, Json::No),
            slot("per_page", &["integer"], false, Json::No),
        ];
        assert!(refused(&slots, json!({"contactId": "1", "page": 2}))
            .contains("`page`: unknown parameter"));
        assert!(refused(&slots, json!({"per_page": 2})).contains("`contactId`: required"));
        assert!(refused(&slots, json!({"contactId": null})).contains("`contactId`: required"));
        assert!(
            refused(&slots, json!({"contactId": "1", "per_page": "many"}))
                .contains("`per_page`: expected integer, got a string")
        );
        assert!(refused(&slots, json!({"contactId": "1", "per_page": 2.5}))
            .contains("`per_page`: expected integer, got a number"));
    }

    #[test]
    fn unambiguous_values_are_converted() {
        let slots = [
            slot("admin_id", &["string"], true, Json::No),
            slot("per_page", &["integer"], false, Json::No),
            slot("open", &["boolean"], false, Json::No),
        ];
        let input = check(
            &slots,
            &[],
            args(json!({"admin_id": 42, "per_page": "20", "open": "true"})),
        )
        .expect("valid");
        assert_eq!(
            Value::Object(input.values().clone()),
            json!({"admin_id": "42", "per_page": 20, "open": true})
        );
    }

    #[test]
    fn json_text_is_parsed_and_checked() {
        let slots = [
            slot("custom_attributes", &["string"], false, Json::Object),
            slot("attachment_urls", &["string"], false, Json::List),
        ];
        assert!(refused(&slots, json!({"custom_attributes": "{\"plan\": "}))
            .contains("`custom_attributes`: is not valid JSON"));
        assert!(refused(&slots, json!({"custom_attributes": "[1]"}))
            .contains("`custom_attributes`: expected a JSON object, got an array"));
        let input = check(
            &slots,
            &[],
            args(json!({"custom_attributes": "{\"plan\": \"pro\"}", "attachment_urls": "https://a.io/x.png, https://a.io/y.png"})),
        )
        .expect("valid");
        assert_eq!(
            Value::Object(input.values().clone()),
            json!({"custom_attributes": {"plan": "pro"}, "attachment_urls": ["https://a.io/x.png", "https://a.io/y.png"]})
        );
    }

    #[test]
    fn body_parameters_are_placed_and_decoded() {
        static PARAMS: &[Param] = &[
            Param::body("per_page", &["pagination", "per_page"]),
            Param::body("name", &["name"]),
        ];
        let slots = [
            slot("per_page", &["integer"], false, Json::No),
            slot("name", &["string"], false, Json::No),
        ];
        let input =
            check(&slots, PARAMS, args(json!({"per_page": 5, "name": "Ada"}))).expect("valid");
        let body: Value = input.body(json!({"type": "x"})).expect("decodes");
        assert_eq!(
            body,
            json!({"type": "x", "name": "Ada", "pagination": {"per_page": 5}})
        );

        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Typed {
            name: u32,
        }
        let failure = input
            .body::<Typed>(json!({}))
            .expect_err("name is not a number");
        assert!(failure.to_string().starts_with("`name`:"), "{failure}");
    }
}
