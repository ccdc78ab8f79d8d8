//! The Intercom client generator: OpenAPI document -> IR -> Rust source.
//!
//! The pipeline has one module per stage, each with one job:
//! [`load`] parses the YAML, applies the project's override layer and checks every `$ref`;
//! [`ir`] turns the typed OpenAPI document into a small model of types and operations;
//! [`emit`] turns that model into formatted Rust files. `emit` never sees OpenAPI types.

pub mod capabilities;
pub mod diff;
pub mod emit;
mod error;
pub mod ir;
pub mod load;
pub mod surface;
pub mod testing;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use error::Error;

/// What to generate from.
#[derive(Debug, Clone)]
pub struct Options {
    /// The OpenAPI YAML file.
    pub spec: PathBuf,
    /// The project's override layer (`spec/overrides.yaml`); `None` applies no corrections.
    pub overrides: Option<PathBuf>,
    /// Intercom's SDK names for the operations (`spec/names.yaml`); `None` derives every name.
    pub names: Option<PathBuf>,
    /// What the hand-written layer needs from a version (`spec/capabilities.yaml`); `None`
    /// declares no capability.
    pub capabilities: Option<PathBuf>,
    /// The API version the spec describes (`2.14`, `0` for Preview); selects overrides
    /// ([`load::declared_version`] reads it from a description).
    pub version: String,
    /// The Rust path of the runtime the generated code calls (`crate` inside intercom-api).
    pub runtime: String,
    /// Whether this is the stable surface or the opt-in Preview one.
    pub channel: Channel,
}

/// Which surface of the crate the generated code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Channel {
    /// The pinned version: namespaces on `Client` (`client.contacts()`), one cargo feature per
    /// top-level namespace, the search builders, the test and MCP tables.
    #[default]
    Stable,
    /// Intercom's Preview description, generated into `generated/preview/`: namespaces on
    /// `Preview` (`client.preview().contacts()`), every request sending the description's own
    /// `Intercom-Version`, everything under the one `preview` feature, and a conformance
    /// table sharing the stable table's `Call` and `Answer`.
    Preview,
}

impl Channel {
    /// The `Client` method a call on this channel goes through: none, or `preview`.
    pub fn root_method(self) -> Option<&'static str> {
        match self {
            Channel::Stable => None,
            Channel::Preview => Some("preview"),
        }
    }

    /// What a call starts with after `client.`: nothing, or `preview().`.
    pub fn call_root(self) -> String {
        self.root_method()
            .map_or_else(String::new, |method| format!("{method}()."))
    }
}

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

/// The surface `options` generates (operations and models), without emitting any code: what
/// [`diff::Report::compare`] compares.
pub fn describe(options: &Options) -> Result<surface::Surface, Error> {
    let doc = load::load(options)?;
    let api = ir::build(&doc)?;
    Ok(surface::Surface::of(&api, options.channel))
}

/// Runs the whole pipeline. Nothing is written: the caller decides where the files go.
pub fn generate(options: &Options) -> Result<Output, Error> {
    let doc = load::load(options)?;
    let mut api = ir::build(&doc)?;
    if options.channel == Channel::Preview {
        api.drop_features();
        api.drop_search();
    }
    let capabilities = match &options.capabilities {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            capabilities::evaluate(path, &text, &api)?
        }
        None => Vec::new(),
    };
    emit::emit(&api, &options.runtime, options.channel, &capabilities)
}
