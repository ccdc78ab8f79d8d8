//! `cargo xtask bump VERSION [--commit SHA]`: moving the pinned API version in one step.
//!
//! Everything is computed in memory first: the new pin, the generated tree (stable and
//! Preview) and resource features, the four surface snapshots of `codegen/tests/snapshots`
//! (in insta's file format, so `cargo test -p codegen` reads them as they are), and the
//! CHANGELOG with the old -> new diff report. Only then are the files that differ swapped in,
//! all or none (`crate::stage`). Any failure before leaves the tree exactly as it was.

use std::path::{Path, PathBuf};
use std::time::Instant;

use codegen::diff::Report;

use crate::args::BumpArgs;
use crate::changelog;
use crate::error::{Context, Error, Result};
use crate::features::rewrite;
use crate::generate::{describe, generate_all};
use crate::hash::sha256_file;
use crate::pin::{validate_version, Pin, PREVIEW};
use crate::regen::{Env, Workspace};
use crate::resolve::{resolve, resolve_expecting, Sources};
use crate::stage::{self, Change, Contents};
use crate::tree::Files;

/// The snapshots `codegen/tests/api_surface.rs` asserts: file name and insta's `expression`.
const SNAPSHOTS: [(&str, &str); 4] = [
    ("api_surface__api_surface.snap", "output.surface"),
    ("api_surface__api_surface_preview.snap", "output.surface"),
    ("api_surface__models.snap", "output.models"),
    ("api_surface__models_preview.snap", "output.models"),
];

/// Runs `bump`.
pub fn run(args: &BumpArgs, workspace: &Workspace, env: &Env) -> Result<()> {
    let started = Instant::now();
    let version = args.version.as_str();
    validate_version(version)?;
    if version == PREVIEW {
        return Err(Error::msg(
            "`0` is the Preview description, generated beside the pinned version; pin a numbered version",
        ));
    }
    let pin_path = workspace.pin_file();
    let pin_text = read(workspace, &pin_path)?;
    let old = Pin::parse(&pin_text)
        .context(|| format!("invalid pin file {}", workspace.show(&pin_path)))?;
    let commit = match &args.commit {
        Some(commit) if commit.len() != 40 || !commit.chars().all(|c| c.is_ascii_hexdigit()) => {
            return Err(Error::msg(format!(
                "--commit {commit}: expected a full 40-digit hex commit hash"
            )))
        }
        Some(commit) => commit.to_ascii_lowercase(),
        None => old.commit.clone(),
    };
    let same_commit = commit == old.commit;

    let cache_dir = workspace.cache_dir();
    let sources = Sources {
        explicit: None,
        openapi_dir: env.openapi_dir.as_deref(),
        cache_dir: &cache_dir,
        base_url: &env.base_url,
    };
    let old_spec = resolve(&old, &old.version, &sources)
        .context(|| format!("cannot resolve the pinned description ({})", old.version))?;
    // The new side comes from the new commit; the pin's hashes hold only at the pinned one.
    let at = Pin {
        commit: commit.clone(),
        ..old.clone()
    };
    let expected = |v: &str| same_commit.then(|| old.expected_sha256(v)).flatten();
    let new_spec = resolve_expecting(&at, version, expected(version), &sources)?;
    let preview_spec = resolve_expecting(&at, PREVIEW, expected(PREVIEW), &sources)?;
    let new = Pin {
        version: version.to_string(),
        repository: old.repository.clone(),
        commit,
        sha256: sha256_file(&new_spec.path)?,
        preview_sha256: Some(sha256_file(&preview_spec.path)?),
    };

    let layer = workspace.spec_layer();
    let stable = generate_all(&new_spec.path, &layer, version, codegen::Channel::Stable)?;
    let preview = generate_all(
        &preview_spec.path,
        &layer,
        PREVIEW,
        codegen::Channel::Preview,
    )?;
    let report = Report::compare(
        &old.version,
        &describe(&old_spec.path, &layer, &old.version)?,
        version,
        &describe(&new_spec.path, &layer, version)?,
    );

    let mut tree: Files = stable.files.clone();
    for (path, text) in &preview.files {
        tree.insert(format!("preview/{path}"), text.clone());
    }
    let manifest = read(workspace, &workspace.manifest())?;
    let snapshots = workspace.root.join("codegen/tests/snapshots");
    let listings = [
        &stable.surface,
        &preview.surface,
        &stable.models,
        &preview.models,
    ];
    let mut files: Vec<(PathBuf, String)> = vec![
        (pin_path, new.rewrite(&pin_text)?),
        (workspace.manifest(), rewrite(&manifest, &stable.features)?),
    ];
    for ((name, expression), listing) in SNAPSHOTS.iter().zip(listings) {
        files.push((snapshots.join(name), snapshot(expression, listing)));
    }
    let log_path = workspace.root.join(changelog::FILE);
    if new != old || !report.changes.is_empty() {
        let log = read(workspace, &log_path)?;
        files.push((log_path, changelog::insert(&log, &report.markdown(3))?));
    }

    let mut changes = Vec::new();
    for (path, text) in files {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            changes.push(Change {
                path,
                contents: Contents::File(text),
            });
        }
    }
    let out = workspace.default_out();
    let tree_count = tree.len();
    let diff = crate::check::compare(&out, &tree)
        .context(|| format!("cannot compare with {}", workspace.show(&out)))?;
    if !diff.is_empty() {
        changes.push(Change {
            path: out,
            contents: Contents::Tree(tree),
        });
    }
    if changes.is_empty() {
        println!(
            "bump: {version} at {} is already pinned, and everything generated from it is up to date: nothing changed",
            short(&new.commit)
        );
        return Ok(());
    }
    stage::apply(&changes).context(|| "cannot write the bump")?;

    println!(
        "bump: {} -> {version} (commit {}) in {} ms; wrote:",
        old.version,
        short(&new.commit),
        started.elapsed().as_millis()
    );
    for change in &changes {
        let what = match &change.contents {
            Contents::File(_) => String::new(),
            Contents::Tree(_) => format!(" ({tree_count} files)"),
        };
        println!("  {}{what}", workspace.show(&change.path));
    }
    review(&report);
    Ok(())
}

/// What a maintainer does next.
fn review(report: &Report) {
    println!(
        "\nThe API moved: {} changes, {} breaking. Review, in this order:\n\
         1. CHANGELOG.md, the section \"{}\": every breaking change is a line there.\n\
         2. git diff codegen/tests/snapshots: api_surface__api_surface.snap (operations) and\n   \
            api_surface__models.snap (models), then their _preview counterparts.\n\
         3. Fix what breaks: the override layer (spec/overrides.yaml, scoped with versions/since),\n   \
            spec/names.yaml for new operations Intercom's SDKs name, the hand-written layer,\n   \
            and the line counts and PINNED of codegen/tests/api_surface.rs.\n\
         4. Run the tests: cargo test --workspace (every example decodes, Prism validates every\n   \
            operation), cargo xtask regen --check, .ci/run.",
        report.changes.len(),
        report.breaking(),
        report.title(),
    );
}

/// `changelog-check`: CHANGELOG.md has an entry for the pinned version.
pub fn check_changelog(workspace: &Workspace) -> Result<bool> {
    let pin = Pin::load(&workspace.pin_file())?;
    let path = workspace.root.join(changelog::FILE);
    let text = read(workspace, &path)?;
    if changelog::has_entry(&text, &pin.version) {
        println!("{} has an entry for {}", changelog::FILE, pin.version);
        return Ok(true);
    }
    eprintln!(
        "{} has no entry for the pinned version {} (spec/pin.toml): expected a section \
         `### Intercom API <previous> -> {}`, which `cargo xtask bump {}` writes",
        changelog::FILE,
        pin.version,
        pin.version,
        pin.version
    );
    Ok(false)
}

/// An insta snapshot file of `codegen/tests/api_surface.rs`.
fn snapshot(expression: &str, listing: &str) -> String {
    format!(
        "---\nsource: codegen/tests/api_surface.rs\nexpression: {expression}\n---\n{}\n",
        listing.trim_end_matches('\n')
    )
}

fn read(workspace: &Workspace, path: &Path) -> Result<String> {
    std::fs::read_to_string(path).context(|| format!("cannot read {}", workspace.show(path)))
}

fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}
