//! Province codes, the first two digits of a NIK (`core/data/id-province-codes.json`).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

const PROVINCES_JSON: &str = include_str!("../../../data/id-province-codes.json");

/// One Kemendagri province code, with the legal instrument that set it.
///
/// The list is `core/data/id-province-codes.json`: Permendagri 72/2019
/// (34 provinces), Kepmendagri 100.1.1-6117/2022 (Papua Selatan, Papua
/// Tengah, Papua Pegunungan) and Kepmendagri 300.2.2-2138/2025 (Papua Barat
/// Daya); the file records the evidence for each and what could not be
/// verified.
///
/// # Example
/// ```
/// let p = ptsp::desk::form::provinces().iter().find(|p| p.code == "35").unwrap();
/// assert_eq!(p.name, "Jawa Timur");
/// assert_eq!(p.source, "permendagri-72-2019");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Province {
    /// Two-digit code, e.g. `"35"`.
    pub code: String,
    /// Name, e.g. `"Jawa Timur"`.
    pub name: String,
    /// Id of the source instrument in the data file.
    pub source: String,
}

struct ProvinceTable {
    list: Vec<Province>,
    by_code: [Option<u8>; 100],
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ProvinceFile {
    provinces: Vec<Province>,
}

static PROVINCES: LazyLock<ProvinceTable> = LazyLock::new(|| {
    let file: ProvinceFile = crate::error::input::from_json(PROVINCES_JSON, "")
        .expect("built-in id-province-codes.json is valid (tested)");
    let mut by_code = [None; 100];
    for (i, p) in file.provinces.iter().enumerate() {
        let code: usize = p
            .code
            .parse()
            .expect("built-in province codes are two digits (tested)");
        by_code[code] = Some(i as u8);
    }
    ProvinceTable {
        list: file.provinces,
        by_code,
    }
});

/// All Kemendagri province codes a NIK can start with, in code order.
///
/// # Example
/// ```
/// let all = ptsp::desk::form::provinces();
/// assert_eq!(all.len(), 38);
/// assert_eq!(all[0].name, "Aceh");
/// assert_eq!(all[37].code, "96");
/// ```
pub fn provinces() -> &'static [Province] {
    &PROVINCES.list
}

/// The name of the province with this two-digit Kemendagri code.
///
/// # Example
/// ```
/// use ptsp::desk::form::province_name;
/// assert_eq!(province_name("91"), Some("Papua"));
/// assert_eq!(province_name("94"), Some("Papua Tengah"));
/// assert_eq!(province_name("20"), None);
/// ```
pub fn province_name(code: &str) -> Option<&'static str> {
    let b = code.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    province_by_number(two(b[0], b[1]))
}

pub(super) fn province_by_number(n: u8) -> Option<&'static str> {
    let t = &*PROVINCES;
    t.by_code
        .get(usize::from(n))
        .copied()
        .flatten()
        .map(|i| t.list[usize::from(i)].name.as_str())
}

pub(super) fn two(a: u8, b: u8) -> u8 {
    (a - b'0') * 10 + (b - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn province_data_is_complete_and_ordered() {
        let all = provinces();
        assert_eq!(all.len(), 38);
        let mut prev = 0u8;
        for p in all {
            let n: u8 = p.code.parse().unwrap();
            assert!(n > prev, "{} out of order", p.code);
            prev = n;
            assert_eq!(province_name(&p.code), Some(p.name.as_str()));
        }
        let file: serde_json::Value = serde_json::from_str(PROVINCES_JSON).unwrap();
        let sources: Vec<&str> = file["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        for p in all {
            assert!(sources.contains(&p.source.as_str()), "{}", p.source);
        }
    }
}
