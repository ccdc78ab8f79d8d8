//! Stage 2: the intermediate representation — the only thing the emitter sees.
//!
//! It is deliberately small: named types (structs, string enums, unions, aliases), type
//! references, and operations with their parameters, body and response.

mod api;
mod build;
mod docs;
mod fit;
mod merge;
mod model;
mod names;
mod naming;
mod ops;
mod paging;
mod props;
mod registry;
mod rename;
mod same;
mod sdk_names;
mod search;
mod shape;
mod types;
mod union_shapes;
mod unions;
mod usage;
mod view;

pub use api::Api;
pub use build::build;
pub use model::{
    namespace_type, Body, EnumVariant, Field, Fit, Operation, PageKind, Pagination, Param,
    QueryStyle, Response, TypeDef, TypeKind, TypeRef, UnionVariant, Usage,
};
pub use names::{field_ident, is_keyword, type_name, variant_name};
pub(crate) use paging::response_fields;
pub use search::{FieldName, SearchCatalogue, SearchField, SearchKind, SearchOperator, SearchType};
pub use shape::FieldShape;
pub use usage::ALL_RESOURCES;
