//! What the hand-written layer needs from a version (`spec/capabilities.yaml`): each entry
//! names a capability and the generated items it needs, and is met by a version whose
//! generated code has every one of them. The emitter turns the list into the `spec_has!`
//! macro the hand-written code is gated on, so that code using items a version lacks is left
//! out of that version instead of breaking its build.

use std::path::Path;

use serde::Deserialize;

use crate::ir::{Api, TypeKind};
use crate::Error;

/// One entry of the capabilities file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The capability's name, as the hand-written code writes it (`snake_case`).
    name: String,
    /// What uses it, and which versions lack it (one line, required).
    reason: String,
    /// Generated items: a type or request builder (`TagsTagTicket`), or a struct field
    /// (`UpdateTicketRequest.admin_id`).
    needs: Vec<String>,
}

/// A capability and whether the generated code has everything it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capability {
    /// Its name.
    pub name: String,
    /// Every item it needs is generated.
    pub met: bool,
}

/// Reads the capabilities file at `path` and evaluates each entry against `api`.
pub fn evaluate(path: &Path, text: &str, api: &Api) -> Result<Vec<Capability>, Error> {
    let fail = |message: String| Error::Parse {
        path: path.to_path_buf(),
        message,
    };
    let entries: Vec<Entry> = serde_norway::from_str(text)
        .map_err(|e| fail(format!("invalid capabilities file: {e}")))?;
    let mut out: Vec<Capability> = Vec::new();
    for entry in entries {
        let valid = !entry.name.is_empty()
            && entry
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(fail(format!(
                "capability `{}`: a name is snake_case",
                entry.name
            )));
        }
        if entry.reason.trim().is_empty() || entry.needs.is_empty() {
            return Err(fail(format!(
                "capability `{}` needs a reason and at least one item",
                entry.name
            )));
        }
        if out.iter().any(|c| c.name == entry.name) {
            return Err(fail(format!("capability `{}` is listed twice", entry.name)));
        }
        let met = entry.needs.iter().all(|item| has(api, item));
        out.push(Capability {
            name: entry.name,
            met,
        });
    }
    Ok(out)
}

/// Whether `item` (`Type`, `Builder` or `Type.field`) is generated.
fn has(api: &Api, item: &str) -> bool {
    match item.split_once('.') {
        None => api.types.contains_key(item) || api.operations.iter().any(|op| op.builder == item),
        Some((name, field)) => match api.types.get(name).map(|def| &def.kind) {
            Some(TypeKind::Struct { fields }) => fields.iter().any(|f| f.ident == field),
            _ => false,
        },
    }
}
