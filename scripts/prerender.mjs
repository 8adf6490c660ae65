// Pre-renders the sample article into the built index.html, so that a first
// visit shows the headline, the text and its highlights before any
// WebAssembly has arrived. One source for the markup: the analysis and the
// encoding are the app's own, run natively (`cargo run -p lede --example
// prerender`, src/prerender.rs), and each block's marked-up text is built by
// the app's own src/article/fill_block.js, here against a small DOM of ours
// and written out as HTML. Only the elements around the blocks (<h1>, <p>,
// <aside class="note">, as src/article/mod.rs's block_view makes them) are
// written here; tests/e2e/prerender.test.mjs fails if the page that arrives
// and the page the app paints differ.
//
// index.html holds the page's shell (header, columns) with the comment
// <lede-article></lede-article> where the article goes; the app removes the whole
// pre-rendered shell (#prerender) in the frame it paints its own.
//
// Text only ever becomes text: every character of the article is escaped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { fillBlock } from '../src/article/fill_block.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Elements, not comments: Trunk's minifier keeps them.
export const PLACEHOLDER = /<lede-article>\s*<\/lede-article>/;
const LEGEND = /<lede-legend>\s*<\/lede-legend>/;
/** What makes the pre-rendered legend's toggles work before the app arrives. */
const LEGEND_SCRIPT = readFileSync(new URL('../src/legend_before_app.js', import.meta.url), 'utf8');

const escapeText = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (s) => escapeText(s).replaceAll('"', '&quot;');

/** As much of a DOM element as fill_block.js uses, written out as HTML. */
class Element {
  constructor(doc, tag) {
    this.ownerDocument = doc;
    this.tag = tag;
    this.attrs = new Map();
    this.children = [];
    // The CSSOM properties fill_block.js sets (a theme marker's colour): a
    // strict policy forbids them as style="…" in the page, so they are left
    // to the app, which sets them when it takes over.
    this.style = { setProperty() {} };
  }
  set className(v) {
    this.attrs.set('class', v);
  }
  setAttribute(name, value) {
    this.attrs.set(name, String(value));
  }
  removeAttribute(name) {
    this.attrs.delete(name);
  }
  append(...nodes) {
    this.children.push(...nodes);
  }
  replaceChildren() {
    this.children = [];
  }
  get outerHTML() {
    const attrs = [...this.attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    const inner = this.children.map((c) => (typeof c === 'string' ? escapeText(c) : c.outerHTML)).join('');
    return `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}

class Document {
  createElement(tag) {
    return new Element(this, tag);
  }
}

/** The HTML of the article as `article` (src/prerender.rs's JSON) describes it. */
export function articleHtml(article) {
  const doc = new Document();
  const block = (b) => {
    const text = doc.createElement('span');
    text.className = 'text';
    fillBlock(text, b.text, Uint32Array.from(b.ops), article.labels, b.markers);
    const el = (tag, attrs, inner) => {
      const e = doc.createElement(tag);
      e.setAttribute('id', `block-${b.index}`);
      e.setAttribute('data-block', b.index);
      for (const [k, v] of attrs) e.setAttribute(k, v);
      e.append(inner);
      return e.outerHTML;
    };
    switch (b.kind) {
      case 'title':
        return el('h1', [], text);
      case 'byline':
        return el('p', [['class', 'byline']], text);
      case 'paragraph':
        return el('p', [], text);
      case 'note': {
        const p = doc.createElement('p');
        p.append(text);
        return el('aside', [['class', 'note'], ['role', 'note'], ['aria-label', 'Note']], p);
      }
      default:
        throw new Error(`prerender: unknown block kind ${b.kind}`);
    }
  };
  const of = (kinds) => article.blocks.filter((b) => kinds.includes(b.kind)).map(block).join('');
  return (
    '<article class="article" lang="en" data-hide="">' +
    `<header class="article-head">${of(['title', 'byline'])}</header>` +
    `<div class="article-body">${of(['paragraph'])}</div>` +
    `<footer class="article-foot">${of(['note'])}</footer>` +
    '</article>'
  );
}

/**
 * The block a phone's first screen ends with: the headline, the byline and
 * about two paragraphs. The page holds its first paint until that block has
 * been parsed (`<link rel="expect" … blocking="render">`, in `prerender`):
 * otherwise the browser paints the page's header alone first, and that
 * frame, at a phone's speed, delays the article's. Measured with
 * tests/e2e/first-visit.mjs (docs/performance.md).
 */
export function firstScreenEnd(article) {
  const paragraphs = article.blocks.filter((b) => b.kind === 'paragraph');
  return (paragraphs[Math.min(1, paragraphs.length - 1)] ?? article.blocks[0])?.index;
}

/** The sample article, analysed and encoded by the app's own Rust, natively. */
export function seedArticle() {
  const json = execFileSync('cargo', ['run', '--quiet', '-p', 'lede', '--example', 'prerender'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(json);
}

/**
 * Puts `article` into the page `html` at its placeholder, its legend at its
 * own (HTML from Leptos' static rendering, escaped by it) with the script
 * that makes it work, and its title into <title>, followed by the hold on
 * the first paint until the first screen is parsed (`firstScreenEnd`). A page without the
 * placeholder (already pre-rendered) is returned as it is. The script goes
 * in inline; scripts/site.mjs moves it into a file of its own, as it does
 * Trunk's loader.
 */
export function prerender(html, article) {
  if (!PLACEHOLDER.test(html)) return html;
  if (!LEGEND.test(html)) throw new Error('prerender: the page has no <lede-legend> placeholder');
  // Functions, not strings, as replacements: the text may hold `$&`.
  return html
    .replace(PLACEHOLDER, () => articleHtml(article))
    .replace(LEGEND, () => article.legend)
    .replace(/<title>[^<]*<\/title>/, () => {
      const end = firstScreenEnd(article);
      const expect = end === undefined ? '' : `<link rel="expect" href="#block-${end}" blocking="render">`;
      return `<title>${escapeText(article.title)}</title>${expect}`;
    })
    .replace(/<\/head>/, () => `${viewKeysHtml(article.view_keys)}</head>`)
    .replace(
      /<\/body>/,
      () => `<script type="module" async>${LEGEND_SCRIPT}</script>${analysisHtml(article.analysis)}</body>`,
    );
}

/**
 * The query keys the app reads a view from (src/view_state.rs), for the
 * start-up (scripts/site.mjs, startAtOnce): `<meta name="lede-view-keys">`.
 */
export function viewKeysHtml(keys = []) {
  if (!keys.every((k) => /^[a-z]+$/.test(k))) throw new Error('prerender: a view key is not a plain word');
  return keys.length === 0 ? '' : `<meta name="lede-view-keys" content="${keys.join(' ')}">`;
}

/**
 * The build's analysis as a data block the app reads (src/prerender.rs): a
 * script of a type the browser never runs, holding base64, which has no `<`
 * to close the element with.
 */
export function analysisHtml(analysis) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(analysis)) throw new Error('prerender: the analysis is not base64');
  return `<script type="application/octet-stream" id="lede-analysis">${analysis}</script>`;
}
