//! What to generate from: the input files, the version and the channel (stable or Preview).

use std::path::PathBuf;

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
    /// ([`crate::load::declared_version`] reads it from a description).
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
