//! cargo-fuzz target `routing_rules`: see `harness::routing_rules`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::routing_rules(data));
