//! Routing benchmarks (criterion): `Router::suggest` on realistic tickets
//! of about 40 words against the sample rule set (14 units, 30 rules,
//! about 120 keywords), and the cost of building a router: the sample, a
//! generated rule set of 20,000 rules, and rule sets with one very long
//! keyword.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ptsp::desk::routing::{Router, RoutingInput, RoutingRule, RuleSet, Unit, UnitKind};

/// Eight tickets of 35–45 words, as the JOSS web form delivers them.
fn tickets() -> Vec<RoutingInput> {
    let texts = [
        (
            "Perpanjangan izin usaha perikanan",
            "Selamat siang, saya pemilik kapal penangkap ikan di Lamongan. Izin usaha perikanan \
             tangkap kami habis bulan depan. Bagaimana cara memperpanjang izinnya lewat JOSS, \
             dokumen apa saja yang harus diunggah, dan berapa lama prosesnya? Terima kasih.",
        ),
        (
            "Limbah pabrik",
            "Saya warga desa Sumberejo ingin mengadukan limbah cair dari pabrik tahu di dekat \
             rumah yang dibuang langsung ke sungai. Airnya berbau dan ikan banyak yang mati. \
             Mohon ditindaklanjuti oleh dinas terkait karena sudah berlangsung berbulan-bulan.",
        ),
        (
            "Tidak bisa login",
            "Sejak kemarin saya tidak bisa masuk ke akun JOSS. Sudah mencoba mengganti kata \
             sandi tetapi kode OTP tidak pernah terkirim ke email saya. Padahal permohonan izin \
             saya harus segera diunggah sebelum batas waktu. Mohon bantuannya secepatnya.",
        ),
        (
            "Status permohonan",
            "Permohonan izin operasional rumah sakit kelas B yang kami ajukan sejak tiga minggu \
             lalu belum ada kabar. Status di aplikasi masih verifikasi berkas. Apakah ada \
             persyaratan yang kurang? Kami perlu kepastian karena rumah sakit akan segera beroperasi.",
        ),
        (
            "Pertanyaan",
            "Halo admin, saya ingin bertanya mengenai prosedur penanaman modal asing untuk usaha \
             perkebunan di Jawa Timur. Apakah NIB dari OSS sudah cukup atau masih perlu \
             rekomendasi teknis dari dinas? Berapa biaya dan berapa hari kerja prosesnya?",
        ),
        (
            "Petugas",
            "Saya kecewa dengan pelayanan di loket kemarin. Petugas tidak ramah dan antrean \
             sangat lambat, padahal berkas saya sudah lengkap. Saya juga diminta datang lagi \
             minggu depan tanpa penjelasan yang jelas. Mohon diperbaiki pelayanannya ke depan.",
        ),
        (
            "Tambang galian",
            "Kami dari koperasi warga ingin mengurus izin pertambangan batuan untuk galian pasir \
             di desa kami. Apakah izinnya diterbitkan provinsi atau kabupaten, dan bagaimana \
             dengan rekomendasi lingkungan hidup yang diperlukan sebelum permohonan diajukan?",
        ),
        (
            "Informasi",
            "Selamat pagi, saya mahasiswa yang sedang menulis skripsi tentang pelayanan publik \
             di Jawa Timur. Bolehkah saya meminta data jumlah permohonan yang masuk setiap \
             bulan selama tahun lalu beserta rata-rata waktu penyelesaiannya? Terima kasih.",
        ),
    ];
    texts
        .iter()
        .map(|(s, t)| RoutingInput::new(*s, *t))
        .collect()
}

/// A deterministic generator (xorshift64*), so every run builds the same
/// rule set.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A pseudo-Indonesian word of two to four open syllables, some with an
/// affix, so that the stemmer has real work.
fn word(g: &mut Gen) -> String {
    const ONSETS: [&str; 16] = [
        "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "j", "c", "h", "w", "ny",
    ];
    const VOWELS: [&str; 5] = ["a", "i", "u", "e", "o"];
    let mut w = String::new();
    for _ in 0..2 + g.below(3) {
        w.push_str(ONSETS[g.below(16) as usize]);
        w.push_str(VOWELS[g.below(5) as usize]);
    }
    match g.below(6) {
        0 => format!("pe{w}an"),
        1 => format!("{w}kan"),
        2 => format!("ber{w}"),
        _ => w,
    }
}

/// A rule set of `n` rules over 200 units, drawn from shared pools: each
/// rule has a target, a priority from 0 to 9, a service (30 %), a sector
/// (30 %) and a category (30 %) from small pools, and one to five keywords
/// from a pool of 5,000 words and 1,000 two-word phrases. Many of these
/// rules are shadowed by earlier ones, so the set is refused: building it
/// measures validation, and the shadowed-rule check above all.
fn pooled_rule_set(n: usize) -> RuleSet {
    rule_set(n, false)
}

/// As [`pooled_rule_set`], but every rule has its own service, so no rule
/// is shadowed and the set compiles: building it measures everything.
fn valid_rule_set(n: usize) -> RuleSet {
    rule_set(n, true)
}

fn rule_set(n: usize, own_service: bool) -> RuleSet {
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    let words: Vec<String> = (0..5_000).map(|_| word(&mut g)).collect();
    let phrases: Vec<String> = (0..1_000)
        .map(|_| {
            format!(
                "{} {}",
                words[g.below(5_000) as usize],
                words[g.below(5_000) as usize]
            )
        })
        .collect();
    let mut units = vec![Unit {
        id: "kabid".into(),
        name: ptsp::Label {
            id: "Kepala Bidang Pengaduan".into(),
            en: "Head of complaints".into(),
        },
        kind: UnitKind::HeadOfComplaints,
    }];
    units.extend((0..200).map(|i| Unit {
        id: format!("unit-{i}"),
        name: ptsp::Label {
            id: format!("Unit {i}"),
            en: format!("Unit {i}"),
        },
        kind: UnitKind::Opd,
    }));
    let pick = |g: &mut Gen, pool: u64, prefix: &str| {
        (g.below(10) < 3).then(|| format!("{prefix}-{}", g.below(pool)))
    };
    let rules = (0..n)
        .map(|i| RoutingRule {
            id: format!("r{i}"),
            target: format!("unit-{}", g.below(200)),
            priority: g.below(10) as i32,
            service: if own_service {
                Some(format!("layanan-{i}"))
            } else {
                pick(&mut g, 500, "layanan")
            },
            sector: pick(&mut g, 50, "sektor"),
            category: pick(&mut g, 3, "kategori"),
            keywords: (0..1 + g.below(5))
                .map(|_| {
                    if g.below(6) == 0 {
                        phrases[g.below(1_000) as usize].clone()
                    } else {
                        words[g.below(5_000) as usize].clone()
                    }
                })
                .collect(),
            note: None,
        })
        .collect();
    RuleSet {
        note: "generated for the benchmark".into(),
        units,
        rules,
        fallback: "kabid".into(),
    }
}

/// The sample rule set plus one rule whose only keyword is `keyword` (at a
/// priority no sample rule reaches, so it is never shadowed).
fn with_keyword(keyword: String) -> RuleSet {
    let mut set = RuleSet::sample();
    set.rules.push(RoutingRule {
        id: "panjang".into(),
        target: "dkp".into(),
        priority: 100,
        service: None,
        sector: None,
        category: None,
        keywords: vec![keyword],
        note: None,
    });
    set
}

/// Wall time of one call, best of `runs`.
fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let start = std::time::Instant::now();
        let r = f();
        best = best.min(start.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn outcome(r: &Result<Router, ptsp::desk::routing::RoutingError>) -> String {
    match r {
        Ok(_) => "built".to_owned(),
        Err(e) => {
            let mut codes = std::collections::BTreeMap::<&str, usize>::new();
            for p in e.problems() {
                *codes.entry(p.code.as_str()).or_default() += 1;
            }
            let codes: Vec<String> = codes.iter().map(|(c, n)| format!("{n} {c}")).collect();
            format!("refused: {}", codes.join(", "))
        }
    }
}

fn building(c: &mut Criterion) {
    let valid = valid_rule_set(20_000);
    let pooled = pooled_rule_set(20_000);
    for (what, set) in [("valid", &valid), ("pooled", &pooled)] {
        let (secs, r) = best_of(3, || Router::new(black_box(set.clone())));
        println!(
            "Router::new, 20,000 generated rules ({what}): {secs:.3} s, best of 3 ({})",
            outcome(&r)
        );
    }
    // One keyword of about 1 MB: a single word of 200,000 syllables.
    let huge = "kapal".repeat(200_000);
    let (secs, r) = best_of(1, || Router::new(black_box(with_keyword(huge.clone()))));
    println!(
        "Router::new, sample + one 1,000,000-character keyword: {:.3} s ({})",
        secs,
        outcome(&r)
    );
    // The largest keyword the limits allow, as one word and as a phrase.
    let max = ptsp::desk::routing::limits::MAX_KEYWORD_CHARS;
    let long_word: String = "kapal".repeat(max / 5 + 1).chars().take(max).collect();
    let long_phrase: String = "kapal nelayan tangkap "
        .repeat(max / 22 + 1)
        .chars()
        .take(max)
        .collect();
    for (what, k) in [
        ("one word", long_word),
        ("a phrase", long_phrase.trim_end().to_owned()),
    ] {
        let (secs, r) = best_of(5, || Router::new(black_box(with_keyword(k.clone()))));
        println!(
            "Router::new, sample + one {}-character keyword ({what}): {:.4} s, best of 5 ({})",
            k.chars().count(),
            secs,
            outcome(&r)
        );
    }
    let mut g = c.benchmark_group("routing build");
    g.sample_size(10);
    g.bench_function("Router::sample (30 rules)", |b| {
        b.iter(|| black_box(Router::sample()))
    });
    g.finish();
}

fn routing(c: &mut Criterion) {
    let router = Router::sample();
    let tickets = tickets();
    let words: usize = tickets
        .iter()
        .map(|t| {
            ptsp::desk::routing::tokenize(&t.subject).len()
                + ptsp::desk::routing::tokenize(&t.text).len()
        })
        .sum();
    println!(
        "{} tickets, {:.1} words per ticket on average",
        tickets.len(),
        words as f64 / tickets.len() as f64
    );
    // Criterion reports the mean; on a shared machine the best of a few
    // runs says more about what one core can do.
    let mut out = Vec::new();
    let best = (0..9)
        .map(|_| {
            let start = std::time::Instant::now();
            for _ in 0..20_000 {
                for t in &tickets {
                    router.suggest_into(black_box(t), &mut out);
                }
            }
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "suggest_into, best of 9 runs: {:.2} million tickets/s",
        (20_000 * tickets.len()) as f64 / best / 1e6
    );
    let mut g = c.benchmark_group("routing");
    g.throughput(Throughput::Elements(tickets.len() as u64));
    g.bench_function("suggest_into (tickets/s)", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for t in &tickets {
                router.suggest_into(black_box(t), &mut out);
                black_box(&out);
            }
        })
    });
    g.bench_function("suggest (tickets/s)", |b| {
        b.iter(|| {
            for t in &tickets {
                black_box(router.suggest(black_box(t)));
            }
        })
    });
    g.bench_function("redistribute (tickets/s)", |b| {
        b.iter(|| {
            for t in &tickets {
                black_box(router.redistribute(black_box(t), &["dkp", "bidang-perizinan"]));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, routing, building);
criterion_main!(benches);
