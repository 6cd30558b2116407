//! The router: a validated, compiled rule set that ranks units for a
//! ticket.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::fmt;

use super::error::RoutingError;
use super::index::{FastBuild, FormTable, NONE, Phrases, build_table};
use super::lexicon::Lexicon;
use super::limits::{self, head};
use super::normalize::scan;
use super::stem::normalize_with;
use super::validate::{criteria, norm_value, validate};
use super::{Field, Reason, RoutingInput, RuleSet, Suggestion, Unit};

#[derive(Debug, Clone)]
struct CRule {
    unit: u32,
    priority: i32,
    criteria: [Option<u32>; 3],
    n_criteria: u32,
    keywords: std::ops::Range<u32>,
}

#[derive(Debug, Clone)]
pub(super) struct CKeyword {
    rule: u32,
    /// Index in the rule's `keywords`.
    index: u32,
    pub(super) stems: Vec<u32>,
    pub(super) normalized: String,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    pos: u32,
    stem: u32,
    field: Field,
    start: usize,
    end: usize,
}

/// Per-thread scratch space of [`Router::suggest_into`]; every per-keyword
/// and per-rule entry is reset to its idle value before a call returns.
#[derive(Default)]
struct Scratch {
    buf: Vec<u8>,
    /// A ticket's criterion value, lower-cased.
    lower: String,
    hits: Vec<Hit>,
    /// Per phrase node: the hit its first occurrence starts at.
    node_at: Vec<u32>,
    node_touched: Vec<u32>,
    kw_at: Vec<u32>,
    kw_touched: Vec<u32>,
    rule_count: Vec<u32>,
    rule_touched: Vec<u32>,
    /// Matching rules with their sort key: (priority, score, order).
    cands: Vec<(Reverse<i32>, Reverse<u32>, u32)>,
    units: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// A validated, compiled rule set. Immutable, `Send + Sync`; build it once
/// and share it.
///
/// # Example
/// ```
/// use ptsp::desk::routing::{Router, RoutingInput};
/// let router = Router::sample();
/// let s = router.suggest(&RoutingInput::new("", "Apotek di dekat rumah menjual obat tanpa izin"));
/// assert_eq!(s[0].unit, "dinkes");
/// ```
#[derive(Clone)]
pub struct Router {
    set: RuleSet,
    pub(super) lexicon: Lexicon,
    unit_ids: HashMap<String, u32>,
    fallback: u32,
    rules: Vec<CRule>,
    pub(super) keywords: Vec<CKeyword>,
    kwless: Vec<u32>,
    phrases: Phrases,
    values: [Values; 3],
    pub(super) table: FormTable,
}

impl fmt::Debug for Router {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Router")
            .field("units", &self.set.units.len())
            .field("rules", &self.rules.len())
            .field("keywords", &self.keywords.len())
            .field("forms", &self.table.entries.len())
            .finish()
    }
}

/// The criterion values of one field, by their normalised text.
#[derive(Debug, Clone, Default)]
struct Values {
    ids: HashMap<String, u32>,
    /// The most characters of a value: a longer ticket value matches none
    /// (lower-casing never shortens a text).
    max_chars: usize,
}

impl Values {
    /// The id of `v` (normalised), adding it when new.
    fn intern(&mut self, v: String) -> u32 {
        let n = self.ids.len() as u32;
        self.max_chars = self.max_chars.max(v.chars().count());
        *self.ids.entry(v).or_insert(n)
    }

    /// The id of the value a ticket gives: trimmed, lower-cased char by
    /// char; `buf` is scratch space.
    fn find(&self, raw: &str, buf: &mut String) -> Option<u32> {
        let raw = raw.trim();
        if raw.is_empty() || self.ids.is_empty() || raw.chars().nth(self.max_chars).is_some() {
            return None;
        }
        buf.clear();
        if raw.is_ascii() {
            buf.extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.extend(raw.chars().flat_map(char::to_lowercase));
        }
        self.ids.get(buf.as_str()).copied()
    }
}

impl Router {
    /// Validates and compiles a rule set; a rule set with any problem is
    /// refused with all of them.
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::routing::{Router, RuleSet};
    /// let router = Router::new(RuleSet::sample())?;
    /// assert_eq!(router.rule_set().units.len(), 14);
    /// # Ok::<(), ptsp::desk::routing::RoutingError>(())
    /// ```
    pub fn new(set: RuleSet) -> Result<Router, RoutingError> {
        let lexicon = Lexicon::for_rules(&set.rules);
        let problems = validate(&set, &lexicon);
        if !problems.is_empty() {
            return Err(RoutingError::Invalid { problems });
        }
        let unit_ids: HashMap<String, u32> = set
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i as u32))
            .collect();
        let mut stems: HashMap<String, u32, FastBuild> = HashMap::default();
        let mut values: [Values; 3] = Default::default();
        let mut rules = Vec::with_capacity(set.rules.len());
        let mut keywords: Vec<CKeyword> = Vec::new();
        let mut seen: HashSet<Vec<u32>> = HashSet::new();
        for (ri, r) in set.rules.iter().enumerate() {
            let mut crit = [None; 3];
            for (f, c) in criteria(r).into_iter().enumerate() {
                if let Some(v) = c {
                    crit[f] = Some(values[f].intern(norm_value(v)));
                }
            }
            let first = keywords.len() as u32;
            seen.clear();
            for (j, k) in r.keywords.iter().enumerate() {
                let words = normalize_with(k, &lexicon);
                let ids: Vec<u32> = words
                    .iter()
                    .map(|w| {
                        let n = stems.len() as u32;
                        *stems.entry(w.clone()).or_insert(n)
                    })
                    .collect();
                if !seen.insert(ids.clone()) {
                    continue; // the same keyword twice counts once
                }
                keywords.push(CKeyword {
                    rule: ri as u32,
                    index: j as u32,
                    stems: ids,
                    normalized: words.join(" "),
                });
            }
            rules.push(CRule {
                unit: unit_ids[&r.target],
                priority: r.priority,
                n_criteria: crit.iter().filter(|c| c.is_some()).count() as u32,
                criteria: crit,
                keywords: first..keywords.len() as u32,
            });
        }
        let kwless = (0..rules.len() as u32)
            .filter(|&r| rules[r as usize].keywords.is_empty())
            .collect();
        let phrases = Phrases::new(stems.len(), &keywords);
        let table = build_table(&stems, &lexicon);
        Ok(Router {
            fallback: unit_ids[&set.fallback],
            set,
            lexicon,
            unit_ids,
            rules,
            keywords,
            kwless,
            phrases,
            values,
            table,
        })
    }

    /// Reads and compiles a JSON rule set.
    ///
    /// # Example
    /// ```
    /// let json = serde_json::to_string(&ptsp::desk::routing::RuleSet::sample()).unwrap();
    /// assert!(ptsp::desk::routing::Router::from_json(&json).is_ok());
    /// assert_eq!(ptsp::desk::routing::Router::from_json("[").unwrap_err().code(), "invalid_json");
    /// ```
    pub fn from_json(text: &str) -> Result<Router, RoutingError> {
        let set = crate::error::input::from_json(text, "")?;
        Router::new(set)
    }

    /// The router of [`RuleSet::sample`] (**sample data**).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::desk::routing::Router::sample().fallback().id, "kabid-pengaduan");
    /// ```
    pub fn sample() -> Router {
        Router::new(RuleSet::sample()).expect("built-in rule set is valid (tested)")
    }

    /// The rule set.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::desk::routing::Router::sample().rule_set().rules[0].id, "integritas");
    /// ```
    pub fn rule_set(&self) -> &RuleSet {
        &self.set
    }

    /// The rule set as pretty JSON (what [`Router::from_json`] reads).
    ///
    /// # Example
    /// ```
    /// let r = ptsp::desk::routing::Router::sample();
    /// let again = ptsp::desk::routing::Router::from_json(&r.to_json()).unwrap();
    /// assert_eq!(again.rule_set(), r.rule_set());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.set).expect("rule sets always serialize")
    }

    /// A unit by id.
    ///
    /// # Example
    /// ```
    /// let r = ptsp::desk::routing::Router::sample();
    /// assert_eq!(r.unit("dkp").unwrap().name.id, "Dinas Kelautan dan Perikanan");
    /// assert!(r.unit("nope").is_none());
    /// ```
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_ids.get(id).map(|&i| &self.set.units[i as usize])
    }

    /// The fallback unit (the head of complaints).
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::routing::{Router, UnitKind};
    /// assert_eq!(Router::sample().fallback().kind, UnitKind::HeadOfComplaints);
    /// ```
    pub fn fallback(&self) -> &Unit {
        &self.set.units[self.fallback as usize]
    }

    /// The stem of a word as this router sees it: the built-in lexicon
    /// extended with the stems of the rule set's keywords.
    ///
    /// # Example
    /// ```
    /// let r = ptsp::desk::routing::Router::sample();
    /// assert_eq!(r.stem("pertambangan"), "tambang");
    /// ```
    pub fn stem(&self, word: &str) -> String {
        self.normalize(word).join(" ")
    }

    /// Every word of a text, normalised as this router matches it.
    ///
    /// # Example
    /// ```
    /// let r = ptsp::desk::routing::Router::sample();
    /// assert_eq!(r.normalize("Pengaduan: pungutan liar!"), ["adu", "pungut", "liar"]);
    /// ```
    pub fn normalize(&self, text: &str) -> Vec<String> {
        normalize_with(text, &self.lexicon)
    }

    /// The ranked suggestions for a ticket (never empty); see the
    /// [module docs](super#ranking).
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::routing::{Router, RoutingInput};
    /// let r = Router::sample();
    /// let s = r.suggest(&RoutingInput::new("", "Perpanjangan izin usaha perikanan"));
    /// let units: Vec<&str> = s.iter().map(|s| s.unit).collect();
    /// assert_eq!(units, ["dkp", "bidang-perizinan"]);
    /// ```
    pub fn suggest(&self, input: &RoutingInput) -> Vec<Suggestion<'_>> {
        let mut out = Vec::new();
        self.suggest_into(input, &mut out);
        out
    }

    /// [`Router::suggest`] into a reused vector: the vector and the reason
    /// lists of its suggestions keep their memory, so a warm call does not
    /// allocate.
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::routing::{Router, RoutingInput};
    /// let r = Router::sample();
    /// let mut out = Vec::new();
    /// for text in ["limbah b3", "kapal nelayan", "halo"] {
    ///     r.suggest_into(&RoutingInput::new("", text), &mut out);
    ///     assert!(!out.is_empty());
    /// }
    /// assert_eq!(out[0].unit, "kabid-pengaduan");
    /// ```
    pub fn suggest_into<'r>(&'r self, input: &RoutingInput, out: &mut Vec<Suggestion<'r>>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.run(input, &mut s, out),
            Err(_) => self.run(input, &mut Scratch::default(), out),
        });
    }

    /// Suggestions again after some units said the ticket is not theirs:
    /// the ranking of [`Router::suggest`] without the units in `rejected`.
    /// When no unit is left, the head of complaints gets it (reason
    /// `all_rejected`, or `no_match` if no rule matched at all) — even if
    /// the head of complaints is among `rejected`: it cannot decline, it
    /// distributes by hand. Unknown ids in `rejected` are ignored.
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::routing::{Router, RoutingInput};
    /// let r = Router::sample();
    /// let t = RoutingInput::new("", "Perpanjangan izin usaha perikanan");
    /// assert_eq!(r.redistribute(&t, &["dkp"])[0].unit, "bidang-perizinan");
    /// let last = r.redistribute(&t, &["dkp", "bidang-perizinan"]);
    /// assert_eq!((last[0].unit, last[0].reasons[0].code()), ("kabid-pengaduan", "all_rejected"));
    /// ```
    pub fn redistribute<S: AsRef<str>>(
        &self,
        input: &RoutingInput,
        rejected: &[S],
    ) -> Vec<Suggestion<'_>> {
        let mut out = self.suggest(input);
        let matched = out.first().is_some_and(|s| s.rule.is_some());
        out.retain(|s| s.rule.is_some() && !rejected.iter().any(|r| r.as_ref() == s.unit));
        if out.is_empty() {
            out.push(self.fallback_suggestion(if matched {
                Reason::AllRejected
            } else {
                Reason::NoMatch
            }));
        }
        out
    }

    fn fallback_suggestion(&self, reason: Reason<'static>) -> Suggestion<'_> {
        Suggestion {
            unit: &self.set.units[self.fallback as usize].id,
            rule: None,
            priority: 0,
            score: 0,
            reasons: vec![reason],
        }
    }

    fn run<'r>(&'r self, input: &RoutingInput, s: &mut Scratch, out: &mut Vec<Suggestion<'r>>) {
        if s.kw_at.len() < self.keywords.len() {
            s.kw_at.resize(self.keywords.len(), NONE);
        }
        if s.node_at.len() < self.phrases.nodes() {
            s.node_at.resize(self.phrases.nodes(), NONE);
        }
        if s.rule_count.len() < self.rules.len() {
            s.rule_count.resize(self.rules.len(), 0);
        }
        let given = [
            self.values[0].find(&input.service, &mut s.lower),
            self.values[1].find(&input.sector, &mut s.lower),
            self.values[2].find(&input.category, &mut s.lower),
        ];

        // 1. Words of the ticket that are forms of a keyword stem.
        s.hits.clear();
        let mut next = 0u32;
        for (field, text) in [
            (
                Field::Subject,
                head(&input.subject, limits::MAX_SUBJECT_CHARS),
            ),
            (Field::Text, head(&input.text, limits::MAX_TEXT_CHARS)),
        ] {
            let Scratch { buf, hits, .. } = &mut *s;
            let mut pos = next;
            scan(text, buf, |t, start, end| {
                if let Some(stem) = self.table.resolve(t) {
                    hits.push(Hit {
                        pos,
                        stem,
                        field,
                        start,
                        end,
                    });
                }
                pos = pos.wrapping_add(1);
            });
            next = pos.wrapping_add(1); // phrases do not span fields
        }

        // 2. Keywords found (first occurrence): from every hit, walk the
        // phrase tree along the consecutive hits that follow it; each node
        // reached is a phrase that occurs there. At most one step per word
        // of the longest keyword, whatever the number of keywords.
        for i in 0..s.hits.len() {
            let mut node = self.phrases.first(s.hits[i].stem);
            let mut j = i;
            while node != NONE {
                let n = node as usize;
                if s.node_at[n] == NONE {
                    s.node_at[n] = i as u32;
                    s.node_touched.push(node);
                }
                node = match s.hits.get(j + 1) {
                    Some(g) if g.pos == s.hits[j].pos.wrapping_add(1) => {
                        self.phrases.child(node, g.stem)
                    }
                    _ => NONE,
                };
                j += 1;
            }
        }
        for &node in &s.node_touched {
            let at = s.node_at[node as usize];
            for &k in self.phrases.keywords(node) {
                s.kw_at[k as usize] = at;
                s.kw_touched.push(k);
            }
        }

        // 3. Matching rules.
        for &k in &s.kw_touched {
            let r = self.keywords[k as usize].rule as usize;
            if s.rule_count[r] == 0 {
                s.rule_touched.push(r as u32);
            }
            s.rule_count[r] += 1;
        }
        s.cands.clear();
        for &r in s.rule_touched.iter().chain(&self.kwless) {
            let rule = &self.rules[r as usize];
            if rule
                .criteria
                .iter()
                .zip(given)
                .all(|(want, got)| want.is_none() || *want == got)
            {
                let score = rule.n_criteria + s.rule_count[r as usize];
                s.cands.push((Reverse(rule.priority), Reverse(score), r));
            }
        }
        s.cands.sort_unstable();

        // 4. One suggestion per unit.
        s.units.clear();
        let mut n = 0;
        for &(_, Reverse(score), r) in &s.cands {
            let rule = &self.rules[r as usize];
            if s.units.contains(&rule.unit) {
                continue;
            }
            s.units.push(rule.unit);
            let def = &self.set.rules[r as usize];
            let unit = self.set.units[rule.unit as usize].id.as_str();
            let reasons = if n < out.len() {
                let o = &mut out[n];
                o.unit = unit;
                o.rule = Some(&def.id);
                o.priority = def.priority;
                o.score = score;
                o.reasons.clear();
                &mut o.reasons
            } else {
                out.push(Suggestion {
                    unit,
                    rule: Some(&def.id),
                    priority: def.priority,
                    score,
                    reasons: Vec::new(),
                });
                &mut out[n].reasons
            };
            n += 1;
            if let Some(v) = &def.service {
                reasons.push(Reason::Service { value: v });
            }
            if let Some(v) = &def.sector {
                reasons.push(Reason::Sector { value: v });
            }
            if let Some(v) = &def.category {
                reasons.push(Reason::Category { value: v });
            }
            for k in rule.keywords.clone() {
                let at = s.kw_at[k as usize];
                if at == NONE {
                    continue;
                }
                let kw = &self.keywords[k as usize];
                let first = s.hits[at as usize];
                let last = s.hits[at as usize + kw.stems.len() - 1];
                reasons.push(Reason::Keyword {
                    keyword: &def.keywords[kw.index as usize],
                    normalized: &kw.normalized,
                    field: first.field,
                    start: first.start,
                    end: last.end,
                });
            }
        }
        if n == 0 {
            let fb = self.fallback_suggestion(Reason::NoMatch);
            if out.is_empty() {
                out.push(fb);
            } else {
                let o = &mut out[0];
                o.unit = fb.unit;
                o.rule = None;
                o.priority = 0;
                o.score = 0;
                o.reasons.clear();
                o.reasons.push(Reason::NoMatch);
            }
            n = 1;
        }
        out.truncate(n);

        // 5. Back to idle.
        for &k in &s.kw_touched {
            s.kw_at[k as usize] = NONE;
        }
        s.kw_touched.clear();
        for &node in &s.node_touched {
            s.node_at[node as usize] = NONE;
        }
        s.node_touched.clear();
        for &r in &s.rule_touched {
            s.rule_count[r as usize] = 0;
        }
        s.rule_touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routers_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Router>();
    }
}
