// The playground and embed-code builder. One description of what is on screen (a list of
// element specs) drives both the live preview and the snippet, so the code a site copies
// renders exactly what the preview shows. Plain DOM, no innerHTML: the page runs under
// `require-trusted-types-for 'script'`.
import { NewsTickerElement } from '../src/index.js';

export type Mode = 'sample' | 'text' | 'url';
export type Embed = 'src' | 'json' | 'script';
export type Theme = 'auto' | 'light' | 'dark';

/** Everything the controls say. */
export interface PlaygroundState {
  mode: Mode;
  sample: string;
  text: string;
  url: string;
  ticker: boolean;
  article: boolean;
  lang: string;
  dir: string;
  locale: string;
  numerals: string;
  timeZone: string;
  theme: Theme;
  accent: string | null;
  speed: number;
  paused: boolean;
  reduced: boolean;
  script: 'module' | 'classic';
  embed: Embed;
  cdn: string;
}

/** How the elements get their data. `src` is what the preview loads, `snippetSrc` what the snippet says. */
export type Delivery =
  | { via: 'src'; src: string; snippetSrc: string; note?: string }
  | { via: 'json' | 'script'; text: string }
  | { via: 'none' };

/** One element on screen: its tag, attributes in order, and an inline JSON child. */
export interface ElementSpec {
  tag: 'news-ticker' | 'news-article';
  attributes: [name: string, value: string][];
  script?: string;
}

export interface Snippets {
  html: string;
  css: string;
  csp: string;
}

/** The ticker's own default speed: the snippet leaves `speed` out when it matches. */
export const DEFAULT_SPEED = new NewsTickerElement().speed;
const DEFAULT_CDN = 'https://cdn.jsdelivr.net/npm/akhbar@0.1.0/dist/cdn/';
const STRICT_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'connect-src': [] as string[],
  'img-src': [] as string[],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['lit-html', 'akhbar'],
};

/** Which elements suit each sample (the other can still be ticked, to see its error). */
const SAMPLE_ELEMENTS: Record<string, { ticker: boolean; article: boolean }> = {
  'ticker.json': { ticker: true, article: false },
  'article.json': { ticker: false, article: true },
  'jsonld.json': { ticker: false, article: true },
};

/** The sample files live beside the page, in data/. */
export const sampleUrl = (name: string, base = document.baseURI) => new URL(`data/${name}`, base).href;

/** JSON text -> its value, or undefined when it is not JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

const looksLikeXml = (text: string) => text.trimStart().startsWith('<');

/**
 * How the data reaches the elements, given the controls and the text of the current sample
 * (or the pasted text). Inline JSON (`json` attribute, script child) needs JSON; an XML feed
 * needs a URL, so pasted XML is previewed from a blob: URL and the snippet asks for a URL.
 */
export function deliveryFor(
  state: PlaygroundState,
  sampleText: string | undefined,
  blobUrl?: string,
): Delivery {
  if (state.mode === 'url') {
    const url = state.url.trim();
    return url ? { via: 'src', src: url, snippetSrc: url } : { via: 'none' };
  }
  if (
    state.mode === 'sample' &&
    (state.embed === 'src' || sampleText === undefined || looksLikeXml(sampleText))
  ) {
    const url = sampleUrl(state.sample);
    return { via: 'src', src: url, snippetSrc: url };
  }
  const text = (state.mode === 'text' ? state.text : (sampleText ?? '')).trim();
  if (!text) return { via: 'none' };
  if (looksLikeXml(text)) {
    return {
      via: 'src',
      src: blobUrl ?? '',
      snippetSrc: '/feed.xml',
      note: 'خلاصات XML تُقرأ من رابط: انشر الخلاصة على موقعك وضع رابطها مكان /feed.xml.',
    };
  }
  const json = parseJson(text);
  const embed = state.embed === 'src' ? 'json' : state.embed;
  if (!json) return { via: embed, text }; // broken JSON: shown as the reader would see it
  return { via: embed, text: JSON.stringify(json.value, null, 2) };
}

/** The elements on screen, in page order. */
export function elementSpecs(state: PlaygroundState, delivery: Delivery, numerals = true): ElementSpec[] {
  const common: [string, string][] = [];
  if (state.lang) common.push(['lang', state.lang]);
  if (state.dir) common.push(['dir', state.dir]);
  if (state.locale) common.push(['locale', state.locale]);
  if (numerals && state.numerals) common.push(['numerals', state.numerals]);
  if (state.timeZone) common.push(['time-zone', state.timeZone]);

  const spec = (tag: ElementSpec['tag'], own: [string, string][]): ElementSpec => {
    const attributes: [string, string][] = [];
    if (delivery.via === 'src') attributes.push(['src', delivery.src]);
    if (delivery.via === 'json') attributes.push(['json', delivery.text]);
    attributes.push(...common, ...own);
    return delivery.via === 'script' ? { tag, attributes, script: delivery.text } : { tag, attributes };
  };

  const specs: ElementSpec[] = [];
  if (state.ticker) {
    const own: [string, string][] = [];
    if (state.speed !== DEFAULT_SPEED) own.push(['speed', String(state.speed)]);
    if (state.paused) own.push(['paused', '']);
    specs.push(spec('news-ticker', own));
  }
  if (state.article) specs.push(spec('news-article', []));
  return specs;
}

// ---- Snippets ------------------------------------------------------------------------------

const escapeAttribute = (value: string, quote: '"' | "'") =>
  value.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');

/** Inside a script element, `</` would end it early; `<\/` means the same in JSON strings. */
const escapeScript = (text: string) => text.replace(/<\//g, '<\\/');

function elementHtml(spec: ElementSpec, delivery: Delivery): string {
  const attributes = spec.attributes.map(([name, value]) => {
    if (name === 'src' && delivery.via === 'src') value = delivery.snippetSrc;
    if (value === '' && name !== 'src') return name;
    // JSON is full of double quotes: single quotes keep it readable.
    const quote = name === 'json' ? "'" : '"';
    return `${name}=${quote}${escapeAttribute(value, quote)}${quote}`;
  });
  const oneLine = `<${spec.tag}${attributes.map((attribute) => ` ${attribute}`).join('')}>`;
  // A long tag, or a multi-line json attribute: one attribute per line, as formatters write it.
  const open =
    oneLine.length <= 100 && !oneLine.includes('\n')
      ? oneLine
      : `<${spec.tag}\n${attributes.map((attribute) => `  ${attribute.replace(/\n/g, '\n  ')}`).join('\n')}\n>`;
  if (spec.script === undefined) return `${open}</${spec.tag}>`;
  const body = escapeScript(spec.script)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `${open}\n  <script type="application/json">\n${body}\n  </script>\n</${spec.tag}>`;
}

/** The bundle for what is on screen: the ticker alone has a smaller module. */
export function bundleUrl(state: PlaygroundState, specs: ElementSpec[]): string {
  const base = state.cdn.trim() || DEFAULT_CDN;
  const folder = base.endsWith('/') ? base : `${base}/`;
  if (state.script === 'classic') return `${folder}akhbar.iife.js`;
  const tickerOnly = specs.length > 0 && specs.every((spec) => spec.tag === 'news-ticker');
  return `${folder}${tickerOnly ? 'news-ticker.js' : 'akhbar.js'}`;
}

/** An absolute http(s) URL's origin; undefined for a path on the page's own site. */
function originOf(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const LIGHT = {
  'color-scheme': 'light',
  '--news-color-text': '#1a1a1a',
  '--news-color-muted': '#5f6368',
  '--news-color-background': '#ffffff',
  '--news-color-surface': '#f4f4f2',
  '--news-color-border': '#e2e2de',
};
const DARK = {
  'color-scheme': 'dark',
  '--news-color-text': '#ecebe8',
  '--news-color-muted': '#a7a7a2',
  '--news-color-background': '#161615',
  '--news-color-surface': '#232321',
  '--news-color-border': '#393936',
};

export function buildSnippets(state: PlaygroundState, delivery: Delivery, specs: ElementSpec[]): Snippets {
  const script =
    state.script === 'module'
      ? `<script type="module" src="${escapeAttribute(bundleUrl(state, specs), '"')}"></script>`
      : `<script src="${escapeAttribute(bundleUrl(state, specs), '"')}"></script>`;
  const html = [script, '', ...specs.map((spec) => elementHtml(spec, delivery))].join('\n');

  const declarations: [string, string][] = Object.entries(
    state.theme === 'dark' ? DARK : state.theme === 'light' ? LIGHT : {},
  );
  if (state.accent) declarations.push(['--news-color-accent', state.accent]);
  const selector = specs.map((spec) => spec.tag).join(',\n');
  const css =
    declarations.length && specs.length
      ? `${selector} {\n${declarations.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`
      : '';

  const policy = structuredClone(STRICT_CSP);
  const scriptOrigin = originOf(bundleUrl(state, specs));
  if (scriptOrigin) policy['script-src'].push(scriptOrigin);
  const feedOrigin = delivery.via === 'src' ? originOf(delivery.snippetSrc) : undefined;
  if (feedOrigin) policy['connect-src'].push("'self'", feedOrigin);
  // Article photos usually live on the feed's or a media server.
  if (specs.some((spec) => spec.tag === 'news-article')) policy['img-src'].push("'self'", 'https:');
  const csp = `Content-Security-Policy: ${Object.entries(policy)
    .filter(([, sources]) => sources.length > 0)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ')}`;
  return { html, css, csp };
}

// ---- Preview -------------------------------------------------------------------------------

function createElementFrom(spec: ElementSpec, doc: Document): HTMLElement {
  const element = doc.createElement(spec.tag);
  for (const [name, value] of spec.attributes) element.setAttribute(name, value);
  if (spec.script !== undefined) element.append(inlineJson(spec.script, doc));
  return element;
}

/** `<script type="application/json">`: a data block, never run (so no Trusted Types needed). */
function inlineJson(text: string, doc: Document): HTMLScriptElement {
  const script = doc.createElement('script');
  script.type = 'application/json';
  script.append(doc.createTextNode(text));
  return script;
}

/**
 * Makes the preview's elements match the specs: same tags keep their element (attributes
 * change in place, as a page's script would change them); other changes rebuild.
 */
export function renderPreview(container: HTMLElement, specs: ElementSpec[]): void {
  const current = [...container.children] as HTMLElement[];
  const sameTags =
    current.length === specs.length && specs.every((spec, index) => current[index].localName === spec.tag);
  if (!sameTags) {
    container.replaceChildren(...specs.map((spec) => createElementFrom(spec, container.ownerDocument)));
    return;
  }
  specs.forEach((spec, index) => {
    const element = current[index];
    const wanted = new Map(spec.attributes);
    for (const name of element.getAttributeNames()) {
      // The attributes the element sets itself (its state) are not ours to remove.
      if (!wanted.has(name) && !OWN_ATTRIBUTES.has(name)) element.removeAttribute(name);
    }
    for (const [name, value] of wanted) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
    const script = element.querySelector(':scope > script[type="application/json"]');
    if (spec.script === undefined) script?.remove();
    else if (script?.textContent !== spec.script) {
      const next = inlineJson(spec.script, element.ownerDocument);
      if (script) script.replaceWith(next);
      else element.append(next);
    }
  });
}

const OWN_ATTRIBUTES = new Set(['status', 'aria-busy']);

/** Under «reduced motion» the ticker shows one headline at a time; it reads the query on connect. */
function setReducedMotion(container: HTMLElement, reduced: boolean): void {
  const query = reduced ? 'all' : '(prefers-reduced-motion: reduce)';
  if (NewsTickerElement.reducedMotionQuery === query) return;
  NewsTickerElement.reducedMotionQuery = query;
  for (const ticker of container.querySelectorAll('news-ticker')) {
    const next = ticker.nextSibling;
    ticker.remove();
    container.insertBefore(ticker, next);
  }
}

// ---- The page ------------------------------------------------------------------------------

/** Reads the form into a state. */
export function readState(form: HTMLFormElement): PlaygroundState {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    mode: (text('mode') || 'sample') as Mode,
    sample: text('sample') || 'page.json',
    text: text('text'),
    url: text('url'),
    ticker: data.has('ticker'),
    article: data.has('article'),
    lang: text('lang'),
    dir: text('dir'),
    locale: text('locale'),
    numerals: text('numerals'),
    timeZone: text('timeZone'),
    theme: (text('theme') || 'auto') as Theme,
    accent: data.has('customAccent') ? text('accent') : null,
    speed: Number(text('speed')) || DEFAULT_SPEED,
    paused: data.has('paused'),
    reduced: data.has('reduced'),
    script: text('script') === 'classic' ? 'classic' : 'module',
    embed: (text('embed') || 'src') as Embed,
    cdn: text('cdn'),
  };
}

/**
 * Wires the playground page: controls -> preview, snippets and the event log. Each applied
 * change bumps `data-revision` on the preview, so a test can tell when it is on screen.
 */
export function startPlayground(doc: Document = document): void {
  const form = doc.querySelector<HTMLFormElement>('#controls')!;
  const preview = doc.querySelector<HTMLElement>('#preview')!;
  const log = doc.querySelector<HTMLOListElement>('#log')!;
  const note = doc.querySelector<HTMLElement>('#embed-note')!;
  const field = <T extends Element>(name: string) => form.elements.namedItem(name) as T | null;
  const textarea = field<HTMLTextAreaElement>('text')!;

  const numerals = 'numerals' in doc.createElement('news-ticker');
  for (const element of form.querySelectorAll<HTMLElement>('[data-needs="numerals"]'))
    element.hidden = !numerals;

  const samples = new Map<string, Promise<string | undefined>>();
  const sampleText = (name: string) => {
    if (!samples.has(name)) {
      samples.set(
        name,
        fetch(sampleUrl(name)).then(
          (response) => (response.ok ? response.text() : undefined),
          () => undefined,
        ),
      );
    }
    return samples.get(name)!;
  };

  let blob: { text: string; url: string } | undefined;
  const blobFor = (text: string) => {
    if (blob?.text !== text) {
      if (blob) URL.revokeObjectURL(blob.url);
      blob = { text, url: URL.createObjectURL(new Blob([text], { type: 'application/xml' })) };
    }
    return blob.url;
  };

  let pending = Promise.resolve();
  let prefilled = '';
  let revision = 0;

  const apply = async () => {
    const mode = readState(form);
    for (const element of form.querySelectorAll<HTMLElement>('[data-mode]')) {
      element.hidden = element.dataset.mode !== mode.mode;
    }
    const text = mode.mode === 'sample' ? await sampleText(mode.sample) : undefined;
    // Inline JSON needs JSON: with XML or a URL only src remains; pasted JSON has no URL.
    const xml = mode.mode === 'url' || looksLikeXml(mode.mode === 'text' ? mode.text : (text ?? ''));
    const embeds = [...form.querySelectorAll<HTMLInputElement>('input[name="embed"]')];
    for (const input of embeds) input.disabled = input.value === 'src' ? mode.mode === 'text' && !xml : xml;
    if (embeds.some((input) => input.checked && input.disabled))
      embeds.find((input) => !input.disabled)!.checked = true;

    const state = readState(form);
    const output = field<HTMLOutputElement>('speedOut');
    if (output) output.value = String(state.speed);
    const pastedXml = state.mode === 'text' && looksLikeXml(state.text);
    const delivery = deliveryFor(state, text, pastedXml ? blobFor(state.text.trim()) : undefined);
    note.hidden = !(delivery.via === 'src' && delivery.note);
    note.textContent = delivery.via === 'src' ? (delivery.note ?? '') : '';

    const specs = elementSpecs(state, delivery, numerals);
    preview.classList.toggle('theme-light', state.theme === 'light');
    preview.classList.toggle('theme-dark', state.theme === 'dark');
    if (state.accent) preview.style.setProperty('--news-color-accent', state.accent);
    else preview.style.removeProperty('--news-color-accent');
    setReducedMotion(preview, state.reduced);
    renderPreview(preview, specs);

    const snippets = buildSnippets(state, delivery, specs);
    show('#snippet-html', snippets.html);
    show('#snippet-css', snippets.css);
    show('#snippet-csp', snippets.csp);
    preview.dataset.revision = String(++revision);
  };

  const show = (selector: string, text: string) => {
    const block = doc.querySelector<HTMLElement>(selector)!;
    block.hidden = !text;
    block.querySelector('code')!.textContent = text;
  };

  const update = () => (pending = pending.then(apply, apply));

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'text' || target.name === 'url' || target.name === 'cdn') {
      clearTimeout(typing);
      typing = setTimeout(update, 350);
      return;
    }
    if (target.type === 'range' || target.type === 'color') void update();
  });
  form.addEventListener('change', async (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'sample') {
      const suits = SAMPLE_ELEMENTS[target.value] ?? { ticker: true, article: true };
      field<HTMLInputElement>('ticker')!.checked = suits.ticker;
      field<HTMLInputElement>('article')!.checked = suits.article;
    }
    if (
      target.name === 'mode' &&
      target.value === 'text' &&
      (!textarea.value || textarea.value === prefilled)
    ) {
      // Start from the sample on screen, so there is something to edit.
      prefilled = (await sampleText(field<HTMLSelectElement>('sample')!.value)) ?? '';
      textarea.value = prefilled;
    }
    if (target.name === 'accent') field<HTMLInputElement>('customAccent')!.checked = true;
    void update();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  // The event log: what a page's listeners would see.
  const record = (event: Event) => {
    const element = event.target as HTMLElement;
    if (!preview.contains(element)) return;
    const item = doc.createElement('li');
    item.className = event.type === 'news-load' ? 'load' : 'error';
    const name = doc.createElement('code');
    name.textContent = `<${element.localName}> ${event.type}`;
    const text = doc.createElement('bdi');
    text.textContent = describe(event);
    item.append(name, text);
    log.prepend(item);
    while (log.children.length > 6) log.lastElementChild!.remove();
  };
  preview.addEventListener('news-load', record);
  preview.addEventListener('news-error', record);

  for (const button of doc.querySelectorAll<HTMLButtonElement>('.snippet .copy')) {
    button.addEventListener('click', () => copy(button));
  }

  void update();
}

function describe(event: Event): string {
  const detail = (event as CustomEvent).detail as { data?: unknown; message?: string };
  if (event.type === 'news-error') return detail.message ?? '';
  const data = detail.data as { items?: unknown[]; title?: string };
  if (Array.isArray(data?.items)) return `${data.items.length} عناوين`;
  return data?.title ?? '';
}

/** Copies a snippet; where the clipboard is refused, selects it for Ctrl+C instead. */
async function copy(button: HTMLButtonElement): Promise<void> {
  const code = button.closest('.snippet')!.querySelector('code')!;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    button.textContent = 'نُسخت ✓';
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    button.textContent = 'حدِّد ثم Ctrl+C';
  }
  button.toggleAttribute('data-copied', true);
  setTimeout(() => {
    button.textContent = label;
    button.toggleAttribute('data-copied', false);
  }, 1800);
}
