/** Small text helpers shared by the adapters: plain text from HTML, dates, languages, sections. */

import type { SectionData } from '../types.js';
import { parseMarkup } from '../decode.js';
import { isAbsolute } from '../url.js';

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

/** Collapses whitespace and drops control characters. */
export function collapse(text: string): string {
  return text
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
  return body.innerHTML;
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

/** A BCP 47 language tag, or undefined ("en_US" is read as "en-US"). */
export function langTag(value: string | null | undefined): string | undefined {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(?:-[a-z\d]{1,8})*$/i.test(tag) ? tag : undefined;
}

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
// Zone names seen in feeds, as minutes east of UTC.
// prettier-ignore
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420,
  MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540,
  AEST: 600, AEDT: 660,
};
const ISO = /^(\d{4})(?:-?(\d\d)(?:-?(\d\d)(?:[T\s]+(\d\d):?(\d\d)(?::?(\d\d)(?:[.,]\d+)?)?)?)?)?\s*(.*)$/i;
const RFC822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):?(\d\d)(?::?(\d\d)(?:[.,]\d+)?)?)?\s*(.*)$/i;

/**
 * An ISO 8601 string (UTC) from the dates found in feeds: W3C/ISO 8601 and RFC 822 in the wild
 * (two-digit years, no weekday, "1500" for 15:00, zone names, offsets like "+0530", "-08:00" or
 * a truncated "+00:0"). A date without a zone is read as UTC. Anything else gives undefined.
 */
export function parseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = ISO.exec(text);
  let parts: (string | undefined)[];
  if (m) {
    parts = [m[1], m[2] ?? '01', m[3] ?? '01', m[4], m[5], m[6], m[7]];
  } else if ((m = RFC822.exec(text))) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    if (month < 0 || month % 3) return undefined;
    let year = Number(m[3]);
    if (m[3]!.length < 4) year += year < 50 ? 2000 : 1900;
    parts = [String(year), String(month / 3 + 1), m[1], m[4], m[5], m[6], m[7]];
  } else {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = parts.slice(0, 6).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = zoneOffset(parts[6] ?? '');
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May: such a date is wrong, not late.
  if (offset === undefined || date.getUTCFullYear() !== year || date.getUTCDate() !== day) return undefined;
  if (date.getUTCMonth() !== month - 1) return undefined;
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  const time = date.getTime() + ((hour * 60 + minute - offset) * 60 + Math.min(second, 59)) * 1000;
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

function zoneOffset(zone: string): number | undefined {
  const text = zone.replace(/\(.*\)/, '').trim();
  if (!text) return 0;
  const named = ZONES[text.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^(?:GMT|UTC?)?\s*([+-])(\d\d?)(?::?(\d{1,2}))?$/i.exec(text);
  if (!m || Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
