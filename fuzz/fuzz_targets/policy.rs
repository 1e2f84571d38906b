//! Fuzz target `policy`: A policy file as `ksd --policy` reads it, and the same bytes as stored policy values; a
//! parsed policy round-trips and the sample register is evaluated under it
//! (tests/entry_points/mod.rs `policy`).
#![no_main]

#[path = "../../tests/entry_points/mod.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::policy(data);
});
