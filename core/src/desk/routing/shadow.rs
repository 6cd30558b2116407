//! The shadowed-rule check: rules that can never be the first suggestion
//! (see the [module docs](super#validation)).

use std::collections::HashMap;

use super::RoutingRule;
use super::lexicon::Lexicon;
use super::stem::normalize_with;
use super::validate::{criteria, norm_value};

/// A rule's conditions in normalised form.
#[derive(Debug, Clone)]
pub(super) struct Conditions {
    criteria: [Option<String>; 3],
    /// Keywords as runs of stems, without duplicates.
    keywords: Vec<Vec<String>>,
}

impl Conditions {
    pub(super) fn of(r: &RoutingRule, lexicon: &Lexicon) -> Conditions {
        let mut keywords: Vec<Vec<String>> = Vec::new();
        for k in &r.keywords {
            let stems = normalize_with(k, lexicon);
            if !stems.is_empty() && !keywords.contains(&stems) {
                keywords.push(stems);
            }
        }
        Conditions {
            criteria: criteria(r).map(|c| c.map(|v| norm_value(v))),
            keywords,
        }
    }

    fn n_criteria(&self) -> i64 {
        self.criteria.iter().filter(|c| c.is_some()).count() as i64
    }
}

/// Whether `run` occurs in `phrase` as consecutive stems.
fn contains_run(phrase: &[String], run: &[String]) -> bool {
    run.len() <= phrase.len() && phrase.windows(run.len()).any(|w| w == run)
}

/// Whether rule `a` (earlier, priority `pa`) shadows rule `b` (priority
/// `pb`); see the module docs.
fn shadows(a: &Conditions, pa: i32, b: &Conditions, pb: i32) -> bool {
    if pa < pb {
        return false;
    }
    for (ca, cb) in a.criteria.iter().zip(&b.criteria) {
        if ca.is_some() && ca != cb {
            return false;
        }
    }
    if !a.keywords.is_empty()
        && (b.keywords.is_empty()
            || !b
                .keywords
                .iter()
                .all(|kb| a.keywords.iter().any(|ka| contains_run(kb, ka))))
    {
        return false;
    }
    if pa > pb {
        return true;
    }
    let base = a.n_criteria() - b.n_criteria();
    if b.keywords.is_empty() {
        return base >= 0;
    }
    let n = b.keywords.len();
    if n > 12 {
        return false;
    }
    // Every set M of B keywords a ticket can contain exactly (closed under
    // containment): A's score − B's score = base + |A keywords in M| − |M|.
    let inside: Vec<u32> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| contains_run(&b.keywords[i], &b.keywords[j]))
                .fold(0u32, |m, j| m | 1 << j)
        })
        .collect();
    for m in 1u32..(1 << n) {
        if (0..n).any(|i| m & (1 << i) != 0 && inside[i] & !m != 0) {
            continue;
        }
        let forced = a
            .keywords
            .iter()
            .filter(|ka| (0..n).any(|i| m & (1 << i) != 0 && contains_run(&b.keywords[i], ka)))
            .count() as i64;
        if base + forced - i64::from(m.count_ones()) < 0 {
            return false;
        }
    }
    true
}

/// The earlier rules of one criteria signature without keywords, as the
/// running maxima of their priorities: `(priority, rule)` with priorities
/// strictly increasing, each the first rule to reach it. The first rule
/// with a priority at least (or above) `p` is the first entry that does.
#[derive(Default)]
struct Records(Vec<(i32, usize)>);

impl Records {
    fn push(&mut self, priority: i32, rule: usize) {
        if self.0.last().is_none_or(|&(p, _)| priority > p) {
            self.0.push((priority, rule));
        }
    }

    /// The first rule with a priority `>= p` (`strict`: `> p`).
    fn first(&self, p: i32, strict: bool) -> Option<usize> {
        let k = self
            .0
            .partition_point(|&(q, _)| if strict { q <= p } else { q < p });
        self.0.get(k).map(|&(_, r)| r)
    }
}

/// The `shadowed_rule` pairs `(rule, the first earlier rule that shadows
/// it)` of the sound rules (`conds[i]` is `None` for the others): exactly
/// what comparing every rule with every earlier one by [`shadows`] gives,
/// without comparing every pair.
///
/// Rule A can shadow rule B only if A's criteria are a subset of B's (so A's
/// criteria signature is one of the at most eight projections of B's), and
/// A has no keyword or one inside the B keyword chosen below. The earlier
/// rules are indexed by signature (those without keywords, as the running
/// maxima of their priorities: among them the answer depends only on
/// whether A's priority is above or equal to B's) and by signature and
/// keyword (the others); each B is compared with the candidates that index
/// gives for the one of its keywords with the fewest, in rule order, until
/// the first that shadows it.
pub(super) fn shadowed(conds: &[Option<Conditions>], priorities: &[i32]) -> Vec<(usize, usize)> {
    const NONE_VALUE: u32 = u32::MAX;
    type Sig = [u32; 3];
    let mut values: [HashMap<&str, u32>; 3] = Default::default();
    let mut runs: HashMap<&[String], u32> = HashMap::new();
    let mut longest_run = 0;
    let mut sigs: Vec<Sig> = Vec::with_capacity(conds.len());
    let mut kids: Vec<Vec<u32>> = Vec::with_capacity(conds.len());
    for c in conds {
        let Some(c) = c else {
            sigs.push([NONE_VALUE; 3]);
            kids.push(Vec::new());
            continue;
        };
        sigs.push(std::array::from_fn(|f| match &c.criteria[f] {
            Some(v) => {
                let n = values[f].len() as u32;
                *values[f].entry(v.as_str()).or_insert(n)
            }
            None => NONE_VALUE,
        }));
        kids.push(
            c.keywords
                .iter()
                .map(|k| {
                    longest_run = longest_run.max(k.len());
                    let n = runs.len() as u32;
                    *runs.entry(k.as_slice()).or_insert(n)
                })
                .collect(),
        );
    }
    // The keyword ids inside each keyword (itself included), as runs of
    // stems; computed once per distinct keyword, when first needed.
    let mut inside: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut inside_of = |kid: u32, run: &[String]| -> Vec<u32> {
        inside
            .entry(kid)
            .or_insert_with(|| {
                let mut found = Vec::new();
                for len in 1..=run.len().min(longest_run) {
                    for w in run.windows(len) {
                        if let Some(&k) = runs.get(w)
                            && !found.contains(&k)
                        {
                            found.push(k);
                        }
                    }
                }
                found
            })
            .clone()
    };
    let mut kwless: HashMap<Sig, Records> = HashMap::new();
    let mut postings: HashMap<(Sig, u32), Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    let (mut cands, mut other, mut order) = (Vec::new(), Vec::new(), Vec::new());
    for (j, cb) in conds.iter().enumerate() {
        let Some(b) = cb else { continue };
        let pb = priorities[j];
        let sig = sigs[j];
        let set_fields: Vec<usize> = (0..3).filter(|&f| sig[f] != NONE_VALUE).collect();
        let inside_b: Vec<Vec<u32>> = kids[j]
            .iter()
            .zip(&b.keywords)
            .map(|(&k, run)| inside_of(k, run))
            .collect();
        let mut best: Option<usize> = None;
        let consider = |i: usize, best: &mut Option<usize>| {
            if best.is_none_or(|x| i < x)
                && let Some(a) = &conds[i]
                && shadows(a, priorities[i], b, pb)
            {
                *best = Some(i);
            }
        };
        for mask in 0..1u32 << set_fields.len() {
            let mut sub = [NONE_VALUE; 3];
            for (bit, &f) in set_fields.iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    sub[f] = sig[f];
                }
            }
            if let Some(rec) = kwless.get(&sub) {
                for strict in [false, true] {
                    if let Some(i) = rec.first(pb, strict) {
                        consider(i, &mut best);
                    }
                }
            }
            if inside_b.is_empty() {
                continue;
            }
            // A must have a keyword inside every B keyword: the candidates
            // of the B keyword with the fewest, narrowed by the next ones
            // while many are left.
            let size = |ks: &Vec<u32>| -> usize {
                ks.iter()
                    .map(|&k| postings.get(&(sub, k)).map_or(0, Vec::len))
                    .sum()
            };
            order.clear();
            order.extend(inside_b.iter().enumerate().map(|(x, ks)| (size(ks), x)));
            order.sort_unstable();
            let limit = best.unwrap_or(usize::MAX);
            let gather = |ks: &Vec<u32>, into: &mut Vec<usize>| {
                into.clear();
                for &k in ks {
                    if let Some(p) = postings.get(&(sub, k)) {
                        // A rule of lower priority never shadows.
                        into.extend(
                            p.iter()
                                .copied()
                                .take_while(|&i| i < limit)
                                .filter(|&i| priorities[i] >= pb),
                        );
                    }
                }
                into.sort_unstable();
                into.dedup();
            };
            gather(&inside_b[order[0].1], &mut cands);
            for &(_, x) in &order[1..] {
                if cands.len() <= 8 {
                    break;
                }
                gather(&inside_b[x], &mut other);
                // Both sorted: a merge keeps the common ones.
                let mut o = other.iter().peekable();
                cands.retain(|&i| {
                    while o.next_if(|&&y| y < i).is_some() {}
                    o.peek() == Some(&&i)
                });
            }
            for &i in &cands {
                if best.is_some_and(|x| i >= x) {
                    break;
                }
                consider(i, &mut best);
            }
        }
        if let Some(i) = best {
            out.push((j, i));
        }
        if kids[j].is_empty() {
            kwless.entry(sig).or_default().push(pb, j);
        } else {
            for &k in &kids[j] {
                let p = postings.entry((sig, k)).or_default();
                if p.last() != Some(&j) {
                    p.push(j);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The shadowed-rule check as it was before the index: every rule
    /// against every earlier one, in order. Kept as the oracle of
    /// [`shadowed`].
    fn shadowed_pairwise(conds: &[Option<Conditions>], priorities: &[i32]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (j, b) in conds.iter().enumerate() {
            let Some(b) = b else { continue };
            if let Some(i) = (0..j).find(|&i| {
                conds[i]
                    .as_ref()
                    .is_some_and(|a| shadows(a, priorities[i], b, priorities[j]))
            }) {
                out.push((j, i));
            }
        }
        out
    }

    /// Random rule conditions over tiny pools, so that rules often share
    /// criteria and keywords (and phrases contain one another).
    fn conditions() -> impl Strategy<Value = Option<Conditions>> {
        const RUNS: &[&[&str]] = &[
            &["a"],
            &["b"],
            &["c"],
            &["a", "b"],
            &["b", "a"],
            &["b", "c"],
            &["a", "b", "c"],
            &["c", "a", "b"],
            &["a", "a"],
        ];
        let value = |pool: &'static [&'static str]| {
            prop::option::weighted(0.4, prop::sample::select(pool).prop_map(str::to_owned))
        };
        (
            value(&["x", "y"]),
            value(&["x", "y"]),
            value(&["k"]),
            prop::collection::vec(prop::sample::select(RUNS), 0..5),
            prop::bool::weighted(0.9),
        )
            .prop_map(|(s, t, c, kws, sound)| {
                let mut keywords: Vec<Vec<String>> = Vec::new();
                for k in kws {
                    let k: Vec<String> = k.iter().map(|w| (*w).to_owned()).collect();
                    if !keywords.contains(&k) {
                        keywords.push(k);
                    }
                }
                sound.then_some(Conditions {
                    criteria: [s, t, c],
                    keywords,
                })
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The indexed check reports exactly the pairs of the pairwise one.
        #[test]
        fn indexed_shadow_check_is_the_pairwise_one(
            rules in prop::collection::vec((conditions(), -1i32..3), 0..40),
        ) {
            let (conds, priorities): (Vec<_>, Vec<_>) = rules.into_iter().unzip();
            prop_assert_eq!(shadowed(&conds, &priorities), shadowed_pairwise(&conds, &priorities));
        }
    }

    #[test]
    fn shadow_records_find_the_first_rule_at_or_above_a_priority() {
        let mut r = Records::default();
        for (i, p) in [1, 0, 3, 3, 2, 5].into_iter().enumerate() {
            r.push(p, i);
        }
        assert_eq!(r.first(0, false), Some(0));
        assert_eq!(r.first(1, true), Some(2));
        assert_eq!(r.first(3, false), Some(2));
        assert_eq!(r.first(3, true), Some(5));
        assert_eq!(r.first(5, true), None);
    }
}
