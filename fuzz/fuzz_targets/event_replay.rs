//! cargo-fuzz target `event_replay`: see `harness::event_replay`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::event_replay(data));
