/**
 * Hostile input: every payload of payloads.ts through every field of every accepted format
 * (the own format through the `json` attribute, the `data` property and an inline script
 * child; `<article-section>` attributes and text; RSS 2.0 (escaped and raw), RSS 1.0, Atom,
 * JSON Feed, WordPress and JSON-LD documents built around the payload), rendered by the real
 * elements on a page with no CSP. A trap (`alert`, `confirm`, `prompt`, `print` and the
 * canary `window.__pwned`) proves nothing runs, even after every link is clicked; an audit
 * of every shadow root proves no handler, script-capable element or dangerous URL is there.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { parseBytes } from '../../src/data/parse.js';
import { PAYLOADS } from './payloads.js';
import { Trap, audit, clickAllLinks, engine, imagesSettled, settle, shadowRoots } from './trap.js';

type Rendered = HTMLElement & { updateComplete: Promise<unknown>; data?: unknown; status?: string };

interface Carrier {
  name: string;
  /** The field slots one payload fills (in every element the carrier makes). */
  fields: string[];
  make(payload: string): Rendered[];
}

const FEED_URL = 'https://news.example/feed';
const PIXEL = '/test/fixtures/csp/pixel.png';

const xml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[ch]};`);

function element(tag: 'news-article' | 'news-ticker' | 'article-section', setup: (el: Rendered) => void) {
  const el = document.createElement(tag) as Rendered;
  if (tag === 'news-ticker') el.setAttribute('paused', '');
  setup(el);
  return el;
}

/** A ticker and an article reading the same document (a parsed XML Document or a JSON value). */
function both(doc: unknown, extra: (el: Rendered) => void = () => {}): Rendered[] {
  return [
    element('news-ticker', (el) => (el.data = doc)),
    element('news-article', (el) => {
      el.data = doc;
      extra(el);
    }),
  ];
}

/** XML text -> the Document parseBytes gives, or undefined when the data layer rejects it. */
function parsedXml(text: string): Document | undefined {
  try {
    return parseBytes(new TextEncoder().encode(text), 'application/xml', FEED_URL) as Document;
  } catch {
    rejected++;
    return undefined;
  }
}

let rejected = 0;

const carriers: Carrier[] = [
  {
    name: 'own article (json attribute)',
    fields: [
      'title', 'kicker', 'lead', 'image.alt', 'image.caption', 'image.credit', 'author.name', 'author.url',
      'source.name', 'source.url', 'sections[].heading', 'markdown body', 'text body', 'html body', 'tags', 'url',
    ], // prettier-ignore
    make: (p) => [
      element('news-article', (el) =>
        el.setAttribute(
          'json',
          JSON.stringify({
            title: p,
            kicker: p,
            lead: p,
            image: { src: PIXEL, alt: p, caption: p, credit: p },
            author: { name: p, url: p },
            source: { name: p, url: p },
            sections: [
              { heading: p, body: p },
              { heading: p, body: p, format: 'text' },
              { heading: p, body: p, format: 'html' },
            ],
            tags: [p, 'وسم'],
            url: p,
          }),
        ),
      ),
    ],
  },
  {
    name: 'own article (data property)',
    fields: [
      'body "## " heading',
      'body (markdown)',
      'image (a URL string)',
      'author (a string)',
      'published',
      'updated',
    ],
    make: (p) => [
      element('news-article', (el) => {
        el.data = {
          title: 'عنوان',
          body: `${p}\n\n## ${p}\n\n${p}`,
          image: p,
          author: p,
          published: p,
          updated: p,
        };
      }),
    ],
  },
  {
    name: 'own article (language)',
    fields: ['lang'],
    make: (p) => [element('news-article', (el) => (el.data = { title: 'عنوان', lang: p, lead: p }))],
  },
  {
    name: 'own ticker (data property)',
    fields: ['label', 'items[].title', 'items[].url', 'items[].time', 'items[].id'],
    make: (p) => [
      element('news-ticker', (el) => {
        el.data = {
          label: p,
          items: [
            { title: p, url: p, time: p, id: p },
            { title: 'خبر', url: p },
          ],
        };
      }),
    ],
  },
  {
    name: 'own ticker (script child, label attribute)',
    fields: ['label attribute', 'items[].title (script child)', 'items[].url (script child)'],
    make: (p) => [
      element('news-ticker', (el) => {
        el.setAttribute('label', p);
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify([{ title: p, url: p }]);
        el.append(script);
      }),
    ],
  },
  {
    name: '<article-section> attributes and text',
    fields: [
      'heading attribute',
      'html body attribute',
      'markdown body attribute',
      'text body attribute',
      'text content',
    ],
    make: (p) => [
      ...(['html', 'markdown', 'text'] as const).map((format) =>
        element('article-section', (el) => {
          el.setAttribute('heading', p);
          el.setAttribute('format', format);
          el.setAttribute('body', p);
        }),
      ),
      element('article-section', (el) => (el.textContent = p)),
    ],
  },
  {
    name: 'RSS 2.0',
    fields: [
      'channel title', 'item title', 'link', 'description', 'content:encoded', 'dc:creator', 'category',
      'enclosure url', 'source', 'item title (ticker)', 'link (ticker)',
    ], // prettier-ignore
    make: (p) => {
      const e = xml(p);
      const doc = parsedXml(`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${e}</title><link>https://news.example/</link>
${[e, 'خبر']
  .map(
    (title) => `<item><title>${title}</title><link>${e}</link><description>${e}</description>
<content:encoded>${e}</content:encoded><dc:creator>${e}</dc:creator><category>${e}</category>
<enclosure url="${e}" type="image/jpeg" length="1"/><source url="${e}">${e}</source></item>`,
  )
  .join('')}
</channel></rss>`);
      return doc ? both(doc) : [];
    },
  },
  {
    name: 'RSS 2.0 with the payload as raw markup',
    fields: ['title (raw)', 'description (raw)', 'title (raw, ticker)'],
    make: (p) => {
      const doc = parsedXml(
        `<rss version="2.0"><channel><title>t</title><item><title>${p}</title><link>https://news.example/1</link>` +
          `<description>${p}</description></item><item><title>خبر</title><description>${p}</description></item>` +
          `</channel></rss>`,
      );
      return doc ? both(doc) : [];
    },
  },
  {
    name: 'Atom 1.0',
    fields: [
      'title (html)', 'link href', 'summary (html)', 'content (html)', 'author name', 'author uri', 'category',
      'enclosure href', 'title (ticker)', 'link (ticker)',
    ], // prettier-ignore
    make: (p) => {
      const e = xml(p);
      const doc = parsedXml(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
${[e, 'خبر']
  .map(
    (title, i) => `<entry><id>urn:${i}</id><title type="html">${title}</title><link href="${e}"/>
<updated>2025-04-14T18:55:00Z</updated><summary type="html">${e}</summary><content type="html">${e}</content>
<author><name>${e}</name><uri>${e}</uri></author><category term="${e}"/>
<link rel="enclosure" type="image/png" href="${e}"/></entry>`,
  )
  .join('')}</feed>`);
      return doc ? both(doc) : [];
    },
  },
  {
    name: 'RSS 1.0 (RDF)',
    fields: ['title', 'link', 'description', 'title (ticker)', 'link (ticker)'],
    make: (p) => {
      const e = xml(p);
      const doc =
        parsedXml(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example/"><title>t</title><link>https://news.example/</link></channel>
<item rdf:about="https://news.example/1"><title>${e}</title><link>${e}</link><description>${e}</description></item>
<item rdf:about="https://news.example/2"><title>خبر</title><link>${e}</link><description>${e}</description></item>
</rdf:RDF>`);
      return doc ? both(doc) : [];
    },
  },
  {
    name: 'JSON Feed 1.1',
    fields: [
      'title', 'url', 'content_html', 'summary', 'image', 'authors[].name', 'authors[].url', 'tags',
      'content_text', 'title (ticker)', 'url (ticker)',
    ], // prettier-ignore
    make: (p) => {
      const doc = {
        version: 'https://jsonfeed.org/version/1.1',
        title: p,
        items: [
          ...[p, 'خبر'].map((title, i) => ({
            id: String(i),
            title,
            url: p,
            content_html: p,
            summary: p,
            image: p,
            authors: [{ name: p, url: p }],
            tags: [p],
          })),
          { id: 'text', title: 'نص', content_text: p },
        ],
      };
      return [
        ...both(doc),
        element('news-article', (el) => ((el.data = doc), el.setAttribute('item', 'text'))),
      ];
    },
  },
  {
    name: 'WordPress REST post',
    fields: [
      'title.rendered', 'content.rendered', 'excerpt.rendered', 'link', 'author name', 'author link',
      'featured source_url', 'featured alt_text', 'featured caption', 'category name', 'tag name',
      'title.rendered (ticker)', 'link (ticker)',
    ], // prettier-ignore
    make: (p) =>
      both(
        [p, 'خبر'].map((title, id) => ({
          id,
          date_gmt: '2025-04-14T17:55:00',
          link: p,
          title: { rendered: title },
          content: { rendered: p },
          excerpt: { rendered: p },
          _embedded: {
            author: [{ name: p, link: p }],
            'wp:featuredmedia': [{ source_url: p, alt_text: p, caption: { rendered: p } }],
            'wp:term': [[{ taxonomy: 'category', name: p }], [{ taxonomy: 'post_tag', name: p }]],
          },
        })),
      ),
  },
  {
    name: 'schema.org JSON-LD',
    fields: [
      'headline', 'description', 'articleBody', 'url', 'image url', 'image caption', 'author name', 'author url',
      'publisher name', 'publisher url', 'keywords', 'articleSection', 'headline (ticker)', 'url (ticker)',
    ], // prettier-ignore
    make: (p) =>
      both({
        '@context': 'https://schema.org',
        '@graph': [p, 'خبر'].map((headline) => ({
          '@type': 'NewsArticle',
          headline,
          description: p,
          articleBody: p,
          url: p,
          image: { '@type': 'ImageObject', url: p, caption: p },
          author: { '@type': 'Person', name: p, url: p },
          publisher: { '@type': 'Organization', name: p, url: p },
          keywords: p,
          articleSection: p,
        })),
      }),
  },
];

const carrierOf = new WeakMap<Element, string>();
const byCarrier: Record<string, Record<string, number>> = {};

const FIELDS_PER_PAYLOAD = carriers.reduce((sum, carrier) => sum + carrier.fields.length, 0);
const BATCH = 16;

describe('hostile input: every payload through every field and format', function () {
  this.timeout(120000);
  const trap = new Trap();
  const stage = document.createElement('div');
  const totals = {
    payloads: 0,
    tries: 0,
    elements: 0,
    clicked: 0,
    executions: 0,
    statuses: {} as Record<string, number>,
  };

  before(() => {
    trap.install();
    // Every element stacked inside the viewport: lazy images load, so error handlers (had
    // any survived) would fire.
    stage.style.cssText = 'position:fixed;inset:0;overflow:hidden;opacity:0.01';
    document.body.append(stage);
  });
  after(() => {
    stage.remove();
    trap.restore();
    console.log(
      `hostile ${engine()}: ${totals.payloads} payloads × ${FIELDS_PER_PAYLOAD} field slots = ${totals.tries} tries ` +
        `in ${totals.elements} elements (${JSON.stringify(totals.statuses)}; ${rejected} documents rejected by the ` +
        `data layer), ${totals.clicked} links clicked, executions seen: ${totals.executions}`,
    );
    console.log(`hostile ${engine()}, outcomes per carrier: ${JSON.stringify(byCarrier)}`);
  });

  it(`has at least 150 payloads and ${carriers.length} carriers`, () => {
    expect(PAYLOADS.length).to.be.at.least(150);
    expect(new Set(PAYLOADS.map((p) => p.value)).size, 'payloads are distinct').to.equal(PAYLOADS.length);
    expect(FIELDS_PER_PAYLOAD).to.be.at.least(90);
  });

  for (let start = 0; start < PAYLOADS.length; start += BATCH) {
    const batch = PAYLOADS.slice(start, start + BATCH);
    it(`payloads ${start + 1}–${start + batch.length}: nothing runs, nothing dangerous is in any shadow root`, async () => {
      const elements: Rendered[] = [];
      for (const { value } of batch) {
        for (const carrier of carriers) {
          const made = carrier.make(value);
          for (const el of made) {
            el.style.cssText = 'position:absolute;inset-block-start:0;inset-inline:0';
            carrierOf.set(el, carrier.name);
          }
          elements.push(...made);
          totals.tries += carrier.fields.length;
        }
        totals.payloads++;
      }
      stage.replaceChildren(...elements);
      totals.elements += elements.length;
      // Twice: the sections' lazy chunks (markdown, sanitizer) arrive after the first render.
      for (let round = 0; round < 2; round++) {
        await Promise.all(elements.map((el) => el.updateComplete));
        await settle(0);
      }
      const roots = shadowRoots(stage);
      await imagesSettled(roots);

      for (const el of elements) {
        const status = el.localName === 'article-section' ? 'section' : String(el.status);
        totals.statuses[status] = (totals.statuses[status] ?? 0) + 1;
        const key = `${carrierOf.get(el)} ${el.localName}`;
        byCarrier[key] ??= {};
        byCarrier[key][status] = (byCarrier[key][status] ?? 0) + 1;
        expect(['ready', 'empty', 'error', 'section'], `${el.localName} settled`).to.include(status);
      }
      const problems = audit(roots);
      expect(
        problems.slice(0, 20).join('\n'),
        `${problems.length} problems with ${batch.map((p) => p.name).join(' ')}`,
      ).to.equal('');
      totals.clicked += await clickAllLinks(roots);
      await settle(50);

      const executions = trap.executions;
      totals.executions += executions.length;
      trap.reset();
      expect(executions.join('; '), `executions with ${batch.map((p) => p.name).join(' ')}`).to.equal('');
      // Nothing reached the page's own document: no clobbering, no new scripts.
      expect(typeof document.cookie).to.equal('string');
      expect(document.location).to.equal(window.location);
      expect(typeof document.getElementById).to.equal('function');
      expect(typeof document.querySelector).to.equal('function');
      expect(document.body instanceof HTMLBodyElement).to.be.true;
      expect(
        stage.querySelectorAll(':scope > :not(news-article, news-ticker, article-section)'),
      ).to.have.length(0);
      stage.replaceChildren();
    });
  }

  it('rendered real content: most elements are ready, and the trap itself works', async () => {
    expect(totals.payloads).to.equal(PAYLOADS.length);
    expect(totals.tries).to.equal(PAYLOADS.length * FIELDS_PER_PAYLOAD);
    expect(totals.statuses['ready'] ?? 0, 'rendered elements').to.be.greaterThan(totals.elements / 2);
    expect(totals.clicked, 'links clicked').to.be.greaterThan(PAYLOADS.length);
    // The trap notices a handler that does run (in the light DOM, where the test put it).
    const probe = document.createElement('img');
    probe.setAttribute('onerror', 'window.__pwned = "probe"');
    probe.src = 'data:,not-an-image';
    document.body.append(probe);
    await new Promise((resolve) => probe.addEventListener('error', resolve, { once: true }));
    await settle(0);
    expect(trap.executions).to.deep.equal(['__pwned = probe']);
    probe.remove();
    delete (window as { __pwned?: unknown }).__pwned;
  });
});
