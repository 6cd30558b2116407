//! cargo-fuzz target `calendar_json`: see `harness::calendar_json`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::calendar_json(data));
