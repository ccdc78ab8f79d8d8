//! The type registry: the named types collected while schemas are converted, the names given
//! out (component names reserved up front, inline ones claimed by the rule in
//! [`naming`](super::naming)) and the inline types whose names clashed. Conversion
//! ([`types`](super::types)), naming and union fits ([`fit`](super::fit)) each add methods to
//! [`Types`]; this module holds what they share.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use indexmap::IndexMap;
use openapiv3::{ReferenceOr, Schema};

use super::names::type_name;
use super::TypeDef;
use crate::Error;

/// Where a new named type's name comes from.
pub(super) enum Slot {
    /// A component schema's own, already reserved name.
    Reserved(String),
    /// A suggestion for an inline type; made unique.
    Hint(String),
}

/// Collects named types while schemas are converted.
pub struct Types<'a> {
    pub(super) file: &'a Path,
    pub(super) schemas: &'a IndexMap<String, ReferenceOr<Schema>>,
    pub(super) names: BTreeMap<String, String>,
    /// Every type name given out, provisional ones included.
    pub(super) taken: BTreeSet<String>,
    /// Where the schema that holds each name (not a provisional one) is.
    pub(super) owners: BTreeMap<String, String>,
    /// The inline types that hold provisional names.
    pub(super) clashes: Vec<Clash>,
    /// Structs built as one component plus properties (`allOf` of a single `$ref`), with
    /// that component's name.
    pub bases: BTreeMap<String, String>,
    /// The named types found so far, by Rust name.
    pub defs: BTreeMap<String, TypeDef>,
}

impl<'a> Types<'a> {
    /// Reserves a Rust name for every component schema; fails on two schemas with one name.
    pub fn new(
        file: &'a Path,
        schemas: &'a IndexMap<String, ReferenceOr<Schema>>,
    ) -> Result<Self, Error> {
        let mut names = BTreeMap::new();
        let mut taken = BTreeSet::new();
        let mut owners = BTreeMap::new();
        let mut sorted: Vec<&String> = schemas.keys().collect();
        sorted.sort();
        let mut owner: BTreeMap<String, &String> = BTreeMap::new();
        for schema in sorted {
            let rust = type_name(schema);
            if let Some(first) = owner.insert(rust.clone(), schema) {
                return Err(Error::Unsupported {
                    path: file.to_path_buf(),
                    context: format!("schema {schema}"),
                    message: format!("its Rust name `{rust}` is also the name of schema {first}"),
                });
            }
            taken.insert(rust.clone());
            owners.insert(rust.clone(), format!("schema {schema}"));
            names.insert(schema.clone(), rust);
        }
        Ok(Types {
            file,
            schemas,
            names,
            taken,
            owners,
            clashes: Vec::new(),
            bases: BTreeMap::new(),
            defs: BTreeMap::new(),
        })
    }

    /// The Rust names of the component schemas.
    pub fn components(&self) -> BTreeSet<String> {
        self.names.values().cloned().collect()
    }

    pub(super) fn unsupported(&self, context: &str, message: impl Into<String>) -> Error {
        Error::Unsupported {
            path: self.file.to_path_buf(),
            context: context.to_string(),
            message: message.into(),
        }
    }
}

/// An inline type whose name was taken: it holds a provisional name until merging is done.
#[derive(Debug, Clone)]
pub struct Clash {
    /// The provisional name.
    pub(super) provisional: String,
    /// The name the rule gives it.
    pub(super) wanted: String,
    /// Where the inline schema is.
    pub(super) origin: String,
}
