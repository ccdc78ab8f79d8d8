//! Builds the [`Api`] from a loaded document.

use indexmap::IndexMap;

use super::registry::Types;
use super::{merge, ops, paging, search, union_shapes, usage, Api};
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
    let mut search = search::catalogues(&doc.api, &operations, &doc.file)?;
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
    if union_shapes::share(&mut defs, &mut operations, &types.components()) {
        usage::assign(&mut defs, &operations);
    }
    search::link_enums(&mut search, &defs, &operations);
    search::type_bodies(&search, &mut operations);
    Ok(Api {
        version: header_version(doc),
        types: defs,
        operations,
        search,
    })
}

/// The `Intercom-Version` the description sends by default: the `default` of its
/// `intercom_version` schema (what every operation's `Intercom-Version` header refers to),
/// `Preview` for the Preview description whose directory is `0`; the version it was loaded
/// as when the description has no such string.
fn header_version(doc: &Document) -> String {
    ops::shared_version(&doc.api).unwrap_or_else(|| doc.version.clone())
}
