//! The compiled matcher: the table of every inflected form of the keyword
//! stems (a word to its stem id in one lookup), and the tree of keyword
//! phrases.

use std::collections::HashMap;
use std::fmt;

use super::lexicon::Lexicon;
use super::router::CKeyword;
use super::stem::{CLITICS, Key, best_before_clitic, forms, known_root, split_clitic};

/// The hasher of every map of the router, at build time and on the hot path
/// (keys are short words and small ids): foldhash's fast hasher with a fixed
/// seed, so building the same rule set twice gives the same tables.
pub(super) type FastBuild = foldhash::fast::FixedState;

/// "No stem" in tables and scratch arrays.
pub(super) const NONE: u32 = u32::MAX;

const BASE: u8 = 1;
const EXACT: u8 = 2;

#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: u8,
    value: u32,
}

/// A table from folded word forms to stem ids.
///
/// `BASE` entries are inflected forms without clitics; `EXACT` entries are
/// the forms with clitics whose stem differs from what splitting the clitic
/// off would give (their value may be `NONE`). [`FormTable::resolve`] is
/// the one lookup rule, used at build time and on the hot path alike.
#[derive(Clone, Default)]
pub(super) struct FormTable {
    forms: HashMap<Box<[u8]>, Entry, FastBuild>,
    /// Shortest and longest key: other words need no hashing.
    min_len: usize,
    max_len: usize,
}

impl fmt::Debug for FormTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FormTable({} forms)", self.forms.len())
    }
}

impl FormTable {
    /// How many forms the table holds.
    pub(super) fn len(&self) -> usize {
        self.forms.len()
    }

    #[inline]
    fn find(&self, key: &[u8]) -> Option<&Entry> {
        self.forms.get(key)
    }

    /// Inserts a key that is not in the table.
    fn insert(&mut self, key: &[u8], value: u32, kind: u8) {
        if self.forms.is_empty() {
            self.min_len = usize::MAX;
        }
        self.min_len = self.min_len.min(key.len());
        self.max_len = self.max_len.max(key.len());
        self.forms.insert(key.into(), Entry { kind, value });
    }

    /// Whether the table holds `key`.
    #[inline]
    pub(super) fn contains(&self, key: &[u8]) -> bool {
        key.len() >= self.min_len && key.len() <= self.max_len && self.find(key).is_some()
    }

    /// Inserts `key` (as a `BASE` entry of value 0) unless the table holds
    /// it: the lexicon's use of the table, as a set.
    pub(super) fn insert_new(&mut self, key: &[u8]) {
        if !self.contains(key) {
            self.insert(key, 0, BASE);
        }
    }

    /// The stem id of a folded word: its own entry, or else the `BASE`
    /// entry of the word without its longest clitic ending.
    #[inline]
    pub(super) fn resolve(&self, w: &[u8]) -> Option<u32> {
        if w.len() < self.min_len {
            return None;
        }
        if w.len() <= self.max_len
            && let Some(e) = self.find(w)
        {
            return (e.value != NONE).then_some(e.value);
        }
        let n = split_clitic(w)?;
        self.find(&w[..n])
            .filter(|e| e.kind == BASE)
            .map(|e| e.value)
    }
}

/// The table for a set of stems: a word maps to a stem exactly when
/// `stem_with(word, lexicon)` is that stem.
pub(super) fn build_table(stems: &HashMap<String, u32, FastBuild>, lexicon: &Lexicon) -> FormTable {
    // The best readings before a clitic of the words of one form and its
    // clitic variants: the variants share most of them (the form itself,
    // and the form + `nya` for `-nyalah` / `-nyakah`).
    let mut memo: Vec<(String, Option<(Key, String)>)> = Vec::new();
    let d = |w: &str, memo: &mut Vec<(String, Option<(Key, String)>)>| -> u32 {
        // A guessed root is never in the lexicon, and every keyword stem is
        // (`stem_known`, with the memo).
        let stem =
            if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) || lexicon.contains(w) {
                Some(w.to_owned())
            } else {
                known_root(w, |rest| {
                    if rest.len() == w.len() {
                        return best_before_clitic(rest, lexicon); // seen once
                    }
                    if let Some((_, found)) = memo.iter().find(|(r, _)| r == rest) {
                        return found.clone();
                    }
                    let found = best_before_clitic(rest, lexicon);
                    memo.push((rest.to_owned(), found.clone()));
                    found
                })
            };
        stem.and_then(|s| stems.get(s.as_str()).copied())
            .unwrap_or(NONE)
    };
    let mut all: Vec<String> = stems.keys().flat_map(|s| forms(s)).collect();
    all.sort();
    all.dedup();
    let mut table = FormTable::default();
    let values: Vec<u32> = all.iter().map(|f| d(f, &mut Vec::new())).collect();
    for (f, &v) in all.iter().zip(&values) {
        if v != NONE {
            table.insert(f.as_bytes(), v, BASE);
        }
    }
    let mut t = String::new();
    for (f, &v) in all.iter().zip(&values) {
        memo.clear();
        for c in CLITICS {
            t.clear();
            t.push_str(f);
            t.push_str(c);
            let want = if c.is_empty() { v } else { d(&t, &mut memo) };
            if table.resolve(t.as_bytes()).unwrap_or(NONE) != want {
                table.insert(t.as_bytes(), want, EXACT);
            }
        }
    }
    table
}

/// The keywords as a tree of phrases: a node per distinct run of stems
/// that starts a keyword, its children the runs one stem longer.
#[derive(Debug, Clone, Default)]
pub(super) struct Phrases {
    /// The node of the one-stem run of each stem (`NONE`: no keyword starts
    /// with it).
    first: Vec<u32>,
    /// The children of node `n`: `(stem, node)` pairs sorted by stem,
    /// `children[child_off[n]..child_off[n + 1]]`.
    child_off: Vec<u32>,
    children: Vec<(u32, u32)>,
    /// The keywords ending at each node: `kws[kw_off[n]..kw_off[n + 1]]`.
    kw_off: Vec<u32>,
    kws: Vec<u32>,
}

impl Phrases {
    pub(super) fn new(n_stems: usize, keywords: &[CKeyword]) -> Phrases {
        let mut first = vec![NONE; n_stems];
        let mut next: HashMap<(u32, u32), u32, FastBuild> = HashMap::default();
        let mut nodes = 0u32;
        let mut end = Vec::with_capacity(keywords.len());
        for k in keywords {
            let mut node = NONE;
            for &stem in &k.stems {
                let slot = if node == NONE {
                    &mut first[stem as usize]
                } else {
                    next.entry((node, stem)).or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = nodes;
                    nodes += 1;
                }
                node = *slot;
            }
            end.push(node);
        }
        let n = nodes as usize;
        let csr = |pairs: &mut Vec<(u32, u32, u32)>| -> (Vec<u32>, Vec<(u32, u32)>) {
            // (node, key, value) sorted: offsets by node, (key, value) lists.
            pairs.sort_unstable();
            let mut off = vec![0u32; n + 1];
            for &(node, _, _) in pairs.iter() {
                off[node as usize + 1] += 1;
            }
            for i in 1..off.len() {
                off[i] += off[i - 1];
            }
            (off, pairs.iter().map(|&(_, k, v)| (k, v)).collect())
        };
        let mut edges: Vec<(u32, u32, u32)> = next
            .into_iter()
            .map(|((a, stem), b)| (a, stem, b))
            .collect();
        let (child_off, children) = csr(&mut edges);
        let mut ends: Vec<(u32, u32, u32)> = end
            .iter()
            .enumerate()
            .map(|(k, &node)| (node, k as u32, 0))
            .collect();
        let (kw_off, kws) = csr(&mut ends);
        Phrases {
            first,
            child_off,
            children,
            kw_off,
            kws: kws.into_iter().map(|(k, _)| k).collect(),
        }
    }

    pub(super) fn nodes(&self) -> usize {
        self.kw_off.len().saturating_sub(1)
    }

    #[inline]
    pub(super) fn first(&self, stem: u32) -> u32 {
        self.first.get(stem as usize).copied().unwrap_or(NONE)
    }

    #[inline]
    pub(super) fn child(&self, node: u32, stem: u32) -> u32 {
        let n = node as usize;
        let list = &self.children[self.child_off[n] as usize..self.child_off[n + 1] as usize];
        let found = if list.len() <= 8 {
            list.iter().find(|&&(s, _)| s == stem)
        } else {
            list.binary_search_by_key(&stem, |&(s, _)| s)
                .ok()
                .map(|i| &list[i])
        };
        found.map_or(NONE, |&(_, child)| child)
    }

    #[inline]
    pub(super) fn keywords(&self, node: u32) -> &[u32] {
        &self.kws[self.kw_off[node as usize] as usize..self.kw_off[node as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
    use crate::desk::routing::Router;
    use crate::desk::routing::stem::stem_with;
    use crate::desk::routing::stem::tests::affixed_word;

    #[test]
    fn form_table_finds_what_it_holds() {
        let mut t = FormTable::default();
        assert_eq!(t.resolve(b"izin"), None);
        for i in 0..5000u32 {
            t.insert(format!("w{i}").as_bytes(), i, BASE);
        }
        t.insert(b"izinlah", NONE, EXACT);
        for i in 0..5000u32 {
            assert_eq!(t.resolve(format!("w{i}").as_bytes()), Some(i));
            // A clitic falls back to the base form...
            assert_eq!(t.resolve(format!("w{i}nya").as_bytes()), Some(i));
        }
        // ...unless an exact entry says otherwise.
        assert_eq!(t.resolve(b"izinlah"), None);
        assert_eq!(t.resolve(b"w5000"), None);
    }

    fn sample() -> &'static Router {
        static R: OnceLock<Router> = OnceLock::new();
        R.get_or_init(Router::sample)
    }

    fn stem_id(router: &Router, w: &str) -> Option<u32> {
        // The definition: the stem (with the router's lexicon), if it is a
        // keyword stem.
        let s = stem_with(w, &router.lexicon);
        router
            .keywords
            .iter()
            .flat_map(|k| k.normalized.split(' ').zip(&k.stems))
            .find(|(stem, _)| *stem == s)
            .map(|(_, &id)| id)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The compiled table answers exactly what the stemmer says, for
        /// affixed forms of every lexicon root and for random letters.
        #[test]
        fn table_is_the_stemmer(w in prop_oneof![affixed_word(), "[a-z]{1,12}"]) {
            let router = sample();
            prop_assert_eq!(router.table.resolve(w.as_bytes()), stem_id(router, &w), "{}", w);
        }

    }
}
