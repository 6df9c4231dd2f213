/** schema.org JSON-LD: NewsArticle, Article and kin, alone, in arrays or in an @graph; an ItemList of them. */

import type { ArticleData, ImageData, Person } from '../types.js';
import { safeUrl } from '../url.js';
import { MAX_ITEMS, compact, imageData, tagList, type Feed, type FeedItem } from './feed.js';
import { cleanText, langTag, parseDate, plainText } from './text.js';
import { isObject, list, str, type JsonObject } from './json.js';
import { isJsonLd } from './detect.js';

export { isJsonLd };

const ARTICLE = /(?:Article|BlogPosting|Report)$/;

export function readJsonLd(doc: unknown, baseUrl?: string): Feed {
  // Nodes from arrays and @graph, a few levels deep at most (never unbounded recursion).
  const nodes: JsonObject[] = [];
  let level = list(doc);
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: unknown[] = [];
    for (const value of level.slice(0, 1000)) {
      if (Array.isArray(value)) next.push(...value.slice(0, 1000));
      else if (isObject(value)) {
        nodes.push(value);
        next.push(...list(value['@graph']).slice(0, 1000));
      }
    }
    level = next;
  }
  const byId = new Map(
    nodes.filter((node) => typeof node['@id'] === 'string').map((node) => [node['@id'] as string, node]),
  );
  // A reference ({"@id": …} or the bare id) becomes the node it names, where the document has it.
  const deref = (value: unknown): unknown => {
    const id = isObject(value) ? value['@id'] : value;
    return (typeof id === 'string' && byId.get(id)) || value;
  };
  const types = (node: JsonObject) =>
    list(node['@type']).filter((type): type is string => typeof type === 'string');
  const articles = nodes.filter((node) => types(node).some((type) => ARTICLE.test(type)));
  const listItems: JsonObject[] = articles.length
    ? articles
    : nodes
        .filter((node) => types(node).includes('ItemList'))
        .flatMap((node) => list(node['itemListElement']))
        .map((entry) => {
          const item = deref(isObject(entry) && entry['item'] !== undefined ? entry['item'] : entry);
          return isObject(item)
            ? { ...(isObject(entry) ? entry : {}), ...item }
            : ({ url: item } as JsonObject);
        });

  const items = listItems.slice(0, MAX_ITEMS).map((node): FeedItem => {
    const page = deref(node['mainEntityOfPage']);
    const url = safeUrl(
      str(node['url']) ?? (isObject(page) ? (str(page['url']) ?? str(page['@id'])) : str(page)),
      baseUrl,
    );
    const published = parseDate(node['datePublished']);
    const updated = parseDate(node['dateModified']);
    const head = compact({
      title: plainText(str(node['headline']) ?? str(node['name'])),
      url,
      id: str(node['@id']) ?? url,
      time: published ?? updated,
    });
    const article = (): ArticleData => {
      const body = str(node['articleBody'])?.trim();
      const inLanguage = [node, page, deref(node['isPartOf'])].map((n) =>
        isObject(n) ? str(n['inLanguage']) : undefined,
      );
      const keywords = node['keywords'];
      return compact({
        title: head.title ?? '',
        kicker: cleanText(str(list(node['articleSection'])[0])),
        url,
        id: head.id,
        published,
        updated,
        lead: plainText(str(node['description']) ?? str(node['abstract'])),
        author: entity(deref(list(node['author'])[0]), baseUrl),
        source: entity(deref(list(node['publisher'])[0]), baseUrl),
        image: image(deref(list(node['image'])[0]), baseUrl),
        sections: body ? [{ body, format: 'text' as const }] : [],
        tags: tagList(typeof keywords === 'string' ? keywords.split(',') : list(keywords).map(str)),
        lang: langTag(inLanguage.find(Boolean)),
      });
    };
    return { ...head, article };
  });
  return compact({ lang: langTag(nodes.map((node) => str(node['inLanguage'])).find(Boolean)), items });
}

/** A Person or Organization, or a bare name. */
function entity(value: unknown, base: string | undefined): Person | undefined {
  const name = cleanText(isObject(value) ? str(value['name']) : str(value));
  // A bare string may be an unresolved reference: a URL is not a name.
  return name && !/^[a-z][a-z\d+.-]*:\/\//i.test(name)
    ? compact({ name, url: isObject(value) ? safeUrl(str(value['url']), base) : undefined })
    : undefined;
}

/** A URL or an ImageObject. */
function image(value: unknown, base: string | undefined): ImageData | undefined {
  const object = isObject(value) ? value : {};
  const src = safeUrl(str(value) ?? str(object['url']) ?? str(object['contentUrl']), base);
  if (!src) return undefined;
  return imageData(src, object['width'], object['height'], undefined, cleanText(str(object['caption'])));
}
