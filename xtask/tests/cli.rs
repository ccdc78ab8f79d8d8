//! End-to-end tests of `cargo xtask regen`, run through the real binary.
//!
//! They prove that:
//! - every published Intercom API version other than the pinned one generates cleanly (with
//!   the override layer), and 2.7–2.11 only do so because of it (their `custom_attributes`
//!   `$ref` dangles upstream);
//! - generation is deterministic (two runs give byte-identical trees);
//! - `regen --check` accepts a fresh tree and names every changed, extra and missing file,
//!   along with the command that fixes them;
//! - bad input (malformed YAML, a spec whose SHA-256 differs from the pin, a dangling `$ref`,
//!   a construct the generator cannot represent) fails with a message naming the file and the
//!   place in it, and never touches an existing output directory.
//!
//! The upstream descriptions come from `$INTERCOM_OPENAPI_DIR` (a checkout of
//! intercom/Intercom-OpenAPI; a relative value is taken relative to the workspace root, as in
//! CI) or `<workspace>/../shared/intercom-openapi`. When they are missing, every test that
//! needs them fails with a message saying so; none is skipped.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use sha2::{Digest, Sha256};

/// The versions published upstream, pinned one excluded.
const UNPINNED_VERSIONS: [&str; 10] = [
    "0", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.15", "2.16",
];
/// The versions whose upstream description references the undefined `custom_attributes`.
const DANGLING_CUSTOM_ATTRIBUTES: [&str; 5] = ["2.7", "2.8", "2.9", "2.10", "2.11"];
const SPEC_FILE: &str = "api.intercom.io.yaml";

// ---------------------------------------------------------------------------------------------
// Locating the workspace and the upstream descriptions
// ---------------------------------------------------------------------------------------------

/// The workspace root: the parent of xtask's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The upstream checkout (absolute); panics with instructions when it is missing.
fn openapi_dir() -> PathBuf {
    let root = workspace_root();
    let dir = match std::env::var_os("INTERCOM_OPENAPI_DIR").filter(|v| !v.is_empty()) {
        Some(value) => root.join(value), // an absolute value replaces `root`
        None => root.join("../shared/intercom-openapi"),
    };
    assert!(
        dir.join("descriptions").is_dir(),
        "the upstream OpenAPI descriptions are missing: {} has no `descriptions/` directory. \
         Check out intercom/Intercom-OpenAPI there or set INTERCOM_OPENAPI_DIR to a checkout \
         (a relative path is taken relative to the workspace root {}).",
        dir.display(),
        root.display()
    );
    dir
}

/// `descriptions/<version>/api.intercom.io.yaml` in the upstream checkout; must exist.
fn upstream_spec(version: &str) -> PathBuf {
    let path = openapi_dir()
        .join("descriptions")
        .join(version)
        .join(SPEC_FILE);
    assert!(path.is_file(), "missing upstream spec {}", path.display());
    path
}

/// The `sha256` recorded in `spec/pin.toml`.
fn pinned_sha256() -> String {
    pinned("sha256").to_ascii_lowercase()
}

/// The pinned version (`spec/pin.toml`).
fn pinned_version() -> String {
    pinned("version")
}

/// The value of `key` in `spec/pin.toml`.
fn pinned(wanted: &str) -> String {
    let pin = workspace_root().join("spec/pin.toml");
    let text = std::fs::read_to_string(&pin).unwrap();
    text.lines()
        .find_map(|line| {
            let (key, value) = line.split_once('=')?;
            (key.trim() == wanted).then(|| value.trim().trim_matches('"').to_string())
        })
        .unwrap_or_else(|| panic!("no {wanted} in {}", pin.display()))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

/// The outcome of one `xtask` run.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Asserts exit 0 and returns `self`.
    fn success(self) -> Self {
        assert!(self.status.success(), "expected success; {self}");
        self
    }

    /// Asserts a non-zero exit (but not a usage error or a crash) and returns `self`.
    fn failure(self) -> Self {
        assert_eq!(self.status.code(), Some(1), "expected exit 1; {self}");
        self
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

/// Runs `xtask regen <args>` with `$INTERCOM_OPENAPI_DIR` set to `openapi_dir` (the real
/// checkout unless a test substitutes its own).
fn regen_with(openapi_dir: &Path, args: &[&OsStr]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("regen")
        .args(args)
        .env("INTERCOM_OPENAPI_DIR", openapi_dir)
        // Never reach the network, whatever happens.
        .env("INTERCOM_OPENAPI_BASE_URL", "http://127.0.0.1:9")
        .output()
        .expect("run the xtask binary");
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `xtask regen <args>` against the real upstream checkout.
fn regen(args: &[&OsStr]) -> Run {
    regen_with(&openapi_dir(), args)
}

/// Shorthand for building argument lists out of strings and paths.
fn os<S: AsRef<OsStr> + ?Sized>(value: &S) -> &OsStr {
    value.as_ref()
}

// ---------------------------------------------------------------------------------------------
// Trees on disk
// ---------------------------------------------------------------------------------------------

/// Every file below `root`: relative `/`-separated name -> bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(root, "", &mut files);
    files
}

/// The names of the entries directly in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Writes a small stand-in for a previously generated tree at `out`.
fn existing_tree(out: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::create_dir_all(out.join("models")).unwrap();
    std::fs::write(
        out.join("mod.rs"),
        "// @generated earlier\npub mod models;\n",
    )
    .unwrap();
    std::fs::write(out.join("models/mod.rs"), "// @generated earlier\n").unwrap();
    snapshot(out)
}

// ---------------------------------------------------------------------------------------------
// A tiny spec builder
// ---------------------------------------------------------------------------------------------

/// The `responses` of an operation that succeeds with an empty body (YAML).
const OK: &str = "responses: {'200': {description: ok}}";

/// A minimal OpenAPI document: one valid operation and the `custom_attributes` schema that the
/// project's override layer corrects in every version, plus whatever a test adds.
struct TinySpec {
    /// `(path, method, operation body)`.
    operations: Vec<(String, String, String)>,
    /// `(components section, name, body)`.
    components: Vec<(String, String, String)>,
}

impl TinySpec {
    fn new() -> Self {
        TinySpec {
            operations: Vec::new(),
            components: Vec::new(),
        }
        .operation("get", "/ping", &format!("operationId: ping\n{OK}"))
        .component(
            "schemas",
            "custom_attributes",
            "{type: object, additionalProperties: {type: string}}",
        )
    }

    /// Adds an operation; `body` is the YAML of the operation object (unindented).
    fn operation(mut self, method: &str, path: &str, body: &str) -> Self {
        self.operations
            .push((path.into(), method.into(), body.into()));
        self
    }

    /// Adds `components.<section>.<name>`; `body` is its YAML (unindented).
    fn component(mut self, section: &str, name: &str, body: &str) -> Self {
        self.components
            .push((section.into(), name.into(), body.into()));
        self
    }

    /// The document as YAML.
    fn render(&self) -> String {
        let mut yaml = String::from(
            "openapi: 3.0.1\ninfo:\n  title: Tiny\n  version: test\n\
             servers:\n  - url: https://api.intercom.io\npaths:\n",
        );
        let mut last_path = None;
        for (path, method, body) in &self.operations {
            if last_path != Some(path) {
                yaml += &format!("  {path}:\n");
                last_path = Some(path);
            }
            yaml += &format!("    {method}:\n{}", indent(body, 6));
        }
        yaml += "components:\n";
        let mut last_section = None;
        for (section, name, body) in &self.components {
            if last_section != Some(section) {
                yaml += &format!("  {section}:\n");
                last_section = Some(section);
            }
            yaml += &format!("    {name}:\n{}", indent(body, 6));
        }
        yaml
    }

    /// Writes the document to `dir/spec.yaml` and returns that path.
    fn write(&self, dir: &Path) -> PathBuf {
        let path = dir.join("spec.yaml");
        std::fs::write(&path, self.render()).unwrap();
        path
    }
}

fn indent(text: &str, by: usize) -> String {
    text.lines()
        .map(|line| format!("{:by$}{line}\n", ""))
        .collect()
}

/// Runs `regen --spec <spec> --version test --out <out>` with `$INTERCOM_OPENAPI_DIR` pointing
/// at nothing: a run with `--spec` must not need the upstream checkout.
fn regen_spec(spec: &Path, out: &Path) -> Run {
    let no_checkout = out.with_file_name("no-checkout");
    let args = [
        os("--spec"),
        os(spec),
        os("--version"),
        os("test"),
        os("--out"),
        os(out),
    ];
    regen_with(&no_checkout, &args)
}

/// Runs [`regen_spec`] with an existing tree as `--out`; asserts exit 1, that the output
/// directory (and its parent) is unchanged, and that stderr names the spec file.
fn regen_fails_on(spec: &Path) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("generated");
    let before = existing_tree(&out);
    let run = regen_spec(spec, &out).failure();
    assert_eq!(
        snapshot(&out),
        before,
        "the output directory changed; {run}"
    );
    assert_eq!(entries(tmp.path()), ["generated"], "{run}");
    assert!(
        run.stderr.contains(&spec.display().to_string()),
        "stderr does not name {}; {run}",
        spec.display()
    );
    run
}

// ---------------------------------------------------------------------------------------------
// 1. Every published version
// ---------------------------------------------------------------------------------------------

#[test]
fn every_unpinned_version_generates() {
    for version in UNPINNED_VERSIONS {
        upstream_spec(version);
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let run = regen(&[os("--version"), os(version), os("--out"), os(&out)]).success();
        assert!(run.stderr.is_empty(), "version {version}: {run}");
        let files = snapshot(&out);
        assert!(
            files.contains_key("mod.rs") && files.len() > 10,
            "version {version}: only {:?}",
            files.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &files {
            let text = String::from_utf8(bytes.clone())
                .unwrap_or_else(|_| panic!("version {version}: {name} is not UTF-8"));
            assert!(
                text.starts_with("// @generated"),
                "version {version}: {name} starts with {:?}",
                text.lines().next()
            );
        }
    }
}

#[test]
fn versions_2_7_to_2_11_need_the_override_for_custom_attributes() {
    for version in DANGLING_CUSTOM_ATTRIBUTES {
        let options = codegen::Options {
            spec: upstream_spec(version),
            overrides: None,
            names: None,
            capabilities: None,
            version: version.to_string(),
            runtime: "crate".to_string(),
            channel: codegen::Channel::Stable,
        };
        let error = match codegen::generate(&options) {
            Ok(_) => panic!("version {version} generated without the override layer"),
            Err(error) => error.to_string(),
        };
        assert!(
            error.contains("dangling")
                && error.contains("`#/components/schemas/custom_attributes`"),
            "version {version}: {error}"
        );
        assert!(error.contains(SPEC_FILE), "version {version}: {error}");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn two_runs_produce_identical_trees() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    regen(&[os("--out"), os(&a)]).success();
    regen(&[os("--out"), os(&b)]).success();
    let (a, b) = (snapshot(&a), snapshot(&b));
    assert!(!a.is_empty());
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the runs produced different file sets"
    );
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between runs");
    }
}

// ---------------------------------------------------------------------------------------------
// 3. --check
// ---------------------------------------------------------------------------------------------

#[test]
fn check_passes_on_a_fresh_tree_and_names_every_difference() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("generated");
    regen(&[os("--out"), os(&out)]).success();

    let run = regen(&[os("--check"), os("--out"), os(&out)]).success();
    assert!(run.stdout.contains("generated code is up to date"), "{run}");

    let files = snapshot(&out);
    let edited = "mod.rs";
    let deleted = files
        .keys()
        .find(|name| name.starts_with("operations/") && name.as_str() != "operations/mod.rs")
        .expect("an operations file")
        .clone();
    let extra = "models/stale_leftover.rs";
    let mut text = String::from_utf8(files[edited].clone()).unwrap();
    text.push_str("// hand edit\n");
    std::fs::write(out.join(edited), text).unwrap();
    std::fs::remove_file(out.join(&deleted)).unwrap();
    std::fs::write(out.join(extra), "// not generated\n").unwrap();
    let tampered = snapshot(&out);

    let run = regen(&[os("--check"), os("--out"), os(&out)]).failure();
    for (name, kind) in [
        (edited, "changed"),
        (deleted.as_str(), "missing"),
        (extra, "extra"),
    ] {
        // One line per file, e.g. `  changed: mod.rs`.
        let reported = |line: &str| line.contains(kind) && line.ends_with(&format!(" {name}"));
        assert!(
            run.stderr.lines().any(reported),
            "no `{kind}` line for {name}; {run}"
        );
    }
    assert!(run.stderr.contains("cargo xtask regen"), "{run}");
    assert!(run.stderr.contains("--out"), "{run}");
    assert_eq!(snapshot(&out), tampered, "--check modified the tree");
}

// ---------------------------------------------------------------------------------------------
// 4. Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_yaml_is_reported_with_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = tmp.path().join("broken.yaml");
    std::fs::write(&spec, "openapi: [3.0\ninfo:\n").unwrap();
    let run = regen_fails_on(&spec);
    assert!(run.stderr.contains("YAML"), "{run}");
}

#[test]
fn a_spec_that_differs_from_the_pin_is_rejected_with_both_hashes() {
    let tmp = tempfile::tempdir().unwrap();
    let fake_checkout = tmp.path().join("intercom-openapi");
    let version = pinned_version();
    let spec = fake_checkout
        .join("descriptions")
        .join(&version)
        .join(SPEC_FILE);
    std::fs::create_dir_all(spec.parent().unwrap()).unwrap();
    let mut bytes = std::fs::read(upstream_spec(&version)).unwrap();
    bytes.extend_from_slice(b"# altered locally\n");
    std::fs::write(&spec, &bytes).unwrap();
    let out = tmp.path().join("generated");
    let before = existing_tree(&out);

    let run = regen_with(&fake_checkout, &[os("--out"), os(&out)]).failure();

    assert!(
        run.stderr.contains(&spec.display().to_string()),
        "stderr does not name {}; {run}",
        spec.display()
    );
    assert!(run.stderr.contains("sha256 mismatch"), "{run}");
    let pinned = pinned_sha256();
    assert!(
        run.stderr.contains(&pinned),
        "the pinned {pinned} is not named; {run}"
    );
    let actual = sha256_hex(&bytes);
    assert_ne!(actual, pinned);
    assert!(
        run.stderr.contains(&actual),
        "the actual {actual} is not named; {run}"
    );
    assert_eq!(
        snapshot(&out),
        before,
        "the output directory changed; {run}"
    );
    assert_eq!(
        entries(tmp.path()),
        ["generated", "intercom-openapi"],
        "{run}"
    );
}

#[test]
fn a_dangling_ref_is_reported_with_where_it_is_used() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = TinySpec::new()
        .component(
            "schemas",
            "thing",
            "type: object\nproperties: {other: {$ref: '#/components/schemas/nope'}}",
        )
        .write(tmp.path());
    let run = regen_fails_on(&spec);
    assert!(run.stderr.contains("dangling"), "{run}");
    assert!(run.stderr.contains("`#/components/schemas/nope`"), "{run}");
    assert!(
        run.stderr
            .contains("#/components/schemas/thing/properties/other"),
        "the referencing location is not named; {run}"
    );
}

#[test]
fn unsupported_constructs_name_the_operation() {
    let cases = [
        (
            "request body $ref",
            TinySpec::new()
                .operation(
                    "post",
                    "/widgets",
                    &format!(
                        "operationId: createWidget\n\
                         requestBody: {{$ref: '#/components/requestBodies/Widget'}}\n{OK}"
                    ),
                )
                .component(
                    "requestBodies",
                    "Widget",
                    "content: {application/json: {schema: {type: object}}}",
                ),
            "createWidget",
            "POST /widgets",
        ),
        (
            "cookie parameter",
            TinySpec::new().operation(
                "get",
                "/session",
                &format!(
                    "operationId: getSession\n\
                     parameters: [{{name: sid, in: cookie, schema: {{type: string}}}}]\n{OK}"
                ),
            ),
            "getSession",
            "GET /session",
        ),
        (
            "uses `content`",
            TinySpec::new().operation(
                "get",
                "/search",
                &format!(
                    "operationId: search\nparameters: [{{name: filter, in: query, \
                     content: {{application/json: {{schema: {{type: object}}}}}}}}]\n{OK}"
                ),
            ),
            "search",
            "GET /search",
        ),
    ];
    for (what, spec, operation_id, route) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let run = regen_fails_on(&spec.write(tmp.path()));
        assert!(run.stderr.contains(what), "{what}: {run}");
        assert!(
            run.stderr.contains(operation_id) && run.stderr.contains(route),
            "{what}: the operation ({operation_id}, {route}) is not named; {run}"
        );
    }
}

/// Guards the spec builder itself: the base document generates, so the failures above are
/// caused by what each test adds.
#[test]
fn the_tiny_spec_generates() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = TinySpec::new().write(tmp.path());
    let out = tmp.path().join("out");
    regen_spec(&spec, &out).success();
    assert!(out.join("mod.rs").is_file());
}
