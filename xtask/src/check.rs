//! `--check`: comparing freshly generated files with what is on disk.

use std::fmt;
use std::path::Path;

use crate::error::{Context, Result};
use crate::tree::{disk_path, list_files, Files};

/// How the files on disk differ from the generated ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    /// Generated and on disk, but with different bytes.
    pub changed: Vec<String>,
    /// Generated but not on disk.
    pub missing: Vec<String>,
    /// On disk but no longer generated.
    pub extra: Vec<String>,
}

impl Diff {
    /// True when the disk matches the generated files exactly.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

impl fmt::Display for Diff {
    /// One line per differing file: `  changed: a.rs`, `  missing: b.rs`, `  extra:   c.rs`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups = [
            ("changed: ", &self.changed),
            ("missing: ", &self.missing),
            ("extra:   ", &self.extra),
        ];
        for (label, names) in groups {
            for name in names {
                writeln!(f, "  {label}{name}")?;
            }
        }
        Ok(())
    }
}

/// Compares `files` with the tree under `out` (the set of files and every byte).
pub fn compare(out: &Path, files: &Files) -> Result<Diff> {
    let on_disk = list_files(out)?;
    let mut diff = Diff::default();
    for (name, contents) in files {
        if !on_disk.contains(name) {
            diff.missing.push(name.clone());
            continue;
        }
        let path = disk_path(out, name)?;
        let bytes = std::fs::read(&path).context(|| format!("cannot read {}", path.display()))?;
        if bytes != contents.as_bytes() {
            diff.changed.push(name.clone());
        }
    }
    diff.extra = on_disk
        .into_iter()
        .filter(|name| !files.contains_key(name))
        .collect();
    Ok(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> Files {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn write(root: &Path, name: &str, contents: &str) {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    #[test]
    fn identical_tree_has_no_diff() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "mod.rs", "pub mod a;\n");
        write(tmp.path(), "a/mod.rs", "// a\n");
        let generated = files(&[("mod.rs", "pub mod a;\n"), ("a/mod.rs", "// a\n")]);
        assert!(compare(tmp.path(), &generated).unwrap().is_empty());
    }

    #[test]
    fn changed_missing_and_extra_files_are_reported() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "mod.rs", "pub mod a;\n");
        write(tmp.path(), "a.rs", "// a\r\n"); // one byte differs
        write(tmp.path(), "old/stale.rs", "// gone\n");
        let generated = files(&[
            ("mod.rs", "pub mod a;\n"),
            ("a.rs", "// a\n"),
            ("b/new.rs", "// new\n"),
        ]);
        let diff = compare(tmp.path(), &generated).unwrap();
        assert_eq!(
            diff,
            Diff {
                changed: vec!["a.rs".into()],
                missing: vec!["b/new.rs".into()],
                extra: vec!["old/stale.rs".into()],
            }
        );
        assert_eq!(
            diff.to_string(),
            "  changed: a.rs\n  missing: b/new.rs\n  extra:   old/stale.rs\n"
        );
    }

    #[test]
    fn missing_out_dir_means_every_file_is_missing() {
        let tmp = tempfile::tempdir().unwrap();
        let generated = files(&[("mod.rs", "")]);
        let diff = compare(&tmp.path().join("generated"), &generated).unwrap();
        assert_eq!(diff.missing, ["mod.rs"]);
        assert!(diff.changed.is_empty() && diff.extra.is_empty());
    }
}
