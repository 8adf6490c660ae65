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
      const code = ops[i++];
      const label = code & (CORRECTED - 1);
      const mark = doc.createElement('mark');
      mark.className = 'ent';
      // Marked as corrected by an outline and in what screen readers hear (style/main.css).
      if (code & CORRECTED) mark.setAttribute('data-corrected', 'true');
      mark.setAttribute('data-label', names[2 * label]);
      mark.setAttribute('data-type', names[2 * label + 1]);
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
