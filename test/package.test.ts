import { expect, waitUntil } from '@open-wc/testing';

// The npm package the way an app gets it: scripts/check-package.mjs (part of the build) packs it,
// unpacks it into a throwaway project's node_modules and bundles an app from it, through every
// `exports` subpath. Here that app runs. (Compare booleans and strings, never DOM nodes.)
const APP = '/node_modules/.cache/akhbar-package/app.js';

interface App {
  ticker: HTMLElement;
  article: HTMLElement;
  section: HTMLElement & { updateComplete: Promise<boolean> };
  loaded: Record<string, string>;
  tags: string[];
  sameClass: boolean;
}

describe('the npm package, bundled into an app', () => {
  it('defines the three elements from its entries, renders them and hands over typed data', async () => {
    const { app } = (await import(APP)) as { app: App };
    await waitUntil(
      () => app.loaded.ticker && app.loaded.article,
      'news-load from the ticker and the article',
    );
    expect(app.loaded.ticker).to.equal('خبر من حزمة npm');
    expect(app.loaded.article).to.equal('مقال من حزمة npm');
    // The auto-defining entries and `akhbar/elements` share one class: one copy of the code.
    expect(app.sameClass).to.equal(true);
    expect(app.tags).to.have.members(['news-ticker', 'news-article', 'article-section']);
    await app.section.updateComplete;
    expect(app.section.shadowRoot!.querySelector('h3')?.textContent).to.equal('قسم مستقل');
    expect(app.ticker.shadowRoot!.querySelector('[part~="pause-button"]') !== null).to.equal(true);
    await waitUntil(
      () => app.article.shadowRoot!.querySelector('article-section')?.shadowRoot?.querySelector('strong'),
      'the markdown chunk of the npm build loaded',
    );
  });
});
