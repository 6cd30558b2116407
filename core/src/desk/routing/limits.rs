//! What a rule set may declare, and how much of a ticket routing reads.
//!
//! The limits are far above what an office needs (the sample has 14 units,
//! 30 rules, at most 11 keywords per rule and keywords of at most 23
//! characters) and keep the cost of building a router and of a suggestion
//! bounded. [`RuleSet::validate`](super::RuleSet::validate) reports a value over its limit as a
//! problem (`too_many`, `too_long`) together with all the others.
//!
//! # Example
//! ```
//! use ptsp::desk::routing::{RuleSet, limits};
//! let mut set = RuleSet::sample();
//! set.rules[0].keywords.push("a".repeat(limits::MAX_KEYWORD_CHARS + 1));
//! set.units[1].name.en = "x".repeat(limits::MAX_NAME_CHARS + 1);
//! let problems = set.validate();
//! let got: Vec<(&str, &str)> = problems.iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
//! assert_eq!(got, [("units[1].name.en", "too_long"), ("rules[0].keywords[8]", "too_long")]);
//! ```

/// The most units in a rule set.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_UNITS, 1_000);
/// ```
pub const MAX_UNITS: usize = 1_000;

/// The most rules in a rule set.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_RULES, 20_000);
/// ```
pub const MAX_RULES: usize = 20_000;

/// The most keywords of one rule.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_KEYWORDS, 100);
/// ```
pub const MAX_KEYWORDS: usize = 100;

/// The most keywords of all the rules together.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_TOTAL_KEYWORDS, 200_000);
/// ```
pub const MAX_TOTAL_KEYWORDS: usize = 200_000;

/// The most distinct words (lower case, without diacritics) in all the
/// keywords together. Building a router costs about half a millisecond
/// per distinct word (it expands each into its inflected forms), so
/// this bounds the time [`Router::new`](super::Router::new) takes.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_KEYWORD_WORDS, 10_000);
/// ```
pub const MAX_KEYWORD_WORDS: usize = 10_000;

/// The longest keyword (a word or a phrase), in characters.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_KEYWORD_CHARS, 100);
/// ```
pub const MAX_KEYWORD_CHARS: usize = 100;

/// The longest id, in characters: of a unit, a rule, a rule's target
/// and the fallback.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_ID_CHARS, 100);
/// ```
pub const MAX_ID_CHARS: usize = 100;

/// The longest name or criterion, in characters: a unit's name (in
/// either language) and a rule's service, sector or category.
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_NAME_CHARS, 500);
/// ```
pub const MAX_NAME_CHARS: usize = 500;

/// The longest note, in characters (of the rule set and of a rule).
///
/// # Example
/// ```
/// assert_eq!(ptsp::desk::routing::limits::MAX_NOTE_CHARS, 5_000);
/// ```
pub const MAX_NOTE_CHARS: usize = 5_000;

/// How much of a ticket's subject routing reads, in characters (well
/// above the web form's default limit of 150): the rest is ignored.
///
/// # Example
/// ```
/// use ptsp::desk::routing::{Router, RoutingInput, limits};
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
/// use ptsp::desk::routing::{Router, RoutingInput, limits};
/// let router = Router::sample();
/// let text = format!("limbah {}", "x ".repeat(limits::MAX_TEXT_CHARS));
/// let s = router.suggest(&RoutingInput::new("", text));
/// assert_eq!(s[0].unit, "dlh"); // read within the limit
/// ```
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The first `max` characters of `text`.
pub(super) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}
