//! See `lede_analysis::fuzzing::recognize` for the input's shape and the laws checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lede_analysis::fuzzing::recognize(data));
