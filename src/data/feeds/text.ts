/** Small text helpers shared by the adapters: plain text from HTML, dates, languages, sections. */

import type { SectionData } from '../types.js';
import { parseMarkup } from '../decode.js';
import { restoreQuieted } from '../trusted.js';
import { collapse } from '../fields.js';
import { isAbsolute } from '../url.js';

// The helpers the own format needs too live in ../fields.ts (in the first-load bundle).
export { collapse, parseDate } from '../fields.js';

// Markup or a character reference: only then is the HTML parser worth its cost.
const MARKUP = /<[a-z!/?]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
// Ends of lines and blocks, so their words do not run together once tags are gone.
const BREAK =
  /<(?:br|hr|\/?(?:p|div|li|ul|ol|dd|dt|h[1-6]|tr|td|th|table|blockquote|pre|figure|figcaption|section|article|header|footer))\b/gi;

/**
 * Plain text from a string that may hold HTML: tags stripped, character references decoded
 * (twice at most, for titles escaped twice), mojibake repaired, whitespace collapsed.
 */
export function plainText(html: string | null | undefined): string | undefined {
  if (!html) return undefined;
  let text = html;
  for (let pass = 0; pass < 2 && MARKUP.test(text); pass++) {
    const doc = parseMarkup(text.replace(BREAK, ' $&'), 'text/html');
    for (const el of doc.querySelectorAll('script,style')) el.remove();
    text = doc.documentElement.textContent ?? '';
  }
  return cleanText(text);
}

/** Collapsed and repaired text, or undefined when nothing is left. */
export function cleanText(text: string | null | undefined): string | undefined {
  return (text && collapse(repairMojibake(text))) || undefined;
}

// windows-1252 characters for the bytes 0x80-0x9F, to read back UTF-8 decoded as windows-1252.
const W1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const MOJIBAKE = /[\xc2-\xf4][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

/**
 * Repairs UTF-8 that was read as Latin-1 or windows-1252 ("â€™" or "&#226;&#128;&#166;"), then
 * C1 controls, which are never text, as the windows-1252 characters they stand for ("don\x92t").
 * windows-1252 punctuation only counts after the leads mojibake actually produces (Ã, Å, Ø-Û, â),
 * so "CAFÉ…" stays as it is.
 */
export function repairMojibake(text: string): string {
  if (!/[\x80-\x9f\xc2-\xf4]/.test(text)) return text;
  return text
    .replace(MOJIBAKE, (match) => {
      const lead = match.charCodeAt(0);
      const size = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      if (match.length < size) return match;
      const chars = [...match.slice(0, size)];
      if (chars.some((ch) => ch > '\xff') && !/[\xc3\xc5\xd8-\xdb\xe2]/.test(chars[0]!)) return match;
      const bytes = chars.map((ch) => (ch > '\xff' ? 0x80 + W1252.indexOf(ch) : ch.charCodeAt(0)));
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)) + match.slice(size);
      } catch {
        return match;
      }
    })
    .replace(/[\x80-\x9f]/g, (ch) => W1252[ch.charCodeAt(0) - 0x80]!.replace(/[\x80-\x9f]/, ''));
}

/** An HTML body as a section, its relative links resolved against `base`. */
export function htmlSection(html: string | undefined, base?: string): SectionData | undefined {
  const body = html?.trim();
  if (!body) return undefined;
  return { body: absolutize(repairMojibake(body), base), format: 'html' };
}

const URL_ATTRS = ['href', 'src', 'poster', 'cite'];

/** Resolves the relative links of an HTML fragment, as it will be shown on another site. */
export function absolutize(html: string, base?: string): string {
  if (!isAbsolute(base) || !/\s(?:href|src|srcset|poster|cite)\s*=/i.test(html)) return html;
  const resolve = (url: string) => {
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  };
  const body = parseMarkup(html, 'text/html').body;
  for (const el of body.querySelectorAll('[href],[src],[srcset],[poster],[cite]')) {
    for (const name of URL_ATTRS) {
      const value = el.getAttribute(name)?.trim();
      if (value && !/^[a-z][a-z\d+.-]*:/i.test(value)) el.setAttribute(name, resolve(value));
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) {
      const candidates = srcset.split(',').map((candidate) => {
        const [url = '', ...rest] = candidate.trim().split(/\s+/);
        return [resolve(url), ...rest].join(' ');
      });
      el.setAttribute('srcset', candidates.join(', '));
    }
  }
  // Parsed quieted (data/trusted.ts): give the attributes their names back.
  return restoreQuieted(body.innerHTML);
}

/** A BCP 47 language tag, or undefined ("en_US" is read as "en-US"). */
export function langTag(value: string | null | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(tag) ? tag : undefined;
}
