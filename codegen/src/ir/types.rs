//! Schemas -> named types. Component schemas keep their names; inline objects, enums and
//! unions are named after where they appear (`Contact` + `location` -> `ContactLocation`), by
//! the rule in [`naming`](super::naming).

use std::collections::BTreeSet;

use openapiv3::{ReferenceOr, Schema};

use super::names::{field_ident, type_name, unique, variant_name};
use super::registry::{Slot, Types};
use super::view::{alternatives, view, Prim, SRef, View};
use super::{docs, EnumVariant, Field, TypeDef, TypeKind, TypeRef, Usage};
use crate::Error;

const SCHEMA_PREFIX: &str = "#/components/schemas/";

impl<'a> Types<'a> {
    /// Defines every component schema, in name order.
    pub fn define_components(&mut self) -> Result<(), Error> {
        let mut sorted: Vec<(&String, &ReferenceOr<Schema>)> = self.schemas.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        for (schema, item) in sorted {
            let rust = self.names[schema].clone();
            let origin = format!("schema {schema}");
            let ty = match item {
                ReferenceOr::Reference { reference } => self.named(reference, &origin)?,
                ReferenceOr::Item(s) => {
                    let v = view(s);
                    let ty = self.shape(&v, Slot::Reserved(rust.clone()), &origin)?;
                    if let Some(def) = self.defs.get_mut(&rust) {
                        def.example = v.example.cloned();
                    }
                    ty
                }
            };
            if ty != TypeRef::Named(rust.clone()) {
                let doc = match item {
                    ReferenceOr::Item(s) => docs::doc(
                        s.schema_data.title.as_deref(),
                        s.schema_data.description.as_deref(),
                    ),
                    ReferenceOr::Reference { .. } => None,
                };
                let example = match item {
                    ReferenceOr::Item(s) => s.schema_data.example.clone(),
                    ReferenceOr::Reference { .. } => None,
                };
                self.insert(rust, origin, doc, example, TypeKind::Alias(ty));
            }
        }
        Ok(())
    }

    pub(super) fn insert(
        &mut self,
        name: String,
        origin: String,
        doc: Option<String>,
        example: Option<serde_json::Value>,
        kind: TypeKind,
    ) {
        let def = TypeDef {
            name: name.clone(),
            origin,
            module: String::new(),
            doc,
            example,
            kind,
            usage: Usage::default(),
            features: Default::default(),
        };
        self.defs.insert(name, def);
    }

    fn named(&self, reference: &str, origin: &str) -> Result<TypeRef, Error> {
        let schema = reference.strip_prefix(SCHEMA_PREFIX).ok_or_else(|| {
            self.unsupported(
                origin,
                format!("only component schema refs are supported, not `{reference}`"),
            )
        })?;
        self.names
            .get(schema)
            .map(|n| TypeRef::Named(n.clone()))
            .ok_or_else(|| self.unsupported(origin, format!("dangling $ref `{reference}`")))
    }

    /// The view of a schema, following a reference.
    pub(super) fn view_of(&self, s: SRef<'a>, origin: &str) -> Result<View<'a>, Error> {
        Ok(match s {
            SRef::Ref(r) => view(self.resolve(r, origin)?),
            SRef::Inline(schema) => view(schema),
        })
    }

    pub(super) fn resolve(&self, reference: &str, origin: &str) -> Result<&'a Schema, Error> {
        let mut current = reference;
        for _ in 0..32 {
            let name = current.strip_prefix(SCHEMA_PREFIX).unwrap_or(current);
            match self.schemas.get(name) {
                Some(ReferenceOr::Item(s)) => return Ok(s),
                Some(ReferenceOr::Reference { reference }) => current = reference,
                None => return Err(self.unsupported(origin, format!("dangling $ref `{current}`"))),
            }
        }
        Err(self.unsupported(origin, format!("$ref cycle through `{reference}`")))
    }

    /// Whether a schema (following a reference) is marked `nullable`.
    pub(super) fn is_nullable(&self, s: SRef<'a>, origin: &str) -> Result<bool, Error> {
        Ok(match s {
            SRef::Ref(r) => self.resolve(r, origin)?.schema_data.nullable,
            SRef::Inline(schema) => schema.schema_data.nullable,
        })
    }

    /// The type of a schema used at `hint` (the name an inline type would get).
    pub fn type_of(&mut self, s: SRef<'a>, hint: &str, origin: &str) -> Result<TypeRef, Error> {
        match s {
            SRef::Ref(r) => self.named(r, origin),
            SRef::Inline(schema) => self.shape(&view(schema), Slot::Hint(hint.to_string()), origin),
        }
    }

    /// Like [`Types::type_of`], wrapped in [`TypeRef::Nullable`] when the inline schema is
    /// `nullable` (for array items and map values, which have no `Option` of their own).
    fn nullable(&mut self, s: SRef<'a>, hint: &str, origin: &str) -> Result<TypeRef, Error> {
        let ty = self.type_of(s, hint, origin)?;
        Ok(match s {
            SRef::Inline(schema) if schema.schema_data.nullable && ty != TypeRef::Any => {
                TypeRef::Nullable(Box::new(ty))
            }
            _ => ty,
        })
    }

    fn slot_name(slot: &Slot) -> String {
        match slot {
            Slot::Reserved(n) | Slot::Hint(n) => type_name(n),
        }
    }

    fn shape(&mut self, v: &View<'a>, slot: Slot, origin: &str) -> Result<TypeRef, Error> {
        let alternatives = alternatives(v);
        if !v.all_of.is_empty() {
            if v.all_of.len() == 1 && v.properties.is_empty() && alternatives.is_empty() {
                return self.type_of(v.all_of[0], &Self::slot_name(&slot), origin);
            }
            return self.define_struct(v, alternatives, slot, origin);
        }
        if !alternatives.is_empty() {
            if !v.properties.is_empty() {
                return self.define_struct(v, alternatives, slot, origin);
            }
            if alternatives.len() == 1 {
                let hint = Self::slot_name(&slot);
                return self.type_of(alternatives[0], &hint, origin);
            }
            return self.define_union(v, alternatives, slot, origin, false);
        }
        match v.prim {
            Some(Prim::String) if v.enum_values.len() == 1 => {
                Ok(TypeRef::Const(v.enum_values[0].clone()))
            }
            Some(Prim::String) if v.enum_values.len() > 1 => self.define_enum(v, slot, origin),
            None if v.enum_values.len() > 1 => self.define_enum(v, slot, origin),
            Some(Prim::String) => Ok(TypeRef::String),
            Some(Prim::Integer) => Ok(match v.format.as_deref() {
                Some("date-time" | "timestamp") => TypeRef::Timestamp,
                _ => TypeRef::Integer,
            }),
            Some(Prim::Number) => Ok(TypeRef::Number),
            Some(Prim::Boolean) => Ok(TypeRef::Boolean),
            Some(Prim::Array) => {
                let hint = format!("{}Item", Self::slot_name(&slot));
                let item = match v.items {
                    Some(items) => self.nullable(items, &hint, origin)?,
                    None => TypeRef::Any,
                };
                Ok(TypeRef::Array(Box::new(item)))
            }
            Some(Prim::Object) | None if !v.properties.is_empty() => {
                self.define_struct(v, Vec::new(), slot, origin)
            }
            Some(Prim::Object) => match v.additional {
                Some(Some(values)) => {
                    let hint = format!("{}Value", Self::slot_name(&slot));
                    match self.nullable(values, &hint, origin)? {
                        TypeRef::Any => Ok(TypeRef::FreeForm),
                        ty => Ok(TypeRef::Map(Box::new(ty))),
                    }
                }
                _ => Ok(TypeRef::FreeForm),
            },
            None => Ok(TypeRef::Any),
        }
    }

    fn define_struct(
        &mut self,
        v: &View<'a>,
        alternatives: Vec<SRef<'a>>,
        slot: Slot,
        origin: &str,
    ) -> Result<TypeRef, Error> {
        let name = self.claim(slot, origin);
        if let [SRef::Ref(base)] = v.all_of.as_slice() {
            if let TypeRef::Named(base) = self.named(base, origin)? {
                self.bases.insert(name.clone(), base);
            }
        }
        let mut props = Vec::new();
        let mut required = BTreeSet::new();
        self.collect_properties(v, origin, 0, &mut props, &mut required)?;
        let mut present = BTreeSet::new();
        self.collect_present(v, origin, 0, &mut present)?;
        if let Some(stale) = present.iter().find(|p| !props.iter().any(|(n, _)| n == *p)) {
            return Err(self.unsupported(
                origin,
                format!(
                    "`{}` lists `{stale}`, which is not a property",
                    super::view::PRESENT
                ),
            ));
        }
        let mut fields = Vec::new();
        let mut idents = BTreeSet::new();
        for (wire, prop) in props {
            let ident = field_ident(wire);
            if !idents.insert(ident.clone()) {
                return Err(self.unsupported(
                    &format!("{origin}.{wire}"),
                    format!("two properties map to the Rust field `{ident}`"),
                ));
            }
            let field_origin = format!("{origin}.{wire}");
            let ty = self.type_of(prop, &format!("{name}_{wire}"), &field_origin)?;
            let (nullable, doc) = match prop {
                SRef::Inline(s) => (
                    s.schema_data.nullable,
                    docs::doc(None, s.schema_data.description.as_deref()),
                ),
                SRef::Ref(_) => (false, None),
            };
            fields.push(Field {
                wire: wire.to_string(),
                ident,
                ty,
                required: required.contains(wire),
                present: present.contains(wire),
                nullable,
                doc,
                flatten: false,
            });
        }
        if !alternatives.is_empty() {
            let union = self.define_union(
                &View::default(),
                alternatives,
                Slot::Hint(format!("{name}Kind")),
                origin,
                true,
            )?;
            let ident = if idents.contains("kind") {
                "variant".to_string()
            } else {
                "kind".to_string()
            };
            fields.push(Field {
                wire: String::new(),
                ident,
                ty: union,
                required: true,
                present: true,
                nullable: false,
                doc: None,
                flatten: true,
            });
        }
        let doc = docs::doc(v.title, v.description);
        self.insert(
            name.clone(),
            origin.to_string(),
            doc,
            None,
            TypeKind::Struct { fields },
        );
        Ok(TypeRef::Named(name))
    }

    fn define_enum(&mut self, v: &View<'a>, slot: Slot, origin: &str) -> Result<TypeRef, Error> {
        let name = self.claim(slot, origin);
        let mut taken = BTreeSet::from(["Unknown".to_string()]);
        let mut variants = Vec::new();
        let mut seen = BTreeSet::new();
        for wire in &v.enum_values {
            if !seen.insert(wire.as_str()) {
                continue;
            }
            let mut ident = variant_name(wire);
            if ident == "Unknown" {
                ident = "UnknownValue".into();
            }
            variants.push(EnumVariant {
                wire: wire.clone(),
                ident: unique(ident, &mut taken),
            });
        }
        let doc = docs::doc(v.title, v.description);
        self.insert(
            name.clone(),
            origin.to_string(),
            doc,
            None,
            TypeKind::Enum { variants },
        );
        Ok(TypeRef::Named(name))
    }
}
