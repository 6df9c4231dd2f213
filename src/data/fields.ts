/**
 * Field helpers the own format needs (and the feed adapters share): whitespace, dates,
 * compact objects. They load with every element; everything
 * only feeds need lives in feeds/ and loads on demand.
 */

/** Collapses whitespace and drops control characters. */
export function collapse(text: string): string {
  return text
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `object` without its undefined fields, so the data compares and serializes cleanly. */
export function compact<T extends object>(object: T): T {
  for (const key of Object.keys(object) as (keyof T)[]) if (object[key] === undefined) delete object[key];
  return object;
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
