//! Web-form validation benchmarks (criterion): a typical valid complaint
//! (NIK, email, phone, a 600-character text, two attachments), a valid
//! consultation without NIK, and a form with five problems (the error path
//! builds bilingual messages, so it is slower by design).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ptsp::desk::form::{FormLimits, Nik, TicketKind, WebForm, normalize_phone, validate};

fn typical_complaint() -> WebForm {
    let text = "Saya mengajukan izin operasional klinik pratama melalui JOSS pada tanggal \
        3 Oktober. Semua persyaratan sudah diunggah dan dinyatakan lengkap oleh verifikator, \
        tetapi sampai hari ini izin belum terbit dan status permohonan tidak berubah. \
        Rekomendasi dari Dinas Kesehatan juga sudah keluar minggu lalu. Mohon penjelasan \
        mengapa proses persetujuan melewati tiga hari kerja sebagaimana tercantum dalam \
        standar pelayanan, dan kapan izin dapat dicetak. Terima kasih atas perhatian dan \
        tindak lanjutnya. Nomor permohonan saya tercantum pada lampiran bukti pendaftaran.";
    WebForm::new(
        TicketKind::Complaint,
        "Siti Rahayu",
        "Izin operasional klinik belum terbit",
        text,
    )
    .with_nik("3515144508680002")
    .with_email("siti.rahayu@example.co.id")
    .with_phone("0812-3456-7890")
    .with_service("izin-operasional-klinik")
    .with_attachment("bukti-pendaftaran.pdf", "pdf", 180_000)
    .with_attachment("rekomendasi dinkes.jpg", "jpg", 350_000)
}

fn bench(c: &mut Criterion) {
    let limits = FormLimits::default();
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let complaint = typical_complaint();
    assert!(validate(&complaint, &limits, today).is_ok());
    let consultation = WebForm::new(
        TicketKind::Consultation,
        "Budi",
        "Syarat izin klinik",
        "Apa saja syarat izin operasional klinik pratama di Jawa Timur?",
    )
    .with_phone("+62 812 3456 789");
    assert!(validate(&consultation, &limits, today).is_ok());
    let invalid = WebForm {
        kind: Some(TicketKind::Complaint),
        name: String::new(),
        nik: Some("123".into()),
        email: Some("siti@".into()),
        subject: "Hi".into(),
        text: "Pendek.".into(),
        ..WebForm::default()
    };
    assert_eq!(
        validate(&invalid, &limits, today)
            .unwrap_err()
            .problems()
            .len(),
        5
    );

    let mut g = c.benchmark_group("form");
    g.throughput(Throughput::Elements(1));
    g.bench_function("validate_typical_complaint", |b| {
        b.iter(|| validate(black_box(&complaint), &limits, today))
    });
    g.bench_function("validate_consultation", |b| {
        b.iter(|| validate(black_box(&consultation), &limits, today))
    });
    g.bench_function("validate_five_problems", |b| {
        b.iter(|| validate(black_box(&invalid), &limits, today))
    });
    g.bench_function("nik_parse", |b| {
        b.iter(|| Nik::parse(black_box("3515144508680002"), today))
    });
    g.bench_function("normalize_phone", |b| {
        b.iter(|| normalize_phone(black_box("0812-3456-7890")))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
