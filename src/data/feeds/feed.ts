/** What every adapter produces, and the XML helpers they share. */

import type { ArticleData, ImageData, Person } from '../types.js';
import { restoreQuieted } from '../trusted.js';
import { isAbsolute, safeUrl } from '../url.js';
import { compact } from '../fields.js';
import { cleanText, collapse } from './text.js';

export { compact };

/** One item of a feed: what the ticker needs at once, the whole article on demand. */
export interface FeedItem {
  /** Plain text; items without one are read but never shown. */
  title?: string;
  url?: string;
  id?: string;
  /** ISO 8601: when it was published, else last updated. */
  time?: string;
  /** The full article: bodies are only parsed for the one article that is shown. */
  article(): ArticleData;
}

export interface Feed {
  title?: string;
  lang?: string;
  items: FeedItem[];
}

/** No feed item past this is read: a guard against huge documents, far above any real feed. */
export const MAX_ITEMS = 500;

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** The child elements of `parent` named `name` in namespace `ns` (by default the parent's own). */
export function childrenNamed(
  parent: Element | undefined,
  name: string,
  ns = parent?.namespaceURI ?? null,
): Element[] {
  const found: Element[] = [];
  for (const el of parent?.children ?? []) {
    if (el.localName === name && el.namespaceURI === ns) found.push(el);
  }
  return found;
}

export function childNamed(
  parent: Element | undefined,
  name: string,
  ns = parent?.namespaceURI ?? null,
): Element | undefined {
  for (const el of parent?.children ?? []) {
    if (el.localName === name && el.namespaceURI === ns) return el;
  }
  return undefined;
}

/** The trimmed text of an element, or undefined when it has none. */
export function textOf(el: Element | undefined): string | undefined {
  return el?.textContent?.trim() || undefined;
}

let serializer: XMLSerializer | undefined;

/** Markup as text: the nodes serialized, without the namespace declarations XML adds. */
export function serialize(nodes: Iterable<Node>): string {
  serializer ??= new XMLSerializer();
  let out = '';
  for (const node of nodes) out += serializer.serializeToString(node);
  // The feed was parsed quieted (data/trusted.ts): give its attributes their names back.
  return restoreQuieted(out).replace(/ xmlns(?::\w+)?="[^"]*"/g, '');
}

/**
 * The HTML an element holds: its text, which is HTML source once XML has decoded it
 * (escaped or in CDATA), and any child elements written as inline markup.
 */
export function htmlOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  if (!el.firstElementChild) return el.textContent ?? undefined;
  let out = '';
  for (const node of el.childNodes)
    out += node.nodeType === Node.ELEMENT_NODE ? serialize([node]) : (node.textContent ?? '');
  return out;
}

/** `base` with the element's own xml:base applied. */
export function xmlBase(el: Element | undefined, base: string | undefined): string | undefined {
  const own = el?.getAttributeNS(XML_NS, 'base')?.trim();
  if (!own) return base;
  const resolved = safeUrl(own, base);
  return isAbsolute(resolved) ? resolved : base;
}

/** The xml:lang in scope at `el`. */
export function xmlLang(el: Element | null | undefined): string | undefined {
  for (let node = el; node; node = node.parentElement) {
    const lang = node.getAttributeNS(XML_NS, 'lang');
    if (lang) return lang;
  }
  return undefined;
}

/** A person from a name and link; an e-mail address alone is not shown as a name. */
export function person(name: string | undefined, url?: string, base?: string): Person | undefined {
  // RSS writes "editor@example.com (Jane Doe)".
  const text = cleanText(/\(([^)]+)\)\s*$/.exec(name ?? '')?.[1] ?? name);
  if (!text || /^\S+@\S+$/.test(text)) return undefined;
  return compact({ name: text, url: safeUrl(url, base) });
}

/** The first image among Media RSS content and thumbnails (also inside media:group). */
export function mediaImage(item: Element, base: string | undefined): ImageData | undefined {
  for (const name of ['content', 'thumbnail']) {
    for (const el of item.getElementsByTagNameNS(MEDIA_NS, name)) {
      const type = el.getAttribute('medium') ?? el.getAttribute('type') ?? 'image';
      const src = type.startsWith('image') ? safeUrl(el.getAttribute('url'), base) : undefined;
      if (src) return imageData(src, el.getAttribute('width'), el.getAttribute('height'));
    }
  }
  return undefined;
}

export function imageData(
  src: string,
  width?: unknown,
  height?: unknown,
  alt?: string,
  caption?: string,
): ImageData {
  const size = (value: unknown) => {
    const n = Number(value);
    return value !== null && value !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return compact({ src, alt, caption, width: size(width), height: size(height) });
}

/** Unique, non-empty tags in order. */
export function tagList(values: Iterable<string | null | undefined>): string[] | undefined {
  const tags = new Set<string>();
  for (const value of values) {
    const tag = value && collapse(value);
    if (tag) tags.add(tag);
  }
  return tags.size ? [...tags] : undefined;
}
