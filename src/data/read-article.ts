/**
 * The first-load reader of articles (see read.ts): the own format at once, a feed's item once
 * the feed readers have loaded. Apart from read.ts so that the ticker alone never ships it.
 */

import type { ArticleData, ImageData, Person, SectionData } from './types.js';
import { collapse, compact, parseDate } from './fields.js';
import { isObject, type JsonObject } from './feeds/json.js';
import { fail, guard, locate, optId, optString, optText, title, withFormats } from './read.js';
import { safeUrl } from './url.js';

/** Any accepted document -> ArticleData (see parse.ts `toArticle`), at once or as a promise. */
export function readArticle(
  doc: unknown,
  options: { item?: string; baseUrl?: string } = {},
): ArticleData | Promise<ArticleData> {
  return guard('the article data', () => {
    const found = locate(doc, 'article');
    return found.feed
      ? withFormats((module) => module.toArticle(found.doc, options))
      : ownArticle(found.doc, 'article', options.baseUrl);
  });
}

export function ownArticle(doc: unknown, path: string, baseUrl: string | undefined): ArticleData {
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

/** A markdown body split into sections at its "## " headings (not inside code fences). */
export function splitBody(body: string): SectionData[] {
  const sections: SectionData[] = [];
  let current: SectionData = { body: '' };
  let fence: string | undefined;
  const push = () => {
    current.body = current.body.replace(/^\s*\n|\s+$/g, '');
    if (current.heading !== undefined || current.body) sections.push(current);
  };
  for (const line of body.split(/\r\n?|\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
    }
    const heading = fence ? undefined : /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1];
    if (heading !== undefined) {
      push();
      current = { heading, body: '' };
    } else {
      current.body += `${line}\n`;
    }
  }
  push();
  return sections;
}
