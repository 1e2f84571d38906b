//! Fuzz target `command`: A `lifecycle::Command` (or a whole `Step`) from JSON, round-tripped, then decided and audited
//! against states of the sample cases (tests/entry_points/mod.rs `command`).
#![no_main]

#[path = "../../tests/entry_points/mod.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::command(data);
});
