//! Fuzz target `envelope_line`: One stored line of a JSONL log through the store's decode path; an accepted line verifies
//! its hash and round-trips through its encoding (tests/entry_points/mod.rs `envelope_line`).
#![no_main]

#[path = "../../tests/entry_points/mod.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = entry_points::envelope_line(data);
});
