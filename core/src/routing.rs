//! Routing of consultations and complaints (*konsultasi* / *pengaduan*) to
//! the division (*Bidang*) or technical agency (*OPD*) responsible — the
//! standard's §7: "the helpdesk admin follows it up with the division/unit
//! responsible for it", and Kepala Bidang Pengaduan (the head of the
//! complaints division) distributes what the operator cannot answer.
//!
//! Routing rules are data ([`RuleSet`]: units, rules, the fallback unit).
//! [`Router::new`] validates a rule set — every problem at once — and
//! compiles it; [`Router::suggest`] ranks the units a ticket should go to,
//! each with the reasons it matched.
//!
//! # Quick start
//! ```
//! use ptsp::routing::{Router, RoutingInput};
//!
//! let router = Router::sample(); // SAMPLE rule set for DPMPTSP Jawa Timur
//! let ticket = RoutingInput::new(
//!     "Perpanjangan izin",
//!     "Bagaimana cara memperpanjang izin usaha perikanan tangkap kapal saya?",
//! );
//! let ranked = router.suggest(&ticket);
//! assert_eq!(ranked[0].unit, "dkp"); // Dinas Kelautan dan Perikanan
//! println!("{}", ranked[0].reasons[0].text(ptsp::Lang::Id));
//!
//! // Nothing matches: the head of complaints distributes it by hand.
//! let lost = router.suggest(&RoutingInput::new("", "Halo, selamat pagi."));
//! assert_eq!(lost[0].unit, "kabid-pengaduan");
//! assert_eq!(lost[0].reasons[0].code(), "no_match");
//! ```
//!
//! # Matching
//! A [`RoutingRule`] matches a ticket ([`RoutingInput`]) when
//! * each of its `service`, `sector` and `category` that is set equals the
//!   ticket's (trimmed, case-insensitive), and
//! * if it has keywords, at least one of them occurs in the ticket's
//!   subject or text. A keyword may be a phrase ("izin usaha perikanan"):
//!   its words must occur consecutively, within one field.
//!
//! A rule must have at least one criterion; a keyword list is *any-of*.
//!
//! # Normalisation of Indonesian words
//! Keywords and ticket text go through the same normalisation:
//! 1. [`tokenize`]: lower case, Latin diacritics removed (`é` → `e`), split
//!    on everything that is not a letter or digit (so `izin-izin` is two
//!    words and punctuation disappears).
//! 2. [`stem`]: a light affix stripper for Indonesian. It recognises the
//!    particles `-lah -kah -pun`, the possessives `-nya -ku -mu`, the
//!    derivational suffixes `-kan -an -i`, and the prefixes `meN-`/`peN-`
//!    with nasal assimilation (`mem-`, `men-`, `meng-`, `meny-`, `menge-`,
//!    and the dropped first consonant: *memeriksa* ← *periksa*, *menanam*
//!    ← *tanam*, *menyampaikan* ← *sampai*, *mengirim* ← *kirim*), `ber-`,
//!    `ter-`, `per-`, `pe-`, `di-`, `ke-`, `se-` and the common two-prefix
//!    chains (`memper-`, `diper-`, `member-`, `diber-`, `pember-`,
//!    `keber-`, `keter-`, `kese-`, `berke-`, `dike-`, `menge-`/`penge-`
//!    before `ke-` words). Combinations Indonesian does not use are refused
//!    (*ber-…-i*, *di-…-an*, *ke-…-i*, *ke-…-kan*, *meN-…-an*, *se-…-i*,
//!    *se-…-kan*, *ter-…-an*).
//!
//! Like the dictionary-based algorithms of Nazief and Adriani (1996) and
//! the Enhanced Confix Stripping stemmer (Arifin, Mahendra and Ciptaningtyas,
//! 2009), which it follows in spirit but not in code, the stemmer checks
//! candidate roots against a lexicon: a built-in list of about 500 common
//! roots of public-service Indonesian, which a [`Router`] extends with its
//! own keywords (the stem of each keyword word, or the word as written when
//! the built-in lexicon cannot analyse it). Among the ways to split a word
//! into affixes and a root it takes the first whose root is in the lexicon,
//! in this order: fewer prefixes, then fewer suffix letters, then a root
//! that was not restored from a nasal (so *memohon* is *mohon*, not
//! *pohon*), then the root's spelling. When no split has a root in the
//! lexicon, a conservative rule decides: take the split that strips the
//! most, provided the root keeps at least three letters, contains a vowel
//! and starts like an Indonesian syllable, a lone suffix or a lone prefix
//! leaves at least four letters, and the suffix is not `-i`; words with a
//! loanword ending (*-si*, *-isme*, *-itas*, *-logi*, *-tik*, *-grafi*) and
//! words no split fits are left whole. It is a heuristic, not a full
//! stemmer: *perizinan*, *izin* and *mengizinkan* all become `izin`, but
//! irregular forms (*belajar*, *pelajar*) are not handled, and spelling
//! variants (*ijin*) are different words. Write keywords as roots or in
//! their common form.
//!
//! A ticket word counts as a keyword word when both have the same stem
//! (with the router's lexicon). A router precomputes, at build time, the
//! table of every inflected form of its keyword stems (about 80 per stem;
//! clitics are split off), so matching a ticket costs, per word, one hash
//! and — for most words — two bit tests in a Bloom filter: no stemming and
//! no allocation ([`Router::suggest_into`]); phrases are found by walking
//! a tree of the keywords' runs of stems from each matching word, so a
//! word costs at most one step per word of the longest keyword however many
//! keywords share it. `benches/routing.rs` measures about a million 40-word
//! tickets per second on one core of a shared virtual machine (all-ASCII
//! text takes a byte-at-a-time fast path; text with other characters is
//! read char by char). Building a router costs more: about 0.04 s for the
//! 120 keywords of the sample, and about 2 s for 20,000 rules over 5,000
//! distinct words, optimised.
//!
//! # Ranking
//! [`Router::suggest`] orders the matching rules by
//! 1. priority, higher first;
//! 2. score, higher first: the number of criteria the rule has (service,
//!    sector, category) plus the number of its keywords found;
//! 3. order in the rule set, earlier first;
//!
//! then keeps the first suggestion for each unit. When nothing matches it
//! returns one suggestion: the fallback unit (Kepala Bidang Pengaduan) with
//! the reason `no_match`. The result is a pure function of the rule set and
//! the input.
//!
//! # Validation
//! [`RuleSet::validate`] reports, each with a path, a stable code and a
//! message in both languages:
//!
//! | code | problem |
//! |---|---|
//! | `empty_id` | a unit or rule without an id |
//! | `duplicate_id` | two units, or two rules, with one id |
//! | `unknown_unit` | a rule's target is not a unit |
//! | `empty_criterion` | a `service`, `sector` or `category` that is blank |
//! | `empty_keywords` | a rule with no criterion at all, or a keyword with no word in it |
//! | `shadowed_rule` | a rule that can never be the first suggestion (below) |
//! | `unknown_fallback` | the fallback is not a unit |
//! | `fallback_not_head` | the fallback unit is not of kind `head_of_complaints` |
//! | `too_many` | more units, rules, keywords of a rule, keywords in all or distinct keyword words than the [`limits`] allow (the elements of a list over its limit are not examined; over the totals, rules are not checked for shadowing) |
//! | `too_long` | an id, name, criterion, keyword or note longer than its limit, in characters |
//!
//! **Shadowed rule.** Rule B is shadowed by an earlier rule A when every
//! ticket B matches is also matched by A, and A ranks above B on it, so B
//! is never the first suggestion. "Every ticket B matches is matched by A"
//! holds exactly when each criterion A sets is set by B to the same value
//! and, if A has keywords, B has keywords and each of B's contains one of
//! A's (as a run of stems: `izin usaha` contains `izin`). A then ranks above
//! B when its priority is higher or — at equal priority, A being earlier —
//! when A's score can never be below B's: for every set of B's keywords a
//! ticket can contain exactly (a B keyword inside another comes with it),
//! A's criteria plus the A keywords inside that set's keywords is at least
//! B's criteria plus the size of the set. The check is pairwise and, for a
//! B with more than 12 keywords, the equal-priority case is not examined
//! (such a B is not reported). Each rule is compared only with the earlier
//! rules that could shadow it — those whose criteria are a subset of its
//! own and that have no keyword or a keyword inside one of its keywords —,
//! found through an index of the earlier rules by criteria and keyword, so
//! the check costs about one lookup per rule and keyword on ordinary rule
//! sets rather than one comparison per pair of rules.
//!
//! # Limits
//! A rule set is data a client sends. What it may declare is bounded (see
//! [`limits`]: units, rules, keywords per rule and in all, distinct keyword
//! words, the length of a keyword, of ids, names and notes), and building a
//! router costs time linear in the size of the rule set (about half a
//! millisecond per distinct keyword word, which is expanded into its
//! inflected forms; the shadowed-rule check above). [`Router::suggest`] reads at most
//! [`limits::MAX_SUBJECT_CHARS`] characters of a ticket's subject and
//! [`limits::MAX_TEXT_CHARS`] of its text: the rest is ignored, so a
//! suggestion costs at most a fixed amount of work whatever the ticket.
//!
//! # Assignment and redistribution
//! [`pick_staff`] chooses, inside a unit, the eligible staff member with
//! the fewest open tickets. When a unit answers "not ours",
//! [`Router::redistribute`] ranks again without the units that declined.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Lang, Problem, check_len, too_many};
use crate::procedure::Label;

// ---------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------

/// What a rule set may declare, and how much of a ticket routing reads.
///
/// The limits are far above what an office needs (the sample has 14 units,
/// 30 rules, at most 11 keywords per rule and keywords of at most 23
/// characters) and keep the cost of building a router and of a suggestion
/// bounded. [`RuleSet::validate`] reports a value over its limit as a
/// problem (`too_many`, `too_long`) together with all the others.
///
/// # Example
/// ```
/// use ptsp::routing::{RuleSet, limits};
/// let mut set = RuleSet::sample();
/// set.rules[0].keywords.push("a".repeat(limits::MAX_KEYWORD_CHARS + 1));
/// set.units[1].name.en = "x".repeat(limits::MAX_NAME_CHARS + 1);
/// let problems = set.validate();
/// let got: Vec<(&str, &str)> = problems.iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
/// assert_eq!(got, [("units[1].name.en", "too_long"), ("rules[0].keywords[8]", "too_long")]);
/// ```
pub mod limits {
    /// The most units in a rule set.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_UNITS, 1_000);
    /// ```
    pub const MAX_UNITS: usize = 1_000;

    /// The most rules in a rule set.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_RULES, 20_000);
    /// ```
    pub const MAX_RULES: usize = 20_000;

    /// The most keywords of one rule.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_KEYWORDS, 100);
    /// ```
    pub const MAX_KEYWORDS: usize = 100;

    /// The most keywords of all the rules together.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_TOTAL_KEYWORDS, 200_000);
    /// ```
    pub const MAX_TOTAL_KEYWORDS: usize = 200_000;

    /// The most distinct words (lower case, without diacritics) in all the
    /// keywords together. Building a router costs about half a millisecond
    /// per distinct word (it expands each into its inflected forms), so
    /// this bounds the time [`Router::new`](super::Router::new) takes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_KEYWORD_WORDS, 10_000);
    /// ```
    pub const MAX_KEYWORD_WORDS: usize = 10_000;

    /// The longest keyword (a word or a phrase), in characters.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_KEYWORD_CHARS, 100);
    /// ```
    pub const MAX_KEYWORD_CHARS: usize = 100;

    /// The longest id, in characters: of a unit, a rule, a rule's target
    /// and the fallback.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_ID_CHARS, 100);
    /// ```
    pub const MAX_ID_CHARS: usize = 100;

    /// The longest name or criterion, in characters: a unit's name (in
    /// either language) and a rule's service, sector or category.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_NAME_CHARS, 500);
    /// ```
    pub const MAX_NAME_CHARS: usize = 500;

    /// The longest note, in characters (of the rule set and of a rule).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::limits::MAX_NOTE_CHARS, 5_000);
    /// ```
    pub const MAX_NOTE_CHARS: usize = 5_000;

    /// How much of a ticket's subject routing reads, in characters (well
    /// above the web form's default limit of 150): the rest is ignored.
    ///
    /// # Example
    /// ```
    /// use ptsp::routing::{Router, RoutingInput, limits};
    /// let router = Router::sample();
    /// let subject = format!("{} limbah", "x".repeat(limits::MAX_SUBJECT_CHARS));
    /// let s = router.suggest(&RoutingInput::new(subject, ""));
    /// assert_eq!(s[0].reasons[0].code(), "no_match"); // "limbah" is past the limit
    /// ```
    pub const MAX_SUBJECT_CHARS: usize = 1_000;

    /// How much of a ticket's text routing reads, in characters (four
    /// times the web form's default limit of 5,000): the rest is ignored.
    ///
    /// # Example
    /// ```
    /// use ptsp::routing::{Router, RoutingInput, limits};
    /// let router = Router::sample();
    /// let text = format!("limbah {}", "x ".repeat(limits::MAX_TEXT_CHARS));
    /// let s = router.suggest(&RoutingInput::new("", text));
    /// assert_eq!(s[0].unit, "dlh"); // read within the limit
    /// ```
    pub const MAX_TEXT_CHARS: usize = 20_000;
}

/// The first `max` characters of `text`.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

/// What kind of unit a ticket can be routed to.
///
/// # Example
/// ```
/// let k: ptsp::routing::UnitKind = serde_json::from_str("\"head_of_complaints\"")?;
/// assert_eq!(k, ptsp::routing::UnitKind::HeadOfComplaints);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// A division (*Bidang*) of the one-stop office.
    Bidang,
    /// A technical regional agency (*OPD teknis*).
    Opd,
    /// The head of the complaints division (*Kepala Bidang Pengaduan*), who
    /// distributes what no rule routes.
    HeadOfComplaints,
}

/// A division or agency that answers tickets.
///
/// # Example
/// ```
/// let set = ptsp::routing::RuleSet::sample();
/// let dkp = set.units.iter().find(|u| u.id == "dkp").unwrap();
/// assert_eq!(dkp.kind, ptsp::routing::UnitKind::Opd);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Identifier (e.g. `dkp`), as used in assignments.
    pub id: String,
    /// Name in both languages.
    pub name: Label,
    /// Division, agency or head of complaints.
    pub kind: UnitKind,
}

/// One routing rule: criteria on a ticket and the unit it goes to.
///
/// See the [module docs](self) for when a rule matches and how matches are
/// ranked.
///
/// # Example
/// ```
/// let rule: ptsp::routing::RoutingRule = serde_json::from_str(r#"{
///     "id": "perikanan", "target": "dkp", "priority": 10,
///     "keywords": ["ikan", "nelayan", "izin usaha perikanan"]
/// }"#)?;
/// assert_eq!(rule.service, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingRule {
    /// Identifier.
    pub id: String,
    /// The unit id the ticket goes to.
    pub target: String,
    /// Higher priorities rank first (default 0).
    #[serde(default)]
    pub priority: i32,
    /// Required service type id (e.g. `izin-usaha-perikanan-tangkap`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Required sector (e.g. `perikanan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Required category (e.g. `konsultasi`, `pengaduan`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Words or phrases, any of which must occur in the subject or text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Free note for the people maintaining the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A routing rule set: the units, the rules, and the fallback unit.
///
/// # Example
/// ```
/// let set = ptsp::routing::RuleSet::sample();
/// assert!(set.validate().is_empty());
/// assert_eq!(set.fallback, "kabid-pengaduan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Where the rule set comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The units tickets can go to.
    pub units: Vec<Unit>,
    /// The rules, in order (order breaks ties, see the module docs).
    pub rules: Vec<RoutingRule>,
    /// The unit (of kind `head_of_complaints`) that receives what no rule
    /// routes.
    pub fallback: String,
}

const SAMPLE_RULES_JSON: &str = include_str!("../data/routing-jatim-sample.json");

impl RuleSet {
    /// A sample rule set for DPMPTSP Jawa Timur: 14 units, 30 rules.
    /// **Sample data**: the standard does not list the office's divisions,
    /// agencies or routing rules; an office replaces it with its own.
    ///
    /// # Example
    /// ```
    /// let set = ptsp::routing::RuleSet::sample();
    /// assert!(set.note.contains("SAMPLE"));
    /// assert_eq!(set.rules.len(), 30);
    /// ```
    pub fn sample() -> RuleSet {
        serde_json::from_str(SAMPLE_RULES_JSON).expect("built-in rule set is valid (tested)")
    }

    /// Every problem of the rule set (empty when valid); see the
    /// [module docs](self#validation) for the codes.
    ///
    /// # Example
    /// ```
    /// let mut set = ptsp::routing::RuleSet::sample();
    /// set.rules[0].target = "nowhere".into();
    /// set.fallback = "dkp".into();
    /// let codes: Vec<String> = set.validate().into_iter().map(|p| p.code.to_string()).collect();
    /// assert_eq!(codes, ["fallback_not_head", "unknown_unit"]);
    /// ```
    pub fn validate(&self) -> Vec<Problem> {
        let lexicon = Lexicon::for_rules(&self.rules);
        validate(self, &lexicon)
    }
}

/// The part of a ticket routing looks at, as plain strings from the web
/// form. Empty strings mean "not given".
///
/// # Example
/// ```
/// use ptsp::routing::RoutingInput;
/// let t = RoutingInput::new("Izin RS", "Kapan izin operasional rumah sakit kami terbit?")
///     .with_category("konsultasi");
/// assert_eq!(t.category, "konsultasi");
/// assert!(t.service.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingInput {
    /// Service type id the ticket is about, if the asker chose one.
    #[serde(default)]
    pub service: String,
    /// Sector, if known.
    #[serde(default)]
    pub sector: String,
    /// Category (`konsultasi`, `pengaduan`, …).
    #[serde(default)]
    pub category: String,
    /// Subject line.
    #[serde(default)]
    pub subject: String,
    /// The question or complaint.
    #[serde(default)]
    pub text: String,
}

impl RoutingInput {
    /// A ticket with a subject and a text.
    ///
    /// # Example
    /// ```
    /// let t = ptsp::routing::RoutingInput::new("a", "b");
    /// assert_eq!((t.subject.as_str(), t.text.as_str()), ("a", "b"));
    /// ```
    pub fn new(subject: impl Into<String>, text: impl Into<String>) -> RoutingInput {
        RoutingInput {
            subject: subject.into(),
            text: text.into(),
            ..RoutingInput::default()
        }
    }

    /// The same ticket with a service type id.
    ///
    /// # Example
    /// ```
    /// let t = ptsp::routing::RoutingInput::default().with_service("izin-usaha-perikanan-tangkap");
    /// assert_eq!(t.service, "izin-usaha-perikanan-tangkap");
    /// ```
    pub fn with_service(mut self, service: impl Into<String>) -> RoutingInput {
        self.service = service.into();
        self
    }

    /// The same ticket with a sector.
    ///
    /// # Example
    /// ```
    /// let t = ptsp::routing::RoutingInput::default().with_sector("kesehatan");
    /// assert_eq!(t.sector, "kesehatan");
    /// ```
    pub fn with_sector(mut self, sector: impl Into<String>) -> RoutingInput {
        self.sector = sector.into();
        self
    }

    /// The same ticket with a category.
    ///
    /// # Example
    /// ```
    /// let t = ptsp::routing::RoutingInput::default().with_category("pengaduan");
    /// assert_eq!(t.category, "pengaduan");
    /// ```
    pub fn with_category(mut self, category: impl Into<String>) -> RoutingInput {
        self.category = category.into();
        self
    }

    /// The text of a field.
    ///
    /// # Example
    /// ```
    /// use ptsp::routing::{Field, RoutingInput};
    /// assert_eq!(RoutingInput::new("s", "t").field(Field::Subject), "s");
    /// ```
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Subject => &self.subject,
            Field::Text => &self.text,
        }
    }
}

impl From<&crate::form::ValidForm> for RoutingInput {
    /// The routing view of a validated web form ([`crate::form`]): its
    /// service, subject and text; the ticket kind (`konsultasi`,
    /// `pengaduan` or `saran`) as the category; the applicant's own
    /// category (a topic such as `perikanan`) as the sector.
    ///
    /// # Example
    /// ```
    /// use ptsp::form::{FormLimits, TicketKind, WebForm, validate};
    /// use ptsp::routing::{Router, RoutingInput};
    ///
    /// let form = WebForm::new(TicketKind::Complaint, "Siti Rahayu", "Izin belum terbit",
    ///         "Izin usaha perikanan tangkap saya belum terbit sejak Oktober.")
    ///     .with_nik("3515144508680002")
    ///     .with_phone("0812-3456-7890")
    ///     .with_category("perikanan");
    /// let valid = validate(&form, &FormLimits::default(), "2026-12-01".parse()?)?;
    /// let input = RoutingInput::from(&valid);
    /// assert_eq!((input.category.as_str(), input.sector.as_str()), ("pengaduan", "perikanan"));
    /// assert_eq!(Router::sample().suggest(&input)[0].unit, "dkp");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from(form: &crate::form::ValidForm) -> RoutingInput {
        RoutingInput {
            service: form.service.clone().unwrap_or_default(),
            sector: form.category.clone().unwrap_or_default(),
            category: form.kind.as_str().to_owned(),
            subject: form.subject.clone(),
            text: form.text.clone(),
        }
    }
}

/// The free-text field of a ticket a keyword was found in.
///
/// # Example
/// ```
/// assert_eq!(serde_json::to_string(&ptsp::routing::Field::Subject)?, "\"subject\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// [`RoutingInput::subject`].
    Subject,
    /// [`RoutingInput::text`].
    Text,
}

/// Why a unit was suggested. Strings borrow from the [`Router`].
///
/// # Example
/// ```
/// use ptsp::{Lang, routing::{Router, RoutingInput, Reason}};
/// let router = Router::sample();
/// let ticket = RoutingInput::new("", "Limbah pabrik mencemari sungai");
/// let s = &router.suggest(&ticket)[0];
/// let Reason::Keyword { keyword, normalized, start, end, .. } = &s.reasons[0] else { panic!() };
/// assert_eq!((*keyword, *normalized), ("limbah", "limbah"));
/// assert_eq!(&ticket.text[*start..*end], "Limbah");
/// assert!(s.reasons[0].text(Lang::En).contains("\"limbah\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason<'r> {
    /// The rule's service criterion matched.
    Service {
        /// The value, as written in the rule.
        value: &'r str,
    },
    /// The rule's sector criterion matched.
    Sector {
        /// The value, as written in the rule.
        value: &'r str,
    },
    /// The rule's category criterion matched.
    Category {
        /// The value, as written in the rule.
        value: &'r str,
    },
    /// One of the rule's keywords was found (its first occurrence).
    Keyword {
        /// The keyword as written in the rule.
        keyword: &'r str,
        /// The normalised stems it matched, space-separated.
        normalized: &'r str,
        /// Where it was found.
        field: Field,
        /// Byte offset of the first matched word in that field.
        start: usize,
        /// Byte offset just after the last matched word.
        end: usize,
    },
    /// No rule matched: the ticket goes to the head of complaints.
    NoMatch,
    /// Rules matched, but every unit they name declined the ticket.
    AllRejected,
}

impl Reason<'_> {
    /// The stable code: `service`, `sector`, `category`, `keyword`,
    /// `no_match` or `all_rejected`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::Reason::NoMatch.code(), "no_match");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Service { .. } => "service",
            Reason::Sector { .. } => "sector",
            Reason::Category { .. } => "category",
            Reason::Keyword { .. } => "keyword",
            Reason::NoMatch => "no_match",
            Reason::AllRejected => "all_rejected",
        }
    }

    /// A sentence in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::{Lang, routing::Reason};
    /// let r = Reason::Sector { value: "perikanan" };
    /// assert_eq!(r.text(Lang::Id), "sektor \"perikanan\"");
    /// assert_eq!(r.text(Lang::En), "sector \"perikanan\"");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::Service { value }, Lang::En) => format!("service {value:?}"),
            (Reason::Service { value }, Lang::Id) => format!("jenis layanan {value:?}"),
            (Reason::Sector { value }, Lang::En) => format!("sector {value:?}"),
            (Reason::Sector { value }, Lang::Id) => format!("sektor {value:?}"),
            (Reason::Category { value }, Lang::En) => format!("category {value:?}"),
            (Reason::Category { value }, Lang::Id) => format!("kategori {value:?}"),
            (
                Reason::Keyword {
                    keyword,
                    normalized,
                    field,
                    ..
                },
                Lang::En,
            ) => format!(
                "keyword {keyword:?} found as {normalized:?} in the {}",
                match field {
                    Field::Subject => "subject",
                    Field::Text => "text",
                }
            ),
            (
                Reason::Keyword {
                    keyword,
                    normalized,
                    field,
                    ..
                },
                Lang::Id,
            ) => format!(
                "kata kunci {keyword:?} ditemukan sebagai {normalized:?} pada {}",
                match field {
                    Field::Subject => "perihal",
                    Field::Text => "isi",
                }
            ),
            (Reason::NoMatch, Lang::En) => {
                "no rule matched: the head of complaints distributes it".to_owned()
            }
            (Reason::NoMatch, Lang::Id) => {
                "tidak ada aturan yang cocok: Kepala Bidang Pengaduan mendistribusikannya"
                    .to_owned()
            }
            (Reason::AllRejected, Lang::En) => {
                "every matching unit declined: the head of complaints distributes it".to_owned()
            }
            (Reason::AllRejected, Lang::Id) => {
                "semua unit yang cocok menolak: Kepala Bidang Pengaduan mendistribusikannya"
                    .to_owned()
            }
        }
    }

    /// The ticket text a keyword reason points at (`None` for the others).
    ///
    /// # Example
    /// ```
    /// use ptsp::routing::{Router, RoutingInput};
    /// let router = Router::sample();
    /// let t = RoutingInput::new("", "Kapan PERIZINANNYA selesai?");
    /// let s = router.suggest(&t);
    /// assert_eq!(s[0].reasons[0].excerpt(&t), Some("PERIZINANNYA"));
    /// ```
    pub fn excerpt<'i>(&self, input: &'i RoutingInput) -> Option<&'i str> {
        match self {
            Reason::Keyword {
                field, start, end, ..
            } => input.field(*field).get(*start..*end),
            _ => None,
        }
    }
}

/// One ranked suggestion: a unit, the rule that put it there, and why.
///
/// # Example
/// ```
/// use ptsp::routing::{Router, RoutingInput};
/// let router = Router::sample();
/// let s = router.suggest(&RoutingInput::default().with_service("izin-operasional-rs-kelas-b"));
/// assert_eq!((s[0].unit, s[0].rule), ("dinkes", Some("layanan-rs")));
/// assert_eq!(s[0].score, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion<'r> {
    /// The unit id.
    pub unit: &'r str,
    /// The rule id (`None` for the fallback).
    pub rule: Option<&'r str>,
    /// The rule's priority (0 for the fallback).
    pub priority: i32,
    /// Criteria of the rule plus keywords found (0 for the fallback).
    pub score: u32,
    /// Why: the criteria that matched, then the keywords found, in rule
    /// order.
    pub reasons: Vec<Reason<'r>>,
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

fn yes() -> bool {
    true
}

/// A staff member's current load, for assignment inside a unit.
///
/// # Example
/// ```
/// let s: ptsp::routing::StaffLoad =
///     serde_json::from_str(r#"{"id": "op-1", "unit": "dkp", "open_tickets": 3}"#)?;
/// assert!(s.active && s.competences.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffLoad {
    /// Staff id.
    pub id: String,
    /// The unit they work in.
    pub unit: String,
    /// Tickets currently assigned to them and not closed.
    pub open_tickets: u32,
    /// Whether they can take tickets now (not on leave, not disabled);
    /// default `true`.
    #[serde(default = "yes")]
    pub active: bool,
    /// Competences they hold (e.g. `perikanan_tangkap`), for
    /// [`pick_staff_with`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<String>,
}

/// The staff member of `unit` who should take the next ticket: among those
/// active in the unit, the one with the fewest open tickets; ties go to the
/// smallest id (byte order), so the choice is deterministic.
///
/// `None` when nobody in the unit is active: the ticket then stays with the
/// unit unassigned (or goes back to the head of complaints) — the desk
/// decides; routing never invents a person.
///
/// # Example
/// ```
/// use ptsp::routing::{StaffLoad, pick_staff};
/// let staff: Vec<StaffLoad> = serde_json::from_str(r#"[
///     {"id": "b", "unit": "dkp", "open_tickets": 2},
///     {"id": "a", "unit": "dkp", "open_tickets": 2},
///     {"id": "c", "unit": "dkp", "open_tickets": 0, "active": false},
///     {"id": "d", "unit": "dlh", "open_tickets": 0}
/// ]"#)?;
/// assert_eq!(pick_staff("dkp", &staff).unwrap().id, "a");
/// assert!(pick_staff("dinkes", &staff).is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn pick_staff<'s>(unit: &str, staff: &'s [StaffLoad]) -> Option<&'s StaffLoad> {
    pick_staff_with::<&str>(unit, &[], staff)
}

/// Like [`pick_staff`], counting only staff who hold every competence in
/// `required`.
///
/// # Example
/// ```
/// use ptsp::routing::{StaffLoad, pick_staff_with};
/// let staff: Vec<StaffLoad> = serde_json::from_str(r#"[
///     {"id": "a", "unit": "dkp", "open_tickets": 0},
///     {"id": "b", "unit": "dkp", "open_tickets": 5, "competences": ["perikanan_tangkap"]}
/// ]"#)?;
/// assert_eq!(pick_staff_with("dkp", &["perikanan_tangkap"], &staff).unwrap().id, "b");
/// assert!(pick_staff_with("dkp", &["budidaya"], &staff).is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn pick_staff_with<'s, C: AsRef<str>>(
    unit: &str,
    required: &[C],
    staff: &'s [StaffLoad],
) -> Option<&'s StaffLoad> {
    staff
        .iter()
        .filter(|s| {
            s.active
                && s.unit == unit
                && required
                    .iter()
                    .all(|c| s.competences.iter().any(|x| x == c.as_ref()))
        })
        .min_by(|a, b| {
            a.open_tickets
                .cmp(&b.open_tickets)
                .then_with(|| a.id.cmp(&b.id))
        })
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// An error of routing rule sets.
///
/// # Example
/// ```
/// let mut set = ptsp::routing::RuleSet::sample();
/// set.fallback = "nobody".into();
/// let err = ptsp::routing::Router::new(set).unwrap_err();
/// assert_eq!(err.code(), "invalid_rule_set");
/// assert_eq!(err.problems()[0].code, "unknown_fallback");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoutingError {
    /// The rule set failed validation; every problem is listed.
    #[error("invalid routing rule set: {}", crate::error::summary(.problems, Lang::En))]
    Invalid {
        /// All problems found.
        problems: Vec<Problem>,
    },
    /// A JSON text could not be read.
    #[error("invalid json at line {line}, column {column}: {detail}")]
    InvalidJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong.
        detail: String,
    },
}

impl RoutingError {
    /// The stable code: `invalid_rule_set` or `invalid_json`.
    ///
    /// # Example
    /// ```
    /// let e = ptsp::routing::RoutingError::Invalid { problems: vec![] };
    /// assert_eq!(e.code(), "invalid_rule_set");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RoutingError::Invalid { .. } => "invalid_rule_set",
            RoutingError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The problems behind an `invalid_rule_set` error.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::routing::RoutingError::Invalid { problems: vec![] }.problems().is_empty());
    /// ```
    pub fn problems(&self) -> &[Problem] {
        match self {
            RoutingError::Invalid { problems } => problems,
            RoutingError::InvalidJson { .. } => &[],
        }
    }

    /// The message in the given language.
    ///
    /// # Example
    /// ```
    /// use ptsp::Lang;
    /// let e = ptsp::routing::Router::from_json("{").unwrap_err();
    /// assert!(e.message(Lang::Id).starts_with("json tidak valid"));
    /// let e = ptsp::routing::RoutingError::Invalid { problems: vec![] };
    /// assert!(e.message(Lang::Id).starts_with("aturan perutean tidak valid"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (RoutingError::Invalid { problems }, Lang::Id) => format!(
                "aturan perutean tidak valid: {}",
                crate::error::summary(problems, Lang::Id)
            ),
            (
                RoutingError::InvalidJson {
                    line,
                    column,
                    detail,
                },
                Lang::Id,
            ) => crate::error::json_message_id(*line, *column, detail),
        }
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// ASCII folding: lower-case letters and digits, 0 for separators.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            b
        } else if b.is_ascii_uppercase() {
            b + 32
        } else {
            0
        };
        i += 1;
    }
    t
};

const SEPARATOR: u8 = 0;
const PLAIN: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 3;

/// What a byte is to the tokenizer.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() || b.is_ascii_digit() {
            PLAIN
        } else if b.is_ascii_uppercase() {
            UPPER
        } else {
            SEPARATOR
        };
        i += 1;
    }
    t
};

/// A lower-case letter without its diacritic, for the Latin letters that
/// have one.
fn strip_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Appends the folded form of a token (letters, digits, combining marks)
/// to `buf`.
fn fold_into(token: &str, buf: &mut Vec<u8>) {
    for c in token.chars() {
        if c.is_ascii() {
            buf.push(ASCII_FOLD[c as usize]);
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(s) = strip_diacritic(l) {
                buf.extend_from_slice(s.as_bytes());
            } else if !is_combining_mark(l) {
                let mut tmp = [0u8; 4];
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
}

/// Calls `f(folded, start, end)` for every token of `text`; `folded` is
/// the token in lower case without diacritics, `start..end` its byte span
/// in `text`. A token is a run of letters and digits (combining marks
/// inside a run belong to it). `buf` is scratch space.
#[inline]
fn scan(text: &str, buf: &mut Vec<u8>, f: impl FnMut(&[u8], usize, usize)) {
    if text.is_ascii() {
        scan_ascii(text.as_bytes(), buf, f);
    } else {
        scan_unicode(text, buf, f);
    }
}

/// [`scan`] for ASCII text: a byte loop with one compare for the common
/// byte.
#[inline]
fn scan_ascii(bytes: &[u8], buf: &mut Vec<u8>, mut f: impl FnMut(&[u8], usize, usize)) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let first = ASCII_CLASS[bytes[i] as usize];
        if first == SEPARATOR {
            i += 1;
            continue;
        }
        let start = i;
        let mut upper = first == UPPER;
        i += 1;
        while i < n {
            let class = ASCII_CLASS[bytes[i] as usize];
            if class == PLAIN {
                i += 1;
            } else if class == UPPER {
                upper = true;
                i += 1;
            } else {
                break;
            }
        }
        if upper {
            buf.clear();
            buf.extend(bytes[start..i].iter().map(|&b| ASCII_FOLD[b as usize]));
            f(buf, start, i);
        } else {
            f(&bytes[start..i], start, i);
        }
    }
}

/// [`scan`] for any text, char by char.
fn scan_unicode(text: &str, buf: &mut Vec<u8>, mut f: impl FnMut(&[u8], usize, usize)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            buf.clear();
            fold_into(&text[s..i], buf);
            f(buf, s, i);
        }
    }
    if let Some(s) = start {
        buf.clear();
        fold_into(&text[s..], buf);
        f(buf, s, text.len());
    }
}

/// Splits a text into normalised words: lower case, Latin diacritics
/// removed, separated by anything that is not a letter or a digit.
///
/// # Example
/// ```
/// assert_eq!(
///     ptsp::routing::tokenize("Izin-izin USAHA (café), No. 12!"),
///     ["izin", "izin", "usaha", "cafe", "no", "12"]
/// );
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    scan(text, &mut buf, |t, _, _| {
        out.push(String::from_utf8(t.to_vec()).expect("folded tokens are UTF-8"));
    });
    out
}

// ---------------------------------------------------------------------------
// Lexicon and stemmer
// ---------------------------------------------------------------------------

/// Common roots of public-service Indonesian. A word listed here is never
/// stripped, and a split of a longer word whose root is listed wins over
/// the rule-based guess. Words that look affixed but are roots (*masalah*,
/// *sekolah*, *kepala*, *berita*, *tentang*) are here so they stay whole.
const LEXICON: &str = "
# service, procedure, documents
izin layan urus mohon aju adu keluh lapor tanya jawab konsultasi informasi data berkas
dokumen syarat surat formulir isi unggah unduh kirim terima tolak setuju sah verifikasi
validasi periksa cek proses status tunggu lambat cepat lama waktu hari kerja jam minggu
bulan tahun tanggal batas janji selesai terbit cetak tanda tangan salin asli
rekomendasi teknis tinjau survei lapang lokasi alamat kantor dinas bidang badan kepala
tugas staf pegawai operator admin helpdesk sistem aplikasi akun sandi login email kode
otp situs web online internet jaring gagal salah error masalah kendala bantu tolong
minta ganti ubah hapus batal baru panjang pendek habis laku masa aktif tutup buka
daftar catat nomor induk nib npwp ktp oss joss bayar biaya tarif retribusi pajak denda
gratis pungut liar suap calo gratifikasi korupsi kasar ramah sopan puas kecewa marah
tegur sanksi hukum atur undang pasal standar mutu nilai indeks saran usul masuk keluar
tindak lanjut jelas paham tahu kena dapat punya milik pakai ambil beri kasih antar
jemput datang pergi temu hubung telepon pesan balas sampai capai tuju guna manfaat rugi
untung sertifikat akta notaris legalisir stempel arsip tanggap respons keberatan
banding gugat pengaruh putus tetap ulang tambah kurang lengkap benar betul cocok beda
sesuai jadi buat lihat baca tulis cari pilih klik kata
# fisheries and marine
ikan laut kapal nelayan tambak budidaya tangkap garam pesisir pulau dermaga labuh udang
rumput benih perahu jala pancing terumbu karang mangrove
# health
sehat sakit rumah klinik apotek obat dokter bidan rawat medis puskesmas laboratorium
farmasi alkes vaksin gizi pasien darah racik kosmetik
# environment and forestry
lingkung hidup limbah cemar sampah amdal udara air sungai polusi bau asap bising hutan
kayu satwa tanam banjir rusak buang
# energy and mining
energi listrik tambang mineral batubara minyak gas bumi panas surya gali batu pasir
sumur bor geologi
# transport and public works
angkut trayek terminal kendara mobil motor bus truk jalan jembatan lalu lintas parkir
sopir kereta bandara bangun gedung tata ruang kawasan wilayah tanah lahan irigasi
# trade, industry, cooperatives
dagang industri pabrik gudang pasar toko barang ekspor impor produk halal merek
koperasi umkm kecil mikro menengah besar jual beli harga timbang ukur
# agriculture and livestock
tani kebun sawah pupuk ternak hewan sapi ayam potong veteriner pangan benih bibit
# investment and business
modal investasi investor asing saham usaha bisnis proyek kota kabupaten provinsi desa
daerah pusat negeri swasta pemerintah perintah kelola kembang bina awas
# education, labour, social, tourism
didik sekolah guru siswa kursus latih sosial tenaga buruh upah wisata hotel budaya seni
agama
# words that look affixed but are roots
masalah kepada tentang dengan untuk karena tetapi sehingga selama setelah sebelum
sesudah sedang sudah belum bisa mau ingin harus perlu pernah sangat sekali semua setiap
seperti bersama berapa mengapa bagaimana kenapa kapan siapa terhadap tersebut teman
tempat tengah tinggi bersih berat beras berita merah meja menteri menit mereka memang
penuh peta pena persen perintah pertama peserta serta sejak segera senang sebut selalu
sendiri sering sedikit sempat sama tamu dahulu diri dia kami kita saya anda ketua kelas
keras kembali kemarin kemudian ketika kelompok keluarga kertas ketik bijak dana dasar
dalam dari diam digital direktur diskusi distribusi tentu telah terus tertib tepat
tegas bebas bekas besok pelan seluruh sekitar selasa senin sewa sektor sekarang selain
sebab terang teliti tahan bagai pada para per serah mana apa ada lain banyak cukup
hanya juga lagi masih namun oleh sini situ yang atau dan akan bukan tidak ya
";

/// A fast hasher for the build-time maps (keys are short words).
#[derive(Debug, Default, Clone, Copy)]
struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0 ^ hash(bytes));
    }
}

type FastBuild = std::hash::BuildHasherDefault<FastHasher>;

/// The words of [`LEXICON`] (lines starting with `#` are headings).
fn lexicon_words() -> impl Iterator<Item = &'static str> {
    LEXICON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
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
struct Lexicon {
    /// The built-in words plus the extra ones (`None`: no extra words).
    merged: Option<FormTable>,
}

impl Lexicon {
    #[inline]
    fn contains(&self, w: &str) -> bool {
        let table = self.merged.as_ref().unwrap_or_else(|| builtin_lexicon());
        table.contains(w.as_bytes())
    }

    /// The built-in lexicon plus, for every keyword word of `rules`, its
    /// stem — or the word itself when the built-in lexicon cannot analyse
    /// it — so that an office's own vocabulary is recognised.
    fn for_rules(rules: &[RoutingRule]) -> Lexicon {
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
enum Deriv {
    None,
    Kan,
    An,
    I,
}

const DERIVS: [Deriv; 4] = [Deriv::None, Deriv::Kan, Deriv::An, Deriv::I];

impl Deriv {
    fn text(self) -> &'static str {
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
const CLITICS: [&str; 9] = [
    "", "nya", "ku", "mu", "lah", "kah", "pun", "nyalah", "nyakah",
];

/// The clitic ending the hot path splits off a word it does not know: the
/// longest one the word ends with (`CLITICS` without `""`), leaving at
/// least one letter. Returns the length of the rest.
#[inline]
fn split_clitic(w: &[u8]) -> Option<usize> {
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
enum Item {
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

const ITEMS: [Item; 22] = [
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
    fn allows(self, d: Deriv) -> bool {
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
    fn realize(self, root: &[u8]) -> Option<(&'static str, usize)> {
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
type Key = (u8, usize, bool, Option<Item>);

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
fn best_before_clitic(rest: &str, lexicon: &Lexicon) -> Option<(Key, String)> {
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
fn known_root<R: AsRef<str>>(w: &str, mut best: impl FnMut(&str) -> Option<(Key, R)>) -> Option<R> {
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

/// The stem of one folded word, with a lexicon.
fn stem_with(w: &str, lexicon: &Lexicon) -> String {
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
fn stem_known(w: &str, lexicon: &Lexicon) -> Option<String> {
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) || lexicon.contains(w) {
        return Some(w.to_owned());
    }
    known_root(w, |rest| best_before_clitic(rest, lexicon))
}

/// The stem of an Indonesian word, with the built-in lexicon (see the
/// [module docs](self#normalisation-of-indonesian-words)). The word is
/// folded first (lower case, no diacritics); words with digits or
/// non-Latin letters, and words of three letters or fewer, are kept whole.
///
/// # Example
/// ```
/// use ptsp::routing::stem;
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

/// [`tokenize`] then [`stem`] every word, with the built-in lexicon.
///
/// # Example
/// ```
/// assert_eq!(
///     ptsp::routing::normalize("Perpanjangan izin usaha PERIKANAN!"),
///     ["panjang", "izin", "usaha", "ikan"]
/// );
/// ```
pub fn normalize(text: &str) -> Vec<String> {
    normalize_with(text, &Lexicon::default())
}

fn normalize_with(text: &str, lexicon: &Lexicon) -> Vec<String> {
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

// ---------------------------------------------------------------------------
// The table of inflected keyword forms
// ---------------------------------------------------------------------------

/// "No stem" in tables and scratch arrays.
const NONE: u32 = u32::MAX;

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
fn hash(bytes: &[u8]) -> u64 {
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
struct Entry {
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
struct FormTable {
    /// `tag << 32 | entry index`, 0 when empty.
    slots: Vec<u64>,
    entries: Vec<Entry>,
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
    fn contains(&self, key: &[u8]) -> bool {
        key.len() >= self.min_len
            && key.len() <= self.max_len
            && self.find(key, hash(key)).is_some()
    }

    /// Inserts `key` (as a `BASE` entry of value 0) unless the table holds
    /// it: the lexicon's use of the table, as a set.
    fn insert_new(&mut self, key: &[u8]) {
        if !self.contains(key) {
            self.insert(key, 0, BASE);
        }
    }

    /// The stem id of a folded word: its own entry, or else the `BASE`
    /// entry of the word without its longest clitic ending.
    #[inline]
    fn resolve(&self, w: &[u8]) -> Option<u32> {
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

/// Every inflected form (without clitics) of a stem the grammar allows.
fn forms(stem: &str) -> Vec<String> {
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

/// The table for a set of stems: a word maps to a stem exactly when
/// `stem_with(word, lexicon)` is that stem.
fn build_table(stems: &HashMap<String, u32, FastBuild>, lexicon: &Lexicon) -> FormTable {
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

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const FIELDS: [(&str, &str, &str); 3] = [
    ("service", "service", "jenis layanan"),
    ("sector", "sector", "sektor"),
    ("category", "category", "kategori"),
];

fn criteria(r: &RoutingRule) -> [Option<&String>; 3] {
    [r.service.as_ref(), r.sector.as_ref(), r.category.as_ref()]
}

fn norm_value(v: &str) -> String {
    v.trim().to_lowercase()
}

/// A rule's conditions in normalised form.
#[derive(Debug, Clone)]
struct Conditions {
    criteria: [Option<String>; 3],
    /// Keywords as runs of stems, without duplicates.
    keywords: Vec<Vec<String>>,
}

impl Conditions {
    fn of(r: &RoutingRule, lexicon: &Lexicon) -> Conditions {
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
fn keywords_within_limits(rules: &[RoutingRule]) -> impl Iterator<Item = &String> {
    let take = if stemmable(rules) { rules.len() } else { 0 };
    rules[..take]
        .iter()
        .filter(|r| r.keywords.len() <= limits::MAX_KEYWORDS)
        .flat_map(|r| &r.keywords)
        .filter(|k| keyword_fits(k))
}

fn validate(set: &RuleSet, lexicon: &Lexicon) -> Vec<Problem> {
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
                    "empty_id",
                    "unit id is empty",
                    "id unit kosong",
                ));
            }
        } else if units.insert(&u.id, u).is_some() && units_ok {
            out.push(Problem::new(
                format!("units[{i}].id"),
                "duplicate_id",
                format!("unit id {:?} is used twice", u.id),
                format!("id unit {:?} dipakai dua kali", u.id),
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
            "unknown_fallback",
            format!("fallback {:?} is not a unit", set.fallback),
            format!("unit cadangan {:?} tidak ada di daftar unit", set.fallback),
        )),
        Some(u) if u.kind != UnitKind::HeadOfComplaints => out.push(Problem::new(
            "fallback",
            "fallback_not_head",
            format!(
                "fallback {:?} must be of kind \"head_of_complaints\", found {:?}",
                set.fallback,
                serde_json::to_value(u.kind).unwrap_or_default()
            ),
            format!(
                "unit cadangan {:?} harus berjenis \"head_of_complaints\" (Kepala Bidang Pengaduan), ditemukan {:?}",
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
            "too_many",
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
            "too_many",
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
                "empty_id",
                "rule id is empty",
                "id aturan kosong",
            ));
        } else if ids.insert(r.id.as_str(), i).is_some() {
            out.push(Problem::new(
                format!("{p}.id"),
                "duplicate_id",
                format!("rule id {:?} is used twice", r.id),
                format!("id aturan {:?} dipakai dua kali", r.id),
            ));
        }
        check_len(&mut out, format!("{p}.id"), &r.id, MAX_ID_CHARS);
        check_len(&mut out, format!("{p}.target"), &r.target, MAX_ID_CHARS);
        if !units.contains_key(r.target.as_str()) {
            out.push(Problem::new(
                format!("{p}.target"),
                "unknown_unit",
                format!("rule {:?}: target {:?} is not a unit", r.id, r.target),
                format!(
                    "aturan {:?}: tujuan {:?} tidak ada di daftar unit",
                    r.id, r.target
                ),
            ));
        }
        for (c, (name, en, id)) in criteria(r).iter().zip(FIELDS) {
            if c.is_some_and(|v| v.trim().is_empty()) {
                sound[i] = false;
                out.push(Problem::new(
                    format!("{p}.{name}"),
                    "empty_criterion",
                    format!("rule {:?}: {en} is blank: remove it or give a value", r.id),
                    format!("aturan {:?}: {id} kosong: hapus atau isi nilainya", r.id),
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
                        "empty_keywords",
                        format!("rule {:?}: keyword {k:?} has no word in it", r.id),
                        format!("aturan {:?}: kata kunci {k:?} tidak berisi kata", r.id),
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
                "empty_keywords",
                format!(
                    "rule {:?} has no criteria: give a service, sector, category or keywords",
                    r.id
                ),
                format!(
                    "aturan {:?} tidak memiliki kriteria: isi jenis layanan, sektor, kategori atau kata kunci",
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
            "shadowed_rule",
            format!(
                "rule {:?} can never be the first suggestion: the earlier rule {:?} (priority {} >= {}) matches every ticket it matches and ranks above it",
                b.id, a.id, a.priority, b.priority
            ),
            format!(
                "aturan {:?} tidak akan pernah menjadi saran pertama: aturan sebelumnya {:?} (prioritas {} >= {}) cocok dengan setiap tiket yang cocok dengannya dan berperingkat lebih tinggi",
                b.id, a.id, a.priority, b.priority
            ),
        ));
    }
    out
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
fn shadowed(conds: &[Option<Conditions>], priorities: &[i32]) -> Vec<(usize, usize)> {
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

// ---------------------------------------------------------------------------
// The router
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct CRule {
    unit: u32,
    priority: i32,
    criteria: [Option<u32>; 3],
    n_criteria: u32,
    keywords: std::ops::Range<u32>,
}

#[derive(Debug, Clone)]
struct CKeyword {
    rule: u32,
    /// Index in the rule's `keywords`.
    index: u32,
    stems: Vec<u32>,
    normalized: String,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    pos: u32,
    stem: u32,
    field: Field,
    start: usize,
    end: usize,
}

/// The keywords as a tree of phrases: a node per distinct run of stems
/// that starts a keyword, its children the runs one stem longer.
#[derive(Debug, Clone, Default)]
struct Phrases {
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
    fn new(n_stems: usize, keywords: &[CKeyword]) -> Phrases {
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

    fn nodes(&self) -> usize {
        self.kw_off.len().saturating_sub(1)
    }

    #[inline]
    fn first(&self, stem: u32) -> u32 {
        self.first.get(stem as usize).copied().unwrap_or(NONE)
    }

    #[inline]
    fn child(&self, node: u32, stem: u32) -> u32 {
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
    fn keywords(&self, node: u32) -> &[u32] {
        &self.kws[self.kw_off[node as usize] as usize..self.kw_off[node as usize + 1] as usize]
    }
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
/// use ptsp::routing::{Router, RoutingInput};
/// let router = Router::sample();
/// let s = router.suggest(&RoutingInput::new("", "Apotek di dekat rumah menjual obat tanpa izin"));
/// assert_eq!(s[0].unit, "dinkes");
/// ```
#[derive(Clone)]
pub struct Router {
    set: RuleSet,
    lexicon: Lexicon,
    unit_ids: HashMap<String, u32>,
    fallback: u32,
    rules: Vec<CRule>,
    keywords: Vec<CKeyword>,
    kwless: Vec<u32>,
    phrases: Phrases,
    values: [Values; 3],
    table: FormTable,
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
    /// use ptsp::routing::{Router, RuleSet};
    /// let router = Router::new(RuleSet::sample())?;
    /// assert_eq!(router.rule_set().units.len(), 14);
    /// # Ok::<(), ptsp::routing::RoutingError>(())
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
    /// let json = serde_json::to_string(&ptsp::routing::RuleSet::sample()).unwrap();
    /// assert!(ptsp::routing::Router::from_json(&json).is_ok());
    /// assert_eq!(ptsp::routing::Router::from_json("[").unwrap_err().code(), "invalid_json");
    /// ```
    pub fn from_json(text: &str) -> Result<Router, RoutingError> {
        let set = serde_json::from_str(text).map_err(|e| RoutingError::InvalidJson {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        Router::new(set)
    }

    /// The router of [`RuleSet::sample`] (**sample data**).
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::Router::sample().fallback().id, "kabid-pengaduan");
    /// ```
    pub fn sample() -> Router {
        Router::new(RuleSet::sample()).expect("built-in rule set is valid (tested)")
    }

    /// The rule set.
    ///
    /// # Example
    /// ```
    /// assert_eq!(ptsp::routing::Router::sample().rule_set().rules[0].id, "integritas");
    /// ```
    pub fn rule_set(&self) -> &RuleSet {
        &self.set
    }

    /// The rule set as pretty JSON (what [`Router::from_json`] reads).
    ///
    /// # Example
    /// ```
    /// let r = ptsp::routing::Router::sample();
    /// let again = ptsp::routing::Router::from_json(&r.to_json()).unwrap();
    /// assert_eq!(again.rule_set(), r.rule_set());
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.set).expect("rule sets always serialize")
    }

    /// A unit by id.
    ///
    /// # Example
    /// ```
    /// let r = ptsp::routing::Router::sample();
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
    /// use ptsp::routing::{Router, UnitKind};
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
    /// let r = ptsp::routing::Router::sample();
    /// assert_eq!(r.stem("pertambangan"), "tambang");
    /// ```
    pub fn stem(&self, word: &str) -> String {
        self.normalize(word).join(" ")
    }

    /// Every word of a text, normalised as this router matches it.
    ///
    /// # Example
    /// ```
    /// let r = ptsp::routing::Router::sample();
    /// assert_eq!(r.normalize("Pengaduan: pungutan liar!"), ["adu", "pungut", "liar"]);
    /// ```
    pub fn normalize(&self, text: &str) -> Vec<String> {
        normalize_with(text, &self.lexicon)
    }

    /// The ranked suggestions for a ticket (never empty); see the
    /// [module docs](self#ranking).
    ///
    /// # Example
    /// ```
    /// use ptsp::routing::{Router, RoutingInput};
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
    /// use ptsp::routing::{Router, RoutingInput};
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
    /// use ptsp::routing::{Router, RoutingInput};
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
    use proptest::prelude::*;

    use super::*;

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
    fn routers_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Router>();
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

    #[test]
    fn scan_gives_folded_tokens_and_spans() {
        let text = "A\u{301}da  IZIN—café 7";
        let mut got = Vec::new();
        scan(text, &mut Vec::new(), |t, a, b| {
            got.push((String::from_utf8(t.to_vec()).unwrap(), &text[a..b]));
        });
        assert_eq!(
            got,
            [
                ("ada".to_owned(), "A\u{301}da"),
                ("izin".to_owned(), "IZIN"),
                ("cafe".to_owned(), "café"),
                ("7".to_owned(), "7"),
            ]
        );
    }

    /// The tokenizer written the plain way, one char at a time.
    fn reference_scan(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut cur: Option<(String, usize)> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() || (cur.is_some() && is_combining_mark(c)) {
                let (t, _) = cur.get_or_insert_with(|| (String::new(), i));
                let mut b = Vec::new();
                fold_into(c.encode_utf8(&mut [0; 4]), &mut b);
                t.push_str(std::str::from_utf8(&b).unwrap());
            } else if let Some((t, start)) = cur.take() {
                out.push((t, start, i));
            }
        }
        if let Some((t, start)) = cur {
            out.push((t, start, text.len()));
        }
        out
    }

    proptest! {
        #[test]
        fn scan_is_the_reference(text in "([a-zA-Z0-9 ,.!?\\-]{0,12}|[éÉİıßñ\u{301}\u{2014}\u{1F600}\u{3042}])*") {
            let mut got = Vec::new();
            scan(&text, &mut Vec::new(), |t, a, b| {
                got.push((String::from_utf8(t.to_vec()).unwrap(), a, b));
            });
            prop_assert_eq!(got, reference_scan(&text));
        }
    }

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

    fn affixed_word() -> impl Strategy<Value = String> {
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

        /// The compiled table answers exactly what the stemmer says, for
        /// affixed forms of every lexicon root and for random letters.
        #[test]
        fn table_is_the_stemmer(w in prop_oneof![affixed_word(), "[a-z]{1,12}"]) {
            let router = sample();
            prop_assert_eq!(router.table.resolve(w.as_bytes()), stem_id(router, &w), "{}", w);
        }

        #[test]
        fn stems_of_known_words_are_fixed_points(w in affixed_word()) {
            let lex = Lexicon::default();
            if let Some(s) = stem_known(&w, &lex) {
                prop_assert_eq!(stem_known(&s, &lex), Some(s.clone()));
            }
        }
    }
}
