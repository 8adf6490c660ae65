// Long plain-text documents for benchmarks and end-to-end tests, generated
// deterministically from the news texts of the evaluation set (eval/dev and
// eval/test, the `text` of each JSON file) and the seed article (seeds/*.txt).
// Nothing is read until a function is called: importing this module has no
// side effects.
//
//   import { newsText, oneLineParagraphs } from './bigtext.mjs';
//   newsText(1 << 20)          // about 1 MB of news reports, a headline first
//   oneLineParagraphs(30_000)  // a headline, then 30,000 one-line paragraphs
import { readFileSync, readdirSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);

let cache;

/**
 * The source texts, in a fixed order: the news reports (eval files named
 * `wNN_…`, dev then test), then the other eval texts (official readouts),
 * then the seed articles. Line ends are `\n`, each text trimmed. The first
 * one starts with a headline that the app takes as the title.
 */
export function sourceTexts() {
  if (cache) return cache;
  const evalTexts = [];
  for (const dir of ['eval/dev', 'eval/test']) {
    for (const name of readdirSync(new URL(`${dir}/`, ROOT)).filter((f) => f.endsWith('.json')).sort()) {
      const { text } = JSON.parse(readFileSync(new URL(`${dir}/${name}`, ROOT), 'utf8'));
      if (typeof text === 'string' && text.trim()) evalTexts.push({ name, text: clean(text) });
    }
  }
  const seeds = readdirSync(new URL('seeds/', ROOT))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: clean(readFileSync(new URL(`seeds/${name}`, ROOT), 'utf8')) }));
  const isReport = ({ name }) => /^w\d+_/.test(name);
  cache = [...evalTexts.filter(isReport), ...evalTexts.filter((t) => !isReport(t)), ...seeds].map((t) => t.text);
  return cache;
}

const clean = (text) => text.replace(/\r\n?/g, '\n').trim();
const bytesOf = (s) => Buffer.byteLength(s, 'utf8');

/**
 * News reports joined by blank lines, over and over in the same order, until
 * the text is about `bytes` bytes of UTF-8 (within half a report, a few KB,
 * of it). Its first line is the first report's headline.
 */
export function newsText(bytes) {
  const texts = sourceTexts();
  const parts = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const text = texts[i % texts.length];
    const add = bytesOf(text) + (parts.length ? 2 : 0);
    // Stop before a report that would take the text further past the target
    // than it is short of it.
    if (parts.length && size + add / 2 > bytes) break;
    parts.push(text);
    size += add;
  }
  return parts.join('\n\n');
}

/**
 * A headline, then `n` one-line paragraphs separated by blank lines: the body
 * paragraphs of the reports (headlines and bylines left out), wrapped at word
 * boundaries into lines of at most `width` characters, each line a paragraph,
 * repeated in order until there are `n`. With the default width of 40, 30,000
 * paragraphs come to about 1 MB.
 */
export function oneLineParagraphs(n, { width = 40, headline = `${n} one-line paragraphs from the news` } = {}) {
  const lines = [];
  for (const text of sourceTexts()) {
    for (const block of text.split(/\n\s*\n/).slice(1)) {
      const para = block.replace(/\s+/g, ' ').trim();
      if (para.length < 60 || /^By /.test(para)) continue; // datelines, bylines, headings
      let line = '';
      for (const word of para.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      if (line) lines.push(line);
    }
  }
  const out = [headline];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]);
  return out.join('\n\n');
}

/** The first line of `text`: the headline the app should show for it. */
export const firstLine = (text) => text.slice(0, text.indexOf('\n') >>> 0).trim();
