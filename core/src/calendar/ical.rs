//! iCalendar (RFC 5545) import and export of holiday layers as all-day
//! events. Reading uses the `ical` crate's parser (line unfolding,
//! properties, components); this module maps events to holidays.

use std::fmt::Write as _;
use std::io::BufReader;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::limits::{MAX_HOLIDAYS, MAX_YEAR, MAX_YEAR_ENTRIES, MIN_YEAR};
use super::{CalendarError, Holiday, HolidayKind, HolidayLayer, Source, YearEntry};

/// How to read an iCalendar file that did not come from this library
/// (files this library wrote carry all of this themselves).
///
/// # Example
/// ```
/// use ptsp::{HolidayKind, HolidayLayer, IcalImport};
/// let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kantor X//ID\r\n\
///            BEGIN:VEVENT\r\nUID:1@x\r\nDTSTART;VALUE=DATE:20260302\r\n\
///            DTEND;VALUE=DATE:20260304\r\nSUMMARY:Renovasi gedung\r\nEND:VEVENT\r\n\
///            END:VCALENDAR\r\n";
/// let opts = IcalImport { layer_id: "kantor-x".into(), layer_name: "Kantor X".into(),
///                         default_kind: HolidayKind::OfficeClosure };
/// let layer = HolidayLayer::from_ical(ics, &opts)?;
/// assert_eq!(layer.holidays.len(), 2); // DTEND is exclusive: 2 and 3 March
/// assert_eq!(layer.sources[0].title, "-//Kantor X//ID");
/// # Ok::<(), ptsp::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IcalImport {
    /// Id of the layer to create (unless the file names one).
    pub layer_id: String,
    /// Name of the layer (unless the file names one).
    pub layer_name: String,
    /// Kind of the events that do not say theirs.
    pub default_kind: HolidayKind,
}

const PRODID: &str = "-//ptsp//Kalender Hari Kerja//ID";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (RFC 5545 §3.1). A fold
/// never follows whitespace: common readers (the `ical` crate among them)
/// trim the end of every physical line, which would eat that whitespace.
fn line(out: &mut String, content: &str) {
    let chars: Vec<char> = content.chars().collect();
    let mut i = 0;
    let mut limit = 75;
    loop {
        let (mut j, mut width) = (i, 0);
        while j < chars.len() && width + chars[j].len_utf8() <= limit {
            width += chars[j].len_utf8();
            j += 1;
        }
        while j < chars.len() && j > i + 1 && chars[j - 1].is_whitespace() {
            j -= 1;
        }
        out.extend(&chars[i..j]);
        out.push_str("\r\n");
        if j >= chars.len() {
            break;
        }
        out.push(' ');
        limit = 74;
        i = j;
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The exact texts of a layer (`X-PTSP-LAYER-JSON`): the `ical` reader
/// trims the end of every line and drops leading colons of values, so the
/// plain properties (`X-PTSP-LAYER`, `X-WR-CALNAME`) cannot carry every
/// text; a JSON object always starts with `{` and ends with `}`.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct LayerText {
    id: String,
    name: String,
}

/// The exact texts of a holiday (`X-PTSP-JSON`), for the same reason.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct HolidayText {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_en: Option<String>,
    source: String,
}

fn json_line(out: &mut String, property: &str, value: &impl Serialize) {
    let json = serde_json::to_string(value).expect("plain data serializes");
    line(
        out,
        &format!("{property}:{}", escape(&json_without_whitespace(&json))),
    );
}

/// Compact JSON with every whitespace character written as a `\uXXXX`
/// escape. Compact JSON has whitespace only inside strings, where the escape
/// means the same character; without it a run of blanks longer than a
/// folded line would have to be broken after whitespace, which the reader
/// trims from the end of every physical line.
fn json_without_whitespace(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_whitespace() {
            // Every whitespace character is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

impl HolidayLayer {
    /// Writes the layer as an iCalendar file: one all-day `VEVENT` per
    /// holiday (`DTSTART;VALUE=DATE`, exclusive `DTEND`), the kind in
    /// `CATEGORIES` and `X-PTSP-KIND`, the decree in `DESCRIPTION` and
    /// `X-PTSP-SOURCE`; the layer's sources and years ride along as JSON in
    /// `X-PTSP-SOURCES` / `X-PTSP-YEARS`, and the exact texts of the layer
    /// and of each holiday in `X-PTSP-LAYER-JSON` / `X-PTSP-JSON`, so that
    /// [`HolidayLayer::from_ical`] gives back the identical layer.
    /// Deterministic: `DTSTAMP` is the holiday's own date, never the clock.
    ///
    /// A layer the importer would refuse is refused here, so every file
    /// this writes reads back: a year or holiday outside the supported
    /// years ([`limits::MIN_YEAR`](super::limits::MIN_YEAR)`..=`[`limits::MAX_YEAR`](super::limits::MAX_YEAR)), or more
    /// holidays or year entries than the [limits](super::limits) allow, is
    /// [`CalendarError::Invalid`] with one problem each (`year_out_of_range`,
    /// `too_many`).
    ///
    /// # Example
    /// ```
    /// let mut def = ptsp::CalendarDef::indonesia();
    /// let ics = def.layers[0].to_ical()?;
    /// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    /// assert!(ics.contains("DTSTART;VALUE=DATE:20260101\r\n"));
    ///
    /// def.layers[0].holidays[0].date = "9999-12-31".parse().unwrap();
    /// let err = def.layers[0].to_ical().unwrap_err();
    /// assert_eq!(err.problems()[0].code, "year_out_of_range");
    /// assert_eq!(err.problems()[0].path, "holidays[0].date");
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn to_ical(&self) -> Result<String, CalendarError> {
        let mut problems = Vec::new();
        super::def::layer_bounds(self, "", &mut problems);
        if !problems.is_empty() {
            return Err(CalendarError::Invalid { problems });
        }
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, &format!("PRODID:{PRODID}"));
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(&self.name)));
        line(&mut out, &format!("X-PTSP-LAYER:{}", escape(&self.id)));
        json_line(
            &mut out,
            "X-PTSP-LAYER-JSON",
            &LayerText {
                id: self.id.clone(),
                name: self.name.clone(),
            },
        );
        json_line(&mut out, "X-PTSP-SOURCES", &self.sources);
        json_line(&mut out, "X-PTSP-YEARS", &self.years);
        for (i, h) in self.holidays.iter().enumerate() {
            line(&mut out, "BEGIN:VEVENT");
            line(
                &mut out,
                &format!(
                    "UID:{}-{}-{i}@{}",
                    ymd(h.date),
                    h.kind.as_str(),
                    escape(&self.id)
                ),
            );
            line(&mut out, &format!("DTSTAMP:{}T000000Z", ymd(h.date)));
            line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ymd(h.date)));
            // In range: the last supported day plus one is still a date.
            line(
                &mut out,
                &format!("DTEND;VALUE=DATE:{}", ymd(h.date + Duration::days(1))),
            );
            line(&mut out, &format!("SUMMARY:{}", escape(&h.name)));
            if let Some(en) = &h.name_en {
                line(&mut out, &format!("X-PTSP-NAME-EN:{}", escape(en)));
            }
            line(&mut out, &format!("CATEGORIES:{}", h.kind.as_str()));
            line(&mut out, &format!("X-PTSP-KIND:{}", h.kind.as_str()));
            line(&mut out, &format!("X-PTSP-SOURCE:{}", escape(&h.source)));
            json_line(
                &mut out,
                "X-PTSP-JSON",
                &HolidayText {
                    name: h.name.clone(),
                    name_en: h.name_en.clone(),
                    source: h.source.clone(),
                },
            );
            if let Some(s) = self.source(&h.source) {
                let mut desc = s.title.clone();
                if !s.numbers.is_empty() {
                    let _ = write!(desc, " ({})", s.numbers.join("; "));
                }
                line(&mut out, &format!("DESCRIPTION:{}", escape(&desc)));
            }
            line(&mut out, "TRANSP:TRANSPARENT");
            line(&mut out, "END:VEVENT");
        }
        line(&mut out, "END:VCALENDAR");
        Ok(out)
    }

    /// Reads all-day events of an iCalendar file as a holiday layer. A
    /// multi-day event (exclusive `DTEND`) gives one holiday per day. Timed
    /// events, recurring events, malformed dates, days outside the supported
    /// years ([`limits::MIN_YEAR`](super::limits::MIN_YEAR)`..=`[`limits::MAX_YEAR`](super::limits::MAX_YEAR)), and more days or
    /// year entries than the [limits](super::limits) allow are refused with
    /// [`CalendarError::InvalidIcal`] saying which event and property, and
    /// why — exactly what [`HolidayLayer::to_ical`] refuses to write. The
    /// layer is not otherwise validated here; building a calendar with it
    /// does that.
    ///
    /// # Example
    /// ```
    /// use ptsp::{HolidayLayer, IcalImport, HolidayKind};
    /// let layer = &ptsp::CalendarDef::indonesia().layers[0];
    /// let opts = IcalImport { layer_id: "x".into(), layer_name: "x".into(),
    ///                         default_kind: HolidayKind::NationalHoliday };
    /// assert_eq!(&HolidayLayer::from_ical(&layer.to_ical()?, &opts)?, layer);
    /// let bad = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260101T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    /// assert_eq!(HolidayLayer::from_ical(bad, &opts).unwrap_err().code(), "invalid_ical");
    /// let far = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991231\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    /// let err = HolidayLayer::from_ical(far, &opts).unwrap_err();
    /// assert_eq!(err.code(), "invalid_ical");
    /// assert!(err.to_string().contains("1900"));
    /// # Ok::<(), ptsp::CalendarError>(())
    /// ```
    pub fn from_ical(text: &str, opts: &IcalImport) -> Result<HolidayLayer, CalendarError> {
        let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
        let cal = match parser.next() {
            Some(Ok(cal)) => cal,
            Some(Err(e)) => {
                return Err(CalendarError::InvalidIcal {
                    location: "VCALENDAR".to_owned(),
                    detail: e.to_string().to_lowercase(),
                });
            }
            None => {
                return Err(CalendarError::InvalidIcal {
                    location: "start of file".to_owned(),
                    detail: "expected BEGIN:VCALENDAR, found no calendar".to_owned(),
                });
            }
        };
        let prop = |props: &[ical::property::Property], name: &str| -> Option<String> {
            props
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .and_then(|p| p.value.as_deref())
                .map(unescape)
        };
        let json_prop = |name: &str| -> Result<Option<String>, CalendarError> {
            Ok(prop(&cal.properties, name))
        };
        let (id, name) = match json_prop("X-PTSP-LAYER-JSON")? {
            Some(s) => {
                let t: LayerText =
                    serde_json::from_str(&s).map_err(|e| CalendarError::InvalidIcal {
                        location: "VCALENDAR X-PTSP-LAYER-JSON".to_owned(),
                        detail: e.to_string(),
                    })?;
                (t.id, t.name)
            }
            None => (
                prop(&cal.properties, "X-PTSP-LAYER").unwrap_or_else(|| opts.layer_id.clone()),
                prop(&cal.properties, "X-WR-CALNAME").unwrap_or_else(|| opts.layer_name.clone()),
            ),
        };
        let sources: Vec<Source> = match json_prop("X-PTSP-SOURCES")? {
            Some(s) => serde_json::from_str(&s).map_err(|e| CalendarError::InvalidIcal {
                location: "VCALENDAR X-PTSP-SOURCES".to_owned(),
                detail: e.to_string(),
            })?,
            None => vec![Source {
                id: "ical".to_owned(),
                title: prop(&cal.properties, "PRODID")
                    .unwrap_or_else(|| "imported iCalendar file".to_owned()),
                numbers: Vec::new(),
                signed: None,
                amends: None,
                note: Some("imported from iCalendar; the decree behind these days was not given in the file".to_owned()),
            }],
        };
        let years: Vec<YearEntry> = match json_prop("X-PTSP-YEARS")? {
            Some(s) => serde_json::from_str(&s).map_err(|e| CalendarError::InvalidIcal {
                location: "VCALENDAR X-PTSP-YEARS".to_owned(),
                detail: e.to_string(),
            })?,
            None => Vec::new(),
        };
        if years.len() > MAX_YEAR_ENTRIES {
            return Err(CalendarError::InvalidIcal {
                location: "VCALENDAR X-PTSP-YEARS".to_owned(),
                detail: format!(
                    "{} year entries: at most {MAX_YEAR_ENTRIES} are allowed",
                    years.len()
                ),
            });
        }
        if let Some(y) = years
            .iter()
            .find(|y| !(MIN_YEAR..=MAX_YEAR).contains(&y.year))
        {
            return Err(CalendarError::InvalidIcal {
                location: "VCALENDAR X-PTSP-YEARS".to_owned(),
                detail: format!(
                    "year {} is out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}",
                    y.year
                ),
            });
        }
        let default_source = sources.first().map(|s| s.id.clone()).unwrap_or_default();
        let mut holidays = Vec::new();
        for (i, ev) in cal.events.iter().enumerate() {
            let uid = prop(&ev.properties, "UID");
            let at = |p: &str| match &uid {
                Some(u) => format!("event {} (UID {u}) {p}", i + 1),
                None => format!("event {} {p}", i + 1),
            };
            if ev.properties.iter().any(|p| {
                p.name.eq_ignore_ascii_case("RRULE") || p.name.eq_ignore_ascii_case("RDATE")
            }) {
                return Err(CalendarError::InvalidIcal {
                    location: at("RRULE"),
                    detail:
                        "recurring events are not supported: expected one event per decreed day"
                            .to_owned(),
                });
            }
            let date = |p: &str| -> Result<Option<NaiveDate>, CalendarError> {
                let Some(v) = prop(&ev.properties, p) else {
                    return Ok(None);
                };
                if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(CalendarError::InvalidIcal {
                        location: at(p),
                        detail: format!(
                            "expected an all-day date YYYYMMDD (VALUE=DATE), found “{v}”"
                        ),
                    });
                }
                NaiveDate::parse_from_str(&v, "%Y%m%d")
                    .map(Some)
                    .map_err(|_| CalendarError::InvalidIcal {
                        location: at(p),
                        detail: format!("“{}” is not a calendar date", crate::error::excerpt(&v)),
                    })
            };
            let start = date("DTSTART")?.ok_or_else(|| CalendarError::InvalidIcal {
                location: at("DTSTART"),
                detail: "expected a DTSTART, found none".to_owned(),
            })?;
            let end = date("DTEND")?.unwrap_or(start + Duration::days(1));
            let days = (end - start).num_days();
            if !(1..=366).contains(&days) {
                return Err(CalendarError::InvalidIcal {
                    location: at("DTEND"),
                    detail: format!(
                        "expected DTEND after DTSTART {start} by 1 to 366 days, found {end}"
                    ),
                });
            }
            let last = start + Duration::days(days - 1);
            if let Some(d) = [start, last]
                .into_iter()
                .find(|d| !(MIN_YEAR..=MAX_YEAR).contains(&d.year()))
            {
                return Err(CalendarError::InvalidIcal {
                    location: at("DTSTART"),
                    detail: format!(
                        "{d} is in year {}: expected days from {MIN_YEAR} to {MAX_YEAR}",
                        d.year()
                    ),
                });
            }
            if holidays.len() + days as usize > MAX_HOLIDAYS {
                return Err(CalendarError::InvalidIcal {
                    location: at("DTEND"),
                    detail: format!(
                        "more than {MAX_HOLIDAYS} days in one calendar: at most {MAX_HOLIDAYS} are allowed"
                    ),
                });
            }
            let kind = match prop(&ev.properties, "X-PTSP-KIND") {
                Some(k) => k
                    .parse()
                    .map_err(|e: CalendarError| CalendarError::InvalidIcal {
                        location: at("X-PTSP-KIND"),
                        detail: e.to_string(),
                    })?,
                None => opts.default_kind,
            };
            let text = match prop(&ev.properties, "X-PTSP-JSON") {
                Some(s) => serde_json::from_str(&s).map_err(|e| CalendarError::InvalidIcal {
                    location: at("X-PTSP-JSON"),
                    detail: e.to_string(),
                })?,
                None => HolidayText {
                    name: prop(&ev.properties, "SUMMARY").ok_or_else(|| {
                        CalendarError::InvalidIcal {
                            location: at("SUMMARY"),
                            detail: "expected a SUMMARY (the holiday's name), found none"
                                .to_owned(),
                        }
                    })?,
                    name_en: prop(&ev.properties, "X-PTSP-NAME-EN"),
                    source: prop(&ev.properties, "X-PTSP-SOURCE")
                        .unwrap_or_else(|| default_source.clone()),
                },
            };
            let HolidayText {
                name,
                name_en,
                source,
            } = text;
            for k in 0..days {
                holidays.push(Holiday {
                    date: start + Duration::days(k),
                    name: name.clone(),
                    name_en: name_en.clone(),
                    kind,
                    source: source.clone(),
                });
            }
        }
        Ok(HolidayLayer {
            id,
            name,
            sources,
            years,
            holidays,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_never_after_whitespace() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "Hari Raya Idul Fitri é ".repeat(12));
        line(&mut out, &text);
        let physical: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(physical.len() > 3);
        for l in &physical {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        for l in &physical[..physical.len() - 1] {
            assert!(!l.ends_with(' '), "{l:?}");
        }
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, text);
    }

    #[test]
    fn text_escapes_round_trip() {
        for s in ["a,b;c\\d", "baris\nbaru", "\\n literal", ""] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }
}
