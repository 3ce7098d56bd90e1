//! The one-way layers of `docs/architecture.md`, enforced: every `use` and every `crate::…` path
//! in `src/**/*.rs` must point at a layer its own layer may use. The rules are read from the
//! table in the doc itself, so the doc and the check cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layer → layers (or stages) it may use; `*` means any.
type Rules = BTreeMap<String, BTreeSet<String>>;

/// Reads the "may use" tables of the architecture doc: rows `| name | a, b, c |`, where the
/// first column is a layer (`model`) or an extract stage (`extract::places`).
fn rules_from_doc(doc: &str) -> Rules {
    let mut rules = Rules::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if cells.len() < 2 || !line.trim_start().starts_with('|') {
            continue;
        }
        let name = cells[0].trim_matches('`');
        if name.is_empty()
            || name.starts_with('-')
            || name.eq_ignore_ascii_case("layer")
            || name.eq_ignore_ascii_case("stage")
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == ':')
        {
            continue;
        }
        let uses: BTreeSet<String> = cells[1]
            .split(',')
            .map(|u| u.trim().trim_matches('`').to_owned())
            .filter(|u| !u.is_empty() && u != "—" && u != "-" && u != "nothing")
            .collect();
        rules.insert(name.to_owned(), uses);
    }
    rules
}

/// The module path of a source file: `src/extract/parties/people.rs` → `extract::parties::people`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.first().map(String::as_str) == Some("src") {
        parts.remove(0);
    }
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs").to_owned();
    if stem != "mod" && stem != "lib" {
        parts.push(stem);
    }
    parts
}

/// Source with comments and string/char literals blanked out (so paths in docs and messages
/// are not imports).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if b[i] == b'"' || (b[i] == b'r' && matches!(b.get(i + 1), Some(b'"' | b'#'))) {
            // String literal (raw or plain): skip to its end.
            let raw = b[i] == b'r';
            let mut hashes = 0;
            if raw {
                i += 1;
                while b.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
            }
            i += 1;
            while i < b.len() {
                if !raw && b[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if b[i] == b'"' && (0..hashes).all(|k| b.get(i + 1 + k) == Some(&b'#')) {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            let c = src[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Every path the code names through `crate::`, `super::`, `self::` or `newsmap::` (the
/// binary's name for the library), with `use` trees expanded (`use a::{b, c::d}` gives `a::b`
/// and `a::c::d`), each with the inline modules (`mod tests { … }`) it stands in.
fn referenced_paths(code: &str) -> Vec<(String, Vec<String>)> {
    let inline = inline_modules(code);
    let within = |at: usize| -> Vec<String> {
        inline
            .iter()
            .filter(|(s, e, _)| *s <= at && at < *e)
            .map(|(_, _, n)| n.clone())
            .collect()
    };
    let mut out = Vec::new();
    // `use` trees.
    let mut from = 0;
    while let Some(rel) = find_keyword(&code[from..], "use") {
        let at = from + rel;
        let after = &code[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        let mut paths = Vec::new();
        expand_use_tree(after[..end].trim(), "", &mut paths);
        let mods = within(at);
        out.extend(paths.into_iter().map(|p| (p, mods.clone())));
        from = at + 3 + end;
    }
    // Inline paths.
    for root in ["crate::", "super::", "newsmap::"] {
        let mut from = 0;
        while let Some(pos) = code[from..].find(root) {
            let start = from + pos;
            let boundary = start == 0
                || !code[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let len = code[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - start);
            if boundary {
                out.push((
                    code[start..start + len].trim_end_matches(':').to_owned(),
                    within(start),
                ));
            }
            from = start + len.max(1);
        }
    }
    out
}

/// Inline modules: (start, end, name) of every `mod name { … }` block.
fn inline_modules(code: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = find_keyword(&code[from..], "mod") {
        let at = from + rel;
        let rest = &code[at + 3..];
        let name_len = rest
            .trim_start()
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(0);
        let lead = rest.len() - rest.trim_start().len();
        let name = rest[lead..lead + name_len].to_owned();
        let after = rest[lead + name_len..].trim_start();
        if !name.is_empty() && after.starts_with('{') {
            let open = at + 3 + (rest.len() - after.len());
            let mut depth = 0;
            let mut end = code.len();
            for (i, c) in code[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            out.push((open, end, name));
        }
        from = at + 3;
    }
    out
}

fn find_keyword(s: &str, kw: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = s[from..].find(kw) {
        let at = from + pos;
        let before_ok = at == 0
            || !s[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after_ok = s[at + kw.len()..]
            .chars()
            .next()
            .is_some_and(char::is_whitespace);
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + kw.len();
    }
    None
}

fn expand_use_tree(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let close = tree.rfind('}').unwrap_or(tree.len());
        let inner = &tree[open + 1..close];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use_tree(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand_use_tree(&inner[start..], &base, out);
    } else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        if !path.is_empty() {
            out.push(join(prefix, path));
        }
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}::{path}"),
    }
}

/// The crate-absolute module path a referenced path points into (`None`: another crate).
fn resolve(path: &str, module: &[String], is_binary: bool) -> Option<Vec<String>> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<String> = match parts.first().copied()? {
        "crate" => {
            parts.remove(0);
            Vec::new()
        }
        "newsmap" if is_binary => {
            parts.remove(0);
            Vec::new()
        }
        "self" => {
            parts.remove(0);
            module.to_vec()
        }
        "super" => module.to_vec(),
        _ => return None,
    };
    while parts.first() == Some(&"super") {
        parts.remove(0);
        base.pop();
    }
    base.extend(parts.iter().map(|s| s.to_string()));
    Some(base)
}

/// A use of a layer the rules do not allow.
#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    import: String,
    rule: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: `{}` — {}", self.file, self.import, self.rule)
    }
}

/// The rule name of a module path: an extract stage (`extract::places`) when the rules have
/// stages for that layer, else the layer.
fn unit_of(module: &[String], rules: &Rules) -> Option<String> {
    let layer = module.first()?;
    if let Some(stage) = module.get(1) {
        let name = format!("{layer}::{stage}");
        if rules.contains_key(&name) {
            return Some(name);
        }
    }
    Some(layer.clone())
}

/// Checks every file against the rules.
fn check(files: &[(String, String)], rules: &Rules) -> Vec<Violation> {
    let mut out = Vec::new();
    for (rel, src) in files {
        let module = module_of(Path::new(rel));
        let is_binary = rel.ends_with("src/main.rs") || rel == "main.rs";
        let from = if is_binary {
            "main".to_owned()
        } else {
            match unit_of(&module, rules) {
                Some(u) => u,
                None => continue, // lib.rs: the crate root declares the layers
            }
        };
        let Some(allowed) = rules.get(&from) else {
            out.push(Violation {
                file: rel.clone(),
                import: String::new(),
                rule: format!(
                    "`{from}` is not in docs/architecture.md's table of layers; add it there"
                ),
            });
            continue;
        };
        let distinct: BTreeSet<(String, Vec<String>)> =
            referenced_paths(&code_only(src)).into_iter().collect();
        for (path, inline) in distinct {
            let here: Vec<String> = module.iter().cloned().chain(inline).collect();
            let Some(target) = resolve(&path, &here, is_binary) else {
                continue;
            };
            let Some(to) = unit_of(&target, rules) else {
                continue;
            };
            let from_layer = from.split("::").next().unwrap_or(&from).to_owned();
            let to_layer = to.split("::").next().unwrap_or(&to).to_owned();
            if to == from {
                continue;
            }
            let ok = if from_layer != to_layer {
                // Across layers the layer's row decides, for its stages too.
                rules
                    .get(&from_layer)
                    .is_some_and(|a| a.contains("*") || a.contains(&to_layer))
            } else if !from.contains("::") {
                // A layer without stages is free inside, and a staged layer's own module (the
                // pipeline) runs its stages.
                true
            } else {
                allowed.contains(&to)
            };
            if !ok {
                let row = if from_layer != to_layer {
                    rules.get(&from_layer).cloned().unwrap_or_default()
                } else {
                    allowed.clone()
                };
                let who = if from_layer != to_layer {
                    &from_layer
                } else {
                    &from
                };
                let list: Vec<&str> = row.iter().map(String::as_str).collect();
                let may = if list.is_empty() {
                    "may use nothing of this crate".to_owned()
                } else {
                    format!("may use only {}", list.join(", "))
                };
                out.push(Violation {
                    file: rel.clone(),
                    import: path.clone(),
                    rule: format!("`{who}` {may} (docs/architecture.md), not `{to}`"),
                });
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let p = entry.expect("directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_import_follows_the_documented_direction() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/architecture.md"))
        .expect("docs/architecture.md exists");
    let rules = rules_from_doc(&doc);
    assert!(
        rules.contains_key("model") && rules.contains_key("ui") && rules.contains_key("main"),
        "docs/architecture.md must have the table of layers: {rules:?}"
    );
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    assert!(files.len() > 30, "read the whole tree");
    let violations = check(&files, &rules);
    assert!(
        violations.is_empty(),
        "imports against docs/architecture.md:\n{}",
        violations
            .iter()
            .map(|v| format!("  {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[cfg(test)]
mod checker {
    use super::*;

    const DOC: &str = "\
| layer | may use |
| --- | --- |
| `model` | — |
| `index` | `model` |
| `library` | `model`, `index` |
| `extract` | `model` |
| `extract::sentences` | — |
| `extract::parties` | `extract::sentences` |
| `main` | * |
";

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_back_edge_fails_with_file_import_and_rule() {
        let rules = rules_from_doc(DOC);
        let v = check(
            &files(&[("src/index/filter.rs", "use crate::library::Library;\n")]),
            &rules,
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].to_string(),
            "src/index/filter.rs: `crate::library::Library` — `index` may use only model \
             (docs/architecture.md), not `library`"
        );
        // The forward edge is fine, and so are comments, strings and other crates.
        let ok = check(
            &files(&[(
                "src/library/mod.rs",
                "use crate::index::{EventKey, grid::Cell};\n// crate::ui::x\nfn f() { let s = \"crate::ui\"; std::mem::drop(s); }\n",
            )]),
            &rules,
        );
        assert!(ok.is_empty(), "{ok:?}");
    }

    #[test]
    fn stages_of_a_layer_are_ordered_too() {
        let rules = rules_from_doc(DOC);
        let back = check(
            &files(&[(
                "src/extract/sentences.rs",
                "use super::parties::PartyTable;\n",
            )]),
            &rules,
        );
        assert_eq!(back.len(), 1, "{back:?}");
        assert!(
            back[0]
                .rule
                .contains("`extract::sentences` may use nothing of this crate"),
            "{back:?}"
        );
        let nested = check(
            &files(&[(
                "src/extract/parties/people.rs",
                "use super::super::sentences::Doc;\nuse super::PartyTable;\n",
            )]),
            &rules,
        );
        assert!(nested.is_empty(), "{nested:?}");
        let up = check(
            &files(&[(
                "src/extract/parties/people.rs",
                "fn f() { crate::library::Library::default(); }",
            )]),
            &rules,
        );
        assert_eq!(up.len(), 1, "{up:?}");
    }

    #[test]
    fn use_trees_expand() {
        let mut out = Vec::new();
        expand_use_tree("crate::{a::{b, c as d}, e}", "", &mut out);
        assert_eq!(out, ["crate::a::b", "crate::a::c", "crate::e"]);
    }
}
