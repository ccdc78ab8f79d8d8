//! What the pipeline produces: the generated files and the surfaces and features they have.

use std::collections::BTreeMap;

use crate::capabilities;

/// The generated files, keyed by path relative to the output directory (`/`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// File path -> file contents.
    pub files: BTreeMap<String, String>,
    /// One line per operation: `METHOD /path -> method(args) -> Response`.
    pub surface: String,
    /// One line per model and per struct field, with the Rust type a user sees
    /// (`Contact.owner_id: Option<String>`); enums with their values, unions with their
    /// alternatives.
    pub models: String,
    /// The resource features, one per operation module, sorted: the generated code compiles
    /// each module's operations, and the models they reach, under the feature of its name.
    pub features: Vec<String>,
    /// The capabilities of the capabilities file, each with whether this version meets it.
    pub capabilities: Vec<capabilities::Capability>,
}
