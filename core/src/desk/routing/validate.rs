//! Rule-set validation: every problem at once, each with a path, a code
//! and a message in both languages (see the [module docs](super#validation)).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::error::{Code, Problem, check_len, too_many};

use super::index::FastBuild;
use super::lexicon::Lexicon;
use super::limits;
use super::normalize::{scan, tokenize};
use super::shadow::{Conditions, shadowed};
use super::{RoutingRule, RuleSet, Unit, UnitKind};

const FIELDS: [(&str, &str, &str); 3] = [
    ("service", "service", "jenis layanan"),
    ("sector", "sector", "sektor"),
    ("category", "category", "kategori"),
];

pub(super) fn criteria(r: &RoutingRule) -> [Option<&String>; 3] {
    [r.service.as_ref(), r.sector.as_ref(), r.category.as_ref()]
}

pub(super) fn norm_value(v: &str) -> String {
    v.trim().to_lowercase()
}

/// Whether a keyword is within [`limits::MAX_KEYWORD_CHARS`].
fn keyword_fits(k: &str) -> bool {
    k.len() <= limits::MAX_KEYWORD_CHARS || k.chars().count() <= limits::MAX_KEYWORD_CHARS
}

/// How many keywords the rules have in all, and how many distinct words
/// (folded) those within the per-rule limits hold.
fn keyword_totals(rules: &[RoutingRule]) -> (usize, usize) {
    let total = rules.iter().map(|r| r.keywords.len()).sum();
    let mut words: HashSet<Vec<u8>, FastBuild> = HashSet::default();
    let mut buf = Vec::new();
    for k in rules
        .iter()
        .filter(|r| r.keywords.len() <= limits::MAX_KEYWORDS)
        .flat_map(|r| &r.keywords)
        .filter(|k| keyword_fits(k))
    {
        scan(k, &mut buf, |t, _, _| {
            if !words.contains(t) {
                words.insert(t.to_vec());
            }
        });
        if words.len() > limits::MAX_KEYWORD_WORDS {
            break; // over the limit: the exact count does not matter
        }
    }
    (total, words.len())
}

/// Whether the rule set's size is within the limits that bound the work of
/// stemming its keywords (rules, keywords in all, distinct words).
fn stemmable(rules: &[RoutingRule]) -> bool {
    if rules.len() > limits::MAX_RULES {
        return false;
    }
    let (total, words) = keyword_totals(rules);
    total <= limits::MAX_TOTAL_KEYWORDS && words <= limits::MAX_KEYWORD_WORDS
}

/// The keywords of `rules` that are within the limits (none when the rule
/// set as a whole is over them): only these are stemmed.
pub(super) fn keywords_within_limits(rules: &[RoutingRule]) -> impl Iterator<Item = &String> {
    let take = if stemmable(rules) { rules.len() } else { 0 };
    rules[..take]
        .iter()
        .filter(|r| r.keywords.len() <= limits::MAX_KEYWORDS)
        .flat_map(|r| &r.keywords)
        .filter(|k| keyword_fits(k))
}

pub(super) fn validate(set: &RuleSet, lexicon: &Lexicon) -> Vec<Problem> {
    use limits::{
        MAX_ID_CHARS, MAX_KEYWORD_CHARS, MAX_KEYWORDS, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_RULES,
        MAX_UNITS,
    };
    let mut out = Vec::new();
    check_len(&mut out, "note", &set.note, MAX_NOTE_CHARS);
    check_len(&mut out, "fallback", &set.fallback, MAX_ID_CHARS);
    let units_ok = set.units.len() <= MAX_UNITS;
    if !units_ok {
        out.push(too_many("units", set.units.len(), MAX_UNITS));
    }
    let mut units: BTreeMap<&str, &Unit> = BTreeMap::new();
    for (i, u) in set.units.iter().enumerate() {
        if u.id.trim().is_empty() {
            if units_ok {
                out.push(Problem::new(
                    format!("units[{i}].id"),
                    Code::EmptyId,
                    "unit id is empty",
                    "id unit kosong",
                ));
            }
        } else if units.insert(&u.id, u).is_some() && units_ok {
            out.push(Problem::new(
                format!("units[{i}].id"),
                Code::DuplicateId,
                format!("unit id “{}” is used twice", u.id),
                format!("id unit “{}” dipakai dua kali", u.id),
            ));
        }
        if units_ok {
            check_len(&mut out, format!("units[{i}].id"), &u.id, MAX_ID_CHARS);
            check_len(
                &mut out,
                format!("units[{i}].name.id"),
                &u.name.id,
                MAX_NAME_CHARS,
            );
            check_len(
                &mut out,
                format!("units[{i}].name.en"),
                &u.name.en,
                MAX_NAME_CHARS,
            );
        }
    }
    match units.get(set.fallback.as_str()) {
        None => out.push(Problem::new(
            "fallback",
            Code::UnknownFallback,
            format!("fallback “{}” is not a unit", set.fallback),
            format!("unit cadangan “{}” tidak ada di daftar unit", set.fallback),
        )),
        Some(u) if u.kind != UnitKind::HeadOfComplaints => out.push(Problem::new(
            "fallback",
            Code::FallbackNotHead,
            format!(
                "fallback “{}” must be of kind \"head_of_complaints\", found “{}”",
                set.fallback,
                serde_json::to_value(u.kind).unwrap_or_default()
            ),
            format!(
                "unit cadangan “{}” harus berjenis \"head_of_complaints\" (Kepala Bidang Pengaduan), ditemukan “{}”",
                set.fallback,
                serde_json::to_value(u.kind).unwrap_or_default()
            ),
        )),
        Some(_) => {}
    }
    if set.rules.len() > MAX_RULES {
        out.push(too_many("rules", set.rules.len(), MAX_RULES));
        return out;
    }
    let (total, words) = keyword_totals(&set.rules);
    if total > limits::MAX_TOTAL_KEYWORDS {
        out.push(Problem::new(
            "rules",
            Code::TooMany,
            format!(
                "the rules have {total} keywords in all: at most {} are allowed",
                limits::MAX_TOTAL_KEYWORDS
            ),
            format!(
                "aturan-aturan memuat {total} kata kunci seluruhnya: paling banyak {} yang diizinkan",
                limits::MAX_TOTAL_KEYWORDS
            ),
        ));
    }
    if words > limits::MAX_KEYWORD_WORDS {
        out.push(Problem::new(
            "rules",
            Code::TooMany,
            format!(
                "the keywords hold more than {} distinct words: at most {} are allowed",
                limits::MAX_KEYWORD_WORDS,
                limits::MAX_KEYWORD_WORDS
            ),
            format!(
                "kata kunci memuat lebih dari {} kata berbeda: paling banyak {} yang diizinkan",
                limits::MAX_KEYWORD_WORDS,
                limits::MAX_KEYWORD_WORDS
            ),
        ));
    }
    let stemmable = total <= limits::MAX_TOTAL_KEYWORDS && words <= limits::MAX_KEYWORD_WORDS;
    let mut ids = HashMap::new();
    let mut sound = vec![true; set.rules.len()];
    for (i, r) in set.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        if r.id.trim().is_empty() {
            out.push(Problem::new(
                format!("{p}.id"),
                Code::EmptyId,
                "rule id is empty",
                "id aturan kosong",
            ));
        } else if ids.insert(r.id.as_str(), i).is_some() {
            out.push(Problem::new(
                format!("{p}.id"),
                Code::DuplicateId,
                format!("rule id “{}” is used twice", r.id),
                format!("id aturan “{}” dipakai dua kali", r.id),
            ));
        }
        check_len(&mut out, format!("{p}.id"), &r.id, MAX_ID_CHARS);
        check_len(&mut out, format!("{p}.target"), &r.target, MAX_ID_CHARS);
        if !units.contains_key(r.target.as_str()) {
            out.push(Problem::new(
                format!("{p}.target"),
                Code::UnknownUnit,
                format!("rule “{}”: target “{}” is not a unit", r.id, r.target),
                format!(
                    "aturan “{}”: tujuan “{}” tidak ada di daftar unit",
                    r.id, r.target
                ),
            ));
        }
        for (c, (name, en, id)) in criteria(r).iter().zip(FIELDS) {
            if c.is_some_and(|v| v.trim().is_empty()) {
                sound[i] = false;
                out.push(Problem::new(
                    format!("{p}.{name}"),
                    Code::EmptyCriterion,
                    format!("rule “{}”: {en} is blank: remove it or give a value", r.id),
                    format!("aturan “{}”: {id} kosong: hapus atau isi nilainya", r.id),
                ));
            }
            if let Some(v) = c {
                check_len(&mut out, format!("{p}.{name}"), v, MAX_NAME_CHARS);
            }
        }
        if r.keywords.len() > MAX_KEYWORDS {
            sound[i] = false;
            out.push(too_many(
                format!("{p}.keywords"),
                r.keywords.len(),
                MAX_KEYWORDS,
            ));
        } else {
            for (j, k) in r.keywords.iter().enumerate() {
                if !keyword_fits(k) {
                    sound[i] = false;
                    check_len(&mut out, format!("{p}.keywords[{j}]"), k, MAX_KEYWORD_CHARS);
                } else if tokenize(k).is_empty() {
                    sound[i] = false;
                    out.push(Problem::new(
                        format!("{p}.keywords[{j}]"),
                        Code::EmptyKeywords,
                        format!("rule “{}”: keyword “{k}” has no word in it", r.id),
                        format!("aturan “{}”: kata kunci “{k}” tidak berisi kata", r.id),
                    ));
                }
            }
        }
        if let Some(note) = &r.note {
            check_len(&mut out, format!("{p}.note"), note, MAX_NOTE_CHARS);
        }
        if criteria(r).iter().all(Option::is_none) && r.keywords.is_empty() {
            sound[i] = false;
            out.push(Problem::new(
                p,
                Code::EmptyKeywords,
                format!(
                    "rule “{}” has no criteria: give a service, sector, category or keywords",
                    r.id
                ),
                format!(
                    "aturan “{}” tidak memiliki kriteria: isi jenis layanan, sektor, kategori atau kata kunci",
                    r.id
                ),
            ));
        }
    }
    if !stemmable {
        return out; // the keywords are not stemmed: no shadowed-rule check
    }
    let conds: Vec<Option<Conditions>> = set
        .rules
        .iter()
        .zip(&sound)
        .map(|(r, &ok)| ok.then(|| Conditions::of(r, lexicon)))
        .collect();
    let priorities: Vec<i32> = set.rules.iter().map(|r| r.priority).collect();
    for (j, i) in shadowed(&conds, &priorities) {
        let (a, b) = (&set.rules[i], &set.rules[j]);
        out.push(Problem::new(
            format!("rules[{j}]"),
            Code::ShadowedRule,
            format!(
                "rule “{}” can never be the first suggestion: the earlier rule “{}” (priority {} >= {}) matches every ticket it matches and ranks above it",
                b.id, a.id, a.priority, b.priority
            ),
            format!(
                "aturan “{}” tidak akan pernah menjadi saran pertama: aturan sebelumnya “{}” (prioritas {} >= {}) cocok dengan setiap tiket yang cocok dengannya dan berperingkat lebih tinggi",
                b.id, a.id, a.priority, b.priority
            ),
        ));
    }
    out
}
