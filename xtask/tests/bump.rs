//! End-to-end tests of `cargo xtask diff`, `bump` and `changelog-check`, run through the real
//! binary. `bump` writes, so it runs on a copy of the repository's files it touches (spec/,
//! the generated tree and its manifest, the snapshots, CHANGELOG.md), named by
//! `$XTASK_WORKSPACE`; the real tree is never written.
//!
//! They prove that `diff` reports the known changes of 2.15 -> 2.16 with exit codes as
//! documented and clear errors; that a bump moves the pin, the generated code, the features,
//! the snapshots and the CHANGELOG together (and `regen --check` agrees afterwards); that a
//! bump to the current pin changes nothing; and that every failure (unknown version, missing
//! file, hash mismatch, generation error, bad commit) leaves every file exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

const SPEC_FILE: &str = "api.intercom.io.yaml";

fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The upstream checkout (absolute), as `tests/cli.rs` finds it.
fn openapi_dir() -> PathBuf {
    let root = workspace_root();
    let dir = match std::env::var_os("INTERCOM_OPENAPI_DIR").filter(|v| !v.is_empty()) {
        Some(value) => root.join(value),
        None => root.join("../shared/intercom-openapi"),
    };
    assert!(
        dir.join("descriptions").is_dir(),
        "the upstream OpenAPI descriptions are missing: {} has no `descriptions/`",
        dir.display()
    );
    dir
}

fn upstream(version: &str) -> PathBuf {
    openapi_dir()
        .join("descriptions")
        .join(version)
        .join(SPEC_FILE)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `xtask <args>` on `workspace` (None: the real one, only for read-only commands) with
/// `$INTERCOM_OPENAPI_DIR` set to `checkout`, never reaching the network.
fn xtask(workspace: Option<&Path>, checkout: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .args(args)
        .env("INTERCOM_OPENAPI_DIR", checkout)
        .env("INTERCOM_OPENAPI_BASE_URL", "http://127.0.0.1:9")
        .env_remove("XTASK_WORKSPACE");
    if let Some(workspace) = workspace {
        command.env("XTASK_WORKSPACE", workspace);
    }
    let output = command.output().expect("run the xtask binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy, under `dir`, of every repository file `bump` reads or writes.
fn workspace_copy(dir: &Path) -> PathBuf {
    let root = workspace_root();
    let copy = dir.join("repo");
    for sub in [
        "spec",
        "intercom-api/src/generated",
        "codegen/tests/snapshots",
    ] {
        copy_dir(&root.join(sub), &copy.join(sub));
    }
    for file in ["intercom-api/Cargo.toml", "CHANGELOG.md"] {
        std::fs::copy(root.join(file), copy.join(file)).unwrap();
    }
    copy
}

/// Every file below `root` with its bytes.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, "", &mut out);
    out
}

/// The value of `key` in the copy's `spec/pin.toml`.
fn pinned(workspace: &Path, key: &str) -> String {
    let text = std::fs::read_to_string(workspace.join("spec/pin.toml")).unwrap();
    text.lines()
        .find_map(|line| {
            let (k, v) = line.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
        })
        .unwrap_or_else(|| panic!("no {key} in the pin"))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// diff
// ---------------------------------------------------------------------------------------------

#[test]
fn diff_prints_the_classified_changes_and_fails_on_breaking_when_asked() {
    let checkout = openapi_dir();
    let run = xtask(None, &checkout, &["diff", "2.15", "2.16"]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(
        run.stdout.starts_with("## Intercom API 2.15 -> 2.16\n"),
        "{run}"
    );
    for line in [
        "- `Contact.owner_id`: `Option<i64>` -> `Option<String>`",
        "- `ConversationPriority`: removed priority, not_priority; added none, low, medium, high, urgent",
        "- `Ticket.admin_assignee_id`: `Option<String>` -> `Option<i64>`",
        "- `ArticleListItem.parent_id`: removed (was `Option<i64>`)",
        "- `ConversationSource.type`: `ConversationSourceType` -> `String`",
        "- `POST /tags` `tags().create`: response `TagBasic` -> `TagCreateResponse`",
    ] {
        assert!(run.stdout.lines().any(|l| l == line), "no line {line:?}; {run}");
    }
    let breaking = run.stdout.find("### Breaking").expect("a breaking section");
    let additive = run
        .stdout
        .find("### Additive")
        .expect("an additive section");
    assert!(breaking < additive);

    let failing = xtask(
        None,
        &checkout,
        &["diff", "2.15", "2.16", "--fail-on-breaking"],
    );
    assert_eq!(failing.code, Some(1), "{failing}");
    assert_eq!(failing.stdout, run.stdout);

    let same = xtask(
        None,
        &checkout,
        &["diff", "--fail-on-breaking", "2.16", "2.16"],
    );
    assert_eq!(same.code, Some(0), "{same}");
    assert_eq!(same.stdout, "## Intercom API 2.16 -> 2.16\n\nNo changes.\n");
}

/// A spec path is described with the override layer of its version, like the version itself.
#[test]
fn diff_takes_spec_paths() {
    let checkout = openapi_dir();
    let from = upstream("2.15");
    let from = from.to_str().unwrap();
    let by_path = xtask(None, &checkout, &["diff", from, "2.16"]);
    let by_version = xtask(None, &checkout, &["diff", "2.15", "2.16"]);
    assert_eq!(by_path.code, Some(0), "{by_path}");
    let body = |run: &Run| run.stdout.split_once('\n').map(|(_, b)| b.to_string());
    assert_eq!(body(&by_path), body(&by_version));
    assert!(by_path
        .stdout
        .starts_with(&format!("## Intercom API {from} -> 2.16\n")));
}

#[test]
fn diff_explains_bad_sides() {
    let checkout = openapi_dir();
    let tmp = tempfile::tempdir().unwrap();
    let unknown = xtask(None, &checkout, &["diff", "9.99", "2.16"]);
    assert_eq!(unknown.code, Some(1), "{unknown}");
    assert!(unknown.stderr.contains("descriptions/9.99"), "{unknown}");
    assert!(unknown.stdout.is_empty(), "{unknown}");

    let broken = tmp.path().join("broken.yaml");
    std::fs::write(&broken, "openapi: [3.0\ninfo:\n").unwrap();
    let run = xtask(None, &checkout, &["diff", "2.16", broken.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(run.stderr.contains(&broken.display().to_string()), "{run}");
    assert!(run.stderr.contains("YAML"), "{run}");

    let missing = tmp.path().join("missing.yaml");
    let run = xtask(
        None,
        &checkout,
        &["diff", missing.to_str().unwrap(), "2.16"],
    );
    assert_eq!(run.code, Some(1), "{run}");
    assert!(run.stderr.contains("no such spec file"), "{run}");
}

// ---------------------------------------------------------------------------------------------
// bump
// ---------------------------------------------------------------------------------------------

#[test]
fn a_bump_moves_pin_code_snapshots_and_changelog_together() {
    let checkout = openapi_dir();
    let tmp = tempfile::tempdir().unwrap();
    let repo = workspace_copy(tmp.path());
    let before = files(&repo);
    let commit = "0123456789abcdef0123456789abcdef01234567";

    let run = xtask(
        Some(&repo),
        &checkout,
        &["bump", "2.15", "--commit", commit],
    );
    assert_eq!(run.code, Some(0), "{run}");
    assert!(
        run.stdout
            .contains("CHANGELOG.md, the section \"Intercom API 2.16 -> 2.15\""),
        "{run}"
    );

    assert_eq!(pinned(&repo, "version"), "2.15");
    assert_eq!(pinned(&repo, "commit"), commit);
    let bytes = std::fs::read(upstream("2.15")).unwrap();
    assert_eq!(pinned(&repo, "sha256"), sha256_hex(&bytes));

    let after = files(&repo);
    for changed in [
        "intercom-api/src/generated/mod.rs",
        "codegen/tests/snapshots/api_surface__api_surface.snap",
        "codegen/tests/snapshots/api_surface__models.snap",
    ] {
        assert_ne!(before[changed], after[changed], "{changed} did not change");
    }
    for kept in [
        "codegen/tests/snapshots/api_surface__api_surface_preview.snap",
        "codegen/tests/snapshots/api_surface__models_preview.snap",
    ] {
        assert_eq!(before[kept], after[kept], "{kept} changed");
    }
    assert!(
        after.keys().all(|name| !name.contains(".bump-")),
        "leftovers"
    );
    let models =
        String::from_utf8(after["codegen/tests/snapshots/api_surface__models.snap"].clone())
            .unwrap();
    assert!(models.starts_with(
        "---\nsource: codegen/tests/api_surface.rs\nexpression: output.models\n---\n"
    ));
    assert!(
        models.lines().any(|l| l == "Contact.owner_id: Option<i64>"),
        "2.15's owner_id"
    );

    let log = String::from_utf8(after["CHANGELOG.md"].clone()).unwrap();
    let section = log
        .find("### Intercom API 2.16 -> 2.15")
        .expect("the new section");
    let earlier = log
        .find("### Intercom API 2.14 -> 2.16")
        .expect("the earlier section");
    assert!(section < earlier, "the new move comes first");
    assert!(log.contains("\n- `Contact.owner_id`: `Option<String>` -> `Option<i64>`\n"));

    // What bump wrote is what regen generates, and the pinned version has its entry.
    let check = xtask(Some(&repo), &checkout, &["regen", "--check"]);
    assert_eq!(check.code, Some(0), "{check}");
    let entry = xtask(Some(&repo), &checkout, &["changelog-check"]);
    assert_eq!(entry.code, Some(0), "{entry}");
    assert!(
        entry.stdout.contains("an entry for 2.15"),
        "not the copy's pin; {entry}"
    );
    // Bumping again to the same pin changes nothing.
    let again = xtask(
        Some(&repo),
        &checkout,
        &["bump", "2.15", "--commit", commit],
    );
    assert_eq!(again.code, Some(0), "{again}");
    assert!(again.stdout.contains("nothing changed"), "{again}");
    assert_eq!(files(&repo), after);
}

#[test]
fn a_bump_to_the_current_pin_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = workspace_copy(tmp.path());
    let before = files(&repo);
    let version = pinned(&repo, "version");
    let run = xtask(Some(&repo), &openapi_dir(), &["bump", &version]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(run.stdout.contains("nothing changed"), "{run}");
    // Also the snapshots: bump writes insta's own file format.
    assert_eq!(files(&repo), before);
}

/// A checkout holding the pinned version's and Preview's descriptions, plus `extra`.
fn fake_checkout(dir: &Path, extra: &[(&str, &[u8])]) -> PathBuf {
    let checkout = dir.join("checkout");
    let put = |version: &str, bytes: &[u8]| {
        let path = checkout.join("descriptions").join(version).join(SPEC_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    for version in ["2.16", "0"] {
        put(version, &std::fs::read(upstream(version)).unwrap());
    }
    for (version, bytes) in extra {
        put(version, bytes);
    }
    checkout
}

#[test]
fn a_failed_bump_leaves_every_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = workspace_copy(tmp.path());
    let before = files(&repo);
    let mut tampered = std::fs::read(upstream("2.16")).unwrap();
    tampered.extend_from_slice(b"# altered locally\n");
    let cases: Vec<(&str, PathBuf, Vec<&str>, &str)> = vec![
        (
            "unknown version",
            fake_checkout(&tmp.path().join("a"), &[]),
            vec!["bump", "9.99"],
            "descriptions/9.99",
        ),
        (
            "hash mismatch",
            fake_checkout(&tmp.path().join("b"), &[("2.16", &tampered)]),
            vec!["bump", "2.16"],
            "sha256 mismatch",
        ),
        (
            "generation error",
            fake_checkout(
                &tmp.path().join("c"),
                &[("2.15", b"openapi: [3.0\ninfo:\n")],
            ),
            vec!["bump", "2.15"],
            "malformed YAML",
        ),
        (
            "bad commit",
            fake_checkout(&tmp.path().join("d"), &[]),
            vec!["bump", "2.16", "--commit", "abc"],
            "40-digit",
        ),
    ];
    for (what, checkout, args, expected) in cases {
        let run = xtask(Some(&repo), &checkout, &args);
        assert_eq!(run.code, Some(1), "{what}: {run}");
        assert!(run.stderr.contains(expected), "{what}: {run}");
        assert_eq!(files(&repo), before, "{what} changed the tree");
    }

    // A missing file of the repository: nothing is written either.
    std::fs::remove_file(repo.join("CHANGELOG.md")).unwrap();
    let before = files(&repo);
    let run = xtask(Some(&repo), &openapi_dir(), &["bump", "2.15"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(run.stderr.contains("cannot read CHANGELOG.md"), "{run}");
    assert_eq!(files(&repo), before, "a missing CHANGELOG changed the tree");
    let entry = xtask(Some(&repo), &openapi_dir(), &["changelog-check"]);
    assert_eq!(entry.code, Some(1), "{entry}");
}

#[test]
fn changelog_check_names_the_missing_version() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = workspace_copy(tmp.path());
    let log = std::fs::read_to_string(repo.join("CHANGELOG.md")).unwrap();
    std::fs::write(
        repo.join("CHANGELOG.md"),
        log.replace("### Intercom API", "### API"),
    )
    .unwrap();
    let run = xtask(Some(&repo), &openapi_dir(), &["changelog-check"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains("no entry for the pinned version 2.16"),
        "{run}"
    );
}
