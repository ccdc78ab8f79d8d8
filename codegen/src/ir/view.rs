//! One uniform view of a schema, whatever openapiv3 made of it.
//!
//! openapiv3 yields `SchemaKind::Any` for objects with properties but no `type`, for `type`
//! + `oneOf`, and for `allOf` + properties; this module folds every form into [`View`].

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

/// A schema or a reference to one.
#[derive(Debug, Clone, Copy)]
pub enum SRef<'a> {
    /// `$ref` target string.
    Ref(&'a str),
    /// An inline schema.
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SRef<'a> {
    fn from(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => SRef::Ref(reference),
            ReferenceOr::Item(s) => SRef::Inline(s),
        }
    }
}

/// The declared primitive type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prim {
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

/// A flattened view of one (inline) schema.
#[derive(Debug, Clone, Default)]
pub struct View<'a> {
    pub prim: Option<Prim>,
    pub format: Option<String>,
    pub description: Option<&'a str>,
    pub title: Option<&'a str>,
    pub properties: Vec<(&'a str, SRef<'a>)>,
    pub required: Vec<&'a str>,
    /// Properties the API always sends (`x-always-present`, from the override layer).
    pub present: Vec<&'a str>,
    /// `None`: not said; `Some(None)`: any value; `Some(Some(s))`: values of schema `s`.
    pub additional: Option<Option<SRef<'a>>>,
    pub items: Option<SRef<'a>>,
    /// String enum values (`null` entries dropped).
    pub enum_values: Vec<String>,
    /// Boolean enum values (`enum: [true]` on a boolean).
    pub bool_values: Vec<bool>,
    pub one_of: Vec<SRef<'a>>,
    pub any_of: Vec<SRef<'a>>,
    pub all_of: Vec<SRef<'a>>,
    pub example: Option<&'a serde_json::Value>,
}

fn props<'a>(map: &'a IndexMap<String, ReferenceOr<Box<Schema>>>) -> Vec<(&'a str, SRef<'a>)> {
    map.iter()
        .map(|(k, v)| (k.as_str(), SRef::from(v)))
        .collect()
}

fn additional(ap: &Option<AdditionalProperties>) -> Option<Option<SRef<'_>>> {
    match ap {
        None | Some(AdditionalProperties::Any(false)) => None,
        Some(AdditionalProperties::Any(true)) => Some(None),
        Some(AdditionalProperties::Schema(s)) => Some(Some(SRef::from(s.as_ref()))),
    }
}

fn fmt_name<T: std::fmt::Debug>(
    f: &VariantOrUnknownOrEmpty<T>,
    known: impl Fn(&T) -> &'static str,
) -> Option<String> {
    match f {
        VariantOrUnknownOrEmpty::Item(x) => Some(known(x).to_string()),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// The schema extension listing the properties the API always sends in responses.
pub const PRESENT: &str = "x-always-present";

/// Builds the view of an inline schema.
pub fn view(schema: &Schema) -> View<'_> {
    let data = &schema.schema_data;
    let mut v = View {
        description: data.description.as_deref(),
        title: data.title.as_deref(),
        example: data.example.as_ref(),
        present: data
            .extensions
            .get(PRESENT)
            .and_then(serde_json::Value::as_array)
            .map(|names| names.iter().filter_map(serde_json::Value::as_str).collect())
            .unwrap_or_default(),
        ..View::default()
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            v.prim = Some(Prim::String);
            v.format = fmt_name(&s.format, |f| match f {
                StringFormat::Date => "date",
                StringFormat::DateTime => "date-time",
                StringFormat::Password => "password",
                StringFormat::Byte => "byte",
                StringFormat::Binary => "binary",
            });
            v.enum_values = s.enumeration.iter().flatten().cloned().collect();
        }
        SchemaKind::Type(Type::Integer(i)) => {
            v.prim = Some(Prim::Integer);
            v.format = fmt_name(&i.format, |f| match f {
                IntegerFormat::Int32 => "int32",
                IntegerFormat::Int64 => "int64",
            });
        }
        SchemaKind::Type(Type::Number(n)) => {
            v.prim = Some(Prim::Number);
            v.format = fmt_name(&n.format, |f| match f {
                NumberFormat::Float => "float",
                NumberFormat::Double => "double",
            });
        }
        SchemaKind::Type(Type::Boolean(b)) => {
            v.prim = Some(Prim::Boolean);
            v.bool_values = b.enumeration.iter().flatten().copied().collect();
        }
        SchemaKind::Type(Type::Array(a)) => {
            v.prim = Some(Prim::Array);
            v.items = a.items.as_ref().map(SRef::from);
        }
        SchemaKind::Type(Type::Object(o)) => {
            v.prim = Some(Prim::Object);
            v.properties = props(&o.properties);
            v.required = o.required.iter().map(String::as_str).collect();
            v.additional = additional(&o.additional_properties);
        }
        SchemaKind::OneOf { one_of } => v.one_of = one_of.iter().map(SRef::from).collect(),
        SchemaKind::AnyOf { any_of } => v.any_of = any_of.iter().map(SRef::from).collect(),
        SchemaKind::AllOf { all_of } => v.all_of = all_of.iter().map(SRef::from).collect(),
        SchemaKind::Not { .. } => {}
        SchemaKind::Any(a) => {
            v.prim = match a.typ.as_deref() {
                Some("string") => Some(Prim::String),
                Some("integer") => Some(Prim::Integer),
                Some("number") => Some(Prim::Number),
                Some("boolean") => Some(Prim::Boolean),
                Some("array") => Some(Prim::Array),
                Some("object") => Some(Prim::Object),
                _ if !a.properties.is_empty() => Some(Prim::Object),
                _ => None,
            };
            v.format = a.format.clone();
            v.properties = props(&a.properties);
            v.required = a.required.iter().map(String::as_str).collect();
            v.additional = additional(&a.additional_properties);
            v.items = a.items.as_ref().map(SRef::from);
            v.enum_values = a
                .enumeration
                .iter()
                .filter_map(|e| e.as_str().map(str::to_string))
                .collect();
            v.bool_values = a.enumeration.iter().filter_map(|e| e.as_bool()).collect();
            v.one_of = a.one_of.iter().map(SRef::from).collect();
            v.any_of = a.any_of.iter().map(SRef::from).collect();
            v.all_of = a.all_of.iter().map(SRef::from).collect();
        }
    }
    v
}

impl View<'_> {
    /// A `oneOf`/`anyOf` alternative that only lists `required` properties (a validation
    /// rule, not a type).
    pub fn is_constraint_only(&self) -> bool {
        self.properties.is_empty()
            && self.additional.is_none()
            && self.items.is_none()
            && self.enum_values.is_empty()
            && self.bool_values.is_empty()
            && self.one_of.is_empty()
            && self.any_of.is_empty()
            && self.all_of.is_empty()
            && matches!(self.prim, None | Some(Prim::Object))
    }

    /// A `oneOf`/`anyOf` alternative that lists `required` properties and nothing else; an
    /// alternative without even that (`{title: other type}`) is an alternative of its own.
    pub fn is_required_only(&self) -> bool {
        self.is_constraint_only() && !self.required.is_empty()
    }
}

/// The alternatives of a `oneOf`/`anyOf`, without the ones that only list `required`
/// properties (a validation rule, not a type).
pub(super) fn alternatives<'a>(v: &View<'a>) -> Vec<SRef<'a>> {
    let all = if v.one_of.is_empty() {
        &v.any_of
    } else {
        &v.one_of
    };
    all.iter()
        .copied()
        .filter(|a| !matches!(a, SRef::Inline(s) if view(s).is_required_only()))
        .collect()
}
