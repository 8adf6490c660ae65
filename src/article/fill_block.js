// Builds the marked-up text of one block of the article in one call from
// Rust (`src/article/segments.rs`, whose `encode` describes the layout of `ops`;
// `src/article/round_trip.rs` checks in the browser that the two agree).
//
// On a first visit every WebAssembly function runs for the first time, and
// each element, attribute and text node made from Rust is a call across to
// JavaScript with its strings decoded; here a block is one call and one
// string, and the DOM is built where it lives. The text only ever becomes
// text nodes, never HTML.

const MENTION = 1;
const QUOTE = 1;
const EVIDENCE = 2;
const HIT = 4;
// Added to a mention's type when a reader's correction made or changed it.
const CORRECTED = 256;
// Where an element keeps what it was last filled from (a copy: `ops` is a
// view of the WebAssembly memory).
const BUILT = Symbol('lede block');

/**
 * Replaces the content of `el` with the pieces of `text` that `ops` describes.
 *
 * @param {Element} el the element to fill: new, or (Leptos reusing it when the
 *   block's search matches change) holding the block's text as it was
 * @param {string} text the block's text
 * @param {Uint32Array} ops the pieces, as `segments::encode` writes them
 * @param {string} labels each entity type's code and name, one per line, in
 *   the order `ops` numbers them
 * @param {string} markers the theme markers for the margin, one per line:
 *   colour, initial, theme id and tooltip, apart by tabs (or nothing)
 */
export function fillBlock(el, text, ops, labels, markers) {
  const names = labels.split('\n');
  const built = el[BUILT];
  el[BUILT] = { text, markers, ops: ops.slice() };
  if (built && built.text === text && built.markers === markers && retypeMarks(el, built.ops, ops, names)) {
    return;
  }
  const doc = el.ownerDocument;
  el.replaceChildren();
  if (markers) {
    const box = doc.createElement('span');
    box.className = 'markers';
    box.setAttribute('aria-hidden', 'true');
    for (const line of markers.split('\n')) {
      const [colour, initial, theme, tip] = line.split('\t');
      const marker = doc.createElement('span');
      marker.className = 'marker';
      marker.style.setProperty('--c', colour);
      marker.setAttribute('data-initial', initial);
      marker.setAttribute('data-theme', theme);
      marker.setAttribute('title', tip);
      box.append(marker);
    }
    el.append(box);
  }
  let at = 0;
  let i = 0;
  while (i < ops.length) {
    let parent = el;
    if (ops[i++] === MENTION) {
      const mark = doc.createElement('mark');
      mark.className = 'ent';
      setType(mark, ops[i++], names);
      mark.setAttribute('data-mention', String(ops[i++]));
      mark.setAttribute('data-entity', String(ops[i++]));
      mark.setAttribute('tabindex', '0');
      el.append(mark);
      parent = mark;
    }
    for (let frags = ops[i++]; frags > 0; frags--) {
      const len = ops[i++];
      const flags = ops[i++];
      const piece = text.substring(at, at + len);
      at += len;
      if (flags === 0) {
        parent.append(piece);
        continue;
      }
      const span = doc.createElement('span');
      span.className = (flags & QUOTE ? 'q ' : '') + (flags & EVIDENCE ? 'ev ' : '');
      if (flags & EVIDENCE) {
        const n = ops[i++];
        span.setAttribute('data-themes', Array.from(ops.subarray(i, i + n)).join(' '));
        i += n;
      }
      let inner = span;
      if (flags & HIT) {
        inner = doc.createElement('mark');
        inner.className = 'hit';
        inner.setAttribute('data-hit', String(ops[i++]));
        span.append(inner);
      }
      inner.append(piece);
      parent.append(span);
    }
  }
}

/**
 * Updates the marks of `el`, built from `before`, to what `after` says, if
 * the two differ only in mentions' types, corrected flags and entities (a
 * retype): the text and every other element stay as they are, so the page
 * restyles those marks and lays out nothing. Whether it could.
 */
function retypeMarks(el, before, after, names) {
  if (before.length !== after.length) return false;
  const changed = [];
  let marks = 0;
  let i = 0;
  const same = (from, to) => {
    for (let k = from; k < to; k++) if (before[k] !== after[k]) return false;
    return true;
  };
  while (i < after.length) {
    if (before[i] !== after[i]) return false;
    if (after[i++] === MENTION) {
      // Its type, the number its mark is known by, its entity.
      if (before[i + 1] !== after[i + 1]) return false;
      if (before[i] !== after[i] || before[i + 2] !== after[i + 2]) changed.push([marks, after[i], after[i + 2]]);
      marks++;
      i += 3;
    }
    if (before[i] !== after[i]) return false;
    for (let frags = after[i++]; frags > 0; frags--) {
      const flags = after[i + 1];
      let end = i + 2;
      if (flags & EVIDENCE) end += 1 + after[end];
      if (flags & HIT) end += 1;
      if (end > after.length || !same(i, end)) return false;
      i = end;
    }
  }
  if (changed.length === 0) return true;
  const els = el.querySelectorAll(':scope > mark.ent');
  if (els.length !== marks) return false;
  for (const [k, code, entity] of changed) {
    setType(els[k], code, names);
    els[k].setAttribute('data-entity', String(entity));
  }
  return true;
}

/** Gives a mention's mark its type: `code`, a label with the corrected flag. */
function setType(mark, code, names) {
  const label = code & (CORRECTED - 1);
  // Marked as corrected by an outline and in what screen readers hear (style/main.css).
  if (code & CORRECTED) mark.setAttribute('data-corrected', 'true');
  else mark.removeAttribute('data-corrected');
  mark.setAttribute('data-label', names[2 * label]);
  mark.setAttribute('data-type', names[2 * label + 1]);
}
