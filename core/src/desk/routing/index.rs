//! The compiled matcher: the table of every inflected form of the keyword
//! stems (a word to its stem id in one lookup), and the tree of keyword
//! phrases.

use std::fmt;

use std::collections::HashMap;

use super::lexicon::Lexicon;
use super::router::CKeyword;
use super::stem::{CLITICS, Key, best_before_clitic, forms, known_root, split_clitic};

// Why a hand-rolled hash, table and Bloom filter rather than a crate: the
// same tables on `std::collections::HashMap<Box<[u8]>, _>` with foldhash's
// fixed-seed hasher (commit "Variant, reverted …" on the h-desk branch) were
// measured with `cargo bench -p ptsp --bench routing`, interleaved with this
// code on a loaded two-core machine, best of 7-9 runs each: `suggest_into`
// 1.15 M tickets/s against 1.23 M here (second best 1.12 against 1.17), so
// about 4-7 % slower on the hot path — most ticket words are not keyword
// forms, and two bit tests in the Bloom filter turn them away sooner than a
// probe; building 20,000 rules took 2.15 s against 2.27 s. Rerun the
// comparison before replacing this.

/// A fast hasher for the build-time maps (keys are short words).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0 ^ hash(bytes));
    }
}

pub(crate) type FastBuild = std::hash::BuildHasherDefault<FastHasher>;

/// "No stem" in tables and scratch arrays.
pub(super) const NONE: u32 = u32::MAX;

const BASE: u8 = 1;
const EXACT: u8 = 2;

fn mix(x: u64) -> u64 {
    let m = u128::from(x).wrapping_mul(0xA076_1D64_78BD_642F);
    (m as u64) ^ ((m >> 64) as u64)
}

fn read8(b: &[u8]) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[..8]);
    u64::from_le_bytes(x)
}

fn read4(b: &[u8]) -> u64 {
    let mut x = [0u8; 4];
    x.copy_from_slice(&b[..4]);
    u64::from(u32::from_le_bytes(x))
}

/// A fast hash of byte strings (one folded multiply up to 16 bytes, in the
/// manner of wyhash).
#[inline]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const S0: u64 = 0xA076_1D64_78BD_642F;
    const S1: u64 = 0xE703_7ED1_A0B4_28DB;
    let n = bytes.len();
    let (a, b) = if n >= 8 {
        if n <= 16 {
            (read8(bytes), read8(&bytes[n - 8..]))
        } else {
            let mut h = S1;
            let mut chunks = bytes[..n - 8].chunks_exact(8);
            for c in &mut chunks {
                h = mix(h ^ read8(c) ^ S0);
            }
            let r = chunks.remainder();
            let mut x = [0u8; 8];
            x[..r.len()].copy_from_slice(r);
            (h ^ u64::from_le_bytes(x), read8(&bytes[n - 8..]))
        }
    } else if n >= 4 {
        (read4(bytes), read4(&bytes[n - 4..]))
    } else if n > 0 {
        (
            u64::from(bytes[0]) << 16 | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]),
            0,
        )
    } else {
        (0, 0)
    };
    let m = u128::from(a ^ S0).wrapping_mul(u128::from(b ^ S1 ^ n as u64));
    (m as u64) ^ ((m >> 64) as u64)
}

/// `a == b` for slices of equal length, without a call for short ones.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    match n {
        8..=16 => read8(a) == read8(b) && read8(&a[n - 8..]) == read8(&b[n - 8..]),
        4..=7 => read4(a) == read4(b) && read4(&a[n - 4..]) == read4(&b[n - 4..]),
        _ => a == b,
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    off: u32,
    len: u32,
    kind: u8,
    value: u32,
}

/// Bits of the Bloom filter in front of the table: at least 2^17 (16 KiB,
/// stays in L1), and 4 per slot of a larger table (so about 6 per form),
/// up to 2^24.
const BLOOM_BITS: usize = 1 << 17;
const BLOOM_BITS_MAX: usize = 1 << 24;

/// An open-addressing table from folded word forms to stem ids, with a
/// Bloom filter in front: most words of a ticket are not keyword forms and
/// are turned away by two bit tests.
///
/// `BASE` entries are inflected forms without clitics; `EXACT` entries are
/// the forms with clitics whose stem differs from what splitting the clitic
/// off would give (their value may be `NONE`). [`FormTable::resolve`] is
/// the one lookup rule, used at build time and on the hot path alike.
#[derive(Clone, Default)]
pub(super) struct FormTable {
    /// `tag << 32 | entry index`, 0 when empty.
    slots: Vec<u64>,
    pub(super) entries: Vec<Entry>,
    arena: Vec<u8>,
    bloom: Vec<u64>,
    /// Bits of `bloom` less one.
    bloom_mask: usize,
    /// Shortest and longest key: other words need no hashing.
    min_len: usize,
    max_len: usize,
}

impl fmt::Debug for FormTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FormTable({} forms)", self.entries.len())
    }
}

fn tag(h: u64) -> u64 {
    (h >> 32) | 1
}

/// The two bits of a hash in a Bloom filter of `mask + 1` bits (at most
/// 2^24: bits 15–38 and 40–63 of the hash).
#[inline]
fn bloom_bits(h: u64, mask: usize) -> (usize, usize) {
    ((h >> 15) as usize & mask, (h >> 40) as usize & mask)
}

impl FormTable {
    #[inline]
    fn find(&self, key: &[u8], h: u64) -> Option<&Entry> {
        if self.slots.is_empty() {
            return None;
        }
        let (b1, b2) = bloom_bits(h, self.bloom_mask);
        if self.bloom[b1 / 64] & (1 << (b1 % 64)) == 0
            || self.bloom[b2 / 64] & (1 << (b2 % 64)) == 0
        {
            return None;
        }
        let mask = self.slots.len() - 1;
        let t = tag(h);
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if s >> 32 == t {
                let e = &self.entries[(s & 0xFFFF_FFFF) as usize];
                if e.len as usize == key.len()
                    && same_bytes(&self.arena[e.off as usize..(e.off + e.len) as usize], key)
                {
                    return Some(e);
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn mark(&mut self, h: u64) {
        let (b1, b2) = bloom_bits(h, self.bloom_mask);
        self.bloom[b1 / 64] |= 1 << (b1 % 64);
        self.bloom[b2 / 64] |= 1 << (b2 % 64);
    }

    fn place(&mut self, h: u64, index: u32) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = tag(h) << 32 | u64::from(index);
    }

    /// Inserts a key that is not in the table.
    fn insert(&mut self, key: &[u8], value: u32, kind: u8) {
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_BITS / 64];
            self.bloom_mask = BLOOM_BITS - 1;
            self.min_len = usize::MAX;
        }
        self.min_len = self.min_len.min(key.len());
        self.max_len = self.max_len.max(key.len());
        if (self.entries.len() + 1) * 3 > self.slots.len() * 2 {
            self.slots = vec![0; (self.slots.len() * 2).max(64)];
            let bits = (self.slots.len() * 4).clamp(BLOOM_BITS, BLOOM_BITS_MAX);
            if bits > self.bloom.len() * 64 {
                self.bloom = vec![0; bits / 64];
                self.bloom_mask = bits - 1;
            }
            for i in 0..self.entries.len() {
                let e = self.entries[i];
                let h = hash(&self.arena[e.off as usize..(e.off + e.len) as usize]);
                self.place(h, i as u32);
                self.mark(h);
            }
        }
        let h = hash(key);
        self.mark(h);
        let index = u32::try_from(self.entries.len()).expect("fewer than 4 billion forms");
        self.entries.push(Entry {
            off: u32::try_from(self.arena.len()).expect("form table under 4 GiB"),
            len: key.len() as u32,
            kind,
            value,
        });
        self.arena.extend_from_slice(key);
        self.place(h, index);
    }

    /// Whether the table holds `key`.
    #[inline]
    pub(super) fn contains(&self, key: &[u8]) -> bool {
        key.len() >= self.min_len
            && key.len() <= self.max_len
            && self.find(key, hash(key)).is_some()
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
            && let Some(e) = self.find(w, hash(w))
        {
            return (e.value != NONE).then_some(e.value);
        }
        let n = split_clitic(w)?;
        let base = &w[..n];
        self.find(base, hash(base))
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
        assert_eq!(hash(b"abc"), hash(b"abc"));
        assert_ne!(hash(b"abcdefghijklmnopq"), hash(b"abcdefghijklmnopr"));
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
