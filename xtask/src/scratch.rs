//! Scratch workspaces of `intercom-api` variants (`versions`, `feature-sets`), each checked by
//! one `cargo check --workspace --keep-going`: cargo checks two members at a time on two cores,
//! and the dependencies are checked once, in the workspace's own target directory (the root
//! manifest keeps the workspace's profiles for every package, so their builds are shared).
//!
//! A member is a copy of the library manifest under a package name of its own; what it failed
//! with is read from `--message-format short`, whose paths start with the member's directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Context, Error, Result};
use crate::regen::Workspace;

/// One member of a scratch workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its directory, relative to the scratch root (`2.16/intercom-api`, `admins`).
    pub dir: String,
    /// Its package name (`intercom-api-v2-16`).
    pub package: String,
}

/// Whether a member's warnings fail it, or only its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    /// Only errors fail a member.
    Allowed,
    /// A warning fails a member too.
    Denied,
}

/// intercom-api's library manifest (everything before `[dev-dependencies]`: no dev-dependencies,
/// examples nor benches) under the package name `package`.
pub fn library_manifest(manifest: &str, package: &str) -> Result<String> {
    const NAME: &str = "name = \"intercom-api\"\n";
    let library = manifest
        .split_once("\n[dev-dependencies]")
        .map(|(library, _)| format!("{library}\n"))
        .ok_or_else(|| Error::msg("intercom-api/Cargo.toml has no [dev-dependencies] table"))?;
    if !library.contains(NAME) {
        return Err(Error::msg(
            "intercom-api/Cargo.toml has no `name = \"intercom-api\"` line",
        ));
    }
    Ok(library.replacen(NAME, &format!("name = \"{package}\"\n"), 1))
}

/// Writes the scratch workspace's root: its manifest (the `members`) and the root `Cargo.lock`.
pub fn write_root(workspace: &Workspace, scratch: &Path, members: &[Member]) -> Result<()> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).context(|| format!("cannot write {}", path.display()))
    };
    std::fs::create_dir_all(scratch).context(|| format!("cannot create {}", scratch.display()))?;
    let root = read(workspace.root.join("Cargo.toml"))?;
    write(scratch.join("Cargo.toml"), &root_manifest(&root, members))?;
    write(
        scratch.join("Cargo.lock"),
        &read(workspace.root.join("Cargo.lock"))?,
    )
}

/// The workspace's root manifest with `members` as its members, and without the profile
/// overrides of named packages (none of them is in the scratch workspace): the profiles of
/// every package stay, so dependencies build as in the workspace.
fn root_manifest(root: &str, members: &[Member]) -> String {
    let members: Vec<String> = members.iter().map(|m| format!("\"{}\"", m.dir)).collect();
    let mut out = String::new();
    let mut skipped = false;
    for line in root.lines() {
        if line.starts_with('[') {
            skipped = line.starts_with("[profile")
                && line.contains(".package.")
                && !line.contains(".package.\"*\"");
        }
        if skipped {
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

/// `cargo check`s every member of the scratch workspace at `scratch` in one run, in `target`;
/// the lines each failed member failed with, by package (empty when all passed).
pub fn check(
    scratch: &Path,
    target: &Path,
    members: &[Member],
    warnings: Warnings,
) -> Result<BTreeMap<String, Vec<String>>> {
    if members.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
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
        .env("CARGO_TARGET_DIR", target);
    // `cargo run` gave this process the variables of the xtask package; build scripts that
    // watch one (ring watches CARGO_MANIFEST_DIR) would rebuild for this check.
    for (name, _) in std::env::vars_os() {
        if name
            .to_str()
            .is_some_and(crate::readme::is_package_variable)
        {
            command.env_remove(name);
        }
    }
    let output = command
        .output()
        .context(|| "cannot run cargo".to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let failed = attribute(&stderr, members, warnings);
    if !output.status.success() && failed.is_empty() {
        return Err(Error::msg(format!(
            "cargo check of {} failed: {}",
            scratch.display(),
            stderr.trim()
        )));
    }
    Ok(failed)
}

/// Which members failed, from `cargo check`'s output: one failed when cargo could not compile
/// its package (or, with warnings denied, when its package generated a warning); its lines are
/// the errors (and warnings) under its directory.
fn attribute(
    stderr: &str,
    members: &[Member],
    warnings: Warnings,
) -> BTreeMap<String, Vec<String>> {
    let mut failed = BTreeMap::new();
    for member in members {
        let package = format!("`{}`", member.package);
        let summary = |line: &str| {
            line.contains(&package)
                && (line.starts_with("error: could not compile")
                    || (warnings == Warnings::Denied
                        && line.starts_with("warning: ")
                        && line.contains(" generated ")))
        };
        if !stderr.lines().any(summary) {
            continue;
        }
        let prefix = format!("{}/", member.dir);
        let mut lines: Vec<String> = stderr
            .lines()
            .filter(|l| l.starts_with(&prefix))
            .filter(|l| is_error(l) || (warnings == Warnings::Denied && is_warning(l)))
            .map(str::to_string)
            .collect();
        if lines.is_empty() {
            lines.extend(stderr.lines().filter(|l| summary(l)).map(str::to_string));
        }
        failed.insert(member.package.clone(), lines);
    }
    failed
}

/// The level of a line of `--message-format short` output (`file:1:2: error[E0432]: …` or
/// `error: …`): what follows the location, if there is one.
fn level(line: &str) -> &str {
    match line.split_once(": ") {
        Some((location, rest))
            if !location.starts_with("error") && !location.starts_with("warning") =>
        {
            rest
        }
        _ => line,
    }
}

/// Whether a line is an error, not a warning that mentions one, nor cargo's closing "could not
/// compile".
fn is_error(line: &str) -> bool {
    let level = level(line);
    level.starts_with("error") && !level.starts_with("error: could not compile")
}

/// Whether a line is a warning of the compiler's.
fn is_warning(line: &str) -> bool {
    level(line).starts_with("warning")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(dir: &str, package: &str) -> Member {
        Member {
            dir: dir.into(),
            package: package.into(),
        }
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
        assert!(is_warning(
            "admins/src/lib.rs:3:5: warning: unused import: `X`"
        ));
        assert!(!is_warning(
            "admins/src/lib.rs:3:5: error: unused import: `X`"
        ));
    }

    #[test]
    fn the_root_lists_the_members_and_keeps_the_profiles_of_every_package() {
        let root = "[workspace]\nmembers = [\"a\", \"b\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev.package.codegen]\nopt-level = 3\n[profile.dev]\ndebug = \"line-tables-only\"\n[profile.dev.package.\"*\"]\ndebug = false\n";
        let members = [
            member("2.7/intercom-api", "v2-7"),
            member("0/intercom-api", "v0"),
        ];
        assert_eq!(
            root_manifest(root, &members),
            "[workspace]\nmembers = [\"2.7/intercom-api\", \"0/intercom-api\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev]\ndebug = \"line-tables-only\"\n[profile.dev.package.\"*\"]\ndebug = false\n"
        );
    }

    #[test]
    fn the_library_manifest_is_renamed_and_ends_before_the_dev_dependencies() {
        let manifest = "[package]\nname = \"intercom-api\"\nversion = \"0.1.0\"\n\n[dev-dependencies]\nx = \"1\"\n";
        assert_eq!(
            library_manifest(manifest, "intercom-api-v2-16").unwrap(),
            "[package]\nname = \"intercom-api-v2-16\"\nversion = \"0.1.0\"\n\n"
        );
        assert!(
            library_manifest("[package]\nname = \"other\"\n[dev-dependencies]\n", "x").is_err()
        );
        assert!(library_manifest("[package]\nname = \"intercom-api\"\n", "x").is_err());
    }

    #[test]
    fn errors_are_told_to_the_member_that_has_them() {
        let stderr = "\
2.7/intercom-api/src/wrappers/mod.rs:4:34: error[E0432]: unresolved import `crate::models::X`
2.7/intercom-api/src/wrappers/mod.rs:9:1: warning: unused import
0/intercom-api/src/lib.rs:1:1: warning: unused import
warning: `intercom-api-v0` (lib) generated 1 warning
error: could not compile `intercom-api-v2-7` (lib) due to 1 previous error
";
        let members = [
            member("2.7/intercom-api", "intercom-api-v2-7"),
            member("2.16/intercom-api", "intercom-api-v2-16"),
            member("0/intercom-api", "intercom-api-v0"),
        ];
        let failed = attribute(stderr, &members, Warnings::Allowed);
        assert_eq!(failed.keys().collect::<Vec<_>>(), ["intercom-api-v2-7"]);
        assert_eq!(
            failed["intercom-api-v2-7"],
            ["2.7/intercom-api/src/wrappers/mod.rs:4:34: error[E0432]: unresolved import `crate::models::X`"]
        );

        let denied = attribute(stderr, &members, Warnings::Denied);
        assert_eq!(
            denied.keys().collect::<Vec<_>>(),
            ["intercom-api-v0", "intercom-api-v2-7"]
        );
        assert_eq!(
            denied["intercom-api-v0"],
            ["0/intercom-api/src/lib.rs:1:1: warning: unused import"]
        );
        assert_eq!(denied["intercom-api-v2-7"].len(), 2);

        let bare = attribute(
            "error: could not compile `intercom-api-v0` (lib)\n",
            &members,
            Warnings::Allowed,
        );
        assert_eq!(
            bare["intercom-api-v0"],
            ["error: could not compile `intercom-api-v0` (lib)"]
        );
    }
}
