import { expect } from '@open-wc/testing';
import { deepText, openPage, settled, type Page } from './pages.js';

// The demo's front page (demo/index.html, served as it is): the seed article and ticker.
describe('demo: the news page', function () {
  this.timeout(20000);
  let page: Page;
  beforeEach(async () => {
    page = await openPage('/demo/index.html');
  });
  afterEach(() => page.close());

  it('renders the seed ticker and article from one page document', async () => {
    const [ticker, article] = await settled(page.document);
    expect(ticker.getAttribute('status')).to.equal('ready');
    expect(article.getAttribute('status')).to.equal('ready');
    expect(deepText(ticker)).to.contain('أشبال الأطلس إلى نهائي كأس أمم إفريقيا');
    const text = deepText(article);
    expect(text).to.contain(
      'رغم التوترات السياسية المتقطعة.. التعاون الأمني بين فرنسا والمغرب يواصل فعاليته',
    );
    expect(text).to.contain('انسجام وتعاون');
    expect(text).to.contain('تعاون في مجال التدريب');
    // The seed's time, in Casablanca: «الإثنين 14 أبريل 2025 على الساعة 18:55».
    expect(article.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.match(/^2025-04-14T17:55/);
    expect(text).to.contain('18:55');
    // Fallback children stay in the light DOM, hidden once the data shows.
    expect(ticker.querySelector('ul')).to.exist;
    expect(article.querySelector('h1')).to.exist;
  });

  it('links the playground and the gallery from its bar', () => {
    const links = [...page.document.querySelectorAll<HTMLAnchorElement>('.demo-bar a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).to.include.members(['./playground.html', './gallery.html']);
  });
});
