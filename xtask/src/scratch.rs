//! Scratch workspaces of `intercom-api` variants (`versions`, `feature-sets`), each checked by
//! one `cargo check --workspace --keep-going`: cargo checks two members at a time on two cores,
//! and the dependencies are checked once, in the workspace's own target directory (the root
//! manifest keeps the workspace's profiles for every package, so their builds are shared).
//!
//! A member is a copy of the library manifest under a package name of its own; what it failed
//! with is read from `--message-format short`, whose paths start with the member's directory.
//!
//! The profiles: the workspace's profile tables, but of the tables for named packages only
//! those of packages the library depends on (cargo warns about a table that matches no
//! package). Dependencies then build exactly as in the workspace, and are shared with its
//! own checks: `syn` at `opt-level = 3` there must be `opt-level = 3` here too, or every
//! proc macro, and so every crate that derives, builds a second time.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// Writes the scratch workspace's root: its manifest (the `members`, then `extra` tables) and
/// the root `Cargo.lock`.
pub fn write_root(
    workspace: &Workspace,
    scratch: &Path,
    members: &[Member],
    extra: &str,
) -> Result<()> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text).context(|| format!("cannot write {}", path.display()))
    };
    std::fs::create_dir_all(scratch).context(|| format!("cannot create {}", scratch.display()))?;
    let root = read(workspace.root.join("Cargo.toml"))?;
    let packages = library_packages(workspace)?;
    write(
        scratch.join("Cargo.toml"),
        &format!("{}{extra}", root_manifest(&root, members, &packages)),
    )?;
    write(
        scratch.join("Cargo.lock"),
        &read(workspace.root.join("Cargo.lock"))?,
    )
}

/// The workspace's root manifest with `members` as its members, and the profile tables of
/// every package and of the named `packages` (see the module's documentation).
fn root_manifest(root: &str, members: &[Member], packages: &BTreeSet<String>) -> String {
    let members: Vec<String> = members.iter().map(|m| format!("\"{}\"", m.dir)).collect();
    tables(root, |header| {
        header.is_none_or(|h| named_profile(h).is_none_or(|name| packages.contains(name)))
    })
    .lines()
    .map(|line| {
        if line.trim_start().starts_with("members") {
            format!("members = [{}]\n", members.join(", "))
        } else {
            format!("{line}\n")
        }
    })
    .collect()
}

/// The workspace's profile tables (see the module's documentation), for a scratch crate's
/// manifest: every table of `[profile…]` in the root manifest, but those of named packages
/// outside the library's dependencies.
pub fn profiles(workspace: &Workspace) -> Result<String> {
    let path = workspace.root.join("Cargo.toml");
    let root =
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))?;
    let packages = library_packages(workspace)?;
    Ok(tables(&root, |header| {
        header.is_some_and(|h| {
            h.starts_with("[profile") && named_profile(h).is_none_or(|name| packages.contains(name))
        })
    }))
}

/// The lines of a manifest whose table `keep` takes: it is given each table's header line, and
/// `None` for the lines before the first.
fn tables(manifest: &str, keep: impl Fn(Option<&str>) -> bool) -> String {
    let mut out = String::new();
    let mut kept = keep(None);
    for line in manifest.lines() {
        if line.starts_with('[') {
            kept = keep(Some(line));
        }
        if kept {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The package a profile table header names (`[profile.dev.package.syn]` -> `syn`); `None`
/// for any other header, `[profile.dev.package."*"]` included.
fn named_profile(header: &str) -> Option<&str> {
    let name = header
        .strip_prefix("[profile.")?
        .split_once(".package.")?
        .1
        .strip_suffix(']')?
        .trim_matches('"');
    (name != "*").then_some(name)
}

/// The packages `intercom-api`'s library depends on, directly or not, by name: its
/// `[dependencies]` table, closed over the dependency lists of `Cargo.lock` (which, for a
/// package from a registry, hold its normal and build dependencies).
fn library_packages(workspace: &Workspace) -> Result<BTreeSet<String>> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let manifest = read(workspace.root.join("intercom-api/Cargo.toml"))?;
    let lock = read(workspace.root.join("Cargo.lock"))?;
    Ok(closure(&direct_dependencies(&manifest), &lock_graph(&lock)))
}

/// The names in a manifest's `[dependencies]` table.
fn direct_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside {
            if let Some((name, _)) = line.split_once(" = ") {
                if !name.starts_with('#') {
                    names.push(name.trim().to_string());
                }
            }
        }
    }
    names
}

/// Each package of a `Cargo.lock` with the names it depends on (every version of a name
/// together).
fn lock_graph(lock: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let mut name = None;
        let mut dependencies = BTreeSet::new();
        let mut in_list = false;
        for line in package.lines() {
            let line = line.trim();
            if let Some(value) = line.strip_prefix("name = ") {
                name = Some(value.trim_matches('"').to_string());
            } else if line.starts_with("dependencies = [") {
                in_list = true;
            } else if in_list && line.starts_with(']') {
                in_list = false;
            } else if in_list {
                let entry = line.trim_end_matches(',').trim_matches('"');
                if let Some(dependency) = entry.split(' ').next() {
                    dependencies.insert(dependency.to_string());
                }
            }
        }
        if let Some(name) = name {
            graph.entry(name).or_default().extend(dependencies);
        }
    }
    graph
}

/// `roots` and every name reachable from them in `graph`.
fn closure(roots: &[String], graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: Vec<String> = roots.to_vec();
    while let Some(name) = queue.pop() {
        if seen.insert(name.clone()) {
            queue.extend(graph.get(&name).into_iter().flatten().cloned());
        }
    }
    seen
}

/// `cargo check`s `members` of the scratch workspace at `scratch` in one run, in `target`; the
/// lines each failed member failed with, by package (empty when all passed). The features of
/// shared dependencies are unified over the members of one run, as in any cargo build.
pub fn check(
    scratch: &Path,
    target: &Path,
    members: &[Member],
    warnings: Warnings,
) -> Result<BTreeMap<String, Vec<String>>> {
    if members.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut command = crate::cargo::command();
    command
        .args([
            "check",
            "--lib",
            "--keep-going",
            "--quiet",
            "--message-format",
            "short",
            "--manifest-path",
        ])
        .arg(scratch.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target);
    for member in members {
        command.args(["-p", &member.package]);
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
    fn the_root_lists_the_members_and_keeps_the_profiles_of_the_library_packages() {
        let root = "[workspace]\nmembers = [\"a\", \"b\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev.package.codegen]\nopt-level = 3\n[profile.dev.package.syn]\nopt-level = 3\n[profile.dev]\ndebug = \"line-tables-only\"\n[profile.dev.package.\"*\"]\ndebug = false\n";
        let members = [
            member("2.7/intercom-api", "v2-7"),
            member("0/intercom-api", "v0"),
        ];
        let packages = BTreeSet::from(["syn".to_string(), "serde".to_string()]);
        assert_eq!(
            root_manifest(root, &members, &packages),
            "[workspace]\nmembers = [\"2.7/intercom-api\", \"0/intercom-api\"]\n\n[workspace.package]\nedition = \"2021\"\n\n[profile.dev.package.syn]\nopt-level = 3\n[profile.dev]\ndebug = \"line-tables-only\"\n[profile.dev.package.\"*\"]\ndebug = false\n"
        );
    }

    #[test]
    fn profile_headers_name_their_package() {
        assert_eq!(named_profile("[profile.dev.package.syn]"), Some("syn"));
        assert_eq!(
            named_profile("[profile.release.package.\"proc-macro2\"]"),
            Some("proc-macro2")
        );
        assert_eq!(named_profile("[profile.dev.package.\"*\"]"), None);
        assert_eq!(named_profile("[profile.dev]"), None);
        assert_eq!(named_profile("[dependencies]"), None);
    }

    #[test]
    fn the_library_packages_are_its_dependencies_closed_over_the_lock() {
        let manifest = "[package]\nname = \"intercom-api\"\n\n[dependencies]\nserde = { workspace = true }\n# a comment = x\nreqwest = \"0.12\"\n\n[dev-dependencies]\ncodegen = { path = \"../codegen\" }\n";
        assert_eq!(direct_dependencies(manifest), ["serde", "reqwest"]);
        let lock = "version = 4\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.0\"\ndependencies = [\n \"serde_derive\",\n]\n\n[[package]]\nname = \"serde_derive\"\nversion = \"1.0.0\"\ndependencies = [\n \"syn 3.0.9\",\n]\n\n[[package]]\nname = \"syn\"\nversion = \"3.0.9\"\n\n[[package]]\nname = \"codegen\"\nversion = \"0.1.0\"\ndependencies = [\n \"openapiv3\",\n]\n\n[[package]]\nname = \"reqwest\"\nversion = \"0.12.0\"\n";
        let packages = closure(&direct_dependencies(manifest), &lock_graph(lock));
        assert_eq!(
            packages.into_iter().collect::<Vec<_>>(),
            ["reqwest", "serde", "serde_derive", "syn"]
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
