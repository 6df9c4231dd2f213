// The first-load reader (read.ts, read-article.ts): the own format at once, feeds through the
// lazily loaded parse.ts, and the same answers as parse.ts for every input.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DataError, parseBytes, toArticle, toTicker } from '../../src/data/parse.js';
import { readBytes, readTicker } from '../../src/data/read.js';
import { readArticle } from '../../src/data/read-article.js';
import type { NewsErrorEvent, NewsLoadEvent } from '../../src/events.js';
import type { NewsArticleElement } from '../../src/news-article.js';
import type { NewsTickerElement } from '../../src/news-ticker.js';
import '../../src/index.js';
import { html as litHtml, type TemplateResult } from 'lit';
import type { TickerData } from '../../src/data/types.js';
import { NewsDataElement } from '../../src/news-data-element.js';

/** A ticker whose reader answers `{slow: title}` only when the test releases it. */
class SlowTickerElement extends NewsDataElement<TickerData> {
  #waiting: (() => void)[] = [];
  release(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
  protected override read(document: unknown, baseUrl?: string): TickerData | Promise<TickerData> {
    const slow = (document as { slow?: string }).slow;
    if (slow === undefined) return readTicker(document, baseUrl);
    return new Promise((resolve) => this.#waiting.push(() => resolve({ items: [{ title: slow }] })));
  }
  protected override isEmpty(value: TickerData): boolean {
    return value.items.length === 0;
  }
  protected override renderData(data: TickerData): TemplateResult {
    return litHtml`<ul>
      ${data.items.map((item) => litHtml`<li>${item.title}</li>`)}
    </ul>`;
  }
}
customElements.define('slow-test-ticker', SlowTickerElement);

const encode = (text: string) => new TextEncoder().encode(text);
const jsonFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'موقع',
  items: [{ id: '1', title: 'خبر من JSON Feed', url: 'https://news.example/1', content_text: 'نص' }],
};
const wordpress = [{ id: 3, link: 'https://news.example/3', title: { rendered: 'خبر من ووردبريس' } }];
const jsonLd = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'خبر JSON-LD' };

/** The outcome of a call: its value, or the message of the DataError it threw or rejected with. */
async function outcome(read: () => unknown): Promise<unknown> {
  try {
    const value = read();
    return { value: value instanceof Promise ? await value : value };
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return { error: (error as Error).message };
  }
}

async function asyncOutcome(read: () => unknown): Promise<unknown> {
  try {
    return { value: await read() };
  } catch (error) {
    expect(error).to.be.instanceOf(DataError);
    return { error: (error as Error).message };
  }
}

describe('read.ts: the first-load reader', () => {
  it('reads the own format, page documents and bare arrays at once (no promise)', () => {
    const own = { label: 'عاجل', items: [{ title: 'خبر', url: '/1', time: '2025-04-14T18:55:00+01:00' }] };
    for (const doc of [own, { ticker: own }, own.items]) {
      const result = readTicker(doc, 'https://news.example/');
      expect(result).not.to.be.instanceOf(Promise);
      expect(result).to.deep.equal(toTicker(doc, 'https://news.example/'));
    }
    const article = { title: 'عنوان', body: 'مقدمة\n\n## قسم\n\nنص', tags: ['رياضة'] };
    for (const doc of [article, { article }]) {
      const result = readArticle(doc, { baseUrl: 'https://news.example/' });
      expect(result).not.to.be.instanceOf(Promise);
      expect(result).to.deep.equal(toArticle(doc, { baseUrl: 'https://news.example/' }));
    }
  });

  it('throws the same DataError as parse.ts for bad own-format data, synchronously', () => {
    for (const doc of [{ items: [{ title: 3 }] }, 'text', { ticker: null, article: {} }, null]) {
      expect(() => readTicker(doc)).to.throw(DataError);
      let expected = '';
      try {
        toTicker(doc);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(() => readTicker(doc)).to.throw(expected);
    }
  });

  it('reads feeds (also inside a page document) through the lazy reader, as parse.ts does', async () => {
    for (const doc of [jsonFeed, wordpress, jsonLd, { ticker: jsonFeed, article: jsonLd }]) {
      expect(await outcome(() => readTicker(doc, 'https://news.example/'))).to.deep.equal(
        await outcome(() => toTicker(doc, 'https://news.example/')),
      );
      expect(await outcome(() => readArticle(doc, { baseUrl: 'https://news.example/' }))).to.deep.equal(
        await outcome(() => toArticle(doc, { baseUrl: 'https://news.example/' })),
      );
    }
    // An error from a feed reader arrives as a rejected promise, never thrown later.
    expect(await outcome(() => readArticle(jsonFeed, { item: 'none' }))).to.deep.equal({
      error: 'the feed has no item "none"',
    });
  });

  it('readBytes gives what parseBytes gives, for JSON it reads itself and for what it hands over', async () => {
    const latin = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"t":"é"} in windows-1252
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{"a":1}'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    const cases: [Uint8Array, string | null][] = [
      [encode('{"items":[{"title":"عاجل"}]}'), 'application/json'],
      [encode('\ufeff  [{"title":"BOM"}] '), null],
      [encode('{"items":[{"title":"x"}]}'), 'text/plain; charset=UTF-8'],
      [encode('{"title":"charset"}'), 'application/json; charset=windows-1256'],
      [latin, 'application/json'],
      [utf16, null],
      [encode('   '), null],
      [encode('{"items": ['), null],
      [encode('just words'), 'text/plain'],
      [
        encode('<rss version="2.0"><channel><title>t</title><item><title>RSS</title></item></channel></rss>'),
        null,
      ],
      [encode('<!doctype html><html><body>page</body></html>'), 'text/html'],
      [encode('<root/>'), 'application/xml'],
    ];
    for (const [bytes, type] of cases) {
      const ours = await asyncOutcome(() => readBytes(bytes, type, 'https://news.example/feed'));
      const theirs = await asyncOutcome(() => parseBytes(bytes, type, 'https://news.example/feed'));
      if (typeof Document !== 'undefined' && (theirs as { value?: unknown }).value instanceof Document) {
        const value = (ours as { value?: unknown }).value;
        expect(value).to.be.instanceOf(Document);
        expect(toTicker(value)).to.deep.equal(toTicker((theirs as { value: Document }).value));
      } else {
        expect(ours, new TextDecoder().decode(bytes)).to.deep.equal(theirs);
      }
    }
    // UTF-8 JSON needs no reader to load: the value comes back at once.
    expect(readBytes(encode('{"a":1}'), 'application/json', '')).to.deep.equal({ a: 1 });
  });
});

describe('DataSource with a reader that loads', () => {
  it('renders a feed given as data once its reader is here; updateComplete waits for it', async () => {
    const el = await fixture<NewsTickerElement>(html`<news-ticker></news-ticker>`);
    const loaded = oneEvent(el, 'news-load') as Promise<NewsLoadEvent>;
    el.data = jsonFeed;
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('.list .title')?.textContent).to.equal('خبر من JSON Feed');
    expect(((await loaded).detail.data as { items: unknown[] }).items).to.have.length(1);
  });

  it('drops a document still being read when newer data arrives, and shows loading meanwhile', async () => {
    const el = await fixture<SlowTickerElement>(html`<slow-test-ticker></slow-test-ticker>`);
    const loads: NewsLoadEvent[] = [];
    el.addEventListener('news-load', (event) => loads.push(event));
    el.data = { slow: 'أقدم' };
    await Promise.resolve();
    expect(el.status).to.equal('loading');
    el.data = { items: [{ title: 'الأحدث' }] };
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    el.release(); // the older answer arrives last: dropped
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...el.shadowRoot!.querySelectorAll('li')].map((node) => node.textContent)).to.deep.equal([
      'الأحدث',
    ]);
    expect(loads).to.have.length(1);
    expect((loads[0].detail.data as TickerData).items[0].title).to.equal('الأحدث');
  });

  it('waits in updateComplete for a document being read, then renders it', async () => {
    const el = await fixture<SlowTickerElement>(html`<slow-test-ticker></slow-test-ticker>`);
    el.data = { slow: 'بطيء' };
    const done = el.updateComplete;
    setTimeout(() => el.release(), 20);
    await done;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('li')?.textContent).to.equal('بطيء');
  });

  it('reports a feed that cannot be read as an error, like any bad data', async () => {
    const el = await fixture<NewsArticleElement>(html`<news-article item="none"></news-article>`);
    const failed = oneEvent(el, 'news-error') as Promise<NewsErrorEvent>;
    el.data = jsonFeed;
    await el.updateComplete;
    expect(el.status).to.equal('error');
    expect((await failed).detail.message).to.equal('the feed has no item "none"');
  });
});
