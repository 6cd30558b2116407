//! Replays every committed fuzz input on stable: the minimised corpora in
//! `fuzz/corpus/<target>/` and the regression inputs in
//! `fuzz/regressions/<target>/` go through the same harness code as the
//! cargo-fuzz targets (`fuzz/harness.rs`), so a law the fuzzer once checked
//! stays checked in `cargo test -p ptsp`. Fuzzing itself needs nightly:
//! `cd fuzz && cargo +nightly fuzz run <target>`.

use std::cell::{Cell, RefCell};
use std::io::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

#[path = "../fuzz/harness.rs"]
mod harness;

fn entries(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

thread_local! {
    /// Whether this thread is running a corpus entry.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// Where and why the last panic of a corpus entry happened.
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keeps the panics of corpus entries quiet (each failing input is
/// reported once, at the end, with its file name) but records where they
/// happened; other panics go to the default hook.
fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.get() {
                return default(info);
            }
            let at = info.location().map(|l| l.to_string()).unwrap_or_default();
            let why = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| {
                    info.payload()
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                })
                .unwrap_or_default();
            // With RUST_BACKTRACE=1, where in the library it happened.
            let trace = std::backtrace::Backtrace::capture();
            LAST_PANIC.with(|p| *p.borrow_mut() = format!("panicked at {at}: {why}\n{trace}"));
        }));
    });
}

/// Runs every input of one target; reports each failing file by name.
fn replay(target: &str) {
    quiet_panics();
    let run = harness::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, run)| *run)
        .expect("a target of the harness");
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let corpus = entries(&fuzz.join("corpus").join(target));
    let regressions = entries(&fuzz.join("regressions").join(target));
    assert!(
        !corpus.is_empty(),
        "no corpus for {target} in {}",
        fuzz.display()
    );
    let mut failed = Vec::new();
    let mut slowest = (Duration::ZERO, PathBuf::new());
    let all = Instant::now();
    for path in corpus.iter().chain(&regressions) {
        let data = std::fs::read(path).expect("a readable corpus entry");
        QUIET.set(true);
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| run(&data)));
        let took = started.elapsed();
        QUIET.set(false);
        if took > slowest.0 {
            slowest = (took, path.clone());
        }
        if outcome.is_err() {
            let why = LAST_PANIC.with(|p| p.take());
            failed.push(format!("{}: {why}", path.display()));
        }
    }
    // Straight to stderr, past the test harness's capture.
    let _ = writeln!(
        std::io::stderr(),
        "fuzz corpus {target}: {} corpus entries and {} regression inputs replayed in {:.1} s; slowest {} ms ({})",
        corpus.len(),
        regressions.len(),
        all.elapsed().as_secs_f64(),
        slowest.0.as_millis(),
        slowest
            .1
            .file_name()
            .map(|f| f.to_string_lossy())
            .unwrap_or_default()
    );
    assert!(
        failed.is_empty(),
        "{target}: {} inputs failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn calendar_json() {
    replay("calendar_json");
}

#[test]
fn ical() {
    replay("ical");
}

#[test]
fn procedure_json() {
    replay("procedure_json");
}

#[test]
fn routing_rules() {
    replay("routing_rules");
}

#[test]
fn event_replay() {
    replay("event_replay");
}

#[test]
fn web_form() {
    replay("web_form");
}

#[test]
fn commands() {
    replay("commands");
}

/// The inputs of the open findings (`fuzz/findings/README.md`), with the
/// harness's guards against them off: fails until core fixes them; then
/// their inputs move to `fuzz/regressions/` and the guards go.
#[test]
#[ignore = "open fuzz findings: fails until core fixes them (fuzz/findings/README.md)"]
fn open_findings() {
    quiet_panics();
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/findings");
    let mut failed = Vec::new();
    for (target, run) in harness::TARGETS {
        for path in entries(&fuzz.join(target)) {
            let data = std::fs::read(&path).expect("a readable finding");
            QUIET.set(true);
            let outcome =
                harness::with_open_findings(|| catch_unwind(AssertUnwindSafe(|| run(&data))));
            QUIET.set(false);
            if outcome.is_err() {
                failed.push(format!(
                    "{}: {}",
                    path.display(),
                    LAST_PANIC.with(|p| p.take())
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} findings reproduce:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
