//! `cargo xtask regen [--check]`: resolve the spec, generate, then write or compare.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::args::RegenArgs;
use crate::check::compare;
use crate::error::{Context, Result};
use crate::features::rewrite;
use crate::generate::{generate, SpecLayer};
use crate::pin::{validate_version, Pin, PREVIEW};
use crate::resolve::{resolve, Sources};
use crate::write::replace_tree;

/// Where downloads come from unless `$INTERCOM_OPENAPI_BASE_URL` says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://raw.githubusercontent.com";

/// The environment variables regen reads, captured once in `main`.
#[derive(Debug, Clone)]
pub struct Env {
    /// `$INTERCOM_OPENAPI_DIR`: a checkout of the upstream OpenAPI repository.
    pub openapi_dir: Option<OsString>,
    /// `$INTERCOM_OPENAPI_BASE_URL`, or [`DEFAULT_BASE_URL`].
    pub base_url: String,
}

impl Env {
    /// Reads the variables from the process environment.
    pub fn from_process() -> Env {
        Env {
            openapi_dir: std::env::var_os("INTERCOM_OPENAPI_DIR"),
            base_url: std::env::var("INTERCOM_OPENAPI_BASE_URL")
                .ok()
                .filter(|url| !url.is_empty())
                .unwrap_or_else(|| DEFAULT_BASE_URL.to_string()),
        }
    }
}

/// The workspace's well-known paths.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The workspace root (the parent of `xtask/`).
    pub root: PathBuf,
}

impl Workspace {
    /// The workspace this xtask binary was built from, or `$XTASK_WORKSPACE` when set (the
    /// tests run commands that write on a copy of the repository's files).
    pub fn locate() -> Workspace {
        if let Some(root) = std::env::var_os("XTASK_WORKSPACE").filter(|r| !r.is_empty()) {
            return Workspace { root: root.into() };
        }
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        Workspace {
            root: manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf(),
        }
    }

    pub(crate) fn pin_file(&self) -> PathBuf {
        self.root.join("spec/pin.toml")
    }

    /// The spec layer's files that exist: the overrides, the SDK names and the capabilities
    /// of the hand-written layer.
    pub fn spec_layer(&self) -> SpecLayer {
        let file = |name: &str| Some(self.root.join("spec").join(name)).filter(|p| p.is_file());
        SpecLayer {
            overrides: file("overrides.yaml"),
            names: file("names.yaml"),
            capabilities: file("capabilities.yaml"),
        }
    }

    /// The target directory cargo uses for this workspace: `$CARGO_TARGET_DIR` (relative to
    /// the current directory, as cargo reads it) or the workspace's `target/`.
    pub fn target_dir(&self) -> Result<PathBuf> {
        match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
            Some(dir) => {
                let cwd =
                    std::env::current_dir().context(|| "cannot read the current directory")?;
                Ok(cwd.join(dir))
            }
            None => Ok(self.root.join("target")),
        }
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(".cache/openapi")
    }

    /// The manifest whose `[features]` hold the resource features.
    pub(crate) fn manifest(&self) -> PathBuf {
        self.root.join("intercom-api/Cargo.toml")
    }

    pub(crate) fn default_out(&self) -> PathBuf {
        self.root.join("intercom-api/src/generated")
    }

    /// `path` relative to the workspace root when it is inside it, for messages.
    pub(crate) fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

/// Runs `regen`. Returns `Ok(false)` when `--check` found differences (already reported).
pub fn run(args: &RegenArgs, workspace: &Workspace, env: &Env) -> Result<bool> {
    let started = Instant::now();
    let pin = Pin::load(&workspace.pin_file())?;
    let version = args.version.clone().unwrap_or_else(|| pin.version.clone());
    validate_version(&version)?;

    let cache_dir = workspace.cache_dir();
    let sources = Sources {
        explicit: args.spec.as_deref(),
        openapi_dir: env.openapi_dir.as_deref(),
        cache_dir: &cache_dir,
        base_url: &env.base_url,
    };
    let spec = resolve(&pin, &version, &sources)?;
    let layer = workspace.spec_layer();
    let (mut files, features) = generate(&spec.path, &layer, &version, codegen::Channel::Stable)?;
    let mut source = format!("spec {version} via {}", spec.origin);
    // The crate's own tree also holds the Preview surface (feature `preview`), from the
    // Preview description of the pinned commit; `--spec` names the stable description only.
    if args.out.is_none() {
        let sources = Sources {
            explicit: None,
            ..sources
        };
        let preview = resolve(&pin, PREVIEW, &sources)?;
        let (preview_files, _) =
            generate(&preview.path, &layer, PREVIEW, codegen::Channel::Preview)?;
        files.extend(
            preview_files
                .into_iter()
                .map(|(path, text)| (format!("preview/{path}"), text)),
        );
        let _ = write!(source, ", Preview via {}", preview.origin);
    }

    let out = args.out.clone().unwrap_or_else(|| workspace.default_out());
    let shown = workspace.show(&out);
    let diff =
        compare(&out, &files).context(|| format!("cannot compare with the files in {shown}"))?;
    // The features belong to the crate the default output is part of; `--out` elsewhere
    // leaves the manifest alone.
    let manifest_path = workspace.manifest();
    let manifest = match args.out {
        None => {
            let current = std::fs::read_to_string(&manifest_path)
                .context(|| format!("cannot read {}", workspace.show(&manifest_path)))?;
            let wanted = rewrite(&current, &features)?;
            (current != wanted).then_some(wanted)
        }
        Some(_) => None,
    };

    if args.check {
        if manifest.is_some() {
            eprintln!(
                "the resource features in {} are out of date ({source}): run `{}` to update them",
                workspace.show(&manifest_path),
                regen_command(args)
            );
            return Ok(false);
        }
        if diff.is_empty() {
            println!("generated code is up to date");
            return Ok(true);
        }
        eprintln!(
            "generated code in {shown} is out of date ({source}):\n{diff}run `{}` to update it",
            regen_command(args)
        );
        return Ok(false);
    }

    if let Some(wanted) = manifest {
        std::fs::write(&manifest_path, wanted)
            .context(|| format!("cannot write {}", workspace.show(&manifest_path)))?;
        println!(
            "regen: wrote the resource features of {}",
            workspace.show(&manifest_path)
        );
    }
    let lines: usize = files
        .values()
        .map(|contents| contents.lines().count())
        .sum();
    let count = files.len();
    if diff.is_empty() {
        println!(
            "regen: {count} files ({lines} lines) in {shown} already up to date, {source}, {} ms",
            started.elapsed().as_millis()
        );
    } else {
        replace_tree(&out, &files).context(|| format!("cannot write {shown}"))?;
        println!(
            "regen: wrote {count} files ({lines} lines) to {shown} from {source} in {} ms",
            started.elapsed().as_millis()
        );
    }
    Ok(true)
}

/// The command that rewrites the files `args --check` compared against.
fn regen_command(args: &RegenArgs) -> String {
    let mut command = String::from("cargo xtask regen");
    if let Some(version) = &args.version {
        let _ = write!(command, " --version {}", shell_quote(version));
    }
    if let Some(spec) = &args.spec {
        let _ = write!(command, " --spec {}", shell_quote(&spec.to_string_lossy()));
    }
    if let Some(out) = &args.out {
        let _ = write!(command, " --out {}", shell_quote(&out.to_string_lossy()));
    }
    command
}

/// Quotes `word` for a POSIX shell when it contains anything but safe characters.
fn shell_quote(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':' | '+'));
    if safe {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fix_command_repeats_the_non_default_arguments() {
        assert_eq!(regen_command(&RegenArgs::default()), "cargo xtask regen");
        let args = RegenArgs {
            check: true,
            version: Some("2.15".into()),
            spec: Some("my specs/it's.yaml".into()),
            out: Some("/tmp/out".into()),
        };
        assert_eq!(
            regen_command(&args),
            r"cargo xtask regen --version 2.15 --spec 'my specs/it'\''s.yaml' --out /tmp/out"
        );
    }

    #[test]
    fn workspace_is_the_parent_of_xtask() {
        let workspace = Workspace::locate();
        assert!(workspace.root.join("xtask/Cargo.toml").is_file());
        assert_eq!(
            workspace.show(&workspace.default_out()),
            Path::new("intercom-api/src/generated")
                .display()
                .to_string()
        );
    }
}
