//! cargo-fuzz target `procedure_json`: see `harness::procedure_json`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::procedure_json(data));
