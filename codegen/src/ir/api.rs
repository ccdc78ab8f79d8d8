//! The whole API: the named types, the operations and the search catalogues.

use std::collections::BTreeMap;

use super::model::{Operation, TypeDef};
use super::search::SearchCatalogue;

/// The whole API, sorted and ready to emit.
#[derive(Debug, Clone)]
pub struct Api {
    /// The `Intercom-Version` the description sends by default (`2.14`, `Preview`).
    pub version: String,
    /// Named types keyed by Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// Operations sorted by module, then path, then method.
    pub operations: Vec<Operation>,
    /// The field catalogues of the search endpoints, parsed from their descriptions.
    pub search: Vec<SearchCatalogue>,
}

impl Api {
    /// Forgets the search catalogues and the typed search bodies: the Preview surface has no
    /// search builder of its own, so its search operations take the models.
    pub fn drop_search(&mut self) {
        self.search.clear();
        for body in self.operations.iter_mut().filter_map(|o| o.body.as_mut()) {
            body.search = None;
        }
    }

    /// Forgets the per-resource features: every type compiles whenever the surface does (the
    /// Preview surface sits behind one feature of its own).
    pub fn drop_features(&mut self) {
        for def in self.types.values_mut() {
            def.features.clear();
        }
    }
}
