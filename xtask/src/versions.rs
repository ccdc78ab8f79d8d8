//! `cargo xtask versions`: every published API version regenerated into a scratch copy of
//! `intercom-api` and `cargo check`ed, so a hand-written part that only fits one version's
//! generated items is noticed.
//!
//! `<target>/versions/` is a scratch workspace (`scratch.rs`): each version gets
//! `<V>/intercom-api/`, a copy of `intercom-api` named `intercom-api-v<V>` whose
//! `src/generated` and resource features come from that version's spec (`<V>/README.md` beside
//! it, as the manifest's `readme` expects). Only the libraries are checked, all in one run.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Context, Error, Result};
use crate::features::rewrite;
use crate::generate::{generate, SpecLayer};
use crate::pin::{validate_version, Pin};
use crate::regen::{Env, Workspace};
use crate::resolve::{resolve, Sources};
use crate::scratch::{self, Member, Warnings};
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
    let pin = Pin::load(&workspace.root.join("spec/pin.toml"))?;
    let cache_dir = workspace.cache_dir();
    let sources = Sources {
        explicit: None,
        openapi_dir: Some(dir.as_os_str()),
        cache_dir: &cache_dir,
        base_url: &env.base_url,
    };
    let scratch = target.join("versions");
    let mut specs = Vec::new();
    for version in &versions {
        validate_version(version)?;
        specs.push(resolve(&pin, version, &sources)?.path);
    }
    let mut not_generated = BTreeMap::new();
    let mut members = Vec::new();
    let generated = generate_each(&versions, &specs, &workspace.spec_layer());
    for (version, generated) in versions.iter().zip(generated) {
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
                members.push(Member {
                    dir: format!("{version}/intercom-api"),
                    package: package_name(version),
                });
            }
            Err(reason) => {
                not_generated.insert(version.clone(), reason);
            }
        }
    }
    scratch::write_root(workspace, &scratch, &members, "")?;
    let failed = scratch::check(&scratch, &target, &members, Warnings::Allowed)?;
    let mut compiled = 0;
    for version in &versions {
        if let Some(reason) = not_generated.get(version) {
            println!("{version}: generation failed: {reason}");
            continue;
        }
        match failed.get(&package_name(version)) {
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

/// What generating one version gave: its files and resource features, or why it failed.
type Generated = std::result::Result<(Files, Vec<String>), String>;

/// Generates each version from its spec (`specs[i]` is `versions[i]`'s), in order, on as many
/// threads as there are cores: the versions are independent, and generated one after another
/// they kept a core idle until the check began.
fn generate_each(versions: &[String], specs: &[PathBuf], layer: &SpecLayer) -> Vec<Generated> {
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .clamp(1, versions.len().max(1));
    let next = AtomicUsize::new(0);
    let generate_one = |index: usize| -> Generated {
        generate(
            &specs[index],
            layer,
            &versions[index],
            codegen::Channel::Stable,
        )
        .map_err(|error| error.chain().join(": "))
    };
    let mut done: Vec<(usize, Generated)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= versions.len() {
                            return done;
                        }
                        done.push((index, generate_one(index)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, generated)| generated).collect()
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
    write(
        krate.join("Cargo.toml"),
        &scratch::library_manifest(&manifest, &package_name(version))?,
    )?;
    write(
        dir.join("README.md"),
        &read(workspace.root.join("README.md"))?,
    )?;
    Ok(())
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
    fn each_version_gets_its_own_outcome_in_order() {
        let versions: Vec<String> = ["2.7", "2.8", "2.9", "0"].map(String::from).to_vec();
        let specs: Vec<PathBuf> = versions
            .iter()
            .map(|v| PathBuf::from(format!("/nonexistent/{v}/api.intercom.io.yaml")))
            .collect();
        let generated = generate_each(&versions, &specs, &SpecLayer::default());
        assert_eq!(generated.len(), versions.len());
        for (spec, outcome) in specs.iter().zip(&generated) {
            let reason = outcome
                .as_ref()
                .expect_err("a missing spec cannot generate");
            assert!(
                reason.contains(&spec.display().to_string()),
                "{reason} names {}",
                spec.display()
            );
        }
    }

    #[test]
    fn each_version_has_a_package_name_of_its_own() {
        assert_eq!(package_name("2.16"), "intercom-api-v2-16");
        assert_eq!(package_name("2.1"), "intercom-api-v2-1");
        assert_eq!(package_name("0"), "intercom-api-v0");
    }
}
