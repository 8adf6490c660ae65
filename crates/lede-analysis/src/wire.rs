//! Reading an analysis back from bytes (the worker's replies) without a
//! string allocated for each of the same few texts it repeats: a long
//! document's report names a theme some hundred thousand times and a rule
//! once per mention. The same text read again is shared, not copied.
//!
//! Only deserialisation changes; what is written is the plain serde form.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Deserializer};

use crate::themes::tables::FxMap;

/// Past this many distinct texts, new ones are allocated as usual: what a
/// reply names is bounded (themes, terms, rules), whatever sent it.
const MAX_SHARED: usize = 4096;

thread_local! {
    static SHARED: RefCell<FxMap<Box<str>, Arc<str>>> = RefCell::new(FxMap::default());
    static RULES: RefCell<FxMap<Box<str>, &'static str>> = RefCell::new(FxMap::default());
}

/// A text as an `Arc<str>`, shared with the last of its copies read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shared(pub Arc<str>);

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        let s: Cow<'de, str> = Deserialize::deserialize(d)?;
        Ok(Shared(SHARED.with_borrow_mut(|seen| {
            if let Some(a) = seen.get(&*s) {
                return a.clone();
            }
            let a: Arc<str> = Arc::from(&*s);
            if seen.len() < MAX_SHARED {
                seen.insert(Box::from(&*s), a.clone());
            }
            a
        })))
    }
}

pub(crate) fn shared<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    Shared::deserialize(d).map(|s| s.0)
}

pub(crate) fn shared_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<str>>, D::Error> {
    Ok(Option::<Shared>::deserialize(d)?.map(|s| s.0))
}

pub(crate) fn shared_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Arc<str>>, D::Error> {
    Ok(Vec::<Shared>::deserialize(d)?
        .into_iter()
        .map(|s| s.0)
        .collect())
}

pub(crate) fn shared_option_vec<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<Option<Arc<str>>>, D::Error> {
    Ok(Vec::<Option<Shared>>::deserialize(d)?
        .into_iter()
        .map(|s| s.map(|s| s.0))
        .collect())
}

/// Why a mention was found: one of the engine's rules, each text kept once
/// for the life of the program (there are a few dozen), borrowed by every
/// mention it found.
pub(crate) fn rule<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s: Cow<'de, str> = Deserialize::deserialize(d)?;
    Ok(RULES.with_borrow_mut(|rules| {
        if let Some(r) = rules.get(&*s) {
            return *r;
        }
        // The engine has a few dozen; a message with thousands is not the
        // engine's, and its texts are not worth keeping for the program's life.
        if rules.len() >= MAX_SHARED {
            return UNKNOWN_RULE;
        }
        let kept: &'static str = Box::leak(Box::from(&*s));
        rules.insert(Box::from(&*s), kept);
        kept
    }))
}

/// Why a mention was found, past [`MAX_SHARED`] different rule texts.
pub const UNKNOWN_RULE: &str = "one of the engine's rules";

#[cfg(test)]
mod tests {
    use crate::job::analyse;
    use crate::{Document, Entities, ThemeReport};

    #[test]
    fn an_analysis_reads_back_as_it_was_written_with_its_texts_shared() {
        let doc = Document::parse(
            "Talks\n\nXi Jinping met Joe Biden in Lima on Monday to discuss trade.\n\nXi said trade and cooperation would grow.",
        );
        let a = analyse(&doc, &[]);
        let entities: Entities =
            bincode::deserialize(&bincode::serialize(&a.entities).unwrap()).unwrap();
        let themes: ThemeReport =
            bincode::deserialize(&bincode::serialize(&a.themes).unwrap()).unwrap();
        assert_eq!(entities, a.entities);
        assert_eq!(themes, a.themes);
        // Each paragraph's scores name the same themes: one text, shared.
        let (p, q) = (&themes.paragraphs[0], &themes.paragraphs[1]);
        assert!(std::sync::Arc::ptr_eq(
            &p.scores[0].theme,
            &q.scores[0].theme
        ));
    }
}

/// A byte buffer written as bytes, in one piece, rather than as a sequence
/// of numbers one at a time: the serde default for `Vec<u8>`, which cost a
/// 4 MB file 35 ms on the page before the worker got it.
pub(crate) mod bytes {
    use serde::de::{Error, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(out)
            }
        }
        d.deserialize_byte_buf(Bytes)
    }

    #[test]
    fn rule_texts_are_kept_once_and_only_a_bounded_number_of_them() {
        use crate::{EntityId, Label, Mention, Span};
        let mention = |why: &'static str| Mention {
            span: Span::new(0, 1),
            label: Label::Org,
            entity: EntityId(0),
            why,
        };
        let whys: Vec<String> = (0..super::MAX_SHARED + 10)
            .map(|i| format!("rule {i}"))
            .collect();
        let sent: Vec<Mention> = whys
            .iter()
            .map(|w| mention(Box::leak(w.clone().into_boxed_str())))
            .collect();
        let read = |bytes: &[u8]| bincode::deserialize::<Vec<Mention>>(bytes).unwrap();
        let bytes = bincode::serialize(&sent).unwrap();
        let back = read(&bytes);
        assert_eq!(back[0].why, "rule 0");
        assert_eq!(back[super::MAX_SHARED - 1].why, whys[super::MAX_SHARED - 1]);
        assert_eq!(back[super::MAX_SHARED].why, super::UNKNOWN_RULE);
        // Read again, a kept text is the same one, not another copy.
        let again = read(&bytes);
        assert!(std::ptr::eq(back[7].why, again[7].why));
    }
}
