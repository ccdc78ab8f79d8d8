//! The tools this server offers: the curated ones always, and with `--all-operations` (or
//! `--namespace`) one per operation of the client, built from the generated tables.

use std::collections::HashMap;
use std::sync::Arc;

use intercom_api::schemas::{OperationSchema, OPERATIONS};
use rmcp::model::{Tool as McpTool, ToolAnnotations};

use crate::input::Slot;
use crate::schema;
use crate::tool::{Source, Tool};
use crate::tools::{self, Group};

/// Which tools to offer beyond the curated ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extra {
    /// None.
    Nothing,
    /// Every operation.
    AllOperations,
    /// The operations of these resource groups.
    Namespaces(Vec<String>),
}

/// What a tool runs.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// A curated tool of a group.
    Curated(Group, &'static Tool),
    /// One operation of the client, through the generated call table.
    Operation(&'static OperationSchema),
}

/// One offered tool.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What `tools/list` shows.
    pub tool: McpTool,
    /// How to read its arguments.
    pub slots: Vec<Slot>,
    /// What it runs.
    pub target: Target,
}

impl Entry {
    /// The operations whose generated schemas the tool's parameters come from, and the
    /// parameters written here (no schema in the spec).
    pub fn sources(&self) -> String {
        match self.target {
            Target::Operation(op) => op.id.to_string(),
            Target::Curated(_, tool) => {
                let mut sources = vec![tool.operation.to_string()];
                for param in tool.params {
                    match param.source {
                        Source::Other(operation, _) => {
                            sources.push(format!("{operation} (`{}`)", param.name))
                        }
                        Source::Hand(_) => sources.push(format!("hand-written (`{}`)", param.name)),
                        _ => {}
                    }
                }
                sources.join(" + ")
            }
        }
    }
}

/// Every offered tool, in listing order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
}

impl Registry {
    /// The curated tools and the `extra` ones; an error names an unknown namespace or a
    /// tool whose schema cannot be built.
    pub fn new(extra: &Extra) -> Result<Registry, String> {
        let mut registry = Registry::default();
        for (group, tool) in tools::curated() {
            let built = schema::curated(tool)?;
            let annotations = ToolAnnotations::new().read_only(tool.read_only);
            let mcp = McpTool::new(tool.name, tool.description, Arc::new(built.schema))
                .annotate(annotations);
            registry.push(mcp, built.slots, Target::Curated(group, tool));
        }
        for op in operations(extra)? {
            if registry.index.contains_key(op.name) {
                continue;
            }
            let built = schema::operation(op)?;
            let description = format!(
                "{} (`{} {}`, operation `{}`).",
                op.summary.trim_end_matches('.'),
                op.method,
                op.path,
                op.id
            );
            let annotations = ToolAnnotations::new().read_only(op.method == "GET");
            let mcp =
                McpTool::new(op.name, description, Arc::new(built.schema)).annotate(annotations);
            registry.push(mcp, built.slots, Target::Operation(op));
        }
        Ok(registry)
    }

    fn push(&mut self, tool: McpTool, slots: Vec<Slot>, target: Target) {
        self.index.insert(tool.name.to_string(), self.entries.len());
        self.entries.push(Entry {
            tool,
            slots,
            target,
        });
    }

    /// The tool named `name`.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.index.get(name).and_then(|&i| self.entries.get(i))
    }

    /// Every entry, in listing order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// What `tools/list` answers.
    pub fn listed(&self) -> Vec<McpTool> {
        self.entries.iter().map(|e| e.tool.clone()).collect()
    }
}

/// The operations `extra` selects (downloads never: their answer is a byte stream).
fn operations(extra: &Extra) -> Result<Vec<&'static OperationSchema>, String> {
    let callable = OPERATIONS.iter().filter(|op| !op.download);
    match extra {
        Extra::Nothing => Ok(Vec::new()),
        Extra::AllOperations => Ok(callable.collect()),
        Extra::Namespaces(names) => {
            let mut known: Vec<&str> = OPERATIONS.iter().map(|op| op.module).collect();
            known.dedup();
            if let Some(unknown) = names.iter().find(|n| !known.contains(&n.as_str())) {
                return Err(format!(
                    "unknown namespace `{unknown}`; the namespaces are: {}",
                    known.join(", ")
                ));
            }
            Ok(callable
                .filter(|op| names.iter().any(|n| n == op.module))
                .collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_builds_with_unique_names_and_described_parameters() {
        let registry = Registry::new(&Extra::AllOperations).expect("every schema builds");
        let curated: Vec<McpTool> = registry.listed().into_iter().take(39).collect();
        for tool in &curated {
            let properties = tool
                .input_schema
                .get("properties")
                .and_then(serde_json::Value::as_object)
                .expect("properties");
            for (name, schema) in properties {
                assert!(
                    schema.get("description").is_some(),
                    "{}.{name} has no description",
                    tool.name
                );
            }
        }
        let names: std::collections::BTreeSet<String> = registry
            .listed()
            .iter()
            .map(|t| t.name.to_string())
            .collect();
        assert_eq!(names.len(), registry.listed().len(), "names are unique");
        let operations = OPERATIONS.iter().filter(|op| !op.download).count();
        let shadowed = OPERATIONS
            .iter()
            .filter(|op| !op.download && tools::curated().any(|(_, t)| t.name == op.name))
            .count();
        assert_eq!(registry.listed().len(), 39 + operations - shadowed);
    }

    #[test]
    fn namespaces_select_their_operations_and_unknown_ones_are_refused() {
        let registry = Registry::new(&Extra::Namespaces(vec!["teams".into()])).expect("teams");
        assert!(registry.get("teams_list").is_some() && registry.get("teams_find").is_some());
        assert!(registry.get("segments_list").is_none());
        let error = Registry::new(&Extra::Namespaces(vec!["team".into()])).expect_err("unknown");
        assert!(
            error.contains("unknown namespace `team`") && error.contains("teams"),
            "{error}"
        );
    }
}
