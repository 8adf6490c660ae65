//! The reader's corrections of one text, with their undo and redo history.
//! Plain data: every change is a method that says, in words, what it did.

use lede_analysis::corrections::Correction;

/// How many steps back undo reaches.
const DEPTH: usize = 200;

/// The corrections of the text named `key`, and the lists they were before
/// (undo) and after (redo) the reader's last steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The text these corrections are for (`urn:lede:text:…`); empty before
    /// any text's corrections are loaded.
    pub key: String,
    list: Vec<Correction>,
    undo: Vec<Vec<Correction>>,
    redo: Vec<Vec<Correction>>,
}

impl History {
    /// The corrections kept for text `key`, with no history yet.
    pub fn loaded(key: String, list: Vec<Correction>) -> History {
        History {
            key,
            list,
            ..History::default()
        }
    }

    /// The corrections now, in the order they were made.
    pub fn list(&self) -> &[Correction] {
        &self.list
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Makes a change to the list, undoably.
    fn change(&mut self, f: impl FnOnce(&mut Vec<Correction>)) {
        let before = self.list.clone();
        f(&mut self.list);
        if self.list == before {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Adds a correction; what it did.
    pub fn push(&mut self, c: Correction) -> String {
        let said = c.describe();
        self.change(|l| l.push(c));
        said
    }

    /// Adds corrections from a file.
    pub fn extend(&mut self, more: Vec<Correction>) {
        self.change(|l| l.extend(more));
    }

    /// Drops correction `i`; what it had done.
    pub fn drop_at(&mut self, i: usize) -> Option<String> {
        let said = self.list.get(i)?.describe();
        self.change(|l| {
            l.remove(i);
        });
        Some(said)
    }

    /// Drops every correction (undoably).
    pub fn reset(&mut self) {
        self.change(Vec::clear);
    }

    /// Steps back; whether there was a step.
    pub fn undo(&mut self) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.list, before));
        true
    }

    /// Steps forward again; whether there was a step.
    pub fn redo(&mut self) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.list, after));
        true
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use lede_analysis::corrections::{Anchor, Scope};
    use lede_analysis::{Label, Span};

    fn remove(word: &str) -> Correction {
        let text = format!("a {word} b");
        Correction::Remove {
            target: Anchor::at(&text, Span::new(2, 2 + word.len())),
            scope: Scope::One,
        }
    }

    #[test]
    fn undo_and_redo_step_through_the_changes() {
        let mut h = History::loaded("k".into(), vec![remove("x")]);
        assert!(!h.can_undo());
        assert_eq!(h.push(remove("y")), "Removed “y”");
        h.push(Correction::Add {
            target: remove("z").target().clone(),
            label: Label::Org,
        });
        assert_eq!(h.list().len(), 3);
        assert!(h.undo());
        assert_eq!(h.list(), [remove("x"), remove("y")]);
        assert!(h.undo() && !h.undo() && h.list() == [remove("x")]);
        assert!(h.redo() && h.list().len() == 2);
        // A new change ends the redo history.
        assert_eq!(h.drop_at(0).as_deref(), Some("Removed “x”"));
        assert!(!h.can_redo());
        assert_eq!(h.list(), [remove("y")]);
        h.reset();
        assert!(h.list().is_empty());
        assert!(h.undo() && h.list() == [remove("y")]);
        assert_eq!(h.drop_at(5), None);
        // Nothing changed, nothing to undo.
        let before = h.clone();
        h.extend(Vec::new());
        assert_eq!(h, before);
    }
}
