//! The lexicon of known roots the stemmer checks candidate roots against:
//! the built-in list (`core/data/routing-lexicon-id.json`), optionally
//! extended with a rule set's own keyword stems.

use std::sync::OnceLock;

use serde::Deserialize;

use super::RoutingRule;
use super::index::FormTable;
use super::normalize::scan;
use super::stem::stem_known;
use super::validate::keywords_within_limits;

/// Common roots of public-service Indonesian
/// (`core/data/routing-lexicon-id.json`, where the list says where it comes
/// from). A word listed here is never stripped, and a split of a longer word
/// whose root is listed wins over the rule-based guess. Words that look
/// affixed but are roots (*masalah*, *sekolah*, *kepala*, *berita*,
/// *tentang*) are listed so they stay whole.
const LEXICON_JSON: &str = include_str!("../../../data/routing-lexicon-id.json");

/// The lexicon file: words grouped by topic (the other fields document it).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct LexiconFile<'a> {
    #[serde(borrow)]
    groups: Vec<TopicWords<'a>>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct TopicWords<'a> {
    #[serde(borrow)]
    words: Vec<&'a str>,
}

/// The words of the built-in lexicon, in file order (read once).
pub(super) fn lexicon_words() -> impl Iterator<Item = &'static str> {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let file: LexiconFile<'static> =
                serde_json::from_str(LEXICON_JSON).expect("built-in lexicon is valid (tested)");
            file.groups.into_iter().flat_map(|g| g.words).collect()
        })
        .iter()
        .copied()
}

fn builtin_lexicon() -> &'static FormTable {
    static TABLE: OnceLock<FormTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FormTable::default();
        for w in lexicon_words() {
            t.insert_new(w.as_bytes());
        }
        t
    })
}

/// The built-in lexicon, optionally extended with a rule set's own stems.
/// Both are [`FormTable`]s: a word costs one hash and, for most words not
/// in it, two bit tests.
#[derive(Debug, Clone, Default)]
pub(super) struct Lexicon {
    /// The built-in words plus the extra ones (`None`: no extra words).
    merged: Option<FormTable>,
}

impl Lexicon {
    #[inline]
    pub(super) fn contains(&self, w: &str) -> bool {
        let table = self.merged.as_ref().unwrap_or_else(|| builtin_lexicon());
        table.contains(w.as_bytes())
    }

    /// The built-in lexicon plus, for every keyword word of `rules`, its
    /// stem — or the word itself when the built-in lexicon cannot analyse
    /// it — so that an office's own vocabulary is recognised.
    pub(super) fn for_rules(rules: &[RoutingRule]) -> Lexicon {
        let base = Lexicon::default();
        let mut merged = builtin_lexicon().clone();
        let mut buf = Vec::new();
        for k in keywords_within_limits(rules) {
            scan(k, &mut buf, |t, _, _| {
                // A word the built-in lexicon cannot analyse is taken as
                // written: the office chose it.
                let w = std::str::from_utf8(t).expect("folded tokens are UTF-8");
                let root = stem_known(w, &base).unwrap_or_else(|| w.to_owned());
                merged.insert_new(root.as_bytes());
            });
        }
        Lexicon {
            merged: Some(merged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_words_are_lower_case_letters() {
        let words: Vec<&str> = lexicon_words().collect();
        assert!(words.len() > 500, "{}", words.len());
        for w in words {
            assert!(
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w:?}"
            );
            assert!(Lexicon::default().contains(w), "{w}");
        }
    }
}
