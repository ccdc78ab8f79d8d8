//! A module graph of a crate's hand-written source, as a reader sees it: one node per source
//! file's module, and an edge from a module to every other module whose items it names, through
//! its `use` lines or through `crate::`/`super::`/`self::` paths and paths starting at an
//! imported module, following re-exports (`pub use`, private `use` seen from a child, globs) to
//! the module that defines the item. Paths inside `quote!`-like macros are the generated code's,
//! not this crate's, and are skipped. [`cycles`] names every circle.

mod resolve;
mod scan;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// A module path from the crate root (`["emit", "models"]`; empty for the root).
pub type ModPath = Vec<String>;

/// A crate to read: its source directory (holding `lib.rs` or `main.rs`) and the directories
/// under it that are left out (generated code, other crate roots such as `bin/`).
#[derive(Debug, Clone)]
pub struct Root {
    /// The source directory, e.g. `codegen/src`.
    pub dir: PathBuf,
    /// Directories under `dir` not read, e.g. `generated`.
    pub skip: Vec<&'static str>,
}

/// Why a module names another: the path as written, in which file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// The file, relative to the root.
    pub file: String,
    /// The path as written (`super::unions::union`).
    pub path: String,
}

/// The edges between the modules of one crate, each with the first path that makes it.
#[derive(Debug, Default)]
pub struct Graph {
    /// Every file module.
    pub modules: BTreeSet<ModPath>,
    /// `from -> to -> why`.
    pub edges: BTreeMap<ModPath, BTreeMap<ModPath, Evidence>>,
}

/// A circle: the modules in order (the first one again at the end) and why each step is taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// The modules around the circle.
    pub modules: Vec<ModPath>,
    /// The path that makes each step, in the same order.
    pub steps: Vec<Evidence>,
}

/// `a::b`, or `crate` for the root.
pub fn display(path: &[String]) -> String {
    if path.is_empty() {
        "crate".to_string()
    } else {
        path.join("::")
    }
}

impl fmt::Display for Cycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.modules.iter().map(|m| display(m)).collect();
        write!(f, "{}", names.join(" -> "))?;
        for step in &self.steps {
            write!(f, "\n    {}: `{}`", step.file, step.path)?;
        }
        Ok(())
    }
}

/// Reads the crate at `root` into its module graph.
pub fn read(root: &Root) -> Result<Graph, String> {
    let files = scan::files(&root.dir, &root.skip)?;
    let crate_ = scan::scan(&files)?;
    Ok(resolve::graph(&crate_))
}

/// The circles of `graph`: one per strongly connected set of more than one module, named by
/// the shortest circle through its smallest module.
pub fn cycles(graph: &Graph) -> Vec<Cycle> {
    let mut found = Vec::new();
    let mut seen: BTreeSet<ModPath> = BTreeSet::new();
    for start in &graph.modules {
        if seen.contains(start) {
            continue;
        }
        if let Some(modules) = shortest_circle(graph, start) {
            let steps = modules
                .windows(2)
                .filter_map(|w| graph.edges.get(&w[0]).and_then(|to| to.get(&w[1])).cloned())
                .collect();
            seen.extend(reachable_both_ways(graph, start));
            found.push(Cycle { modules, steps });
        }
    }
    found
}

/// The shortest path from `start` back to itself (breadth first), if any.
fn shortest_circle(graph: &Graph, start: &ModPath) -> Option<Vec<ModPath>> {
    let mut previous: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for next in graph.edges.get(at).into_iter().flat_map(|to| to.keys()) {
            if next == start {
                let mut path = vec![start.clone()];
                let mut step = at;
                while step != start {
                    path.push(step.clone());
                    step = previous.get(step)?;
                }
                path.push(start.clone());
                path.reverse();
                return Some(path);
            }
            if !previous.contains_key(next) {
                previous.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}

/// The modules on some circle with `start`.
fn reachable_both_ways(graph: &Graph, start: &ModPath) -> BTreeSet<ModPath> {
    let forward = reach(graph, start, false);
    let backward = reach(graph, start, true);
    forward.intersection(&backward).cloned().collect()
}

fn reach(graph: &Graph, start: &ModPath, reverse: bool) -> BTreeSet<ModPath> {
    let mut seen = BTreeSet::from([start.clone()]);
    let mut stack = vec![start.clone()];
    while let Some(at) = stack.pop() {
        let next: Vec<ModPath> = if reverse {
            graph
                .edges
                .iter()
                .filter(|(_, to)| to.contains_key(&at))
                .map(|(from, _)| from.clone())
                .collect()
        } else {
            graph
                .edges
                .get(&at)
                .map(|to| to.keys().cloned().collect())
                .unwrap_or_default()
        };
        for n in next {
            if seen.insert(n.clone()) {
                stack.push(n);
            }
        }
    }
    seen
}

/// The workspace directory (the parent of this crate's).
pub fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}
