// Building DOM without markup strings: text always goes through textContent, so persona names
// and messages are shown as text and can never become elements or scripts.
import { formatReal } from '../src/core/text/realFormat';
import { counted as countedPlain } from '../src/core/text/counted';

type Props = { class?: string; text?: string; attrs?: Record<string, string> };

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

export function formatNumber(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : formatReal(v, digits);
}

/** "1 tie", "3 ties", "6,240 rows": the core's counted(), with thousands separators as the view writes numbers. */
export function counted(n: number, noun: string, plural?: string): string {
  return `${n.toLocaleString('en')}${countedPlain(n, noun, plural).slice(String(n).length)}`;
}
