//! cargo-fuzz target `web_form`: see `harness::web_form`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::web_form(data));
