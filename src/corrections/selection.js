// The reader's selection in the article, as offsets into one block's text,
// and back: the DOM side of `src/corrections/selection.rs`. A block's text
// element (`span.text`, filled by `src/article/fill_block.js`) holds the
// block's text exactly, as text nodes: its margin markers and the types
// screen readers hear are attributes and CSS, not text.

/**
 * The selection in `root`, as [block, start, end]: the block's number and
 * UTF-16 offsets into its text (a selection running on into later blocks
 * ends with its first block). Empty if the selection is not in a block's text.
 *
 * @param {Element} root the article
 * @returns {number[]}
 */
export function selectionIn(root) {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return [];
  const range = sel.getRangeAt(0);
  const textOf = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('[data-block] .text');
  const text = textOf(range.startContainer);
  if (!text || !root.contains(text)) return [];
  const block = Number(text.closest('[data-block]').getAttribute('data-block'));
  const upTo = root.ownerDocument.createRange();
  upTo.selectNodeContents(text);
  upTo.setEnd(range.startContainer, range.startOffset);
  const start = upTo.toString().length;
  let end;
  if (textOf(range.endContainer) === text) {
    upTo.setEnd(range.endContainer, range.endOffset);
    end = upTo.toString().length;
  } else {
    end = text.textContent.length;
  }
  return [block, start, end];
}

/**
 * Selects UTF-16 offsets `start` to `end` of the text of block `block` in `root`.
 *
 * @param {Element} root the article
 * @param {number} block
 * @param {number} start
 * @param {number} end
 */
export function selectIn(root, block, start, end) {
  const text = root.querySelector(`[data-block="${block}"] .text`);
  if (!text) return;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && start <= at + len) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(node, end - at);
      const sel = doc.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    at += len;
  }
}
