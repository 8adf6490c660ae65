//! See `lede::fuzzing::view_state` for the input's shape and the laws checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lede::fuzzing::view_state(data));
