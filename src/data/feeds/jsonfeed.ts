/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */

import type { ArticleData, Person } from '../types.js';
import { isAbsolute, safeUrl } from '../url.js';
import { MAX_ITEMS, compact, imageData, person, tagList, type Feed, type FeedItem } from './feed.js';
import { cleanText, htmlSection, langTag, parseDate, plainText } from './text.js';
import { isObject, list, str } from './json.js';
import { isJsonFeed } from './detect.js';

export { isJsonFeed };

export function readJsonFeed(doc: Record<string, unknown>, baseUrl?: string): Feed {
  const home = safeUrl(str(doc['home_page_url']), baseUrl);
  const feedUrl = safeUrl(str(doc['feed_url']), baseUrl);
  const base = isAbsolute(baseUrl) ? baseUrl : isAbsolute(feedUrl) ? feedUrl : home;
  const title = plainText(str(doc['title']));
  const lang = langTag(str(doc['language']));
  const source = title ? compact({ name: title, url: home }) : undefined;
  const feedAuthor = author(doc, base);

  const items = list(doc['items'])
    .slice(0, MAX_ITEMS)
    .filter(isObject)
    .map((item): FeedItem => {
      const url = safeUrl(str(item['url']) ?? str(item['external_url']), base);
      const id = item['id'];
      const published = parseDate(item['date_published']);
      const updated = parseDate(item['date_modified']);
      const head = compact({
        title: plainText(str(item['title'])),
        url,
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : url,
        time: published ?? updated,
      });
      const article = (): ArticleData => {
        const html = htmlSection(str(item['content_html']), isAbsolute(url) ? url : base);
        const text = str(item['content_text'])?.trim();
        const image = safeUrl(str(item['image']) ?? str(item['banner_image']), base);
        return compact({
          title: head.title ?? '',
          url,
          id: head.id,
          published,
          updated,
          lead: plainText(str(item['summary'])),
          author: author(item, base) ?? feedAuthor,
          source,
          image: image ? imageData(image) : undefined,
          sections: html ? [html] : text ? [{ body: text, format: 'text' as const }] : [],
          tags: tagList(
            list(item['tags']).map((tag) => (typeof tag === 'string' ? cleanText(tag) : undefined)),
          ),
          lang: langTag(str(item['language'])) ?? lang,
        });
      };
      return { ...head, article };
    });
  return compact({ title, lang, items });
}

/** 1.1 `authors` (the first), else 1.0 `author`. */
function author(object: Record<string, unknown>, base: string | undefined): Person | undefined {
  const value = list(object['authors'])[0] ?? object['author'];
  return isObject(value) ? person(str(value['name']), str(value['url']), base) : undefined;
}
