//! Laying corrections over the engine's reading, in one pass over its
//! mentions and entities after the corrections are placed.
//!
//! While the corrections are placed, the engine's mentions are read, never
//! copied: those a correction changes get an edit of their own, and those it
//! adds are listed apart. A long document has a hundred thousand mentions
//! and a correction touches one (or a few thousand, for "every mention of
//! this text"): the pass that writes the corrected reading is the only one
//! over them all.

use std::borrow::Cow;

use super::{Anchor, Correction, Scope};
use crate::entities::group::{FastMap, key_form};
use crate::{Document, Entities, Entity, EntityId, Label, Mention, MentionId, Quote, Span};

/// Why a reader's correction applied.
const WHY: &str = "corrected by the reader";

/// The reading with the reader's corrections, and what of them could not be placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    pub entities: Entities,
    /// For each mention of `entities`: whether a correction made or changed it.
    pub by_reader: Vec<bool>,
    /// For each quotation of `entities`: whether a correction set its speaker.
    pub quotes_by_reader: Vec<bool>,
    /// For each correction: where it applied in the text, or None if it was dropped.
    pub placed: Vec<Option<Span>>,
    /// The corrections that could not be placed, in order.
    pub dropped: Vec<Dropped>,
}

/// A correction that could not be placed, and why, for a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Its index in the list applied.
    pub index: usize,
    pub why: String,
}

/// A mention while corrections apply: an engine mention a correction
/// changed, or one a correction added.
#[derive(Clone)]
struct Work {
    span: Span,
    label: Label,
    entity: usize,
    why: &'static str,
    by_reader: bool,
    gone: bool,
}

/// Which mention: the engine's `i`th, or the `i`th of those added (in the
/// text's order; an addition moves the later ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Engine(usize),
    Added(usize),
}

struct State<'e> {
    text: &'e str,
    engine: &'e [Mention],
    /// Per engine mention, 1 + the index of its edit in `edits`, or 0 if
    /// no correction changed it: a look-up is one read.
    slot: Vec<u32>,
    /// The engine's mentions the corrections changed, and their indices.
    edits: Vec<Work>,
    edited: Vec<usize>,
    /// The mentions the corrections added, sorted by start, as the engine's are.
    added: Vec<Work>,
    entities: Vec<Entity>,
    /// The engine's entities, whose names the first lookup by name reads.
    engine_entities: &'e [Entity],
    /// How many live mentions each entity has.
    live: Vec<usize>,
    /// Entities whose aliases must be read again.
    touched: Vec<bool>,
    /// (label, name) → entity, for the entities a moved mention may join;
    /// made at the first lookup (most corrections need none).
    named: Option<FastMap<(Label, Cow<'e, str>), EntityId>>,
    quotes: Vec<Quote>,
    quotes_by_reader: Vec<bool>,
    /// Names merged into an entity, kept as aliases though the text may not write them.
    merged: Vec<Vec<String>>,
}

/// Applies `corrections`, in order, to `engine`, the reading of `doc`.
///
/// Each correction is placed by its anchor; one whose text is gone (or
/// whose mention, entity or quotation is not there) is left out and listed
/// in [`Applied::dropped`]. Mentions stay sorted and never overlap: an added
/// mention replaces those it overlaps. Entities left with no mention go, and
/// the rest keep their order.
pub fn apply(doc: &Document, engine: &Entities, corrections: &[Correction]) -> Applied {
    let text = doc.text();
    if corrections.is_empty() {
        return Applied {
            by_reader: vec![false; engine.mentions.len()],
            quotes_by_reader: vec![false; engine.quotes.len()],
            entities: engine.clone(),
            ..Applied::default()
        };
    }
    let mut s = State {
        text,
        engine: &engine.mentions,
        slot: vec![0; engine.mentions.len()],
        edits: Vec::new(),
        edited: Vec::new(),
        added: Vec::new(),
        // Their mentions are listed anew at the end: not copied here (a
        // long document has a hundred thousand).
        entities: engine
            .entities
            .iter()
            .map(|e| Entity {
                label: e.label,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                wikidata: e.wikidata.clone(),
                mentions: Vec::new(),
                salience: e.salience,
            })
            .collect(),
        engine_entities: &engine.entities,
        live: engine.entities.iter().map(|e| e.mentions.len()).collect(),
        touched: vec![false; engine.entities.len()],
        named: None,
        quotes: engine.quotes.clone(),
        quotes_by_reader: vec![false; engine.quotes.len()],
        merged: vec![Vec::new(); engine.entities.len()],
    };
    let mut placed = Vec::with_capacity(corrections.len());
    let mut dropped = Vec::new();
    for (index, c) in corrections.iter().enumerate() {
        match s.apply(c) {
            Ok(span) => placed.push(Some(span)),
            Err(why) => {
                placed.push(None);
                dropped.push(Dropped {
                    index,
                    why: format!("{}: {why}", c.describe()),
                });
            }
        }
    }
    let mut out = s.finish();
    out.placed = placed;
    out.dropped = dropped;
    out
}

/// An engine mention as it is before any correction.
fn unchanged(m: &Mention) -> Work {
    Work {
        span: m.span,
        label: m.label,
        entity: m.entity.0,
        why: m.why,
        by_reader: false,
        gone: false,
    }
}

impl<'e> State<'e> {
    fn find(&self, a: &Anchor) -> Result<Span, &'static str> {
        a.find(self.text)
            .ok_or("its text is no longer in the article")
    }

    /// Mention `at` as the corrections so far leave it: (span, entity, gone).
    fn view(&self, at: At) -> (Span, usize, bool) {
        match at {
            At::Engine(i) => match self.slot[i] {
                0 => {
                    let m = &self.engine[i];
                    (m.span, m.entity.0, false)
                }
                k => {
                    let w = &self.edits[k as usize - 1];
                    (w.span, w.entity, w.gone)
                }
            },
            At::Added(i) => {
                let w = &self.added[i];
                (w.span, w.entity, w.gone)
            }
        }
    }

    fn gone(&self, at: At) -> bool {
        self.view(at).2
    }

    /// Mention `at`, to change.
    fn edit(&mut self, at: At) -> &mut Work {
        match at {
            At::Engine(i) => {
                if self.slot[i] == 0 {
                    self.edits.push(unchanged(&self.engine[i]));
                    self.edited.push(i);
                    self.slot[i] = self.edits.len() as u32;
                }
                &mut self.edits[self.slot[i] as usize - 1]
            }
            At::Added(i) => &mut self.added[i],
        }
    }

    /// The live mention whose span is `span`.
    fn mention_at(&self, span: Span) -> Result<At, &'static str> {
        let i = self.engine.partition_point(|m| m.span.start < span.start);
        let j = self.added.partition_point(|m| m.span.start < span.start);
        let engine = (i..self.engine.len())
            .take_while(|&k| self.engine[k].span.start == span.start)
            .map(At::Engine);
        let added = (j..self.added.len())
            .take_while(|&k| self.added[k].span.start == span.start)
            .map(At::Added);
        // Of the mentions that start there, at most one is live.
        added
            .chain(engine)
            .find(|&at| {
                let (s, _, gone) = self.view(at);
                !gone && s == span
            })
            .ok_or("the engine no longer finds a mention there")
    }

    /// The live mentions whose text is `exact`, in the text's order.
    fn mentions_of(&self, exact: &str) -> Vec<At> {
        let text = self.text;
        let written = |s: Span| s.len() == exact.len() && s.slice(text) == exact;
        // The edits are looked up only for the mentions of that text.
        let engine = (0..self.engine.len())
            .filter(|&i| written(self.engine[i].span))
            .map(At::Engine);
        let added = (0..self.added.len()).map(At::Added);
        let mut found: Vec<(usize, At)> = engine
            .chain(added)
            .filter_map(|at| {
                let (span, _, gone) = self.view(at);
                (!gone && written(span)).then_some((span.start, at))
            })
            .collect();
        // Live mentions never start together.
        found.sort_by_key(|&(start, _)| start);
        found.into_iter().map(|(_, at)| at).collect()
    }

    /// The lookup of entities by label and name, made at the first call.
    fn named(&mut self) -> &mut FastMap<(Label, Cow<'e, str>), EntityId> {
        let engine = self.engine_entities;
        self.named.get_or_insert_with(|| {
            engine
                .iter()
                .enumerate()
                .map(|(i, e)| ((e.label, Cow::Borrowed(e.name.as_str())), EntityId(i)))
                .collect()
        })
    }

    /// The entity named `name` with label `label`, made if there is none.
    fn entity_named(&mut self, label: Label, name: &str) -> usize {
        if let Some(&id) = self.named().get(&(label, Cow::Borrowed(name))) {
            return id.0;
        }
        let id = self.new_entity(label, name);
        self.named()
            .insert((label, Cow::Owned(name.to_owned())), EntityId(id));
        id
    }

    /// A new entity named `name`, with no mention yet, and its place in each
    /// per-entity list.
    fn new_entity(&mut self, label: Label, name: &str) -> usize {
        self.entities.push(Entity {
            label,
            name: name.to_owned(),
            aliases: Vec::new(),
            wikidata: None,
            mentions: Vec::new(),
            salience: 0.0,
        });
        self.touched.push(true);
        self.live.push(0);
        self.merged.push(Vec::new());
        self.entities.len() - 1
    }

    /// Mentions `moved` take `label`. Where they are all the live mentions
    /// of their entity, that entity takes `label` with them; the moved
    /// mentions of any other entity go to the entity of `label` named by
    /// their text, and its other mentions stay where they are. Which is
    /// which is decided for every entity before any mention moves, so that
    /// an entity retyped holds only the mentions that were retyped.
    fn retype(&mut self, moved: &[At], label: Label) {
        // (entity, how many of its mentions move); few entities.
        let mut left: Vec<(usize, usize)> = Vec::new();
        for &at in moved {
            let e = self.view(at).1;
            match left.iter_mut().find(|(x, _)| *x == e) {
                Some((_, n)) => *n += 1,
                None => left.push((e, 1)),
            }
        }
        // (entity, where all its moved mentions go, if they all move).
        let whole: Vec<(usize, Option<usize>)> = left
            .into_iter()
            .map(|(e, n)| (e, (self.live[e] == n).then(|| self.retype_entity(e, label))))
            .collect();
        for &at in moved {
            let (span, old, _) = self.view(at);
            let entity = match whole.iter().find(|(x, _)| *x == old) {
                Some(&(_, Some(to))) => to,
                _ => self.entity_named(label, span.slice(self.text)),
            };
            self.move_mention(at, entity);
            let m = self.edit(at);
            m.label = label;
            m.by_reader = true;
            m.why = WHY;
            self.touched[old] = true;
            self.touched[entity] = true;
        }
    }

    /// Entity `e`, every mention of which takes `label`: the entity of that
    /// label and name, if there is one, which `e`'s mentions join (two
    /// entities of one type and name are one); otherwise `e`, retyped, and
    /// found by its new type from now on, no longer by its old.
    fn retype_entity(&mut self, e: usize, label: Label) -> usize {
        let was = self.entities[e].label;
        if was == label {
            return e;
        }
        let name = self.entities[e].name.clone();
        let named = self.named();
        if let Some(&EntityId(same)) = named.get(&(label, Cow::Borrowed(name.as_str())))
            && same != e
        {
            for q in &mut self.quotes {
                if q.speaker == Some(EntityId(e)) {
                    q.speaker = Some(EntityId(same));
                }
            }
            return same;
        }
        let old_key = (was, Cow::Owned(name.clone()));
        if named.get(&old_key) == Some(&EntityId(e)) {
            named.remove(&old_key);
        }
        named.insert((label, Cow::Owned(name)), EntityId(e));
        self.entities[e].label = label;
        e
    }

    /// Mention `at` joins entity `to`.
    fn move_mention(&mut self, at: At, to: usize) {
        let from = std::mem::replace(&mut self.edit(at).entity, to);
        self.live[from] -= 1;
        self.live[to] += 1;
    }

    /// Mention `at` is no entity.
    fn drop_mention(&mut self, at: At) {
        if self.gone(at) {
            return;
        }
        let m = self.edit(at);
        m.gone = true;
        let e = m.entity;
        self.live[e] -= 1;
        self.touched[e] = true;
    }

    /// The last live mention to start before `start`, of the engine's and
    /// those added.
    fn live_before(&self, start: usize) -> Option<At> {
        let i = self.engine.partition_point(|m| m.span.start < start);
        let j = self.added.partition_point(|m| m.span.start < start);
        let engine = (0..i).rev().map(At::Engine).find(|&at| !self.gone(at));
        let added = (0..j).rev().map(At::Added).find(|&at| !self.gone(at));
        match (engine, added) {
            (Some(a), Some(b)) if self.view(a).0.start > self.view(b).0.start => Some(a),
            (a, b) => b.or(a),
        }
    }

    fn apply(&mut self, c: &Correction) -> Result<Span, &'static str> {
        match c {
            Correction::Add { target, label } => {
                let span = self.find(target)?;
                // Mentions stay sorted by start, those gone too; of the live
                // ones, only the last to start before this one can reach into it.
                if let Some(before) = self.live_before(span.start)
                    && self.view(before).0.overlaps(span)
                {
                    self.drop_mention(before);
                }
                let i = self.engine.partition_point(|m| m.span.start < span.start);
                let mut k = i;
                while k < self.engine.len() && self.engine[k].span.start < span.end {
                    self.drop_mention(At::Engine(k));
                    k += 1;
                }
                let j = self.added.partition_point(|m| m.span.start < span.start);
                let mut k = j;
                while k < self.added.len() && self.added[k].span.start < span.end {
                    self.drop_mention(At::Added(k));
                    k += 1;
                }
                let entity = self.entity_named(*label, target.exact.as_str());
                self.touched[entity] = true;
                self.live[entity] += 1;
                self.added.insert(
                    j,
                    Work {
                        span,
                        label: *label,
                        entity,
                        why: WHY,
                        by_reader: true,
                        gone: false,
                    },
                );
                Ok(span)
            }
            Correction::Retype {
                target,
                label,
                scope,
            } => {
                let span = self.find(target)?;
                let moved = match scope {
                    Scope::One => vec![self.mention_at(span)?],
                    Scope::All => self.mentions_of(&target.exact),
                };
                if moved.is_empty() {
                    return Err("no mention has that text any more");
                }
                self.retype(&moved, *label);
                Ok(span)
            }
            Correction::Remove { target, scope } => {
                let span = self.find(target)?;
                let gone = match scope {
                    Scope::One => vec![self.mention_at(span)?],
                    Scope::All => self.mentions_of(&target.exact),
                };
                if gone.is_empty() {
                    return Err("no mention has that text any more");
                }
                for at in gone {
                    self.drop_mention(at);
                }
                Ok(span)
            }
            Correction::Merge { target, into } => {
                let span = self.find(target)?;
                let from = self.view(self.mention_at(span)?).1;
                let to = self.view(self.mention_at(self.find(into)?)?).1;
                if from == to {
                    return Err("the two are one entity already");
                }
                // Every mention of the entity (those gone stay gone), which
                // takes the type of the entity it joins: one entity, one type.
                for i in 0..self.engine.len() {
                    if self.engine[i].entity.0 == from {
                        self.edit(At::Engine(i));
                    }
                }
                let label = self.entities[to].label;
                for m in self
                    .edits
                    .iter_mut()
                    .chain(self.added.iter_mut())
                    .filter(|m| m.entity == from)
                {
                    m.entity = to;
                    m.label = label;
                    m.by_reader = true;
                }
                self.live[to] += std::mem::take(&mut self.live[from]);
                let mut names = vec![self.entities[from].name.clone()];
                names.append(&mut self.merged[from]);
                self.merged[to].extend(names);
                let salience = self.entities[from].salience;
                let e = &mut self.entities[to];
                e.salience = (e.salience + salience).min(1.0);
                for q in &mut self.quotes {
                    if q.speaker == Some(EntityId(from)) {
                        q.speaker = Some(EntityId(to));
                    }
                }
                self.touched[to] = true;
                Ok(span)
            }
            Correction::Split { target } => {
                let span = self.find(target)?;
                let at = self.mention_at(span)?;
                let from = self.view(at).1;
                let label = match at {
                    At::Engine(i) => match self.slot[i] {
                        0 => self.engine[i].label,
                        k => self.edits[k as usize - 1].label,
                    },
                    At::Added(i) => self.added[i].label,
                };
                let exact = target.exact.as_str();
                let moved: Vec<At> = self
                    .mentions_of(exact)
                    .into_iter()
                    .filter(|&at| self.view(at).1 == from)
                    .collect();
                if self.live[from] == moved.len() {
                    return Err("it is the entity's only name in the text");
                }
                // A new entity, even if one of that name exists: splitting is
                // saying this is someone else.
                let to = self.new_entity(label, exact);
                for at in moved {
                    self.move_mention(at, to);
                    self.edit(at).by_reader = true;
                }
                self.touched[from] = true;
                Ok(span)
            }
            Correction::Speaker { quote, speaker } => {
                let span = self.find(quote)?;
                let q = self
                    .quotes
                    .binary_search_by(|q| q.span.start.cmp(&span.start))
                    .ok()
                    .filter(|&q| self.quotes[q].span == span)
                    .ok_or("the engine no longer finds that quotation")?;
                let who = match speaker {
                    Some(a) => Some(EntityId(self.view(self.mention_at(self.find(a)?)?).1)),
                    None => None,
                };
                self.quotes[q].speaker = who;
                self.quotes_by_reader[q] = true;
                Ok(span)
            }
        }
    }

    /// The corrected reading: live mentions renumbered, entities without
    /// mentions gone, and the aliases and salience of touched entities read
    /// again. The one pass over every mention.
    fn finish(self) -> Applied {
        let State {
            text,
            engine,
            engine_entities,
            slot,
            edits,
            edited,
            added,
            mut entities,
            live,
            touched,
            mut quotes,
            quotes_by_reader,
            mut merged,
            ..
        } = self;
        // Which entities stay, and their numbers then: those with a live mention.
        let mut kept_n = 0;
        let renumber: Vec<Option<EntityId>> = live
            .iter()
            .map(|&n| {
                (n > 0).then(|| {
                    kept_n += 1;
                    EntityId(kept_n - 1)
                })
            })
            .collect();
        let (mentions, by_reader) = if kept_n < entities.len() {
            renumbered(
                engine,
                &slot,
                &edits,
                added,
                &renumber,
                &live,
                &mut entities,
            )
        } else {
            in_place(
                engine,
                engine_entities,
                &slot,
                (&edited, &edits),
                added,
                &mut entities,
            )
        };
        // The most mentions any entity has, for the salience of new ones.
        let most = live.iter().copied().max().unwrap_or(1).max(1);
        let mut kept = Vec::with_capacity(kept_n);
        for (old, mut e) in entities.into_iter().enumerate() {
            if e.mentions.is_empty() {
                continue;
            }
            if touched[old] {
                let name = key_form(&e.name).into_owned();
                let mut aliases: Vec<String> = Vec::new();
                // An entity may have thousands of mentions and few names:
                // each name is read and copied once, not each mention's.
                let surfaces = e.mentions.iter().map(|&m| mentions[m.0].span.slice(text));
                let merged = std::mem::take(&mut merged[old]);
                let mut seen: FastMap<&str, ()> = FastMap::default();
                for a in surfaces.chain(merged.iter().map(String::as_str)) {
                    if seen.insert(a, ()).is_some() {
                        continue;
                    }
                    let form = key_form(a);
                    if form != name && !aliases.iter().any(|x| key_form(x) == form) {
                        aliases.push(a.to_owned());
                    }
                }
                e.aliases = aliases;
                if e.salience == 0.0 {
                    e.salience = e.mentions.len() as f32 / most as f32;
                }
            }
            kept.push(e);
        }
        for q in &mut quotes {
            q.speaker = q.speaker.and_then(|s| renumber.get(s.0).copied().flatten());
        }
        Applied {
            entities: Entities {
                mentions,
                entities: kept,
                quotes,
            },
            by_reader,
            quotes_by_reader,
            placed: Vec::new(),
            dropped: Vec::new(),
        }
    }
}

/// The corrected mentions when no entity is left without one, so that none
/// is renumbered: the engine's copied in runs between the mentions gone and
/// those added, with the edits written over them. An entity's list of
/// mentions is the engine's, moved along by the mentions added and gone
/// before each, unless a mention left it or joined it.
fn in_place(
    engine: &[Mention],
    engine_entities: &[Entity],
    slot: &[u32],
    (edited, edits): (&[usize], &[Work]),
    added: Vec<Work>,
    entities: &mut [Entity],
) -> (Vec<Mention>, Vec<bool>) {
    // Each mention added, before the engine's mention it goes before.
    let added: Vec<(usize, Work)> = added
        .into_iter()
        .filter(|a| !a.gone)
        .map(|a| (engine.partition_point(|m| m.span.start < a.span.start), a))
        .collect();
    let mut gone: Vec<usize> = edited
        .iter()
        .zip(edits)
        .filter(|(_, w)| w.gone)
        .map(|(&i, _)| i)
        .collect();
    gone.sort_unstable();
    // Where the engine's mention `i` (not gone) is in the corrected reading.
    let at =
        |i: usize| i - gone.partition_point(|&g| g < i) + added.partition_point(|(p, _)| *p <= i);
    let total = engine.len() - gone.len() + added.len();
    let mut mentions: Vec<Mention> = Vec::with_capacity(total);
    let mut by_reader = vec![false; total];
    let mut changed = vec![false; entities.len()];
    let mut joined: Vec<(usize, MentionId)> = Vec::new();
    let (mut from, mut next_added, mut next_gone) = (0, 0, 0);
    loop {
        match (added.get(next_added), gone.get(next_gone)) {
            // What is added before the engine's `p`th comes before it, gone or not.
            (Some((p, a)), g) if g.is_none_or(|&g| *p <= g) => {
                mentions.extend_from_slice(&engine[from..*p]);
                from = *p;
                by_reader[mentions.len()] = true;
                joined.push((a.entity, MentionId(mentions.len())));
                changed[a.entity] = true;
                mentions.push(Mention {
                    span: a.span,
                    label: a.label,
                    entity: EntityId(a.entity),
                    why: WHY,
                });
                next_added += 1;
            }
            (_, Some(&g)) => {
                mentions.extend_from_slice(&engine[from..g]);
                from = g + 1;
                next_gone += 1;
            }
            _ => break,
        }
    }
    mentions.extend_from_slice(&engine[from..]);
    for (&i, w) in edited.iter().zip(edits) {
        let was = engine[i].entity.0;
        if w.gone {
            changed[was] = true;
            continue;
        }
        if was != w.entity {
            changed[was] = true;
            changed[w.entity] = true;
            joined.push((w.entity, MentionId(at(i))));
        }
        let k = at(i);
        let m = &mut mentions[k];
        m.label = w.label;
        m.entity = EntityId(w.entity);
        // A retyped mention says why as a reader's correction does.
        if w.why == WHY {
            m.why = WHY;
        }
        by_reader[k] = w.by_reader;
    }
    let moved_along = !gone.is_empty() || !added.is_empty();
    for (e, entity) in entities.iter_mut().enumerate() {
        let Some(x) = engine_entities.get(e) else {
            entity.mentions = Vec::new();
            continue;
        };
        let stays = |m: &&MentionId| match slot[m.0] {
            0 => true,
            k => {
                let w = &edits[k as usize - 1];
                !w.gone && w.entity == e
            }
        };
        entity.mentions = match (changed[e], moved_along) {
            (false, false) => x.mentions.clone(),
            (false, true) => x.mentions.iter().map(|m| MentionId(at(m.0))).collect(),
            (true, _) => x
                .mentions
                .iter()
                .filter(stays)
                .map(|m| MentionId(at(m.0)))
                .collect(),
        };
    }
    for (e, m) in joined {
        entities[e].mentions.push(m);
    }
    for (entity, _) in entities.iter_mut().zip(&changed).filter(|(_, c)| **c) {
        entity.mentions.sort_unstable();
    }
    (mentions, by_reader)
}

/// The corrected mentions when an entity is left without one, so that the
/// later ones are renumbered: one pass over the engine's mentions and those
/// added, in the text's order, each written with its entity's new number
/// and listed with its entity.
fn renumbered(
    engine: &[Mention],
    slot: &[u32],
    edits: &[Work],
    added: Vec<Work>,
    renumber: &[Option<EntityId>],
    live: &[usize],
    entities: &mut [Entity],
) -> (Vec<Mention>, Vec<bool>) {
    for (e, &n) in entities.iter_mut().zip(live) {
        e.mentions = Vec::with_capacity(n);
    }
    let total = engine.len() + added.len();
    let mut mentions: Vec<Mention> = Vec::with_capacity(total);
    let mut by_reader = Vec::with_capacity(total);
    let mut added = added.into_iter().filter(|a| !a.gone).peekable();
    let mut push = |span, label, entity: usize, why: &'static str, reader| {
        entities[entity].mentions.push(MentionId(mentions.len()));
        by_reader.push(reader);
        mentions.push(Mention {
            span,
            label,
            entity: renumber[entity].expect("an entity with a mention is kept"),
            why,
        });
    };
    for (i, m) in engine.iter().enumerate() {
        while let Some(a) = added.next_if(|a| a.span.start <= m.span.start) {
            push(a.span, a.label, a.entity, WHY, true);
        }
        match slot[i] {
            0 => push(m.span, m.label, m.entity.0, m.why, false),
            k if edits[k as usize - 1].gone => {}
            k => {
                let w = &edits[k as usize - 1];
                // A retyped mention says why as a reader's correction does.
                let why = if w.why == WHY { WHY } else { m.why };
                push(w.span, w.label, w.entity, why, w.by_reader);
            }
        }
    }
    for a in added {
        push(a.span, a.label, a.entity, WHY, true);
    }
    (mentions, by_reader)
}
