// The banner Lede shows when something goes wrong, in plain JavaScript: it
// must still work after the WebAssembly module has stopped (a Rust panic
// aborts it, so no Rust closure can run after one).

// Reported as errors by browsers, but harmless: a resize observer's callback
// took more than one frame.
const HARMLESS = [/ResizeObserver loop/];

/** Puts `message` at the top of the page, as an alert, once. */
export function showFatal(message) {
  if (!document.body || document.querySelector('body > .fatal[role=alert]')) return;
  const banner = document.createElement('div');
  banner.className = 'fatal';
  banner.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload with the sample article';
  // `?sample` tells the app to open the sample, not the article it was on.
  button.addEventListener('click', () => location.assign(`${location.pathname}?sample`));
  banner.append(text, button);
  document.body.prepend(banner);
}

/** Shows `message` after any uncaught exception or unhandled promise rejection. */
export function reportUncaughtErrors(message) {
  addEventListener('error', (e) => {
    if (!HARMLESS.some((re) => re.test(e.message ?? ''))) showFatal(message);
  });
  addEventListener('unhandledrejection', () => showFatal(message));
}
