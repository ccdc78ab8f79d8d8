//! `spec/pin.toml`: which upstream OpenAPI description the generated code comes from.
//!
//! The file is a flat list of `key = "string"` lines (TOML's simplest subset), so it is parsed
//! by hand instead of pulling a TOML parser into xtask.

use std::path::Path;

use crate::error::{Context, Error, Result};

/// The pinned upstream description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The API version the client targets, e.g. `2.14`.
    pub version: String,
    /// The upstream GitHub repository, `owner/name`.
    pub repository: String,
    /// The full upstream commit hash the description is taken from.
    pub commit: String,
    /// SHA-256 of `descriptions/<version>/api.intercom.io.yaml` at that commit, lowercase hex.
    pub sha256: String,
    /// SHA-256 of the Preview description (`descriptions/0`) at the same commit, which the
    /// `preview` feature is generated from; optional in the file.
    pub preview_sha256: Option<String>,
}

const KEYS: [&str; 5] = [
    "version",
    "repository",
    "commit",
    "sha256",
    "preview_sha256",
];

impl Pin {
    /// Reads and parses the pin file at `path`.
    pub fn load(path: &Path) -> Result<Pin> {
        let text =
            std::fs::read_to_string(path).context(|| format!("cannot read {}", path.display()))?;
        Pin::parse(&text).context(|| format!("invalid pin file {}", path.display()))
    }

    /// Parses the text of a pin file; every key is required, unknown keys are rejected.
    pub fn parse(text: &str) -> Result<Pin> {
        let mut values: [Option<String>; 5] = Default::default();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) =
                parse_line(line).map_err(|e| Error::msg(format!("line {}: {e}", index + 1)))?;
            let slot = KEYS.iter().position(|k| *k == key).ok_or_else(|| {
                Error::msg(format!(
                    "line {}: unknown key `{key}` (expected one of {})",
                    index + 1,
                    KEYS.join(", ")
                ))
            })?;
            if values[slot].replace(value).is_some() {
                return Err(Error::msg(format!(
                    "line {}: duplicate key `{key}`",
                    index + 1
                )));
            }
        }
        let [version, repository, commit, sha256, preview_sha256] = values;
        let take = |value: Option<String>, key: &str| {
            value.ok_or_else(|| Error::msg(format!("missing key `{key}`")))
        };
        let pin = Pin {
            version: take(version, "version")?,
            repository: take(repository, "repository")?,
            commit: take(commit, "commit")?,
            sha256: take(sha256, "sha256")?.to_ascii_lowercase(),
            preview_sha256: preview_sha256.map(|sha| sha.to_ascii_lowercase()),
        };
        pin.validate()?;
        Ok(pin)
    }

    fn validate(&self) -> Result<()> {
        validate_version(&self.version).context(|| "invalid `version`")?;
        let repo_ok = self.repository.split('/').count() == 2
            && self.repository.split('/').all(|part| {
                !part.is_empty()
                    && part != "."
                    && part != ".."
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            });
        if !repo_ok {
            return Err(Error::msg(format!(
                "invalid `repository` {:?}: expected `owner/name`",
                self.repository
            )));
        }
        if !is_hex(&self.commit, 40) {
            return Err(Error::msg(format!(
                "invalid `commit` {:?}: expected a full 40-digit hex commit hash",
                self.commit
            )));
        }
        let hashes = [
            ("sha256", Some(&self.sha256)),
            ("preview_sha256", self.preview_sha256.as_ref()),
        ];
        for (key, value) in hashes {
            if let Some(value) = value.filter(|value| !is_hex(value, 64)) {
                return Err(Error::msg(format!(
                    "invalid `{key}` {value:?}: expected 64 hex digits"
                )));
            }
        }
        Ok(())
    }
}

impl Pin {
    /// The pin file `text` with this pin's values, its comments and order kept (a
    /// `preview_sha256` it lacks is appended); the result parses back to this pin.
    pub fn rewrite(&self, text: &str) -> Result<String> {
        let mut out = String::new();
        let mut has_preview = false;
        for raw in text.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                out.push_str(raw);
                out.push('\n');
                continue;
            }
            let (key, _) = parse_line(line)?;
            let value = match key {
                "version" => Some(&self.version),
                "repository" => Some(&self.repository),
                "commit" => Some(&self.commit),
                "sha256" => Some(&self.sha256),
                "preview_sha256" => {
                    has_preview = true;
                    self.preview_sha256.as_ref()
                }
                _ => return Err(Error::msg(format!("unknown key `{key}`"))),
            };
            let Some(value) = value else { continue };
            // The value is the text between the first two quotes (parse_line checked them).
            let open = raw.find('"').unwrap_or(raw.len());
            let close = raw[open + 1..]
                .find('"')
                .map_or(raw.len(), |i| open + 1 + i);
            out.push_str(&raw[..open]);
            out.push_str(&format!("\"{value}\""));
            out.push_str(raw.get(close + 1..).unwrap_or_default());
            out.push('\n');
        }
        if let (false, Some(sha)) = (has_preview, &self.preview_sha256) {
            out.push_str(&format!("preview_sha256 = \"{sha}\"\n"));
        }
        if Pin::parse(&out)? != *self {
            return Err(Error::msg(
                "the rewritten pin file does not read back as the pin",
            ));
        }
        Ok(out)
    }

    /// The SHA-256 a description of `version` must have, when the pin fixes one: the pinned
    /// version's, and Preview's (`0`) when `preview_sha256` is given.
    pub fn expected_sha256(&self, version: &str) -> Option<&str> {
        if version == self.version {
            Some(&self.sha256)
        } else if version == PREVIEW {
            self.preview_sha256.as_deref()
        } else {
            None
        }
    }
}

/// The directory name of Intercom's Preview description.
pub const PREVIEW: &str = "0";

/// Checks that `version` names a directory under `descriptions/` (e.g. `2.14`, `0`): it is used
/// in file paths and URLs, so only `[A-Za-z0-9._-]` is allowed and `.`/`..` are rejected.
pub fn validate_version(version: &str) -> Result<()> {
    let ok = !version.is_empty()
        && version != "."
        && version != ".."
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "invalid API version {version:?}: expected something like `2.14` or `0`"
        )))
    }
}

fn is_hex(value: &str, len: usize) -> bool {
    value.len() == len && value.chars().all(|c| c.is_ascii_hexdigit())
}

/// Splits `key = "value"  # comment` into key and value.
fn parse_line(line: &str) -> Result<(&str, String)> {
    let (key, rest) = line
        .split_once('=')
        .ok_or_else(|| Error::msg("expected `key = \"value\"`"))?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(Error::msg(format!("invalid key `{key}`")));
    }
    let rest = rest.trim_start();
    let body = rest
        .strip_prefix('"')
        .ok_or_else(|| Error::msg(format!("the value of `{key}` must be a \"quoted string\"")))?;
    let end = body
        .find('"')
        .ok_or_else(|| Error::msg(format!("unterminated string for `{key}`")))?;
    let value = &body[..end];
    if value.contains('\\') {
        return Err(Error::msg(format!(
            "escape sequences are not supported (value of `{key}`)"
        )));
    }
    let trailing = body[end + 1..].trim();
    if !trailing.is_empty() && !trailing.starts_with('#') {
        return Err(Error::msg(format!(
            "unexpected `{trailing}` after the value of `{key}`"
        )));
    }
    Ok((key, value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIN: &str = r#"# The Intercom OpenAPI description (see README.md).
version = "2.14"
repository = "intercom/Intercom-OpenAPI"
commit = "8889625a7b931d8649e18726e7f872ff073520fc"   # upstream main
sha256 = "9392CC209AC7D2A592CCE97B8697543E0C62479F09EFFF3B9AAE8B359E935036"
"#;

    fn error_of(text: &str) -> String {
        Pin::parse(text).unwrap_err().chain().join(": ")
    }

    #[test]
    fn parses_all_keys_with_comments_and_normalises_the_hash() {
        let pin = Pin::parse(PIN).unwrap();
        assert_eq!(pin.version, "2.14");
        assert_eq!(pin.repository, "intercom/Intercom-OpenAPI");
        assert_eq!(pin.commit, "8889625a7b931d8649e18726e7f872ff073520fc");
        assert_eq!(
            pin.sha256,
            "9392cc209ac7d2a592cce97b8697543e0c62479f09efff3b9aae8b359e935036"
        );
        assert_eq!(pin.preview_sha256, None);
        assert_eq!(pin.expected_sha256("2.14"), Some(pin.sha256.as_str()));
        assert_eq!(pin.expected_sha256("0"), None);
        assert_eq!(pin.expected_sha256("2.13"), None);
    }

    #[test]
    fn the_preview_hash_is_optional_checked_and_pins_version_0() {
        let hash = "7D6E5858977DFE1E073F2F4FA911523C3B3A3B9881B905358B7ED85BC724B983";
        let pin = Pin::parse(&format!("{PIN}preview_sha256 = \"{hash}\"\n")).unwrap();
        assert_eq!(
            pin.expected_sha256("0"),
            Some(hash.to_ascii_lowercase().as_str())
        );
        assert_eq!(pin.expected_sha256("2.13"), None);
        let bad = format!("{PIN}preview_sha256 = \"abc\"\n");
        assert!(
            error_of(&bad).contains("invalid `preview_sha256`"),
            "{}",
            error_of(&bad)
        );
    }

    #[test]
    fn parses_the_committed_pin_file() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/pin.toml");
        let pin = Pin::load(&path).unwrap();
        assert!(!pin.version.is_empty());
    }

    #[test]
    fn rewrite_keeps_comments_and_order() {
        let pin = Pin::parse(PIN).unwrap();
        let moved = Pin {
            version: "2.15".into(),
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            preview_sha256: Some("ab".repeat(32)),
            ..pin.clone()
        };
        let text = moved.rewrite(PIN).unwrap();
        assert!(text.starts_with(
            "# The Intercom OpenAPI description (see README.md).\nversion = \"2.15\"\n"
        ));
        assert!(text
            .contains("commit = \"0123456789abcdef0123456789abcdef01234567\"   # upstream main\n"));
        assert!(text.ends_with(&format!("preview_sha256 = \"{}\"\n", "ab".repeat(32))));
        assert_eq!(Pin::parse(&text).unwrap(), moved);
        assert_eq!(
            pin.rewrite(PIN).unwrap().replace(
                "9392cc209ac7d2a592cce97b8697543e0c62479f09efff3b9aae8b359e935036",
                "9392CC209AC7D2A592CCE97B8697543E0C62479F09EFFF3B9AAE8B359E935036"
            ),
            PIN
        );
    }

    #[test]
    fn missing_key_is_named() {
        let text = PIN.replace("commit", "# commit");
        assert_eq!(error_of(&text), "missing key `commit`");
    }

    #[test]
    fn unknown_and_duplicate_keys_are_rejected_with_line_numbers() {
        assert!(error_of(&format!("{PIN}sha = \"x\"\n")).starts_with("line 6: unknown key `sha`"));
        assert_eq!(
            error_of(&format!("{PIN}version = \"2.15\"\n")),
            "line 6: duplicate key `version`"
        );
    }

    #[test]
    fn malformed_lines_are_rejected() {
        assert!(error_of("version 2.14").contains("line 1: expected `key = \"value\"`"));
        assert!(error_of("version = 2.14").contains("quoted string"));
        assert!(error_of("version = \"2.14").contains("unterminated"));
        assert!(error_of("version = \"2.14\" x").contains("unexpected `x`"));
    }

    #[test]
    fn invalid_values_are_rejected() {
        let bad_hash = PIN.replace("9392CC", "zz92CC");
        assert!(error_of(&bad_hash).contains("invalid `sha256`"));
        let short_commit = PIN.replace("8889625a7b931d8649e18726e7f872ff073520fc", "8889625");
        assert!(error_of(&short_commit).contains("invalid `commit`"));
        let bad_repo = PIN.replace("intercom/Intercom-OpenAPI", "../x");
        assert!(error_of(&bad_repo).contains("invalid `repository`"));
        let bad_version = PIN.replace("\"2.14\"", "\"../2.14\"");
        assert!(error_of(&bad_version).contains("invalid `version`"));
    }

    #[test]
    fn version_validation() {
        for ok in ["2.14", "0", "2.7", "preview-1"] {
            assert!(validate_version(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".", "..", "2.14/../x", "a b", "2.14\\x"] {
            assert!(validate_version(bad).is_err(), "{bad}");
        }
    }
}
