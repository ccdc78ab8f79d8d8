//! Unions (`oneOf`/`anyOf` alternatives): tagged by a shared constant property where there is
//! one, else untagged and told apart by how well a value fits each alternative ([`Fit`]).

use std::collections::BTreeSet;

use super::registry::{Slot, Types};
use super::view::{SRef, View};
use super::{docs, Fit, TypeKind, TypeRef, UnionVariant};
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

    /// Defines the union of `alternatives`; `object` when it is the flattened part of an
    /// object (`properties` next to `oneOf`), where an empty alternative is an empty struct.
    pub(super) fn define_union(
        &mut self,
        v: &View<'a>,
        alternatives: Vec<SRef<'a>>,
        slot: Slot,
        origin: &str,
        object: bool,
    ) -> Result<TypeRef, Error> {
        let name = self.claim(slot, origin);
        let tag = self.find_tag(&alternatives, origin)?;
        let idents = self.alternative_names(
            &alternatives,
            tag.as_ref().map(|(_, values)| values.as_slice()),
            origin,
        )?;
        let mut variants = Vec::new();
        for (i, (alt, ident)) in alternatives.iter().zip(idents).enumerate() {
            let tag_value = tag.as_ref().map(|(_, values)| values[i].clone());
            let alt_origin = format!("{origin} (alternative {})", i + 1);
            let empty = object && self.view_of(*alt, origin)?.is_constraint_only();
            let (ty, fit) = if empty {
                let alt_name = self.claim(Slot::Hint(format!("{name}{ident}")), &alt_origin);
                let doc = docs::doc(self.view_of(*alt, origin)?.title, None);
                let kind = TypeKind::Struct { fields: Vec::new() };
                self.insert(alt_name.clone(), alt_origin, doc, None, kind);
                let fit = Fit::Object {
                    known: Vec::new(),
                    required: Vec::new(),
                };
                (TypeRef::Named(alt_name), fit)
            } else {
                let ty = self.type_of(*alt, &format!("{name}{ident}"), &alt_origin)?;
                (ty, self.fit_of(*alt, origin)?)
            };
            variants.push(UnionVariant {
                ident,
                ty,
                tag_value,
                fit,
            });
        }
        if tag.is_none() {
            self.check_distinguishable(&variants, origin)?;
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
