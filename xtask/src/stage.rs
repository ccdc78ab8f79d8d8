//! Changing several files and trees so that either all change or none does (`bump`).
//!
//! Every new file or tree is first written next to its target (`<name>.bump-new`); only when
//! all are written is each target moved aside (`<name>.bump-old`) and its new version renamed
//! into place. If a rename fails, the swaps already made are undone in reverse order, so the
//! targets are exactly as before; once all are in place the old versions are deleted.

use std::path::{Path, PathBuf};

use crate::error::{Context, Error, Result};
use crate::tree::Files;
use crate::write::{refuse_dangerous, sibling, write_all};

/// The new contents of one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// A file with this text.
    File(String),
    /// A directory holding exactly these files (relative `/`-separated names).
    Tree(Files),
}

/// One target and its new contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The file or directory to replace (or create).
    pub path: PathBuf,
    /// What it becomes.
    pub contents: Contents,
}

/// Replaces every target by its new contents, all or nothing.
pub fn apply(changes: &[Change]) -> Result<()> {
    apply_with(changes, &mut |from, to| std::fs::rename(from, to))
}

/// [`apply`] with the rename used for the swaps given (the tests make one fail).
fn apply_with(
    changes: &[Change],
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let mut staged = Vec::new();
    for change in changes {
        let new = sibling(&change.path, ".bump-new")?;
        let old = sibling(&change.path, ".bump-old")?;
        staged.push((change.path.as_path(), new, old));
    }
    if let Err(error) = write_new(changes, &staged) {
        for (_, new, _) in &staged {
            remove(new);
        }
        return Err(error);
    }
    // (target, whether it existed) of each swap made so far.
    let mut done: Vec<(usize, bool)> = Vec::new();
    for (index, (target, new, old)) in staged.iter().enumerate() {
        let existed = target.exists();
        let swapped = (|| {
            if existed {
                rename(target, old)
                    .context(|| format!("cannot move {} aside", target.display()))?;
            }
            if let Err(error) = rename(new, target) {
                if existed {
                    let _ = rename(old, target);
                }
                return Err(Error::with_source(
                    format!("cannot move {} into place", new.display()),
                    error,
                ));
            }
            Ok(())
        })();
        if let Err(error) = swapped {
            for &(undo, existed) in done.iter().rev() {
                let (target, _, old) = &staged[undo];
                remove(target);
                if existed {
                    let _ = rename(old, target);
                }
            }
            for (_, new, _) in &staged {
                remove(new);
            }
            return Err(Error::with_source(
                "nothing was changed (every file is as it was)",
                error,
            ));
        }
        done.push((index, existed));
    }
    for (_, _, old) in &staged {
        remove(old);
    }
    Ok(())
}

/// Writes each new file or tree beside its target, after removing leftovers of a run that was
/// interrupted.
fn write_new(changes: &[Change], staged: &[(&Path, PathBuf, PathBuf)]) -> Result<()> {
    for (change, (target, new, old)) in changes.iter().zip(staged) {
        remove(new);
        remove(old);
        match &change.contents {
            Contents::File(text) => {
                if target.is_dir() {
                    return Err(Error::msg(format!(
                        "{} is a directory, not a file",
                        target.display()
                    )));
                }
                std::fs::write(new, text).context(|| format!("cannot write {}", new.display()))?
            }
            Contents::Tree(files) => {
                refuse_dangerous(target)?;
                write_all(new, files)?
            }
        }
    }
    Ok(())
}

/// Removes a file or directory if it is there (best effort: what is left is reported by the
/// next run's cleanup, or harmless).
fn remove(path: &Path) {
    if path.is_dir() {
        let _ = std::fs::remove_dir_all(path);
    } else if path.exists() {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::list_files;

    /// A directory `tree/` (two files), a file `a.txt`, and nothing at `new.txt`.
    fn setup(root: &Path) -> Vec<Change> {
        std::fs::create_dir_all(root.join("tree/sub")).unwrap();
        std::fs::write(root.join("tree/one.rs"), "old one").unwrap();
        std::fs::write(root.join("tree/sub/two.rs"), "old two").unwrap();
        std::fs::write(root.join("a.txt"), "old a").unwrap();
        let files: Files = [("one.rs", "new one"), ("three.rs", "new three")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        vec![
            Change {
                path: root.join("a.txt"),
                contents: Contents::File("new a".into()),
            },
            Change {
                path: root.join("tree"),
                contents: Contents::Tree(files),
            },
            Change {
                path: root.join("new.txt"),
                contents: Contents::File("created".into()),
            },
        ]
    }

    /// Every file below `root` with its text.
    fn state(root: &Path) -> Vec<(String, String)> {
        list_files(root)
            .unwrap()
            .into_iter()
            .map(|name| {
                let text = std::fs::read_to_string(root.join(&name)).unwrap();
                (name, text)
            })
            .collect()
    }

    #[test]
    fn every_target_is_replaced_and_nothing_is_left_beside() {
        let tmp = tempfile::tempdir().unwrap();
        let changes = setup(tmp.path());
        apply(&changes).unwrap();
        let got = state(tmp.path());
        let want = [
            ("a.txt", "new a"),
            ("new.txt", "created"),
            ("tree/one.rs", "new one"),
            ("tree/three.rs", "new three"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_failed_swap_puts_every_target_back() {
        // Fail the n-th rename: each point of the swap sequence, in turn.
        for fail_at in 0..5 {
            let tmp = tempfile::tempdir().unwrap();
            let changes = setup(tmp.path());
            let before = state(tmp.path());
            let mut calls = 0;
            let mut rename = |from: &Path, to: &Path| {
                calls += 1;
                if calls == fail_at + 1 {
                    return Err(std::io::Error::other("injected failure"));
                }
                std::fs::rename(from, to)
            };
            let error = apply_with(&changes, &mut rename).unwrap_err();
            assert!(
                error.chain().join(": ").contains("injected failure"),
                "{fail_at}: {:?}",
                error.chain()
            );
            assert_eq!(state(tmp.path()), before, "rename {fail_at} failed");
        }
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let mut changes = setup(tmp.path());
        std::fs::create_dir_all(tmp.path().join("dir.txt")).unwrap();
        changes.push(Change {
            path: tmp.path().join("dir.txt"),
            contents: Contents::File("x".into()),
        });
        let before = state(tmp.path());
        let error = apply(&changes).unwrap_err();
        assert!(error.to_string().contains("is a directory"), "{error}");
        assert_eq!(state(tmp.path()), before);
        assert!(tmp.path().join("dir.txt").is_dir());
    }
}
