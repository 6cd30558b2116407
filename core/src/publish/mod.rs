//! Openness (seed §9–10, *keterbukaan informasi*): the published service
//! standard rendered from the data the library holds — each procedure with
//! its steps, lanes and time limits and the documents it requires, the
//! complaint channels and their flow, the facilities, the competence and
//! staffing commitments, supervision, the guarantees and the evaluation —
//! and a public performance page from a compliance report and a
//! satisfaction index. Markdown for a repository or a CMS, standalone HTML
//! for the office's website and information board, in Bahasa Indonesia or
//! English.
//!
//! Both formats render one document model ([`Doc`]), so they say the same
//! thing; HTML escapes every text it did not write itself.
//!
//! # Example
//! ```
//! use ptsp::publish::{Standard, standard};
//! use ptsp::{Lang, Procedure};
//! let permit = Procedure::jatim_permit();
//! let s = Standard::jatim(vec![&permit]);
//! let md = standard(&s, Lang::Id).markdown();
//! assert!(md.contains("Maksimal 3 hari kerja"));
//! let html = standard(&s, Lang::En).html();
//! assert!(html.starts_with("<!DOCTYPE html>") && html.contains("At most 3 working days"));
//! ```

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Label, Lang};
use crate::evaluation::{ComplianceReport, IkmResult};
use crate::office::{Checklist, FacilityKind, StaffingSettings};
use crate::procedure::{Procedure, Sla, SlaUnit, StepKind};

const JATIM_TEXTS: &str = include_str!("../../data/standard-jatim-texts.json");

/// A section of the standard's own text (§5–§11), in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TextSection {
    /// The section's number in the standard.
    pub number: u8,
    /// Its title.
    pub title: Label,
    /// Its paragraphs.
    #[serde(default)]
    pub paragraphs: Vec<Label>,
    /// Its list items.
    #[serde(default)]
    pub items: Vec<Label>,
}

/// The standard's own texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StandardTexts {
    /// Where they come from.
    pub source: String,
    /// The sections.
    pub sections: Vec<TextSection>,
}

impl StandardTexts {
    /// The texts of the East Java standard (the seed, §5–§11, as written;
    /// English by this project).
    pub fn jatim() -> StandardTexts {
        static T: OnceLock<StandardTexts> = OnceLock::new();
        T.get_or_init(|| {
            crate::error::input::from_json(JATIM_TEXTS, "").expect("the built-in texts are valid")
        })
        .clone()
    }

    fn section(&self, number: u8) -> Option<&TextSection> {
        self.sections.iter().find(|s| s.number == number)
    }
}

/// What a published standard is made of.
#[derive(Debug, Clone)]
pub struct Standard<'a> {
    /// The office's name.
    pub office: Label,
    /// The procedures it runs, in the order to publish them.
    pub procedures: Vec<&'a Procedure>,
    /// The facilities it commits to (seed §4).
    pub facilities: Checklist,
    /// The staffing commitment (seed §8).
    pub staffing: StaffingSettings,
    /// The standard's own texts (§5–§11).
    pub texts: StandardTexts,
}

impl<'a> Standard<'a> {
    /// The East Java provincial office's name.
    ///
    /// # Example
    /// ```
    /// assert!(ptsp::publish::Standard::jatim_office().id.ends_with("Provinsi Jawa Timur"));
    /// ```
    pub fn jatim_office() -> Label {
        Label::new(
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Jawa Timur",
            "One-Stop Investment and Integrated Service Office of East Java Province",
        )
    }

    /// The East Java provincial office's standard with `procedures`.
    ///
    /// # Example
    /// ```
    /// let p = ptsp::Procedure::jatim_permit();
    /// let s = ptsp::publish::Standard::jatim(vec![&p]);
    /// assert_eq!(s.facilities.items.len(), 33);
    /// ```
    pub fn jatim(procedures: Vec<&'a Procedure>) -> Standard<'a> {
        Standard {
            office: Standard::jatim_office(),
            procedures,
            facilities: Checklist::jatim(),
            staffing: StaffingSettings::default(),
            texts: StandardTexts::jatim(),
        }
    }
}

/// The format to render a document in.
///
/// # Example
/// ```
/// let f: ptsp::publish::Format = serde_json::from_str("\"html\"")?;
/// assert_eq!(f, ptsp::publish::Format::Html);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Markdown ([`Doc::markdown`]).
    #[default]
    Markdown,
    /// A standalone HTML page ([`Doc::html`]).
    Html,
}

/// A block of a rendered document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading(u8, String),
    /// A paragraph.
    Paragraph(String),
    /// A list.
    List(Vec<String>),
    /// A table: the header and the rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// A bar chart of values from 0 to 100: a title and (label, value)
    /// bars, `None` for a bar with no value.
    Chart(String, Vec<(String, Option<f64>)>),
}

/// A document to render: a title, its language and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The title.
    pub title: String,
    /// The language.
    pub lang: Lang,
    /// The blocks.
    pub blocks: Vec<Block>,
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

impl Doc {
    /// The document in `format`.
    ///
    /// # Example
    /// ```
    /// use ptsp::publish::{Block, Doc, Format};
    /// let doc = Doc { title: "Uji <1>".into(), lang: ptsp::Lang::Id, blocks: vec![Block::List(vec!["a|b".into()])] };
    /// assert_eq!(doc.render(Format::Markdown), "# Uji \\<1\\>\n\n- a\\|b\n");
    /// assert!(doc.render(Format::Html).contains("<h1>Uji &lt;1&gt;</h1>"));
    /// ```
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => self.markdown(),
            Format::Html => self.html(),
        }
    }

    /// The document as Markdown (CommonMark with pipe tables); every text
    /// from data is escaped.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", md_escape(&self.title));
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading(level, text) => {
                    let _ = writeln!(
                        out,
                        "{} {}",
                        "#".repeat(usize::from((*level).clamp(1, 3)) + 1),
                        md_escape(text)
                    );
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "{}", md_escape(text));
                }
                Block::List(items) => {
                    for i in items {
                        let _ = writeln!(out, "- {}", md_escape(i));
                    }
                }
                Block::Table(head, rows) => {
                    let cells = |r: &[String]| {
                        r.iter()
                            .map(|c| md_escape(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    };
                    let _ = writeln!(out, "| {} |", cells(head));
                    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                    for r in rows {
                        let _ = writeln!(out, "| {} |", cells(r));
                    }
                }
                Block::Chart(title, bars) => {
                    let _ = writeln!(out, "**{}**\n", md_escape(title));
                    for (label, v) in bars {
                        let bar = v.map_or_else(
                            || "–".to_owned(),
                            |v| {
                                format!(
                                    "{} {v:.2}%",
                                    "█".repeat((v.clamp(0.0, 100.0) / 5.0).round() as usize)
                                )
                            },
                        );
                        let _ = writeln!(out, "- {}: {bar}", md_escape(label));
                    }
                }
            }
        }
        out
    }

    /// The document as a standalone HTML page (UTF-8, a small print-friendly
    /// style, charts as inline SVG); every text from data is escaped.
    pub fn html(&self) -> String {
        let mut out = String::new();
        let lang = match self.lang {
            Lang::Id => "id",
            Lang::En => "en",
        };
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}}table{{border-collapse:collapse;width:100%;margin:1rem 0}}th,td{{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}}th{{background:#eee}}svg text{{font-size:11px}}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
            html_escape(&self.title),
            html_escape(&self.title)
        );
        for b in &self.blocks {
            match b {
                Block::Heading(level, text) => {
                    let h = (*level).clamp(1, 3) + 1;
                    let _ = writeln!(out, "<h{h}>{}</h{h}>", html_escape(text));
                }
                Block::Paragraph(text) => {
                    let _ = writeln!(out, "<p>{}</p>", html_escape(text));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(out, "<li>{}</li>", html_escape(i));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table(head, rows) => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(out, "<th>{}</th>", html_escape(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            let _ = write!(out, "<td>{}</td>", html_escape(c));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
                Block::Chart(title, bars) => out.push_str(&svg_chart(title, bars)),
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// A bar chart of percentages as inline SVG, with a text alternative.
fn svg_chart(title: &str, bars: &[(String, Option<f64>)]) -> String {
    let (w, h, pad) = (40.0f64, 160.0f64, 30.0f64);
    let width = pad + w * bars.len() as f64 + 10.0;
    let mut out = format!(
        "<figure>\n<figcaption>{}</figcaption>\n<svg role=\"img\" aria-label=\"{}\" width=\"{width:.0}\" height=\"{:.0}\" viewBox=\"0 0 {width:.0} {:.0}\">\n",
        html_escape(title),
        html_escape(title),
        h + 40.0,
        h + 40.0
    );
    for (pct, y) in [(0.0, h + 10.0), (50.0, h / 2.0 + 10.0), (100.0, 10.0)] {
        let _ = writeln!(
            out,
            "<line x1=\"{pad}\" y1=\"{y}\" x2=\"{width:.0}\" y2=\"{y}\" stroke=\"#ccc\"/><text x=\"0\" y=\"{:.0}\">{pct:.0}%</text>",
            y + 4.0
        );
    }
    for (i, (label, v)) in bars.iter().enumerate() {
        let x = pad + w * i as f64 + 6.0;
        if let Some(v) = v {
            let bh = h * v.clamp(0.0, 100.0) / 100.0;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.0}\" y=\"{:.1}\" width=\"{:.0}\" height=\"{bh:.1}\" fill=\"#2a6fb0\"><title>{}: {v:.2}%</title></rect>",
                h + 10.0 - bh,
                w - 12.0,
                html_escape(label)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{x:.0}\" y=\"{:.0}\">{}</text>",
            h + 30.0,
            html_escape(label.get(label.len().saturating_sub(5)..).unwrap_or(label))
        );
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

/// A time limit as the standard words it: "Maksimal 3 hari kerja".
fn sla_text(sla: &Sla, lang: Lang) -> String {
    let unit = match (sla.unit, lang) {
        (SlaUnit::WorkingDays, Lang::Id) => "hari kerja",
        (SlaUnit::WorkingDays, Lang::En) => "working days",
        (SlaUnit::WorkingHours, Lang::Id) => "jam kerja",
        (SlaUnit::WorkingHours, Lang::En) => "working hours",
    };
    match lang {
        Lang::Id => format!("Maksimal {} {unit}", sla.amount),
        Lang::En => format!("At most {} {unit}", sla.amount),
    }
}

/// The published standard as a document: the office, each procedure
/// (steps with their lane and time limit, documents required), complaint
/// handling, facilities, competence, supervision, staffing, the guarantees
/// and the evaluation. See the module's example.
pub fn standard(s: &Standard<'_>, lang: Lang) -> Doc {
    let t = |id: &str, en: &str| lang.pick(id, en).to_owned();
    let mut blocks = vec![Block::Paragraph(s.office.get(lang).to_owned())];
    blocks.push(Block::Heading(
        1,
        t(
            "Sistem, Mekanisme, dan Prosedur (§3)",
            "System, mechanism and procedure (§3)",
        ),
    ));
    for p in &s.procedures {
        let def = p.def();
        blocks.push(Block::Heading(2, def.name.get(lang).to_owned()));
        let mut rows = Vec::new();
        let mut n = 0;
        for step in def.steps.iter().filter(|st| st.kind != StepKind::End) {
            n += 1;
            let lane = p
                .lane(&step.lane)
                .map_or_else(|| step.lane.clone(), |l| l.name.get(lang).to_owned());
            rows.push(vec![
                n.to_string(),
                step.name.get(lang).to_owned(),
                lane,
                step.sla
                    .as_ref()
                    .map(|s| sla_text(s, lang))
                    .unwrap_or_default(),
            ]);
        }
        blocks.push(Block::Table(
            vec![
                t("No.", "No."),
                t("Kegiatan", "Activity"),
                t("Pelaksana", "Lane"),
                t("Waktu", "Time"),
            ],
            rows,
        ));
        if !def.documents.is_empty() {
            blocks.push(Block::Paragraph(t("Persyaratan:", "Requirements:")));
            blocks.push(Block::List(
                def.documents
                    .iter()
                    .map(|d| {
                        let formats = d.formats.join(", ");
                        let need = if d.mandatory {
                            t("wajib", "required")
                        } else {
                            t("tidak wajib", "optional")
                        };
                        format!("{} ({need}; {formats})", d.name.get(lang))
                    })
                    .collect(),
            ));
        }
    }
    blocks.push(Block::Heading(
        1,
        t("Sarana dan Prasarana (§4)", "Facilities (§4)"),
    ));
    for (kind, title) in [
        (FacilityKind::Room, t("Ruang", "Rooms")),
        (
            FacilityKind::Equipment,
            t("Sarana kantor", "Office equipment"),
        ),
    ] {
        blocks.push(Block::Heading(2, title));
        blocks.push(Block::List(
            s.facilities
                .items
                .iter()
                .filter(|i| i.kind == kind)
                .map(|i| i.name.get(lang).to_owned())
                .collect(),
        ));
    }
    for number in [5, 6, 7, 8, 9, 10, 11] {
        let Some(sec) = s.texts.section(number) else {
            continue;
        };
        blocks.push(Block::Heading(
            1,
            format!("{} (§{number})", sec.title.get(lang)),
        ));
        for p in &sec.paragraphs {
            blocks.push(Block::Paragraph(p.get(lang).to_owned()));
        }
        if !sec.items.is_empty() {
            blocks.push(Block::List(
                sec.items.iter().map(|i| i.get(lang).to_owned()).collect(),
            ));
        }
        if number == 8 && s.staffing != StaffingSettings::default() {
            blocks.push(Block::Paragraph(match lang {
                Lang::Id => format!(
                    "Ketentuan kantor ini: minimal {} orang pemroses per sektor.",
                    s.staffing.min_per_sector
                ),
                Lang::En => format!(
                    "This office's rule: at least {} processors per sector.",
                    s.staffing.min_per_sector
                ),
            }));
        }
    }
    Doc {
        title: t("Standar Pelayanan", "Service Standard"),
        lang,
        blocks,
    }
}

/// The public performance page: the satisfaction index (its category, the
/// per-element averages, the weakest elements) and the SLA compliance of a
/// report (on time per month as a chart, and the step table).
///
/// # Example
/// ```
/// use ptsp::evaluation::{Method, SurveyDef, Tally};
/// let def = SurveyDef::permenpanrb_14_2017();
/// let mut t = Tally::new(def);
/// t.add_row(&[4, 4, 4, 4, 4, 4, 4, 4, 2]);
/// let ikm = t.result(def, Method::Exact)?;
/// let office = ptsp::publish::Standard::jatim_office();
/// let md = ptsp::publish::performance(&office, None, Some(&ikm), ptsp::Lang::En).markdown();
/// assert!(md.contains("Elements to improve first: Facilities and infrastructure"));
/// # Ok::<(), ptsp::evaluation::EvaluationError>(())
/// ```
pub fn performance(
    office: &Label,
    report: Option<&ComplianceReport>,
    ikm: Option<&IkmResult>,
    lang: Lang,
) -> Doc {
    let t = |id: &str, en: &str| lang.pick(id, en).to_owned();
    let mut blocks = vec![Block::Paragraph(office.get(lang).to_owned())];
    if let Some(r) = ikm {
        blocks.push(Block::Heading(
            1,
            t("Indeks Kepuasan Masyarakat", "Community satisfaction index"),
        ));
        blocks.push(Block::Paragraph(match lang {
            Lang::Id => format!(
                "IKM {} — mutu {} ({}), {} responden.",
                r.exact.converted, r.category.quality, r.category.performance.id, r.respondents
            ),
            Lang::En => format!(
                "IKM {} — quality {} ({}), {} respondents.",
                r.exact.converted, r.category.quality, r.category.performance.en, r.respondents
            ),
        }));
        blocks.push(Block::Table(
            vec![
                t("Unsur", "Element"),
                t("Nilai rata-rata", "Average"),
                t("Konversi", "Converted"),
                t("Mutu", "Quality"),
            ],
            r.elements
                .iter()
                .map(|e| {
                    vec![
                        e.name.get(lang).to_owned(),
                        e.nrr.clone(),
                        e.converted.clone(),
                        e.category.quality.clone(),
                    ]
                })
                .collect(),
        ));
        let weakest: Vec<String> = r
            .weakest
            .iter()
            .filter_map(|id| r.elements.iter().find(|e| &e.id == id))
            .map(|e| e.name.get(lang).to_owned())
            .collect();
        blocks.push(Block::Paragraph(format!(
            "{}: {}",
            t(
                "Unsur yang diperbaiki terlebih dahulu",
                "Elements to improve first"
            ),
            weakest.join(", ")
        )));
    }
    if let Some(r) = report {
        blocks.push(Block::Heading(
            1,
            t("Kepatuhan waktu pelayanan", "Service time compliance"),
        ));
        blocks.push(Block::Paragraph(match lang {
            Lang::Id => format!("Periode {} s.d. {}.", r.period.from, r.period.to),
            Lang::En => format!("Period {} to {}.", r.period.from, r.period.to),
        }));
        let monthly = r.monthly_on_time();
        if !monthly.is_empty() {
            blocks.push(Block::Chart(
                t("Persentase tepat waktu per bulan", "On time per month (%)"),
                monthly
                    .into_iter()
                    .map(|(m, p)| (m, p.and_then(|p| p.parse().ok())))
                    .collect(),
            ));
        }
        let (head, rows) = r.steps_table(lang);
        blocks.push(Block::Table(head, rows));
    }
    Doc {
        title: t("Kinerja Pelayanan", "Service Performance"),
        lang,
        blocks,
    }
}
