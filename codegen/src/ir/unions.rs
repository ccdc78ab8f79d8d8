//! Unions (`oneOf`/`anyOf` alternatives): tagged by a shared constant property where there is
//! one, else untagged and told apart by each alternative's JSON shape.

use std::collections::BTreeSet;

use super::names::{type_name, unique, variant_name};
use super::types::{Slot, Types};
use super::view::{view, Prim, SRef, View};
use super::{docs, Shape, TypeKind, TypeRef, UnionVariant};
use crate::Error;

impl<'a> Types<'a> {
    /// The constant value of property `prop` of an alternative, if it is a single-value enum.
    fn const_property(
        &self,
        alt: SRef<'a>,
        prop: &str,
        origin: &str,
    ) -> Result<Option<String>, Error> {
        let v = self.view_of(alt, origin)?;
        let mut props = Vec::new();
        let mut required = BTreeSet::new();
        self.collect_properties(&v, origin, 0, &mut props, &mut required)?;
        let Some((_, p)) = props.into_iter().find(|(n, _)| *n == prop) else {
            return Ok(None);
        };
        let pv = self.view_of(p, origin)?;
        Ok((pv.enum_values.len() == 1).then(|| pv.enum_values[0].clone()))
    }

    fn find_tag(
        &self,
        alternatives: &[SRef<'a>],
        origin: &str,
    ) -> Result<Option<(String, Vec<String>)>, Error> {
        for tag in ["type", "message_type", "object", "kind"] {
            let mut values = Vec::new();
            for alt in alternatives {
                match self.const_property(*alt, tag, origin)? {
                    Some(value) if !values.contains(&value) => values.push(value),
                    _ => break,
                }
            }
            if values.len() == alternatives.len() {
                return Ok(Some((tag.to_string(), values)));
            }
        }
        Ok(None)
    }

    /// The JSON shape of an alternative: its type, and for objects the required properties.
    fn shape_of(&self, alt: SRef<'a>, origin: &str) -> Result<Shape, Error> {
        let v = self.view_of(alt, origin)?;
        if !v.enum_values.is_empty() {
            return Ok(Shape::String);
        }
        let objectish = !v.properties.is_empty() || !v.all_of.is_empty();
        Ok(match v.prim {
            Some(Prim::String) => Shape::String,
            Some(Prim::Integer) => Shape::Integer,
            Some(Prim::Number) => Shape::Number,
            Some(Prim::Boolean) => Shape::Boolean,
            Some(Prim::Array) => Shape::Array,
            Some(Prim::Object) | None if objectish || v.prim.is_some() => {
                let mut props = Vec::new();
                let mut required = BTreeSet::new();
                self.collect_properties(&v, origin, 0, &mut props, &mut required)?;
                Shape::Object(required.into_iter().map(str::to_string).collect())
            }
            _ => Shape::Any,
        })
    }

    pub(super) fn define_union(
        &mut self,
        v: &View<'a>,
        alternatives: Vec<SRef<'a>>,
        slot: Slot,
        origin: &str,
    ) -> Result<TypeRef, Error> {
        let name = self.claim(slot);
        let tag = self.find_tag(&alternatives, origin)?;
        let mut taken = BTreeSet::from(["Unknown".to_string()]);
        let mut variants = Vec::new();
        for (i, alt) in alternatives.iter().enumerate() {
            let tag_value = tag.as_ref().map(|(_, values)| values[i].clone());
            let base = match (alt, &tag_value) {
                (SRef::Ref(r), _) => type_name(r.rsplit('/').next().unwrap_or(r)),
                (SRef::Inline(_), Some(value)) => variant_name(value),
                (SRef::Inline(s), None) => inline_variant_name(&view(s), i),
            };
            let ident = unique(base, &mut taken);
            let ty = self.type_of(
                *alt,
                &format!("{name}{ident}"),
                &format!("{origin} (alternative {})", i + 1),
            )?;
            let shape = self.shape_of(*alt, origin)?;
            variants.push(UnionVariant {
                ident,
                ty,
                tag_value,
                shape,
            });
        }
        let doc = docs::doc(v.title, v.description);
        self.insert(
            name.clone(),
            origin.to_string(),
            doc,
            None,
            TypeKind::Union {
                tag: tag.map(|t| t.0),
                variants,
            },
        );
        Ok(TypeRef::Named(name))
    }
}

fn inline_variant_name(v: &View<'_>, index: usize) -> String {
    if let Some(title) = v.title {
        return type_name(title);
    }
    if v.required.len() == 1 {
        return type_name(v.required[0]);
    }
    if v.properties.len() == 1 {
        return type_name(v.properties[0].0);
    }
    match v.prim {
        Some(Prim::String) => "String".into(),
        Some(Prim::Integer) => "Integer".into(),
        Some(Prim::Number) => "Number".into(),
        Some(Prim::Boolean) => "Boolean".into(),
        Some(Prim::Array) => "Array".into(),
        Some(Prim::Object) if v.properties.is_empty() => "Object".into(),
        _ => format!("Variant{}", index + 1),
    }
}
