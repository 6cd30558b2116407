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
//! use ptsp::desk::routing::{Router, RoutingInput};
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

mod error;
pub(crate) mod index;
mod lexicon;
pub mod limits;
mod normalize;
mod router;
mod shadow;
mod staff;
mod stem;
mod validate;

use serde::{Deserialize, Serialize};

use crate::error::{Lang, Problem};
use crate::procedure::Label;

pub use error::RoutingError;
pub use normalize::tokenize;
pub use router::Router;
pub use staff::{StaffLoad, pick_staff, pick_staff_with};
pub use stem::{normalize, stem};

use lexicon::Lexicon;
use validate::validate;

/// What kind of unit a ticket can be routed to.
///
/// # Example
/// ```
/// let k: ptsp::desk::routing::UnitKind = serde_json::from_str("\"head_of_complaints\"")?;
/// assert_eq!(k, ptsp::desk::routing::UnitKind::HeadOfComplaints);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// let set = ptsp::desk::routing::RuleSet::sample();
/// let dkp = set.units.iter().find(|u| u.id == "dkp").unwrap();
/// assert_eq!(dkp.kind, ptsp::desk::routing::UnitKind::Opd);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// let rule: ptsp::desk::routing::RoutingRule = serde_json::from_str(r#"{
///     "id": "perikanan", "target": "dkp", "priority": 10,
///     "keywords": ["ikan", "nelayan", "izin usaha perikanan"]
/// }"#)?;
/// assert_eq!(rule.service, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// let set = ptsp::desk::routing::RuleSet::sample();
/// assert!(set.validate().is_empty());
/// assert_eq!(set.fallback, "kabid-pengaduan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

const SAMPLE_RULES_JSON: &str = include_str!("../../../data/routing-jatim-sample.json");

impl RuleSet {
    /// A sample rule set for DPMPTSP Jawa Timur: 14 units, 30 rules.
    /// **Sample data**: the standard does not list the office's divisions,
    /// agencies or routing rules; an office replaces it with its own.
    ///
    /// # Example
    /// ```
    /// let set = ptsp::desk::routing::RuleSet::sample();
    /// assert!(set.note.contains("SAMPLE"));
    /// assert_eq!(set.rules.len(), 30);
    /// ```
    pub fn sample() -> RuleSet {
        crate::error::input::from_json(SAMPLE_RULES_JSON, "")
            .expect("built-in rule set is valid (tested)")
    }

    /// Every problem of the rule set (empty when valid); see the
    /// [module docs](self#validation) for the codes.
    ///
    /// # Example
    /// ```
    /// let mut set = ptsp::desk::routing::RuleSet::sample();
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
/// use ptsp::desk::routing::RoutingInput;
/// let t = RoutingInput::new("Izin RS", "Kapan izin operasional rumah sakit kami terbit?")
///     .with_category("konsultasi");
/// assert_eq!(t.category, "konsultasi");
/// assert!(t.service.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// let t = ptsp::desk::routing::RoutingInput::new("a", "b");
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
    /// let t = ptsp::desk::routing::RoutingInput::default().with_service("izin-usaha-perikanan-tangkap");
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
    /// let t = ptsp::desk::routing::RoutingInput::default().with_sector("kesehatan");
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
    /// let t = ptsp::desk::routing::RoutingInput::default().with_category("pengaduan");
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
    /// use ptsp::desk::routing::{Field, RoutingInput};
    /// assert_eq!(RoutingInput::new("s", "t").field(Field::Subject), "s");
    /// ```
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Subject => &self.subject,
            Field::Text => &self.text,
        }
    }
}

impl From<&crate::desk::form::ValidForm> for RoutingInput {
    /// The routing view of a validated web form ([`crate::desk::form`]): its
    /// service, subject and text; the ticket kind (`konsultasi`,
    /// `pengaduan` or `saran`) as the category; the applicant's own
    /// category (a topic such as `perikanan`) as the sector.
    ///
    /// # Example
    /// ```
    /// use ptsp::desk::form::{FormLimits, TicketKind, WebForm, validate};
    /// use ptsp::desk::routing::{Router, RoutingInput};
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
    fn from(form: &crate::desk::form::ValidForm) -> RoutingInput {
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
/// assert_eq!(serde_json::to_string(&ptsp::desk::routing::Field::Subject)?, "\"subject\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// use ptsp::{Lang, desk::routing::{Router, RoutingInput, Reason}};
/// let router = Router::sample();
/// let ticket = RoutingInput::new("", "Limbah pabrik mencemari sungai");
/// let s = &router.suggest(&ticket)[0];
/// let Reason::Keyword { keyword, normalized, start, end, .. } = &s.reasons[0] else { panic!() };
/// assert_eq!((*keyword, *normalized), ("limbah", "limbah"));
/// assert_eq!(&ticket.text[*start..*end], "Limbah");
/// assert!(s.reasons[0].text(Lang::En).contains("“limbah”"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// assert_eq!(ptsp::desk::routing::Reason::NoMatch.code(), "no_match");
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
    /// use ptsp::{Lang, desk::routing::Reason};
    /// let r = Reason::Sector { value: "perikanan" };
    /// assert_eq!(r.text(Lang::Id), "sektor “perikanan”");
    /// assert_eq!(r.text(Lang::En), "sector “perikanan”");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::Service { value }, Lang::En) => format!("service “{value}”"),
            (Reason::Service { value }, Lang::Id) => format!("jenis layanan “{value}”"),
            (Reason::Sector { value }, Lang::En) => format!("sector “{value}”"),
            (Reason::Sector { value }, Lang::Id) => format!("sektor “{value}”"),
            (Reason::Category { value }, Lang::En) => format!("category “{value}”"),
            (Reason::Category { value }, Lang::Id) => format!("kategori “{value}”"),
            (
                Reason::Keyword {
                    keyword,
                    normalized,
                    field,
                    ..
                },
                Lang::En,
            ) => format!(
                "keyword “{keyword}” found as “{normalized}” in the {}",
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
                "kata kunci “{keyword}” ditemukan sebagai “{normalized}” pada {}",
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
    /// use ptsp::desk::routing::{Router, RoutingInput};
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
/// use ptsp::desk::routing::{Router, RoutingInput};
/// let router = Router::sample();
/// let s = router.suggest(&RoutingInput::default().with_service("izin-operasional-rs-kelas-b"));
/// assert_eq!((s[0].unit, s[0].rule), ("dinkes", Some("layanan-rs")));
/// assert_eq!(s[0].score, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
