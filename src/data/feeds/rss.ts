/** RSS 0.9x and 2.0 (`<rss>`), RSS 0.90 and 1.0 (`<rdf:RDF>`). */

import type { ArticleData, ImageData } from '../types.js';
import { isAbsolute, safeUrl } from '../url.js';
import {
  ATOM_NS,
  CONTENT_NS,
  DC_NS,
  MAX_ITEMS,
  RDF_NS,
  childNamed,
  childrenNamed,
  compact,
  htmlOf,
  imageData,
  mediaImage,
  person,
  tagList,
  textOf,
  xmlBase,
  xmlLang,
  type Feed,
  type FeedItem,
} from './feed.js';
import { cleanText, htmlSection, langTag, parseDate, plainText } from './text.js';

export function readRss(doc: Document, baseUrl?: string): Feed {
  const root = doc.documentElement;
  const channel = [...root.children].find((el) => el.localName === 'channel');
  if (!channel) return { items: [] }; // <rss/>: a feed with nothing in it
  const ns = channel.namespaceURI;
  const title = plainText(htmlOf(childNamed(channel, 'title')));
  const lang = langTag(
    textOf(childNamed(channel, 'language')) ??
      textOf(childNamed(channel, 'language', DC_NS)) ??
      xmlLang(channel),
  );

  // Relative links resolve against xml:base when the feed declares one, else the channel link,
  // else the feed's own address (its atom:link rel=self, or where it was fetched from).
  let base = xmlBase(channel, xmlBase(root, baseUrl));
  const declaresBase = base !== baseUrl;
  const self = childrenNamed(channel, 'link', ATOM_NS).find((el) => el.getAttribute('rel') === 'self');
  const selfUrl = safeUrl(self?.getAttribute('href'), base);
  if (!isAbsolute(base) && isAbsolute(selfUrl)) base = selfUrl;
  const link = safeUrl(textOf(childNamed(channel, 'link')), base);
  const itemBase = !declaresBase && isAbsolute(link) ? link : base;
  const source = title ? compact({ name: title, url: link }) : undefined;

  const elements = [...childrenNamed(root, 'item', ns), ...childrenNamed(channel, 'item')].slice(
    0,
    MAX_ITEMS,
  );
  const items = elements.map((item): FeedItem => {
    const base = xmlBase(item, itemBase);
    const guidEl = childNamed(item, 'guid');
    const guid = textOf(guidEl);
    const about = item.getAttributeNS(RDF_NS, 'about') || undefined;
    // A guid is the link only when it is a URL and not marked otherwise.
    const permalink = guidEl?.getAttribute('isPermaLink') !== 'false' && isAbsolute(guid) ? guid : undefined;
    const url = safeUrl(
      textOf(childNamed(item, 'link')) ?? permalink ?? (isAbsolute(about) ? about : undefined),
      base,
    );
    const titleEl = childNamed(item, 'title') ?? childNamed(item, 'title', DC_NS);
    const published =
      parseDate(textOf(childNamed(item, 'pubDate'))) ?? parseDate(textOf(childNamed(item, 'date', DC_NS)));
    const head = compact({
      title: plainText(htmlOf(titleEl)),
      url,
      id: guid ?? about ?? url,
      time: published,
    });

    const article = (): ArticleData => {
      const encoded = childNamed(item, 'encoded', CONTENT_NS);
      const description = childNamed(item, 'description');
      const body = encoded ?? description;
      // Links in the body resolve against xml:base where the feed declares one, else the item's link.
      const bodyBase = xmlBase(body, !declaresBase && base === itemBase && isAbsolute(url) ? url : base);
      const section = htmlSection(htmlOf(body), bodyBase);
      const sourceEl = childNamed(item, 'source');
      return compact({
        title: head.title ?? '',
        url,
        id: head.id,
        published,
        lead: encoded ? plainText(htmlOf(description)) : undefined,
        author: person(textOf(childNamed(item, 'creator', DC_NS)) ?? textOf(childNamed(item, 'author'))),
        source:
          (sourceEl && person(textOf(sourceEl), sourceEl.getAttribute('url') ?? undefined, base)) ?? source,
        image: enclosureImage(item, base) ?? mediaImage(item, base),
        sections: section ? [section] : [],
        tags: tagList(
          [...childrenNamed(item, 'category'), ...childrenNamed(item, 'subject', DC_NS)].map((el) =>
            cleanText(el.textContent),
          ),
        ),
        lang: langTag(xmlLang(item)) ?? lang,
      });
    };
    return { ...head, article };
  });
  return compact({ title, lang, items });
}

function enclosureImage(item: Element, base: string | undefined): ImageData | undefined {
  for (const el of childrenNamed(item, 'enclosure')) {
    const src = el.getAttribute('type')?.startsWith('image/')
      ? safeUrl(el.getAttribute('url'), base)
      : undefined;
    if (src) return imageData(src);
  }
  return undefined;
}
