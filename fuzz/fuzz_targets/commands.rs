//! cargo-fuzz target `commands`: see `harness::commands`. The input is
//! decoded with `Script::arbitrary_take_rest`, as `harness::commands_bytes`
//! does for the corpus replay on stable.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|script: harness::Script| harness::commands(script));
