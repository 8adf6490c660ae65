//! The background word list: the 5,000 most frequent English words and their
//! Zipf frequencies (`data/background/en.tsv`, see the README beside it),
//! compiled by `build.rs` into the words, most frequent first, and the
//! frequencies as runs.
//!
//! The recogniser reads it as a list of common words; the theme suggestions
//! read each word's frequency.

// `WORDS`: the words, most frequent first, each ended by a newline;
// `ZIPF_RUNS`: (rank of the first word with a frequency, frequency × 100).
include!(concat!(env!("OUT_DIR"), "/background_tables.rs"));

/// Each word with its Zipf frequency, most frequent first.
pub(crate) fn words_with_zipf() -> impl Iterator<Item = (&'static str, f32)> {
    let mut runs = ZIPF_RUNS.iter().peekable();
    let mut zipf = 0.0;
    WORDS.lines().enumerate().map(move |(rank, word)| {
        while let Some(&&(first, hundredths)) = runs.peek() {
            if usize::from(first) > rank {
                break;
            }
            zipf = f32::from(hundredths) / 100.0;
            runs.next();
        }
        (word, zipf)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled list is the file, word for word and frequency for frequency.
    #[test]
    fn the_compiled_list_is_the_file() {
        let file = include_str!("../data/background/en.tsv");
        let expected: Vec<(&str, f32)> = file
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let (w, z) = l.split_once('\t').unwrap();
                (w, z.parse().unwrap())
            })
            .collect();
        let compiled: Vec<(&str, f32)> = words_with_zipf().collect();
        assert_eq!(compiled.len(), 5000);
        assert_eq!(compiled, expected);
        assert!(ZIPF_RUNS.len() < 400, "{} runs", ZIPF_RUNS.len());
    }
}
