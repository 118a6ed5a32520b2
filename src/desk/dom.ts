/**
 * Building the page: every text goes in as a text node, never as HTML, so a policy text such as
 * `<script>` shows as written and can never run.
 */
export type Child = Node | string | null | undefined | false;

/** An element with attributes (strings; `on…` handlers as functions) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Readonly<Record<string, string | boolean | ((e: Event) => void)>> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false) node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Replaces an element's children. */
export function show(root: HTMLElement, ...children: Child[]): void {
  root.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
