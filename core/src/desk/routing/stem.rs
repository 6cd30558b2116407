//! The Indonesian affix stripper: the affix grammar, the readings of a
//! word, and the choice among them with a lexicon (see the
//! [module docs](super#normalisation-of-indonesian-words)).

use std::cmp::Reverse;

use super::lexicon::Lexicon;
use super::normalize::scan;

/// `w` without the prefix `p`, compared byte by byte (affixes are a few
/// ASCII letters: a loop beats a call to `memcmp`).
#[inline]
fn cut_prefix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (wb, pb) = (w.as_bytes(), p.as_bytes());
    if wb.len() >= pb.len() && wb.iter().zip(pb).all(|(a, b)| a == b) {
        w.get(pb.len()..)
    } else {
        None
    }
}

/// `w` without the suffix `p`, as [`cut_prefix`].
#[inline]
fn cut_suffix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (wb, pb) = (w.as_bytes(), p.as_bytes());
    let n = wb.len().checked_sub(pb.len())?;
    if wb[n..].iter().zip(pb).all(|(a, b)| a == b) {
        w.get(..n)
    } else {
        None
    }
}

/// The derivational suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Deriv {
    None,
    Kan,
    An,
    I,
}

pub(super) const DERIVS: [Deriv; 4] = [Deriv::None, Deriv::Kan, Deriv::An, Deriv::I];

impl Deriv {
    pub(super) fn text(self) -> &'static str {
        match self {
            Deriv::None => "",
            Deriv::Kan => "kan",
            Deriv::An => "an",
            Deriv::I => "i",
        }
    }
}

/// Possessive and particle endings, alone and combined (possessive first),
/// longest first within each length; `""` first.
pub(super) const CLITICS: [&str; 9] = [
    "", "nya", "ku", "mu", "lah", "kah", "pun", "nyalah", "nyakah",
];

/// The clitic ending the hot path splits off a word it does not know: the
/// longest one the word ends with (`CLITICS` without `""`), leaving at
/// least one letter. Returns the length of the rest.
#[inline]
pub(super) fn split_clitic(w: &[u8]) -> Option<usize> {
    let n = w.len();
    let at = |k: usize| if k <= n { w[n - k] } else { 0 };
    let rest = |k: usize| (n > k).then_some(n - k);
    match (at(3), at(2), at(1)) {
        (b'l' | b'k', b'a', b'h') => {
            if n > 6 && at(6) == b'n' && at(5) == b'y' && at(4) == b'a' {
                Some(n - 6)
            } else {
                rest(3)
            }
        }
        (b'n', b'y', b'a') | (b'p', b'u', b'n') => rest(3),
        (_, b'k' | b'm', b'u') => rest(2),
        _ => None,
    }
}

/// The prefix a derivational suffix is combined with, for the forbidden
/// confixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outer {
    MeN,
    PeN,
    Di,
    Ke,
    Se,
    Ber,
    Ter,
    Per,
    Pe,
}

/// A prefix, or a chain of two, as one unit of the affix grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Item {
    MeN,
    PeN,
    Di,
    Ke,
    Se,
    Ber,
    Ter,
    Per,
    Pe,
    Be,
    Memper,
    Diper,
    Member,
    Diber,
    Pember,
    Keber,
    Keter,
    Kese,
    Berke,
    Dike,
    Menge,
    Penge,
}

pub(super) const ITEMS: [Item; 22] = [
    Item::MeN,
    Item::PeN,
    Item::Di,
    Item::Ke,
    Item::Se,
    Item::Ber,
    Item::Ter,
    Item::Per,
    Item::Pe,
    Item::Be,
    Item::Memper,
    Item::Diper,
    Item::Member,
    Item::Diber,
    Item::Pember,
    Item::Keber,
    Item::Keter,
    Item::Kese,
    Item::Berke,
    Item::Dike,
    Item::Menge,
    Item::Penge,
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn vowel_count(w: &[u8]) -> usize {
    w.iter().filter(|&&b| is_vowel(b)).count()
}

/// Whether `w` has exactly one vowel (stops at the second).
#[inline]
fn one_vowel(w: &[u8]) -> bool {
    let mut it = w.iter().filter(|&&b| is_vowel(b));
    it.next().is_some() && it.next().is_none()
}

impl Item {
    fn size(self) -> u8 {
        match self {
            Item::MeN
            | Item::PeN
            | Item::Di
            | Item::Ke
            | Item::Se
            | Item::Ber
            | Item::Ter
            | Item::Per
            | Item::Pe
            | Item::Be => 1,
            _ => 2,
        }
    }

    fn outer(self) -> Outer {
        match self {
            Item::MeN | Item::Memper | Item::Member | Item::Menge => Outer::MeN,
            Item::PeN | Item::Pember | Item::Penge => Outer::PeN,
            Item::Di | Item::Diper | Item::Diber | Item::Dike => Outer::Di,
            Item::Ke | Item::Keber | Item::Keter | Item::Kese => Outer::Ke,
            Item::Se => Outer::Se,
            Item::Ber | Item::Be | Item::Berke => Outer::Ber,
            Item::Ter => Outer::Ter,
            Item::Per => Outer::Per,
            Item::Pe => Outer::Pe,
        }
    }

    /// Whether Indonesian combines this prefix with the suffix.
    pub(super) fn allows(self, d: Deriv) -> bool {
        !matches!(
            (self.outer(), d),
            (Outer::Ber, Deriv::I)
                | (Outer::Di, Deriv::An)
                | (Outer::Ke, Deriv::I)
                | (Outer::Ke, Deriv::Kan)
                | (Outer::MeN, Deriv::An)
                | (Outer::Se, Deriv::I)
                | (Outer::Se, Deriv::Kan)
                | (Outer::Ter, Deriv::An)
        )
    }

    /// Every surface form the prefix can take.
    fn surfaces(self) -> &'static [&'static str] {
        match self {
            Item::MeN => &["menge", "meng", "meny", "mem", "men", "me"],
            Item::PeN => &["penge", "peng", "peny", "pem", "pen", "pe"],
            Item::Di => &["di"],
            Item::Ke => &["ke"],
            Item::Se => &["se"],
            Item::Ber => &["ber", "be"],
            Item::Ter => &["ter", "te"],
            Item::Per => &["per", "pe"],
            Item::Pe => &["pe"],
            Item::Be => &["be"],
            Item::Memper => &["memper"],
            Item::Diper => &["diper"],
            Item::Member => &["member"],
            Item::Diber => &["diber"],
            Item::Pember => &["pember"],
            Item::Keber => &["keber"],
            Item::Keter => &["keter"],
            Item::Kese => &["kese"],
            Item::Berke => &["berke"],
            Item::Dike => &["dike"],
            Item::Menge => &["menge"],
            Item::Penge => &["penge"],
        }
    }

    /// The surface of the prefix before `root` (lower-case ASCII letters)
    /// and how many letters of the root it swallows (nasal assimilation:
    /// *meN- + tanam → menanam*).
    pub(super) fn realize(self, root: &[u8]) -> Option<(&'static str, usize)> {
        let c0 = *root.first()?;
        let c1 = root.get(1).copied().unwrap_or(b'_');
        let nasal = |forms: [&'static str; 6]| -> Option<(&'static str, usize)> {
            // forms: [nge, ng, ny, m, n, bare]
            if !is_vowel(c0) && one_vowel(root) {
                return Some((forms[0], 0));
            }
            Some(match c0 {
                b'a' | b'e' | b'i' | b'o' | b'u' => (forms[1], 0),
                b'k' if is_vowel(c1) => (forms[1], 1),
                b'k' | b'g' | b'h' | b'q' => (forms[1], 0),
                b'p' if is_vowel(c1) => (forms[3], 1),
                b'p' | b'b' | b'f' | b'v' => (forms[3], 0),
                b't' if is_vowel(c1) => (forms[4], 1),
                b's' if is_vowel(c1) => (forms[2], 1),
                b't' | b's' | b'c' | b'd' | b'j' | b'z' => (forms[4], 0),
                b'l' | b'm' | b'n' | b'r' | b'w' | b'y' => (forms[5], 0),
                _ => return None,
            })
        };
        let er_syllable = root.len() >= 3 && !is_vowel(c0) && c1 == b'e' && root[2] == b'r';
        match self {
            Item::MeN => nasal(["menge", "meng", "meny", "mem", "men", "me"]),
            Item::PeN => nasal(["penge", "peng", "peny", "pem", "pen", "pe"]),
            Item::Di => Some(("di", 0)),
            Item::Ke => Some(("ke", 0)),
            Item::Se => Some(("se", 0)),
            Item::Ber if c0 == b'r' => Some(("be", 0)),
            Item::Ber => Some(("ber", 0)),
            Item::Ter if c0 == b'r' => Some(("te", 0)),
            Item::Ter => Some(("ter", 0)),
            Item::Per if c0 == b'r' => Some(("pe", 0)),
            Item::Per => Some(("per", 0)),
            Item::Pe if !is_vowel(c0) && c0 != b'r' => Some(("pe", 0)),
            Item::Be if er_syllable && c0 != b'r' => Some(("be", 0)),
            Item::Pe | Item::Be => None,
            other => Some((other.surfaces()[0], 0)),
        }
    }
}

/// One way of reading a word as prefix + root + suffix + clitic, borrowing
/// the word: the root is `restored` (a consonant the nasal swallowed)
/// followed by `tail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading<'w> {
    item: Option<Item>,
    deriv: Deriv,
    clitic: usize,
    restored: Option<char>,
    tail: &'w str,
}

impl Reading<'_> {
    /// The preference order among readings whose root is in the lexicon
    /// (the root itself breaks the remaining ties).
    fn key(&self) -> (u8, usize, bool, Option<Item>) {
        (
            self.item.map_or(0, Item::size),
            self.deriv.text().len() + CLITICS[self.clitic].len(),
            self.restored.is_some(),
            self.item,
        )
    }

    fn root_into(&self, buf: &mut String) {
        buf.clear();
        if let Some(c) = self.restored {
            buf.push(c);
        }
        buf.push_str(self.tail);
    }

    fn analysis(&self) -> Analysis {
        let mut root = String::new();
        self.root_into(&mut root);
        Analysis {
            item: self.item,
            root,
            deriv: self.deriv,
            clitic: self.clitic,
            restored: self.restored.is_some(),
        }
    }
}

/// A reading with its root spelled out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Analysis {
    item: Option<Item>,
    root: String,
    deriv: Deriv,
    clitic: usize,
    restored: bool,
}

impl Analysis {
    fn key(&self) -> (u8, usize, bool, Option<Item>, &str) {
        (
            self.item.map_or(0, Item::size),
            self.deriv.text().len() + CLITICS[self.clitic].len(),
            self.restored,
            self.item,
            &self.root,
        )
    }

    fn affixes(&self) -> u8 {
        self.item.map_or(0, Item::size)
            + u8::from(self.deriv != Deriv::None)
            + match self.clitic {
                0 => 0,
                7 | 8 => 2,
                _ => 1,
            }
    }
}

/// The preference key of a reading (the root breaks the remaining ties).
pub(super) type Key = (u8, usize, bool, Option<Item>);

/// Calls `f` with every reading of `w` (lower-case ASCII letters) the
/// affix grammar allows, except the trivial one; roots have at least two
/// letters.
fn readings<'w>(w: &'w str, mut f: impl FnMut(Reading<'w>)) {
    for (ci, c) in CLITICS.iter().enumerate() {
        if let Some(rest) = cut_suffix(w, c) {
            readings_before_clitic(rest, ci, &mut f);
        }
    }
}

/// The readings of `rest` + clitic `ci` (not the trivial one).
fn readings_before_clitic<'w>(rest: &'w str, ci: usize, f: &mut impl FnMut(Reading<'w>)) {
    let mut root = [0u8; 64];
    for d in DERIVS {
        let Some(body) = cut_suffix(rest, d.text()) else {
            continue;
        };
        if body.len() < 2 {
            continue;
        }
        let reading = |item, restored, tail| Reading {
            item,
            deriv: d,
            clitic: ci,
            restored,
            tail,
        };
        if ci != 0 || d != Deriv::None {
            f(reading(None, None, body));
        }
        let first = body.as_bytes()[0];
        if !matches!(first, b'm' | b'p' | b'd' | b'k' | b's' | b'b' | b't') {
            continue;
        }
        for item in ITEMS {
            if item.surfaces()[0].as_bytes()[0] != first || !item.allows(d) {
                continue;
            }
            for p in item.surfaces() {
                let Some(tail) = cut_prefix(body, p) else {
                    continue;
                };
                if tail.len() >= 2 && item.realize(tail.as_bytes()) == Some((p, 0)) {
                    f(reading(Some(item), None, tail));
                }
                // Only the nasal prefixes swallow a consonant, one each.
                let swallowed = match (item, *p) {
                    (Item::MeN, "meng") | (Item::PeN, "peng") => b'k',
                    (Item::MeN, "mem") | (Item::PeN, "pem") => b'p',
                    (Item::MeN, "men") | (Item::PeN, "pen") => b't',
                    (Item::MeN, "meny") | (Item::PeN, "peny") => b's',
                    _ => continue,
                };
                if !tail.is_empty() && tail.len() < root.len() {
                    root[0] = swallowed;
                    root[1..=tail.len()].copy_from_slice(tail.as_bytes());
                    if item.realize(&root[..=tail.len()]) == Some((p, 1)) {
                        f(reading(Some(item), Some(char::from(swallowed)), tail));
                    }
                }
            }
        }
    }
}

/// Every reading of `w`, best first.
fn analyses(w: &str) -> Vec<Analysis> {
    let mut out = Vec::new();
    readings(w, |r| out.push(r.analysis()));
    out.sort_by(|a, b| a.key().cmp(&b.key()));
    out.dedup();
    out
}

/// The best reading of `rest` without a clitic whose root is in the
/// lexicon (the whole of `rest` counts), as (key, root).
pub(super) fn best_before_clitic(rest: &str, lexicon: &Lexicon) -> Option<(Key, String)> {
    let mut best: Option<(Key, String)> = None;
    if rest.len() >= 2 && lexicon.contains(rest) {
        return Some(((0, 0, false, None), rest.to_owned()));
    }
    let mut buf = String::new();
    readings_before_clitic(rest, 0, &mut |r: Reading<'_>| {
        let key = r.key();
        if best.as_ref().is_some_and(|(k, _)| *k < key) {
            return;
        }
        // Most readings borrow their root whole; only a restored nasal
        // consonant needs a copy before the lookup.
        let hit = match r.restored {
            None => lexicon.contains(r.tail),
            Some(_) => {
                r.root_into(&mut buf);
                lexicon.contains(&buf)
            }
        };
        if !hit {
            return;
        }
        r.root_into(&mut buf);
        if best
            .as_ref()
            .is_none_or(|(k, root)| (*k, root.as_str()) > (key, buf.as_str()))
        {
            best = Some((key, buf.clone()));
        }
    });
    best
}

/// The first root of `w` (not itself in the lexicon) in the lexicon, in
/// the preference order; `best` gives the best reading before a clitic.
pub(super) fn known_root<R: AsRef<str>>(
    w: &str,
    mut best: impl FnMut(&str) -> Option<(Key, R)>,
) -> Option<R> {
    let mut found: Option<(Key, R)> = None;
    for c in CLITICS {
        let Some(rest) = cut_suffix(w, c) else {
            continue;
        };
        if c.is_empty() {
            // The trivial reading was ruled out by the caller.
        } else if rest.len() < 2 {
            continue;
        }
        if let Some(((size, suffix, restored, item), root)) = best(rest) {
            if c.is_empty() && size == 0 && suffix == 0 {
                continue;
            }
            let key = (size, suffix + c.len(), restored, item);
            if found
                .as_ref()
                .is_none_or(|(k, r)| (*k, r.as_ref()) > (key, root.as_ref()))
            {
                found = Some((key, root));
            }
        }
    }
    found.map(|(_, root)| root)
}

/// Endings of loanwords (*verifikasi*, *digitalisasi*, *teknologi*): a word
/// the lexicon cannot analyse that ends so is left whole.
const LOAN_ENDINGS: [&str; 6] = ["si", "isme", "itas", "logi", "tik", "grafi"];

/// Whether a root found without the lexicon is plausible.
fn plausible(a: &Analysis) -> bool {
    let r = a.root.as_bytes();
    if r.len() < 3 || vowel_count(r) == 0 {
        return false;
    }
    let onset_ok = is_vowel(r[0])
        || is_vowel(r[1])
        || matches!(
            &r[..2],
            b"bl"
                | b"br"
                | b"dr"
                | b"fl"
                | b"fr"
                | b"gl"
                | b"gr"
                | b"kl"
                | b"kr"
                | b"pl"
                | b"pr"
                | b"sk"
                | b"sl"
                | b"sp"
                | b"st"
                | b"tr"
                | b"ng"
                | b"ny"
                | b"sy"
                | b"kh"
        );
    if !onset_ok {
        return false;
    }
    let suffixed = a.deriv != Deriv::None;
    if a.deriv == Deriv::I {
        // Without the lexicon -i is too often part of the root (tani, beli).
        return false;
    }
    match a.item {
        // A lone suffix must leave four letters.
        None => r.len() >= 4,
        // A lone prefix, or a literal pe-/be- without a suffix: keep four.
        Some(Item::Pe | Item::Be) if !suffixed => false,
        Some(_) if !suffixed => r.len() >= 4,
        Some(_) => true,
    }
}

/// Every inflected form (without clitics) of a stem the grammar allows.
pub(super) fn forms(stem: &str) -> Vec<String> {
    if !stem.bytes().all(|b| b.is_ascii_lowercase()) {
        return vec![stem.to_owned()];
    }
    let mut out: Vec<String> = DERIVS
        .iter()
        .map(|d| format!("{stem}{}", d.text()))
        .collect();
    for item in ITEMS {
        if let Some((p, skip)) = item.realize(stem.as_bytes()) {
            for d in DERIVS.into_iter().filter(|&d| item.allows(d)) {
                out.push(format!("{p}{}{}", &stem[skip..], d.text()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The stem of one folded word, with a lexicon.
pub(super) fn stem_with(w: &str, lexicon: &Lexicon) -> String {
    if let Some(known) = stem_known(w, lexicon) {
        return known;
    }
    // No reading with a known root: the most stripped plausible reading;
    // among equals, the nasal rule's usual reading (mem-/men-/meny- + vowel
    // dropped p/t/s; meng- + vowel begins with the vowel), then the shorter
    // root (peng- + olah, not pe- + ngolah), then the order.
    let usual = |a: &Analysis| !a.restored || !a.root.starts_with('k');
    if LOAN_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return w.to_owned();
    }
    analyses(w)
        .iter()
        .filter(|a| plausible(a))
        .max_by(|a, b| {
            (a.affixes(), usual(a), a.restored, Reverse(a.root.len()))
                .cmp(&(b.affixes(), usual(b), b.restored, Reverse(b.root.len())))
                .then(b.key().cmp(&a.key()))
        })
        .map_or_else(|| w.to_owned(), |a| a.root.clone())
}

/// The stem of `w` when it is the word itself (short, not plain letters,
/// or in the lexicon) or a root in the lexicon; `None` when only the
/// rule-based guess is left.
pub(super) fn stem_known(w: &str, lexicon: &Lexicon) -> Option<String> {
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) || lexicon.contains(w) {
        return Some(w.to_owned());
    }
    known_root(w, |rest| best_before_clitic(rest, lexicon))
}

/// The stem of an Indonesian word, with the built-in lexicon (see the
/// [module docs](super#normalisation-of-indonesian-words)). The word is
/// folded first (lower case, no diacritics); words with digits or
/// non-Latin letters, and words of three letters or fewer, are kept whole.
///
/// # Example
/// ```
/// use ptsp::desk::routing::stem;
/// for w in ["izin", "perizinan", "mengizinkan", "diizinkan", "Perizinannya"] {
///     assert_eq!(stem(w), "izin");
/// }
/// assert_eq!(stem("pemeriksaan"), "periksa");
/// assert_eq!(stem("memohon"), "mohon");
/// assert_eq!(stem("berikan"), "beri"); // not ber- + ikan
/// assert_eq!(stem("masalah"), "masalah"); // a root, not masa + -lah
/// ```
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    let mut buf = Vec::new();
    let lex = Lexicon::default();
    scan(word, &mut buf, |t, _, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stem_with(
            std::str::from_utf8(t).expect("folded tokens are UTF-8"),
            &lex,
        ));
    });
    out
}

/// [`tokenize`](super::tokenize) then [`stem`] every word, with the built-in lexicon.
///
/// # Example
/// ```
/// assert_eq!(
///     ptsp::desk::routing::normalize("Perpanjangan izin usaha PERIKANAN!"),
///     ["panjang", "izin", "usaha", "ikan"]
/// );
/// ```
pub fn normalize(text: &str) -> Vec<String> {
    normalize_with(text, &Lexicon::default())
}

pub(super) fn normalize_with(text: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    scan(text, &mut buf, |t, _, _| {
        out.push(stem_with(
            std::str::from_utf8(t).expect("folded tokens are UTF-8"),
            lexicon,
        ));
    });
    out
}

#[cfg(test)]
pub(super) mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::desk::routing::lexicon::lexicon_words;

    #[test]
    fn every_generated_form_reads_back_to_its_root() {
        for root in lexicon_words().filter(|w| w.len() >= 3) {
            for item in ITEMS {
                let Some((p, skip)) = item.realize(root.as_bytes()) else {
                    continue;
                };
                for d in DERIVS.into_iter().filter(|&d| item.allows(d)) {
                    for (ci, c) in CLITICS.iter().enumerate() {
                        let w = format!("{p}{}{}{c}", &root[skip..], d.text());
                        let found = analyses(&w).into_iter().any(|a| {
                            a.item == Some(item) && a.root == root && a.deriv == d && a.clitic == ci
                        });
                        assert!(found, "{w}: {item:?} + {root} + {d:?} + {c:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn nasal_assimilation() {
        let cases = [
            ("tanam", "men", 1),
            ("periksa", "mem", 1),
            ("sampai", "meny", 1),
            ("kirim", "meng", 1),
            ("ambil", "meng", 0),
            ("bayar", "mem", 0),
            ("daftar", "men", 0),
            ("layan", "me", 0),
            ("cek", "menge", 0),
            ("proses", "mem", 0),
            ("klaim", "meng", 0),
        ];
        for (root, prefix, skip) in cases {
            assert_eq!(
                Item::MeN.realize(root.as_bytes()),
                Some((prefix, skip)),
                "{root}"
            );
        }
        assert_eq!(Item::PeN.realize(b"tambang"), Some(("pen", 1)));
        assert_eq!(Item::Ber.realize(b"rencana"), Some(("be", 0)));
        assert_eq!(Item::Be.realize(b"kerja"), Some(("be", 0)));
        assert_eq!(Item::Be.realize(b"kapal"), None);
        assert_eq!(Item::Per.realize(b"rumah"), Some(("pe", 0)));
    }

    #[test]
    fn clitic_split() {
        assert_eq!(split_clitic(b"izinnya"), Some(4));
        assert_eq!(split_clitic(b"izinnyalah"), Some(4));
        assert_eq!(split_clitic(b"apakah"), Some(3));
        assert_eq!(split_clitic(b"bukumu"), Some(4));
        assert_eq!(split_clitic(b"nya"), None);
        assert_eq!(split_clitic(b"izin"), None);
    }

    pub(in crate::desk::routing) fn affixed_word() -> impl Strategy<Value = String> {
        let roots: Vec<&'static str> = lexicon_words().collect();
        (
            prop::sample::select(roots),
            prop::sample::select(ITEMS.to_vec()),
            prop::bool::ANY,
            prop::sample::select(DERIVS.to_vec()),
            prop::sample::select(CLITICS.to_vec()),
        )
            .prop_map(|(root, item, prefixed, d, c)| {
                let (p, skip) = if prefixed {
                    item.realize(root.as_bytes()).unwrap_or(("", 0))
                } else {
                    ("", 0)
                };
                format!("{p}{}{}{c}", &root[skip..], d.text())
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn stems_of_known_words_are_fixed_points(w in affixed_word()) {
            let lex = Lexicon::default();
            if let Some(s) = stem_known(&w, &lex) {
                prop_assert_eq!(stem_known(&s, &lex), Some(s.clone()));
            }
        }
    }
}
