//! Every 2xx response example of the pinned spec decodes into its operation's generated
//! response type, and every schema-level example into its type — strictly: nothing left out.

use intercom_api::examples::{decode_response, decode_type};

fn api() -> codegen::ir::Api {
    let options = codegen::testing::options(intercom_api::API_VERSION);
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_success_response_example_decodes() {
    let api = api();
    let mut decoded = 0;
    let mut failures = Vec::new();
    for op in &api.operations {
        for (name, value) in &op.response_examples {
            let json = value.to_string();
            match decode_response(&op.id, &json, true) {
                Some(Ok(warnings)) if warnings.is_empty() => decoded += 1,
                Some(Ok(warnings)) => failures.push(format!(
                    "{} {} example `{name}`: strict decoding warned: {warnings:?}",
                    op.method, op.path
                )),
                Some(Err(e)) => {
                    failures.push(format!("{} {} example `{name}`: {e}", op.method, op.path))
                }
                None => failures.push(format!(
                    "{} {}: no JSON decoder generated for {}",
                    op.method, op.path, op.id
                )),
            }
        }
    }
    println!(
        "decoded {decoded} response examples of {} operations",
        api.operations.len()
    );
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        decoded >= 140,
        "only {decoded} examples found; the spec has far more"
    );
}

#[test]
fn every_schema_example_decodes() {
    let api = api();
    let mut decoded = 0;
    let mut failures = Vec::new();
    for (name, def) in &api.types {
        if let Some(example) = &def.example {
            match decode_type(name, &example.to_string(), true) {
                Some(Ok(warnings)) if warnings.is_empty() => decoded += 1,
                Some(Ok(warnings)) => failures.push(format!("{name}: warned: {warnings:?}")),
                Some(Err(e)) => failures.push(format!("{name} ({}): {e}", def.origin)),
                None => failures.push(format!("{name}: no decoder generated")),
            }
        }
    }
    println!("decoded {decoded} schema examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(decoded > 0);
}

#[test]
fn a_wrong_example_is_rejected() {
    assert!(matches!(
        decode_response("identifyAdmin", r#"{"id": {"nested": true}}"#, true),
        Some(Err(intercom_api::Error::Decode(d))) if d.path == "id"
    ));
    assert!(matches!(
        decode_response("identifyAdmin", "[1, 2]", false),
        Some(Err(_))
    ));
    assert!(decode_response("noSuchOperation", "{}", true).is_none());
}
