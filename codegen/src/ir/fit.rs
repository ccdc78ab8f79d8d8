//! What the JSON of a union alternative looks like ([`Fit`]), read from its schema a bounded
//! number of levels deep, and the generation-time check that untagged alternatives can be
//! told apart.

use std::collections::BTreeSet;

use super::registry::Types;
use super::view::{alternatives, view, Prim, SRef, View};
use super::{Fit, UnionVariant};
use crate::Error;

/// How many levels of objects and arrays a fit describes; deeper values fit anything.
const MAX_DEPTH: usize = 4;

impl<'a> Types<'a> {
    /// The fit of a union alternative.
    pub(super) fn fit_of(&self, alt: SRef<'a>, origin: &str) -> Result<Fit, Error> {
        self.fit_at(alt, origin, 0, &mut Vec::new())
    }

    /// The fit of `s` at `depth`; `path` holds the schemas being described (a schema met
    /// again inside itself fits anything).
    fn fit_at(
        &self,
        s: SRef<'a>,
        origin: &str,
        depth: usize,
        path: &mut Vec<&'a str>,
    ) -> Result<Fit, Error> {
        if depth > MAX_DEPTH {
            return Ok(Fit::Any);
        }
        match s {
            SRef::Ref(r) if path.contains(&r) => Ok(Fit::Any),
            SRef::Ref(r) => {
                path.push(r);
                let fit = self.fit_view(&view(self.resolve(r, origin)?), origin, depth, path);
                path.pop();
                fit
            }
            SRef::Inline(schema) => self.fit_view(&view(schema), origin, depth, path),
        }
    }

    fn fit_view(
        &self,
        v: &View<'a>,
        origin: &str,
        depth: usize,
        path: &mut Vec<&'a str>,
    ) -> Result<Fit, Error> {
        let alternatives = alternatives(v);
        if v.all_of.len() == 1 && v.properties.is_empty() && alternatives.is_empty() {
            return self.fit_at(v.all_of[0], origin, depth, path);
        }
        if !v.properties.is_empty() || !v.all_of.is_empty() {
            let mut props = Vec::new();
            let mut required = BTreeSet::new();
            self.collect_properties(v, origin, 0, &mut props, &mut required)?;
            let mut known = Vec::new();
            for (name, prop) in props {
                known.push((
                    name.to_string(),
                    self.fit_at(prop, origin, depth + 1, path)?,
                ));
            }
            // The properties of a flattened union's alternatives are known too.
            for alt in alternatives {
                if let Fit::Object { known: more, .. } = self.fit_at(alt, origin, depth, path)? {
                    for (name, fit) in more {
                        if !known.iter().any(|(n, _)| *n == name) {
                            known.push((name, fit));
                        }
                    }
                }
            }
            let required = required.into_iter().map(str::to_string).collect();
            return Ok(Fit::Object { known, required });
        }
        if !alternatives.is_empty() {
            if alternatives.len() == 1 {
                return self.fit_at(alternatives[0], origin, depth, path);
            }
            let mut fits = Vec::new();
            for alt in alternatives {
                fits.push(self.fit_at(alt, origin, depth + 1, path)?);
            }
            return Ok(Fit::OneOf(fits));
        }
        if !v.enum_values.is_empty() && matches!(v.prim, None | Some(Prim::String)) {
            let mut values: Vec<String> = Vec::new();
            for value in &v.enum_values {
                if !values.contains(value) {
                    values.push(value.clone());
                }
            }
            return Ok(match values.as_slice() {
                [one] => Fit::Const(one.clone()),
                _ => Fit::Enum(values),
            });
        }
        Ok(match v.prim {
            Some(Prim::String) => Fit::String,
            Some(Prim::Integer) => Fit::Integer,
            Some(Prim::Number) => Fit::Number,
            Some(Prim::Boolean) => match v.bool_values.as_slice() {
                [one] => Fit::ConstBool(*one),
                _ => Fit::Boolean,
            },
            Some(Prim::Array) => Fit::Array(Box::new(match v.items {
                Some(items) => self.fit_at(items, origin, depth + 1, path)?,
                None => Fit::Any,
            })),
            Some(Prim::Object) => Fit::Map(Box::new(match v.additional {
                Some(Some(values)) => self.fit_at(values, origin, depth + 1, path)?,
                _ => Fit::Any,
            })),
            None => Fit::Any,
        })
    }

    /// Fails when two alternatives of an untagged union have the same fit: no value could
    /// ever choose the later one, so the override layer has to tell them apart.
    pub(super) fn check_distinguishable(
        &self,
        variants: &[UnionVariant],
        origin: &str,
    ) -> Result<(), Error> {
        for (i, a) in variants.iter().enumerate() {
            if let Some(b) = variants[i + 1..].iter().find(|b| b.fit == a.fit) {
                return Err(self.unsupported(
                    origin,
                    format!(
                        "alternatives `{}` and `{}` have the same shape, so no value can be told \
                         apart; an override must distinguish them (e.g. a constant property)",
                        a.ident, b.ident
                    ),
                ));
            }
        }
        Ok(())
    }
}
