//! Builds the [`Api`] from a loaded document.

use indexmap::IndexMap;

use super::types::Types;
use super::{merge, ops, paging, search, usage, Api};
use crate::load::Document;
use crate::Error;

/// Converts the document into the IR: every component schema, every operation.
pub fn build(doc: &Document) -> Result<Api, Error> {
    let empty = IndexMap::new();
    let schemas = doc
        .api
        .components
        .as_ref()
        .map(|c| &c.schemas)
        .unwrap_or(&empty);
    let mut types = Types::new(&doc.file, schemas)?;
    types.define_components()?;
    let mut operations = ops::operations(&doc.api, &mut types, &doc.file)?;
    let search = search::catalogues(&doc.api, &operations, &doc.file)?;
    let mut defs = std::mem::take(&mut types.defs);
    merge::merge(
        &mut defs,
        &mut operations,
        &types.components(),
        &types.bases,
    );
    types.check_clashes(&defs)?;
    paging::attach(&doc.api, &defs, &mut operations, &doc.file)?;
    usage::assign(&mut defs, &operations);
    Ok(Api {
        version: doc.version.clone(),
        types: defs,
        operations,
        search,
    })
}
