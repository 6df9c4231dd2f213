// Helpers for tests that open real pages (the demo, README snippets) in iframes.
import { waitUntil } from '@open-wc/testing';

export interface Page {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { __problems?: string[] };
  document: Document;
  close(): void;
}

/** An iframe on screen (elements fetch and animate only when near the viewport). */
function frameElement(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;inset:0;width:1000px;height:700px;border:0;background:white';
  return frame;
}

/** Opens a page of this server (for instance /demo/playground.html). */
export async function openPage(url: string): Promise<Page> {
  const frame = frameElement();
  const load = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await load;
  const win = frame.contentWindow as Page['window'];
  return { frame, window: win, document: win.document, close: () => frame.remove() };
}

/**
 * A blank page holding `body`, served with an optional Content-Security-Policy header (see
 * test/demo/blank-pages.mjs). Problems (CSP and Trusted Types violations, errors) are recorded
 * from the start in `__problems`.
 */
export async function openHtml(body: string, policy?: string): Promise<Page> {
  const response = await fetch('/__blank', { method: 'POST', body: JSON.stringify({ body, policy }) });
  return openPage(await response.text());
}

type NewsElement = HTMLElement & { updateComplete?: Promise<unknown> };
const SETTLED = ['ready', 'empty', 'error'];

/** Waits until every news element in `root` is defined and has settled (ready, empty or error). */
export async function settled(root: ParentNode, timeout = 8000): Promise<NewsElement[]> {
  const elements = () => [...root.querySelectorAll<NewsElement>('news-ticker, news-article')];
  await waitUntil(
    () => elements().every((element) => SETTLED.includes(element.getAttribute('status') ?? '')),
    `news elements did not settle: ${elements()
      .map((element) => `${element.localName}[status=${element.getAttribute('status')}]`)
      .join(', ')}`,
    { timeout },
  );
  for (const element of elements()) await element.updateComplete;
  // Sections render their markdown in a lazy chunk.
  for (const section of deepQueryAll(root, 'article-section') as NewsElement[]) await section.updateComplete;
  return elements();
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
  }
  // (No instanceof checks here or below: nodes may come from an iframe, another realm.)
  return found;
}

/** The text a reader gets from an element: its shadow tree, nested shadow trees included, no styles. */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    const element = current.nodeType === Node.ELEMENT_NODE ? (current as Element) : undefined;
    if (element?.localName === 'style' || element?.localName === 'script') return;
    (element?.shadowRoot ?? current).childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Sets a form control's value as a user would, firing input and change. */
export function setControl(
  element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  value: string | boolean,
) {
  if (typeof value === 'boolean') (element as HTMLInputElement).checked = value;
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}
