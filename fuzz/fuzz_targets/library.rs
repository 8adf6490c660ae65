//! See `lede::fuzzing::library` for the input's shape and the laws checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lede::fuzzing::library(data));
