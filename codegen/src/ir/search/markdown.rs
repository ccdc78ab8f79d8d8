//! Just enough Markdown: pipe tables and backticked spans.

/// A pipe table: header cells (lower-cased, trimmed) and body rows (trimmed cells).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Header cells, lower-cased.
    pub header: Vec<String>,
    /// Body rows; each has exactly as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

/// Every pipe table in `text`. A table whose separator row is missing, or with a row of another
/// width than its header, is an error (quoting the row).
pub fn tables(text: &str) -> Result<Vec<Table>, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with('|') {
            continue;
        }
        let header: Vec<String> = cells(line).iter().map(|c| c.to_lowercase()).collect();
        match lines.next() {
            Some(sep) if is_separator(sep) && cells(sep).len() == header.len() => {}
            other => {
                return Err(format!(
                    "the table starting `{line}` has no separator row (found `{}`)",
                    other.unwrap_or("end of text")
                ))
            }
        }
        let mut rows = Vec::new();
        while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
            let cells = cells(row);
            if cells.len() != header.len() {
                return Err(format!(
                    "row `{row}` has {} cells, its table has {} columns",
                    cells.len(),
                    header.len()
                ));
            }
            rows.push(cells);
        }
        out.push(Table { header, rows });
    }
    Ok(out)
}

/// The one table whose first header cells are `columns`; `section` names it in errors.
pub fn find<'t>(tables: &'t [Table], columns: &[&str], section: &str) -> Result<&'t Table, String> {
    let mut found = tables.iter().filter(|t| {
        t.header.len() >= columns.len() && t.header.iter().zip(columns).all(|(h, c)| h == c)
    });
    let wanted = columns
        .iter()
        .map(|c| format!(" {c} |"))
        .collect::<String>();
    let table = found.next().ok_or_else(|| {
        format!("no `|{wanted}` table (the \"{section}\" section) in the description")
    })?;
    if found.next().is_some() {
        return Err(format!(
            "more than one `|{wanted}` table in the description"
        ));
    }
    if table.rows.is_empty() {
        return Err(format!("the `|{wanted}` table has no rows"));
    }
    if let Some(row) = table
        .rows
        .iter()
        .find(|r| r.iter().take(columns.len()).any(String::is_empty))
    {
        return Err(format!(
            "the `|{wanted}` table has an empty cell in row `| {} |`",
            row.join(" | ")
        ));
    }
    Ok(table)
}

/// The cells of a table line, trimmed, without the outer pipes.
fn cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// `| :--- | ---: |` and the like.
fn is_separator(line: &str) -> bool {
    line.starts_with('|')
        && cells(line).iter().all(|c| {
            !c.is_empty() && c.trim_matches(':').chars().all(|ch| ch == '-') && c.contains('-')
        })
}

/// The contents of every `` `span` `` in `text`, in order.
pub fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tables_and_spans() {
        let text =
            "intro\n| A | B |\n| :-- | --- |\n| x | `y` |\n| z | w |\n\nafter `one` and `two`";
        let found = tables(text).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].header, ["a", "b"]);
        assert_eq!(found[0].rows, [["x", "`y`"], ["z", "w"]]);
        assert_eq!(backticked("after `one` and `two`"), ["one", "two"]);
    }

    #[test]
    fn rejects_ragged_rows_and_missing_separators() {
        let ragged = tables("| A | B |\n| --- | --- |\n| x |").unwrap_err();
        assert!(ragged.contains("row `| x |` has 1 cells"), "{ragged}");
        let bare = tables("| A | B |\n| x | y |").unwrap_err();
        assert!(bare.contains("no separator row"), "{bare}");
    }
}
