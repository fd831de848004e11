/**
 * `el('div', { class: 'x', text: 'y', 'aria-label': 'z' }, child…)`: an element with attributes
 * (`text` sets textContent; an undefined value is skipped) and children. Text only: no markup is
 * parsed, so host data shown through it cannot inject HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}
