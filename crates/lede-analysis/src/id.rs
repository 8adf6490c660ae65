//! Typed indexes, as aho-corasick's `PatternID`: a mention, an entity and a
//! block are each numbered from 0 in their own list, and a number of one kind
//! cannot be used for another.
//!
//! Each is a `Copy` newtype over `usize`, serialised as the bare number
//! (`#[serde(transparent)]`), so the worker's replies, stored records and
//! exports read the same as before; it is displayed as that number too, as
//! the article's `data-` attributes hold it. It indexes its own list
//! directly: `entities[mention.entity]`.

/// Declares `$name`, an index into a slice of `$item`.
macro_rules! index_id {
    ($(#[$doc:meta])* $name:ident => $item:ty) => {
        $(#[$doc])*
        #[derive(
            Clone,
            Copy,
            Debug,
            Default,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::ops::Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl std::ops::IndexMut<$name> for [$item] {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }

        impl std::ops::Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }
    };
}

pub(crate) use index_id;
