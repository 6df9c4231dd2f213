/** Bytes from the network -> text -> an XML Document, recovering the common breakages of real feeds. */

import { DataError } from './error.js';
import { trustedHTML } from './trusted.js';

/**
 * Decodes fetched bytes: a BOM (UTF-8, UTF-16LE/BE) wins, then the encoding in the XML
 * declaration, then the charset of `contentType`, else UTF-8, falling back to windows-1252
 * when the bytes are not UTF-8.
 */
export function decodeBytes(input: ArrayBuffer | Uint8Array, contentType: string | null): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (a === 0xff && b === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (a === 0xfe && b === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  // UTF-16 without a BOM still starts with "<" (XML 1.0 appendix F).
  if (a === 0x3c && b === 0) return decode(bytes, 'utf-16le');
  if (a === 0 && b === 0x3c) return decode(bytes, 'utf-16be');
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  const charset = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  for (const label of [declared, charset]) {
    // A UTF-16 label on bytes we could read as ASCII is stale (the file was re-encoded).
    if (!label || /^utf-?16/i.test(label)) continue;
    if (/^utf-?8$/i.test(label)) break; // checked below, with the windows-1252 fallback
    const text = decode(bytes, label);
    if (text !== undefined) return text;
  }
  return decode(bytes, 'utf-8', true) ?? guessUtf8OrWindows1252(bytes);
}

function decode(bytes: Uint8Array, label: 'utf-8' | 'windows-1252' | `utf-16${string}`): string;
function decode(bytes: Uint8Array, label: string, fatal?: boolean): string | undefined;
function decode(bytes: Uint8Array, label: string, fatal = false): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined; // unknown label, or not valid in it
  }
}

/** Mostly UTF-8 with a few bad bytes stays UTF-8 (Arabic survives); no UTF-8 at all is windows-1252. */
function guessUtf8OrWindows1252(bytes: Uint8Array): string {
  const lossy = decode(bytes, 'utf-8');
  const bad = lossy.match(/\ufffd/g)?.length ?? 0;
  const good = lossy.match(/[^\0-\x9f\ufffd]/g)?.length ?? 0;
  return good > bad ? lossy : decode(bytes, 'windows-1252');
}

let parser: DOMParser | undefined;

/** Parses `text` as `type` into an inert document (no script runs, nothing loads). */
export function parseMarkup(text: string, type: DOMParserSupportedType): Document {
  parser ??= new DOMParser();
  return parser.parseFromString(trustedHTML(text, type), type);
}

/**
 * Parses XML; when it is not well-formed, retries once with the usual breakages repaired
 * (bare `&`, HTML named entities, control characters, a truncated end). Throws a DataError
 * naming the parser's complaint when that does not help either.
 */
export function parseXml(text: string, where: string): Document {
  const doc = parseMarkup(text, 'application/xml');
  const error = parseError(doc);
  if (error === undefined) return doc;
  const repaired = parseMarkup(repairXml(text), 'application/xml');
  if (parseError(repaired) === undefined) return repaired;
  throw new DataError(`${where} is not well-formed XML${error ? `: ${error}` : ''}`);
}

function parseError(doc: Document): string | undefined {
  const error = doc.getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  // Chromium: "error on line 5 at column 24: …"; Firefox: "XML Parsing Error: …\nLocation: …\nLine Number 5, Column 24:".
  const text = error.textContent ?? '';
  const chromium = /error on line[^\n]*/i.exec(text)?.[0].replace(/Below is a rendering.*$/s, '');
  const firefox = /XML Parsing Error:([^\n]*)[\s\S]*?Line Number (\d+), Column (\d+)/.exec(text);
  return (
    chromium ?? (firefox ? `${firefox[1]!.trim()} at line ${firefox[2]}, column ${firefox[3]}` : '')
  ).trim();
}

/** The repairs real feed readers make. Only markup actually present survives: nothing is invented. */
export function repairXml(text: string): string {
  return closeTruncated(
    text
      // The text is decoded already: an encoding label WebKit's parser does not know
      // (`encoding="x-klingon"`) would fail the whole document.
      .replace(/^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/, '$1')
      .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '')
      .replace(
        /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)|&(?:(#\d+|#x[\da-f]+|[a-z][a-z\d]*)(;)?)?/gi,
        fixEntity,
      ),
  );
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const htmlEntities = new Map<string, string>();

function fixEntity(match: string, verbatim?: string, ref?: string, semicolon?: string): string {
  if (verbatim) return verbatim;
  if (ref?.startsWith('#')) return semicolon ? match : `${match};`;
  if (ref && semicolon) {
    if (XML_ENTITIES.has(ref)) return match;
    let decoded = htmlEntities.get(ref);
    if (decoded === undefined) {
      decoded = parseMarkup(match, 'text/html').body.textContent ?? '';
      if (htmlEntities.size < 256) htmlEntities.set(ref, decoded);
    }
    // An HTML entity (&hellip;, &nbsp;): its characters as references; an unknown one stays as text.
    if (decoded !== match) return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  }
  return `&amp;${match.slice(1)}`;
}

// Unclosed comments and CDATA sections match nothing, so a document cut inside one is cut before it.
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![a-z][^>]*>|<(\/?)([a-z_][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gi;

/**
 * Closes a document that ends too early (a cut download, `</rss` without `>`): drops an
 * unfinished item or entry altogether, so no half headline appears, then closes what is open.
 * Anything after the root element ends is dropped too.
 */
function closeTruncated(text: string): string {
  const stack: { name: string; at: number }[] = [];
  let end = 0;
  let rootClosed = false;
  TOKEN.lastIndex = 0;
  for (let m; !rootClosed && (m = TOKEN.exec(text));) {
    end = TOKEN.lastIndex;
    const [, closing, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!closing) {
      stack.push({ name, at: m.index });
      continue;
    }
    const open = stack.findLastIndex((entry) => entry.name === name);
    if (open >= 0) stack.length = open;
    rootClosed = stack.length === 0;
  }
  const unfinished = stack.findIndex((entry) => /^(?:\w+:)?(?:item|entry)$/.test(entry.name));
  if (unfinished >= 0) {
    end = stack[unfinished]!.at;
    stack.length = unfinished;
  }
  return (
    text.slice(0, end) +
    stack
      .reverse()
      .map((entry) => `</${entry.name}>`)
      .join('')
  );
}
