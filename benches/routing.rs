//! Routing benchmarks (criterion): `Router::suggest` on realistic tickets
//! of about 40 words against the sample rule set (14 units, 30 rules,
//! about 120 keywords), and the cost of building a router.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ptsp::routing::{Router, RoutingInput};

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

fn routing(c: &mut Criterion) {
    let router = Router::sample();
    let tickets = tickets();
    let words: usize = tickets
        .iter()
        .map(|t| ptsp::routing::tokenize(&t.subject).len() + ptsp::routing::tokenize(&t.text).len())
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
    let mut g = c.benchmark_group("routing build");
    g.sample_size(10);
    g.bench_function("Router::sample (30 rules)", |b| {
        b.iter(|| black_box(Router::sample()))
    });
    g.finish();
}

criterion_group!(benches, routing);
criterion_main!(benches);
