/** WordPress REST API posts: one (`/wp-json/wp/v2/posts/1`) or a list (`/wp-json/wp/v2/posts?_embed`). */

import type { ArticleData } from '../types.js';
import { safeUrl } from '../url.js';
import { MAX_ITEMS, compact, imageData, person, tagList, type Feed, type FeedItem } from './feed.js';
import { htmlSection, parseDate, plainText } from './text.js';
import { at, isObject, list, str, type JsonObject } from './json.js';
import { isWordPressPost } from './detect.js';

export { isWordPressPost };

export function readWordPress(posts: unknown, baseUrl?: string): Feed {
  return {
    items: list(posts)
      .slice(0, MAX_ITEMS)
      .filter(isWordPressPost)
      .map((post) => readPost(post, baseUrl)),
  };
}

function readPost(post: JsonObject, baseUrl?: string): FeedItem {
  const url = safeUrl(str(post['link']), baseUrl);
  const id = post['id'];
  // date_gmt has no offset but is UTC; date is the site's local time, so only a fallback.
  const published = parseDate(post['date_gmt']) ?? parseDate(post['date']);
  const updated = parseDate(post['modified_gmt']) ?? parseDate(post['modified']);
  const head = compact({
    title: plainText(str(at(post, 'title', 'rendered'))),
    url,
    id: typeof id === 'number' || typeof id === 'string' ? String(id) : url,
    time: published,
  });
  const article = (): ArticleData => {
    const embedded = at(post, '_embedded');
    const writer = at(embedded, 'author', 0);
    const media = at(embedded, 'wp:featuredmedia', 0);
    const src = safeUrl(str(at(media, 'source_url')), url);
    const terms = list(at(embedded, 'wp:term')).flatMap(list).filter(isObject);
    const names = (taxonomy: string) =>
      terms.filter((term) => term['taxonomy'] === taxonomy).map((term) => plainText(str(term['name'])));
    const section = htmlSection(str(at(post, 'content', 'rendered')), url);
    return compact({
      title: head.title ?? '',
      kicker: names('category')[0],
      url,
      id: head.id,
      published,
      updated,
      lead: plainText(str(at(post, 'excerpt', 'rendered'))),
      author: person(str(at(writer, 'name')), str(at(writer, 'link')), url),
      image: src
        ? imageData(
            src,
            at(media, 'media_details', 'width'),
            at(media, 'media_details', 'height'),
            str(at(media, 'alt_text')) || undefined,
            plainText(str(at(media, 'caption', 'rendered'))),
          )
        : undefined,
      sections: section ? [section] : [],
      tags: tagList(names('post_tag')),
    });
  };
  return { ...head, article };
}
