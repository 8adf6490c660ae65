//! The keys that correct: pure, from a key press and what is targeted to
//! the step to take, so that the table is tested natively.

use lede_analysis::corrections::Scope;

use super::Target;

/// A key press, as far as correcting is concerned.
#[derive(Clone, Copy, Debug, Default)]
pub struct Press<'a> {
    pub key: &'a str,
    /// Ctrl, or Cmd on a Mac.
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
    /// Typing in a field: only its own keys.
    pub in_field: bool,
}

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Undo,
    Redo,
    /// Choose a type (focus the type list), then Enter does `Then`.
    ChooseType(Then),
    Remove(Scope),
    ChooseMerge,
    Split,
}

/// What Enter in the type list does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Add,
    Retype(Scope),
}

/// (keys, what they do), as the `?` dialog lists them.
pub const KEYS: [(&str, &str); 7] = [
    ("Ctrl+Z / ⌘Z", "Undo the last correction"),
    ("Ctrl+Shift+Z / ⌘⇧Z", "Redo it"),
    (
        "a",
        "Add the selected words as an entity: type the type's initial, then Enter",
    ),
    (
        "t / Shift+T",
        "Retype this mention / every mention of its text: initial, then Enter",
    ),
    (
        "x or Delete / Shift+X",
        "Remove this mention / every mention of its text",
    ),
    (
        "m",
        "Merge this mention's entity with another: choose it, then Enter",
    ),
    ("s", "Split this mention's words out of its entity"),
];

/// The step a press asks for, given what is targeted.
pub fn step(p: Press<'_>, target: Option<Target>) -> Option<Step> {
    if p.command && !p.alt {
        let key = p.key.to_ascii_lowercase();
        return match (key.as_str(), p.shift) {
            ("z", false) if !p.in_field => Some(Step::Undo),
            ("z", true) | ("y", false) if !p.in_field => Some(Step::Redo),
            _ => None,
        };
    }
    if p.in_field || p.alt || p.command {
        return None;
    }
    match (p.key, target?) {
        ("a", Target::Words(_)) => Some(Step::ChooseType(Then::Add)),
        ("t", Target::Mention(_)) => Some(Step::ChooseType(Then::Retype(Scope::One))),
        ("T", Target::Mention(_)) => Some(Step::ChooseType(Then::Retype(Scope::All))),
        ("x", Target::Mention(_)) => Some(Step::Remove(Scope::One)),
        ("Delete", Target::Mention(_)) if !p.shift => Some(Step::Remove(Scope::One)),
        ("X", Target::Mention(_)) | ("Delete", Target::Mention(_)) => {
            Some(Step::Remove(Scope::All))
        }
        ("m", Target::Mention(_)) => Some(Step::ChooseMerge),
        ("s", Target::Mention(_)) => Some(Step::Split),
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use lede_analysis::Span;

    #[test]
    fn keys_map_to_steps() {
        let words = Some(Target::Words(Span::new(0, 3)));
        let mention = Some(Target::Mention(Span::new(0, 3)));
        let key = |key| Press {
            key,
            ..Press::default()
        };
        let cmd = |key, shift| Press {
            key,
            command: true,
            shift,
            ..Press::default()
        };
        let cases: &[(Press, Option<Target>, Option<Step>)] = &[
            (cmd("z", false), None, Some(Step::Undo)),
            (cmd("Z", true), None, Some(Step::Redo)),
            (cmd("y", false), mention, Some(Step::Redo)),
            (
                Press {
                    in_field: true,
                    ..cmd("z", false)
                },
                None,
                None,
            ),
            (key("a"), words, Some(Step::ChooseType(Then::Add))),
            (key("a"), mention, None),
            (key("a"), None, None),
            (
                key("t"),
                mention,
                Some(Step::ChooseType(Then::Retype(Scope::One))),
            ),
            (
                key("T"),
                mention,
                Some(Step::ChooseType(Then::Retype(Scope::All))),
            ),
            (key("x"), mention, Some(Step::Remove(Scope::One))),
            (key("Delete"), mention, Some(Step::Remove(Scope::One))),
            (
                Press {
                    shift: true,
                    ..key("Delete")
                },
                mention,
                Some(Step::Remove(Scope::All)),
            ),
            (key("X"), mention, Some(Step::Remove(Scope::All))),
            (key("m"), mention, Some(Step::ChooseMerge)),
            (key("s"), mention, Some(Step::Split)),
            (key("s"), words, None),
            (
                Press {
                    in_field: true,
                    ..key("x")
                },
                mention,
                None,
            ),
            (
                Press {
                    alt: true,
                    ..key("x")
                },
                mention,
                None,
            ),
        ];
        for (i, (press, target, want)) in cases.iter().enumerate() {
            assert_eq!(step(*press, *target), *want, "case {i}: {press:?}");
        }
    }
}
