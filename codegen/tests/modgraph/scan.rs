//! Reading a crate's files: which module each file is, and per module (inline ones too) its
//! `use` declarations, the paths its code names, its items and its child modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

use super::ModPath;

/// Macros whose bodies are code for another crate (the generated one), not paths of this one.
const FOREIGN_MACROS: &[&str] = &[
    "quote",
    "quote_spanned",
    "parse_quote",
    "parse_quote_spanned",
];

/// Keywords that name an item after them.
const ITEM_KEYWORDS: &[&str] = &[
    "fn", "struct", "enum", "trait", "type", "const", "static", "union",
];

/// One `use` binding: the path as written, and the name it binds (`None` for a glob).
#[derive(Debug, Clone)]
pub struct Use {
    pub segs: Vec<String>,
    pub alias: Option<String>,
}

/// A path named in code, as written.
#[derive(Debug, Clone)]
pub struct Ref {
    pub segs: Vec<String>,
}

/// One module: a file's, or an inline one (`mod tests { … }`) inside a file.
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// The file, relative to the root.
    pub file: String,
    /// The module of that file (itself unless inline).
    pub file_module: ModPath,
    pub uses: Vec<Use>,
    pub refs: Vec<Ref>,
    pub items: BTreeSet<String>,
    pub children: BTreeSet<String>,
}

/// Every module of a crate.
#[derive(Debug, Default)]
pub struct Crate {
    pub modules: BTreeMap<ModPath, Module>,
}

/// The `.rs` files under `dir` (minus the `skip` directories) with their module paths.
pub fn files(dir: &Path, skip: &[&str]) -> Result<Vec<(ModPath, PathBuf, String)>, String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        let entries = std::fs::read_dir(&at).map_err(|e| format!("{}: {e}", at.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", at.display()))?.path();
            let rel = path.strip_prefix(dir).map_err(|e| e.to_string())?;
            let rel_text = rel.to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                if !skip.contains(&rel_text.as_str()) {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let mut module: ModPath = rel
                .parent()
                .into_iter()
                .flat_map(|p| p.components())
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let is_root = module.is_empty() && (stem == "lib" || stem == "main");
            if stem != "mod" && !is_root {
                module.push(stem);
            }
            found.push((module, path, rel_text));
        }
    }
    found.sort();
    if !found.iter().any(|(m, _, _)| m.is_empty()) {
        return Err(format!("{}: no lib.rs or main.rs", dir.display()));
    }
    Ok(found)
}

/// Reads every file into its modules.
pub fn scan(files: &[(ModPath, PathBuf, String)]) -> Result<Crate, String> {
    let mut crate_ = Crate::default();
    for (module, path, rel) in files {
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let tokens = TokenStream::from_str(&source).map_err(|e| format!("{rel}: {e}"))?;
        let entry = crate_.modules.entry(module.clone()).or_default();
        entry.file = rel.clone();
        entry.file_module = module.clone();
        if let Some((name, parent)) = module.split_last() {
            crate_
                .modules
                .entry(parent.to_vec())
                .or_default()
                .children
                .insert(name.clone());
        }
        let file = FileScan {
            file: rel,
            file_module: module,
        };
        file.stream(&mut crate_, tokens, module, true);
    }
    Ok(crate_)
}

struct FileScan<'a> {
    file: &'a str,
    file_module: &'a ModPath,
}

fn ident(tree: Option<&TokenTree>) -> Option<String> {
    match tree {
        Some(TokenTree::Ident(i)) => Some(i.to_string()),
        _ => None,
    }
}

fn is_punct(tree: Option<&TokenTree>, ch: char) -> bool {
    matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == ch)
}

/// Whether `tokens[i..]` starts with `::`.
fn is_path_sep(tokens: &[TokenTree], i: usize) -> bool {
    matches!(tokens.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        && is_punct(tokens.get(i + 1), ':')
}

impl FileScan<'_> {
    fn module<'c>(&self, crate_: &'c mut Crate, scope: &ModPath) -> &'c mut Module {
        let module = crate_.modules.entry(scope.clone()).or_default();
        if module.file.is_empty() {
            module.file = self.file.to_string();
            module.file_module = self.file_module.clone();
        }
        module
    }

    fn stream(&self, crate_: &mut Crate, tokens: TokenStream, scope: &ModPath, top: bool) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            let word = ident(tokens.get(i));
            let after_sep = i >= 2 && is_path_sep(&tokens, i - 2);
            match (&tokens[i], word.as_deref()) {
                (_, Some("use")) => {
                    let end = (i..tokens.len()).find(|&j| is_punct(tokens.get(j), ';'));
                    let end = end.unwrap_or(tokens.len());
                    let mut uses = Vec::new();
                    use_tree(&tokens[i + 1..end], &[], &mut uses);
                    self.module(crate_, scope).uses.extend(uses);
                    i = end + 1;
                }
                (_, Some("mod")) => {
                    let name = ident(tokens.get(i + 1));
                    match (name, tokens.get(i + 2)) {
                        (Some(name), Some(TokenTree::Group(g)))
                            if g.delimiter() == Delimiter::Brace =>
                        {
                            self.module(crate_, scope).children.insert(name.clone());
                            let mut inner = scope.clone();
                            inner.push(name);
                            self.module(crate_, &inner);
                            self.stream(crate_, g.stream(), &inner, true);
                            i += 3;
                        }
                        _ => i += 2,
                    }
                }
                (_, Some(kw)) if top && ITEM_KEYWORDS.contains(&kw) => {
                    if let Some(name) = ident(tokens.get(i + 1)) {
                        self.module(crate_, scope).items.insert(name);
                    }
                    i += 1;
                }
                (_, Some(name)) if is_punct(tokens.get(i + 1), '!') => {
                    if name == "macro_rules" {
                        if let Some(defined) = ident(tokens.get(i + 2)) {
                            self.module(crate_, scope).items.insert(defined);
                        }
                    }
                    match tokens.get(i + 2) {
                        Some(TokenTree::Group(g)) if !FOREIGN_MACROS.contains(&name) => {
                            self.stream(crate_, g.stream(), scope, false);
                            i += 3;
                        }
                        Some(TokenTree::Group(_)) => i += 3,
                        _ => i += 2,
                    }
                }
                (_, Some(_)) if !after_sep && is_path_sep(&tokens, i + 1) => {
                    let mut segs = Vec::new();
                    let mut j = i;
                    while let Some(seg) = ident(tokens.get(j)) {
                        segs.push(seg);
                        if is_path_sep(&tokens, j + 1) {
                            j += 3;
                        } else {
                            j += 1;
                            break;
                        }
                    }
                    let is_macro = is_punct(tokens.get(j), '!');
                    let foreign = segs
                        .last()
                        .is_some_and(|m| FOREIGN_MACROS.contains(&m.as_str()));
                    match tokens.get(j + 1) {
                        Some(TokenTree::Group(_)) if is_macro && foreign => j += 2,
                        _ => self.module(crate_, scope).refs.push(Ref { segs }),
                    }
                    i = j.max(i + 1);
                }
                (TokenTree::Group(g), _) => {
                    self.stream(crate_, g.stream(), scope, false);
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
}

/// The bindings of one use tree (`a::b::{c, d as e, f::*, self}`) under `prefix`.
fn use_tree(tokens: &[TokenTree], prefix: &[String], out: &mut Vec<Use>) {
    if is_path_sep(tokens, 0) {
        return; // `::extern_crate::…`
    }
    let mut segs = prefix.to_vec();
    let mut i = 0;
    loop {
        match tokens.get(i) {
            Some(TokenTree::Ident(id)) if id == "as" => {
                if let Some(alias) = ident(tokens.get(i + 1)) {
                    out.push(Use {
                        segs,
                        alias: Some(alias),
                    });
                }
                return;
            }
            Some(TokenTree::Ident(id)) => {
                if id == "self" && !prefix.is_empty() && segs.len() == prefix.len() {
                    let alias = prefix.last().cloned();
                    if is_punct(tokens.get(i + 1), ',') || tokens.get(i + 1).is_none() {
                        out.push(Use { segs, alias });
                        return;
                    }
                }
                segs.push(id.to_string());
                if is_path_sep(tokens, i + 1) {
                    i += 3;
                    continue;
                }
                if ident(tokens.get(i + 1)).as_deref() == Some("as") {
                    i += 1;
                    continue;
                }
                let alias = segs.last().cloned();
                out.push(Use { segs, alias });
                return;
            }
            Some(TokenTree::Punct(p)) if p.as_char() == '*' => {
                out.push(Use { segs, alias: None });
                return;
            }
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                for part in inner.split(|t| is_punct(Some(t), ',')) {
                    if !part.is_empty() {
                        use_tree(part, &segs, out);
                    }
                }
                return;
            }
            _ => return,
        }
    }
}
