//! The straightforward way of applying corrections, as `apply` did it before
//! it worked on the mentions the corrections touch only: a copy of every
//! mention, changed in place. Kept as the reference the sparse `apply` must
//! agree with (`tests/corrections.rs`, `sparse_apply_agrees_with_the_reference`).

use std::borrow::Cow;
use std::collections::HashMap as FastMap;

use lede_analysis::corrections::{Anchor, Applied, Correction, Dropped, Scope};
use lede_analysis::{Document, Entities, Entity, EntityId, Label, Mention, MentionId, Span};

/// Why a reader's correction applied.
const WHY: &str = "corrected by the reader";

/// The form two names are told apart by, as the engine's grouping does:
/// no leading "the", straight apostrophes.
fn plain(s: &str) -> Cow<'_, str> {
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    match s.contains('’') {
        true => Cow::Owned(s.replace('’', "'")),
        false => Cow::Borrowed(s),
    }
}

/// A mention while corrections apply.
struct Work {
    span: Span,
    label: Label,
    entity: usize,
    why: &'static str,
    by_reader: bool,
    gone: bool,
}

struct State<'t> {
    text: &'t str,
    mentions: Vec<Work>,
    entities: Vec<Entity>,
    /// How many live mentions each entity has.
    live: Vec<usize>,
    /// Entities whose aliases must be read again.
    touched: Vec<bool>,
    /// (label, name) → entity, for the entities a moved mention may join.
    named: FastMap<(Label, Cow<'static, str>), EntityId>,
    quotes: Vec<lede_analysis::Quote>,
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
pub fn reference(doc: &Document, engine: &Entities, corrections: &[Correction]) -> Applied {
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
        mentions: engine
            .mentions
            .iter()
            .map(|m| Work {
                span: m.span,
                label: m.label,
                entity: m.entity.0,
                why: m.why,
                by_reader: false,
                gone: false,
            })
            .collect(),
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
        live: engine.entities.iter().map(|e| e.mentions.len()).collect(),
        touched: vec![false; engine.entities.len()],
        named: FastMap::default(),
        quotes: engine.quotes.clone(),
        quotes_by_reader: vec![false; engine.quotes.len()],
        merged: vec![Vec::new(); engine.entities.len()],
    };
    s.named = s
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| ((e.label, Cow::Owned(e.name.clone())), EntityId(i)))
        .collect();
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

impl State<'_> {
    fn find(&self, a: &Anchor) -> Result<Span, &'static str> {
        a.find(self.text)
            .ok_or("its text is no longer in the article")
    }

    /// The live mention whose span is `span`.
    fn mention_at(&self, span: Span) -> Result<usize, &'static str> {
        let i = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.span.start == span.start)
            .position(|m| !m.gone && m.span == span)
            .map(|k| i + k)
            .ok_or("the engine no longer finds a mention there")
    }

    /// The live mentions whose text is `exact`.
    fn mentions_of(&self, exact: &str) -> Vec<usize> {
        let text = self.text;
        (0..self.mentions.len())
            .filter(|&i| {
                let m = &self.mentions[i];
                !m.gone && m.span.len() == exact.len() && m.span.slice(text) == exact
            })
            .collect()
    }

    /// The entity named `name` with label `label`, made if there is none.
    fn entity_named(&mut self, label: Label, name: &str) -> usize {
        if let Some(&id) = self.named.get(&(label, Cow::Owned(name.to_owned()))) {
            return id.0;
        }
        let id = self.new_entity(label, name);
        self.named
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
    /// of their entity, that entity takes `label` with them (or joins the
    /// entity of that label and name); the others go to the entity of
    /// `label` named by their text. Decided before any mention moves.
    fn retype(&mut self, moved: &[usize], label: Label) {
        // (entity, how many of its mentions move); few entities.
        let mut left: Vec<(usize, usize)> = Vec::new();
        for &i in moved {
            let e = self.mentions[i].entity;
            match left.iter_mut().find(|(x, _)| *x == e) {
                Some((_, n)) => *n += 1,
                None => left.push((e, 1)),
            }
        }
        let whole: Vec<(usize, Option<usize>)> = left
            .into_iter()
            .map(|(e, n)| (e, (self.live[e] == n).then(|| self.retype_entity(e, label))))
            .collect();
        for &i in moved {
            let old = self.mentions[i].entity;
            let surface = self.mentions[i].span.slice(self.text);
            let entity = match whole.iter().find(|(x, _)| *x == old) {
                Some(&(_, Some(to))) => to,
                _ => self.entity_named(label, surface),
            };
            self.move_mention(i, entity);
            let m = &mut self.mentions[i];
            m.label = label;
            m.by_reader = true;
            m.why = WHY;
            self.touched[old] = true;
            self.touched[entity] = true;
        }
    }

    /// Entity `e`, every mention of which takes `label`: the entity of that
    /// label and name if there is one, else `e` retyped.
    fn retype_entity(&mut self, e: usize, label: Label) -> usize {
        let was = self.entities[e].label;
        if was == label {
            return e;
        }
        let name = self.entities[e].name.clone();
        if let Some(&EntityId(same)) = self.named.get(&(label, Cow::Owned(name.clone())))
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
        if self.named.get(&old_key) == Some(&EntityId(e)) {
            self.named.remove(&old_key);
        }
        self.named.insert((label, Cow::Owned(name)), EntityId(e));
        self.entities[e].label = label;
        e
    }

    /// Mention `i` joins entity `to`.
    fn move_mention(&mut self, i: usize, to: usize) {
        let m = &mut self.mentions[i];
        self.live[m.entity] -= 1;
        self.live[to] += 1;
        m.entity = to;
    }

    /// Mention `i` is no entity.
    fn drop_mention(&mut self, i: usize) {
        let m = &mut self.mentions[i];
        if !m.gone {
            m.gone = true;
            self.live[m.entity] -= 1;
            self.touched[m.entity] = true;
        }
    }

    fn apply(&mut self, c: &Correction) -> Result<Span, &'static str> {
        match c {
            Correction::Add { target, label } => {
                let span = self.find(target)?;
                // Mentions stay sorted by start, those gone too; of the live
                // ones, only the last to start before this one can reach into it.
                let i = self.mentions.partition_point(|m| m.span.start < span.start);
                if let Some(before) = self.mentions[..i].iter().rposition(|m| !m.gone)
                    && self.mentions[before].span.overlaps(span)
                {
                    self.drop_mention(before);
                }
                let mut j = i;
                while j < self.mentions.len() && self.mentions[j].span.start < span.end {
                    self.drop_mention(j);
                    j += 1;
                }
                let entity = self.entity_named(*label, target.exact.as_str());
                self.touched[entity] = true;
                self.live[entity] += 1;
                self.mentions.insert(
                    i,
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
                for i in gone {
                    self.drop_mention(i);
                }
                Ok(span)
            }
            Correction::Merge { target, into } => {
                let span = self.find(target)?;
                let from = self.mentions[self.mention_at(span)?].entity;
                let to = self.mentions[self.mention_at(self.find(into)?)?].entity;
                if from == to {
                    return Err("the two are one entity already");
                }
                let label = self.entities[to].label;
                for m in self.mentions.iter_mut().filter(|m| m.entity == from) {
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
                let from = self.mentions[at].entity;
                let label = self.mentions[at].label;
                let exact = target.exact.as_str();
                let moved: Vec<usize> = self
                    .mentions_of(exact)
                    .into_iter()
                    .filter(|&i| self.mentions[i].entity == from)
                    .collect();
                if self.live[from] == moved.len() {
                    return Err("it is the entity's only name in the text");
                }
                // A new entity, even if one of that name exists: splitting is
                // saying this is someone else.
                let to = self.new_entity(label, exact);
                for i in moved {
                    self.move_mention(i, to);
                    self.mentions[i].by_reader = true;
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
                    Some(a) => Some(EntityId(
                        self.mentions[self.mention_at(self.find(a)?)?].entity,
                    )),
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
    /// again.
    fn finish(self) -> Applied {
        let State {
            text,
            mentions: work,
            mut entities,
            live,
            touched,
            mut quotes,
            quotes_by_reader,
            mut merged,
            ..
        } = self;
        for (e, &n) in entities.iter_mut().zip(&live) {
            e.mentions = Vec::with_capacity(n);
        }
        let mut mentions = Vec::with_capacity(work.len());
        let mut by_reader = Vec::with_capacity(work.len());
        for w in work.into_iter().filter(|w| !w.gone) {
            entities[w.entity].mentions.push(MentionId(mentions.len()));
            by_reader.push(w.by_reader);
            mentions.push(Mention {
                span: w.span,
                label: w.label,
                entity: EntityId(w.entity),
                why: w.why,
            });
        }
        // The most mentions any engine entity has, for the salience of new ones.
        let most = entities
            .iter()
            .map(|e| e.mentions.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let mut renumber = vec![None; entities.len()];
        let mut kept = Vec::with_capacity(entities.len());
        for (old, mut e) in entities.into_iter().enumerate() {
            if e.mentions.is_empty() {
                continue;
            }
            if touched[old] {
                let name = plain(&e.name).into_owned();
                let mut aliases: Vec<String> = Vec::new();
                // An entity may have thousands of mentions and few names:
                // each name is read and copied once, not each mention's.
                let surfaces = e.mentions.iter().map(|&m| mentions[m].span.slice(text));
                let merged = std::mem::take(&mut merged[old]);
                let mut seen: FastMap<&str, ()> = FastMap::default();
                for a in surfaces.chain(merged.iter().map(String::as_str)) {
                    if seen.insert(a, ()).is_some() {
                        continue;
                    }
                    let form = plain(a);
                    if form != name && !aliases.iter().any(|x| plain(x) == form) {
                        aliases.push(a.to_owned());
                    }
                }
                e.aliases = aliases;
                if e.salience == 0.0 {
                    e.salience = e.mentions.len() as f32 / most as f32;
                }
            }
            renumber[old] = Some(EntityId(kept.len()));
            kept.push(e);
        }
        for m in &mut mentions {
            m.entity = renumber[m.entity.0].expect("an entity with a mention is kept");
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
