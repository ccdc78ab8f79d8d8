//! JSON Schema of IR types: what a parameter or request body accepts, with the spec's names,
//! enums, `required` lists and docs, for tools that describe their inputs to a caller.
//!
//! Named types are inlined (each object carries its Rust name as `title`); a type that
//! contains itself is cut at the second occurrence to `{"type": "object", "title": …}`.
//! [`canonical`] writes the result with sorted keys, whatever map type `serde_json` uses.

use serde_json::{json, Map, Value};

use crate::ir::{Api, Field, TypeKind, TypeRef};

/// The schema of `t`, named types expanded from `api`.
pub fn of(api: &Api, t: &TypeRef) -> Value {
    Expander {
        api,
        stack: Vec::new(),
    }
    .schema(t)
}

/// `schema` with `doc` as its description (a field's or parameter's doc wins over the type's).
pub fn described(mut schema: Value, doc: Option<&str>, t: &TypeRef) -> Value {
    let mut text = doc.map(str::to_string);
    if is_timestamp(t) && !text.as_deref().is_some_and(mentions_unix_time) {
        let unit = "Unix timestamp in seconds.";
        text = Some(match text {
            Some(doc) => format!("{doc} ({unit})"),
            None => unit.to_string(),
        });
    }
    if let (Some(text), Some(object)) = (text, schema.as_object_mut()) {
        object.insert("description".into(), Value::String(text));
    }
    schema
}

/// `value` as compact JSON with the keys of every object sorted.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn is_timestamp(t: &TypeRef) -> bool {
    match t {
        TypeRef::Timestamp => true,
        TypeRef::Nullable(inner) => is_timestamp(inner),
        _ => false,
    }
}

fn mentions_unix_time(doc: &str) -> bool {
    let lower = doc.to_ascii_lowercase();
    lower.contains("unix") || lower.contains("timestamp")
}

/// Expands named types, remembering the ones being expanded to cut recursion.
struct Expander<'a> {
    api: &'a Api,
    stack: Vec<&'a str>,
}

impl<'a> Expander<'a> {
    fn schema(&mut self, t: &'a TypeRef) -> Value {
        match t {
            TypeRef::String => json!({"type": "string"}),
            TypeRef::Const(value) => json!({"type": "string", "enum": [value]}),
            TypeRef::Integer | TypeRef::Timestamp => json!({"type": "integer"}),
            TypeRef::Number => json!({"type": "number"}),
            TypeRef::Boolean => json!({"type": "boolean"}),
            TypeRef::Any => json!({}),
            TypeRef::FreeForm => json!({"type": "object"}),
            TypeRef::Map(inner) => {
                json!({"type": "object", "additionalProperties": self.schema(inner)})
            }
            TypeRef::Array(inner) => json!({"type": "array", "items": self.schema(inner)}),
            TypeRef::Nullable(inner) => nullable(self.schema(inner)),
            TypeRef::Named(name) => self.named(name),
        }
    }

    fn named(&mut self, name: &'a str) -> Value {
        let Some(def) = self.api.types.get(name) else {
            return json!({"title": name});
        };
        if self.stack.contains(&name) {
            return json!({"type": "object", "title": name, "description": format!("A `{name}` (this shape again).")});
        }
        self.stack.push(name);
        let mut schema = match &def.kind {
            TypeKind::Struct { fields } => self.object(name, fields),
            TypeKind::Enum { variants } => {
                let values: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
                json!({"type": "string", "enum": values})
            }
            TypeKind::Union { variants, .. } => {
                let alternatives: Vec<Value> =
                    variants.iter().map(|v| self.schema(&v.ty)).collect();
                json!({"anyOf": alternatives})
            }
            TypeKind::Alias(inner) => self.schema(inner),
        };
        self.stack.pop();
        if let (Some(doc), Some(object)) = (&def.doc, schema.as_object_mut()) {
            object
                .entry("description")
                .or_insert_with(|| Value::String(doc.clone()));
        }
        schema
    }

    /// A struct: its properties, and the union it flattens (if any) as an `allOf` part.
    fn object(&mut self, name: &str, fields: &'a [Field]) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut flattened = Vec::new();
        for field in fields {
            if field.flatten {
                flattened.push(self.schema(&field.ty));
                continue;
            }
            let mut schema = self.schema(&field.ty);
            if field.nullable {
                schema = nullable(schema);
            }
            properties.insert(
                field.wire.clone(),
                described(schema, field.doc.as_deref(), &field.ty),
            );
            if field.required {
                required.push(Value::String(field.wire.clone()));
            }
        }
        let mut object = json!({"type": "object", "title": name, "properties": properties});
        if !required.is_empty() {
            object["required"] = Value::Array(required);
        }
        if flattened.is_empty() {
            return object;
        }
        flattened.insert(0, object);
        json!({"title": name, "allOf": flattened})
    }
}

/// `schema`, also accepting `null`.
fn nullable(mut schema: Value) -> Value {
    if let Some(Value::String(kind)) = schema.get("type").cloned() {
        schema["type"] = json!([kind, "null"]);
        return schema;
    }
    json!({"anyOf": [schema, {"type": "null"}]})
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::ir::{EnumVariant, TypeDef, UnionVariant, Usage};

    fn def(name: &str, kind: TypeKind) -> (String, TypeDef) {
        let def = TypeDef {
            name: name.into(),
            origin: format!("schema {name}"),
            module: "shared".into(),
            doc: Some(format!("The {name}.")),
            example: None,
            kind,
            usage: Usage::default(),
            features: BTreeSet::new(),
        };
        (name.into(), def)
    }

    fn field(wire: &str, ty: TypeRef, required: bool, nullable: bool) -> Field {
        Field {
            wire: wire.into(),
            ident: wire.into(),
            ty,
            required,
            present: false,
            nullable,
            doc: Some(format!("About {wire}.")),
            flatten: false,
        }
    }

    fn api() -> Api {
        let node = TypeRef::Named("Node".into());
        let types: BTreeMap<String, TypeDef> = [
            def(
                "Node",
                TypeKind::Struct {
                    fields: vec![
                        field("state", TypeRef::Named("State".into()), true, false),
                        field("at", TypeRef::Timestamp, false, true),
                        field("children", TypeRef::Array(Box::new(node)), false, false),
                    ],
                },
            ),
            def(
                "State",
                TypeKind::Enum {
                    variants: ["open", "closed"]
                        .map(|w| EnumVariant {
                            wire: w.into(),
                            ident: w.into(),
                        })
                        .into(),
                },
            ),
            def(
                "Either",
                TypeKind::Union {
                    tag: None,
                    variants: vec![UnionVariant {
                        ident: "Text".into(),
                        ty: TypeRef::String,
                        tag_value: None,
                        fit: crate::ir::Fit::String,
                    }],
                },
            ),
        ]
        .into();
        Api {
            version: "test".into(),
            types,
            operations: Vec::new(),
            search: Vec::new(),
        }
    }

    #[test]
    fn structs_enums_nullables_timestamps_and_recursion() {
        let schema = of(&api(), &TypeRef::Named("Node".into()));
        assert_eq!(
            canonical(&schema),
            canonical(&json!({
                "type": "object",
                "title": "Node",
                "description": "The Node.",
                "required": ["state"],
                "properties": {
                    "state": {"type": "string", "enum": ["open", "closed"], "description": "About state."},
                    "at": {"type": ["integer", "null"], "description": "About at. (Unix timestamp in seconds.)"},
                    "children": {
                        "type": "array",
                        "description": "About children.",
                        "items": {"type": "object", "title": "Node", "description": "A `Node` (this shape again)."}
                    }
                }
            }))
        );
    }

    #[test]
    fn unions_are_any_of_and_keys_are_sorted() {
        let schema = of(&api(), &TypeRef::Named("Either".into()));
        assert_eq!(
            canonical(&schema),
            r#"{"anyOf":[{"type":"string"}],"description":"The Either."}"#
        );
        assert_eq!(
            canonical(&nullable(json!({"anyOf": []}))),
            r#"{"anyOf":[{"anyOf":[]},{"type":"null"}]}"#
        );
    }
}
