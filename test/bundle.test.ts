import { expect, fixture, html, oneEvent } from '@open-wc/testing';

// These tests load the built files in dist/cdn (run `npm run build` first; `npm test` does),
// so they catch output a browser cannot parse and a bundle that breaks when loaded twice.

const seedTicker = { items: [{ title: 'بعد تألقه.. الحارس شعيب بلعروش رجل مباراة المغرب والكوت ديفوار' }] };

describe('built bundles (dist/cdn)', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));

  it('akhbar.js defines the three elements and renders a ticker and an article', async () => {
    await import(/* @vite-ignore */ '/dist/cdn/akhbar.js' as string);
    expect(customElements.get('news-ticker')).to.exist;
    expect(customElements.get('news-article')).to.exist;
    expect(customElements.get('article-section')).to.exist;

    const ticker = await fixture<HTMLElement & { data: unknown }>(html`<news-ticker></news-ticker>`);
    const loaded = oneEvent(ticker, 'news-load');
    ticker.data = seedTicker;
    await loaded;
    expect(ticker.shadowRoot!.textContent).to.contain('شعيب بلعروش');

    const article = await fixture<HTMLElement>(
      html`<news-article
        json=${JSON.stringify({ title: 'عنوان', sections: [{ body: 'نص **القسم**' }] })}
      ></news-article>`,
    );
    await (article as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(article.shadowRoot!.textContent).to.contain('عنوان');
  });

  it('a second copy of the module bundle (another URL, so another instance) throws nothing', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await import(/* @vite-ignore */ '/dist/cdn/akhbar.js?copy=2' as string);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((text) => text.includes('news-ticker'))).to.be.true;
    expect(errors).to.deep.equal([]);
  });

  it('the classic-script bundle, loaded twice in a fresh page, defines and renders the elements', async () => {
    const frame = await pageWith(`
      <script src="/dist/cdn/akhbar.iife.js"></script>
      <script src="/dist/cdn/akhbar.iife.js?copy=2"></script>
      <news-ticker json='${JSON.stringify(seedTicker)}'></news-ticker>`);
    const ticker = frame.document.querySelector('news-ticker')!;
    await (ticker as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(frame.customElements.get('news-article')).to.exist;
    expect(ticker.shadowRoot!.textContent).to.contain('شعيب بلعروش');
    expect(frame.errors).to.deep.equal([]);
  });

  it('news-ticker.js alone defines only the ticker', async () => {
    const frame = await pageWith(`
      <script type="module" src="/dist/cdn/news-ticker.js"></script>
      <news-ticker json='${JSON.stringify(seedTicker)}'></news-ticker>`);
    await frame.customElements.whenDefined('news-ticker');
    expect(frame.customElements.get('news-article')).to.be.undefined;
    expect(frame.errors).to.deep.equal([]);
  });

  it('news-ticker.js loads its feed reader (a lazy chunk beside it) for an RSS src, and not before', async () => {
    const frame = await pageWith(`
      <script type="module" src="/dist/cdn/news-ticker.js"></script>
      <news-ticker id="own" json='${JSON.stringify(seedTicker)}'></news-ticker>`);
    await frame.customElements.whenDefined('news-ticker');
    const chunks = () =>
      frame.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('/dist/cdn/chunks/'));
    const own = frame.document.getElementById('own') as HTMLElement & { updateComplete: Promise<unknown> };
    await own.updateComplete;
    expect(chunks()).to.deep.equal([]);

    const rss = frame.document.createElement('news-ticker');
    const loaded = new Promise((resolve) => rss.addEventListener('news-load', resolve, { once: true }));
    rss.setAttribute('src', '/test/fixtures/server/feed.xml');
    frame.document.body.append(rss);
    await loaded;
    expect(rss.shadowRoot!.textContent).to.contain('خبر من خلاصة RSS');
    expect(chunks()).to.have.length(1);
    expect(frame.errors).to.deep.equal([]);
  });
});

/** A same-origin iframe holding `body`, resolved once its scripts have run. */
async function pageWith(body: string): Promise<Window & { errors: unknown[] }> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="ar"><head><script>
    window.errors = [];
    addEventListener('error', (event) => errors.push(String(event.message)));
  </script></head><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return frame.contentWindow as Window & { errors: unknown[] };
}
