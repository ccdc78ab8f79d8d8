//! `cargo xtask package-check`: the publishable crates packaged, and each packaged copy checked
//! on its own, so a file a package leaves out fails here rather than on crates.io.
//!
//! `cargo package --workspace --no-verify` packages every member that is not `publish = false`
//! (`--workspace` alone would also take `codegen`, `xtask` and `search-ui`, and fail on xtask's
//! version-less path dependency). The archives are unpacked into `<target>/package-check/`, a
//! scratch workspace (`scratch.rs`) where `intercom-mcp`'s `intercom-api` is the packaged one
//! (`[patch.crates-io]`), and each crate is checked alone, its lib and bins (what cargo's own
//! verification builds) with the features it asks for. A check rather than cargo's full build:
//! a missing file is found all the same, in half the time.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Context, Error, Result};
use crate::regen::Workspace;
use crate::scratch::{self, Member};

/// The crates that must come out packaged, the library first.
const PUBLISHED: [&str; 2] = ["intercom-api", "intercom-mcp"];

/// Packages and checks; `Ok(true)` when every packaged copy compiled.
pub fn run(workspace: &Workspace) -> Result<bool> {
    let target = workspace.target_dir()?;
    let packaged = target.join("package");
    let scratch = target.join("package-check");
    for dir in [&packaged, &scratch] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).context(|| format!("cannot clear {}", dir.display()))?;
        }
    }
    let mut package = crate::cargo::command();
    package.current_dir(&workspace.root).args([
        "package",
        "--workspace",
        "--locked",
        "--no-verify",
    ]);
    for name in unpublished(&workspace.root)? {
        package.args(["--exclude", &name]);
    }
    if !package
        .status()
        .context(|| "cannot run cargo package")?
        .success()
    {
        return Ok(false);
    }

    std::fs::create_dir_all(&scratch).context(|| format!("cannot create {}", scratch.display()))?;
    let mut members = Vec::new();
    for name in PUBLISHED {
        let archive = archive(&packaged, name)?;
        let size = std::fs::metadata(&archive)
            .context(|| format!("cannot read {}", archive.display()))?
            .len();
        println!("{}: {size} bytes", archive.display());
        let status = Command::new("tar")
            .arg("-xzf")
            .arg(&archive)
            .arg("-C")
            .arg(&scratch)
            .status()
            .context(|| "cannot run tar")?;
        if !status.success() {
            return Err(Error::msg(format!(
                "tar could not unpack {}",
                archive.display()
            )));
        }
        let dir = archive
            .file_stem()
            .and_then(|stem| stem.to_str())
            .ok_or_else(|| Error::msg(format!("{} has no name", archive.display())))?;
        members.push(Member {
            dir: dir.to_string(),
            package: name.to_string(),
        });
    }
    let patch = format!(
        "\n[patch.crates-io]\nintercom-api = {{ path = \"{}\" }}\n",
        members[0].dir
    );
    scratch::write_root(workspace, &scratch, &members, &patch)?;

    let mut compiled = true;
    for member in &members {
        let status = crate::cargo::command()
            .arg("check")
            .arg("--manifest-path")
            .arg(scratch.join("Cargo.toml"))
            .args(["-p", &member.package])
            .env("CARGO_TARGET_DIR", &target)
            .status()
            .context(|| "cannot run cargo check")?;
        println!(
            "{}: the packaged copy {}",
            member.package,
            if status.success() {
                "compiles"
            } else {
                "does not compile"
            }
        );
        compiled &= status.success();
    }
    Ok(compiled)
}

/// The names of the workspace members marked `publish = false` (the directories under the root
/// with a manifest).
fn unpublished(root: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let entries = std::fs::read_dir(root).context(|| format!("cannot list {}", root.display()))?;
    for entry in entries {
        let manifest = entry
            .context(|| format!("cannot list {}", root.display()))?
            .path()
            .join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        if let Some(name) = unpublished_name(&text) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The package name of a manifest that says `publish = false`.
fn unpublished_name(manifest: &str) -> Option<String> {
    if !manifest.lines().any(|line| line == "publish = false") {
        return None;
    }
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("name = "))
        .map(|name| name.trim_matches('"').to_string())
}

/// The one `<name>-<version>.crate` in `dir`.
fn archive(dir: &Path, name: &str) -> Result<PathBuf> {
    let entries = std::fs::read_dir(dir).context(|| format!("cannot list {}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .context(|| format!("cannot list {}", dir.display()))?
            .path();
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        let version = file
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".crate"));
        if version.is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit())) {
            found.push(path);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Error::msg(format!(
            "{name} was not packaged into {}",
            dir.display()
        ))),
        _ => Err(Error::msg(format!(
            "more than one {name} archive in {}",
            dir.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_marked_publish_false_are_left_out() {
        assert_eq!(
            unpublished_name("[package]\nname = \"xtask\"\nversion = \"0.0.0\"\npublish = false\n"),
            Some("xtask".to_string())
        );
        assert_eq!(
            unpublished_name("[package]\nname = \"intercom-api\"\n"),
            None
        );
    }

    #[test]
    fn the_archive_of_a_crate_is_found_by_name_and_version() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "intercom-api-0.1.0.crate",
            "intercom-api-mock-0.1.0.crate",
            "x.txt",
        ] {
            std::fs::write(dir.path().join(file), "").unwrap();
        }
        assert_eq!(
            archive(dir.path(), "intercom-api").unwrap(),
            dir.path().join("intercom-api-0.1.0.crate")
        );
        let missing = archive(dir.path(), "intercom-mcp").unwrap_err();
        assert!(missing
            .chain()
            .join(": ")
            .contains("intercom-mcp was not packaged"));
        std::fs::write(dir.path().join("intercom-api-0.2.0.crate"), "").unwrap();
        assert!(archive(dir.path(), "intercom-api").is_err());
    }
}
