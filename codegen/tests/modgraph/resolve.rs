//! From the paths each module writes to the module that defines what they name.

use super::scan::{Crate, Module};
use super::{Evidence, Graph, ModPath};

/// How deep re-exports may chain before a path is given up (a guard against loops).
const MAX_DEPTH: usize = 24;

/// The module graph of `crate_`: an edge per `use` of an item (or glob) and per path naming
/// an item of another file's module.
pub fn graph(crate_: &Crate) -> Graph {
    let mut graph = Graph::default();
    for (path, module) in &crate_.modules {
        graph.modules.insert(module.file_module.clone());
        let named = module
            .uses
            .iter()
            .map(|u| (u.segs.clone(), u.alias.is_none()))
            .chain(module.refs.iter().map(|r| (r.segs.clone(), false)));
        for (segs, glob) in named {
            let Some(absolute) = start(crate_, path, &segs, 0) else {
                continue;
            };
            let Some(target) = locate(crate_, &absolute, 0) else {
                continue;
            };
            if target == absolute && !glob {
                continue; // the path names a module, not one of its items
            }
            let Some(to) = crate_.modules.get(&target).map(|m| m.file_module.clone()) else {
                continue;
            };
            if to != module.file_module {
                let why = Evidence {
                    file: module.file.clone(),
                    path: segs.join("::"),
                };
                let edges = graph.edges.entry(module.file_module.clone()).or_default();
                edges.entry(to).or_insert(why);
            }
        }
    }
    graph
}

fn module<'a>(crate_: &'a Crate, path: &ModPath) -> Option<&'a Module> {
    crate_.modules.get(path)
}

/// The absolute form of `segs` as written in module `scope`; `None` for a path into another
/// crate or one naming a local item.
fn start(crate_: &Crate, scope: &ModPath, segs: &[String], depth: usize) -> Option<ModPath> {
    let (first, rest) = segs.split_first()?;
    if depth > MAX_DEPTH {
        return None;
    }
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => scope.clone(),
        "super" => {
            let mut base = scope.clone();
            base.pop()?;
            let mut rest = rest;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
            base.extend(rest.iter().cloned());
            return Some(base);
        }
        name => {
            let here = module(crate_, scope)?;
            let bound = here.uses.iter().find(|u| u.alias.as_deref() == Some(name));
            if let Some(bound) = bound {
                start(crate_, scope, &bound.segs, depth + 1)?
            } else if here.children.contains(name) {
                let mut base = scope.clone();
                base.push(name.to_string());
                base
            } else {
                return None;
            }
        }
    };
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The module defining what `absolute` names: down through modules, then through the
/// re-exports (`use` bindings and globs) of the module reached.
fn locate(crate_: &Crate, absolute: &[String], depth: usize) -> Option<ModPath> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut at: ModPath = Vec::new();
    for (i, seg) in absolute.iter().enumerate() {
        let here = module(crate_, &at)?;
        if here.children.contains(seg) {
            at.push(seg.clone());
            continue;
        }
        if here.items.contains(seg) {
            return Some(at);
        }
        let rest = &absolute[i + 1..];
        if let Some(bound) = here.uses.iter().find(|u| u.alias.as_deref() == Some(seg)) {
            let mut target = start(crate_, &at, &bound.segs, depth + 1)?;
            target.extend(rest.iter().cloned());
            return locate(crate_, &target, depth + 1);
        }
        for glob in here.uses.iter().filter(|u| u.alias.is_none()) {
            let Some(from) = start(crate_, &at, &glob.segs, depth + 1) else {
                continue;
            };
            if from == at {
                continue;
            }
            let Some(there) = module(crate_, &from) else {
                continue;
            };
            let known = there.items.contains(seg)
                || there.children.contains(seg)
                || there.uses.iter().any(|u| u.alias.as_deref() == Some(seg));
            if known {
                let mut target = from;
                target.push(seg.clone());
                target.extend(rest.iter().cloned());
                return locate(crate_, &target, depth + 1);
            }
        }
        return Some(at);
    }
    Some(at)
}
