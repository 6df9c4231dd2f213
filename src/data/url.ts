/** Links in any document: http(s), mailto and relative URLs only. */

const ALLOWED_SCHEME = /^(?:https?|mailto)$/i;
const ALLOWED_HREF = /^(?:https?|mailto):/i;
// Characters a browser skips or a sanitizer might decode inside a scheme: controls, spaces,
// invisible format characters.
const INVISIBLE =
  /[\0-\x20\x7f-\xa0\xad\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff]/g;
const ENTITY = /&(?:#x([\da-f]+)|#(\d+)|(colon|tab|newline));?/gi;

/** Whether `url` is an absolute http(s) URL, so relative links can be resolved against it. */
export function isAbsolute(url: string | undefined): url is string {
  return !!url && /^https?:\/\/[^/]/i.test(url);
}

/**
 * `raw` as a link that is safe to render, resolved against `base` when `base` is an absolute
 * http(s) URL; `undefined` for anything else: `javascript:`, `data:`, `vbscript:`, … even
 * disguised with case, whitespace, control characters or character references.
 * A relative URL with nothing to resolve it against is returned as it is (trimmed).
 */
export function safeUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  if (!url || url.length > 8192) return undefined;
  const probe = url
    .replace(ENTITY, (_, hex?: string, dec?: string, name?: string) =>
      name ? (name.toLowerCase() === 'colon' ? ':' : '') : codePoint(hex ? parseInt(hex, 16) : Number(dec)),
    )
    .replace(INVISIBLE, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(probe)?.[1];
  if (scheme && !ALLOWED_SCHEME.test(scheme)) return undefined;
  if (!scheme && !isAbsolute(base)) return url;
  try {
    const href = new URL(url, isAbsolute(base) ? base : undefined).href;
    return ALLOWED_HREF.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}
