//! The API surface listing: one line per operation, for review of version bumps.

use super::tokens::display;
use crate::ir::{Api, Response};
use crate::Channel;

/// `METHOD /path -> namespace().method(args) [.setters] -> Response`, one line per operation,
/// sorted by path. Path arguments (anything `IntoId`) are shown by name, the rest with their type.
/// Preview calls start at `preview()`.
pub fn surface(api: &Api, channel: Channel) -> String {
    let root = channel.call_root();
    let mut lines: Vec<String> = api
        .operations
        .iter()
        .map(|op| {
            let mut args: Vec<String> = op.path_params.iter().map(|p| p.ident.clone()).collect();
            let required = op
                .query_params
                .iter()
                .chain(&op.header_params)
                .filter(|p| p.required);
            args.extend(required.map(|p| format!("{}: {}", p.ident, display(&p.ty))));
            match &op.body {
                Some(b) if b.content_type == "application/json" => {
                    args.push(format!("body: {}", display(&b.ty)))
                }
                Some(b) => args.push(format!("body: RawBody ({})", b.content_type)),
                None => {}
            }
            let optional: Vec<String> = op
                .query_params
                .iter()
                .chain(&op.header_params)
                .filter(|p| !p.required)
                .map(|p| format!(".{}({})", p.ident, display(&p.ty)))
                .collect();
            let optional = if optional.is_empty() {
                String::new()
            } else {
                format!(" {}", optional.join(" "))
            };
            let ret = match &op.response {
                Response::Json(t) => display(t),
                Response::Empty => "()".into(),
                Response::Text => "String (text/plain)".into(),
                Response::Bytes => "Download (streamed)".into(),
                Response::Redirect => "String (Location)".into(),
            };
            format!(
                "{} {} -> {root}{}({}){} -> {}",
                op.method,
                op.path,
                op.call(),
                args.join(", "),
                optional,
                ret
            )
        })
        .collect();
    lines.sort_by(|a, b| {
        let key = |l: &str| l.split(' ').nth(1).map(str::to_string).unwrap_or_default();
        key(a).cmp(&key(b)).then(a.cmp(b))
    });
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
