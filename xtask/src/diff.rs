//! `cargo xtask diff FROM TO`: the classified changes between two descriptions' generated
//! surfaces, as Markdown on stdout. The comparing is `codegen::diff`'s; this resolves the two
//! sides and prints.

use std::path::{Path, PathBuf};

use crate::args::DiffArgs;
use crate::error::{Error, Result};
use crate::generate::{describe, SpecLayer};
use crate::pin::{validate_version, Pin};
use crate::regen::{Env, Workspace};
use crate::resolve::{resolve, Sources, SPEC_FILE};

/// Runs `diff`. Returns `Ok(false)` when `--fail-on-breaking` is given and a change breaks.
pub fn run(args: &DiffArgs, workspace: &Workspace, env: &Env) -> Result<bool> {
    let pin = Pin::load(&workspace.root.join("spec/pin.toml"))?;
    let cache_dir = workspace.cache_dir();
    let sources = Sources {
        explicit: None,
        openapi_dir: env.openapi_dir.as_deref(),
        cache_dir: &cache_dir,
        base_url: &env.base_url,
    };
    let layer = workspace.spec_layer();
    let from = side(&args.from, &pin, &sources)?;
    let to = side(&args.to, &pin, &sources)?;
    let report = compare(&from, &to, &layer)?;
    print!("{}", report.markdown(2));
    Ok(!(args.fail_on_breaking && report.breaking() > 0))
}

/// One side of a diff: what it is called, its YAML file and the version selecting overrides.
#[derive(Debug, Clone)]
pub struct Side {
    /// The argument as given (`2.15`, a path).
    pub label: String,
    /// The description.
    pub spec: PathBuf,
    /// The API version.
    pub version: String,
}

/// The report from `from` to `to`, each described with the spec layer.
pub fn compare(from: &Side, to: &Side, layer: &SpecLayer) -> Result<codegen::diff::Report> {
    let old = describe(&from.spec, layer, &from.version)?;
    let new = describe(&to.spec, layer, &to.version)?;
    Ok(codegen::diff::Report::compare(
        &from.label,
        &old,
        &to.label,
        &new,
    ))
}

/// A path when `arg` looks like one (a separator or a YAML/JSON extension), else a version
/// resolved like regen's `--version`.
fn side(arg: &str, pin: &Pin, sources: &Sources<'_>) -> Result<Side> {
    let looks_like_path = arg.contains('/')
        || arg.contains(std::path::MAIN_SEPARATOR)
        || [".yaml", ".yml", ".json"]
            .iter()
            .any(|ext| arg.ends_with(ext));
    if !looks_like_path {
        validate_version(arg)?;
        let spec = resolve(pin, arg, sources)?;
        return Ok(Side {
            label: arg.to_string(),
            spec: spec.path,
            version: arg.to_string(),
        });
    }
    let spec = PathBuf::from(arg);
    if !spec.is_file() {
        return Err(Error::msg(format!("{arg}: no such spec file")));
    }
    let version = match directory_version(&spec) {
        Some(version) => version,
        None => codegen::load::declared_version(&spec)
            .map_err(|e| Error::with_source(format!("cannot read the spec {arg}"), e))?,
    };
    Ok(Side {
        label: arg.to_string(),
        spec,
        version,
    })
}

/// `V` of a path `…/descriptions/V/api.intercom.io.yaml`.
fn directory_version(spec: &Path) -> Option<String> {
    let dir = spec.parent()?;
    let in_descriptions = dir.parent()?.file_name()? == "descriptions";
    let named = spec.file_name()? == SPEC_FILE;
    let version = dir.file_name()?.to_str()?;
    (in_descriptions && named && validate_version(version).is_ok()).then(|| version.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_directory_names_the_version() {
        let path = Path::new("x/descriptions/2.15/api.intercom.io.yaml");
        assert_eq!(directory_version(path), Some("2.15".into()));
        assert_eq!(
            directory_version(Path::new("x/2.15/api.intercom.io.yaml")),
            None
        );
        assert_eq!(
            directory_version(Path::new("x/descriptions/2.15/other.yaml")),
            None
        );
    }
}
