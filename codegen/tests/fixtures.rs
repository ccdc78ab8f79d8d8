//! One tiny spec per construct (`tests/fixtures/*.yaml`), each with an insta snapshot of the
//! emitted Rust; `emitted_fixtures_compile` builds all of them against the real runtime.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &[&str] = &[
    "all_of_merge",
    "alternative_names",
    "always_present",
    "best_fit_union",
    "component_extra_fields",
    "conflicting_types",
    "const_distinguished",
    "enum_punctuation",
    "free_form_map",
    "missing_operation_id",
    "non_identifier_names",
    "nullable_ref",
    "optional_body",
    "response_is_component",
    "salvaged_response",
    "tagged_one_of",
    "type_property",
    "untagged_one_of",
];

fn generate(name: &str) -> Result<codegen::Output, codegen::Error> {
    codegen::generate(&codegen::Options {
        spec: PathBuf::from(format!("tests/fixtures/{name}.yaml")),
        overrides: None,
        names: None,
        capabilities: None,
        version: "fixture".into(),
        runtime: "crate".into(),
        channel: codegen::Channel::Stable,
    })
}

/// The emitted models and operations of a fixture, file by file.
fn emitted(name: &str) -> String {
    let output = generate(name).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
    let mut text = String::new();
    for (file, contents) in &output.files {
        if file.starts_with("models/") && !file.ends_with("mod.rs")
            || file.starts_with("operations/") && !file.ends_with("mod.rs")
        {
            text.push_str(&format!("// ===== {file}\n{contents}\n"));
        }
    }
    text
}

macro_rules! fixture_snapshots {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), emitted(stringify!($name)));
            }
        )*
    };
}

fixture_snapshots!(
    all_of_merge,
    alternative_names,
    always_present,
    best_fit_union,
    component_extra_fields,
    conflicting_types,
    const_distinguished,
    enum_punctuation,
    free_form_map,
    missing_operation_id,
    non_identifier_names,
    nullable_ref,
    optional_body,
    response_is_component,
    salvaged_response,
    tagged_one_of,
    type_property,
    untagged_one_of,
);

#[test]
fn dangling_ref() {
    let error = generate("dangling_ref").expect_err("a dangling $ref must fail generation");
    insta::assert_snapshot!("dangling_ref", error.to_string());
}

#[test]
fn ambiguous_union() {
    let error = generate("ambiguous_union")
        .expect_err("alternatives of the same shape must fail generation");
    insta::assert_snapshot!("ambiguous_union", error.to_string());
}

#[test]
fn name_clash() {
    let error = generate("name_clash")
        .expect_err("an inline type named like a component it is not must fail generation");
    insta::assert_snapshot!("name_clash", error.to_string());
}

#[test]
fn unnamed_alternatives() {
    let error = generate("unnamed_alternatives")
        .expect_err("alternatives the naming rule gives one name must fail generation");
    insta::assert_snapshot!("unnamed_alternatives", error.to_string());
}

/// The fixtures whose generation fails (each has a test of its own above).
const FAILING: &[&str] = &[
    "ambiguous_union",
    "dangling_ref",
    "name_clash",
    "unnamed_alternatives",
];

#[test]
fn every_fixture_file_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".yaml")
                .map(str::to_string)
        })
        .filter(|n| !FAILING.contains(&n.as_str()))
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, FIXTURES);
}

/// The workspace's target directory: `CARGO_TARGET_DIR` when set (a relative one is read from
/// the workspace root, where `cargo test` is run), otherwise `<root>/target`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// Builds a scratch crate holding the real runtime (`intercom-api/src/runtime`) and every
/// fixture's generated tree, and runs `cargo check` on it, warnings denied. The crate lives in
/// `<target dir>/fixture-check`, with the workspace's profiles.
///
/// Under cargo-nextest (`NEXTEST_RUN_ID` set), whose build has ended before any test runs, the
/// check goes into the workspace's own target directory and reuses the dependencies already
/// checked there (by `cargo xtask feature-sets` in CI). Under `cargo test`, which holds that
/// directory's lock while the tests run, it gets a target directory of its own.
#[test]
fn emitted_fixtures_compile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().expect("workspace root");
    let scratch = target_dir(&root).join("fixture-check");
    let src = scratch.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).expect("create scratch crate");
    let mut lib = format!(
        "#![allow(dead_code)]\n#[path = {:?}]\npub mod runtime;\npub use runtime::{{Client, Error, Timestamp}};\npub const API_VERSION: &str = \"fixture\";\n",
        root.join("intercom-api/src/runtime/mod.rs")
    );
    let mut features = std::collections::BTreeSet::new();
    for name in FIXTURES {
        let output = generate(name).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
        features.extend(output.features.iter().cloned());
        for (file, contents) in &output.files {
            let path = src.join(name).join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, contents).expect("write fixture file");
        }
        lib.push_str(&format!("#[path = \"{name}/mod.rs\"]\npub mod {name};\n"));
    }
    std::fs::write(src.join("lib.rs"), lib).expect("write lib.rs");
    let manifest = std::fs::read_to_string(root.join("intercom-api/Cargo.toml"))
        .expect("intercom-api manifest");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("[dependencies] of intercom-api");
    let deps = deps
        .replace(
            "serde = { workspace = true }",
            "serde = { version = \"1\", features = [\"derive\"] }",
        )
        .replace("serde_json = { workspace = true }", "serde_json = \"1\"");
    // The fixtures' resource features, declared and all turned on: every module is checked.
    // `all-resources` gates the models no operation reaches, as in the real crate.
    features.insert(codegen::ir::ALL_RESOURCES.to_string());
    let declared: String = features.iter().map(|f| format!("{f} = []\n")).collect();
    // The workspace's profiles, so the dependencies match its own checks (cargo notes the
    // tables of packages this crate does not have, and goes on).
    let root_manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).expect("the workspace manifest");
    let profiles: String = root_manifest
        .split_inclusive('\n')
        .scan(false, |in_profile, line| {
            if line.starts_with('[') {
                *in_profile = line.starts_with("[profile");
            }
            Some(if *in_profile { line } else { "" })
        })
        .collect();
    let cargo_toml = format!(
        "[package]\nname = \"fixture-check\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n[lints.rust]\nwarnings = {{ level = \"deny\", priority = -1 }}\n\n[features]\nserialize = []\ntesting = []\nwebhooks = []\noperation-tables = []\n{declared}\n[dependencies]{deps}\n{profiles}"
    );
    let mut enabled = vec![
        "serialize".to_string(),
        "testing".to_string(),
        "operation-tables".to_string(),
    ];
    enabled.extend(features);
    std::fs::write(scratch.join("Cargo.toml"), cargo_toml).expect("write Cargo.toml");
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock")).expect("copy Cargo.lock");
    let check_target = match std::env::var_os("NEXTEST_RUN_ID") {
        Some(_) => target_dir(&root),
        None => scratch.join("target"),
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut check = Command::new(cargo);
    check
        .args(["check", "--offline", "--quiet", "--features"])
        .arg(enabled.join(","))
        .arg("--manifest-path")
        .arg(scratch.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", check_target);
    // The variables cargo gave this test for the codegen package: a build script that watches
    // one (ring watches CARGO_MANIFEST_DIR) would rerun here, in a build-script run shared with
    // the workspace's builds, and the workspace's next build would rebuild ring and all above it.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_PKG_")
            || name.starts_with("CARGO_MANIFEST_")
            || matches!(
                name.as_ref(),
                "CARGO_CRATE_NAME" | "CARGO_BIN_NAME" | "CARGO_PRIMARY_PACKAGE"
            )
        {
            check.env_remove(name.as_ref());
        }
    }
    let out = check.output().expect("run cargo check");
    assert!(
        out.status.success(),
        "generated fixture code does not compile:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
