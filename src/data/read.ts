/**
 * The first-load reader: what every page needs, in the bundle. JSON text from an attribute or
 * a script child, UTF-8 JSON bytes from a URL, and the own format (also inside a page document
 * and as a bare array of items). Anything else (feeds: RSS, Atom, JSON Feed, WordPress,
 * JSON-LD; XML and legacy encodings) is read by parse.ts, a chunk loaded on first need: the
 * readers below then return a promise. Every failure is a DataError whose message names the
 * place (`ticker.items[0].title must be a string`).
 */

import type { TickerData, TickerItem } from './types.js';
import { DataError } from './error.js';
import { collapse, compact, parseDate } from './fields.js';
import { isFeed } from './feeds/detect.js';
import { isObject, type JsonObject } from './feeds/json.js';
import { safeUrl } from './url.js';

type Formats = typeof import('./parse.js');

/** Larger responses are refused before decoding: no news document comes near. */
export const MAX_BYTES = 10 * 1024 * 1024;

let formats: Formats | undefined;
let formatsLoading: Promise<Formats> | undefined;

/** The feed readers (parse.ts): at once when they are here, else a promise of them. */
export function withFormats<T>(use: (module: Formats) => T): T | Promise<T> {
  if (formats) return use(formats);
  formatsLoading ??= import('./parse.js').then(
    (module) => (formats = module),
    (cause: unknown) => {
      formatsLoading = undefined; // a later document may try again
      throw new DataError(`the feed reader could not be loaded: ${reason(cause)}`, { cause });
    },
  );
  return formatsLoading.then(use);
}

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
 * content; `contentType` only hints at the charset. UTF-8 JSON is read here, at once; anything
 * else (XML, a BOM or charset other than UTF-8, bytes that are not UTF-8) by parse.ts's
 * `parseBytes`, loaded for it (the result is then a promise), which gives the very same result
 * for the JSON read here (test/data/read.test.ts compares them).
 */
export function readBytes(bytes: Uint8Array, contentType: string | null, url: string): unknown {
  const where = url || 'the response';
  const charset = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.byteLength <= MAX_BYTES && (!charset || /^utf-?8$/i.test(charset)) && bytes[bom] !== 0x3c) {
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(bom) : bytes);
    } catch {
      // Not UTF-8: parseBytes guesses the encoding.
    }
    text = text?.replace(/^\ufeff/, '').trim();
    if (text === '') throw new DataError(`${where} is empty`);
    if (text !== undefined && !text.startsWith('<')) return responseJson(text, where);
  }
  return withFormats((module) => module.parseBytes(bytes, contentType, url));
}

/**
 * A response's text that is not markup, as JSON. Broken JSON and text that is no JSON at all
 * (a plain-text page) get different messages, both naming `where`.
 */
export function responseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (/^[[{]/.test(text))
      throw new DataError(`${where} is not valid JSON: ${reason(error)}`, { cause: error });
    throw new DataError(`${where} is neither JSON nor a feed (plain text?)`);
  }
}

/**
 * The part of `doc` an element reads (the document, or a page document's `ticker` or
 * `article`), and whether it is a feed (read by parse.ts). A feed is tested first: a page
 * document holds `ticker` and/or `article` and is neither of them itself.
 */
export function locate(doc: unknown, part: 'ticker' | 'article'): { doc: unknown; feed: boolean } {
  if (isFeed(doc)) return { doc, feed: true };
  if (isPage(doc)) {
    const inner = doc[part];
    if (inner == null) throw new DataError(`the page document has no ${part}`, { path: part });
    return { doc: inner, feed: isFeed(inner) };
  }
  return { doc, feed: false };
}

/** A page document holds `ticker` and/or `article`, and is neither of them itself. */
function isPage(doc: unknown): doc is JsonObject {
  return isObject(doc) && ('ticker' in doc || 'article' in doc) && !('items' in doc) && !('title' in doc);
}

/**
 * Any accepted document -> TickerData (see parse.ts `toTicker`): at once for the own format,
 * a promise when a feed reader has to load first.
 */
export function readTicker(doc: unknown, baseUrl?: string): TickerData | Promise<TickerData> {
  return guard('the ticker data', () => {
    const found = locate(doc, 'ticker');
    return found.feed
      ? withFormats((module) => module.toTicker(found.doc, baseUrl))
      : ownTicker(found.doc, baseUrl);
  });
}

// The own format. A wrong type is an error naming its path; a value that cannot be shown
// (an unsafe link, an unreadable date) is left out.

export function ownTicker(doc: unknown, baseUrl: string | undefined): TickerData {
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

/** The required title (or name): a non-empty string, whitespace collapsed. */
export function title(doc: JsonObject, path: string, key = 'title'): string {
  const value = doc[key];
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be a string');
  const text = collapse(value);
  if (!text) fail(`${path}.${key}`, 'must not be empty');
  return text;
}

export function optString(doc: JsonObject, key: string, path: string): string | undefined {
  const value = doc[key];
  if (value == null) return undefined; // JSON writes a missing value as null too
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be a string');
  return value;
}

export function optText(doc: JsonObject, key: string, path: string): string | undefined {
  return collapse(optString(doc, key, path) ?? '') || undefined;
}

export function optId(doc: JsonObject, path: string): string | undefined {
  const id = doc['id'];
  if (id == null) return undefined;
  if (typeof id !== 'string' && typeof id !== 'number') fail(`${path}.id`, 'must be a string or a number');
  return String(id);
}

export function fail(path: string, problem: string): never {
  throw new DataError(`${path} ${problem}`, { path });
}

export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `read`, turning anything it throws into a DataError: bad input never escapes as a TypeError. */
export function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`could not read ${what}: ${reason(error)}`, { cause: error });
  }
}
