// A panel drawn anew at each update (the agent panel: every round, live event, selection or slice
// of metrics) would drop the keyboard focus of a user tabbing through its lists. Elements that
// can hold focus carry a key; the one focused before is focused again when drawn with the same key.

/** The attribute naming a focusable element across redraws. */
export const FOCUS_KEY = 'data-focus-key';

/** Replaces `container`'s children, and focuses again the element with the key that had focus. */
export function replaceKeepingFocus(container: Element, children: readonly Node[]): void {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.getAttribute(FOCUS_KEY) : null;
  container.replaceChildren(...children);
  if (key === null) return;
  for (const e of container.querySelectorAll<HTMLElement>(`[${FOCUS_KEY}]`)) {
    if (e.getAttribute(FOCUS_KEY) === key) {
      e.focus();
      return;
    }
  }
}
