//! The hash the engine's word tables are laid out by: a word's length and
//! three of its bytes (first, middle, last). Every token of a text is looked
//! up in some table and most are in none, so the hash must cost less than
//! reading the word; the tables' own comparisons settle any collision.

/// The hash of `word`, case-sensitive.
pub(crate) fn word_hash(word: &[u8]) -> u64 {
    hash(word, |b| b)
}

/// The hash of `word` with ASCII case folded: "May" and "MAY" hash as "may".
pub(crate) fn word_hash_any_case(word: &[u8]) -> u64 {
    // `| 0x20` folds ASCII letters; other bytes only need to hash consistently.
    hash(word, |b| b | 0x20)
}

/// The [`word_hash`] of `word` in ASCII lower case, without lowering it.
pub(crate) fn word_hash_lower(word: &[u8]) -> u64 {
    hash(word, |b| b.to_ascii_lowercase())
}

#[inline]
fn hash(word: &[u8], map: impl Fn(u8) -> u8) -> u64 {
    let n = word.len();
    if n == 0 {
        return 0;
    }
    let x = u64::from(map(word[0]))
        | u64::from(map(word[n / 2])) << 8
        | u64::from(map(word[n - 1])) << 16
        | (n as u64) << 24;
    x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_folds_only_when_asked() {
        assert_eq!(word_hash_any_case(b"May"), word_hash_any_case(b"MAY"));
        assert_ne!(word_hash(b"May"), word_hash(b"MAY"));
        assert_eq!(word_hash_lower(b"May-_[Z"), word_hash(b"may-_[z"));
        assert_eq!(word_hash(b""), 0);
        // Length and the three bytes all count.
        let h = word_hash(b"cat");
        for other in [&b"cats"[..], b"bat", b"cut", b"car"] {
            assert_ne!(h, word_hash(other), "{other:?}");
        }
    }
}
