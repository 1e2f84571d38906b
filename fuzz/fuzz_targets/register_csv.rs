//! Fuzz target `register_csv`: A register in CSV as `ksd evaluate --home 73.14 --borders …` imports it, evaluated and
//! rendered when it imports (tests/entry_points/mod.rs `register_csv`).
#![no_main]

#[path = "../../tests/entry_points/mod.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::register_csv(data);
});
