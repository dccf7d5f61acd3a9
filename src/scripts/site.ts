/**
 * The one script every page loads: it wires the header search box (its code and the index load
 * only when a reader reaches for search), the copy buttons, the theme toggle, and the offline
 * service worker.
 */
import { wireCopyButtons } from './copy-buttons.ts';

wireCopyButtons();

const form = document.querySelector<HTMLFormElement>('form[data-quick-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

if (form && input && !document.querySelector('[data-search-page]')) {
  const start = () => import('./quick-search.ts').then(({ attachQuickSearch }) => attachQuickSearch(form));
  let started: Promise<void> | undefined;
  const wake = () => {
    started ??= start().then(() => {
      // The handlers were attached after this event; replay it so the first keystroke counts.
      input.dispatchEvent(new Event(document.activeElement === input ? 'focus' : 'input'));
    });
  };
  input.addEventListener('focus', wake, { once: true });
  input.addEventListener('pointerenter', () => void import('./quick-search.ts'), { once: true });
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey) return;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  const box = document.querySelector<HTMLInputElement>('[data-search-page] input[name="q"], [data-search-input]');
  if (box) {
    event.preventDefault();
    box.focus();
  }
});

const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
toggle?.addEventListener('click', () => {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const next = dark ? 'light' : 'dark';
  root.dataset.theme = next;
  toggle.setAttribute('aria-pressed', String(next === 'dark'));
  try {
    localStorage.setItem('theme', next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
});

/** Says so in the footer once this build's pages and search index are stored for offline use. */
function showOfflineStatus(): void {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type === 'status' && event.data.offline && status) {
      status.textContent = '✓ Available offline';
      status.hidden = false;
    }
  });
  const ask = () => navigator.serviceWorker.controller?.postMessage({ type: 'status' });
  navigator.serviceWorker.addEventListener('controllerchange', ask);
  void navigator.serviceWorker.ready.then(ask);
}

if ('serviceWorker' in navigator && document.documentElement.dataset.sw) {
  addEventListener('load', () => {
    navigator.serviceWorker.register(document.documentElement.dataset.sw!).then(showOfflineStatus, () => undefined);
  });
}

if (toggle) {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  toggle.setAttribute('aria-pressed', String(dark));
}
