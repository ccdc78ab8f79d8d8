//! Names of generated types: one rule, and never a number.
//!
//! A component schema keeps its own name, in PascalCase (two schemas with one Rust name fail
//! generation). An inline schema is named after where it appears, its owner's name first:
//!
//! | where                                   | name                          |
//! |-----------------------------------------|-------------------------------|
//! | the request body of an operation        | `{Operation}Request`          |
//! | the success response of an operation    | `{Operation}Response`         |
//! | parameter `p` of an operation           | `{Operation}{P}`              |
//! | property `p` of type `T`                | `{T}{P}`                      |
//! | the items of array type `T`             | `{T}Item`                     |
//! | the values of map type `T`              | `{T}Value`                    |
//! | the `oneOf` beside an object's properties | `{T}Kind`                   |
//! | an alternative of union `U`             | `{U}{Alternative}`            |
//!
//! `{Operation}` is the operation's type hint (its request builder's name). An alternative's
//! name (also its variant name in the union) is, first that applies: the `$ref`'d component's
//! name; its tag value, when the union is tagged; its `title`; the first property it requires
//! that no other alternative requires; the first property no other alternative has; its
//! primitive kind (`String`, `Integer`, `Number`, `Boolean`, `Array`, `Object` for an object
//! without properties). Several `Array`s of one union are named after their items
//! (`StringArray`, `IntegerArray`). Two alternatives of one union with one name, or an
//! alternative the rule cannot name, fail generation naming them.
//!
//! A name is never numbered. An inline schema whose name is already taken is kept under a
//! provisional name while the IR is built: usually it is the component of that name plus
//! fields (an `allOf` of it) and [`merge`](super::merge) emits it as that component. If it is
//! still there afterwards, generation fails, naming both schemas; the fix is an override that
//! makes one of them a component schema of its own name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::names::{type_name, unique, variant_name};
use super::registry::{Clash, Slot, Types};
use super::view::{Prim, SRef};
use super::TypeDef;
use crate::Error;

impl<'a> Types<'a> {
    /// The name of a new type at `origin`: a component's reserved name, or the name the rule
    /// gives an inline schema (provisional when it is taken, see the module docs).
    pub(super) fn claim(&mut self, slot: Slot, origin: &str) -> String {
        let wanted = match slot {
            Slot::Reserved(name) => return name,
            Slot::Hint(hint) => type_name(&hint),
        };
        if self.taken.insert(wanted.clone()) {
            self.owners.insert(wanted.clone(), origin.to_string());
            return wanted;
        }
        let provisional = unique(wanted.clone(), &mut self.taken);
        self.clashes.push(Clash {
            provisional: provisional.clone(),
            wanted,
            origin: origin.to_string(),
        });
        provisional
    }

    /// Fails on the first inline type that still has a provisional name.
    pub fn check_clashes(&self, defs: &BTreeMap<String, TypeDef>) -> Result<(), Error> {
        check(&self.clashes, &self.owners, defs, self.file)
    }

    /// The variant names of a union's alternatives (see the module docs); `tag` holds the
    /// tag values when the union is tagged.
    pub(super) fn alternative_names(
        &self,
        alternatives: &[SRef<'a>],
        tag: Option<&[String]>,
        origin: &str,
    ) -> Result<Vec<String>, Error> {
        let mut shapes = Vec::new();
        for alt in alternatives {
            let v = self.view_of(*alt, origin)?;
            let (props, required) = self.property_names(*alt, origin)?;
            shapes.push((v, props, required));
        }
        let mut names: Vec<String> = Vec::new();
        for (i, alt) in alternatives.iter().enumerate() {
            let (v, props, required) = &shapes[i];
            let others = || shapes.iter().enumerate().filter(move |(j, _)| *j != i);
            let distinct_required = required
                .iter()
                .find(|p| !others().any(|(_, (_, _, r))| r.contains(p)));
            let distinct = props
                .iter()
                .find(|p| !others().any(|(_, (_, ps, _))| ps.contains(p)));
            let name = match (alt, tag) {
                (SRef::Ref(r), _) => Some(type_name(r.rsplit('/').next().unwrap_or(r))),
                (SRef::Inline(_), Some(values)) => Some(variant_name(&values[i])),
                (SRef::Inline(_), None) => v
                    .title
                    .or(distinct_required.copied())
                    .or(distinct.copied())
                    .map(type_name)
                    .or_else(|| primitive_name(v.prim, props.is_empty())),
            };
            let Some(name) = name else {
                return Err(self.unsupported(
                    origin,
                    format!(
                        "alternative {} has no name: no title, no property of its own, and \
                         not a primitive; give it a `title` in spec/overrides.yaml",
                        i + 1
                    ),
                ));
            };
            names.push(if name == "Unknown" {
                "UnknownValue".to_string()
            } else {
                name
            });
        }
        if names.iter().filter(|n| *n == "Array").count() > 1 {
            for (name, (v, _, _)) in names.iter_mut().zip(&shapes) {
                if let (true, Some(items)) = (name == "Array", v.items) {
                    if let Some(item) = self.item_name(items, origin)? {
                        *name = format!("{item}Array");
                    }
                }
            }
        }
        for (i, name) in names.iter().enumerate() {
            if let Some(j) = names[..i].iter().position(|n| n == name) {
                return Err(self.unsupported(
                    origin,
                    format!(
                        "alternatives {} and {} are both named `{name}`; give them distinct \
                         `title`s in spec/overrides.yaml",
                        j + 1,
                        i + 1
                    ),
                ));
            }
        }
        Ok(names)
    }

    /// The properties of an alternative and those of them it requires, in spec order (an
    /// `allOf` of one schema alone is that schema).
    fn property_names(
        &self,
        alt: SRef<'a>,
        origin: &str,
    ) -> Result<(Vec<&'a str>, Vec<&'a str>), Error> {
        let mut v = self.view_of(alt, origin)?;
        for _ in 0..16 {
            match v.all_of.as_slice() {
                [only] if v.properties.is_empty() => v = self.view_of(*only, origin)?,
                _ => break,
            }
        }
        if v.properties.is_empty() && v.all_of.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut props = Vec::new();
        let mut required = BTreeSet::new();
        self.collect_properties(&v, origin, 0, &mut props, &mut required)?;
        let props: Vec<&str> = props.into_iter().map(|(n, _)| n).collect();
        let required = props
            .iter()
            .copied()
            .filter(|p| required.contains(p))
            .collect();
        Ok((props, required))
    }

    /// What an array alternative holds, to tell two arrays apart: the `$ref`'d component's
    /// name, the items' title, or their primitive kind.
    fn item_name(&self, items: SRef<'a>, origin: &str) -> Result<Option<String>, Error> {
        if let SRef::Ref(r) = items {
            return Ok(Some(type_name(r.rsplit('/').next().unwrap_or(r))));
        }
        let v = self.view_of(items, origin)?;
        Ok(v.title
            .map(type_name)
            .or_else(|| primitive_name(v.prim, v.properties.is_empty())))
    }
}

fn primitive_name(prim: Option<Prim>, no_properties: bool) -> Option<String> {
    let name = match prim {
        Some(Prim::String) => "String",
        Some(Prim::Integer) => "Integer",
        Some(Prim::Number) => "Number",
        Some(Prim::Boolean) => "Boolean",
        Some(Prim::Array) => "Array",
        Some(Prim::Object) if no_properties => "Object",
        _ => return None,
    };
    Some(name.to_string())
}

fn check(
    clashes: &[Clash],
    owners: &BTreeMap<String, String>,
    defs: &BTreeMap<String, TypeDef>,
    file: &Path,
) -> Result<(), Error> {
    let Some(clash) = clashes.iter().find(|c| defs.contains_key(&c.provisional)) else {
        return Ok(());
    };
    let owner = owners
        .get(&clash.wanted)
        .map(String::as_str)
        .unwrap_or("another type");
    Err(Error::Unsupported {
        path: file.to_path_buf(),
        context: clash.origin.clone(),
        message: format!(
            "the naming rule names it `{}`, the name of {owner}, and it is not that type \
             (nor that type plus fields); generated names are never numbered, so make one of \
             them a component schema of its own name in spec/overrides.yaml",
            clash.wanted
        ),
    })
}
