//! `cargo xtask versions`: every published API version regenerated into a scratch copy of
//! `intercom-api` and `cargo check`ed, so a hand-written part that only fits one version's
//! generated items is noticed.
//!
//! Each version gets `<target>/versions/<V>/`: a one-crate workspace (the root manifest with
//! only `intercom-api` as member, the root `Cargo.lock`, `README.md`), and a copy of
//! `intercom-api` whose `src/generated` and resource features come from that version's spec.
//! The dev-dependencies and targets are left out: only the library is checked. All versions
//! share one target directory (`<target>/versions-check`), so dependencies build once.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Context, Error, Result};
use crate::features::rewrite;
use crate::generate::generate;
use crate::pin::{validate_version, Pin};
use crate::regen::{Env, Workspace};
use crate::resolve::{resolve, Sources};
use crate::tree::Files;
use crate::write::replace_tree;

/// How many error lines of a failing version are shown.
const SHOWN_ERRORS: usize = 8;

/// Checks every version (or `only`); `Ok(true)` when all compiled.
pub fn run(workspace: &Workspace, env: &Env, only: &[String]) -> Result<bool> {
    let dir = env.openapi_dir.as_ref().ok_or_else(|| {
        Error::msg("`versions` needs $INTERCOM_OPENAPI_DIR (a checkout with every description)")
    })?;
    let descriptions = Path::new(dir).join("descriptions");
    let mut versions = if only.is_empty() {
        list_versions(&descriptions)?
    } else {
        only.to_vec()
    };
    versions.sort_by_key(|v| version_key(v));
    let target = workspace.target_dir()?;
    let shared = target.join("versions-check");
    let pin = Pin::load(&workspace.root.join("spec/pin.toml"))?;
    let cache_dir = workspace.cache_dir();
    let sources = Sources {
        explicit: None,
        openapi_dir: Some(dir.as_os_str()),
        cache_dir: &cache_dir,
        base_url: &env.base_url,
    };
    let mut compiled = 0;
    for version in &versions {
        validate_version(version)?;
        let spec = resolve(&pin, version, &sources)?;
        let generated = generate(
            &spec.path,
            &workspace.spec_layer(),
            version,
            codegen::Channel::Stable,
        );
        let (files, features) = match generated {
            Ok(output) => output,
            Err(error) => {
                println!("{version}: generation failed: {}", error.chain().join(": "));
                continue;
            }
        };
        let scratch = target.join("versions").join(version);
        scaffold(workspace, &scratch, &files, &features)
            .context(|| format!("cannot write the scratch crate for {version}"))?;
        let errors = check(&scratch, &shared)?;
        if errors.is_empty() {
            println!("{version}: compiled");
            compiled += 1;
        } else {
            println!("{version}: {} error(s)", errors.len());
            for line in errors.iter().take(SHOWN_ERRORS) {
                println!("    {line}");
            }
        }
    }
    println!("versions compiled: {compiled}/{}", versions.len());
    Ok(compiled == versions.len())
}

/// The version directories under `descriptions/`.
fn list_versions(descriptions: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(descriptions)
        .context(|| format!("cannot list {}", descriptions.display()))?;
    let mut versions = Vec::new();
    for entry in entries {
        let entry = entry.context(|| format!("cannot list {}", descriptions.display()))?;
        if entry.path().join("api.intercom.io.yaml").is_file() {
            if let Some(name) = entry.file_name().to_str() {
                versions.push(name.to_string());
            }
        }
    }
    if versions.is_empty() {
        return Err(Error::msg(format!(
            "no descriptions in {}",
            descriptions.display()
        )));
    }
    Ok(versions)
}

/// Numbered versions in order (`2.7` before `2.10`), Preview (`0`) last.
fn version_key(version: &str) -> (bool, Vec<u32>, String) {
    let numbers = version
        .split('.')
        .map(|part| part.parse().unwrap_or(u32::MAX))
        .collect();
    (version == "0", numbers, version.to_string())
}

/// Writes the scratch workspace for one version.
fn scaffold(
    workspace: &Workspace,
    scratch: &Path,
    files: &Files,
    features: &[String],
) -> Result<()> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).context(|| format!("cannot write {}", path.display()))
    };
    let krate = scratch.join("intercom-api");
    let src = krate.join("src");
    if src.exists() {
        std::fs::remove_dir_all(&src).context(|| format!("cannot clear {}", src.display()))?;
    }
    copy_tree(
        &workspace.root.join("intercom-api/src"),
        &src,
        Path::new("generated"),
    )?;
    std::fs::create_dir_all(src.join("generated"))
        .context(|| format!("cannot create {}", src.display()))?;
    replace_tree(&src.join("generated"), files)?;

    let manifest = read(workspace.root.join("intercom-api/Cargo.toml"))?;
    let manifest = rewrite(&manifest, features)?;
    let library_only = manifest
        .split_once("\n[dev-dependencies]")
        .map(|(library, _)| library.to_string())
        .ok_or_else(|| Error::msg("intercom-api/Cargo.toml has no [dev-dependencies] table"))?;
    write(krate.join("Cargo.toml"), &library_only)?;

    let root = read(workspace.root.join("Cargo.toml"))?;
    write(scratch.join("Cargo.toml"), &scratch_root(&root))?;
    write(
        scratch.join("Cargo.lock"),
        &read(workspace.root.join("Cargo.lock"))?,
    )?;
    write(
        scratch.join("README.md"),
        &read(workspace.root.join("README.md"))?,
    )?;
    Ok(())
}

/// The root manifest with `intercom-api` as its only member and no per-package profiles.
fn scratch_root(root: &str) -> String {
    let mut out = String::new();
    let mut in_profile = false;
    for line in root.lines() {
        if line.starts_with('[') {
            in_profile = line.starts_with("[profile");
        }
        if in_profile {
            continue;
        }
        if line.trim_start().starts_with("members") {
            out.push_str("members = [\"intercom-api\"]\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Copies `from` to `to`, leaving out the entry `skip` directly under `from`.
fn copy_tree(from: &Path, to: &Path, skip: &Path) -> Result<()> {
    std::fs::create_dir_all(to).context(|| format!("cannot create {}", to.display()))?;
    let entries = std::fs::read_dir(from).context(|| format!("cannot list {}", from.display()))?;
    for entry in entries {
        let entry = entry.context(|| format!("cannot list {}", from.display()))?;
        let name = entry.file_name();
        if Path::new(&name) == skip {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if source.is_dir() {
            copy_tree(&source, &target, Path::new(""))?;
        } else {
            std::fs::copy(&source, &target)
                .context(|| format!("cannot copy {}", source.display()))?;
        }
    }
    Ok(())
}

/// `cargo check`s the scratch library; the error lines, empty when it compiled.
fn check(scratch: &Path, target: &Path) -> Result<Vec<String>> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--lib",
            "--quiet",
            "--message-format",
            "short",
            "--manifest-path",
        ])
        .arg(scratch.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .context(|| "cannot run cargo".to_string())?;
    if output.status.success() {
        return Ok(Vec::new());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut errors: Vec<String> = stderr
        .lines()
        .filter(|l| is_error(l))
        .map(str::to_string)
        .collect();
    if errors.is_empty() {
        errors.push(format!("cargo failed: {}", stderr.trim()));
    }
    Ok(errors)
}

/// Whether a line of `--message-format short` output is an error (`file:1:2: error[E0432]: …`
/// or `error: …`), not a warning that mentions one, nor cargo's closing "could not compile".
fn is_error(line: &str) -> bool {
    let level = match line.split_once(": ") {
        Some((location, rest)) if !location.starts_with("error") => rest,
        _ => line,
    };
    level.starts_with("error") && !level.starts_with("error: could not compile")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_numerically_with_preview_last() {
        let mut versions = vec!["0", "2.10", "2.7", "2.16", "2.9"];
        versions.sort_by_key(|v| version_key(v));
        assert_eq!(versions, ["2.7", "2.9", "2.10", "2.16", "0"]);
    }

    #[test]
    fn only_error_lines_are_errors() {
        for error in [
            "intercom-api/src/paging.rs:4:34: error[E0432]: unresolved import `crate::models::X`",
            "error[E0601]: `main` function not found",
            "error: expected item, found `}`",
        ] {
            assert!(is_error(error), "{error}");
        }
        for other in [
            "intercom-api/src/generated/models/data_connectors.rs:1121:5: warning: variant `V3rd_party_error` should have an upper camel case name",
            "warning: unused import: `error`",
            "error: could not compile `intercom-api` (lib) due to 2 previous errors",
        ] {
            assert!(!is_error(other), "{other}");
        }
    }

    #[test]
    fn the_scratch_root_has_one_member_and_no_package_profiles() {
        let root = "[workspace]\nmembers = [\"a\", \"b\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev.package.codegen]\nopt-level = 3\n";
        assert_eq!(
            scratch_root(root),
            "[workspace]\nmembers = [\"intercom-api\"]\n\n[workspace.package]\nedition = \"2021\"\n\n"
        );
    }
}
