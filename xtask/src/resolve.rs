//! Finding the OpenAPI YAML for a version (DESIGN.md §1): `--spec PATH`, then
//! `$INTERCOM_OPENAPI_DIR`, then the local cache, then a download from the pinned commit.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::download::download_to;
use crate::error::{Context, Error, Result};
use crate::hash::sha256_file;
use crate::pin::Pin;

/// The file name of the description inside `descriptions/<version>/`.
pub const SPEC_FILE: &str = "api.intercom.io.yaml";

/// Where the resolver may look. Environment values are passed in (not read here) so tests
/// do not race on process-global state.
#[derive(Debug, Clone)]
pub struct Sources<'a> {
    /// `--spec PATH`: used as is, never hash-checked.
    pub explicit: Option<&'a Path>,
    /// The value of `$INTERCOM_OPENAPI_DIR` (a checkout of the upstream repository); empty = unset.
    pub openapi_dir: Option<&'a OsStr>,
    /// The cache root, `<workspace>/.cache/openapi`; files live at `<commit>/<version>/api.intercom.io.yaml`.
    pub cache_dir: &'a Path,
    /// Base URL of the raw-file host (`$INTERCOM_OPENAPI_BASE_URL`, default GitHub's).
    pub base_url: &'a str,
}

/// Where the resolved file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--spec PATH`.
    Explicit,
    /// `$INTERCOM_OPENAPI_DIR`.
    OpenapiDir,
    /// The local cache.
    Cache,
    /// Downloaded just now (and stored in the cache).
    Download,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Explicit => "--spec",
            Origin::OpenapiDir => "$INTERCOM_OPENAPI_DIR",
            Origin::Cache => "the cache",
            Origin::Download => "download",
        })
    }
}

/// A resolved description file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The YAML file to generate from.
    pub path: PathBuf,
    /// Which source supplied it.
    pub origin: Origin,
}

/// Finds the description of `version`. When the pin fixes its SHA-256 (the pinned version,
/// Preview), a file found in `$INTERCOM_OPENAPI_DIR`, the cache or downloaded must have it.
pub fn resolve(pin: &Pin, version: &str, sources: &Sources<'_>) -> Result<Resolved> {
    resolve_expecting(pin, version, pin.expected_sha256(version), sources)
}

/// Finds the description of `version` at the pin's commit; a file found in
/// `$INTERCOM_OPENAPI_DIR`, the cache or downloaded must have the SHA-256 `expected`, if given
/// (`bump` checks the new side only when the commit stays).
pub fn resolve_expecting(
    pin: &Pin,
    version: &str,
    expected: Option<&str>,
    sources: &Sources<'_>,
) -> Result<Resolved> {
    let relative = Path::new("descriptions").join(version).join(SPEC_FILE);

    if let Some(path) = sources.explicit {
        if !path.is_file() {
            return Err(Error::msg(format!(
                "--spec {}: no such file",
                path.display()
            )));
        }
        return Ok(found(path, Origin::Explicit));
    }

    if let Some(dir) = sources.openapi_dir.filter(|dir| !dir.is_empty()) {
        let path = Path::new(dir).join(&relative);
        if !path.is_file() {
            return Err(Error::msg(format!(
                "INTERCOM_OPENAPI_DIR is set, but {} does not exist \
                 (is version {version} published there? unset the variable to download it)",
                path.display()
            )));
        }
        if let Some(expected) = expected {
            verify(&path, expected).context(|| {
                format!(
                    "the description in INTERCOM_OPENAPI_DIR is not the pinned one \
                     (check out commit {} of {} there)",
                    pin.commit, pin.repository
                )
            })?;
        }
        return Ok(found(&path, Origin::OpenapiDir));
    }

    let cached = sources
        .cache_dir
        .join(&pin.commit)
        .join(version)
        .join(SPEC_FILE);
    if cached.is_file() {
        if let Some(expected) = expected {
            verify(&cached, expected).context(|| {
                format!(
                    "the cached description is corrupt (delete {} to download it again)",
                    cached.display()
                )
            })?;
        }
        return Ok(found(&cached, Origin::Cache));
    }

    let url = format!(
        "{}/{}/{}/descriptions/{version}/{SPEC_FILE}",
        sources.base_url.trim_end_matches('/'),
        pin.repository,
        pin.commit
    );
    download_to(&url, &cached, expected).context(|| {
        format!(
            "cannot get the OpenAPI description of version {version} \
             (not in $INTERCOM_OPENAPI_DIR, not cached; pass --spec PATH or set \
             INTERCOM_OPENAPI_DIR to a checkout of {})",
            pin.repository
        )
    })?;
    Ok(found(&cached, Origin::Download))
}

fn found(path: &Path, origin: Origin) -> Resolved {
    Resolved {
        path: path.to_path_buf(),
        origin,
    }
}

/// Checks the SHA-256 of the file at `path` against the pin.
fn verify(path: &Path, expected: &str) -> Result<()> {
    let actual = sha256_file(path)?;
    if actual.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "sha256 mismatch for {}: expected {expected} (spec/pin.toml), got {actual}",
            path.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::sha256_hex;
    use crate::test_server::{serve_once, Reply};

    const PINNED: &[u8] = b"openapi: 3.0.1 # pinned\n";
    const OTHER: &[u8] = b"openapi: 3.0.1 # other version\n";
    const COMMIT: &str = "8889625a7b931d8649e18726e7f872ff073520fc";

    fn pin() -> Pin {
        Pin {
            version: "2.14".into(),
            repository: "intercom/Intercom-OpenAPI".into(),
            commit: COMMIT.into(),
            sha256: sha256_hex(PINNED),
            preview_sha256: None,
        }
    }

    /// Writes `descriptions/<version>/api.intercom.io.yaml` under `root`.
    fn put(root: &Path, version: &str, bytes: &[u8]) -> PathBuf {
        let path = root.join("descriptions").join(version).join(SPEC_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Writes `<root>/<commit>/<version>/api.intercom.io.yaml`, the cache layout.
    fn put_cached(root: &Path, version: &str, bytes: &[u8]) -> PathBuf {
        let path = root.join(COMMIT).join(version).join(SPEC_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// A base URL nobody listens on: any download attempt fails fast.
    const DEAD_URL: &str = "http://127.0.0.1:9";

    fn sources<'a>(
        explicit: Option<&'a Path>,
        openapi_dir: Option<&'a Path>,
        cache_dir: &'a Path,
    ) -> Sources<'a> {
        Sources {
            explicit,
            openapi_dir: openapi_dir.map(Path::as_os_str),
            cache_dir,
            base_url: DEAD_URL,
        }
    }

    fn message(error: Error) -> String {
        error.chain().join(": ")
    }

    #[test]
    fn explicit_spec_wins_and_is_not_hash_checked() {
        let tmp = tempfile::tempdir().unwrap();
        let explicit = tmp.path().join("my.yaml");
        std::fs::write(&explicit, b"anything").unwrap();
        let dir = tmp.path().join("upstream");
        put(&dir, "2.14", PINNED);
        let cache = tmp.path().join("cache");
        let got = resolve(
            &pin(),
            "2.14",
            &sources(Some(&explicit), Some(&dir), &cache),
        )
        .unwrap();
        assert_eq!(got, found(&explicit, Origin::Explicit));
    }

    #[test]
    fn missing_explicit_spec_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let explicit = tmp.path().join("nope.yaml");
        let err = resolve(&pin(), "2.14", &sources(Some(&explicit), None, tmp.path()));
        assert!(message(err.unwrap_err()).contains("no such file"));
    }

    #[test]
    fn openapi_dir_comes_before_the_cache() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("upstream");
        let expected = put(&dir, "2.14", PINNED);
        let cache = tmp.path().join("cache");
        put_cached(&cache, "2.14", PINNED);
        let got = resolve(&pin(), "2.14", &sources(None, Some(&dir), &cache)).unwrap();
        assert_eq!(got, found(&expected, Origin::OpenapiDir));
    }

    #[test]
    fn openapi_dir_with_wrong_hash_names_file_and_both_hashes() {
        let tmp = tempfile::tempdir().unwrap();
        let path = put(tmp.path(), "2.14", b"tampered");
        let err = resolve(&pin(), "2.14", &sources(None, Some(tmp.path()), tmp.path()));
        let text = message(err.unwrap_err());
        assert!(text.contains("sha256 mismatch"), "{text}");
        assert!(text.contains(&path.display().to_string()), "{text}");
        assert!(text.contains(&sha256_hex(PINNED)), "{text}");
        assert!(text.contains(&sha256_hex(b"tampered")), "{text}");
    }

    #[test]
    fn other_versions_are_not_hash_checked() {
        let tmp = tempfile::tempdir().unwrap();
        let path = put(tmp.path(), "2.15", OTHER);
        let got = resolve(&pin(), "2.15", &sources(None, Some(tmp.path()), tmp.path())).unwrap();
        assert_eq!(got, found(&path, Origin::OpenapiDir));
    }

    #[test]
    fn openapi_dir_without_the_version_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        put(tmp.path(), "2.14", PINNED);
        let err = resolve(&pin(), "9.99", &sources(None, Some(tmp.path()), tmp.path()));
        let text = message(err.unwrap_err());
        assert!(text.contains("INTERCOM_OPENAPI_DIR is set"), "{text}");
        assert!(text.contains("descriptions/9.99"), "{text}");
    }

    #[test]
    fn empty_openapi_dir_counts_as_unset() {
        let tmp = tempfile::tempdir().unwrap();
        let cached = put_cached(tmp.path(), "2.14", PINNED);
        let mut src = sources(None, None, tmp.path());
        src.openapi_dir = Some(OsStr::new(""));
        let got = resolve(&pin(), "2.14", &src).unwrap();
        assert_eq!(got, found(&cached, Origin::Cache));
    }

    #[test]
    fn cache_is_used_when_no_dir_is_set() {
        let tmp = tempfile::tempdir().unwrap();
        let cached = put_cached(tmp.path(), "2.14", PINNED);
        let got = resolve(&pin(), "2.14", &sources(None, None, tmp.path())).unwrap();
        assert_eq!(got, found(&cached, Origin::Cache));
    }

    #[test]
    fn corrupt_cache_is_an_error_naming_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let cached = put_cached(tmp.path(), "2.14", b"half a fi");
        let err = resolve(&pin(), "2.14", &sources(None, None, tmp.path()));
        let text = message(err.unwrap_err());
        assert!(text.contains("cached description is corrupt"), "{text}");
        assert!(text.contains(&cached.display().to_string()), "{text}");
    }

    #[test]
    fn download_fills_the_cache_when_nothing_is_local() {
        let tmp = tempfile::tempdir().unwrap();
        let server = serve_once(Reply::ok(PINNED));
        let base = format!("{}/", server.base_url);
        let mut src = sources(None, None, tmp.path());
        src.base_url = &base;
        let got = resolve(&pin(), "2.14", &src).unwrap();
        let cached = tmp.path().join(COMMIT).join("2.14").join(SPEC_FILE);
        assert_eq!(got, found(&cached, Origin::Download));
        assert_eq!(std::fs::read(&cached).unwrap(), PINNED);
        assert_eq!(
            server.request_line(),
            format!(
                "GET /intercom/Intercom-OpenAPI/{COMMIT}/descriptions/2.14/{SPEC_FILE} HTTP/1.1"
            )
        );
        // The second run is served from the cache (the one-shot server is gone by now).
        let again = resolve(&pin(), "2.14", &src).unwrap();
        assert_eq!(again.origin, Origin::Cache);
    }

    #[test]
    fn failed_download_explains_the_alternatives() {
        let tmp = tempfile::tempdir().unwrap();
        let err = resolve(&pin(), "2.14", &sources(None, None, tmp.path()));
        let text = message(err.unwrap_err());
        assert!(
            text.contains("pass --spec PATH or set INTERCOM_OPENAPI_DIR"),
            "{text}"
        );
        assert!(text.contains(DEAD_URL), "{text}");
    }
}
