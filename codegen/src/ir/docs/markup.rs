//! Inline spec markup made safe for rustdoc, outside code spans and fences:
//!
//! - `<br>`, `<br/>` and `</br>` become a paragraph break, or `<br>` inside a table row (a cell
//!   has no other way to break a line);
//! - a bare `http(s)://` URL becomes an autolink `<…>`, or inline code when it holds
//!   placeholders like `<id>`; trailing punctuation stays outside;
//! - a tag that is not a known HTML element (`<id>`, `Array<string>`) and a known one left
//!   unclosed or never opened are escaped (`\<`), so they show as text instead of vanishing or
//!   tripping `rustdoc::invalid_html_tags`;
//! - square brackets that are not a Markdown link `[text](target)` are escaped, so rustdoc never
//!   reads them as intra-doc links.

/// HTML elements kept as HTML (when balanced); any other tag name is escaped.
const KNOWN: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
];

/// Elements that never take a closing tag.
const VOID: &[&str] = &["area", "col", "hr", "img", "wbr"];

/// One piece of a line, before rendering.
#[derive(Debug)]
enum Piece {
    /// Text ready for rustdoc.
    Text(String),
    /// A `<br>` in any spelling.
    Break,
    /// An HTML tag; `keep` is decided once the whole text has been seen.
    Tag { raw: String, keep: bool },
}

/// One scanned tag: its lower-case name, and whether it closes or closes itself.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    len: usize,
}

/// Renders `lines` (`true` = inside a fence, kept verbatim) for rustdoc; a paragraph break
/// can turn one line into several.
pub(super) fn render(lines: &[(String, bool)]) -> Vec<String> {
    let mut scanned: Vec<Option<Vec<Piece>>> = lines
        .iter()
        .map(|(line, verbatim)| {
            (!verbatim).then(|| {
                let mut pieces = Vec::new();
                scan_text(line, &mut pieces);
                pieces
            })
        })
        .collect();
    balance(scanned.iter_mut().flatten().flatten());
    let mut out = Vec::new();
    for ((line, _), pieces) in lines.iter().zip(scanned) {
        let Some(pieces) = pieces else {
            out.push(line.clone());
            continue;
        };
        let table_row = line.starts_with('|');
        let mut text = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => text.push_str(&t),
                Piece::Break if table_row => text.push_str("<br>"),
                Piece::Break => text.push_str("\n\n"),
                Piece::Tag { raw, keep: true } => text.push_str(&raw),
                Piece::Tag { raw, keep: false } => {
                    text.push('\\');
                    text.push_str(&raw);
                }
            }
        }
        for part in text.split('\n') {
            let part = part.trim();
            if !(part.is_empty() && out.last().is_some_and(String::is_empty)) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Where a run of exactly `run` backticks starts in `text`.
fn closing_run(text: &str, run: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find('`') {
        let at = from + found;
        let len = text[at..].len() - text[at..].trim_start_matches('`').len();
        if len == run {
            return Some(at);
        }
        from = at + len;
    }
    None
}

/// Scans one line (or a link's text): code spans are copied as they are; tags, breaks, URLs
/// and brackets are found everywhere else.
fn scan_text(text: &str, pieces: &mut Vec<Piece>) {
    let mut buf = String::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let at_boundary = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if rest.starts_with('`') {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let len = closing_run(&rest[run..], run).map_or(run, |end| run + end + run);
            buf.push_str(&rest[..len]);
            i += len;
        } else if let Some(len) = autolink(rest) {
            buf.push_str(&rest[..len]);
            i += len;
        } else if let Some(tag) = tag(rest) {
            flush(&mut buf, pieces);
            let name = tag.name.as_str();
            if name == "br" {
                pieces.push(Piece::Break);
            } else {
                let void = VOID.contains(&name);
                pieces.push(Piece::Tag {
                    raw: rest[..tag.len].to_string(),
                    keep: (KNOWN.contains(&name) || void) && !(void && tag.closing),
                });
            }
            i += tag.len;
        } else if let Some((url, placeholders)) = at_boundary.then(|| url_len(rest)).flatten() {
            if placeholders {
                buf.push_str(&format!("`{}`", &rest[..url]));
            } else {
                buf.push_str(&format!("<{}>", &rest[..url]));
            }
            i += url;
        } else if let Some((text_len, total)) = link(rest) {
            buf.push('[');
            flush(&mut buf, pieces);
            scan_text(&rest[1..1 + text_len], pieces);
            buf.push_str(&rest[1 + text_len..total]);
            i += total;
        } else if rest.starts_with('[') || rest.starts_with(']') {
            buf.push('\\');
            buf.push_str(&rest[..1]);
            i += 1;
        } else if let Some(c) = rest.chars().next() {
            buf.push(c);
            i += c.len_utf8();
        }
    }
    flush(&mut buf, pieces);
}

fn flush(buf: &mut String, pieces: &mut Vec<Piece>) {
    if !buf.is_empty() {
        pieces.push(Piece::Text(std::mem::take(buf)));
    }
}

/// The length of an autolink (`<https://…>`, `<mailto:…>`) at the start of `text`.
fn autolink(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let schemes = ["http://", "https://", "mailto:"];
    if !schemes.iter().any(|s| inner.starts_with(s)) {
        return None;
    }
    let end = inner.find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    inner[end..].starts_with('>').then_some(end + 2)
}

/// An HTML tag at the start of `text`: `<name …>`, `</name>` or `<name/>`.
fn tag(text: &str) -> Option<Tag> {
    let inner = text.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inner.len());
    if name_len == 0 || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = &inner[name_len..];
    let end = after.find(['>', '<', '\n'])?;
    let attributes = &after[..end];
    let plain = attributes.is_empty()
        || attributes.trim() == "/"
        || attributes.starts_with(char::is_whitespace);
    if !after[end..].starts_with('>') || !plain {
        return None;
    }
    Some(Tag {
        name: inner[..name_len].to_ascii_lowercase(),
        closing,
        self_closing: attributes.trim_end().ends_with('/'),
        len: 1 + usize::from(closing) + name_len + end + 1,
    })
}

/// The length of a bare URL (scheme and host at least) at the start of `text`, and whether it
/// holds `<placeholder>`s.
fn url_len(text: &str) -> Option<(usize, bool)> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| text.starts_with(s))?;
    let mut len = 0;
    let mut placeholders = false;
    loop {
        let rest = &text[len..];
        if let Some(close) = placeholder(rest) {
            len += close;
            placeholders = true;
            continue;
        }
        match rest.chars().next() {
            Some(c) if !(c.is_whitespace() || "<>\"'`|[]".contains(c)) => len += c.len_utf8(),
            _ => break,
        }
    }
    while let Some(last) = text[..len].chars().next_back() {
        let unbalanced_paren =
            last == ')' && text[..len].matches('(').count() < text[..len].matches(')').count();
        if ".,;:!?*".contains(last) || unbalanced_paren {
            len -= last.len_utf8();
        } else {
            break;
        }
    }
    (len > scheme.len()).then_some((len, placeholders))
}

/// The length of `<word>` at the start of `text` (a path placeholder inside a URL).
fn placeholder(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let end = inner.find('>')?;
    let word = &inner[..end];
    let lower = word.to_ascii_lowercase();
    let html = lower == "br" || KNOWN.contains(&lower.as_str()) || VOID.contains(&lower.as_str());
    let name = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (name && !html).then_some(end + 2)
}

/// A Markdown link `[text](target)` at the start of `text`: the length of its text and of
/// the whole link.
fn link(text: &str) -> Option<(usize, usize)> {
    let inner = text.strip_prefix('[')?;
    let text_len = inner.find(']')?;
    let target = inner[text_len..].strip_prefix("](")?;
    let mut depth = 0usize;
    for (at, c) in target.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((text_len, 1 + text_len + 2 + at + 1)),
            ')' => depth -= 1,
            c if c.is_whitespace() => return None,
            _ => {}
        }
    }
    None
}

/// Keeps a known tag only if it is opened and closed in order; the rest are escaped.
fn balance<'a>(pieces: impl Iterator<Item = &'a mut Piece>) {
    let mut open: Vec<(String, &'a mut bool)> = Vec::new();
    for piece in pieces {
        let Piece::Tag { raw, keep } = piece else {
            continue;
        };
        if !*keep {
            continue;
        }
        let Some(found) = tag(raw) else {
            continue;
        };
        if found.self_closing || VOID.contains(&found.name.as_str()) {
            continue;
        }
        if !found.closing {
            open.push((found.name, keep));
        } else if let Some(at) = open.iter().rposition(|(name, _)| *name == found.name) {
            for (_, unclosed) in open.drain(at..).skip(1) {
                *unclosed = false;
            }
        } else {
            *keep = false;
        }
    }
    for (_, unclosed) in open {
        *unclosed = false;
    }
}

#[cfg(test)]
mod tests;
