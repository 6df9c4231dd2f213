import { expect, waitUntil } from '@open-wc/testing';
import { deepText, openPage, settled, type Page } from './pages.js';

// The gallery of states (demo/gallery.html, served as it is): each card shows its state.
describe('demo: gallery of states', function () {
  this.timeout(20000);
  let page: Page;
  const card = (state: string) => page.document.querySelector<HTMLElement>(`[data-state="${state}"]`)!;
  const statusOf = (state: string, selector: string) =>
    card(state).querySelector(selector)!.getAttribute('status');

  before(async () => {
    page = await openPage('/demo/gallery.html');
    await settled(page.document, 10000);
  });
  after(() => page.close());

  it('holds the loading state, with the fallback content visible', async () => {
    await waitUntil(() => statusOf('loading', 'demo-pending-ticker') === 'loading');
    expect(statusOf('loading', 'demo-pending-article')).to.equal('loading');
    expect(card('loading').querySelector('demo-pending-ticker')!.getAttribute('aria-busy')).to.equal('true');
    const withFallback = card('fallback').querySelector<HTMLElement>('demo-pending-article')!;
    expect(withFallback.getAttribute('status')).to.equal('loading');
    expect(withFallback.querySelector('h3')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('shows the empty, error and error-with-fallback states, and the events under them', () => {
    expect(statusOf('empty', 'news-ticker')).to.equal('empty');
    expect(card('empty').querySelector('.event')!.textContent).to.contain('news-load');
    expect(statusOf('error', 'news-ticker')).to.equal('error');
    expect(statusOf('error', 'news-article')).to.equal('error');
    expect(card('error').querySelector('.event')!.textContent).to.contain('news-error');
    expect(statusOf('error-fallback', 'news-ticker')).to.equal('error');
    const fallback = card('error-fallback').querySelector<HTMLElement>('news-ticker ul')!;
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('renders left to right, reduced motion, paused, local numerals, dark and WordPress', () => {
    const ltr = card('ltr').querySelector('news-ticker')!;
    expect(ltr.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('ltr');
    expect(deepText(card('ltr').querySelector('news-article')!)).to.contain('Despite political tensions');
    expect(card('reduced').querySelector('demo-still-ticker')!.shadowRoot!.querySelector('[part~="counter"]'))
      .to.exist;
    expect(card('paused').querySelector('news-ticker')!.hasAttribute('paused')).to.be.true;
    expect(deepText(card('locale').querySelector('news-ticker')!)).to.match(/[٠-٩]{2}:[٠-٩]{2}/);
    expect(statusOf('dark', 'news-article')).to.equal('ready');
    expect(deepText(card('feeds').querySelector('news-article')!)).to.contain('انسجام وتعاون');
  });
});
