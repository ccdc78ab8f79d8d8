//! `cargo xtask readme-snippets`: compiles README.md's usage snippets the way a new user would
//! use them, as an outside crate whose only `[dependencies]` are the README's own block.
//!
//! The README has exactly one ```` ```toml ```` block with a `[dependencies]` line. It is copied
//! as it is, with one change: the `intercom-api` dependency's `git = "<repository>"` (which must
//! be the workspace's `repository` URL) becomes `path = "<this workspace>/intercom-api"`, so the
//! snippets are compiled against this checkout rather than the published repository.
//!
//! Every ```` ```rust ```` block (whatever its attributes) is one file of the crate: a block
//! with `fn main` is a binary (`src/bin/readme_line_N.rs`), any other block a module of the
//! library (`src/readme_line_N.rs`). `N` is the line of the block's opening fence, so an error
//! at line `K` of `readme_line_N.rs` is README.md line `N + K`.
//!
//! The crate is written to `readme-snippets/` in the target directory (`$CARGO_TARGET_DIR`, or
//! `target/` of the workspace), starts from the workspace's `Cargo.lock` (the versions the
//! workspace's own tests use; anything else the block needs is resolved normally), and is
//! checked with `cargo check --keep-going` into the same target directory, so the dependencies
//! already checked for the workspace are reused. A check is all the snippets need: they are
//! never run, and every error of theirs (a type, a name, a feature) is found before codegen. Warnings are errors, except unused functions of the
//! library blocks (a handler nobody calls in the README).

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Context, Error, Result};
use crate::regen::Workspace;

/// The scratch crate's directory inside the target directory.
const SCRATCH: &str = "readme-snippets";

/// One fenced code block of the README.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The 1-based line of the opening fence.
    pub line: usize,
    /// The info string after the fence (`rust`, `toml`, `rust,no_run`, …).
    pub info: String,
    /// The lines between the fences.
    pub code: String,
}

impl Block {
    /// The language: the info string up to the first comma or space.
    fn language(&self) -> &str {
        self.info.split([',', ' ']).next().unwrap_or_default()
    }

    /// The file name stem of this block in the scratch crate.
    fn stem(&self) -> String {
        format!("readme_line_{}", self.line)
    }

    /// Whether the block is a whole program.
    fn is_program(&self) -> bool {
        self.code.contains("fn main(")
    }
}

/// Every fenced code block of `markdown`; an unclosed fence is an error.
pub fn blocks(markdown: &str) -> Result<Vec<Block>> {
    let mut found = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut open, fence) {
            (None, Some(info)) => {
                open = Some(Block {
                    line: index + 1,
                    info: info.trim().to_string(),
                    code: String::new(),
                })
            }
            (Some(_), Some(rest)) if rest.trim().is_empty() => found.extend(open.take()),
            (Some(block), _) => {
                block.code.push_str(line);
                block.code.push('\n');
            }
            (None, None) => {}
        }
    }
    match open {
        Some(block) => Err(Error::msg(format!(
            "README.md: the code block opened at line {} is never closed",
            block.line
        ))),
        None => Ok(found),
    }
}

/// The README's dependency block (the one ```` ```toml ```` block with a `[dependencies]` line),
/// with the `intercom-api` git dependency on `repository` turned into a path dependency on
/// `crate_path`.
pub fn dependencies(blocks: &[Block], repository: &str, crate_path: &Path) -> Result<String> {
    let mut candidates = blocks
        .iter()
        .filter(|b| b.language() == "toml" && b.code.lines().any(|l| l.trim() == "[dependencies]"));
    let block = candidates
        .next()
        .ok_or_else(|| Error::msg("README.md has no ```toml block with a `[dependencies]` line"))?;
    if let Some(other) = candidates.next() {
        return Err(Error::msg(format!(
            "README.md has two ```toml blocks with `[dependencies]` (lines {} and {}); \
             the snippets must need exactly one",
            block.line, other.line
        )));
    }
    let git = format!("git = \"{repository}\"");
    let path = format!("path = {}", toml_string(&crate_path.to_string_lossy()));
    let mut rewritten = 0;
    let mut text = String::new();
    for line in block.code.lines() {
        let is_ours = line.trim_start().starts_with("intercom-api") && line.contains('=');
        if is_ours {
            if !line.contains(&git) {
                return Err(Error::msg(format!(
                    "README.md line {}: the intercom-api dependency must say `{git}`: {line}",
                    block.line
                )));
            }
            rewritten += 1;
            text.push_str(&line.replacen(&git, &path, 1));
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }
    if rewritten != 1 {
        return Err(Error::msg(format!(
            "README.md line {}: the dependency block must name intercom-api once, not {rewritten} times",
            block.line
        )));
    }
    Ok(text)
}

/// A TOML basic string holding `value`.
fn toml_string(value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// The files of the scratch crate (relative path, contents) for these README blocks, its
/// manifest ending with the workspace's `profiles` (so dependencies build as in the workspace).
pub fn crate_files(
    blocks: &[Block],
    dependencies: &str,
    profiles: &str,
) -> Result<Vec<(PathBuf, String)>> {
    let rust: Vec<&Block> = blocks.iter().filter(|b| b.language() == "rust").collect();
    if rust.is_empty() {
        return Err(Error::msg("README.md has no ```rust block"));
    }
    let manifest = format!(
        "# Written by `cargo xtask readme-snippets` from README.md; rewritten on every run.\n\
         [package]\nname = \"readme-snippets\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n\
         # Not part of the intercom-rs workspace it sits under.\n[workspace]\n\n\
         [lints.rust]\nwarnings = {{ level = \"deny\", priority = -1 }}\ndead_code = \"allow\"\n\n\
         {dependencies}\n{profiles}"
    );
    let mut files = vec![(PathBuf::from("Cargo.toml"), manifest)];
    let mut lib = String::from("//! README.md's snippets that are not whole programs.\n");
    for block in rust {
        let stem = block.stem();
        let file = if block.is_program() {
            PathBuf::from(format!("src/bin/{stem}.rs"))
        } else {
            lib.push_str(&format!("pub mod {stem};\n"));
            PathBuf::from(format!("src/{stem}.rs"))
        };
        files.push((file, block.code.clone()));
    }
    files.push((PathBuf::from("src/lib.rs"), lib));
    Ok(files)
}

/// The `repository = "…"` URL of the workspace manifest.
pub fn repository(workspace_manifest: &str) -> Result<String> {
    workspace_manifest
        .lines()
        .filter_map(|l| l.trim().strip_prefix("repository"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .map(|value| value.trim().trim_matches('"').to_string())
        .next()
        .ok_or_else(|| Error::msg("Cargo.toml has no `repository = \"…\"` line"))
}

/// Writes the scratch crate and checks it; `Ok(false)` when the check fails.
pub fn run(workspace: &Workspace) -> Result<bool> {
    let root = workspace.root.as_path();
    let read = |path: PathBuf| {
        fs::read_to_string(&path).context(|| format!("cannot read {}", path.display()))
    };
    let readme = read(root.join("README.md"))?;
    let repository = repository(&read(root.join("Cargo.toml"))?)?;
    let blocks = blocks(&readme)?;
    let dependencies = dependencies(&blocks, &repository, &root.join("intercom-api"))?;
    let files = crate_files(
        &blocks,
        &dependencies,
        &crate::scratch::profiles(workspace)?,
    )?;

    let target = workspace.target_dir()?;
    let scratch = target.join(SCRATCH);
    let src = scratch.join("src");
    if src.exists() {
        fs::remove_dir_all(&src).context(|| format!("cannot clear {}", src.display()))?;
    }
    for (path, contents) in &files {
        let path = scratch.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::write(&path, contents).context(|| format!("cannot write {}", path.display()))?;
    }
    let lock = scratch.join("Cargo.lock");
    fs::copy(root.join("Cargo.lock"), &lock)
        .context(|| format!("cannot copy Cargo.lock to {}", lock.display()))?;

    for (path, _) in files.iter().filter(|(p, _)| p.starts_with("src")) {
        println!("{}", scratch.join(path).display());
    }
    let mut build = crate::cargo::command();
    build
        .args(["check", "--keep-going", "--manifest-path"])
        .arg(scratch.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target);
    let status = build.status().context(|| "cannot run cargo")?;
    if status.success() {
        let count = files.len() - 2;
        println!("README.md: {count} rust snippets compile with its [dependencies] block");
    } else {
        eprintln!("README.md: an error at line K of readme_line_N.rs is README.md line N + K");
    }
    Ok(status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPO: &str = "https://github.com/intercom-rs/intercom-rs";

    fn readme(deps: &str) -> String {
        format!(
            "# t\n\n```toml\n[dependencies]\n{deps}\ntokio = \"1\"\n```\n\n\
             ```rust,no_run\nfn main() {{}}\n```\n\n```rust\npub fn f() {{}}\n```\n\n```sh\nls\n```\n"
        )
    }

    #[test]
    fn blocks_are_found_with_their_fence_line() {
        let text = readme("intercom-api = { git = \"x\" }");
        let found = blocks(&text).unwrap();
        let summary: Vec<(usize, &str)> = found.iter().map(|b| (b.line, b.language())).collect();
        assert_eq!(
            summary,
            [(3, "toml"), (9, "rust"), (13, "rust"), (17, "sh")]
        );
        assert_eq!(found[1].code, "fn main() {}\n");
    }

    #[test]
    fn an_unclosed_block_is_an_error() {
        let error = blocks("text\n```rust\nfn main() {}\n").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
    }

    #[test]
    fn the_git_dependency_becomes_a_path_and_nothing_else_changes() {
        let dep = format!("intercom-api = {{ git = \"{REPO}\", features = [\"webhooks\"] }}");
        let found = blocks(&readme(&dep)).unwrap();
        let deps = dependencies(&found, REPO, Path::new("/w/intercom-api")).unwrap();
        assert_eq!(
            deps,
            "[dependencies]\n\
             intercom-api = { path = \"/w/intercom-api\", features = [\"webhooks\"] }\n\
             tokio = \"1\"\n"
        );
    }

    #[test]
    fn a_dependency_on_another_repository_is_refused() {
        let found = blocks(&readme(
            "intercom-api = { git = \"https://example.com/x\" }",
        ))
        .unwrap();
        let error = dependencies(&found, REPO, Path::new("/w")).unwrap_err();
        assert!(error.to_string().contains("must say"), "{error}");
        let found = blocks(&readme("serde = \"1\"")).unwrap();
        let error = dependencies(&found, REPO, Path::new("/w")).unwrap_err();
        assert!(error.to_string().contains("not 0 times"), "{error}");
    }

    #[test]
    fn two_dependency_blocks_are_refused() {
        let text = format!("{}\n```toml\n[dependencies]\n```\n", readme("x = 1"));
        let error = dependencies(&blocks(&text).unwrap(), REPO, Path::new("/w")).unwrap_err();
        assert!(error.to_string().contains("lines 3 and 21"), "{error}");
    }

    #[test]
    fn programs_are_binaries_and_the_rest_library_modules() {
        let found = blocks(&readme("")).unwrap();
        let files = crate_files(&found, "[dependencies]\n", "[profile.dev]\ndebug = 0\n").unwrap();
        let paths: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            paths,
            [
                "Cargo.toml",
                "src/bin/readme_line_9.rs",
                "src/readme_line_13.rs",
                "src/lib.rs"
            ]
        );
        assert!(files[0]
            .1
            .ends_with("[dependencies]\n\n[profile.dev]\ndebug = 0\n"));
        assert!(files[0].1.contains("\n[workspace]\n"));
        assert!(files[3].1.contains("pub mod readme_line_13;"));
    }

    /// The real README satisfies what the CI step needs before anything is built.
    #[test]
    fn the_readme_has_one_dependency_block_on_this_repository() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let readme = fs::read_to_string(root.join("README.md")).unwrap();
        let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let found = blocks(&readme).unwrap();
        let repo = repository(&manifest).unwrap();
        let deps = dependencies(&found, &repo, Path::new("/w/intercom-api")).unwrap();
        assert!(deps.contains("path = \"/w/intercom-api\""), "{deps}");
        assert!(crate_files(&found, &deps, "").unwrap().len() > 2);
    }
}
