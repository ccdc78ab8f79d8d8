//! The report as Markdown: a title, a table of counts, then one list item per change, the
//! breaking ones first.

use std::fmt::Write as _;

use super::change::{Area, What};
use super::report::Report;

const AREAS: [(Area, &str); 3] = [
    (Area::Operations, "operations"),
    (Area::Models, "models"),
    (Area::Fields, "fields"),
];

impl Report {
    /// The report as Markdown whose title is a heading of `level` (`2` for `##`), sections one
    /// level below: the title, a table of counts, then the breaking and the additive changes.
    pub fn markdown(&self, level: usize) -> String {
        markdown(self, level)
    }
}

fn markdown(report: &Report, level: usize) -> String {
    let heading = "#".repeat(level.max(1));
    let mut out = format!("{heading} {}\n\n", report.title());
    if report.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let breaking = report.breaking();
    let _ = writeln!(
        out,
        "{} changes: {breaking} breaking, {} additive.\n",
        report.changes.len(),
        report.changes.len() - breaking
    );
    out.push_str("| | added | removed | changed | breaking | additive |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    for (area, name) in AREAS {
        let of_area: Vec<_> = report.changes.iter().filter(|c| c.area == area).collect();
        let count = |what: What| of_area.iter().filter(|c| c.what == what).count();
        let broken = of_area.iter().filter(|c| c.breaking).count();
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {broken} | {} |",
            count(What::Added),
            count(What::Removed),
            count(What::Changed),
            of_area.len() - broken
        );
    }
    for (breaking, name) in [(true, "Breaking"), (false, "Additive")] {
        let lines: Vec<_> = report
            .changes
            .iter()
            .filter(|c| c.breaking == breaking)
            .collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading}# {name} ({})\n", lines.len());
        for change in lines {
            let _ = writeln!(out, "- {}", change.text);
        }
    }
    out
}
