//! `cargo xtask versions`: every published API version regenerated into a scratch copy of
//! `intercom-api` and `cargo check`ed, so a hand-written part that only fits one version's
//! generated items is noticed.
//!
//! `<target>/versions/` is one scratch workspace: each version gets `<V>/intercom-api/`, a copy
//! of `intercom-api` named `intercom-api-v<V>` whose `src/generated` and resource features come
//! from that version's spec (`<V>/README.md` beside it, as the manifest's `readme` expects), and
//! the root holds the workspace manifest and the root `Cargo.lock`. The dev-dependencies and
//! targets are left out: only the libraries are checked, by one `cargo check --workspace
//! --keep-going` in `<target>/versions-check`, so dependencies build once and cargo checks two
//! versions at a time on two cores.

use std::collections::BTreeMap;
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
    let scratch = target.join("versions");
    let mut not_generated = BTreeMap::new();
    let mut members = Vec::new();
    for version in &versions {
        validate_version(version)?;
        let spec = resolve(&pin, version, &sources)?;
        let generated = generate(
            &spec.path,
            &workspace.spec_layer(),
            version,
            codegen::Channel::Stable,
        );
        match generated {
            Ok((files, features)) => {
                scaffold(
                    workspace,
                    &scratch.join(version),
                    version,
                    &files,
                    &features,
                )
                .context(|| format!("cannot write the scratch crate for {version}"))?;
                members.push(version.clone());
            }
            Err(error) => {
                not_generated.insert(version.clone(), error.chain().join(": "));
            }
        }
    }
    scaffold_root(workspace, &scratch, &members)?;
    let failed = check(&scratch, &shared, &members)?;
    let mut compiled = 0;
    for version in &versions {
        if let Some(reason) = not_generated.get(version) {
            println!("{version}: generation failed: {reason}");
            continue;
        }
        match failed.get(version) {
            None => {
                println!("{version}: compiled");
                compiled += 1;
            }
            Some(errors) => {
                println!("{version}: {} error(s)", errors.len());
                for line in errors.iter().take(SHOWN_ERRORS) {
                    println!("    {line}");
                }
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

/// The scratch package name of a version: `intercom-api-v2-16`, `intercom-api-v0`.
fn package_name(version: &str) -> String {
    format!("intercom-api-v{}", version.replace('.', "-"))
}

/// Writes one version's member of the scratch workspace, in `dir` (`<target>/versions/<V>`).
fn scaffold(
    workspace: &Workspace,
    dir: &Path,
    version: &str,
    files: &Files,
    features: &[String],
) -> Result<()> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).context(|| format!("cannot write {}", path.display()))
    };
    // A workspace root left here by an older layout would claim the member.
    for stale in ["Cargo.toml", "Cargo.lock"] {
        let path = dir.join(stale);
        if path.exists() {
            std::fs::remove_file(&path).context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    let krate = dir.join("intercom-api");
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
    write(krate.join("Cargo.toml"), &rename(&library_only, version)?)?;
    write(
        dir.join("README.md"),
        &read(workspace.root.join("README.md"))?,
    )?;
    Ok(())
}

/// The library manifest with the package renamed for `version` (one workspace holds them all).
fn rename(manifest: &str, version: &str) -> Result<String> {
    const NAME: &str = "name = \"intercom-api\"\n";
    if !manifest.contains(NAME) {
        return Err(Error::msg(
            "intercom-api/Cargo.toml has no `name = \"intercom-api\"` line",
        ));
    }
    Ok(manifest.replacen(NAME, &format!("name = \"{}\"\n", package_name(version)), 1))
}

/// Writes the scratch workspace's root: its manifest (the `members`) and the root `Cargo.lock`.
fn scaffold_root(workspace: &Workspace, scratch: &Path, members: &[String]) -> Result<()> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).context(|| format!("cannot write {}", path.display()))
    };
    std::fs::create_dir_all(scratch).context(|| format!("cannot create {}", scratch.display()))?;
    let root = read(workspace.root.join("Cargo.toml"))?;
    write(scratch.join("Cargo.toml"), &scratch_root(&root, members))?;
    write(
        scratch.join("Cargo.lock"),
        &read(workspace.root.join("Cargo.lock"))?,
    )
}

/// The root manifest with the versions' crates as members and no per-package profiles.
fn scratch_root(root: &str, members: &[String]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|version| format!("\"{version}/intercom-api\""))
        .collect();
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
            out.push_str(&format!("members = [{}]\n", members.join(", ")));
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

/// `cargo check`s every member of the scratch workspace at once; the error lines of each
/// version that did not compile (none when all did).
fn check(
    scratch: &Path,
    target: &Path,
    members: &[String],
) -> Result<BTreeMap<String, Vec<String>>> {
    if members.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--workspace",
            "--lib",
            "--keep-going",
            "--quiet",
            "--message-format",
            "short",
            "--manifest-path",
        ])
        .arg(scratch.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .context(|| "cannot run cargo".to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let failed = attribute(&stderr, members);
    if !output.status.success() && failed.is_empty() {
        return Err(Error::msg(format!(
            "cargo check of the versions failed: {}",
            stderr.trim()
        )));
    }
    Ok(failed)
}

/// Which versions failed, from `cargo check`'s output: a version failed when cargo could not
/// compile its package; its error lines are those under its directory (`2.16/intercom-api/…`).
fn attribute(stderr: &str, members: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut failed = BTreeMap::new();
    for version in members {
        let package = format!("`{}`", package_name(version));
        let failed_here = stderr
            .lines()
            .any(|l| l.starts_with("error: could not compile") && l.contains(&package));
        if !failed_here {
            continue;
        }
        let prefix = format!("{version}/intercom-api/");
        let mut errors: Vec<String> = stderr
            .lines()
            .filter(|l| l.starts_with(&prefix) && is_error(l))
            .map(str::to_string)
            .collect();
        if errors.is_empty() {
            errors.push(format!("cargo could not compile {package}"));
        }
        failed.insert(version.clone(), errors);
    }
    failed
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
    fn the_scratch_root_lists_the_versions_and_no_package_profiles() {
        let root = "[workspace]\nmembers = [\"a\", \"b\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev.package.codegen]\nopt-level = 3\n";
        assert_eq!(
            scratch_root(root, &["2.7".into(), "0".into()]),
            "[workspace]\nmembers = [\"2.7/intercom-api\", \"0/intercom-api\"]\n\n[workspace.package]\nedition = \"2021\"\n\n"
        );
    }

    #[test]
    fn each_version_gets_a_package_of_its_own() {
        let manifest = "[package]\nname = \"intercom-api\"\nversion = \"0.1.0\"\n";
        assert_eq!(
            rename(manifest, "2.16").unwrap(),
            "[package]\nname = \"intercom-api-v2-16\"\nversion = \"0.1.0\"\n"
        );
        assert!(rename("[package]\nname = \"other\"\n", "2.16").is_err());
    }

    #[test]
    fn errors_are_told_to_the_version_that_has_them() {
        let stderr = "\
2.7/intercom-api/src/wrappers/mod.rs:4:34: error[E0432]: unresolved import `crate::models::X`
2.7/intercom-api/src/wrappers/mod.rs:9:1: warning: unused import
0/intercom-api/src/lib.rs:1:1: warning: unused import
error: could not compile `intercom-api-v2-7` (lib) due to 1 previous error
";
        let members = ["2.7".to_string(), "2.16".to_string(), "0".to_string()];
        let failed = attribute(stderr, &members);
        assert_eq!(failed.keys().collect::<Vec<_>>(), ["2.7"]);
        assert_eq!(
            failed["2.7"],
            ["2.7/intercom-api/src/wrappers/mod.rs:4:34: error[E0432]: unresolved import `crate::models::X`"]
        );
        let bare = attribute(
            "error: could not compile `intercom-api-v0` (lib)\n",
            &members,
        );
        assert_eq!(bare["0"], ["cargo could not compile `intercom-api-v0`"]);
    }
}
