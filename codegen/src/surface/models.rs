//! The models of the surface: each named type as a user sees it.

use super::types::rust_type;
use crate::ir::{FieldShape, TypeDef, TypeKind, TypeRef};

/// A named type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelSurface {
    /// The Rust name.
    pub name: String,
    /// Sent in requests: it has a constructor and setters, and serializes.
    pub sent: bool,
    /// Received in responses: it decodes.
    pub received: bool,
    /// Its shape.
    pub kind: ModelKind,
}

/// The shape of a named type, with what a user sees of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelKind {
    /// A struct and its fields, sorted by name.
    Struct(Vec<FieldSurface>),
    /// A string enum and its wire values, in spec order.
    Enum(Vec<String>),
    /// A union and its alternatives (`Admin(Admin)`), in spec order; tagged by a property or not.
    Union {
        /// The property whose value tells the alternatives apart.
        tag: Option<String>,
        /// `Variant(Type)`, with `= "tag value"` when tagged.
        alternatives: Vec<String>,
    },
    /// Another name for a type.
    Alias(String),
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSurface {
    /// The Rust name (without `r#`).
    pub name: String,
    /// The Rust type a user sees: `String`, `Option<String>`, `Nullable<String>`.
    pub ty: String,
    /// An argument of the constructor of a type that is sent (required by the spec, and not a
    /// constant the constructor fills in).
    pub required: bool,
}

impl ModelKind {
    /// `struct`, `enum`, `union`, `alias`.
    pub fn word(&self) -> &'static str {
        match self {
            ModelKind::Struct(_) => "struct",
            ModelKind::Enum(_) => "enum",
            ModelKind::Union { .. } => "union",
            ModelKind::Alias(_) => "alias",
        }
    }
}

impl ModelSurface {
    pub(super) fn of(def: &TypeDef) -> ModelSurface {
        let kind = match &def.kind {
            TypeKind::Struct { fields } => {
                let mut fields: Vec<FieldSurface> = fields
                    .iter()
                    .map(|f| {
                        let ty = rust_type(&f.ty);
                        let ty = match def.field_shape(f) {
                            FieldShape::Plain => ty,
                            FieldShape::Nullable => format!("Nullable<{ty}>"),
                            FieldShape::Optional => format!("Option<{ty}>"),
                        };
                        FieldSurface {
                            name: f.ident.clone(),
                            ty,
                            required: def.usage.request
                                && (f.flatten
                                    || (f.required && !matches!(f.ty, TypeRef::Const(_)))),
                        }
                    })
                    .collect();
                fields.sort_by(|a, b| a.name.cmp(&b.name));
                ModelKind::Struct(fields)
            }
            TypeKind::Enum { variants } => {
                ModelKind::Enum(variants.iter().map(|v| v.wire.clone()).collect())
            }
            TypeKind::Union { tag, variants } => ModelKind::Union {
                tag: tag.clone(),
                alternatives: variants
                    .iter()
                    .map(|v| {
                        let alternative = format!("{}({})", v.ident, rust_type(&v.ty));
                        match &v.tag_value {
                            Some(value) => format!("{alternative} = {value:?}"),
                            None => alternative,
                        }
                    })
                    .collect(),
            },
            TypeKind::Alias(t) => ModelKind::Alias(rust_type(t)),
        };
        ModelSurface {
            name: def.name.clone(),
            sent: def.usage.request,
            received: def.usage.response,
            kind,
        }
    }

    /// `sent`, `received`, `sent, received`, or `unused`.
    pub fn usage(&self) -> &'static str {
        match (self.sent, self.received) {
            (true, true) => "sent, received",
            (true, false) => "sent",
            (false, true) => "received",
            (false, false) => "unused",
        }
    }

    /// The model's line, then one line per field for a struct:
    /// `Contact: struct (received)`, `ConversationPriority: enum (received): none | low`,
    /// `Reply: union (sent, tagged by type): Admin(AdminReply) = "admin" | …`,
    /// `Tags: alias (received) = Vec<Tag>`.
    pub fn lines(&self) -> Vec<String> {
        let kind = self.kind.word();
        let usage = self.usage();
        match &self.kind {
            ModelKind::Struct(fields) => {
                std::iter::once(format!("{}: {kind} ({usage})", self.name))
                    .chain(fields.iter().map(|f| format!("{}.{}", self.name, f.line())))
                    .collect()
            }
            ModelKind::Enum(values) => vec![format!(
                "{}: {kind} ({usage}): {}",
                self.name,
                values.join(" | ")
            )],
            ModelKind::Union { tag, alternatives } => {
                let tag = tag
                    .as_ref()
                    .map_or_else(String::new, |t| format!(", tagged by {t}"));
                vec![format!(
                    "{}: {kind} ({usage}{tag}): {}",
                    self.name,
                    alternatives.join(" | ")
                )]
            }
            ModelKind::Alias(target) => vec![format!("{}: {kind} ({usage}) = {target}", self.name)],
        }
    }
}

impl FieldSurface {
    /// `owner_id: Option<String>`, with `, required` when the constructor takes it.
    pub fn line(&self) -> String {
        let required = if self.required { ", required" } else { "" };
        format!("{}: {}{required}", self.name, self.ty)
    }
}
