//! Replacing the generated tree without ever leaving a half-written one.
//!
//! The complete new tree is written to `<out>.tmp-regen` next to the output directory; only
//! then is the old tree moved to `<out>.old-regen`, the new one renamed into place and the old
//! one deleted. Files that are no longer generated disappear with the old tree.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::error::{Context, Error, Result};
use crate::tree::{disk_path, Files};

/// Replaces the directory `out` by exactly `files`.
pub fn replace_tree(out: &Path, files: &Files) -> Result<()> {
    refuse_dangerous(out)?;
    let staging = sibling(out, ".tmp-regen")?;
    let old = sibling(out, ".old-regen")?;
    for leftover in [&staging, &old] {
        remove_dir_if_exists(leftover)?;
    }

    if let Err(error) = write_all(&staging, files) {
        // Best effort: the staging tree is incomplete; the error above is what matters.
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error);
    }

    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, &old)
            .context(|| format!("cannot move {} to {}", out.display(), old.display()))?;
    }
    if let Err(error) = std::fs::rename(&staging, out) {
        if had_old {
            // Put the old tree back so the output directory never goes missing.
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(Error::with_source(
            format!("cannot move {} to {}", staging.display(), out.display()),
            error,
        ));
    }
    if had_old {
        std::fs::remove_dir_all(&old).context(|| {
            format!(
                "the new tree is in place, but the old one could not be removed: {}",
                old.display()
            )
        })?;
    }
    Ok(())
}

/// Writes every file below `root`, creating `root` and subdirectories.
pub(crate) fn write_all(root: &Path, files: &Files) -> Result<()> {
    std::fs::create_dir_all(root).context(|| format!("cannot create {}", root.display()))?;
    for (name, contents) in files {
        let path = disk_path(root, name)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, contents).context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// `<out><suffix>` in the same parent directory (so renames stay on one file system).
pub(crate) fn sibling(out: &Path, suffix: &str) -> Result<PathBuf> {
    let name = out
        .file_name()
        .ok_or_else(|| Error::msg(format!("invalid output directory {}", out.display())))?;
    let mut sibling: OsString = name.to_os_string();
    sibling.push(suffix);
    Ok(out.with_file_name(sibling))
}

fn remove_dir_if_exists(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::with_source(
            format!("cannot remove the leftover {}", dir.display()),
            error,
        )),
        _ => Ok(()),
    }
}

/// The output directory is deleted and replaced, so refuse anything that looks like a project
/// directory rather than a generated tree (a typo like `--out .` must not wipe the workspace).
pub(crate) fn refuse_dangerous(out: &Path) -> Result<()> {
    for marker in ["Cargo.toml", ".git", "src"] {
        if out.join(marker).exists() {
            return Err(Error::msg(format!(
                "refusing to replace {}: it contains `{marker}`, so it does not look like a \
                 generated tree",
                out.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::list_files;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn listing(dir: &Path) -> Vec<String> {
        list_files(dir).unwrap().into_iter().collect()
    }

    #[test]
    fn writes_a_new_tree_including_missing_parents() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("src/generated");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        replace_tree(&out, &files(&[("mod.rs", "m"), ("a/b.rs", "b")])).unwrap();
        assert_eq!(listing(&out), ["a/b.rs", "mod.rs"]);
        assert_eq!(std::fs::read_to_string(out.join("a/b.rs")).unwrap(), "b");
    }

    #[test]
    fn stale_files_disappear_and_no_temporary_dirs_remain() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("generated");
        replace_tree(&out, &files(&[("mod.rs", "v1"), ("old/gone.rs", "x")])).unwrap();
        replace_tree(&out, &files(&[("mod.rs", "v2"), ("new.rs", "y")])).unwrap();
        assert_eq!(listing(&out), ["mod.rs", "new.rs"]);
        assert_eq!(std::fs::read_to_string(out.join("mod.rs")).unwrap(), "v2");
        let siblings: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(siblings, ["generated"]);
    }

    #[test]
    fn an_error_leaves_the_old_tree_intact() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("generated");
        replace_tree(&out, &files(&[("mod.rs", "v1"), ("a.rs", "a")])).unwrap();
        // The second file name is invalid, so writing fails after the first file was staged.
        let err = replace_tree(&out, &files(&[("mod.rs", "v2"), ("z/../../evil.rs", "x")]));
        assert!(err.unwrap_err().to_string().contains("invalid file name"));
        assert_eq!(listing(&out), ["a.rs", "mod.rs"]);
        assert_eq!(std::fs::read_to_string(out.join("mod.rs")).unwrap(), "v1");
        assert!(!tmp.path().join("generated.tmp-regen").exists());
        assert!(!tmp.path().join("evil.rs").exists());
    }

    #[test]
    fn leftovers_of_an_interrupted_run_are_cleaned_up() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("generated");
        std::fs::create_dir_all(tmp.path().join("generated.tmp-regen/half")).unwrap();
        std::fs::create_dir_all(tmp.path().join("generated.old-regen")).unwrap();
        replace_tree(&out, &files(&[("mod.rs", "m")])).unwrap();
        assert_eq!(listing(&out), ["mod.rs"]);
        assert!(!tmp.path().join("generated.tmp-regen").exists());
        assert!(!tmp.path().join("generated.old-regen").exists());
    }

    #[test]
    fn refuses_to_replace_a_project_directory() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("Cargo.toml"), "[workspace]").unwrap();
        let err = replace_tree(tmp.path(), &files(&[("mod.rs", "m")])).unwrap_err();
        assert!(err.to_string().contains("refusing to replace"), "{err}");
        assert!(tmp.path().join("Cargo.toml").exists());
    }
}
