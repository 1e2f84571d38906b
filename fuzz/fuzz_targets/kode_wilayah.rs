//! Fuzz target `kode_wilayah`: A `KodeWilayah` from text (`FromStr`) and from JSON (serde); a parsed code is written back as
//! read (tests/entry_points/mod.rs `kode_wilayah`).
#![no_main]

#[path = "../../tests/entry_points/mod.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    entry_points::kode_wilayah(data);
});
