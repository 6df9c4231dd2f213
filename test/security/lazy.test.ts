/**
 * The sanitizer (render/html.ts with DOMPurify) is a lazy chunk: the ticker and articles
 * without an html section never load it; the first html section does. Checked on the source
 * modules (requests the page makes) and on the built bundles (what ships).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown>; data?: unknown };

// Module requests are resource timing entries; keep them all.
performance.setResourceTimingBufferSize(100000);
const requested = () => performance.getEntriesByType('resource').map((entry) => entry.name);
const sanitizerRequests = () => requested().filter((name) => /\/render\/html\.|dompurify/i.test(name));

/** A unique string of DOMPurify's code that survives minification. */
const DOMPURIFY_MARK = 'data-tt-policy-suffix';

async function show(tag: 'news-ticker' | 'news-article', data: unknown): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  el.data = data;
  document.body.append(el);
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 50));
  await el.updateComplete;
  return el;
}

describe('the sanitizer loads lazily', function () {
  this.timeout(20000);
  const shown: Widget[] = [];
  after(() => shown.forEach((el) => el.remove()));

  it('a ticker and markdown and text articles never load it', async () => {
    expect(
      requested().some((name) => name.includes('/src/index.')),
      'resource timing sees module requests',
    ).to.be.true;
    shown.push(await show('news-ticker', { items: [{ title: 'خبر', url: 'https://news.example/1' }] }));
    shown.push(
      await show('news-article', {
        title: 'عنوان',
        body: 'نص **غامق** و[رابط](https://news.example/) و![صورة](/test/fixtures/csp/pixel.png)',
        sections: [{ heading: 'نص', body: 'سطر', format: 'text' }],
      }),
    );
    const section = document.createElement('article-section') as Widget;
    section.textContent = 'قسم **markdown**';
    document.body.append(section);
    shown.push(section);
    await section.updateComplete;
    expect(shown[1].shadowRoot!.querySelector('article-section')!.shadowRoot!.querySelector('strong')).to
      .exist;
    expect(
      requested().some((name) => /marked/.test(name)),
      'markdown did load',
    ).to.be.true;
    expect(sanitizerRequests()).to.deep.equal([]);
  });

  it('the first html section loads it, and renders sanitized markup', async () => {
    const el = await show('news-article', {
      title: 'عنوان',
      sections: [{ body: '<p>فقرة <strong>مهمة</strong><img src=x onerror="alert(1)"></p>', format: 'html' }],
    });
    shown.push(el);
    const body = el.shadowRoot!.querySelector('article-section')!.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('مهمة');
    expect(body.querySelectorAll('[onerror]').length).to.equal(0);
    expect(sanitizerRequests().some((name) => /\/render\/html\./.test(name))).to.be.true;
    expect(sanitizerRequests().some((name) => /dompurify/i.test(name))).to.be.true;
  });

  it('ships that way: DOMPurify is in its own chunk, not in akhbar.js nor news-ticker.js', async () => {
    const main = await (await fetch('/dist/cdn/akhbar.js')).text();
    const tickerOnly = await (await fetch('/dist/cdn/news-ticker.js')).text();
    expect(main, 'run `npm run build` first').to.contain('customElements');
    expect(main).to.not.contain(DOMPURIFY_MARK);
    expect(tickerOnly).to.not.contain(DOMPURIFY_MARK);
    expect(tickerOnly).to.not.match(/chunks\/html-/);
    const chunk = /chunks\/html-[\w-]+\.js/.exec(main)?.[0];
    expect(chunk, 'akhbar.js imports the html chunk').to.be.a('string');
    expect(await (await fetch(`/dist/cdn/${chunk}`)).text()).to.contain(DOMPURIFY_MARK);
  });
});
