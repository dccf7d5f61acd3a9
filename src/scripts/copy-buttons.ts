/**
 * Copy buttons (`CopyButton.astro`): a click puts the button's text on the clipboard. Without the
 * clipboard API (or permission), the text is selected instead, for copying by hand.
 */
export function wireCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-button')) {
    button.addEventListener('click', async () => {
      const { copy = '', label = '', done = '' } = button.dataset;
      try {
        await navigator.clipboard.writeText(copy);
        button.textContent = done;
      } catch {
        const target = button.closest('[data-copy-scope]')?.querySelector('pre, code');
        if (target) getSelection()?.selectAllChildren(target);
        button.textContent = 'Press Ctrl+C to copy';
      }
      setTimeout(() => (button.textContent = label), 2500);
    });
  }
}
