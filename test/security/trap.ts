/**
 * Helpers for the security suites: a trap that notices any script a payload manages to run,
 * a walk over every shadow root on the page, and an audit of what those roots contain.
 */

type Trapped = 'alert' | 'confirm' | 'prompt' | 'print';
const TRAPPED: Trapped[] = ['alert', 'confirm', 'prompt', 'print'];

type CanaryWindow = Window & { __pwned?: unknown };

/**
 * Replaces `alert`, `confirm`, `prompt` and `print` with recorders and watches the canary
 * `window.__pwned`, which payloads try to set.
 */
export class Trap {
  readonly calls: string[] = [];
  #originals = new Map<Trapped, unknown>();

  install(): void {
    const target = window as unknown as Record<Trapped, unknown>;
    for (const name of TRAPPED) {
      this.#originals.set(name, target[name]);
      target[name] = (...args: unknown[]) => {
        this.calls.push(`${name}(${args.map(String).join(', ')})`);
        return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
      };
    }
    delete (window as CanaryWindow).__pwned;
  }

  /** Forgets what was seen (after it has been counted). */
  reset(): void {
    this.calls.length = 0;
    delete (window as CanaryWindow).__pwned;
  }

  restore(): void {
    const target = window as unknown as Record<Trapped, unknown>;
    for (const [name, original] of this.#originals) target[name] = original;
    this.#originals.clear();
  }

  /** Trapped calls plus the canary, if set. */
  get executions(): string[] {
    const seen = [...this.calls];
    for (const win of [window, window.top, window.parent] as (CanaryWindow | null)[]) {
      try {
        if (win && win.__pwned !== undefined) seen.push(`__pwned = ${String(win.__pwned)}`);
      } catch {
        // a cross-origin parent: not ours to read
      }
    }
    return [...new Set(seen)];
  }
}

/** Every shadow root under `root` (open ones; the widget's are open), depth first. */
export function shadowRoots(root: ParentNode = document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  visit(root);
  return found;
}

const FORBIDDEN_TAGS = new Set(
  (
    'script iframe frame frameset object embed applet base link meta form input textarea select ' +
    'option template noscript style math foreignobject portal dialog isindex keygen xmp plaintext ' +
    'noembed noframes marquee bgsound audio video'
  ).split(' '),
);
// Attributes that take a URL somewhere in HTML or SVG.
const URL_ATTRS = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'cite',
  'poster',
  'background',
  'data',
  'ping',
  'dynsrc',
  'lowsrc',
  'codebase',
];
const BAD_SCHEME =
  /^(?:javascript|vbscript|livescript|data|file|blob|about|feed|view-source|x-javascript|ms-its):/i;
// What a browser skips inside a scheme: controls, spaces, invisible format characters.
const INVISIBLE = /[\0-\x20\x7f-\xa0\xad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Classes the widget's own renderers give elements inside a body (markdown's raw HTML, tasks, tables). */
const WIDGET_CLASSES = new Set(['raw', 'task', 'table', 'body']);

/** The elements that are sanitized content: the bodies of sections. */
function isInBody(el: Element): boolean {
  return !!el.parentElement?.closest('[part~="body"]');
}

/**
 * What must never be in the widget's shadow roots: script-capable elements, event handler
 * attributes, dangerous URLs, inline styles and, inside bodies, ids, names, classes, custom
 * elements, nested shadow roots and SVG. Returns one line per problem (empty when clean).
 */
export function audit(roots: ShadowRoot[]): string[] {
  const problems: string[] = [];
  for (const root of roots) {
    const host = root.host.localName;
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      const where = `<${host}> ${name}`;
      if (FORBIDDEN_TAGS.has(name)) problems.push(`${where}: forbidden element`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${where}: handler ${attr.name}`);
        // The widget's own custom properties are fine; markup from a document never gets a style.
        if (
          attr.name === 'style' &&
          (isInBody(el) || /url|expression|import|javascript|behavio/i.test(attr.value))
        )
          problems.push(`${where}: style="${attr.value}"`);
      }
      for (const attr of URL_ATTRS) {
        const value = el.getAttribute(attr);
        if (value === null) continue;
        const candidates = attr === 'srcset' ? value.split(',') : [value];
        for (const candidate of candidates) {
          if (BAD_SCHEME.test(candidate.replace(INVISIBLE, '')))
            problems.push(`${where}: ${attr}="${value}"`);
        }
      }
      if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
        if (!/^(?:https?|mailto):$/.test(el.protocol))
          problems.push(`${where}: link protocol ${el.protocol}`);
        if (el.origin !== location.origin && el.protocol !== 'mailto:' && !/noopener/.test(el.rel))
          problems.push(`${where}: external link without noopener (${el.href})`);
      }
      if (el instanceof HTMLImageElement && el.hasAttribute('src')) {
        if (!/^https?:$/.test(new URL(el.src, document.baseURI).protocol))
          problems.push(`${where}: image src ${el.src}`);
      }
      if (name === 'svg' && host !== 'news-ticker') problems.push(`${where}: svg outside the ticker's icons`);
      if (name === 'svg' && [...el.querySelectorAll('*')].some((child) => child.localName !== 'path'))
        problems.push(`${where}: svg with more than paths`);
      if (isInBody(el)) {
        if (el.hasAttribute('id') || el.hasAttribute('name')) problems.push(`${where}: id/name in a body`);
        const classes = [...el.classList].filter((name) => !WIDGET_CLASSES.has(name));
        if (classes.length && el.closest('.body') !== el)
          problems.push(`${where}: class in a body (${classes})`);
        if (name === 'slot') problems.push(`${where}: slot in a body`);
        if (name.includes('-') && name !== 'article-section')
          problems.push(`${where}: custom element in a body`);
        if (el.shadowRoot && name !== 'article-section') problems.push(`${where}: nested shadow root`);
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * Clicks every link and area in the given roots. Navigation to http(s) and mailto is
 * cancelled so the test page stays; anything else is let through, so a `javascript:` link
 * would run (and be caught by the trap).
 */
export async function clickAllLinks(roots: ShadowRoot[]): Promise<number> {
  const guard = (event: Event) => {
    const link = event
      .composedPath()
      .find((node) => node instanceof HTMLAnchorElement || node instanceof HTMLAreaElement) as
      HTMLAnchorElement | HTMLAreaElement | undefined;
    if (link && /^(?:https?|mailto):$/.test(link.protocol)) event.preventDefault();
  };
  window.addEventListener('click', guard, true);
  let clicked = 0;
  try {
    for (const root of roots) {
      for (const link of root.querySelectorAll<HTMLElement>('a, area')) {
        link.click();
        clicked++;
      }
    }
    await settle(100);
  } finally {
    window.removeEventListener('click', guard, true);
  }
  return clicked;
}

/** Waits `ms`, then two animation frames: time for image errors, navigations and handlers. */
export async function settle(ms = 50): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Waits until every image under the roots has loaded or failed (their error handlers, had any
 * survived, would have run), at most `ms`. Fixtures stack their elements inside the viewport,
 * so lazy images load too.
 */
export async function imagesSettled(roots: ShadowRoot[], ms = 2000): Promise<void> {
  const deadline = performance.now() + ms;
  const pending = () =>
    roots
      .flatMap((root) => [...root.querySelectorAll('img')])
      .filter((img) => img.getAttribute('src') && !img.complete);
  while (pending().length && performance.now() < deadline) await settle(50);
}

/** The engine running the test, for logs. */
export function engine(): string {
  const ua = navigator.userAgent;
  if (/Firefox\//.test(ua)) return 'Firefox';
  if (/Chrom(?:e|ium)\//.test(ua)) return 'Chromium';
  if (/AppleWebKit\//.test(ua)) return 'WebKit';
  return ua;
}
