// The pre-rendered page's legend and header, working before the app
// arrives: on a phone the WebAssembly takes seconds to come, the article and
// its legend (scripts/prerender.mjs) a fraction of one. The page loads this
// file as an async module (scripts/prerender.mjs puts it in,
// scripts/site.mjs moves it into a hashed file), so it runs as soon as it is
// here, before or after the page is parsed.
//
// A toggle does what the app's does (src/entities_panel.rs): it flips its
// aria-pressed and the article's data-hide (a type) or quotes-off class (the
// quotations), which the style sheet hides them by. The app reads the
// toggles' state when it takes the page over (src/prerender.rs,
// take_over), so nothing the reader chose is lost. The wide-screen line is
// the app's too (src/app.rs, use_wide_screen): wider, the controls start
// open beside the article.
//
// The header's buttons and the search box need the app. A press of a button
// before it has come is kept (in the pre-render's data-pending, by the
// button's first class, which the app's button has too) and the app presses
// its own when it takes over, in the order pressed; a second press of the
// same button takes the first back, as it would for the colour-scheme
// switch. What the reader types in the search box is carried over too.
// A press of a mention is kept the same way (data-pending-mention, its
// number; the mention is outlined meanwhile, class pending), and the app
// presses its own. Meanwhile the search box's status
// (a polite live region, with room kept for it) says the app is starting,
// so no press goes unanswered.
//
// The app itself comes when the reader first needs it (scripts/site.mjs's
// start-up waits for it): a mouse over or a press of, a tap on or the
// focus on anything of the page but what this script answers (the toggles,
// the fold, the skip link), a key that does more than scroll, or a file
// dragged in. Reading and scrolling need nothing more than this page, and a phone
// that only reads is spared the app's download. This script says so once,
// on the root element (data-app-needed) and with the event lede:app-needed.
const NARROW = '(max-width: 60rem)';
const STARTING = 'Starting…';

function keep(event) {
  const pre = document.getElementById('prerender');
  const mention = event.target instanceof Element ? event.target.closest('#prerender article mark[data-mention]') : null;
  // A mention is pressed with a click or, focused, with Enter (as in the app).
  if (event.type === 'keydown' && (event.key !== 'Enter' || !mention)) return;
  if (mention && pre) {
    pre.querySelector('mark.ent.pending')?.classList.remove('pending');
    mention.classList.add('pending');
    pre.dataset.pendingMention = mention.dataset.mention;
    starting();
    return;
  }
  const button = event.target instanceof Element ? event.target.closest('#prerender .header-actions button') : null;
  if (!button || !pre) return;
  const action = button.classList[0];
  const pending = (pre.dataset.pending ?? '').split(' ').filter(Boolean);
  const kept = pending.includes(action) ? pending.filter((a) => a !== action) : [...pending, action];
  pre.dataset.pending = kept.join(' ');
  starting();
}

function starting() {
  const status = document.querySelector('#prerender .search-status');
  // Once the start-up has said the app cannot come (data-app-failed), nothing is starting.
  if (status && document.documentElement.dataset.appFailed === undefined) status.textContent = STARTING;
}

function toggle(event) {
  const button = event.target instanceof Element ? event.target.closest('#prerender .type-toggle') : null;
  const article = document.querySelector('#prerender article.article');
  if (!button || !article) return;
  const shown = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(shown));
  if (button.classList.contains('quote-toggle')) {
    article.classList.toggle('quotes-off', !shown);
    return;
  }
  const label = button.dataset.label;
  const hidden = new Set((article.dataset.hide ?? '').split(' ').filter(Boolean));
  if (shown) hidden.delete(label);
  else hidden.add(label);
  article.dataset.hide = [...hidden].join(' ');
}

function openOnWideScreens() {
  const fold = document.querySelector('#prerender .controls-fold');
  if (fold && !matchMedia(NARROW).matches) fold.open = true;
}

/** What this script answers itself: the app is not needed for them. */
const ANSWERED_HERE = '.type-toggle, .controls-fold > summary, .skip';
/** Keys that scroll the page or move the focus, which need no app. */
const READING_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', ' ', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Escape']);

function need() {
  const root = document.documentElement;
  if (root.dataset.appNeeded !== undefined) return;
  root.dataset.appNeeded = '';
  document.dispatchEvent(new Event('lede:app-needed'));
}

function needed(event) {
  const target = event.target instanceof Element ? event.target : null;
  if (!document.getElementById('prerender')) return;
  // A finger on the screen may be a scroll: a touch counts once it is a tap (click).
  if (event.type.startsWith('pointer') && event.pointerType !== 'mouse') return;
  // The skip link's target, the article itself: reading, not yet doing.
  if (event.type === 'focusin' && target?.id === 'main') return;
  if (target?.closest(ANSWERED_HERE)) return;
  if (event.type === 'keydown') {
    if (READING_KEYS.has(event.key) && !target?.matches('input, textarea')) return;
  } else if (event.type !== 'dragenter' && !target?.closest('#prerender')) {
    return;
  }
  need();
}

// A click too: a screen reader's activation comes with no pointer event.
for (const type of ['pointerover', 'pointerdown', 'click', 'focusin', 'keydown', 'dragenter']) {
  document.addEventListener(type, needed, { capture: true, passive: true });
}
// A file dropped before the app has come would make the browser leave the
// page for it: the drop is refused, and the status asks for it again.
document.addEventListener('dragover', (event) => {
  if (document.getElementById('prerender')) event.preventDefault();
});
// The app takes a dropped file in its "Open an article" dialog: the drop
// opens it, for the file to be dropped there.
document.addEventListener('drop', (event) => {
  const pre = document.getElementById('prerender');
  if (!pre) return;
  event.preventDefault();
  const pending = (pre.dataset.pending ?? '').split(' ').filter(Boolean);
  if (!pending.includes('open-button')) pre.dataset.pending = [...pending, 'open-button'].join(' ');
  const status = pre.querySelector('.search-status');
  if (status && document.documentElement.dataset.appFailed === undefined) {
    status.textContent = 'Starting… drop the file in the dialog that opens.';
  }
});
document.addEventListener('click', toggle);
document.addEventListener('click', keep);
document.addEventListener('keydown', keep);
// Two of the app's keyboard shortcuts (src/shortcuts.rs) work before it:
// "/" goes to the search box, "?" is a press of the shortcuts button.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (event.target instanceof Element && event.target.matches('input, textarea, select')) return;
  const pre = document.getElementById('prerender');
  if (!pre) return;
  if (event.key === '/') {
    event.preventDefault();
    pre.querySelector('#search')?.focus();
  } else if (event.key === '?') {
    event.preventDefault();
    pre.querySelector('.header-actions .icon-button')?.click();
  }
});
document.addEventListener('input', (event) => {
  if (event.target instanceof Element && event.target.matches('#prerender #search')) starting();
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', openOnWideScreens);
else openOnWideScreens();
// Said once the toggles answer: a benchmark clicks them from then on.
document.documentElement.dataset.legend = 'live';
