//! Locating the upstream descriptions in tests: `$INTERCOM_OPENAPI_DIR` (a relative value is
//! taken from the repository root, since `cargo test` runs each crate in its own directory),
//! else the `shared/intercom-openapi` checkout next to the repository.

use std::path::PathBuf;

/// The directory holding `descriptions/<version>/api.intercom.io.yaml`.
pub fn openapi_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match std::env::var_os("INTERCOM_OPENAPI_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => root.join(dir),
        None => root.join("../shared/intercom-openapi"),
    }
}

/// The spec file of `version`; panics with a clear message when it is not there, since a
/// test without its input must fail rather than pass vacuously.
pub fn spec_file(version: &str) -> PathBuf {
    let path = openapi_dir()
        .join("descriptions")
        .join(version)
        .join("api.intercom.io.yaml");
    assert!(
        path.is_file(),
        "{} not found: set INTERCOM_OPENAPI_DIR to the intercom-openapi checkout",
        path.display()
    );
    path
}

/// The project's override layer, `spec/overrides.yaml`.
pub fn overrides_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/overrides.yaml")
}

/// Intercom's SDK names for the operations, `spec/names.yaml`.
pub fn names_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/names.yaml")
}

/// What the hand-written layer needs from a version, `spec/capabilities.yaml`.
pub fn capabilities_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/capabilities.yaml")
}

/// The pinned API version (`version` in `spec/pin.toml`): the snapshots of the generated
/// surface are taken from it, so `cargo xtask bump` and the tests agree on what they list.
pub fn pinned_version() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/pin.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    text.lines()
        .find_map(|line| {
            let (key, value) = line.split_once('=')?;
            let value = value.split('#').next()?.trim().trim_matches('"');
            (key.trim() == "version").then(|| value.to_string())
        })
        .unwrap_or_else(|| panic!("{}: no `version`", path.display()))
}

/// The options the xtask uses for `version`, generating for the `intercom-api` crate.
pub fn options(version: &str) -> crate::Options {
    crate::Options {
        spec: spec_file(version),
        overrides: Some(overrides_file()),
        names: Some(names_file()),
        capabilities: Some(capabilities_file()),
        version: version.to_string(),
        runtime: "crate".to_string(),
        channel: crate::Channel::Stable,
    }
}

/// The options the xtask uses for the Preview surface (`descriptions/0`, feature `preview`).
pub fn preview_options() -> crate::Options {
    crate::Options {
        channel: crate::Channel::Preview,
        ..options("0")
    }
}
