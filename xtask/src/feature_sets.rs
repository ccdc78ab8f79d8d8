//! `cargo xtask feature-sets`: `intercom-api`'s library checked with each feature set a user
//! can pick on its own, warnings denied (an item only some features use is a warning in the
//! others): no features at all, each resource feature alone, `serialize` on top of the
//! defaults, and `preview`, `redis` and `operation-tables` alone.
//!
//! `<target>/feature-sets/` is a scratch workspace (`scratch.rs`) with a member per set:
//! `<set>/Cargo.toml` is the library manifest named `intercom-api-<set>` whose `default` is the
//! set, and `<set>/src` links to `intercom-api/src`, so every member compiles the checkout's own
//! files and their messages still name the member (`admins/src/lib.rs:…`). The sets that turn
//! on no optional dependency are checked in one cargo run; a set that does (`redis`) in a run
//! of its own, so that the dependency's features (redis asks more of tokio) reach no other set.

use std::path::Path;

use crate::error::{Context, Error, Result};
use crate::features;
use crate::regen::Workspace;
use crate::scratch::{self, Member, Warnings};

/// How many lines of a failing set are shown.
const SHOWN_LINES: usize = 8;

/// One feature set: a name for its member and what `default` becomes.
#[derive(Debug, PartialEq, Eq)]
struct Set {
    name: String,
    default: Vec<String>,
}

/// Checks every set; `Ok(true)` when each compiled without a warning.
pub fn run(workspace: &Workspace) -> Result<bool> {
    let manifest_path = workspace.root.join("intercom-api/Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .context(|| format!("cannot read {}", manifest_path.display()))?;
    let sets = sets(&resources(&manifest)?);
    let target = workspace.target_dir()?;
    let scratch = target.join("feature-sets");
    let source = workspace.root.join("intercom-api/src");
    let mut members = Vec::new();
    for set in &sets {
        let member = Member {
            dir: set.name.clone(),
            package: format!("intercom-api-{}", set.name),
        };
        let dir = scratch.join(&member.dir);
        std::fs::create_dir_all(&dir).context(|| format!("cannot create {}", dir.display()))?;
        let library = scratch::library_manifest(&manifest, &member.package)?;
        let written = dir.join("Cargo.toml");
        std::fs::write(&written, with_default(&library, &set.default)?)
            .context(|| format!("cannot write {}", written.display()))?;
        link(&source, &dir.join("src"))?;
        members.push(member);
    }
    let readme = scratch.join("README.md");
    std::fs::copy(workspace.root.join("README.md"), &readme)
        .context(|| format!("cannot write {}", readme.display()))?;
    scratch::write_root(workspace, &scratch, &members, "")?;
    let own_run = |set: &Set| {
        set.default
            .iter()
            .any(|f| turns_on_dependency(&manifest, f))
    };
    let mut alone = Vec::new();
    let mut together = Vec::new();
    for (member, set) in members.iter().zip(&sets) {
        if own_run(set) {
            alone.push(member.clone());
        } else {
            together.push(member.clone());
        }
    }
    let mut failed = scratch::check(&scratch, &target, &together, Warnings::Denied)?;
    for member in alone {
        failed.extend(scratch::check(
            &scratch,
            &target,
            std::slice::from_ref(&member),
            Warnings::Denied,
        )?);
    }
    for (set, member) in sets.iter().zip(&members) {
        let features = if set.default.is_empty() {
            "no features".to_string()
        } else {
            set.default.join(", ")
        };
        match failed.get(&member.package) {
            None => println!("{}: compiled without warnings ({features})", set.name),
            Some(lines) => {
                println!("{}: failed ({features})", set.name);
                for line in lines.iter().take(SHOWN_LINES) {
                    println!("    {line}");
                }
            }
        }
    }
    println!(
        "feature sets compiled without warnings: {}/{}",
        sets.len() - failed.len(),
        sets.len()
    );
    Ok(failed.is_empty())
}

/// The resource features of the manifest's generated block (`admins = []`, …).
fn resources(manifest: &str) -> Result<Vec<String>> {
    let resources: Vec<String> = manifest[features::span(manifest)?]
        .lines()
        .filter_map(|line| line.strip_suffix(" = []"))
        .filter(|name| *name != "default")
        .map(str::to_string)
        .collect();
    if resources.is_empty() {
        return Err(Error::msg(
            "intercom-api/Cargo.toml's resource features block lists no resource",
        ));
    }
    Ok(resources)
}

/// The sets to check for `resources`.
fn sets(resources: &[String]) -> Vec<Set> {
    let set = |name: &str, default: &[&str]| Set {
        name: name.to_string(),
        default: default.iter().map(|f| f.to_string()).collect(),
    };
    let mut sets = vec![set("none", &[])];
    sets.extend(resources.iter().map(|r| set(r, &[r])));
    sets.push(set("serialize", &[features::ALL, "serialize"]));
    for alone in ["preview", "redis", "operation-tables"] {
        sets.push(set(alone, &[alone]));
    }
    sets
}

/// Whether `feature` of the manifest's `[features]` turns on an optional dependency
/// (`redis = ["dep:redis", …]`).
fn turns_on_dependency(manifest: &str, feature: &str) -> bool {
    let prefix = format!("{feature} = [");
    manifest
        .lines()
        .find(|line| line.starts_with(&prefix))
        .is_some_and(|line| line.contains("\"dep:"))
}

/// The manifest with its `default = [...]` line set to `default`.
fn with_default(manifest: &str, default: &[String]) -> Result<String> {
    let line = manifest
        .lines()
        .find(|line| line.starts_with("default = ["))
        .ok_or_else(|| Error::msg("intercom-api/Cargo.toml has no `default = [...]` line"))?;
    let quoted: Vec<String> = default.iter().map(|f| format!("{f:?}")).collect();
    Ok(manifest.replacen(line, &format!("default = [{}]", quoted.join(", ")), 1))
}

/// Makes `link` a symbolic link to `to` (replacing whatever is there).
fn link(to: &Path, link: &Path) -> Result<()> {
    if std::fs::read_link(link).ok().as_deref() == Some(to) {
        return Ok(());
    }
    if link.is_dir() && !link.is_symlink() {
        std::fs::remove_dir_all(link)
    } else {
        std::fs::remove_file(link)
    }
    .or_else(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Ok(()),
        _ => Err(error),
    })
    .context(|| format!("cannot replace {}", link.display()))?;
    symlink(to, link).context(|| format!("cannot link {} to {}", link.display(), to.display()))
}

#[cfg(unix)]
fn symlink(to: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(to, link)
}

#[cfg(windows)]
fn symlink(to: &Path, link: &Path) -> std::io::Result<()> {
    std::os::windows::fs::symlink_dir(to, link)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{BEGIN, END};

    #[test]
    fn the_resources_are_read_from_the_generated_block() {
        let manifest = format!(
            "[features]\n{BEGIN}\ndefault = [\"all-resources\"]\nall-resources = [\"admins\", \"tags\"]\nadmins = []\ntags = []\n{END}\nchrono = [\"dep:chrono\"]\nserialize = []\n"
        );
        assert_eq!(resources(&manifest).unwrap(), ["admins", "tags"]);
        assert!(resources("[features]\nserialize = []\n").is_err());
        assert!(resources(&format!("{BEGIN}\ndefault = []\n{END}\n")).is_err());
    }

    #[test]
    fn every_resource_alone_and_the_optional_features() {
        let names: Vec<String> = sets(&["admins".into(), "tags".into()])
            .into_iter()
            .map(|s| format!("{}={}", s.name, s.default.join("+")))
            .collect();
        assert_eq!(
            names,
            [
                "none=",
                "admins=admins",
                "tags=tags",
                "serialize=all-resources+serialize",
                "preview=preview",
                "redis=redis",
                "operation-tables=operation-tables",
            ]
        );
    }

    #[test]
    fn features_that_turn_on_a_dependency_are_told_apart() {
        let manifest = "[features]\ndefault = [\"all-resources\"]\nadmins = []\nserialize = []\nredis = [\"dep:redis\", \"dep:sha2\"]\n";
        assert!(turns_on_dependency(manifest, "redis"));
        assert!(!turns_on_dependency(manifest, "admins"));
        assert!(!turns_on_dependency(manifest, "serialize"));
        assert!(!turns_on_dependency(manifest, "missing"));
    }

    #[test]
    fn the_default_line_becomes_the_set() {
        let manifest = "[features]\ndefault = [\"all-resources\"]\nadmins = []\n";
        assert_eq!(
            with_default(manifest, &["admins".into()]).unwrap(),
            "[features]\ndefault = [\"admins\"]\nadmins = []\n"
        );
        assert_eq!(
            with_default(manifest, &[]).unwrap(),
            "[features]\ndefault = []\nadmins = []\n"
        );
        assert!(with_default("[features]\n", &[]).is_err());
    }

    #[test]
    fn a_link_is_made_once_and_replaces_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let (to, at) = (dir.path().join("src"), dir.path().join("member/src"));
        std::fs::create_dir_all(&to).unwrap();
        std::fs::create_dir_all(&at).unwrap();
        std::fs::write(at.join("stale.rs"), "").unwrap();
        link(&to, &at).unwrap();
        assert_eq!(std::fs::read_link(&at).ok().as_deref(), Some(to.as_path()));
        link(&to, &at).unwrap();
        assert_eq!(std::fs::read_link(&at).ok().as_deref(), Some(to.as_path()));
        assert!(
            to.read_dir().unwrap().next().is_none(),
            "the source was touched"
        );
    }
}
