// DataSource and the shared fetch cache, against the real dev server (test/server/middleware.mjs).
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { backoffDelay, liveFeeds, MAX_BACKOFF_MS } from '../../src/data/fetch-cache.js';
import { toArticle, toTicker } from '../../src/data/parse.js';
import type { DataSource } from '../../src/data/source.js';
import type { ArticleData, TickerData } from '../../src/data/types.js';
import type { NewsErrorEvent, NewsLoadEvent } from '../../src/events.js';
import { NewsDataElement } from '../../src/news-data-element.js';

/** A minimal ticker: the real data path (source, cache, parser), a trivial view. */
class SourceTestTickerElement extends NewsDataElement<TickerData> {
  get dataSource(): DataSource<TickerData> {
    return this.source;
  }
  protected override read(document: unknown, baseUrl?: string): TickerData {
    return toTicker(document, baseUrl);
  }
  protected override isEmpty(value: TickerData): boolean {
    return value.items.length === 0;
  }
  protected override renderData(data: TickerData): TemplateResult {
    return html`<ul>
      ${data.items.map((item) => html`<li>${item.title}</li>`)}
    </ul>`;
  }
}

class SourceTestArticleElement extends NewsDataElement<ArticleData> {
  get dataSource(): DataSource<ArticleData> {
    return this.source;
  }
  protected override read(document: unknown, baseUrl?: string): ArticleData {
    return toArticle(document, { baseUrl });
  }
  protected override isEmpty(value: ArticleData): boolean {
    return !value.title;
  }
  protected override renderData(data: ArticleData): TemplateResult {
    return html`<h2>${data.title}</h2>`;
  }
}

customElements.define('source-test-ticker', SourceTestTickerElement);
customElements.define('source-test-article', SourceTestArticleElement);

type TestElement = SourceTestTickerElement | SourceTestArticleElement;
interface Mounted<E extends TestElement = SourceTestTickerElement> {
  el: E;
  loads: NewsLoadEvent[];
  errors: NewsErrorEvent[];
}
interface Stats {
  requests: number;
  ok: number;
  notModified: number;
  failed: number;
  aborted: number;
  completed: number;
  conditional: number;
  preflights: number;
  cookies: number;
  times: number[];
  statuses: number[];
}

let sequence = 0;
const newKey = () => `k${Date.now().toString(36)}${(sequence += 1)}`;
const feed = (key: string, query = '') => `/api/feed?key=${key}${query ? `&${query}` : ''}`;
const absolute = (url: string) => new URL(url, document.baseURI).href;
const stats = async (key: string): Promise<Stats> =>
  (await fetch(`/api/count?key=${key}`, { cache: 'no-store' })).json();
const titles = (el: Element) =>
  [...(el.shadowRoot?.querySelectorAll('li, h2') ?? [])].map((node) => node.textContent);
/** The same server under another origin (localhost <-> 127.0.0.1): a cross-origin URL. */
const otherOrigin = () =>
  `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

const mountedElements: Element[] = [];

function create<E extends TestElement = SourceTestTickerElement>(
  attributes: Record<string, string>,
  tag = 'source-test-ticker',
): Mounted<E> {
  const el = document.createElement(tag) as E;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const loads: NewsLoadEvent[] = [];
  const errors: NewsErrorEvent[] = [];
  // Either kind of element: the page-wide event map (each class's own map types `data` for it).
  const target: HTMLElement = el;
  target.addEventListener('news-load', (event) => loads.push(event));
  target.addEventListener('news-error', (event) => errors.push(event));
  mountedElements.push(el);
  return { el, loads, errors };
}

function mount<E extends TestElement = SourceTestTickerElement>(
  attributes: Record<string, string>,
  tag = 'source-test-ticker',
): Mounted<E> {
  const mounted = create<E>(attributes, tag);
  document.body.prepend(mounted.el);
  return mounted;
}

const until = (predicate: () => unknown, message: string, timeout = 3000) =>
  waitUntil(predicate, message, { timeout, interval: 25 });

afterEach(async () => {
  for (const el of mountedElements.splice(0)) el.remove();
  window.scrollTo(0, 0);
  await aTimeout(0); // removals release their subscriptions in a microtask
});

describe('DataSource: inputs and their precedence', () => {
  it('takes the data property over json, an inline script and src (and fetches nothing)', async () => {
    const key = newKey();
    const m = create({ json: '{"items":[{"title":"from json"}]}', src: feed(key) });
    m.el.innerHTML = '<script type="application/json">{"items":[{"title":"from script"}]}</script>';
    m.el.data = { items: [{ title: 'from data' }] };
    document.body.prepend(m.el);
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['from data']);
    expect(m.el.status).to.equal('ready');
    expect(m.el.getAttribute('status')).to.equal('ready');
    await aTimeout(150);
    expect((await stats(key)).requests).to.equal(0);
  });

  it('takes json over an inline script and src', async () => {
    const key = newKey();
    const m = create({ json: '{"items":[{"title":"from json"}]}', src: feed(key) });
    m.el.innerHTML = '<script type="application/json">{"items":[{"title":"from script"}]}</script>';
    document.body.prepend(m.el);
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['from json']);
    await aTimeout(150);
    expect((await stats(key)).requests).to.equal(0);
  });

  it('takes an inline script over src', async () => {
    const key = newKey();
    const m = create({ src: feed(key) });
    m.el.innerHTML = '<script type="application/json">{"items":[{"title":"from script"}]}</script>';
    document.body.prepend(m.el);
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['from script']);
    await aTimeout(150);
    expect((await stats(key)).requests).to.equal(0);
  });

  it('reads an inline script that arrives after the element upgraded', async () => {
    const m = mount({});
    await m.el.updateComplete;
    expect(m.el.status).to.equal('idle');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"items":[{"title":"late script"}]}';
    m.el.append(script);
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['late script']);
    expect(m.el.status).to.equal('ready');
  });

  it('switches from src to a script child added later, dropping the request', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'delay=600') });
    await until(async () => (await stats(key)).requests === 1, 'the request');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"items":[{"title":"script wins"}]}';
    m.el.append(script);
    await until(() => m.loads.length === 1, 'news-load');
    await until(async () => (await stats(key)).aborted === 1, 'the src request aborted');
    await aTimeout(700);
    expect(titles(m.el)).to.deep.equal(['script wins']);
    expect(m.loads.length).to.equal(1);
  });

  it('reports a malformed json attribute without throwing', async () => {
    const m = mount({ json: '{"items": [' });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.el.status).to.equal('error');
    expect(m.el.dataSource.value).to.equal(undefined);
  });
});

describe('DataSource: fetching src', () => {
  it('shows loading (aria-busy) while fetching, then the data, with news-load after render', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'delay=200') });
    await m.el.updateComplete;
    expect(m.el.status).to.equal('loading');
    expect(m.el.getAttribute('aria-busy')).to.equal('true');
    const rendered: string[][] = [];
    m.el.addEventListener('news-load', () => rendered.push(titles(m.el) as string[]));
    await until(() => m.loads.length === 1, 'news-load');
    expect(m.el.status).to.equal('ready');
    expect(m.el.hasAttribute('aria-busy')).to.equal(false);
    expect(m.loads[0].detail.data).to.equal(m.el.dataSource.value);
    expect(rendered[0]).to.have.length(2);
    expect(rendered[0][0]).to.contain('static');
    expect((await stats(key)).requests).to.equal(1);
  });

  it('omits credentials by default and sends them with credentials="include"', async () => {
    document.cookie = 'akhbar_test=1; path=/';
    try {
      const key = newKey();
      const plain = mount({ src: feed(key, 'scenario=cookie') });
      const withCookies = mount({ src: feed(key, 'scenario=cookie'), credentials: 'include' });
      await until(() => plain.loads.length === 1 && withCookies.loads.length === 1, 'both loads');
      expect(titles(plain.el)[0]).to.contain('cookie:no');
      expect(titles(withCookies.el)[0]).to.contain('cookie:yes');
      const seen = await stats(key);
      expect(seen.requests).to.equal(2); // one cache entry per credentials mode
      expect(seen.cookies).to.equal(1);
    } finally {
      document.cookie = 'akhbar_test=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
  });

  it('renders JSON served as text/plain (the content type is a hint)', async () => {
    const m = mount({ src: feed(newKey(), 'type=text/plain') });
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.have.length(2);
  });

  it('renders an RSS feed served as text/plain', async () => {
    const m = mount({ src: feed(newKey(), 'scenario=file&name=feed.xml&type=text/plain') });
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['خبر من خلاصة RSS', 'خبر ثان من خلاصة RSS']);
  });

  it('rejects an HTML page with news-error and the error state', async () => {
    const m = mount({ src: feed(newKey(), 'scenario=html') });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.el.status).to.equal('error');
    expect(m.loads).to.have.length(0);
    expect(titles(m.el)).to.deep.equal([]);
  });

  it('shows the empty state for a well-formed feed without items (no news-error)', async () => {
    const m = mount({ src: feed(newKey(), 'scenario=file&name=empty-feed.json') });
    await until(() => m.loads.length === 1, 'news-load');
    expect(m.el.status).to.equal('empty');
    expect(m.errors).to.have.length(0);
  });

  it('reports an empty body', async () => {
    const url = feed(newKey(), 'scenario=empty');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.el.status).to.equal('error');
    expect(m.errors[0].detail.message).to.contain(absolute(url));
  });

  it('rejects an image before reading its body', async () => {
    const url = feed(newKey(), 'type=image/png');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(`${absolute(url)} is image/png, not a feed`);
  });

  for (const [status, text] of [
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
  ] as const) {
    it(`reports ${status} with the URL and the status`, async () => {
      const url = feed(newKey(), `status=${status}`);
      const m = mount({ src: url });
      await until(() => m.errors.length === 1, 'news-error');
      expect(m.errors[0].detail.message).to.equal(`${absolute(url)} answered ${status} ${text}`);
      expect(m.el.status).to.equal('error');
      expect(m.el.dataSource.error?.message).to.equal(m.errors[0].detail.message);
    });
  }

  it('times out (the timeout attribute, in seconds) and aborts the request', async () => {
    const key = newKey();
    const url = feed(key, 'delay=3000');
    const m = mount({ src: url, timeout: '0.3' });
    expect(m.el.timeout).to.equal(0.3);
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(`${absolute(url)} did not answer within 0.3 s`);
    await until(async () => (await stats(key)).aborted === 1, 'aborted on the server');
  });

  it('has a 10 s timeout by default', async () => {
    const m = mount({});
    expect(m.el.timeout).to.equal(10);
    expect(m.el.credentials).to.equal('omit');
    expect(m.el.loading).to.equal('eager');
  });

  it('reads a slow body that finishes in time', async () => {
    const m = mount({ src: feed(newKey(), 'scenario=slow&chunks=4&every=100') });
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.have.length(2);
  });

  it('counts the body in the timeout', async () => {
    const key = newKey();
    const url = feed(key, 'scenario=slow&chunks=6&every=150');
    const m = mount({ src: url, timeout: '0.4' });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(`${absolute(url)} did not answer within 0.4 s`);
    await until(async () => (await stats(key)).aborted === 1, 'aborted on the server');
  });

  it('refuses a body declared larger than 5 MB', async () => {
    const key = newKey();
    const url = feed(key, 'scenario=big&size=6000000');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error', 5000);
    expect(m.errors[0].detail.message).to.equal(
      `${absolute(url)} is larger than 5 MB, the most a feed may weigh`,
    );
    await until(async () => (await stats(key)).aborted === 1, 'aborted on the server');
  });

  it('stops reading a streamed body past 5 MB', async () => {
    const key = newKey();
    const url = feed(key, 'scenario=big&size=20000000&length=0');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error', 8000);
    expect(m.errors[0].detail.message).to.contain('larger than 5 MB');
    await until(async () => (await stats(key)).aborted === 1, 'aborted on the server');
  });

  const unreadable = (url: string) =>
    `${url} could not be read: the feed's server does not allow this site to read it (CORS), or the network failed`;

  it('names CORS or the network when a connection is cut', async () => {
    const url = feed(newKey(), 'scenario=destroy');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(unreadable(absolute(url)));
  });

  it('names CORS or the network when a connection is cut in the middle of the body', async () => {
    const url = feed(newKey(), 'scenario=destroy&partial=1');
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(unreadable(absolute(url)));
  });

  it('names CORS when another origin does not allow this site', async () => {
    const url = `${otherOrigin()}${feed(newKey())}`;
    const m = mount({ src: url });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.equal(unreadable(url));
    expect(m.el.status).to.equal('error');
  });

  it('reads another origin that allows this site (Access-Control-Allow-Origin)', async () => {
    const key = newKey();
    const m = mount({ src: `${otherOrigin()}${feed(key, 'cors=1')}` });
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.have.length(2);
    expect((await stats(key)).preflights).to.equal(0);
  });

  it('reports a src that is not an http(s) URL without fetching it', async () => {
    const m = mount({ src: 'javascript:alert(1)' });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.errors[0].detail.message).to.contain('not an http(s) URL');
  });
});

describe('DataSource: races and removal', () => {
  it('aborts the older request on a src change and shows only the newest answer', async () => {
    const [a, b] = [newKey(), newKey()];
    const m = mount({ src: feed(a, 'delay=700&tag=A') });
    await until(async () => (await stats(a)).requests === 1, 'request A');
    m.el.src = feed(b, 'delay=50&tag=B');
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)[0]).to.contain('B');
    await until(async () => (await stats(a)).aborted === 1, 'A aborted');
    await aTimeout(800);
    expect(titles(m.el)[0]).to.contain('B');
    expect(m.loads).to.have.length(1);
    expect(m.errors).to.have.length(0);
  });

  it('drops an older answer that arrives last (another element still reads it)', async () => {
    const [a, b] = [newKey(), newKey()];
    const other = mount({ src: feed(a, 'delay=700&tag=A') });
    const m = mount({ src: feed(a, 'delay=700&tag=A') });
    await until(async () => (await stats(a)).requests === 1, 'request A');
    m.el.src = feed(b, 'delay=50&tag=B');
    await until(() => m.loads.length === 1, 'news-load B');
    await until(() => other.loads.length === 1, 'news-load A', 2000);
    await aTimeout(50);
    expect(titles(other.el)[0]).to.contain('A');
    expect(titles(m.el)[0]).to.contain('B');
    expect(m.loads).to.have.length(1);
    expect((await stats(a)).aborted).to.equal(0);
  });

  it('aborts the request when the element is removed, and drops the cache entry', async () => {
    const key = newKey();
    expect(liveFeeds()).to.equal(0);
    const m = mount({ src: feed(key, 'delay=2000') });
    await until(async () => (await stats(key)).requests === 1, 'the request');
    expect(liveFeeds()).to.equal(1);
    m.el.remove();
    await until(async () => (await stats(key)).aborted === 1, 'aborted on the server');
    expect(liveFeeds()).to.equal(0);
    await aTimeout(100);
    expect(m.loads).to.have.length(0);
    expect(m.errors).to.have.length(0);
  });

  it('keeps the request when the element is moved, and fetches again when re-inserted later', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'delay=300') });
    await until(async () => (await stats(key)).requests === 1, 'the request');
    document.body.append(m.el); // a move: removed and inserted in one task
    await until(() => m.loads.length === 1, 'news-load');
    expect((await stats(key)).aborted).to.equal(0);
    m.el.remove();
    await aTimeout(50);
    document.body.prepend(m.el);
    await until(async () => (await stats(key)).requests === 2, 'fetched again');
    await aTimeout(400);
    expect(m.el.status).to.equal('ready');
    expect(m.loads).to.have.length(1); // the same content: no new load
  });
});

describe('DataSource: refresh', () => {
  it('re-fetches every refresh seconds and shows the new version', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'scenario=version'), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    expect(titles(m.el)[0]).to.contain('v1');
    await until(() => m.loads.length === 2, 'second load', 2500);
    expect(titles(m.el)[0]).to.contain('v2');
    expect(m.el.dataSource.value).not.to.equal(first);
    expect(m.loads[1].detail.data).to.equal(m.el.dataSource.value);
  });

  it('keeps the very data object (no re-render, no event) when the same bytes come back', async () => {
    const key = newKey();
    const m = mount({ src: feed(key), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    const item = m.el.shadowRoot!.querySelector('li');
    await until(async () => (await stats(key)).requests >= 2, 'a refresh', 2500);
    await aTimeout(100);
    expect(m.el.dataSource.value).to.equal(first);
    expect(m.el.shadowRoot!.querySelector('li')).to.equal(item);
    expect(m.loads).to.have.length(1);
    expect(m.errors).to.have.length(0);
  });

  it('sends If-None-Match, keeps the data on 304, and takes a new ETag version', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'scenario=etag&change=3'), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    await until(async () => (await stats(key)).notModified === 1, 'a 304', 2500);
    await aTimeout(50);
    expect(m.el.dataSource.value).to.equal(first);
    expect(m.loads).to.have.length(1);
    await until(() => m.loads.length === 2, 'the new version', 2500);
    expect(titles(m.el)[0]).to.contain('etag-v2');
    const seen = await stats(key);
    expect(seen.conditional).to.be.at.least(2);
    expect(seen.statuses.slice(0, 3)).to.deep.equal([200, 304, 200]);
  });

  it('sends If-Modified-Since and keeps the data on 304', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'scenario=lastmod&change=3'), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    await until(async () => (await stats(key)).notModified === 1, 'a 304', 2500);
    await aTimeout(50);
    expect(m.el.dataSource.value).to.equal(first);
    await until(() => m.loads.length === 2, 'the new version', 2500);
    expect(titles(m.el)[0]).to.contain('lastmod-v2');
  });

  it('revalidates another origin without a preflight', async () => {
    const key = newKey();
    const m = mount({ src: `${otherOrigin()}${feed(key, 'scenario=etag&cors=1')}`, refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    await until(async () => (await stats(key)).requests >= 2, 'a refresh', 2500);
    await aTimeout(100);
    const seen = await stats(key);
    expect(seen.preflights).to.equal(0);
    // The HTTP cache revalidated (If-None-Match). WebKitGTK's automation session sends the
    // refresh unconditionally (no cache entry to revalidate); the same bytes still change nothing.
    if (!/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent)) {
      expect(seen.conditional).to.be.at.least(1);
    }
    expect(m.el.dataSource.value).to.equal(first);
    expect(m.loads).to.have.length(1);
    expect(m.errors).to.have.length(0);
  });

  it('keeps the content through a failed refresh, backs off, then recovers', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'scenario=version&fail=2'), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    await until(() => m.errors.length === 1, 'news-error for the refresh', 2500);
    expect(m.errors[0].detail.message).to.contain('answered 500');
    expect(m.el.status).to.equal('ready');
    expect(m.el.dataSource.value).to.equal(first);
    expect(titles(m.el)[0]).to.contain('v1');
    expect(m.el.dataSource.error?.message).to.contain('answered 500');
    await until(() => m.loads.length === 2, 'recovered', 4000);
    expect(titles(m.el)[0]).to.contain('v3');
    expect(m.el.dataSource.error).to.equal(undefined);
    const { times } = await stats(key);
    expect(times[1] - times[0]).to.be.below(1900);
    expect(times[2] - times[1]).to.be.at.least(1900); // twice the interval after one failure
  });

  it('keeps the content when a refresh brings garbage', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'garbage=2'), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    const first = m.el.dataSource.value;
    await until(() => m.errors.length === 1, 'news-error for the refresh', 2500);
    await m.el.updateComplete;
    expect(m.el.status).to.equal('ready');
    expect(m.el.dataSource.value).to.equal(first);
    expect(titles(m.el)).to.have.length(2);
  });

  it('keeps trying after a failed first load and shows the feed once it recovers', async () => {
    const key = newKey();
    const m = mount({ src: feed(key, 'fail=1'), refresh: '1' });
    await until(() => m.errors.length === 1, 'news-error');
    expect(m.el.status).to.equal('error');
    await until(() => m.loads.length === 1, 'recovered', 4000);
    expect(m.el.status).to.equal('ready');
    expect(titles(m.el)).to.have.length(2);
  });

  it('backs off exponentially up to five minutes', () => {
    expect(backoffDelay(1000, 0)).to.equal(1000);
    expect(backoffDelay(1000, 1)).to.equal(2000);
    expect(backoffDelay(1000, 3)).to.equal(8000);
    expect(backoffDelay(1000, 30)).to.equal(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).to.equal(300000);
    expect(backoffDelay(600000, 2)).to.equal(600000); // never sooner than the interval
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    const key = newKey();
    const m = mount({ src: feed(key), refresh: '1' });
    await until(() => m.loads.length === 1, 'first load');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await aTimeout(1600);
      expect((await stats(key)).requests).to.equal(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(document.visibilityState).to.equal('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(async () => (await stats(key)).requests === 2, 'caught up', 800);
  });

  it('pauses while the element is off-screen and catches up when it is back', async () => {
    const key = newKey();
    const m = mount({ src: feed(key), refresh: '1' });
    const spacer = document.createElement('div');
    spacer.style.blockSize = '20000px';
    m.el.after(spacer);
    try {
      await until(() => m.loads.length === 1, 'first load');
      window.scrollTo(0, 10000);
      await aTimeout(1600);
      expect((await stats(key)).requests).to.equal(1);
      window.scrollTo(0, 0);
      await until(async () => (await stats(key)).requests === 2, 'caught up', 800);
    } finally {
      spacer.remove();
    }
  });
});

describe('DataSource: elements sharing a src', () => {
  it('makes one request for three elements', async () => {
    const key = newKey();
    expect(liveFeeds()).to.equal(0);
    const all = [0, 1, 2].map(() => mount({ src: feed(key, 'delay=100') }));
    await Promise.all(all.map((m) => m.el.updateComplete));
    expect(liveFeeds()).to.equal(1);
    await until(() => all.every((m) => m.loads.length === 1), 'three loads');
    expect((await stats(key)).requests).to.equal(1);
    for (const m of all) expect(titles(m.el)).to.have.length(2);
  });

  it('feeds a ticker and an article from one page document with one request', async () => {
    const key = newKey();
    const ticker = mount({ src: feed(key, 'scenario=page') });
    const article = mount<SourceTestArticleElement>(
      { src: feed(key, 'scenario=page') },
      'source-test-article',
    );
    await until(() => ticker.loads.length === 1 && article.loads.length === 1, 'both loads');
    expect(titles(ticker.el)).to.deep.equal(['أول خبر في وثيقة الصفحة', 'ثاني خبر في وثيقة الصفحة']);
    expect(titles(article.el)).to.deep.equal(['مقال وثيقة الصفحة']);
    expect((await stats(key)).requests).to.equal(1);
  });

  it('gives a late element the cached document without a request', async () => {
    const key = newKey();
    const first = mount({ src: feed(key) });
    await until(() => first.loads.length === 1, 'first load');
    const late = mount({ src: feed(key) });
    await until(() => late.loads.length === 1, 'late load');
    expect(titles(late.el)).to.deep.equal(titles(first.el));
    expect((await stats(key)).requests).to.equal(1);
  });

  it('refreshes once per interval for all, at the shortest refresh', async () => {
    const key = newKey();
    const slow = mount({ src: feed(key, 'scenario=version'), refresh: '60' });
    const fast = mount({ src: feed(key, 'scenario=version'), refresh: '1' });
    await until(() => slow.loads.length === 2 && fast.loads.length === 2, 'both refreshed', 2500);
    expect(titles(slow.el)[0]).to.contain('v2');
    expect(titles(fast.el)[0]).to.contain('v2');
    expect((await stats(key)).requests).to.equal(2);
  });

  it('keeps the request going while another element still needs it', async () => {
    const key = newKey();
    const leaving = mount({ src: feed(key, 'delay=400') });
    const staying = mount({ src: feed(key, 'delay=400') });
    await until(async () => (await stats(key)).requests === 1, 'the request');
    leaving.el.remove();
    await until(() => staying.loads.length === 1, 'news-load');
    const seen = await stats(key);
    expect(seen.aborted).to.equal(0);
    expect(seen.requests).to.equal(1);
    expect(leaving.loads).to.have.length(0);
  });

  it('gives each element its own reading failure', async () => {
    const key = newKey();
    // A plain ticker document has no article: the article fails, the ticker shows.
    const ticker = mount({ src: feed(key) });
    const article = mount<SourceTestArticleElement>({ src: feed(key) }, 'source-test-article');
    await until(() => ticker.loads.length === 1 && article.errors.length === 1, 'load and error');
    expect(article.el.status).to.equal('error');
    expect(ticker.el.status).to.equal('ready');
    expect((await stats(key)).requests).to.equal(1);
  });
});

describe('DataSource: loading="lazy"', () => {
  it('waits until the element nears the viewport', async () => {
    const key = newKey();
    const spacer = document.createElement('div');
    spacer.style.blockSize = '20000px';
    document.body.prepend(spacer);
    const m = create({ src: feed(key), loading: 'lazy' });
    spacer.after(m.el);
    try {
      await m.el.updateComplete;
      await aTimeout(300);
      expect((await stats(key)).requests).to.equal(0);
      expect(m.el.status).to.equal('loading');
      m.el.scrollIntoView();
      await until(() => m.loads.length === 1, 'news-load after scrolling');
      expect((await stats(key)).requests).to.equal(1);
    } finally {
      spacer.remove();
    }
  });

  it('loads at once when it is already in view', async () => {
    const key = newKey();
    const m = mount({ src: feed(key), loading: 'lazy' });
    await until(() => m.loads.length === 1, 'news-load');
    expect((await stats(key)).requests).to.equal(1);
  });
});

describe('DataSource: the fetch seam', () => {
  it('uses a replaced fetcher, in its own cache entry', async () => {
    const key = newKey();
    const m = create({ src: feed(key) });
    const calls: RequestInit[] = [];
    m.el.dataSource.fetcher = async (_input, init) => {
      calls.push(init);
      return new Response('{"items":[{"title":"from the seam"}]}', {
        headers: { 'content-type': 'application/json' },
      });
    };
    document.body.prepend(m.el);
    await until(() => m.loads.length === 1, 'news-load');
    expect(titles(m.el)).to.deep.equal(['from the seam']);
    expect(calls).to.have.length(1);
    expect(calls[0].credentials).to.equal('omit');
    expect((await stats(key)).requests).to.equal(0);
  });
});

describe('DataSource: clean-up', () => {
  it('leaves no cache entry behind once every element is gone', async () => {
    const m = mount({ src: feed(newKey()), refresh: '1' });
    await until(() => m.loads.length === 1, 'news-load');
    expect(liveFeeds()).to.equal(1);
    m.el.remove();
    await aTimeout(0);
    expect(liveFeeds()).to.equal(0);
  });
});

describe('DataSource: the real elements', () => {
  it('feeds <news-ticker> and <news-article> from one page document with one request', async () => {
    await import('../../src/index.js');
    const key = newKey();
    const url = feed(key, 'scenario=page');
    const ticker = mount<TestElement>({ src: url }, 'news-ticker');
    const article = mount<TestElement>({ src: url }, 'news-article');
    await until(() => ticker.loads.length === 1 && article.loads.length === 1, 'both loads', 5000);
    expect(ticker.el.status).to.equal('ready');
    expect(article.el.status).to.equal('ready');
    expect(ticker.el.shadowRoot!.textContent).to.contain('أول خبر في وثيقة الصفحة');
    expect(article.el.shadowRoot!.textContent).to.contain('مقال وثيقة الصفحة');
    expect((await stats(key)).requests).to.equal(1);
  });
});
