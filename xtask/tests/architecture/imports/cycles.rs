//! Cycles (Tarjan's strongly connected components) between files and between folders, upward
//! imports against a table of layers, and their description in a failure message.

use super::*;

/// The strongly connected components of more than one node in `edges` (Tarjan's), each sorted,
/// in order.
pub fn cycles(edges: &[(String, String)]) -> Vec<Vec<String>> {
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    for (a, b) in edges {
        nodes.insert(a);
        nodes.insert(b);
    }
    let nodes: Vec<&str> = nodes.into_iter().collect();
    let index_of = |n: &str| nodes.binary_search(&n).expect("a node");
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (a, b) in edges {
        out[index_of(a)].push(index_of(b));
    }
    struct Tarjan<'a> {
        out: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        found: Vec<Vec<usize>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, v: usize) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for k in 0..self.out[v].len() {
                let w = self.out[v][k];
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                    Some(_) => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        out: &out,
        index: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on_stack: vec![false; nodes.len()],
        stack: Vec::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in 0..nodes.len() {
        if t.index[v].is_none() {
            t.visit(v);
        }
    }
    let mut found: Vec<Vec<String>> = t
        .found
        .into_iter()
        .map(|c| {
            let mut names: Vec<String> = c.into_iter().map(|i| nodes[i].to_owned()).collect();
            names.sort();
            names
        })
        .collect();
    found.sort();
    found
}

impl Graph {
    /// Whether `module` is a folder: a module with children.
    pub fn is_folder(&self, module: &str) -> bool {
        let prefix = format!("{}::", module);
        self.modules.keys().any(|m| {
            if module.is_empty() {
                !m.is_empty()
            } else {
                m.starts_with(&prefix)
            }
        })
    }

    /// The cycles between files, each with the edges inside it. A file's use of its own
    /// ancestors (`use super::Departure` in `record/presence.rs`, `use crate::DecodeError`) is
    /// not counted: a child module is a part of its parent, which it sees as its context (Rust
    /// gives it the parent's private items for that reason), while the parent that declares it
    /// uses it as one of its parts. Counting both ways would make a cycle of every parent that
    /// shares a type with the parts it is made of; the parent's use of its children, and every
    /// edge between modules neither of which holds the other, are counted.
    pub fn file_cycles(&self) -> Vec<(Vec<String>, Vec<Edge>)> {
        let counted: Vec<&Edge> = self
            .edges
            .iter()
            .filter(|e| !is_ancestor(&e.to, &e.from))
            .collect();
        let pairs: Vec<(String, String)> = counted
            .iter()
            .map(|e| (e.from.clone(), e.to.clone()))
            .collect();
        cycles(&pairs)
            .into_iter()
            .map(|c| {
                let inside = counted
                    .iter()
                    .filter(|e| c.contains(&e.from) && c.contains(&e.to))
                    .map(|e| (*e).clone())
                    .collect();
                (c, inside)
            })
            .collect()
    }

    /// The edges between sibling modules (the two children of the modules' common parent
    /// that hold each end), for every file edge whose ends part under a common parent.
    pub fn sibling_edges(&self) -> Vec<(String, String, Edge)> {
        let mut out = Vec::new();
        for e in &self.edges {
            let a: Vec<&str> = e.from.split("::").filter(|s| !s.is_empty()).collect();
            let b: Vec<&str> = e.to.split("::").filter(|s| !s.is_empty()).collect();
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            if common < a.len() && common < b.len() {
                out.push((a[..=common].join("::"), b[..=common].join("::"), e.clone()));
            }
        }
        out
    }

    /// The cycles between folders: among the children of one module, cycles that take in at
    /// least one folder (cycles of files alone are [`Graph::file_cycles`]).
    pub fn folder_cycles(&self) -> Vec<(Vec<String>, Vec<Edge>)> {
        let siblings = self.sibling_edges();
        let pairs: Vec<(String, String)> = siblings
            .iter()
            .map(|(a, b, _)| (a.clone(), b.clone()))
            .collect();
        let found: Vec<Vec<String>> = cycles(&pairs)
            .into_iter()
            .filter(|c| c.iter().any(|m| self.is_folder(m)))
            .collect();
        found
            .into_iter()
            .map(|c| {
                let inside: Vec<Edge> = siblings
                    .iter()
                    .filter(|(a, b, _)| c.contains(a) && c.contains(b))
                    .map(|(a, b, e)| Edge {
                        from: a.clone(),
                        to: b.clone(),
                        at: format!("{} -> {} at {}", show(&e.from), show(&e.to), e.at),
                    })
                    .collect();
                (c, inside)
            })
            .collect()
    }

    /// The imports from a lower layer to a higher one: `layers` lists top-level modules from
    /// the lowest layer up. Also fails on a top-level module the table does not place.
    pub fn upward_imports(&self, layers: &[&[&str]]) -> Result<Vec<Edge>, String> {
        let layer_of = |m: &str| {
            let top = m.split("::").next().unwrap_or("");
            layers.iter().position(|l| l.contains(&top))
        };
        for m in self.modules.keys() {
            if !m.is_empty() && layer_of(m).is_none() {
                return Err(format!(
                    "the top-level module `{}` is in no layer: add it to the table",
                    m.split("::").next().unwrap_or("")
                ));
            }
        }
        Ok(self
            .edges
            .iter()
            .filter(|e| match (layer_of(&e.from), layer_of(&e.to)) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            })
            .cloned()
            .collect())
    }
}

/// A report of cycles, one per line with its edges, for a failure message.
pub fn describe(found: &[(Vec<String>, Vec<Edge>)]) -> String {
    let mut out = String::new();
    for (nodes, edges) in found {
        let names: Vec<&str> = nodes.iter().map(|n| show(n)).collect();
        out.push_str(&format!("\n  cycle {{{}}}:", names.join(", ")));
        for e in edges {
            out.push_str(&format!(
                "\n    {} -> {} ({})",
                show(&e.from),
                show(&e.to),
                e.at
            ));
        }
    }
    out
}
