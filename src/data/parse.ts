/**
 * Unknown input -> the typed data. Everything that reads a document ends here: JSON from an
 * attribute or a script child, bytes from a URL, and the formats detected in them (the own
 * format, page documents, JSON Feed, WordPress, JSON-LD, RSS, Atom). Every failure is a
 * DataError, whose message names the place (`ticker.items[0].title must be a string`).
 */

import type { ArticleData, ImageData, Person, SectionData, TickerData, TickerItem } from './types.js';
import { DataError } from './error.js';
import { decodeBytes, parseXml } from './decode.js';
import { safeUrl } from './url.js';
import { compact, type Feed } from './feeds/feed.js';
import { collapse, parseDate, splitBody } from './feeds/text.js';
import { isObject, type JsonObject } from './feeds/json.js';
import { readAtom } from './feeds/atom.js';
import { readRss } from './feeds/rss.js';
import { isJsonFeed, readJsonFeed } from './feeds/jsonfeed.js';
import { isWordPressPost, readWordPress } from './feeds/wordpress.js';
import { isJsonLd, readJsonLd } from './feeds/jsonld.js';

export { DataError };

/** Larger responses are refused before decoding: no news document comes near. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Parses a JSON string from the `json` attribute or an inline script child. `origin` names it
 * in messages, e.g. 'json attribute'.
 */
export function parseJsonText(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${origin} is not valid JSON: ${reason(error)}`, { cause: error });
  }
}

/**
 * Bytes fetched from `url` -> a JSON value or an XML Document (a feed), detected from the
 * content; `contentType` only hints at the charset.
 */
export function parseBytes(
  bytes: ArrayBuffer | Uint8Array,
  contentType: string | null,
  url: string,
): unknown {
  const where = url || 'the response';
  return guard(where, () => {
    if (bytes.byteLength > MAX_BYTES)
      throw new DataError(`${where} is too large (${bytes.byteLength} bytes)`);
    const text = decodeBytes(bytes, contentType)
      .replace(/^\ufeff/, '')
      .trim();
    if (!text) throw new DataError(`${where} is empty`);
    if (!text.startsWith('<')) {
      try {
        return JSON.parse(text);
      } catch (error) {
        if (/^[[{]/.test(text))
          throw new DataError(`${where} is not valid JSON: ${reason(error)}`, { cause: error });
        throw new DataError(`${where} is neither JSON nor a feed (plain text?)`);
      }
    }
    // The first element, past the XML declaration, comments and a doctype.
    const head = text.slice(0, 65536);
    const start = head.slice(/^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(head)![0].length);
    const root = /^(?:<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>(?:\s|<!--[\s\S]*?-->)*)?<([a-z_][\w.:-]*)/i.exec(
      start,
    )?.[1];
    if (/^<!doctype\s+html/i.test(start) || /^(?:html|head|body|meta|title|script|div)$/i.test(root ?? '')) {
      throw new DataError(`${where} looks like an HTML page, not a feed`);
    }
    if (!/^(?:[\w.-]+:)?(?:rss|RDF|feed)$/.test(root ?? '')) {
      throw new DataError(`${where} is XML but not a feed${root ? ` (its root is <${root}>)` : ''}`);
    }
    const doc = parseXml(text, where);
    feedReader(doc); // not a feed after all (say <rdf:RDF> without a channel): an error now, not later
    return doc;
  });
}

/**
 * Any accepted document -> TickerData: the own format `{ label?, items }`, a bare array of
 * items, a page document `{ ticker, article }`, JSON Feed, WordPress posts, schema.org JSON-LD,
 * or an XML Document from parseBytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0). `baseUrl`, the
 * document's address, resolves relative links.
 */
export function toTicker(doc: unknown, baseUrl?: string): TickerData {
  return guard('the ticker data', () => ticker(doc, baseUrl, true));
}

/**
 * The same inputs -> ArticleData: the own format (a markdown `body` split into sections at its
 * "## " lines, and/or `sections`), a page document's `article`, or the first item of a feed
 * with a title (or the one whose id or url equals `options.item`).
 */
export function toArticle(doc: unknown, options: { item?: string; baseUrl?: string } = {}): ArticleData {
  return guard('the article data', () => article(doc, options, true));
}

function ticker(doc: unknown, baseUrl: string | undefined, top: boolean): TickerData {
  const feed = readFeed(doc, baseUrl);
  if (feed) {
    const items = feed.items.filter((item) => item.title);
    return compact({
      lang: feed.lang,
      items: items.map(({ title, url, time, id }) => compact({ title: title!, url, time, id })),
    });
  }
  if (top && isPage(doc)) {
    if (doc['ticker'] == null) throw new DataError('the page document has no ticker', { path: 'ticker' });
    return ticker(doc['ticker'], baseUrl, false);
  }
  return ownTicker(doc, baseUrl);
}

function article(doc: unknown, options: { item?: string; baseUrl?: string }, top: boolean): ArticleData {
  const feed = readFeed(doc, options.baseUrl);
  if (feed) return pick(feed, options.item, options.baseUrl);
  if (top && isPage(doc)) {
    if (doc['article'] == null) throw new DataError('the page document has no article', { path: 'article' });
    return article(doc['article'], options, false);
  }
  return ownArticle(doc, 'article', options.baseUrl);
}

/** A page document holds `ticker` and/or `article`, and is neither of them itself. */
function isPage(doc: unknown): doc is JsonObject {
  return isObject(doc) && ('ticker' in doc || 'article' in doc) && !('items' in doc) && !('title' in doc);
}

function pick(feed: Feed, item: string | undefined, baseUrl: string | undefined): ArticleData {
  const items = feed.items.filter((entry) => entry.title);
  const url = item && safeUrl(item, baseUrl);
  const found = item
    ? items.find((entry) => entry.id === item || entry.url === item || entry.url === url)
    : items[0];
  if (!found) throw new DataError(item ? `the feed has no item "${item}"` : 'the feed has no items');
  const data = found.article();
  if (feed.lang) data.lang ??= feed.lang;
  return data;
}

/** The adapter for a feed, or undefined when `doc` is not one. */
function readFeed(doc: unknown, baseUrl: string | undefined): Feed | undefined {
  if (typeof Document !== 'undefined' && doc instanceof Document) return feedReader(doc)(doc, baseUrl);
  const first: unknown = Array.isArray(doc) ? doc[0] : doc;
  if (isWordPressPost(first)) return readWordPress(doc, baseUrl);
  if (isJsonLd(first)) return readJsonLd(doc, baseUrl);
  if (isObject(doc) && isJsonFeed(doc)) return readJsonFeed(doc, baseUrl);
  return undefined;
}

function feedReader(doc: Document): (doc: Document, baseUrl?: string) => Feed {
  const root = doc.documentElement;
  const name = root?.localName;
  if (name === 'feed') return readAtom;
  if (name === 'rss' || (name === 'RDF' && [...root!.children].some((el) => el.localName === 'channel')))
    return readRss;
  if (root?.namespaceURI === 'http://www.w3.org/1999/xhtml')
    throw new DataError('the document is an HTML page, not a feed');
  throw new DataError(`the XML document is not a feed (its root is <${root?.nodeName ?? ''}>)`);
}

// The own format. A wrong type is an error naming its path; a value that cannot be shown
// (an unsafe link, an unreadable date) is left out.

function ownTicker(doc: unknown, baseUrl: string | undefined): TickerData {
  const path = 'ticker';
  if (Array.isArray(doc)) return { items: doc.map((item, i) => ownItem(item, `${path}[${i}]`, baseUrl)) };
  if (!isObject(doc)) fail(path, 'must be an object or an array');
  const items = doc['items'];
  if (!Array.isArray(items)) fail(`${path}.items`, 'must be an array');
  return compact({
    label: optText(doc, 'label', path),
    items: items.map((item, i) => ownItem(item, `${path}.items[${i}]`, baseUrl)),
    lang: optText(doc, 'lang', path),
  });
}

function ownItem(item: unknown, path: string, baseUrl: string | undefined): TickerItem {
  if (!isObject(item)) fail(path, 'must be an object');
  return compact({
    title: title(item, path),
    url: safeUrl(optString(item, 'url', path), baseUrl),
    time: parseDate(optString(item, 'time', path)),
    id: optId(item, path),
  });
}

function ownArticle(doc: unknown, path: string, baseUrl: string | undefined): ArticleData {
  if (!isObject(doc)) fail(path, 'must be an object');
  const body = optString(doc, 'body', path);
  const dir = optString(doc, 'dir', path);
  if (dir !== undefined && dir !== 'rtl' && dir !== 'ltr') fail(`${path}.dir`, 'must be "rtl" or "ltr"');
  return compact({
    title: title(doc, path),
    kicker: optText(doc, 'kicker', path),
    published: parseDate(optString(doc, 'published', path)),
    updated: parseDate(optString(doc, 'updated', path)),
    lead: optText(doc, 'lead', path),
    author: ownPerson(doc, 'author', path, baseUrl),
    source: ownPerson(doc, 'source', path, baseUrl),
    image: ownImage(doc, path, baseUrl),
    // A body and sections may come together: the body first.
    sections: [...(body === undefined ? [] : splitBody(body)), ...ownSections(doc, path)],
    tags: ownTags(doc, path),
    url: safeUrl(optString(doc, 'url', path), baseUrl),
    id: optId(doc, path),
    lang: optText(doc, 'lang', path),
    dir,
  });
}

function ownSections(doc: JsonObject, parent: string): SectionData[] {
  const path = `${parent}.sections`;
  const sections = doc['sections'];
  if (sections == null) return [];
  if (!Array.isArray(sections)) fail(path, 'must be an array');
  return sections.map((section, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(section)) fail(at, 'must be an object');
    const body = section['body'];
    if (typeof body !== 'string') fail(`${at}.body`, 'must be a string');
    const format = optString(section, 'format', at);
    if (format !== undefined && format !== 'markdown' && format !== 'text' && format !== 'html') {
      fail(`${at}.format`, 'must be "markdown", "text" or "html"');
    }
    return compact({ heading: optText(section, 'heading', at), body, format });
  });
}

/** A name, or `{ name, url? }`. */
function ownPerson(
  doc: JsonObject,
  key: string,
  parent: string,
  baseUrl: string | undefined,
): Person | undefined {
  const value = doc[key];
  const path = `${parent}.${key}`;
  if (value == null) return undefined;
  if (typeof value === 'string') return collapse(value) ? { name: collapse(value) } : undefined;
  if (!isObject(value)) fail(path, 'must be a string or an object with a name');
  return compact({ name: title(value, path, 'name'), url: safeUrl(optString(value, 'url', path), baseUrl) });
}

/** `{ src, alt?, caption?, credit?, width?, height? }`, or just the src; an unsafe src drops the image. */
function ownImage(doc: JsonObject, parent: string, baseUrl: string | undefined): ImageData | undefined {
  const value = doc['image'];
  const path = `${parent}.image`;
  if (value == null) return undefined;
  if (typeof value === 'string') return ((src) => (src ? { src } : undefined))(safeUrl(value, baseUrl));
  if (!isObject(value)) fail(path, 'must be an object or a URL');
  const src = value['src'];
  if (typeof src !== 'string') fail(`${path}.src`, 'must be a string');
  const size = (key: string) => {
    const n = value[key];
    if (n == null) return undefined;
    if (typeof n !== 'number' || !(n > 0)) fail(`${path}.${key}`, 'must be a positive number');
    return n;
  };
  const image = compact({
    src: safeUrl(src, baseUrl)!,
    alt: optString(value, 'alt', path),
    caption: optText(value, 'caption', path),
    credit: optText(value, 'credit', path),
    width: size('width'),
    height: size('height'),
  });
  return image.src ? image : undefined;
}

function ownTags(doc: JsonObject, parent: string): string[] | undefined {
  const path = `${parent}.tags`;
  const tags = doc['tags'];
  if (tags == null) return undefined;
  if (!Array.isArray(tags)) fail(path, 'must be an array');
  return tags
    .map((tag, i) => {
      if (typeof tag !== 'string') fail(`${path}[${i}]`, 'must be a string');
      return collapse(tag);
    })
    .filter(Boolean);
}

/** The required title (or name): a non-empty string, whitespace collapsed. */
function title(doc: JsonObject, path: string, key = 'title'): string {
  const value = doc[key];
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be a string');
  const text = collapse(value);
  if (!text) fail(`${path}.${key}`, 'must not be empty');
  return text;
}

function optString(doc: JsonObject, key: string, path: string): string | undefined {
  const value = doc[key];
  if (value == null) return undefined; // JSON writes a missing value as null too
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be a string');
  return value;
}

function optText(doc: JsonObject, key: string, path: string): string | undefined {
  return collapse(optString(doc, key, path) ?? '') || undefined;
}

function optId(doc: JsonObject, path: string): string | undefined {
  const id = doc['id'];
  if (id == null) return undefined;
  if (typeof id !== 'string' && typeof id !== 'number') fail(`${path}.id`, 'must be a string or a number');
  return String(id);
}

function fail(path: string, problem: string): never {
  throw new DataError(`${path} ${problem}`, { path });
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `read`, turning anything it throws into a DataError: bad input never escapes as a TypeError. */
function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`could not read ${what}: ${reason(error)}`, { cause: error });
  }
}
