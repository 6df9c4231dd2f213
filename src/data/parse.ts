/**
 * Unknown input -> the typed data, every accepted format. Everything that reads a document
 * ends here or in read.ts: JSON from an attribute or a script child, bytes from a URL, and the
 * formats detected in them (the own format, page documents, JSON Feed, WordPress, JSON-LD, RSS,
 * Atom). Every failure is a DataError, whose message names the place
 * (`ticker.items[0].title must be a string`).
 *
 * The elements import read.ts, which reads the own format at once and loads this module (a
 * lazy chunk with the feed adapters and the XML decoder) only for a document that needs it.
 * Everything here is synchronous.
 */

import type { ArticleData, TickerData } from './types.js';
import { DataError } from './error.js';
import { decodeBytes, parseXml } from './decode.js';
import { safeUrl } from './url.js';
import { compact } from './fields.js';
import { MAX_BYTES, guard, locate, ownTicker, responseJson } from './read.js';
import { ownArticle } from './read-article.js';
import type { Feed } from './feeds/feed.js';
import { isObject } from './feeds/json.js';
import { readAtom } from './feeds/atom.js';
import { readRss } from './feeds/rss.js';
import { isJsonFeed, readJsonFeed } from './feeds/jsonfeed.js';
import { isWordPressPost, readWordPress } from './feeds/wordpress.js';
import { isJsonLd, readJsonLd } from './feeds/jsonld.js';

export { DataError };
export { parseJsonText } from './read.js';

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
    if (!text.startsWith('<')) return responseJson(text, where);
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
  return guard('the ticker data', () => {
    const found = locate(doc, 'ticker');
    if (!found.feed) return ownTicker(found.doc, baseUrl);
    const feed = readFeed(found.doc, baseUrl)!;
    const items = feed.items.filter((item) => item.title);
    return compact({
      lang: feed.lang,
      items: items.map(({ title, url, time, id }) => compact({ title: title!, url, time, id })),
    });
  });
}

/**
 * The same inputs -> ArticleData: the own format (a markdown `body` split into sections at its
 * "## " lines, and/or `sections`), a page document's `article`, or the first item of a feed
 * with a title (or the one whose id or url equals `options.item`).
 */
export function toArticle(doc: unknown, options: { item?: string; baseUrl?: string } = {}): ArticleData {
  return guard('the article data', () => {
    const found = locate(doc, 'article');
    return found.feed
      ? pick(readFeed(found.doc, options.baseUrl)!, options.item, options.baseUrl)
      : ownArticle(found.doc, 'article', options.baseUrl);
  });
}

function pick(feed: Feed, item: string | undefined, baseUrl: string | undefined): ArticleData {
  const items = feed.items.filter((entry) => entry.title);
  const url = item && safeUrl(item, baseUrl);
  const found = item
    ? items.find((entry) => entry.id === item || entry.url === item || entry.url === url)
    : items[0];
  if (!found && item) throw new DataError(`the feed has no item "${item}"`);
  // A well-formed feed with no items is the empty state, not an error (the contract).
  if (!found) return { title: '', sections: [], ...(feed.lang ? { lang: feed.lang } : {}) };
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
