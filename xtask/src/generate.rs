//! The one place xtask calls the generator.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::tree::Files;

/// The project's files the generator reads beside the spec (`spec/`), each when it exists.
#[derive(Debug, Clone, Default)]
pub struct SpecLayer {
    /// The override layer, `spec/overrides.yaml`.
    pub overrides: Option<PathBuf>,
    /// Intercom's SDK names, `spec/names.yaml`.
    pub names: Option<PathBuf>,
    /// What the hand-written layer needs from a version, `spec/capabilities.yaml`.
    pub capabilities: Option<PathBuf>,
}

/// Runs `codegen` on `spec` (with the spec layer's files) for `channel` and returns the
/// generated files and the resource features. Nothing is written here.
pub fn generate(
    spec: &Path,
    layer: &SpecLayer,
    version: &str,
    channel: codegen::Channel,
) -> Result<(Files, Vec<String>)> {
    let output = generate_all(spec, layer, version, channel)?;
    Ok((output.files, output.features))
}

/// The surface of `spec` (with the spec layer's files), without generating code.
pub fn describe(
    spec: &Path,
    layer: &SpecLayer,
    version: &str,
) -> Result<codegen::surface::Surface> {
    codegen::describe(&options(spec, layer, version, codegen::Channel::Stable))
        .map_err(|error| Error::with_source(format!("cannot describe {}", spec.display()), error))
}

/// Everything `codegen` generates from `spec`: files, features and the surface listings.
pub fn generate_all(
    spec: &Path,
    layer: &SpecLayer,
    version: &str,
    channel: codegen::Channel,
) -> Result<codegen::Output> {
    codegen::generate(&options(spec, layer, version, channel)).map_err(|error| {
        Error::with_source(
            format!("code generation from {} failed", spec.display()),
            error,
        )
    })
}

fn options(
    spec: &Path,
    layer: &SpecLayer,
    version: &str,
    channel: codegen::Channel,
) -> codegen::Options {
    codegen::Options {
        spec: spec.to_path_buf(),
        overrides: layer.overrides.clone(),
        names: layer.names.clone(),
        capabilities: layer.capabilities.clone(),
        version: version.to_string(),
        runtime: "crate".to_string(),
        channel,
    }
}
