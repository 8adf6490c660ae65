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
// Meanwhile the search box's status (a polite live region, with room kept
// for it) says the app is starting, so no press goes unanswered.
const NARROW = '(max-width: 60rem)';
const STARTING = 'Starting…';

function keep(event) {
  const button = event.target instanceof Element ? event.target.closest('#prerender .header-actions button') : null;
  const pre = document.getElementById('prerender');
  if (!button || !pre) return;
  const action = button.classList[0];
  const pending = (pre.dataset.pending ?? '').split(' ').filter(Boolean);
  const kept = pending.includes(action) ? pending.filter((a) => a !== action) : [...pending, action];
  pre.dataset.pending = kept.join(' ');
  starting();
}

function starting() {
  const status = document.querySelector('#prerender .search-status');
  if (status) status.textContent = STARTING;
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

document.addEventListener('click', toggle);
document.addEventListener('click', keep);
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
