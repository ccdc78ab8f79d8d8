//! Conformance against an independent validator: every generated operation is sent to
//! Stoplight Prism (`prism mock`, pinned in `conformance/`), which checks the request against
//! the spec and answers with the spec's examples; the answer must decode into the generated
//! response type. Invalid requests must be rejected (the validator is on), and `Prefer:
//! code=4xx` answers must decode into the typed `Error::Api`.
//!
//! Needs `npm ci --prefix conformance` (`.ci/run` does it); without it the test fails and says so.

#[path = "prism/fixes.rs"]
mod fixes;
#[path = "prism/inputs.rs"]
mod inputs;
#[path = "prism/probe.rs"]
mod probe;
#[path = "prism/server.rs"]
mod server;
#[path = "prism/surface.rs"]
mod surface;

use std::collections::BTreeMap;
use std::path::PathBuf;

use codegen::ir::{Api, Operation};
use intercom_api::conformance::{Answer, Call};
use intercom_api::{Client, Error, RetryPolicy};
use serde_json::{json, Value};

use probe::{Reply, Tweaks};
use surface::Surface;

/// The surface's spec after the override layer (what it is generated from), and its IR.
fn load(surface: Surface) -> (Api, Value) {
    let options = surface.options();
    let doc = codegen::load::load(&options).unwrap_or_else(|e| panic!("{e}"));
    let api = codegen::ir::build(&doc).unwrap_or_else(|e| panic!("{e}"));
    (api, doc.raw)
}

/// What one test run found.
#[derive(Default)]
struct Report {
    validated: Vec<String>,
    failures: Vec<String>,
    notes: Vec<String>,
    rejected: BTreeMap<&'static str, (usize, usize)>,
    typed_errors: usize,
    unvalidatable: Vec<String>,
}

impl Report {
    /// Counts a negative check of `kind`; a request Prism accepted is a failure.
    fn negative(&mut self, kind: &'static str, id: &str, reply: &Reply) {
        if kind.starts_with("body") && fixes::PRISM_UNVALIDATED_BODIES.contains(&id) {
            self.notes.push(format!(
                "{id}: invalid request ({kind}) not checked: Prism does not validate this body"
            ));
            return;
        }
        let entry = self.rejected.entry(kind).or_default();
        entry.1 += 1;
        if reply.rejected() {
            entry.0 += 1;
        } else {
            self.failures.push(format!(
                "{id}: invalid request ({kind}) was not rejected: {} {}",
                reply.status, reply.body
            ));
        }
    }
}

/// Whether the client's call was accepted; the reason when not.
fn verdict(result: Result<Answer, Error>) -> Result<Answer, String> {
    match result {
        Ok(answer) => {
            let violations = probe::request_violations(
                answer.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            );
            if violations.is_empty() {
                Ok(answer)
            } else {
                Err(format!("request violations: {}", violations.join("; ")))
            }
        }
        Err(Error::Api(failure)) => Err(format!(
            "{}: {}",
            failure.status,
            String::from_utf8_lossy(&failure.body)
        )),
        Err(e) => Err(e.to_string()),
    }
}

#[allow(clippy::too_many_arguments)]
async fn check_operation(
    surface: Surface,
    client: &Client,
    http: &reqwest::Client,
    base: &str,
    raw: &Value,
    op: &Operation,
    fixes: &[fixes::Fix],
    report: &mut Report,
) -> Option<Call> {
    let mut candidates: Vec<inputs::Candidate> = fixes
        .iter()
        .filter(|f| f.id == op.id)
        .map(|f| inputs::Candidate {
            source: format!("hand-written ({})", f.reason),
            call: f.call.clone(),
        })
        .collect();
    candidates.extend(inputs::candidates(raw, op));
    let mut tried = Vec::new();
    for candidate in &candidates {
        if let Some(known) = fixes::KNOWN
            .iter()
            .find(|k| k.id == op.id && k.source == candidate.source)
        {
            tried.push(format!("{} (skipped: {})", candidate.source, known.reason));
            continue;
        }
        let outcome = surface
            .call(client, &op.id, &candidate.call)
            .await
            .unwrap_or_else(|| panic!("{}: no arm in the generated call table", op.id));
        match verdict(outcome) {
            Ok(answer) => {
                report.validated.push(format!(
                    "{} via {} ({})",
                    op.id, candidate.source, answer.status
                ));
                if !tried.is_empty() {
                    report.notes.push(format!(
                        "{}: used {} after {}",
                        op.id,
                        candidate.source,
                        tried.join(", ")
                    ));
                }
                negatives(surface, http, base, raw, op, &candidate.call, report).await;
                return Some(candidate.call.clone());
            }
            Err(client_reason) => {
                let reply = probe::send(http, base, op, &candidate.call, surface.tweaks()).await;
                let unvalidated = fixes::PRISM_UNVALIDATED_BODIES.contains(&op.id.as_str());
                if unvalidated && !reply.rejected() && reply.status < 400 {
                    tried.push(format!(
                        "{} (refused by the client: {client_reason}; Prism does not validate \
                         this body)",
                        candidate.source
                    ));
                } else if reply.rejected() || reply.status >= 400 {
                    tried.push(format!(
                        "{} (invalid for Prism too: {} {})",
                        candidate.source,
                        reply.status,
                        reply.violations.join("; ")
                    ));
                } else {
                    report.failures.push(format!(
                        "{}: Prism accepts {} sent as the spec says, but not from the client: {client_reason}",
                        op.id, candidate.source
                    ));
                    return None;
                }
            }
        }
    }
    report.failures.push(format!(
        "{}: no accepted input; tried {}",
        op.id,
        tried.join(", ")
    ));
    None
}

/// Invalid variants of an accepted call that Prism must reject: a body property of the wrong
/// type, a body of the wrong JSON type (where the schema says `type: object`), and the
/// required query parameters left out.
async fn negatives(
    surface: Surface,
    http: &reqwest::Client,
    base: &str,
    raw: &Value,
    op: &Operation,
    call: &Call,
    report: &mut Report,
) {
    let schema = inputs::resolve(
        raw,
        &inputs::raw_operation(raw, op)["requestBody"]["content"]["application/json"]["schema"],
    );
    if let Some(Value::Object(body)) = &call.body {
        let scalar = |k: &&String| {
            let t = &inputs::resolve(raw, &schema["properties"][k.as_str()])["type"];
            ["string", "integer", "number", "boolean"].contains(&t.as_str().unwrap_or(""))
        };
        if let Some(key) = body.keys().find(scalar) {
            let mut wrong = body.clone();
            wrong.insert(key.clone(), json!([[["not", "valid"]]]));
            let wrong = Value::Object(wrong);
            let tweaks = Tweaks {
                body: Some(&wrong),
                ..surface.tweaks()
            };
            let reply = probe::send(http, base, op, call, tweaks).await;
            report.negative("body property of the wrong type", &op.id, &reply);
        }
    }
    if op.body.is_some() && schema["type"] == "object" {
        let wrong = json!("not a JSON object");
        let tweaks = Tweaks {
            body: Some(&wrong),
            ..surface.tweaks()
        };
        let reply = probe::send(http, base, op, call, tweaks).await;
        report.negative("body of the wrong JSON type", &op.id, &reply);
    }
    if op.query_params.iter().any(|p| p.required) {
        let tweaks = Tweaks {
            drop_required_query: true,
            ..surface.tweaks()
        };
        let reply = probe::send(http, base, op, call, tweaks).await;
        report.negative("required query parameter missing", &op.id, &reply);
    }
}

/// Errors the spec declares, asked for with `Prefer: code=N`, must decode into `Error::Api`.
async fn error_paths(
    surface: Surface,
    client: &Client,
    raw: &Value,
    op: &Operation,
    call_in: &Call,
    report: &mut Report,
) {
    let responses = &inputs::raw_operation(raw, op)["responses"];
    let codes: Vec<&str> = responses
        .as_object()
        .into_iter()
        .flat_map(|m| m.keys())
        .map(String::as_str)
        .filter(|c| matches!(*c, "401" | "404" | "422"))
        .collect();
    let accept = op
        .fixed_headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("accept"))
        .map(|(_, v)| v.as_str());
    if !codes.is_empty() && accept.is_some_and(|a| a != "application/json") {
        report.notes.push(format!(
            "{}: Prefer code={} not checked: Prism negotiates on `Accept: {}`, which the \
             JSON error does not offer, and answers 200",
            op.id,
            codes.join("/"),
            accept.unwrap_or_default()
        ));
        return;
    }
    for code in codes {
        let mut with_prefer = call_in.clone();
        with_prefer
            .headers
            .push(("Prefer".into(), format!("code={code}")));
        let outcome = surface
            .call(client, &op.id, &with_prefer)
            .await
            .expect("an arm");
        match outcome {
            Err(Error::Api(failure)) if failure.status.as_str() == code => {
                let body: Value = serde_json::from_slice(&failure.body).unwrap_or(Value::Null);
                match &failure.error {
                    Some(e) if !e.errors.is_empty() => report.typed_errors += 1,
                    _ if body["type"] != "error.list" => report.notes.push(format!(
                        "{}: the spec's {code} example is not an error.list ({}); typed \
                         Error::Api with the raw body",
                        op.id,
                        String::from_utf8_lossy(&failure.body)
                    )),
                    _ => report.failures.push(format!(
                        "{}: {code} error.list did not decode: {}",
                        op.id,
                        String::from_utf8_lossy(&failure.body)
                    )),
                }
            }
            other => report.failures.push(format!(
                "{}: Prefer code={code} gave {:?} for body {:?}",
                op.id,
                other.map(|a| a.status),
                with_prefer.body
            )),
        }
    }
}

async fn run(surface: Surface, api: &Api, raw: &Value, base: &str) -> Report {
    let client = Client::builder("conformance-token")
        .base_url(base)
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("a client");
    let http = reqwest::Client::new();
    let mut report = Report::default();
    let fixes = fixes::fixes();
    let named = fixes
        .iter()
        .map(|f| f.id)
        .chain(fixes::KNOWN.iter().map(|k| k.id));
    // The hand-written entries are written for the stable spec (Preview may reuse them).
    for id in named.filter(|_| surface == Surface::Stable) {
        if !surface.operations().contains(&id) {
            report.failures.push(format!(
                "{id}: hand-written entry for an operation the spec does not have"
            ));
        }
    }
    let by_id: BTreeMap<&str, &Operation> =
        api.operations.iter().map(|o| (o.id.as_str(), o)).collect();
    for id in surface.operations() {
        let Some(op) = by_id.get(id) else {
            report
                .failures
                .push(format!("{id}: in the generated table but not in the spec"));
            continue;
        };
        let unvalidatable = surface
            .unvalidatable()
            .iter()
            .find(|(known, _)| known == id);
        let before = report.failures.len();
        let accepted =
            check_operation(surface, &client, &http, base, raw, op, &fixes, &mut report).await;
        if let Some((_, reason)) = unvalidatable {
            if accepted.is_some() {
                report.failures.push(format!(
                    "{id}: listed as one Prism cannot take, but it was validated: drop the entry"
                ));
            } else {
                report.failures.truncate(before);
                report.unvalidatable.push(format!("{id}: {reason}"));
            }
            continue;
        }
        if let Some(accepted) = accepted {
            error_paths(surface, &client, raw, op, &accepted, &mut report).await;
        }
    }
    for op in &api.operations {
        if !surface.operations().contains(&op.id.as_str()) {
            report.failures.push(format!(
                "{}: in the spec but not in the generated call table",
                op.id
            ));
        }
    }
    // The validator checks credentials and the version header too.
    if let Some(op) = by_id.get("identifyAdmin") {
        let call = Call::default();
        let reply = probe::send(
            &http,
            base,
            op,
            &call,
            Tweaks {
                no_auth: true,
                ..surface.tweaks()
            },
        )
        .await;
        let entry = report.rejected.entry("no Authorization").or_default();
        entry.1 += 1;
        if reply.status == 401 {
            entry.0 += 1
        } else {
            report
                .failures
                .push(format!("no Authorization: got {}", reply.status))
        }
        let reply = probe::send(
            &http,
            base,
            op,
            &call,
            Tweaks {
                version: Some("1.99"),
                ..surface.tweaks()
            },
        )
        .await;
        report.negative("unknown Intercom-Version", "identifyAdmin", &reply);
    }
    report
}

#[test]
fn every_operation_is_accepted_by_prism() {
    on_a_large_stack(|| conformance(Surface::Stable));
}

/// The Preview surface's operations, against Prism serving the Preview description.
#[test]
fn every_preview_operation_is_accepted_by_prism() {
    on_a_large_stack(|| conformance(Surface::Preview));
}

/// Runs `test` on a thread with a 64 MiB stack: the spec walks (schemas nest deeply) and the
/// debug-build futures of hundreds of operations do not fit a test thread's default 2 MiB.
fn on_a_large_stack(test: fn()) {
    let thread = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(test)
        .expect("a test thread");
    if let Err(panic) = thread.join() {
        std::panic::resume_unwind(panic);
    }
}

/// Sends every operation of `surface` to Prism serving its description; prints the summary
/// (`validated N/N operations`) and fails on anything not accepted.
fn conformance(surface: Surface) {
    let (api, raw) = load(surface);
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("prism-{surface:?}"));
    std::fs::create_dir_all(&work).expect("create the Prism work folder");
    let spec = work.join("api.intercom.io.json");
    let for_prism = fixes::prism_spec(&raw);
    std::fs::write(&spec, serde_json::to_vec(&for_prism).expect("spec as JSON"))
        .expect("write the spec");

    let prism = server::Prism::start(&spec, &work);
    let pid = prism.pid();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let report = runtime.block_on(Box::pin(run(surface, &api, &raw, &prism.base_url)));
    drop(prism);
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "Prism (pid {pid}) is still running"
    );

    let total = surface.operations().len();
    let mut summary = vec![format!(
        "{surface:?} (Intercom-Version {}): validated {}/{total} operations ({} the validator \
         cannot take, listed below)",
        surface.version(),
        report.validated.len(),
        report.unvalidatable.len()
    )];
    for (kind, (rejected, sent)) in &report.rejected {
        summary.push(format!(
            "invalid requests rejected ({kind}): {rejected}/{sent}"
        ));
    }
    summary.push(format!(
        "typed errors decoded (Prefer: code=401/404/422): {}",
        report.typed_errors
    ));
    for line in &report.validated {
        summary.push(format!("validated: {line}"));
    }
    for known in fixes::KNOWN {
        summary.push(format!(
            "known disagreement: {} {}: {}",
            known.id, known.source, known.reason
        ));
    }
    for line in &report.unvalidatable {
        summary.push(format!(
            "not validatable (the description contradicts itself for Prism): {line}"
        ));
    }
    for note in &report.notes {
        summary.push(format!("note: {note}"));
    }
    let summary = summary.join("\n") + "\n";
    print!("{summary}");
    // Also kept in a file, for CI to print after the whole test run.
    std::fs::write(work.join("summary.txt"), &summary).expect("write the summary");
    assert!(
        report.failures.is_empty(),
        "{} failure(s):\n{}",
        report.failures.len(),
        report.failures.join("\n")
    );
    assert_eq!(
        report.validated.len() + report.unvalidatable.len(),
        total,
        "validated {}/{total} operations",
        report.validated.len()
    );
    assert_eq!(total, api.operations.len());
    assert!(report.typed_errors > 0, "no typed error was checked");
    for kind in [
        "body of the wrong JSON type",
        "required query parameter missing",
        "no Authorization",
        "unknown Intercom-Version",
    ] {
        assert!(
            report.rejected.get(kind).is_some_and(|(_, sent)| *sent > 0),
            "no negative check of kind {kind}"
        );
    }
}

#[test]
fn a_prism_that_cannot_start_fails_with_its_log() {
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("prism-broken");
    std::fs::create_dir_all(&work).expect("create the work folder");
    let spec = work.join("not-a-spec.json");
    std::fs::write(&spec, b"{\"openapi\": \"3.0.3\", \"paths\": 42}").expect("write");
    let started = std::panic::catch_unwind(|| server::Prism::start(&spec, &work));
    let message = match started {
        Ok(_) => panic!("Prism started with a broken spec"),
        Err(panic) => panic.downcast_ref::<String>().cloned().unwrap_or_default(),
    };
    assert!(
        message.contains("Prism exited") && message.contains("its log:"),
        "unexpected failure: {message}"
    );
}
