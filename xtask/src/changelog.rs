//! `CHANGELOG.md`: where `bump` records each move of the pinned API version, and
//! `changelog-check` makes sure the pinned version has its entry.
//!
//! Each move is a section titled by the diff report (`### Intercom API 2.14 -> 2.16`) in the
//! newest entry, while it is unreleased (`## [Unreleased]`, `## [0.1.0] - Unreleased`):
//! after the entry's own `### Added`/`### Changed`/… sections, before the earlier moves.

use crate::error::{Error, Result};

/// The file, at the workspace root.
pub const FILE: &str = "CHANGELOG.md";

/// The start of a section written by `bump`.
const SECTION: &str = "### Intercom API ";

/// `changelog` with `section` (a report whose title is a `###` heading) added to the newest
/// entry, which is first created as `## [Unreleased]` when the newest one is released.
pub fn insert(changelog: &str, section: &str) -> Result<String> {
    let lines: Vec<&str> = changelog.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.starts_with("## "))
        .ok_or_else(|| Error::msg(format!("{FILE} has no entry (no `## ` heading)")))?;
    let section = section.trim_end();
    let mut out: Vec<&str> = Vec::with_capacity(lines.len() + 8);
    if !lines[top].to_ascii_lowercase().contains("unreleased") {
        out.extend(&lines[..top]);
        out.extend(["## [Unreleased]", "", section, ""]);
        out.extend(&lines[top..]);
    } else {
        let end = lines[top + 1..]
            .iter()
            .position(|l| l.starts_with("## "))
            .map_or(lines.len(), |i| top + 1 + i);
        let at = lines[top + 1..end]
            .iter()
            .position(|l| l.starts_with(SECTION))
            .map_or(end, |i| top + 1 + i);
        // Keep one blank line between the sections around the new one.
        let mut before = &lines[..at];
        while before.last().is_some_and(|l| l.trim().is_empty()) {
            before = &before[..before.len() - 1];
        }
        out.extend(before);
        out.extend(["", section, ""]);
        out.extend(&lines[at..]);
    }
    let mut text = out.join("\n");
    text.push('\n');
    Ok(text)
}

/// Whether `changelog` records the move to `version`: a `### Intercom API … -> VERSION`
/// section.
pub fn has_entry(changelog: &str, version: &str) -> bool {
    let arrow = format!(" -> {version}");
    changelog
        .lines()
        .any(|l| l.starts_with(SECTION) && l.trim_end().ends_with(&arrow))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# Changelog\n\nIntro.\n\n";
    const ENTRY: &str = "## [0.1.0] - Unreleased\n\n### Added\n\n- a thing\n\n\
                         ### Intercom API 2.14 -> 2.16\n\nold report\n\n## [0.0.1] - 2020-01-01\n\n- x\n";

    #[test]
    fn a_move_goes_into_the_unreleased_entry_before_the_earlier_moves() {
        let text = format!("{HEAD}{ENTRY}");
        let got = insert(&text, "### Intercom API 2.16 -> 2.17\n\nnew report\n").unwrap();
        let want = format!(
            "{HEAD}## [0.1.0] - Unreleased\n\n### Added\n\n- a thing\n\n\
             ### Intercom API 2.16 -> 2.17\n\nnew report\n\n\
             ### Intercom API 2.14 -> 2.16\n\nold report\n\n## [0.0.1] - 2020-01-01\n\n- x\n"
        );
        assert_eq!(got, want);
        assert!(has_entry(&got, "2.17") && has_entry(&got, "2.16"));
        assert!(!has_entry(&got, "2.1") && !has_entry(&got, "2.15"));
    }

    #[test]
    fn the_first_move_ends_the_unreleased_entry() {
        let text = format!("{HEAD}## [Unreleased]\n\n### Fixed\n\n- y\n\n## [0.0.1]\n");
        let got = insert(&text, "### Intercom API 2.16 -> 2.17\n\nr\n").unwrap();
        assert_eq!(
            got,
            format!(
                "{HEAD}## [Unreleased]\n\n### Fixed\n\n- y\n\n### Intercom API 2.16 -> 2.17\n\nr\n\n## [0.0.1]\n"
            )
        );
    }

    #[test]
    fn a_released_top_entry_gets_an_unreleased_one_above_it() {
        let text = format!("{HEAD}## [0.0.1] - 2020-01-01\n\n- x\n");
        let got = insert(&text, "### Intercom API 2.16 -> 2.17\n\nr\n").unwrap();
        assert_eq!(
            got,
            format!("{HEAD}## [Unreleased]\n\n### Intercom API 2.16 -> 2.17\n\nr\n\n## [0.0.1] - 2020-01-01\n\n- x\n")
        );
    }

    #[test]
    fn a_changelog_without_entries_is_an_error() {
        let error = insert(HEAD, "### Intercom API 1 -> 2\n").unwrap_err();
        assert!(error.to_string().contains("no entry"), "{error}");
    }
}
