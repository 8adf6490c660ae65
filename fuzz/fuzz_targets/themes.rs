//! See `lede_analysis::fuzzing::themes` for the input's shape and the laws checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lede_analysis::fuzzing::themes(data));
