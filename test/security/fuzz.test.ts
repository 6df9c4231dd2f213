/**
 * Fuzzing the data layer and the renderers beyond test/data/parse.test.ts: random JSON and
 * XML, real corpus feeds mutated (truncated, random bytes, tags, entities, duplicated and
 * deleted ranges), 10 000-level nesting and ~5 MB documents, through parseBytes, toTicker
 * and toArticle, and markdown and HTML bodies through their renderers. Every run must give
 * typed data or a DataError (never another exception), and finish in bounded time.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, render } from 'lit';
import { DataError, parseBytes, toArticle, toTicker } from '../../src/data/parse.js';
import type { ArticleData, TickerData } from '../../src/data/types.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { sanitizeHtml } from '../../src/render/html.js';
import { engine } from './trap.js';

const CORPUS = '/api/corpus/';
const SEEDS = [
  'rss-parser__guardian.rss',
  'feed-rs__rss_2.0_bbc.xml',
  'rss-parser__content-encoded.rss',
  'feed-rs__rss_1.0_debian.xml',
  'node-feedparser__intertwingly.atom',
  'gofeed__atom10_feed_entry_title_xhtml_inline_markup.xml',
  'gofeed__rss_channel_item_description_mixed_cdata.xml',
  'rss-parser__feedburner.atom',
  'feed-rs__jsonfeed_example_1.json',
  'frontity__post-60.json',
  'frontity__aioseop-4-post-schema.jsonld',
];
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;
// Bounds prove "never hangs", not speed. JavaScriptCore (WebKitGTK, software rendering under
// Xvfb) runs these about twice as slowly as V8 here, more on a loaded CI machine.
const ENGINE_FACTOR = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent) ? 3 : 1;
const BOUND_MS = 5000 * ENGINE_FACTOR;
const BIG_BOUND_MS = 20000 * ENGINE_FACTOR;

const encoder = new TextEncoder();
const stats = { runs: 0, data: 0, errors: 0, slowest: 0 };
let seeds: { name: string; bytes: Uint8Array; text: string }[] = [];

/** Checks what a reader gave back: well-typed data, or a DataError. Anything else fails. */
function checkResult(read: () => TickerData | ArticleData): void {
  let result: TickerData | ArticleData;
  try {
    result = read();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    stats.errors++;
    return;
  }
  stats.data++;
  if ('items' in result) {
    expect(result.items).to.be.an('array');
    for (const item of result.items) {
      expect(item.title).to.be.a('string').and.not.equal('');
      if (item.url !== undefined) expect(item.url).to.match(SAFE_URL);
    }
  } else {
    expect(result.title).to.be.a('string');
    expect(result.sections).to.be.an('array');
    for (const section of result.sections) {
      expect(section.body).to.be.a('string');
      expect([undefined, 'markdown', 'text', 'html']).to.include(section.format);
    }
    for (const url of [result.url, result.author?.url, result.source?.url, result.image?.src])
      if (url !== undefined) expect(url).to.match(SAFE_URL);
  }
}

/** One fuzz run: bytes -> document -> ticker and article, timed. */
function runBytes(bytes: Uint8Array, type: string | null, bound = BOUND_MS): void {
  const start = performance.now();
  stats.runs++;
  let doc: unknown;
  try {
    doc = parseBytes(bytes, type, 'https://news.example/feed');
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    stats.errors++;
    doc = undefined;
  }
  if (doc !== undefined) {
    checkResult(() => toTicker(doc, 'https://news.example/feed'));
    checkResult(() => toArticle(doc, { baseUrl: 'https://news.example/feed' }));
  }
  const elapsed = performance.now() - start;
  stats.slowest = Math.max(stats.slowest, elapsed);
  expect(elapsed, `one run took ${Math.round(elapsed)} ms`).to.be.below(bound);
}

/** Renders a markdown or HTML body the way <article-section> does, into a detached node. */
function renderBody(source: string, format: 'markdown' | 'html', bound = BOUND_MS): void {
  const start = performance.now();
  stats.runs++;
  const box = document.createElement('div');
  if (format === 'markdown') {
    render(html`${renderMarkdown(source, { level: 3, baseUrl: 'https://news.example/a' })}`, box);
  } else {
    const fragment = sanitizeHtml(source, { baseUrl: 'https://news.example/a' });
    if (fragment) box.append(fragment);
  }
  for (const el of box.querySelectorAll('*')) {
    expect(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form']).to.not.include(
      el.localName,
    );
    for (const attr of el.attributes) expect(attr.name).to.not.match(/^on/i);
  }
  for (const a of box.querySelectorAll('a[href]')) expect(a.getAttribute('href')).to.match(SAFE_URL);
  const elapsed = performance.now() - start;
  stats.slowest = Math.max(stats.slowest, elapsed);
  expect(elapsed, `one render took ${Math.round(elapsed)} ms`).to.be.below(bound);
}

// Mutations of a document's text.
const TAGS = [
  '<item>', '</item>', '<entry>', '</channel>', '</rss>', '<title>', '</title>', '<![CDATA[', ']]>', '<!--', '-->',
  '<?xml version="1.0"?>', '<!DOCTYPE rss [<!ENTITY x "&#60;script&#62;">]>', '<link>', '<content:encoded>',
  '<description>', '<a href="javascript:alert(1)">', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '"', "'", '<', '>', '{', '}', '[', ']', ',', ':', '"title":', '"items":[', '\\', '\\u0000', '\u0000',
]; // prettier-ignore
const ENTITIES = [
  '&amp;', '&lt;', '&#0;', '&#xD800;', '&#x110000;', '&#99999999;', '&nbsp;', '&hellip;', '&bogus;', '&', '&#',
  '&#x;', '&amp;lt;script&amp;gt;', '&x;'.repeat(50),
]; // prettier-ignore

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.constantFrom(...TAGS, ...ENTITIES),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 2000 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    switch (m.kind) {
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'bytes':
        out = concat(out.subarray(0, at), m.bytes, out.subarray(at));
        break;
      case 'insert':
        out = concat(out.subarray(0, at), encoder.encode(m.text), out.subarray(at));
        break;
      case 'delete':
        out = concat(out.subarray(0, at), out.subarray(at + m.length));
        break;
      case 'duplicate':
        out = concat(out.subarray(0, at + m.length), out.subarray(at));
        break;
    }
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const xmlText = fc.string({ maxLength: 40 }).map((text) => text.replace(/[<&]/g, ''));
/** A random, mostly well-formed feed: random names, nesting, text, CDATA and entities. */
const randomXml = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    xmlText,
    fc.constantFrom(...ENTITIES),
    xmlText.map((text) => `<![CDATA[${text.replace(/]]>/g, '')}]]>`),
    fc
      .tuple(
        fc.constantFrom(
          'item',
          'entry',
          'title',
          'link',
          'description',
          'content:encoded',
          'guid',
          'a',
          'p',
          'x',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([name, children]) => `<${name}>${children.join('')}</${name}>`),
  ),
})).node;

describe('fuzz: data layer and renderers', function () {
  this.timeout(240000);

  before(async () => {
    seeds = await Promise.all(
      SEEDS.map(async (name) => {
        const response = await fetch(CORPUS + name);
        expect(response.status, `${name} is served`).to.equal(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { name, bytes, text: new TextDecoder().decode(bytes) };
      }),
    );
  });

  after(() => {
    console.log(
      `fuzz ${engine()}: ${stats.runs} runs (${stats.data} data, ${stats.errors} DataErrors), ` +
        `slowest ${Math.round(stats.slowest)} ms`,
    );
  });

  it('every corpus seed reads as it is (the mutations start from real feeds)', () => {
    for (const seed of seeds) {
      const doc = parseBytes(seed.bytes, null, 'https://news.example/feed');
      expect(toTicker(doc).items.length, seed.name).to.be.greaterThan(0);
    }
  });

  it('mutated corpus feeds: data or a DataError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (i, ms) => {
          runBytes(mutate(seeds[i]!.bytes, ms), i % 2 ? 'application/rss+xml; charset=utf-8' : null);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('random JSON values, as bytes and as objects', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        runBytes(encoder.encode(JSON.stringify(value) ?? 'null'), 'application/json');
        checkResult(() => toTicker(value));
        checkResult(() => toArticle(value));
      }),
      { numRuns: 400 },
    );
  });

  it('random XML documents under every feed root', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          '<rss version="2.0"><channel>',
          '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel>',
          '<feed xmlns="http://www.w3.org/2005/Atom">',
        ),
        fc.array(randomXml, { maxLength: 8 }),
        fc.boolean(),
        (root, nodes, close) => {
          const name = /^<([\w:]+)/.exec(root)![1]!;
          const end = name === 'feed' ? '</feed>' : `</channel></${name}>`;
          runBytes(encoder.encode(`${root}${nodes.join('')}${close ? end : ''}`), null);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('mutated JSON feeds (JSON Feed, WordPress, JSON-LD) with random values in their fields', () => {
    const json = seeds
      .filter((seed) => /\.json/.test(seed.name))
      .map((seed) => JSON.parse(seed.text) as unknown);
    fc.assert(
      fc.property(
        fc.nat({ max: json.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.jsonValue({ maxDepth: 3 })), {
          maxLength: 8,
        }),
        (i, replacements) => {
          const doc = structuredClone(json[i]);
          for (const [at, value] of replacements) replaceSomewhere(doc, at, value);
          runBytes(encoder.encode(JSON.stringify(doc)), 'application/json');
          checkResult(() => toArticle(doc));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('markdown and HTML bodies: random and hostile text renders, safely, in bounded time', () => {
    const pieces = fc.constantFrom(
      '[x](javascript:alert(1))', '![i](data:x)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
      '# ', '## ', '> ', '- ', '1. ', '```', '`', '**', '_', '|a|b|\n|-|-|\n', '\n\n', '[a]: javascript:x\n',
      '<svg onload=alert(1)>', '<style>', '</p>', '<!--', '&lt;', '&#0;', '\u202e', 'نص عربي',
    ); // prettier-ignore
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        renderBody(source, 'markdown');
        renderBody(source, 'html');
      }),
      { numRuns: 300 },
    );
  });

  describe('deep nesting (10 000 levels)', () => {
    const depth = 10000;
    it('JSON arrays and objects', () => {
      runBytes(encoder.encode('['.repeat(depth) + ']'.repeat(depth)), null);
      runBytes(encoder.encode('{"items":'.repeat(depth) + '[]' + '}'.repeat(depth)), null);
      runBytes(
        encoder.encode('{"title":"x","sections":[{"body":' + '['.repeat(depth) + ']'.repeat(depth) + '}]}'),
        null,
      );
    });
    it('XML elements inside an item, and unclosed', () => {
      const open = '<div>'.repeat(depth);
      runBytes(
        encoder.encode(
          `<rss><channel><item><title>x</title><description>${open}${'</div>'.repeat(depth)}</description></item></channel></rss>`,
        ),
        null,
      );
      runBytes(encoder.encode(`<rss><channel><item><title>x</title>${open}`), null);
      runBytes(
        encoder.encode(
          `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content type="xhtml">${open}</content></entry></feed>`,
        ),
        null,
      );
    });
    it('an HTML body nested 10 000 deep renders sanitized', () => {
      const body = '<div><b><i>'.repeat(depth / 3) + '<img src=x onerror=alert(1)>';
      runBytes(
        encoder.encode(
          JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            items: [{ id: '1', title: 'x', content_html: body }],
          }),
        ),
        null,
      );
      renderBody(body, 'html', BIG_BOUND_MS);
    });
    // marked's lexer recurses once per level of quotes or lists and overflows the stack from
    // about 5 000 levels; render/markdown.ts shows such bodies (and any deeper than it renders)
    // as plain paragraphs instead.
    it('markdown nested 10 000 deep (quotes, lists, emphasis, brackets) renders', () => {
      for (const body of [
        '>'.repeat(depth) + ' x',
        '- '.repeat(depth) + 'x',
        '*'.repeat(depth) + 'x' + '*'.repeat(depth),
        '['.repeat(depth) + 'x' + ']('.repeat(depth),
      ]) {
        renderBody(body, 'markdown', BIG_BOUND_MS);
      }
    });
  });

  describe('very large documents (~5 MB)', () => {
    const size = 5 * 1024 * 1024;
    it('an RSS feed with a 5 MB description, and one with 50 000 items', () => {
      const filler = 'خبر '.repeat(size / 8);
      runBytes(
        encoder.encode(
          `<rss><channel><item><title>x</title><description><![CDATA[<p>${filler}</p>]]></description></item></channel></rss>`,
        ),
        null,
        BIG_BOUND_MS,
      );
      const items = '<item><title>خبر</title><link>https://news.example/1</link></item>'.repeat(50000);
      runBytes(encoder.encode(`<rss><channel>${items}</channel></rss>`), null, BIG_BOUND_MS);
    });
    it('JSON: a 5 MB title and a JSON Feed with 50 000 items', () => {
      runBytes(encoder.encode(JSON.stringify({ items: [{ title: 'x'.repeat(size) }] })), null, BIG_BOUND_MS);
      const items = Array.from({ length: 50000 }, (_, i) => ({
        id: String(i),
        title: `خبر ${i}`,
        url: `https://news.example/${i}`,
      }));
      runBytes(
        encoder.encode(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items })),
        null,
        BIG_BOUND_MS,
      );
    });
    it('5 MB of random bytes, of "<" and of unclosed attribute quotes', () => {
      const random = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(random.subarray(i, i + 65536));
      runBytes(random, null, BIG_BOUND_MS);
      runBytes(encoder.encode('<'.repeat(size)), null, BIG_BOUND_MS);
      runBytes(
        encoder.encode(
          `<rss><channel><item><title>x</title><description>${'<a " style '.repeat(size / 12)}</description></item></channel></rss>`,
        ),
        null,
        BIG_BOUND_MS,
      );
    });
    it('a 5 MB HTML body is sanitized in bounded time', () => {
      const paragraph = '<p>نص <b>غامق</b> و<a href="/x" onclick="alert(1)">رابط</a> mixed Latin text</p>\n';
      const figure =
        '<figure><img src="/a.jpg" onerror="alert(1)" alt=""><figcaption>تعليق</figcaption></figure>\n';
      const block = paragraph.repeat(40) + figure;
      renderBody(block.repeat(Math.floor(size / block.length)), 'html', BIG_BOUND_MS);
    });
    // marked's lexer is superlinear in JavaScriptCore (8 KB: 50 ms, 33 KB: 0.4 s, 131 KB: 4 s,
    // 655 KB: 150 s), linear in V8 and SpiderMonkey (256 KB: ~0.2 s): render/markdown.ts lexes
    // long bodies in pieces cut at blank lines, which keeps WebKit within the bound.
    it('a 256 KB markdown body renders in bounded time', () => {
      const paragraph =
        'نص **غامق** و[رابط](https://news.example/) <b>x</b> <img src=x onerror=alert(1)>\n\n';
      renderBody(paragraph.repeat(Math.floor((256 * 1024) / paragraph.length)), 'markdown', BOUND_MS);
    });
  });

  it('counts its runs', () => {
    expect(stats.runs).to.be.greaterThan(2000);
  });
});

/** Replaces the value at a pseudo-random place inside `doc` (chosen by `at`) with `value`. */
function replaceSomewhere(doc: unknown, at: number, value: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || slots.length > 2000) return;
    if (Array.isArray(node)) node.forEach((child, i) => (slots.push([node, i]), visit(child, depth + 1)));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node))
        (slots.push([node as Record<string, unknown>, key]), visit(child, depth + 1));
  };
  visit(doc, 0);
  const slot = slots[Math.floor(at * slots.length)];
  if (slot) (slot[0] as Record<string | number, unknown>)[slot[1]] = value;
}
