//! The one place xtask calls the generator.

use std::path::Path;

use crate::error::{Error, Result};
use crate::tree::Files;

/// Runs `codegen` on `spec` (with the override layer and the SDK names, if any) for
/// `channel` and returns the generated files and the resource features. Nothing is written
/// here.
pub fn generate(
    spec: &Path,
    overrides: Option<&Path>,
    names: Option<&Path>,
    version: &str,
    channel: codegen::Channel,
) -> Result<(Files, Vec<String>)> {
    let options = codegen::Options {
        spec: spec.to_path_buf(),
        overrides: overrides.map(Path::to_path_buf),
        names: names.map(Path::to_path_buf),
        version: version.to_string(),
        runtime: "crate".to_string(),
        channel,
    };
    match codegen::generate(&options) {
        Ok(output) => Ok((output.files, output.features)),
        Err(error) => Err(Error::with_source(
            format!("code generation from {} failed", spec.display()),
            error,
        )),
    }
}
