//! Mapping generated file names (`/`-separated, relative) to disk, and listing a directory tree
//! in the same form.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::error::{Context, Error, Result};

/// The generated files: relative `/`-separated path -> contents.
pub type Files = std::collections::BTreeMap<String, String>;

/// Joins the generated file name `relative` onto `root`, rejecting names that could escape it
/// (absolute paths, `..`, empty segments, backslashes).
pub fn disk_path(root: &Path, relative: &str) -> Result<PathBuf> {
    let invalid = || {
        Error::msg(format!(
            "codegen produced an invalid file name {relative:?}"
        ))
    };
    if relative.is_empty() || relative.contains('\\') {
        return Err(invalid());
    }
    let mut path = root.to_path_buf();
    for segment in relative.split('/') {
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(name)), None) if name == segment => path.push(name),
            _ => return Err(invalid()),
        }
    }
    Ok(path)
}

/// Lists every file below `root` as relative `/`-separated names (directories are not listed).
/// A missing `root` is an empty tree.
pub fn list_files(root: &Path) -> Result<BTreeSet<String>> {
    let mut files = BTreeSet::new();
    if root.exists() {
        walk(root, "", &mut files)?;
    }
    Ok(files)
}

fn walk(dir: &Path, prefix: &str, files: &mut BTreeSet<String>) -> Result<()> {
    let entries = std::fs::read_dir(dir).context(|| format!("cannot list {}", dir.display()))?;
    for entry in entries {
        let entry = entry.context(|| format!("cannot list {}", dir.display()))?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let kind = entry
            .file_type()
            .context(|| format!("cannot stat {}", entry.path().display()))?;
        if kind.is_dir() {
            walk(&entry.path(), &format!("{name}/"), files)?;
        } else {
            files.insert(name);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_path_accepts_nested_names_and_rejects_escapes() {
        let root = Path::new("/out");
        assert_eq!(
            disk_path(root, "models/contacts.rs").unwrap(),
            Path::new("/out/models/contacts.rs")
        );
        for bad in [
            "",
            "/abs.rs",
            "../x.rs",
            "a/../b.rs",
            "a//b.rs",
            "./a.rs",
            "a\\b.rs",
            "a/",
        ] {
            assert!(disk_path(root, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn list_files_walks_recursively_and_tolerates_a_missing_root() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(list_files(&tmp.path().join("missing")).unwrap().is_empty());
        std::fs::create_dir_all(tmp.path().join("a/b")).unwrap();
        std::fs::create_dir_all(tmp.path().join("empty")).unwrap();
        std::fs::write(tmp.path().join("mod.rs"), "").unwrap();
        std::fs::write(tmp.path().join("a/b/c.rs"), "").unwrap();
        let listed: Vec<_> = list_files(tmp.path()).unwrap().into_iter().collect();
        assert_eq!(listed, ["a/b/c.rs", "mod.rs"]);
    }
}
