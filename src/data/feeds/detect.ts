/**
 * Whether a JSON value is one of the feed formats: tiny tests that load with every element,
 * so the adapters themselves (and everything XML) load only for a document that needs them.
 */

import { isObject, str, type JsonObject } from './json.js';

/** Whether a JSON value is a JSON Feed: its version names the spec ("1.1" in the wild too). */
export function isJsonFeed(doc: Record<string, unknown>): boolean {
  const version = str(doc['version']);
  return !!version && (version.includes('jsonfeed.org/version/') || /^1(?:\.\d)?$/.test(version));
}

/** Whether a JSON value is JSON-LD. */
export function isJsonLd(value: unknown): boolean {
  return isObject(value) && ('@context' in value || '@type' in value || '@graph' in value);
}

/** Whether a JSON value is a WordPress post: its title and content come `{ rendered }`. */
export function isWordPressPost(value: unknown): value is JsonObject {
  const rendered = (field: unknown) => isObject(field) && 'rendered' in field;
  return isObject(value) && (rendered(value['title']) || rendered(value['content']));
}

/** Whether a document needs a feed adapter: an XML document, WordPress posts, JSON-LD, a JSON Feed. */
export function isFeed(doc: unknown): boolean {
  if (typeof Document !== 'undefined' && doc instanceof Document) return true;
  const first: unknown = Array.isArray(doc) ? doc[0] : doc;
  return isWordPressPost(first) || isJsonLd(first) || (isObject(doc) && isJsonFeed(doc));
}
