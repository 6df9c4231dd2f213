/**
 * The widget's one Trusted Types policy, `akhbar`.
 *
 * `DOMParser.parseFromString` is a Trusted Types sink even for inert documents, so on a page
 * with `require-trusted-types-for 'script'` parsing a feed or an HTML body needs a TrustedHTML.
 * Every string the widget parses goes through here: the feed parser (data/decode.ts), the text
 * reader (render/text.ts) and DOMPurify (render/html.ts) all parse into detached documents,
 * which never run script or load anything; nothing the policy makes is assigned to a live
 * sink (sanitized HTML is inserted as nodes). The policy is created lazily, only where the
 * browser has Trusted Types, once per copy of the bundle; a second `createPolicy('akhbar')`
 * would be refused by a strict page, so every part of the widget must get it from here.
 *
 * The policy also quiets the markup: Chromium checks the page's CSP while parsing even into an
 * inert document, so `style="…"` and `onclick="…"` attributes and `<style>` elements in a feed
 * would each report a violation (`style-src-attr`, `script-src-attr`, `style-src-elem`) on a
 * strict page, although nothing is ever applied. Inline handler and style attributes are
 * renamed to `akhbar-x-…` (no sanitizer keeps those) and `<style>` elements are dropped
 * before parsing (the data layer restores the names where it re-serializes a feed body).
 * This is not what makes the widget safe (the sanitizer and text bindings do); it keeps strict
 * pages free of spurious reports, and nothing this policy makes can carry an inline handler.
 */

interface Policy {
  createHTML(input: string, type?: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string, type?: string): string }): Policy;
}

/** The name pages list in their `trusted-types` directive. */
export const POLICY_NAME = 'akhbar';
/** What inline handler and style attributes are renamed to (followed by their own name). */
export const QUIET_PREFIX = 'akhbar-x-';

let policy: Policy | null | undefined;

const MAYBE_INLINE = /[\s/"'](?:on[a-z]|style)|<style/i;
const INLINE_NAME = /^(?:on[a-z]|style$)/i;
/** HTML elements whose content is text up to their end tag (plaintext: up to the end). */
const RAW_TEXT = new Set([
  'script',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);

/**
 * `markup` without inline handler and style attributes and without `<style>` elements. One linear pass that follows the HTML tokenizer where it matters (start tags,
 * quoted values, comments, raw-text elements); where it misreads odd markup, the worst
 * outcome is a report it did not prevent, since the parser and the sanitizer still decide.
 */
export function quietMarkup(markup: string, type = 'text/html'): string {
  if (!MAYBE_INLINE.test(markup)) return markup;
  const html = type === 'text/html';
  const n = markup.length;
  const code = (at: number) => markup.charCodeAt(at);
  // Tab, line feed, form feed, carriage return, space.
  const space = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
  let lower: string | undefined;
  const find = (needle: string, from: number) => (lower ??= markup.toLowerCase()).indexOf(needle, from);
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  for (;;) {
    const lt = markup.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    if (markup.startsWith('<!--', lt)) {
      const end = markup.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (!html && markup.startsWith('<![CDATA[', lt)) {
      // Text to XML (an HTML body, quieted when it is parsed as HTML in turn).
      const end = markup.indexOf(']]>', lt + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const first = code(lt + 1) | 0x20;
    if (first < 97 || first > 122) {
      i = lt + 1;
      continue;
    }
    const partsAtTag = parts.length;
    const copiedAtTag = copied;
    let j = lt + 1;
    while (j < n && !space(code(j)) && code(j) !== 47 /* / */ && code(j) !== 62 /* > */) j++;
    const name = markup.slice(lt + 1, j).toLowerCase();
    // Attributes, up to the end of the start tag.
    while (j < n) {
      const c = code(j);
      if (c === 62) {
        j++;
        break;
      }
      if (space(c) || c === 47) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < n) {
        const d = code(k);
        if (space(d) || d === 47 || d === 62 || d === 61 /* = */) break;
        k++;
      }
      if (INLINE_NAME.test(markup.slice(j, k))) {
        parts.push(markup.slice(copied, j), QUIET_PREFIX);
        copied = j;
      }
      let m = k;
      while (m < n && space(code(m))) m++;
      if (code(m) !== 61) {
        j = k;
        continue;
      }
      m++;
      while (m < n && space(code(m))) m++;
      const quote = code(m);
      if (quote === 34 || quote === 39) {
        const close = markup.indexOf(quote === 34 ? '"' : "'", m + 1);
        j = close < 0 ? n : close + 1;
      } else {
        while (m < n && !space(code(m)) && code(m) !== 62) m++;
        j = m;
      }
    }
    i = j;
    if (name === 'style') {
      // The element goes altogether (renames inside its tag included): in HTML its content is
      // raw text up to the end tag, in XML it ends there too (or the tag closes itself).
      const selfClosing = !html && code(j - 2) === 47;
      const close = selfClosing ? -1 : find('</style', j);
      const end = selfClosing ? j : close < 0 ? n : markup.indexOf('>', close) + 1 || n;
      parts.length = partsAtTag;
      parts.push(markup.slice(copiedAtTag, lt));
      copied = end;
      i = end;
    } else if (html && RAW_TEXT.has(name)) {
      // Raw text runs to the end tag.
      const close = name === 'plaintext' ? -1 : find(`</${name}`, j);
      i = close < 0 ? n : close;
    }
  }
  parts.push(markup.slice(copied));
  return parts.join('');
}

const QUIETED = new RegExp(`(\\s)${QUIET_PREFIX}(on[a-z][^\\s=/>]*|style)(?==)`, 'gi');

/**
 * Serialized markup of a quieted document with its attribute names as they were, for the data
 * layer, which re-serializes feed bodies (the sanitizer drops these attributes later anyway).
 */
export function restoreQuieted(serialized: string): string {
  return serialized.includes(QUIET_PREFIX) ? serialized.replace(QUIETED, '$1$2') : serialized;
}

/**
 * `html` (markup of `type`, default text/html) as TrustedHTML where the browser has Trusted
 * Types, else as a string; quieted either way (see above). Only for parsing into inert
 * documents.
 */
export function trustedHTML(html: string, type: DOMParserSupportedType = 'text/html'): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      policy = factory
        ? factory.createPolicy(POLICY_NAME, { createHTML: (input, kind) => quietMarkup(input, kind) })
        : null;
    } catch {
      // Refused by the page's CSP: plain strings then fail at the sink, as the page asked.
      policy = null;
    }
  }
  // Typed as string so it can go to DOM APIs whose TypeScript signatures predate TrustedHTML.
  return (policy ? policy.createHTML(html, type) : quietMarkup(html, type)) as string;
}
