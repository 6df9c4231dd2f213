/** Atom 1.0, also prefixed (`<a:feed>`) or without a namespace, and Atom 0.3. */

import type { ArticleData, ImageData, SectionData } from '../types.js';
import { isAbsolute, safeUrl } from '../url.js';
import {
  MAX_ITEMS,
  childNamed,
  childrenNamed,
  compact,
  imageData,
  mediaImage,
  person,
  serialize,
  tagList,
  textOf,
  xmlBase,
  xmlLang,
  type Feed,
  type FeedItem,
} from './feed.js';
import { cleanText, htmlSection, langTag, parseDate, plainText } from './text.js';

export function readAtom(doc: Document, baseUrl?: string): Feed {
  const feed = doc.documentElement;
  let base = xmlBase(feed, baseUrl);
  // Without an address to resolve against, the feed's own absolute rel=self link serves.
  const self = safeUrl(link(feed, 'self')?.getAttribute('href'), base);
  if (!isAbsolute(base) && isAbsolute(self)) base = self;
  const title = textConstruct(childNamed(feed, 'title'));
  const home = safeUrl(link(feed, 'alternate')?.getAttribute('href'), base);
  const lang = langTag(xmlLang(feed));
  const source = title ? compact({ name: title, url: home }) : undefined;
  const feedAuthor = childNamed(feed, 'author');

  const items = childrenNamed(feed, 'entry')
    .slice(0, MAX_ITEMS)
    .map((entry): FeedItem => {
      const entryBase = xmlBase(entry, base);
      const alternate = link(entry, 'alternate');
      const url = safeUrl(alternate?.getAttribute('href'), xmlBase(alternate, entryBase));
      const id = textOf(childNamed(entry, 'id'));
      const date = (...names: string[]) =>
        names.map((name) => parseDate(textOf(childNamed(entry, name)))).find(Boolean);
      const published = date('published', 'issued', 'created');
      const updated = date('updated', 'modified');
      const head = compact({
        title: textConstruct(childNamed(entry, 'title')),
        url,
        id: id ?? url,
        time: published ?? updated,
      });

      const article = (): ArticleData => {
        const summaryEl = childNamed(entry, 'summary');
        const content = body(childNamed(entry, 'content'), entryBase);
        const authorEl = childNamed(entry, 'author') ?? feedAuthor;
        const authorUrl = childNamed(authorEl, 'uri') ?? childNamed(authorEl, 'url');
        const section = content ?? body(summaryEl, entryBase);
        return compact({
          title: head.title ?? '',
          url,
          id: head.id,
          published,
          updated,
          lead: content ? textConstruct(summaryEl) : undefined,
          author: person(
            textOf(childNamed(authorEl, 'name')),
            textOf(authorUrl),
            xmlBase(authorEl, entryBase),
          ),
          source,
          image: enclosureImage(entry, entryBase) ?? mediaImage(entry, entryBase),
          sections: section ? [section] : [],
          tags: tagList(
            childrenNamed(entry, 'category').map((el) => el.getAttribute('label') ?? el.getAttribute('term')),
          ),
          lang: langTag(xmlLang(entry)) ?? lang,
        });
      };
      return { ...head, article };
    });
  return compact({ title, lang, items });
}

/** The first link with this rel (a link without rel is "alternate"), HTML first. */
function link(parent: Element, rel: string): Element | undefined {
  const links = childrenNamed(parent, 'link').filter((el) => (el.getAttribute('rel') ?? 'alternate') === rel);
  return links.find((el) => /html/.test(el.getAttribute('type') ?? 'html')) ?? links[0];
}

/** A text construct (title, summary) as plain text: type text is already plain, html and xhtml are not. */
function textConstruct(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const type = el.getAttribute('type') ?? '';
  if (el.firstElementChild) return cleanText(el.textContent); // inline XHTML
  if (/html/i.test(type) || el.getAttribute('mode') === 'escaped') return plainText(el.textContent);
  return cleanText(el.textContent);
}

/** Content or summary as a section: html and xhtml as HTML, text as text, anything else skipped. */
function body(el: Element | undefined, base: string | undefined): SectionData | undefined {
  if (!el || el.hasAttribute('src') || el.getAttribute('mode') === 'base64') return undefined;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const elBase = xmlBase(el, base);
  if (el.firstElementChild) {
    // Inline XHTML: the content is what the wrapping div holds.
    const div =
      el.children.length === 1 && el.firstElementChild.localName === 'div' ? el.firstElementChild : el;
    return htmlSection(serialize(div.childNodes), xmlBase(div, elBase));
  }
  if (/html/.test(type) || el.getAttribute('mode') === 'escaped')
    return htmlSection(el.textContent ?? '', elBase);
  const text = el.textContent?.trim();
  return text && /^text(?:\/plain)?$/.test(type) ? { body: text, format: 'text' } : undefined;
}

function enclosureImage(entry: Element, base: string | undefined): ImageData | undefined {
  const el = childrenNamed(entry, 'link').find(
    (el) => el.getAttribute('rel') === 'enclosure' && el.getAttribute('type')?.startsWith('image/'),
  );
  const src = safeUrl(el?.getAttribute('href'), xmlBase(el, base));
  return src ? imageData(src) : undefined;
}
