//! No import circles in the hand-written code: the module graph of each crate's `use` lines and
//! `crate::`/`super::` paths (re-exports followed to the defining module) has no cycle.

mod modgraph;

use modgraph::{cycles, read, workspace, Root};

/// The crates checked, each a source directory and the directories under it left out (e.g.
/// `("intercom-api/src", vec!["generated"])` for the client without its generated code).
fn roots() -> Vec<Root> {
    [
        ("codegen/src", vec![]),
        ("xtask/src", vec![]),
        ("intercom-api/src", vec!["generated"]),
        ("intercom-mcp/src", vec![]),
    ]
    .into_iter()
    .map(|(dir, skip)| Root {
        dir: workspace().join(dir),
        skip,
    })
    .collect()
}

#[test]
fn the_hand_written_modules_have_no_circles() {
    let mut report = Vec::new();
    for root in roots() {
        let graph = read(&root).unwrap_or_else(|e| panic!("{}: {e}", root.dir.display()));
        assert!(
            graph.modules.len() > 1,
            "{}: no modules read",
            root.dir.display()
        );
        for cycle in cycles(&graph) {
            report.push(format!("{}: {cycle}", root.dir.display()));
        }
    }
    assert!(report.is_empty(), "module circles:\n{}", report.join("\n"));
}

fn fixture(name: &str) -> Root {
    let dir = format!(
        "{}/tests/modgraph_fixtures/{name}/src",
        env!("CARGO_MANIFEST_DIR")
    );
    Root {
        dir: dir.into(),
        skip: vec![],
    }
}

#[test]
fn the_reader_finds_a_circle_through_a_reexport_and_super() {
    let graph = read(&fixture("circle")).expect("fixture");
    let found = cycles(&graph);
    assert_eq!(found.len(), 1, "{found:?}");
    let text = found[0].to_string();
    assert!(text.starts_with("a -> hub::c -> a"), "{text}");
    assert!(text.contains("a.rs: `crate::hub::C`"), "{text}");
    assert!(text.contains("hub/c.rs: `super::super::a::A`"), "{text}");
    // `quote!` bodies are the generated code's paths: `b` names nothing of this crate.
    assert!(
        !graph.edges.contains_key(&vec!["b".to_string()]),
        "{:?}",
        graph.edges
    );
}

#[test]
fn the_reader_passes_the_circle_broken_by_a_shared_module_below() {
    let graph = read(&fixture("clean")).expect("fixture");
    assert_eq!(cycles(&graph), vec![]);
    let a = vec!["a".to_string()];
    let shared = vec!["shared".to_string()];
    let hub_c = vec!["hub".to_string(), "c".to_string()];
    let edges = |from: &Vec<String>| {
        graph
            .edges
            .get(from)
            .map(|to| to.keys().cloned().collect::<Vec<_>>())
    };
    assert_eq!(edges(&a), Some(vec![hub_c.clone(), shared.clone()]));
    assert_eq!(edges(&hub_c), Some(vec![shared]));
}
