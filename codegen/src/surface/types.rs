//! How a type reads in the listings: the Rust type a user sees, and a short display form.

use crate::ir::TypeRef;

/// The Rust type a user sees for `t` in a model (a constant tag is a `String`).
pub fn rust_type(t: &TypeRef) -> String {
    match t {
        TypeRef::String | TypeRef::Const(_) => "String".into(),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", rust_type(inner)),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_type(inner)),
        TypeRef::Nullable(inner) => format!("Option<{}>", rust_type(inner)),
        other => display(other),
    }
}

/// A short rendering of a type for the operations listing (a constant shows its value).
pub fn display(t: &TypeRef) -> String {
    match t {
        TypeRef::String => "String".into(),
        TypeRef::Const(v) => format!("\"{v}\""),
        TypeRef::Integer => "i64".into(),
        TypeRef::Number => "f64".into(),
        TypeRef::Boolean => "bool".into(),
        TypeRef::Timestamp => "Timestamp".into(),
        TypeRef::Any => "Value".into(),
        TypeRef::FreeForm => "Map<String, Value>".into(),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", display(inner)),
        TypeRef::Array(inner) => format!("Vec<{}>", display(inner)),
        TypeRef::Nullable(inner) => format!("Option<{}>", display(inner)),
        TypeRef::Named(n) => n.clone(),
    }
}
