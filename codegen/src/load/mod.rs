//! Stage 1: read the YAML, apply the override layer, check every `$ref`, parse with openapiv3.

mod names;
mod overrides;
mod refs;

use std::path::{Path, PathBuf};

use crate::{Error, Options};

pub use names::{check_name as check_sdk_name, EXTENSION as SDK_NAME};
pub use overrides::{apply as apply_overrides, Override};

/// A loaded, corrected and reference-checked OpenAPI document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file it came from (for error messages).
    pub file: PathBuf,
    /// The API version it describes.
    pub version: String,
    /// The document after overrides, as plain JSON (examples are read from here).
    pub raw: serde_json::Value,
    /// The same document, typed.
    pub api: openapiv3::OpenAPI,
}

/// Reads, corrects and checks the spec named by `options`.
pub fn load(options: &Options) -> Result<Document, Error> {
    let text = read(&options.spec)?;
    let mut raw = parse_yaml(&options.spec, &text)?;
    if let Some(path) = &options.overrides {
        let list = overrides::read(path, &read(path)?)?;
        overrides::apply(path, &list, &options.version, &mut raw)?;
    }
    if let Some(path) = &options.names {
        let entries = names::read(path, &read(path)?)?;
        names::apply(&entries, &mut raw);
    }
    from_value(&options.spec, &options.version, raw)
}

/// Checks references and parses an already corrected JSON document.
pub fn from_value(file: &Path, version: &str, raw: serde_json::Value) -> Result<Document, Error> {
    refs::check(file, &raw)?;
    let api = serde_path_to_error::deserialize(&raw).map_err(|e| Error::Parse {
        path: file.to_path_buf(),
        message: format!(
            "not an OpenAPI 3.0 document at `{}`: {}",
            e.path(),
            e.inner()
        ),
    })?;
    Ok(Document {
        file: file.to_path_buf(),
        version: version.to_string(),
        raw,
        api,
    })
}

/// The version a description declares (`info.version`), as its directory under
/// `descriptions/` is named: `2.16`, and `0` for Preview's `Preview`. It selects the overrides
/// for a description given by path.
pub fn declared_version(path: &Path) -> Result<String, Error> {
    let raw = parse_yaml(path, &read(path)?)?;
    let version = match raw.pointer("/info/version") {
        Some(serde_json::Value::String(text)) => text.clone(),
        Some(serde_json::Value::Number(number)) => number.to_string(),
        _ => {
            return Err(Error::Parse {
                path: path.to_path_buf(),
                message: "no `info.version` string: not an OpenAPI description".into(),
            })
        }
    };
    Ok(if version == "Preview" {
        "0".into()
    } else {
        version
    })
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Parses YAML text into JSON values (OpenAPI is JSON-compatible YAML).
pub fn parse_yaml(path: &Path, text: &str) -> Result<serde_json::Value, Error> {
    serde_norway::from_str(text).map_err(|e| Error::Parse {
        path: path.to_path_buf(),
        message: format!("malformed YAML: {e}"),
    })
}
