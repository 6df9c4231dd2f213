/**
 * `format: html` bodies -> sanitized DOM. The only place the widget turns markup from a
 * document into elements.
 *
 * - DOMPurify (our own instance, so a host page's DOMPurify hooks and config never mix with
 *   ours) with an allowlist fit for news: text-level and block elements, links, images,
 *   lists, quotes, figures and tables. No script, style, forms, frames, embedded objects,
 *   SVG or MathML; no event handlers, `style`, `class`, `id`, `name`, `data-*`, `aria-*`
 *   or `target`; only HTML-namespace elements.
 * - Every URL (`href`, `src`, `cite`, each `srcset` candidate) passes `safeUrl`: http(s),
 *   mailto and relative only, resolved against the document's address. External links get
 *   `rel="noopener noreferrer"`; images `loading="lazy"`, `decoding="async"` and
 *   `referrerpolicy="no-referrer"`.
 * - The markup is parsed once, by DOMPurify, into an inert document through the `akhbar`
 *   Trusted Types policy; the sanitized nodes themselves are inserted (a DocumentFragment
 *   bound as a Lit child), so no HTML string is ever parsed again in the live page (no
 *   serialize/re-parse round trip for mutation XSS to hide in).
 *
 * The browser's Sanitizer API (`Element.setHTML`) is not used: it is missing in some
 * engines and its configuration differs between them; one DOMPurify path with our URL
 * rules behaves the same everywhere.
 *
 * This module is a lazy chunk: `<article-section>` imports it only for html bodies, so the
 * ticker and markdown-only articles never load DOMPurify.
 */
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { html, noChange, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';
import { trustedHTML } from '../data/trusted.js';
import { safeUrl } from '../data/url.js';
import { bodyHeadingLevel, decodeEntities, linkRel, paragraphsTemplate, textParagraphs } from './text.js';

export interface HtmlOptions {
  /** The document's address: relative links and images resolve against it. */
  baseUrl?: string;
  /** The level of the heading above the body (the section's own); the body's sit below it. Default 3. */
  level?: number;
}

/** Elements kept (their attributes are checked separately); anything else is removed, its text kept. */
export const ALLOWED_TAGS: readonly string[] = [
  // text
  'p', 'br', 'wbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins',
  'mark', 'small', 'sub', 'sup', 'abbr', 'time', 'q', 'cite', 'bdi', 'span', 'div', 'hr',
  // links, lists, quotes, code
  'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code',
  // media
  'figure', 'figcaption', 'img', 'picture', 'source',
  // tables
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]; // prettier-ignore

/** Attributes kept on any allowed element (values checked in `checkAttribute`). */
export const ALLOWED_ATTR: readonly string[] = [
  'href', 'src', 'srcset', 'sizes', 'media', 'type', 'alt', 'title', 'width', 'height', 'cite',
  'datetime', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'value', 'dir', 'lang',
]; // prettier-ignore

/** Attributes whose value is a URL (or, for srcset, a list of them). */
const URL_ATTRS = new Set(['href', 'src', 'cite']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

let purifier: DOMPurify | undefined;
/** The document's address during one sanitize call (DOMPurify's hooks are synchronous). */
let currentBase: string | undefined;

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  ALLOWED_NAMESPACES: [HTML_NS],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // Removed elements whose content is not text a reader should see.
  ADD_FORBID_CONTENTS: [
    'textarea',
    'select',
    'option',
    'datalist',
    'button',
    'object',
    'embed',
    'canvas',
    'map',
  ],
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
  // DOMPurify parses through this "policy": our `akhbar` policy, so it never creates its own
  // (`dompurify`), which a strict page's `trusted-types` directive would refuse and report.
  TRUSTED_TYPES_POLICY: {
    createHTML: (input: string) => trustedHTML(input),
    createScriptURL: () => {
      throw new TypeError('akhbar: script URLs are never created');
    },
  } as unknown as Config['TRUSTED_TYPES_POLICY'],
};

function purify(): DOMPurify | undefined {
  if (purifier === undefined) {
    const instance = createDOMPurify(window);
    if (!instance.isSupported) return undefined;
    instance.addHook('uponSanitizeAttribute', checkAttribute);
    instance.addHook('afterSanitizeAttributes', finishElement);
    purifier = instance;
  }
  return purifier;
}

/** Rewrites or drops URL-valued and enumerated attributes. */
function checkAttribute(_node: Element, event: UponSanitizeAttributeHookEvent): void {
  const name = event.attrName;
  if (URL_ATTRS.has(name)) {
    const url = safeUrl(event.attrValue, currentBase);
    if (url === undefined || (name !== 'href' && url.startsWith('mailto:'))) event.keepAttr = false;
    else event.attrValue = url;
  } else if (name === 'srcset') {
    const srcset = safeSrcset(event.attrValue, currentBase);
    if (srcset === undefined) event.keepAttr = false;
    else event.attrValue = srcset;
  } else if (name === 'dir') {
    const dir = event.attrValue.trim().toLowerCase();
    if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') event.attrValue = dir;
    else event.keepAttr = false;
  }
}

/** Links get their `rel`, images their loading and referrer policy. */
function finishElement(node: Element): void {
  switch (node.localName) {
    case 'a': {
      const href = node.getAttribute('href');
      const rel = href === null ? undefined : linkRel(href);
      if (rel) node.setAttribute('rel', rel);
      break;
    }
    case 'img':
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
      break;
  }
}

/**
 * A `srcset` with every candidate URL made safe and resolved, or undefined when any
 * candidate is unsafe (then the whole attribute goes). Follows the HTML parsing rules: a URL
 * is a run of non-space characters (commas inside it are kept), descriptors run to a comma.
 */
export function safeSrcset(value: string, base?: string): string | undefined {
  const out: string[] = [];
  let position = 0;
  const length = value.length;
  while (position < length) {
    while (position < length && /[\s,]/.test(value[position]!)) position++;
    if (position >= length) break;
    let end = position;
    while (end < length && !/\s/.test(value[end]!)) end++;
    let url = value.slice(position, end);
    position = end;
    let descriptor = '';
    if (/,+$/.test(url)) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = position;
      while (position < length && (value[position] !== ',' || depth > 0)) {
        if (value[position] === '(') depth++;
        else if (value[position] === ')') depth = Math.max(0, depth - 1);
        position++;
      }
      descriptor = value.slice(start, position).trim();
    }
    const safe = safeUrl(url, base);
    if (safe === undefined || safe.startsWith('mailto:') || /\s|,$/.test(safe)) return undefined;
    // Descriptors are widths ("640w") or densities ("2x"), nothing else.
    if (descriptor && !/^\d+(?:\.\d+)?[wx]$/i.test(descriptor)) return undefined;
    out.push(descriptor ? `${safe} ${descriptor}` : safe);
  }
  return out.length ? out.join(', ') : undefined;
}

/**
 * The sanitized nodes of an HTML body, ready to insert; `undefined` when it cannot be
 * sanitized here (no DOMPurify support, or a page whose Trusted Types policy refuses the
 * `akhbar` policy): the caller then shows text.
 */
export function sanitizeHtml(source: string, options: HtmlOptions = {}): DocumentFragment | undefined {
  const instance = purify();
  if (!instance) return undefined;
  currentBase = options.baseUrl;
  try {
    const result = instance.sanitize(source, CONFIG) as unknown;
    if (!(result instanceof Node && result.nodeType === Node.DOCUMENT_FRAGMENT_NODE)) return undefined;
    const fragment = result as DocumentFragment;
    // As in markdown: a link whose address was refused is its text; an image without a
    // usable source is nothing. (After sanitizing, so the moved nodes were all checked.)
    for (const link of fragment.querySelectorAll('a:not([href])')) link.replaceWith(...link.childNodes);
    for (const el of fragment.querySelectorAll('img:not([src]):not([srcset]), source:not([srcset])'))
      el.remove();
    shiftHeadings(fragment, options.level ?? 3);
    return fragment;
  } catch {
    return undefined;
  } finally {
    currentBase = undefined;
  }
}

/**
 * Puts the body's headings below the section's (as in markdown): a WordPress post's `<h2>`
 * subheadings must not outrank the article title. The sanitized heading is replaced by one at
 * the new level, keeping its children and its (already checked) attributes.
 */
function shiftHeadings(fragment: DocumentFragment, level: number): void {
  const headings = [...fragment.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6')];
  if (headings.length === 0) return;
  const depthOf = (heading: Element) => Number(heading.localName[1]);
  const top = Math.min(...headings.map(depthOf));
  for (const heading of headings) {
    const name = `h${bodyHeadingLevel(depthOf(heading), top, level)}`;
    if (name === heading.localName) continue;
    const shifted = heading.ownerDocument.createElement(name);
    for (const attr of heading.attributes) shifted.setAttribute(attr.name, attr.value);
    shifted.append(...heading.childNodes);
    heading.replaceWith(shifted);
  }
}

/** Text paragraphs of an HTML body without parsing it: the last resort when sanitizing is impossible. */
function plainFallback(source: string): TemplateResult {
  const text = source
    .replace(/<(script|style|template|textarea|title|noscript|svg|math)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|blockquote|figure|tr)\s*>/gi, '\n\n')
    .replace(/<[^>]*>?/g, ' ');
  return paragraphsTemplate(textParagraphs(decodeEntities(text)));
}

class SanitizedHtmlDirective extends Directive {
  #source?: string;
  #base?: string;
  #level?: number;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('sanitizedHtml() only binds to child content');
  }

  render(source: string, baseUrl?: string, level?: number): unknown {
    return sanitizeHtml(source, { baseUrl, level }) ?? plainFallback(source);
  }

  override update(
    _part: unknown,
    [source, baseUrl, level]: [string, string | undefined, number | undefined],
  ): unknown {
    // The same body: the nodes inserted last time stay (a fragment empties itself on insertion).
    if (source === this.#source && baseUrl === this.#base && level === this.#level) return noChange;
    this.#source = source;
    this.#base = baseUrl;
    this.#level = level;
    return this.render(source, baseUrl, level);
  }
}

/** Child content: the sanitized nodes of `source`, re-sanitized only when it, `baseUrl` or `level` change. */
export const sanitizedHtml = directive(SanitizedHtmlDirective);

/** An HTML body as a template: sanitized nodes (or, when sanitizing is impossible, its text). */
export function renderHtml(source: string, options: HtmlOptions = {}): TemplateResult {
  return html`${sanitizedHtml(source, options.baseUrl, options.level)}`;
}
