//! Doc text from the spec, cleaned for rustdoc.
//!
//! Removes `{% admonition %}` tags, and makes sure nothing in it is compiled as a doctest:
//! indented blocks are de-indented and untyped code fences become `text` fences. Inline markup
//! rustdoc would misread (`</br>`, bare URLs, stray tags and brackets) is fixed by [`markup`].

mod markup;

/// Joins summary and description and cleans them; `None` when both are empty.
pub fn doc(summary: Option<&str>, description: Option<&str>) -> Option<String> {
    let mut parts = Vec::new();
    for text in [summary, description].into_iter().flatten() {
        let cleaned = clean(text);
        if !cleaned.is_empty() && !parts.contains(&cleaned) {
            parts.push(cleaned);
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// Cleans one piece of spec Markdown.
pub fn clean(text: &str) -> String {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("{%") {
            if let Some(title) = admonition_title(rest) {
                out.push((format!("> **{title}**"), false));
            }
            continue;
        }
        if let Some(lang) = trimmed.strip_prefix("```") {
            in_fence = !in_fence;
            let fence = if in_fence && lang.trim().is_empty() {
                "```text".to_string()
            } else if in_fence && !lang.trim().eq_ignore_ascii_case("rust") {
                format!("```{}", lang.trim())
            } else if in_fence {
                "```text".to_string()
            } else {
                "```".to_string()
            };
            out.push((fence, true));
            continue;
        }
        if in_fence {
            out.push((line.trim_end().to_string(), true));
        } else {
            out.push((trimmed.to_string(), false));
        }
    }
    if in_fence {
        out.push(("```".into(), true));
    }
    let mut out = markup::render(&out);
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    while out.first().is_some_and(String::is_empty) {
        out.remove(0);
    }
    out.join("\n")
}

fn admonition_title(tag: &str) -> Option<String> {
    let tag = tag.trim_start();
    if !tag.starts_with("admonition") {
        return None;
    }
    let name = tag.split("name=\"").nth(1)?.split('"').next()?;
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_admonitions_fences_and_indentation() {
        let text = "Intro\n{% admonition type=\"info\" name=\"Heads up\" %}\n    indented\n{% /admonition %}\n```\ncode\n```\n";
        assert_eq!(
            clean(text),
            "Intro\n> **Heads up**\nindented\n```text\ncode\n```"
        );
    }

    #[test]
    fn joins_summary_and_description_without_repeats() {
        assert_eq!(doc(Some("A"), Some("A")), Some("A".into()));
        assert_eq!(doc(Some("A"), Some(" B ")), Some("A\n\nB".into()));
        assert_eq!(doc(None, Some("  ")), None);
    }
}
