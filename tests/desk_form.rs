//! The web form of the consultation and complaint desk: the shared golden
//! cases in `tests/fixtures/desk/forms/cases.json` (also read by the
//! Python and JS suites), NIK, phone and email vectors, limits, messages,
//! and properties of validation (proptest).

use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;
use ptsp::Lang;
use ptsp::desk::form::{
    AttachmentMeta, FormError, FormLimits, Nik, RegencyKind, Sex, TicketKind, WebForm,
    normalize_email, normalize_phone, province_name, provinces, validate,
};
use serde_json::{Value, json};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-12-01";

fn codes(err: &FormError) -> Vec<&str> {
    err.problems().iter().map(|p| p.code.as_str()).collect()
}

fn paths(err: &FormError) -> Vec<&str> {
    err.problems().iter().map(|p| p.path.as_str()).collect()
}

/// A valid complaint every test starts from.
fn complaint() -> WebForm {
    WebForm::new(
        TicketKind::Complaint,
        "Siti Rahayu",
        "Izin belum terbit",
        "Berkas saya lengkap sejak Oktober tetapi izin belum terbit.",
    )
    .with_nik("3515144508680002")
    .with_email("siti@example.co.id")
    .with_phone("081234567890")
}

// ---------------------------------------------------------------------------
// Shared fixtures
// ---------------------------------------------------------------------------

#[test]
fn shared_fixture_cases() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/desk/forms/cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let form: WebForm = serde_json::from_value(case["form"].clone())
            .unwrap_or_else(|e| panic!("{name}: form does not parse: {e}"));
        let limits = match case.get("limits") {
            Some(l) => FormLimits::from_json(&l.to_string())
                .unwrap_or_else(|e| panic!("{name}: limits: {e}")),
            None => FormLimits::default(),
        };
        let today = day(case["today"].as_str().unwrap());
        let result = validate(&form, &limits, today);
        match (case.get("normalized"), result) {
            (Some(expected), Ok(valid)) => {
                // Idempotence on every golden valid case.
                if validate(&valid.to_form(), &limits, today).as_ref() != Ok(&valid) {
                    failures.push(format!(
                        "{name}: normalised form does not validate to itself"
                    ));
                }
                let got = serde_json::to_value(&valid).unwrap();
                for (key, want) in expected.as_object().unwrap() {
                    if &got[key] != want {
                        failures.push(format!("{name}: {key}: expected {want}, got {}", got[key]));
                    }
                }
            }
            (Some(_), Err(e)) => failures.push(format!("{name}: expected valid, got {e}")),
            (None, Ok(v)) => failures.push(format!("{name}: expected problems, got {v:?}")),
            (None, Err(e)) => {
                let want_codes: Vec<&str> = case["codes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                let want_paths: Vec<&str> = case["paths"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                if codes(&e) != want_codes || paths(&e) != want_paths {
                    failures.push(format!(
                        "{name}: expected {want_codes:?} at {want_paths:?}, got {:?} at {:?} ({e})",
                        codes(&e),
                        paths(&e)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// NIK
// ---------------------------------------------------------------------------

#[test]
fn nik_valid_man() {
    let nik = Nik::parse("3515140508680001", day(TODAY)).unwrap();
    assert_eq!(nik.as_str(), "3515140508680001");
    assert_eq!(nik.province_code(), "35");
    assert_eq!(nik.province_name(), "Jawa Timur");
    assert_eq!(nik.regency_code(), "3515");
    assert_eq!(nik.regency_kind(), RegencyKind::Regency);
    assert_eq!(nik.district_code(), "351514");
    assert_eq!(nik.birth_date(), day("1968-08-05"));
    assert_eq!(nik.sex(), Sex::Male);
    assert_eq!(nik.serial(), "0001");
}

#[test]
fn nik_valid_woman_day_plus_40() {
    let nik = Nik::parse("3515144508680002", day(TODAY)).unwrap();
    assert_eq!(nik.birth_date(), day("1968-08-05"));
    assert_eq!(nik.sex(), Sex::Female);
    // 41 is the 1st, 71 the 31st.
    let first = Nik::parse("3273054101900009", day(TODAY)).unwrap();
    assert_eq!(
        (first.birth_date(), first.sex()),
        (day("1990-01-01"), Sex::Female)
    );
    let last = Nik::parse("3273057112900009", day(TODAY)).unwrap();
    assert_eq!(last.birth_date(), day("1990-12-31"));
    assert_eq!(last.regency_kind(), RegencyKind::City);
}

#[test]
fn nik_serialises_decoded() {
    let nik = Nik::parse("3515144508680002", day(TODAY)).unwrap();
    assert_eq!(
        serde_json::to_value(nik).unwrap(),
        json!({
            "nik": "3515144508680002", "province_code": "35", "province": "Jawa Timur",
            "regency_code": "3515", "regency_kind": "regency", "district_code": "351514",
            "birth_date": "1968-08-05", "sex": "female", "serial": "0002"
        })
    );
}

fn nik_codes(s: &str, today: &str) -> Vec<String> {
    match Nik::parse(s, day(today)) {
        Ok(_) => vec![],
        Err(e) => e
            .problems()
            .iter()
            .map(|p| p.code.as_str().to_owned())
            .collect(),
    }
}

#[test]
fn nik_invalid_vectors() {
    let cases: &[(&str, &[&str])] = &[
        ("351514050868000", &["invalid_nik_length"]),
        ("35151405086800011", &["invalid_nik_length"]),
        ("", &["invalid_nik_length"]),
        ("35151405086800A1", &["invalid_nik_digits"]),
        ("３５１５１４０５０８６８０００１", &["invalid_nik_digits"]), // full-width digits
        ("3515140508680001x", &["invalid_nik_digits"]),
        ("1015140508680001", &["invalid_nik_region"]), // no province 10
        ("2015140508680001", &["invalid_nik_region"]),
        ("5415140508680001", &["invalid_nik_region"]),
        ("9915140508680001", &["invalid_nik_region"]),
        ("3500140508680001", &["invalid_nik_region"]),
        ("3570140508680001", &["invalid_nik_region"]),
        ("3515143102990001", &["invalid_nik_birth_date"]), // 31 Feb 99
        ("3515143002000001", &["invalid_nik_birth_date"]), // 30 Feb 2000
        ("3515146902010001", &["invalid_nik_birth_date"]), // 29 Feb 2001, woman
        ("3515143104900001", &["invalid_nik_birth_date"]), // 31 April
        ("3515140013900001", &["invalid_nik_birth_date"]),
        ("3515144001900001", &["invalid_nik_birth_date"]), // day 40
        ("3515143201900001", &["invalid_nik_birth_date"]), // day 32
        ("3515140508680000", &["invalid_nik_serial"]),
        (
            "0000000000000000",
            &[
                "invalid_nik_region",
                "invalid_nik_region",
                "invalid_nik_birth_date",
                "invalid_nik_serial",
            ],
        ),
    ];
    for (nik, want) in cases {
        assert_eq!(nik_codes(nik, TODAY), *want, "{nik:?}");
    }
}

#[test]
fn nik_century_follows_the_reference_date() {
    // YY = 26: 2026 when the reference year is 2026 or later (and the date
    // has passed), 1926 once the reference year is 2027 … 2125.
    let n = "3515140101260001";
    assert_eq!(
        Nik::parse(n, day("2026-01-01")).unwrap().birth_date(),
        day("2026-01-01")
    );
    assert_eq!(
        Nik::parse(n, day("2100-06-30")).unwrap().birth_date(),
        day("2026-01-01")
    );
    assert_eq!(
        Nik::parse(n, day("2025-12-31")).unwrap().birth_date(),
        day("1926-01-01")
    );
    // A day still to come in the reference year is read a century
    // earlier, never as a birth in the future.
    assert_eq!(
        Nik::parse("3515140201260001", day("2026-01-01"))
            .unwrap()
            .birth_date(),
        day("1926-01-02")
    );
}

#[test]
fn nik_birth_date_is_never_in_the_future() {
    // 17 August '26 checked on 10 March 2026: born in 1926, not refused.
    let nik = Nik::parse("3171011708260001", day("2026-03-10")).unwrap();
    assert_eq!(nik.birth_date(), day("1926-08-17"));
    assert_eq!(nik.province_name(), "DKI Jakarta");
    assert_eq!(nik.regency_kind(), RegencyKind::City);
    // From the day itself on, the same digits are a newborn.
    for (today, born) in [
        ("2026-08-16", "1926-08-17"),
        ("2026-08-17", "2026-08-17"),
        ("2026-12-31", "2026-08-17"),
        ("2125-12-31", "2026-08-17"),
        ("2126-08-16", "2026-08-17"),
        ("2126-08-17", "2126-08-17"),
    ] {
        assert_eq!(
            Nik::parse("3171011708260001", day(today))
                .unwrap()
                .birth_date(),
            day(born),
            "{today}"
        );
    }
    // Impossible dates stay refused, whatever the century.
    for (nik, today) in [
        ("3171013102260001", "2026-03-10"), // 31 February
        ("3171013104260001", "2026-03-10"), // 31 April
        ("3171011713260001", "2026-03-10"), // month 13
        ("3171013208260001", "2026-03-10"), // day 32
        ("3171012902000001", "2000-02-28"), // 29 February 1900
    ] {
        assert_eq!(
            nik_codes(nik, today),
            ["invalid_nik_birth_date"],
            "{nik} {today}"
        );
    }
    let e = Nik::parse("3171012902000001", day("2000-02-28")).unwrap_err();
    assert!(
        e.problems()[0]
            .message
            .ends_with("not a calendar date: day 29, month 2, year 1900"),
        "{}",
        e.problems()[0].message
    );
    assert!(
        e.problems()[0]
            .message_id
            .ends_with("tanggal 29, bulan 2, tahun 1900"),
        "{}",
        e.problems()[0].message_id
    );
}

#[test]
fn nik_messages_quote_value_expected_and_found() {
    let e = Nik::parse("3515143102990001", day(TODAY)).unwrap_err();
    let p = &e.problems()[0];
    assert_eq!(p.path, "nik");
    // The NIK masked, the date as found.
    assert!(p.message.contains("“3515**********01”"), "{}", p.message);
    assert!(
        p.message.contains("day 31, month 2, year 1999"),
        "{}",
        p.message
    );
    assert!(
        p.message_id.contains("bukan tanggal yang ada"),
        "{}",
        p.message_id
    );

    let e = Nik::parse("3515140508680001", day("1960-01-01")).unwrap();
    assert_eq!(e.birth_date(), day("1868-08-05")); // the latest year <= 1960 ending 68

    let e = Nik::parse("2015140508680001", day(TODAY)).unwrap_err();
    assert!(e.problems()[0].message.contains("province code 20"));
    assert!(e.problems()[0].message_id.contains("kode provinsi 20"));
}

#[test]
fn every_province_code_is_accepted_and_named() {
    assert_eq!(provinces().len(), 38);
    for p in provinces() {
        let nik = format!("{}01010101900001", p.code);
        let parsed = Nik::parse(&nik, day(TODAY)).unwrap();
        assert_eq!(parsed.province_name(), p.name);
    }
    for (code, name) in [
        ("11", "Aceh"),
        ("31", "DKI Jakarta"),
        ("35", "Jawa Timur"),
        ("65", "Kalimantan Utara"),
        ("91", "Papua"),
        ("92", "Papua Barat"),
        ("93", "Papua Selatan"),
        ("94", "Papua Tengah"),
        ("95", "Papua Pegunungan"),
        ("96", "Papua Barat Daya"),
    ] {
        assert_eq!(province_name(code), Some(name), "{code}");
    }
    for code in [
        "00", "10", "20", "22", "37", "54", "66", "77", "83", "90", "97", "5", "355",
    ] {
        assert_eq!(province_name(code), None, "{code}");
    }
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

#[test]
fn phone_vectors_normalise_to_e164() {
    let cases = [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62-812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 (0)812 3456 7890", "+6281234567890"),
        ("(+62) 812-3456-7890", "+6281234567890"),
        ("812 3456 7890", "+6281234567890"),
        ("  0812 3456 7890  ", "+6281234567890"),
        ("0812345678", "+62812345678"),       // 10 digits with 0
        ("0812345678901", "+62812345678901"), // 13 digits with 0
        ("0856 1234 5678", "+6285612345678"), // Indosat range
        ("0881 2345 6789", "+6288123456789"), // Smartfren range
        ("0895 1234 5678", "+6289512345678"), // 3 range
        ("(021) 5790 1234", "+622157901234"), // Jakarta, 8-digit number
        ("(021) 579-0123", "+62215790123"),   // 7-digit number
        ("021 12345", "+622112345"),          // 7 digits after the 0
        ("(031) 3520 7000", "+623135207000"), // Surabaya
        ("0341 551234", "+62341551234"),      // Malang, 3-digit area code
        ("(0370) 123456", "+62370123456"),    // Mataram
        ("0967 123456", "+62967123456"),      // Jayapura
        ("+62 21 5790 1234", "+622157901234"),
        ("62 (21) 5790-1234", "+622157901234"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_phone(input).as_deref(), Ok(want), "{input:?}");
    }
}

#[test]
fn phone_invalid_vectors() {
    let cases = [
        ("12345", "no prefix"),
        ("+65 6123 4567", "not an Indonesian number"),
        ("+1 555 0100", "not an Indonesian number"),
        ("0812-345", "mobile number of 6 digits"),
        ("0812 3456 7", "mobile number of 8 digits"),
        ("08123456789012", "mobile number of 13 digits"),
        ("0800 123 4567", "not a subscriber number"),
        ("0809 123 4567", "not a subscriber number"),
        ("0841 2345 6789", "not a subscriber number"),
        ("021 123", "has 5 digits"),
        ("021 1234 5678 90", "has 12 digits"),
        ("0112 3456", "not a subscriber number"),
        ("0812 3456 789x", "contains “x”"),
        ("0812_3456_7890", "contains “_”"),
        ("0812+3456789", "contains “+”"),
        ("++62 812 3456 7890", "contains “+”"),
        ("+ 0812 3456 7890", "not an Indonesian number"),
        ("+62", "has 0 digits"),
        ("0", "has 0 digits"),
        ("00812 3456 7890", "not a subscriber number"),
        ("+62 0", "has 0 digits"),
        ("1234567890123456789012345", "has 25 digits"),
        ("٠٨١٢٣٤٥٦٧٨٩٠", "contains"), // Arabic-Indic digits
    ];
    for (input, why) in cases {
        let err = normalize_phone(input).unwrap_err();
        assert_eq!(codes(&err), ["invalid_phone"], "{input:?}");
        let p = &err.problems()[0];
        assert!(p.message.contains(why), "{input:?}: {}", p.message);
        // Quoted masked: only the last three digits shown.
        let shown = ptsp::desk::form::mask(ptsp::desk::form::PersonalData::Phone, input.trim());
        assert!(p.message.contains(&format!("“{shown}”")), "{}", p.message);
        assert!(
            p.message_id.starts_with("nomor telepon "),
            "{}",
            p.message_id
        );
    }
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

#[test]
fn email_vectors() {
    let good = [
        ("siti@example.co.id", "siti@example.co.id"),
        ("Siti@Example.CO.ID", "Siti@example.co.id"),
        (
            "  budi.santoso@jatimprov.go.id ",
            "budi.santoso@jatimprov.go.id",
        ),
        ("budi+izin@mail.example.com", "budi+izin@mail.example.com"),
        ("o'brien@example.com", "o'brien@example.com"),
        ("a@b.co", "a@b.co"),
        ("x_y-z@sub-domain.example.id", "x_y-z@sub-domain.example.id"),
        ("ñandú@bücher.de", "ñandú@bücher.de"),
        ("budi@xn--bcher-kva.de", "budi@xn--bcher-kva.de"),
    ];
    for (input, want) in good {
        assert_eq!(normalize_email(input).as_deref(), Ok(want), "{input:?}");
    }
    let local64 = format!("{}@example.com", "a".repeat(64));
    assert!(normalize_email(&local64).is_ok());
    let long = format!("a@{}.com", "b".repeat(60) + &".bbbbbbbbbb".repeat(18));
    assert!(long.len() > 254);
    let local65 = local64.replacen('a', "aa", 1);
    let bad = [
        "siti",
        "siti@",
        "@example.com",
        "siti@localhost",
        "siti@@example.com",
        "siti@rahayu@example.com",
        "siti rahayu@example.com",
        "siti@exa mple.com",
        "siti\t@example.com",
        ".siti@example.com",
        "siti.@example.com",
        "si..ti@example.com",
        "siti@example..com",
        "siti@.example.com",
        "siti@example.com.",
        "siti@-example.com",
        "siti@example-.com",
        "siti@10.0.0.1",
        "siti@[10.0.0.1]",
        "\"siti\"@example.com",
        "siti(x)@example.com",
        "siti@ex_ample.com",
        local65.as_str(),
        long.as_str(),
    ];
    for input in bad {
        let err = normalize_email(input).unwrap_err();
        assert_eq!(codes(&err), ["invalid_email"], "{input:?}");
        assert!(
            err.problems()[0].message.starts_with("email “"),
            "{input:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Lengths, characters, required fields, attachments
// ---------------------------------------------------------------------------

#[test]
fn lengths_count_characters_not_bytes() {
    let limits = FormLimits::default();
    let mut form = complaint();
    form.subject = "é".repeat(150); // 300 bytes
    assert!(validate(&form, &limits, day(TODAY)).is_ok());
    form.subject = "é".repeat(151);
    let err = validate(&form, &limits, day(TODAY)).unwrap_err();
    assert_eq!(codes(&err), ["too_long"]);
    assert!(
        err.problems()[0]
            .message
            .contains("151 characters: at most 150")
    );
    assert!(
        err.problems()[0]
            .message_id
            .contains("151 karakter: paling banyak 150")
    );

    form = complaint();
    form.text = "字".repeat(20);
    assert!(validate(&form, &limits, day(TODAY)).is_ok());
    form.text = "字".repeat(19);
    assert_eq!(
        codes(&validate(&form, &limits, day(TODAY)).unwrap_err()),
        ["too_short"]
    );
    form.text = "x".repeat(5000);
    assert!(validate(&form, &limits, day(TODAY)).is_ok());
    form.text = "x".repeat(5001);
    assert_eq!(
        codes(&validate(&form, &limits, day(TODAY)).unwrap_err()),
        ["too_long"]
    );

    form = complaint();
    form.name = "x".repeat(100);
    assert!(validate(&form, &limits, day(TODAY)).is_ok());
    form.name = "x".repeat(101);
    assert_eq!(
        codes(&validate(&form, &limits, day(TODAY)).unwrap_err()),
        ["too_long"]
    );
}

#[test]
fn control_characters_are_refused_with_their_code_point() {
    let limits = FormLimits::default();
    let mut form = complaint();
    form.name = "Siti\u{1b}[31mRahayu".into();
    let err = validate(&form, &limits, day(TODAY)).unwrap_err();
    assert_eq!(codes(&err), ["invalid_characters"]);
    assert!(err.problems()[0].message.contains("U+001B at character 5"));
    assert!(
        err.problems()[0]
            .message_id
            .contains("U+001B pada karakter ke-5")
    );

    for c in ['\u{0}', '\u{8}', '\u{7f}', '\u{80}', '\u{9f}'] {
        let mut form = complaint();
        form.text = format!("Berkas saya lengkap{c} tetapi izin belum terbit.");
        assert_eq!(
            codes(&validate(&form, &limits, day(TODAY)).unwrap_err()),
            ["invalid_characters"],
            "{c:?}"
        );
    }
    // Tab and line breaks are text, not control, in the text field only.
    let mut form = complaint();
    form.text = "Berkas:\n\t1. KTP\r\n\t2. NIB\rSudah lengkap.".into();
    let valid = validate(&form, &limits, day(TODAY)).unwrap();
    assert_eq!(valid.text, "Berkas:\n\t1. KTP\n\t2. NIB\nSudah lengkap.");
    // Non-breaking space and format characters are not Cc.
    form.name = "Siti\u{a0}Rahayu\u{200b}".into();
    assert!(validate(&form, &limits, day(TODAY)).is_ok());
}

#[test]
fn required_fields_follow_the_kind_and_the_settings() {
    let today = day(TODAY);
    let mut limits = FormLimits::default();
    let mut form = complaint();
    form.nik = None;
    assert_eq!(
        paths(&validate(&form, &limits, today).unwrap_err()),
        ["nik"]
    );
    form.kind = Some(TicketKind::Consultation);
    assert!(validate(&form, &limits, today).is_ok());

    limits.consultation.email_required = true;
    limits.consultation.phone_required = true;
    limits.consultation.service_required = true;
    form.email = None;
    form.phone = Some(" ".into());
    let err = validate(&form, &limits, today).unwrap_err();
    assert_eq!(paths(&err), ["email", "phone", "contact", "service"]);
    assert_eq!(
        codes(&err),
        ["required", "required", "contact_required", "required"]
    );
    assert_eq!(err.problems()[1].message, "phone is required");
    assert_eq!(err.problems()[1].message_id, "nomor telepon wajib diisi");
    assert_eq!(
        err.problems()[2].message_id,
        "kontak wajib diisi: isi alamat email atau nomor telepon"
    );

    // An invalid contact still counts as given: one problem, not two.
    let mut form = complaint();
    form.phone = None;
    form.email = Some("siti".into());
    assert_eq!(
        codes(&validate(&form, &FormLimits::default(), today).unwrap_err()),
        ["invalid_email"]
    );
}

#[test]
fn attachments_are_checked_one_by_one_and_in_total() {
    let today = day(TODAY);
    let limits = FormLimits::default();
    let mib = 1024 * 1024;
    let at_limit = complaint()
        .with_attachment("a.pdf", "pdf", 5 * mib)
        .with_attachment("b.PNG", "PNG", 5 * mib);
    let valid = validate(&at_limit, &limits, today).unwrap();
    assert_eq!(
        valid.attachments[1],
        AttachmentMeta::new("b.PNG", "png", 5 * mib)
    );

    let over = at_limit.clone().with_attachment("c.jpg", "jpg", 1);
    let err = validate(&over, &limits, today).unwrap_err();
    assert_eq!(codes(&err), ["attachments_too_large"]);
    assert!(
        err.problems()[0]
            .message
            .contains("10485761 bytes: at most 10485760")
    );

    let mut many = complaint();
    for i in 0..6 {
        many = many.with_attachment(&format!("{i}.pdf"), "pdf", 10);
    }
    let err = validate(&many, &limits, today).unwrap_err();
    assert_eq!(codes(&err), ["too_many_attachments"]);
    assert_eq!(
        err.problems()[0].message,
        "6 attachments: at most 5 allowed"
    );
    assert_eq!(err.problems()[0].message_id, "6 lampiran: paling banyak 5");

    let mixed = complaint()
        .with_attachment("ok.pdf", "pdf", 10)
        .with_attachment("surat.docx", "docx", 10)
        .with_attachment("", "", 0)
        .with_attachment("C:\\scan.jpg", "jpg", 5 * mib + 1);
    let err = validate(&mixed, &limits, today).unwrap_err();
    assert_eq!(
        paths(&err),
        [
            "attachments[1].format",
            "attachments[2].file_name",
            "attachments[2].format",
            "attachments[2].bytes",
            "attachments[3].file_name",
            "attachments[3].bytes",
        ]
    );
    assert_eq!(
        codes(&err),
        [
            "wrong_format",
            "required",
            "required",
            "empty_file",
            "invalid_file_name",
            "file_too_large"
        ]
    );
    let wrong = &err.problems()[0];
    assert_eq!(
        wrong.message,
        "attachment “surat.docx” has format “docx”: expected one of pdf, jpg, jpeg, png"
    );
    assert_eq!(
        wrong.message_id,
        "lampiran “surat.docx” berformat “docx”: seharusnya salah satu dari pdf, jpg, jpeg, png"
    );
}

#[test]
fn all_problems_at_once() {
    let form = WebForm {
        kind: Some(TicketKind::Complaint),
        name: String::new(),
        nik: Some("123".into()),
        email: Some("siti@".into()),
        phone: None,
        subject: "Hi".into(),
        text: "Pendek.".into(),
        ..WebForm::default()
    };
    let err = validate(&form, &FormLimits::default(), day(TODAY)).unwrap_err();
    assert_eq!(err.problems().len(), 5);
    assert_eq!(paths(&err), ["name", "nik", "email", "subject", "text"]);
    assert_eq!(
        codes(&err),
        [
            "required",
            "invalid_nik_length",
            "invalid_email",
            "too_short",
            "too_short"
        ]
    );
    assert_eq!(err.code(), "invalid_form");
    assert!(
        err.to_string()
            .starts_with("invalid form: name: name is required; nik: ")
    );
    assert!(
        err.message(Lang::Id)
            .starts_with("formulir tidak valid: name: nama wajib diisi; nik: ")
    );
    for p in err.problems() {
        assert!(!p.message.is_empty() && !p.message_id.is_empty());
        assert_ne!(p.message, p.message_id, "{p:?}");
    }
}

#[test]
fn long_values_are_shortened_in_messages() {
    let mut form = complaint();
    form.email = Some(format!("siti@{}.com", "a".repeat(300)));
    let err = validate(&form, &FormLimits::default(), day(TODAY)).unwrap_err();
    let m = &err.problems()[0].message;
    assert!(m.contains('…') && m.len() < 200, "{m}");
}

// ---------------------------------------------------------------------------
// Limits and JSON
// ---------------------------------------------------------------------------

#[test]
fn limits_are_checked() {
    assert!(FormLimits::default().check().is_ok());
    let limits = FormLimits {
        name: ptsp::desk::form::CharRange { min: 5, max: 1 },
        text: ptsp::desk::form::CharRange { min: 0, max: 0 },
        label_max: 0,
        file_name_max: 0,
        formats: vec![
            "PDF".into(),
            ".png".into(),
            "jpg".into(),
            String::new(),
            "x".repeat(17),
        ],
        ..FormLimits::default()
    };
    let err = limits.check().unwrap_err();
    assert_eq!(err.code(), "invalid_limits");
    assert_eq!(
        paths(&err),
        [
            "name",
            "text",
            "label_max",
            "file_name_max",
            "formats[0]",
            "formats[1]",
            "formats[3]",
            "formats[4]"
        ]
    );
    assert!(
        err.message(Lang::Id)
            .starts_with("pengaturan formulir tidak valid: ")
    );

    let json = serde_json::to_string(&FormLimits::default()).unwrap();
    assert_eq!(FormLimits::from_json(&json).unwrap(), FormLimits::default());
    let e = FormLimits::from_json("{\"max_attachments\": -1}").unwrap_err();
    assert_eq!(e.code(), "invalid_json");
    // The shape error names the field, with the same text in every layer.
    assert_eq!(e.problems()[0].path, "max_attachments");
    assert_eq!(e.problems()[0].code, "out_of_range");
    assert!(e.message(Lang::Id).starts_with(
        "masukan tidak berbentuk seperti yang diharapkan: max_attachments: angka -1 di luar rentang"
    ));
}

#[test]
fn web_form_json() {
    let form = WebForm::from_json(
        r#"{"kind": "pengaduan", "name": "Siti", "attachments": [{"file_name": "a.pdf", "format": "pdf", "bytes": 1}]}"#,
    )
    .unwrap();
    assert_eq!(form.kind, Some(TicketKind::Complaint));
    assert_eq!(form.attachments.len(), 1);
    for bad in [
        r#"{"kind": "pujian"}"#,
        r#"{"name": 5}"#,
        r#"{"extra": true}"#,
        r#"{"attachments": [{"bytes": -1}]}"#,
        "[",
    ] {
        assert_eq!(
            WebForm::from_json(bad).unwrap_err().code(),
            "invalid_json",
            "{bad}"
        );
    }
    let back: WebForm =
        serde_json::from_str(&serde_json::to_string(&complaint()).unwrap()).unwrap();
    assert_eq!(back, complaint());
}

#[test]
fn valid_form_serialises_with_all_keys() {
    let valid = validate(&complaint(), &FormLimits::default(), day(TODAY)).unwrap();
    let v = serde_json::to_value(&valid).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "attachments",
            "category",
            "email",
            "kind",
            "name",
            "nik",
            "phone",
            "service",
            "subject",
            "text"
        ]
    );
    assert_eq!(v["nik"]["province"], "Jawa Timur");
}

// ---------------------------------------------------------------------------
// Suggestions (saran)
// ---------------------------------------------------------------------------

fn suggestion() -> WebForm {
    WebForm::new(
        TicketKind::Suggestion,
        "Warga Sidoarjo",
        "Antrean loket",
        "Mohon ditambah kursi tunggu di depan loket perizinan.",
    )
    .with_email("warga@example.id")
}

#[test]
fn suggestion_kind_reads_writes_and_validates() {
    for name in ["saran", "suggestion", "masukan"] {
        let k: TicketKind = serde_json::from_value(json!(name)).unwrap();
        assert_eq!(k, TicketKind::Suggestion, "{name}");
    }
    assert_eq!(TicketKind::Suggestion.as_str(), "saran");
    assert_eq!(
        serde_json::to_value(TicketKind::Suggestion).unwrap(),
        "saran"
    );
    for k in TicketKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }

    // No NIK needed, but a way to reply.
    let today = day(TODAY);
    let limits = FormLimits::default();
    assert_eq!(limits.suggestion, ptsp::desk::form::KindRules::default());
    let valid = validate(&suggestion(), &limits, today).unwrap();
    assert_eq!(valid.kind, TicketKind::Suggestion);
    assert_eq!(serde_json::to_value(&valid).unwrap()["kind"], "saran");
    assert_eq!(validate(&valid.to_form(), &limits, today), Ok(valid));
    let mut phone_only = suggestion();
    phone_only.email = None;
    phone_only.phone = Some("0812 3456 7890".into());
    assert!(validate(&phone_only, &limits, today).is_ok());
    let mut silent = suggestion();
    silent.email = None;
    let err = validate(&silent, &limits, today).unwrap_err();
    assert_eq!(
        (paths(&err), codes(&err)),
        (vec!["contact"], vec!["contact_required"])
    );

    // The office's own rules for suggestions.
    let strict = FormLimits::from_json(r#"{"suggestion": {"email_required": true}}"#).unwrap();
    let err = validate(&phone_only, &strict, today).unwrap_err();
    assert_eq!(
        (paths(&err), codes(&err)),
        (vec!["email"], vec!["required"])
    );
    assert!(!strict.complaint.email_required && strict.complaint.nik_required);

    // A missing kind names all three.
    let err = validate(&WebForm::default(), &limits, today).unwrap_err();
    assert_eq!(
        err.problems()[0].message,
        "kind is required: expected \"konsultasi\", \"pengaduan\" or \"saran\""
    );
}

#[test]
fn a_suggestion_routes_as_category_saran() {
    use ptsp::desk::routing::{Router, RoutingInput};
    let router = Router::sample();
    let valid = validate(&suggestion(), &FormLimits::default(), day(TODAY)).unwrap();
    let input = RoutingInput::from(&valid);
    assert_eq!(input.category, "saran");
    let out = router.suggest(&input);
    assert!(!out.is_empty());
    // No sample rule names the category: the keywords decide, and without
    // them the head of complaints takes it.
    let plain = WebForm::new(
        TicketKind::Suggestion,
        "Warga",
        "Usul umum",
        "Terima kasih, semoga makin baik ke depannya.",
    )
    .with_email("warga@example.id");
    let valid = validate(&plain, &FormLimits::default(), day(TODAY)).unwrap();
    let out = router.suggest(&RoutingInput::from(&valid));
    assert_eq!(out[0].unit, router.fallback().id);
    assert_eq!(out[0].reasons[0].code(), "no_match");
    let fish = WebForm::new(
        TicketKind::Suggestion,
        "Warga",
        "Usul perizinan",
        "Izin usaha perikanan tangkap sebaiknya bisa diurus daring.",
    )
    .with_email("warga@example.id")
    .with_category("perikanan");
    let valid = validate(&fish, &FormLimits::default(), day(TODAY)).unwrap();
    assert_eq!(router.suggest(&RoutingInput::from(&valid))[0].unit, "dkp");
}

// ---------------------------------------------------------------------------
// Personal data: masked in Debug and messages, kept in serde
// ---------------------------------------------------------------------------

const NIK_VALUE: &str = "3515144508680002";
const PHONE_VALUE: &str = "081234567890";
const EMAIL_VALUE: &str = "siti.rahayu@example.co.id";

/// The personal values of a form, and the forms of them that must not
/// appear (as written, digits only, E.164).
fn secrets(nik: &str, phone: &str, email: &str) -> Vec<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let mut out = vec![
        nik.to_owned(),
        phone.to_owned(),
        email.to_owned(),
        digits.clone(),
    ];
    if let Some(rest) = digits.strip_prefix('0') {
        out.push(format!("+62{rest}"));
        out.push(rest.to_owned());
    }
    if let Some((local, _)) = email.rsplit_once('@') {
        out.push(local.to_owned());
    }
    out.retain(|s| s.chars().count() >= 4);
    out
}

fn assert_hidden(what: &str, text: &str, secrets: &[String]) {
    for s in secrets {
        assert!(!text.contains(s.as_str()), "{what} shows {s:?}: {text}");
    }
}

#[test]
fn debug_masks_nik_phone_and_email() {
    let form = complaint()
        .with_nik(NIK_VALUE)
        .with_phone(PHONE_VALUE)
        .with_email(EMAIL_VALUE);
    let hidden = secrets(NIK_VALUE, PHONE_VALUE, EMAIL_VALUE);
    let debug = format!("{form:?} {form:#?}");
    assert_hidden("WebForm Debug", &debug, &hidden);
    assert!(debug.contains("\"3515**********02\""), "{debug}");
    assert!(debug.contains("\"*********890\""), "{debug}");
    assert!(debug.contains("\"s***@example.co.id\""), "{debug}");
    assert!(debug.contains("Siti Rahayu"), "other fields shown: {debug}");

    let valid = validate(&form, &FormLimits::default(), day(TODAY)).unwrap();
    let debug = format!("{valid:?} {valid:#?}");
    assert_hidden("ValidForm Debug", &debug, &hidden);
    assert!(debug.contains("Nik(\"3515**********02\")"), "{debug}");
    assert!(debug.contains("\"+**********890\""), "{debug}");
    let nik = valid.nik.unwrap();
    assert_eq!(format!("{nik:?}"), "Nik(\"3515**********02\")");
    assert_hidden("Nik Debug", &format!("{nik:#?}"), &hidden);

    // Serde and Display keep the real values: they are the stored data.
    let json = serde_json::to_value(&valid).unwrap();
    assert_eq!(json["nik"]["nik"], NIK_VALUE);
    assert_eq!(json["phone"], "+6281234567890");
    assert_eq!(json["email"], EMAIL_VALUE);
    assert_eq!(nik.to_string(), NIK_VALUE);
    let back: WebForm = serde_json::from_str(&serde_json::to_string(&form).unwrap()).unwrap();
    assert_eq!(back.nik.as_deref(), Some(NIK_VALUE));
}

#[test]
fn problem_messages_mask_nik_phone_and_email() {
    let bad_niks = [
        "3515143102990001",    // 31 February
        "2015144508680002",    // no province 20
        "3500144508680002",    // regency 00
        "3515144508680000",    // serial 0000
        "3515144508680002999", // too long
        "351514450868000",     // too short
        "35151445086800O2",    // letter O
        "3515-1445-0868-000x", // letter at the end
        "9999999999999999",    // everything wrong
    ];
    let bad_phones = [
        "+65 6123 4567",
        "0812-3456-789x",
        "0800 1234 5678",
        "0841 2345 6789",
        "08123456789012",
        "123456789",
        "021 1234 5678 90",
        "1234567890123456789012345",
    ];
    let bad_emails = [
        "siti.rahayu@localhost",
        "siti.rahayu@@example.com",
        "siti rahayu@example.com",
        "siti..rahayu@example.com",
        "siti.rahayu(x)@example.com",
        "siti.rahayu.example.com",
        "siti.rahayu@example..com",
        "siti.rahayu@10.0.0.1",
    ];
    let today = day(TODAY);
    let mut checked = 0;
    for (i, nik) in bad_niks.iter().enumerate() {
        let (phone, email) = (
            bad_phones[i % bad_phones.len()],
            bad_emails[i % bad_emails.len()],
        );
        let form = complaint()
            .with_nik(nik)
            .with_phone(phone)
            .with_email(email);
        let err = validate(&form, &FormLimits::default(), today).unwrap_err();
        let hidden = secrets(nik, phone, email);
        for p in err.problems() {
            assert_hidden(&p.path, &p.message, &hidden);
            assert_hidden(&p.path, &p.message_id, &hidden);
            checked += 1;
        }
        assert_hidden("error", &err.to_string(), &hidden);
        assert_hidden("error id", &err.message(Lang::Id), &hidden);
        assert_hidden("error debug", &format!("{err:?}"), &hidden);
        assert!(err.problems().iter().any(|p| p.path == "nik"), "{nik}");
        assert!(err.problems().iter().any(|p| p.path == "phone"), "{phone}");
        assert!(err.problems().iter().any(|p| p.path == "email"), "{email}");
    }
    for phone in bad_phones {
        let err = normalize_phone(phone).unwrap_err();
        assert_hidden("phone", &err.to_string(), &secrets("", phone, ""));
    }
    for email in bad_emails {
        let err = normalize_email(email).unwrap_err();
        assert_hidden("email", &err.to_string(), &secrets("", "", email));
        assert!(err.problems()[0].message.contains("“s***"), "{err}");
    }
    for nik in bad_niks {
        let err = Nik::parse(nik, today).unwrap_err();
        assert_hidden("nik", &err.message(Lang::Id), &secrets(nik, "", ""));
    }
    assert!(checked >= 27, "{checked}");
}

#[test]
fn mask_rules() {
    use ptsp::desk::form::{PersonalData, mask};
    assert_eq!(
        mask(PersonalData::Nik, "3171011708260001"),
        "3171**********01"
    );
    assert_eq!(
        mask(PersonalData::Nik, "35.15.14.450868.0002"),
        "35.1**************02"
    );
    assert_eq!(mask(PersonalData::Nik, "12345678901"), "***********");
    assert_eq!(mask(PersonalData::Nik, ""), "");
    assert_eq!(
        mask(PersonalData::Phone, "0812-3456-7890"),
        "****-****-*890"
    );
    assert_eq!(
        mask(PersonalData::Phone, "(031) 3520 7000"),
        "(***) **** *000"
    );
    assert_eq!(
        mask(PersonalData::Phone, "siti@example.com"),
        "************.***"
    );
    assert_eq!(mask(PersonalData::Phone, "12"), "12");
    assert_eq!(
        mask(PersonalData::Email, "siti@example.co.id"),
        "s***@example.co.id"
    );
    assert_eq!(
        mask(PersonalData::Email, "siti@rahayu@example.com"),
        "s***@example.com"
    );
    assert_eq!(mask(PersonalData::Email, "@example.com"), "***@example.com");
    assert_eq!(mask(PersonalData::Email, "éva@bücher.de"), "é***@bücher.de");
    assert_eq!(mask(PersonalData::Email, ""), "***");
}

// ---------------------------------------------------------------------------
// Every free-text field is bounded
// ---------------------------------------------------------------------------

#[test]
fn every_free_text_field_is_bounded() {
    let today = day(TODAY);
    let limits = FormLimits {
        name: ptsp::desk::form::CharRange { min: 1, max: 10 },
        subject: ptsp::desk::form::CharRange { min: 1, max: 10 },
        text: ptsp::desk::form::CharRange { min: 1, max: 10 },
        label_max: 10,
        file_name_max: 10,
        formats: vec![],
        ..FormLimits::default()
    };
    let long = "x".repeat(11);
    let mut form = complaint()
        .with_service(&long)
        .with_category(&long)
        .with_attachment(&format!("{long}.pdf"), "pdf", 1)
        .with_attachment("a.pdf", &"p".repeat(17), 1);
    form.name = long.clone();
    form.subject = long.clone();
    form.text = long.clone();
    let err = validate(&form, &limits, today).unwrap_err();
    let found: Vec<(&str, &str)> = err
        .problems()
        .iter()
        .map(|p| (p.path.as_str(), p.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("name", "too_long"),
            ("subject", "too_long"),
            ("text", "too_long"),
            ("service", "too_long"),
            ("category", "too_long"),
            ("attachments[0].file_name", "too_long"),
            ("attachments[1].format", "too_long"),
        ]
    );
    // Each names the field and the limit, in both languages.
    for (p, (en, id)) in err.problems().iter().zip([
        (
            "name has 11 characters: at most 10",
            "nama berisi 11 karakter: paling banyak 10",
        ),
        ("subject has 11", "perihal berisi 11"),
        ("text has 11", "isi berisi 11"),
        ("service has 11", "layanan berisi 11"),
        ("category has 11", "kategori berisi 11"),
        (
            "file name has 15 characters: at most 10",
            "nama berkas berisi 15 karakter: paling banyak 10",
        ),
        (
            "format has 17 characters: at most 16",
            "format berisi 17 karakter: paling banyak 16",
        ),
    ]) {
        assert!(p.message.starts_with(en), "{}", p.message);
        assert!(p.message_id.starts_with(id), "{}", p.message_id);
    }
    // The default file-name limit is 255; a format is at most 16 whatever
    // the settings, and free of control characters.
    assert_eq!(FormLimits::default().file_name_max, 255);
    let ok = complaint().with_attachment(&"n".repeat(251), "pdf", 1);
    assert!(validate(&ok, &FormLimits::default(), today).is_ok());
    let any = FormLimits {
        formats: vec![],
        ..FormLimits::default()
    };
    let odd = complaint()
        .with_attachment("a.x", &"x".repeat(16), 1)
        .with_attachment("b.x", "p\u{7}f", 1);
    let err = validate(&odd, &any, today).unwrap_err();
    assert_eq!(paths(&err), ["attachments[1].format"]);
    assert_eq!(codes(&err), ["invalid_characters"]);
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const CODES: &[&str] = &[
    "required",
    "too_short",
    "too_long",
    "invalid_characters",
    "invalid_nik_digits",
    "invalid_nik_length",
    "invalid_nik_region",
    "invalid_nik_birth_date",
    "invalid_nik_serial",
    "invalid_email",
    "invalid_phone",
    "contact_required",
    "too_many_attachments",
    "attachments_too_large",
    "invalid_file_name",
    "wrong_format",
    "empty_file",
    "file_too_large",
];

/// `^\+62[1-9][0-9]{6,11}$` without a regex crate.
fn is_e164_id(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("+62") else {
        return false;
    };
    let b = rest.as_bytes();
    (7..=12).contains(&b.len()) && b[0] != b'0' && b.iter().all(u8::is_ascii_digit)
}

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::string::string_regex(&format!("[ A-Za-z0-9.,?é字🙂]{{0,{max}}}")).unwrap(),
        1 => proptest::string::string_regex(&format!("[ a-z\t\n\r\u{0}\u{7}\u{7f}\u{85}\u{a0}]{{0,{max}}}")).unwrap(),
        1 => any::<String>(),
    ]
}

fn nik_strategy() -> impl Strategy<Value = String> {
    let codes: Vec<String> = provinces().iter().map(|p| p.code.clone()).collect();
    prop_oneof![
        // Structurally valid NIKs (dates may still be impossible or future).
        4 => (
            proptest::sample::select(codes),
            prop_oneof![1u8..=69, 71u8..=99],
            0u8..=99,
            prop_oneof![1u8..=31, 41u8..=71],
            1u8..=12,
            0u8..=99,
            1u16..=9999,
        )
            .prop_map(|(p, r, d, dd, mm, yy, s)| format!("{p}{r:02}{d:02}{dd:02}{mm:02}{yy:02}{s:04}")),
        1 => "[0-9]{16}",
        1 => "[0-9 .-]{0,20}",
        1 => any::<String>(),
    ]
}

fn phone_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ("(0|62|\\+62|\\+62 \\(0\\))", "8[1-35-9][0-9]{7,10}")
            .prop_map(|(p, n)| format!("{p}{n}")),
        2 => ("(0|62 |\\+62 )", "[2-79][0-9]{6,10}").prop_map(|(p, n)| format!("{p}{n}")),
        2 => "[+]?[0-9 ().-]{0,20}",
        1 => any::<String>(),
    ]
}

fn email_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9._+-]{1,20}@[A-Za-z0-9-]{1,10}\\.[A-Za-z]{2,6}",
        1 => "[ A-Za-z@.\"-]{0,30}",
        1 => any::<String>(),
    ]
}

fn attachment_strategy() -> impl Strategy<Value = AttachmentMeta> {
    (
        prop_oneof![3 => "[a-z ]{1,12}\\.(pdf|PNG|jpg)", 1 => any::<String>()],
        prop_oneof![3 => "(pdf|PDF|jpg|.png|jpeg)", 1 => "[a-z.]{0,5}"],
        prop_oneof![3 => 1u64..=5_000_000, 1 => any::<u64>()],
    )
        .prop_map(|(file_name, format, bytes)| AttachmentMeta {
            file_name,
            format,
            bytes,
        })
}

fn form_strategy() -> impl Strategy<Value = WebForm> {
    (
        proptest::option::weighted(0.95, proptest::sample::select(TicketKind::ALL.to_vec())),
        text_strategy(30),
        proptest::option::weighted(0.8, nik_strategy()),
        proptest::option::weighted(0.7, email_strategy()),
        proptest::option::weighted(0.7, phone_strategy()),
        text_strategy(60),
        text_strategy(200),
        proptest::collection::vec(attachment_strategy(), 0..4),
        proptest::option::of("[a-z -]{0,12}"),
        proptest::option::of(text_strategy(12)),
    )
        .prop_map(
            |(kind, name, nik, email, phone, subject, text, attachments, service, category)| {
                WebForm {
                    kind,
                    name,
                    nik,
                    email,
                    phone,
                    subject,
                    text,
                    attachments,
                    service,
                    category,
                }
            },
        )
}

/// Forms built from well-formed parts, so that most of them validate.
fn good_form_strategy() -> impl Strategy<Value = WebForm> {
    let nik = nik_strategy().prop_filter("structural", |n| {
        n.len() == 16 && n.bytes().all(|b| b.is_ascii_digit())
    });
    (
        proptest::sample::select(TicketKind::ALL.to_vec()),
        " ?[A-Z][a-zé]{1,12}( [A-Z][a-z]{1,12}){0,2} ?",
        nik,
        proptest::option::of("[A-Za-z0-9._+-]{0,10}[A-Za-z0-9]@[A-Za-z0-9]{1,10}\\.[A-Za-z]{2,6}"),
        proptest::option::of(
            (
                "(0|62|\\+62|\\+62 \\(0\\)|)",
                "8[1-35-9][0-9]{2}[ -]?[0-9]{4}[ -]?[0-9]{1,4}",
            )
                .prop_map(|(p, n)| format!("{p}{n}")),
        ),
        "[A-Z][ A-Za-z0-9é字🙂]{4,60}[a-z?]",
        "[ \t]{0,2}[A-Z][ A-Za-z0-9é字🙂,.\n\r\t]{18,300}[a-z.?]\n?",
        proptest::collection::vec(
            (
                "[a-z]{1,10}( [a-z]{1,5})?\\.(pdf|PNG|jpg)",
                "(pdf|PDF|jpg|.png|jpeg)",
                1u64..=2_000_000,
            )
                .prop_map(|(file_name, format, bytes)| AttachmentMeta {
                    file_name,
                    format,
                    bytes,
                }),
            0..3,
        ),
        proptest::option::of(" ?[a-z][a-z-]{0,20} ?"),
    )
        .prop_map(
            |(kind, name, nik, email, phone, subject, text, attachments, service)| {
                let email =
                    email.or_else(|| phone.is_none().then(|| "Budi@Example.COM".to_owned()));
                WebForm {
                    kind: Some(kind),
                    name,
                    nik: Some(nik),
                    email,
                    phone,
                    subject,
                    text,
                    attachments,
                    service,
                    category: None,
                }
            },
        )
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (1950i32..=2120, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 1).unwrap())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Same input, same answer; a valid form's normalised form validates to
    /// itself; problems are well formed.
    #[test]
    fn validation_is_deterministic_and_idempotent(
        form in prop_oneof![form_strategy(), good_form_strategy()],
        today in date_strategy(),
    ) {
        let limits = FormLimits::default();
        let first = validate(&form, &limits, today);
        prop_assert_eq!(&first, &validate(&form, &limits, today));
        match first {
            Ok(valid) => {
                let again = validate(&valid.to_form(), &limits, today);
                prop_assert_eq!(again.as_ref(), Ok(&valid));
                if let Some(p) = &valid.phone {
                    prop_assert!(is_e164_id(p), "{}", p);
                }
                prop_assert_eq!(valid.name.trim(), valid.name.as_str());
                prop_assert!(!valid.text.contains('\r'));
                if let Some(nik) = valid.nik {
                    prop_assert!(nik.birth_date() <= today);
                    prop_assert_eq!(nik.as_str().len(), 16);
                }
            }
            Err(err) => {
                prop_assert_eq!(err.code(), "invalid_form");
                prop_assert!(!err.problems().is_empty());
                for p in err.problems() {
                    prop_assert!(CODES.contains(&p.code.as_str()), "{}", p.code);
                    prop_assert!(!p.path.is_empty() && !p.message.is_empty() && !p.message_id.is_empty());
                }
            }
        }
    }

    /// No message, and no `Debug` output, of any form shows its NIK, phone
    /// or email in full (values of at least 8 characters, 4 of them letters
    /// or digits, so that a short value or one of separators only does not
    /// match the message by chance).
    #[test]
    fn personal_data_never_shown_in_full(
        nik in nik_strategy(),
        phone in phone_strategy(),
        email in email_strategy(),
        today in date_strategy(),
    ) {
        let form = complaint().with_nik(&nik).with_phone(&phone).with_email(&email);
        // An email of a domain only ("@example.com") has nothing to hide.
        let has_local = !email.trim().starts_with('@');
        let mut hidden: Vec<String> = [nik.trim(), phone.trim(), email.trim()]
            .into_iter()
            .filter(|v| v.chars().count() >= 8 && v.chars().filter(|c| c.is_alphanumeric()).count() >= 4)
            .filter(|v| has_local || *v != email.trim())
            // A local part of mask characters only ("*@…") is its own mask.
            .filter(|v| !v.split('@').next().is_some_and(|l| !l.is_empty() && l.chars().all(|c| c == '*')))
            .map(str::to_owned)
            .collect();
        hidden.dedup();
        let mut shown = vec![format!("{form:?}")];
        match validate(&form, &FormLimits::default(), today) {
            Ok(valid) => shown.push(format!("{valid:?}")),
            Err(err) => {
                shown.push(format!("{err:?}"));
                shown.push(err.message(Lang::Id));
            }
        }
        for text in &shown {
            for h in &hidden {
                prop_assert!(!text.contains(h.as_str()), "{:?} in {}", h, text);
                // Debug escapes: check the escaped form too.
                let escaped = format!("{h:?}");
                let inner = &escaped[1..escaped.len() - 1];
                prop_assert!(!text.contains(inner), "{:?} in {}", h, text);
            }
        }
    }

    /// Arbitrary Unicode in every field never panics.
    #[test]
    fn arbitrary_unicode_never_panics(
        kind in proptest::option::of(proptest::sample::select(TicketKind::ALL.to_vec())),
        fields in proptest::collection::vec(any::<String>(), 9),
        bytes in any::<u64>(),
        today in date_strategy(),
    ) {
        let form = WebForm {
            kind,
            name: fields[0].clone(),
            nik: Some(fields[1].clone()),
            email: Some(fields[2].clone()),
            phone: Some(fields[3].clone()),
            subject: fields[4].clone(),
            text: fields[5].clone(),
            attachments: vec![AttachmentMeta { file_name: fields[6].clone(), format: fields[7].clone(), bytes }],
            service: Some(fields[8].clone()),
            category: Some(fields[8].clone()),
        };
        let _ = validate(&form, &FormLimits::default(), today);
        let _ = Nik::parse(&fields[1], today);
        let _ = normalize_email(&fields[2]);
        let _ = normalize_phone(&fields[3]);
    }

    /// A normalised phone always matches ^\+62[1-9][0-9]{6,11}$ and
    /// normalising it again changes nothing.
    #[test]
    fn normalised_phone_is_e164(input in phone_strategy()) {
        if let Ok(p) = normalize_phone(&input) {
            prop_assert!(is_e164_id(&p), "{:?} -> {}", input, p);
            prop_assert_eq!(normalize_phone(&p), Ok(p.clone()));
        }
    }

    /// Generated mobile numbers in every notation normalise to the same E.164.
    #[test]
    fn mobile_notations_agree(n in "8[1-35-9][0-9]{7,10}") {
        let want = format!("+62{n}");
        let grouped = format!("0{}-{}-{}", &n[..3], &n[3..7], &n[7..]);
        for input in [format!("0{n}"), format!("62{n}"), format!("+62{n}"), format!("+62 (0){n}"), n.clone(), grouped] {
            prop_assert_eq!(normalize_phone(&input), Ok(want.clone()), "{}", input);
        }
    }

    /// A decoded NIK round-trips through its digits, and its parts agree.
    #[test]
    fn nik_decoding_is_consistent(nik in nik_strategy(), today in date_strategy()) {
        if let Ok(n) = Nik::parse(&nik, today) {
            prop_assert_eq!(Nik::parse(n.as_str(), today), Ok(n));
            prop_assert!(n.as_str().starts_with(n.district_code()));
            prop_assert!(n.district_code().starts_with(n.regency_code()));
            prop_assert!(n.regency_code().starts_with(n.province_code()));
            prop_assert!(province_name(n.province_code()).is_some());
            prop_assert!(n.birth_date() <= today);
            prop_assert!(today.signed_duration_since(n.birth_date()).num_days() < 36_600);
            let dd: u32 = n.as_str()[6..8].parse().unwrap();
            let expect_day = if n.sex() == Sex::Female { dd - 40 } else { dd };
            prop_assert_eq!(chrono::Datelike::day(&n.birth_date()), expect_day);
        }
    }
}
