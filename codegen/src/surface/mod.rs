//! The user-visible surface of the generated crate, described from the IR once: every
//! operation (route, call, arguments, body, response) and every model (struct fields with the
//! Rust type a user sees, enum values, union alternatives, aliases).
//!
//! The reviewed snapshot listings (`api_surface`, `models_surface`) are rendered from it, and
//! `crate::diff` compares two of them, so a snapshot line and a diff line never disagree.

mod models;
mod operations;
mod types;

use std::collections::BTreeMap;

pub use models::{FieldSurface, ModelKind, ModelSurface};
pub use operations::{OperationSurface, ParamSurface};
pub use types::{display, rust_type};

use crate::ir::Api;
use crate::Channel;

/// The whole surface of one generated version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surface {
    /// The `Intercom-Version` the description sends by default.
    pub version: String,
    /// Every operation, sorted by path, then by its listing line.
    pub operations: Vec<OperationSurface>,
    /// Every named type, by Rust name.
    pub models: BTreeMap<String, ModelSurface>,
}

impl Surface {
    /// Describes `api` as generated for `channel` (Preview calls start at `preview()`).
    pub fn of(api: &Api, channel: Channel) -> Surface {
        let mut operations: Vec<OperationSurface> = api
            .operations
            .iter()
            .map(|op| OperationSurface::of(op, channel))
            .collect();
        operations.sort_by_cached_key(|op| (op.path.clone(), op.line()));
        Surface {
            version: api.version.clone(),
            operations,
            models: api
                .types
                .values()
                .map(|def| (def.name.clone(), ModelSurface::of(def)))
                .collect(),
        }
    }

    /// One line per operation:
    /// `METHOD /path -> namespace().method(args) [.setters] -> Response`.
    pub fn operations_listing(&self) -> String {
        listing(self.operations.iter().map(OperationSurface::line))
    }

    /// One line per model (`Contact: struct (received)`), then one per struct field
    /// (`Contact.owner_id: Option<String>`); enums list their wire values, unions their
    /// alternatives.
    pub fn models_listing(&self) -> String {
        listing(self.models.values().flat_map(ModelSurface::lines))
    }
}

fn listing(lines: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
