//! The API surface of the generated client, from the pinned spec (`spec/pin.toml`): one line
//! per operation, and one per model and struct field, so a version bump shows up as a readable
//! diff of `snapshots/api_surface__api_surface.snap` and `snapshots/api_surface__models.snap`
//! (`cargo xtask bump` writes both, and their Preview counterparts).

use std::collections::BTreeSet;

/// The line counts below are those of this version; a bump updates them after review.
const PINNED: &str = "2.16";

fn pinned_output() -> codegen::Output {
    let version = codegen::testing::pinned_version();
    assert_eq!(
        version, PINNED,
        "spec/pin.toml pins {version}: review the snapshots, then update the line counts of \
         this file and PINNED"
    );
    codegen::generate(&codegen::testing::options(&version)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn api_surface() {
    let output = pinned_output();
    let lines: Vec<&str> = output.surface.lines().collect();
    assert_eq!(
        lines.len(),
        232,
        "2.16 has 231 operations, and the override layer adds run_assignment_rules"
    );
    for line in &lines {
        let method = line.split(' ').next().unwrap_or_default();
        assert!(
            ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(&method),
            "{line}"
        );
    }
    insta::assert_snapshot!("api_surface", output.surface);
}

/// The Preview surface (feature `preview`): every operation of the Preview description, each
/// called through `client.preview()`, in `snapshots/api_surface__api_surface_preview.snap`.
#[test]
fn api_surface_preview() {
    let output =
        codegen::generate(&codegen::testing::preview_options()).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = output.surface.lines().collect();
    assert_eq!(
        lines.len(),
        256,
        "the Preview description has 256 operations"
    );
    for line in &lines {
        assert!(line.contains(" -> preview()."), "{line}");
    }
    assert!(
        output.features.is_empty(),
        "Preview has one feature, not one per resource"
    );
    insta::assert_snapshot!("api_surface_preview", output.surface);
}

/// Every model: a line per type, then one per struct field with the type a user sees.
#[test]
fn models() {
    let output = pinned_output();
    check_models(&output);
    for line in [
        "Contact: struct (received)",
        "Contact.owner_id: Option<String>",
        "Contact.id: String",
        "ConversationPriority: enum (received): none | low | medium | high | urgent",
        "ConversationSource.type: String",
        "Ticket.admin_assignee_id: Option<i64>",
    ] {
        assert!(output.models.lines().any(|l| l == line), "no line {line:?}");
    }
    assert_eq!(
        output.models.lines().count(),
        3112,
        "2.16: 665 models (476 structs, 151 enums, 33 unions, 5 aliases) and 2447 struct fields; \
         one union per shape merged 10 unions into 3"
    );
    insta::assert_snapshot!("models", output.models);
}

/// The Preview models, in `snapshots/api_surface__models_preview.snap`.
#[test]
fn models_preview() {
    let output =
        codegen::generate(&codegen::testing::preview_options()).unwrap_or_else(|e| panic!("{e}"));
    check_models(&output);
    assert_eq!(
        output.models.lines().count(),
        3570,
        "Preview models listing lines (one union per shape: 8 fewer; open and snooze requests' optional `type`: 2 more; the ConversationPartPartType enum: 1 more)"
    );
    insta::assert_snapshot!("models_preview", output.models);
}

/// Each line is a model (`Name: kind (usage)…`) or a field of the struct listed above it, no
/// line is there twice, and the models are the items of the generated `models/` files.
fn check_models(output: &codegen::Output) {
    let listing = &output.models;
    let items: usize = output
        .files
        .iter()
        .filter(|(name, _)| name.starts_with("models/"))
        .map(|(_, text)| {
            ["\npub struct ", "\npub enum ", "\npub type "]
                .iter()
                .map(|item| text.matches(item).count())
                .sum::<usize>()
        })
        .sum();
    let models = listing
        .lines()
        .filter(|l| l.split(": ").next().is_some_and(|s| !s.contains('.')))
        .count();
    assert_eq!(models, items, "one line per generated model");
    let mut seen = BTreeSet::new();
    let mut current = None;
    for line in listing.lines() {
        assert!(seen.insert(line), "listed twice: {line}");
        let (subject, rest) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("bad line {line:?}"));
        match subject.split_once('.') {
            Some((model, _field)) => {
                assert_eq!(Some(model), current, "a field outside its struct: {line}")
            }
            None => {
                let kind = rest.split(' ').next().unwrap_or_default();
                assert!(
                    ["struct", "enum", "union", "alias"].contains(&kind),
                    "{line}"
                );
                current = (kind == "struct").then_some(subject);
            }
        }
    }
}

#[test]
fn regeneration_is_deterministic() {
    let options = codegen::testing::options("2.16");
    let first = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    let second = codegen::generate(&options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first, second);
}

/// The seeds' TypeScript SDK reference (`seeds/002_*.txt`, beside the intercom-openapi
/// checkout): every `client.group.method(` call there is a namespaced call of the snapshot.
#[test]
fn every_sdk_call_of_the_seed_is_a_namespaced_call() {
    let seeds = codegen::testing::openapi_dir().join("../seeds");
    let seed = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("{}: {e}", seeds.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("002_") && n.ends_with(".txt"))
        })
        .unwrap_or_else(|| panic!("no seeds/002_*.txt in {}", seeds.display()));
    let text = std::fs::read_to_string(&seed).unwrap_or_else(|e| panic!("{e}"));
    let calls = sdk_calls(&text);
    assert!(
        calls.len() >= 100,
        "only {} calls found in {}",
        calls.len(),
        seed.display()
    );

    let output =
        codegen::generate(&codegen::testing::options("2.16")).unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<&String> = calls
        .iter()
        .filter(|call| !output.surface.contains(&format!(" -> {call}(")))
        .collect();
    println!(
        "seed 002 SDK calls found as namespaced calls: {}/{}",
        calls.len() - missing.len(),
        calls.len()
    );
    assert!(missing.is_empty(), "not in the API surface: {missing:?}");
}

/// `client.helpCenters.collections.list(` -> `help_centers().collections().list`, deduplicated.
fn sdk_calls(text: &str) -> std::collections::BTreeSet<String> {
    let mut calls = std::collections::BTreeSet::new();
    for (at, _) in text.match_indices("client.") {
        let rest = &text[at + "client.".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(rest.len());
        if !rest[end..].starts_with('(') {
            continue;
        }
        let parts: Vec<String> = rest[..end].split('.').map(snake).collect();
        if parts.len() < 2 || parts.iter().any(String::is_empty) {
            continue;
        }
        let (method, groups) = parts.split_last().unwrap_or_else(|| unreachable!());
        let mut call: String = groups.iter().map(|g| format!("{g}().")).collect();
        call.push_str(method);
        calls.insert(call);
    }
    calls
}

fn snake(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every entry of `spec/names.yaml` names an operation of some published version (with the
/// override layer applied), so a stale entry is noticed.
#[test]
fn every_sdk_name_entry_names_an_operation() {
    let names =
        std::fs::read_to_string(codegen::testing::names_file()).unwrap_or_else(|e| panic!("{e}"));
    let descriptions = codegen::testing::openapi_dir().join("descriptions");
    let mut versions: Vec<String> = std::fs::read_dir(&descriptions)
        .unwrap_or_else(|e| panic!("{}: {e}", descriptions.display()))
        .filter_map(Result::ok)
        .filter_map(|d| d.file_name().to_str().map(str::to_string))
        .collect();
    versions.sort();
    assert!(
        versions.len() >= 11,
        "found {} descriptions",
        versions.len()
    );
    let mut routes = std::collections::BTreeSet::new();
    for version in &versions {
        let output = codegen::generate(&codegen::testing::options(version))
            .unwrap_or_else(|e| panic!("{version}: {e}"));
        for line in output.surface.lines() {
            let mut words = line.split(' ');
            if let (Some(method), Some(path)) = (words.next(), words.next()) {
                routes.insert(format!("{method} {}", shape(path)));
            }
        }
    }
    let mut entries = 0;
    for line in names
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (route, _) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("bad line {line:?}"));
        let (method, path) = route
            .split_once(' ')
            .unwrap_or_else(|| panic!("bad line {line:?}"));
        let shaped = format!("{method} {}", shape(path));
        assert!(routes.contains(&shaped), "no published version has {route}");
        entries += 1;
    }
    assert_eq!(
        entries, 112,
        "Intercom's SDKs name 112 operations (110 in fern/openapi-overrides.yml, 2 in the Preview's)"
    );
}

/// A path with the parameter names left out, as the names table matches them.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}
