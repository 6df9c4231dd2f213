import { expect, waitUntil } from '@open-wc/testing';
import { deepText, openHtml, openPage, setControl, settled, type Page } from './pages.js';

// The playground page itself (demo/playground.html, served as it is), driven like a user would.
// The builder's snippet is then pasted into a blank page loading the built bundles in dist/cdn
// (`node scripts/build.mjs` first; `npm test` does), under the strict policy it prints.

type Control = HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;

describe('demo: playground', function () {
  this.timeout(30000);
  let page: Page;
  const control = (name: string, value?: string) =>
    page.document.querySelector<Control>(
      value === undefined ? `#controls [name="${name}"]` : `#controls [name="${name}"][value="${value}"]`,
    )!;
  const preview = () => page.document.querySelector<HTMLElement>('#preview')!;
  const ticker = () => preview().querySelector<HTMLElement & { speed: number }>('news-ticker')!;
  const article = () => preview().querySelector<HTMLElement>('news-article')!;
  const snippet = (id: 'html' | 'css' | 'csp') =>
    page.document.querySelector(`#snippet-${id} code`)!.textContent ?? '';
  /** Changes a control and waits until the page has applied it and the preview has settled. */
  const change = async (element: Control, value: string | boolean) => {
    const revision = Number(preview().dataset.revision);
    setControl(element, value);
    await waitUntil(() => Number(preview().dataset.revision) > revision, `${element.name} was not applied`);
    await settled(preview());
  };

  beforeEach(async () => {
    page = await openPage('/demo/playground.html');
    await waitUntil(() => preview().children.length === 2, 'the preview never filled');
    await settled(preview());
  });
  afterEach(() => page.close());

  it('opens on the seed page: a ticker and an article, and the code for them', () => {
    expect(ticker().getAttribute('status')).to.equal('ready');
    expect(deepText(article())).to.contain('التعاون الأمني بين فرنسا والمغرب');
    expect(snippet('html')).to.match(/^<script type="module" src="https:\/\/[^"]+\/akhbar\.js"><\/script>/);
    expect(snippet('html')).to.contain('<news-ticker src="');
    expect(snippet('csp')).to.match(
      /^Content-Security-Policy: default-src 'self'; script-src 'self' https:\/\//,
    );
    expect(snippet('csp')).to.contain("require-trusted-types-for 'script'; trusted-types lit-html akhbar");
  });

  it('updates the preview as the controls change: sample, language, speed, theme', async () => {
    await change(control('sample'), 'rss.xml');
    expect(ticker().getAttribute('src')).to.match(/\/data\/rss\.xml$/);
    const items = ticker().shadowRoot!.querySelectorAll('[part~="list"] [part~="item"]');
    expect(items.length).to.equal(4);

    await change(control('lang'), 'en');
    expect(ticker().getAttribute('lang')).to.equal('en');
    expect(ticker().shadowRoot!.querySelector('[part~="base"]')!.getAttribute('dir')).to.equal('ltr');
    expect(snippet('html')).to.contain(' lang="en"');

    const speed = control('speed');
    speed.value = '120';
    speed.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => ticker().speed === 120, 'the ticker did not take the new speed');
    expect(snippet('html')).to.contain(' speed="120"');

    await change(control('theme', 'dark'), true);
    expect(preview().classList.contains('theme-dark')).to.be.true;
    expect(snippet('css')).to.contain('--news-color-background: #161615;');
    await change(control('customAccent'), true);
    expect(snippet('css')).to.contain('--news-color-accent: #0b6e4f;');
    expect(page.window.getComputedStyle(ticker()).getPropertyValue('--news-color-accent').trim()).to.equal(
      '#0b6e4f',
    );
  });

  it('shows bad input as a reader would see it, and its news-error in the log', async () => {
    await change(control('mode', 'text'), true);
    expect(control('text').value).to.contain('"ticker"'); // starts from the sample
    setControl(control('text'), '{"items": [');
    await waitUntil(() => ticker().getAttribute('status') === 'error', 'no error state');
    const message = ticker().shadowRoot!.querySelector('[part~="message"]')!;
    expect(message.textContent!.trim()).to.not.equal('');
    await waitUntil(() => page.document.querySelector('#log .error'), 'no news-error in the log');
    expect(page.document.querySelector('#log .error')!.textContent).to.contain('not valid JSON');
    expect(snippet('html')).to.contain(`json='{"items": ['`);
  });

  it('simulates reduced motion: the still, one-at-a-time ticker', async () => {
    await change(control('reduced'), true);
    await waitUntil(() => ticker().shadowRoot!.querySelector('[part~="counter"]'), 'no still mode');
    await change(control('reduced'), false);
    await waitUntil(() => !ticker().shadowRoot!.querySelector('[part~="counter"]'), 'still mode stayed');
  });

  it('copies a snippet with the clipboard API', async () => {
    let copied = '';
    Object.defineProperty(page.window.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    page.document.querySelector<HTMLButtonElement>('#snippet-html .copy')!.click();
    await waitUntil(() => copied, 'nothing copied');
    expect(copied).to.equal(snippet('html'));
  });

  /** Sets the builder up as a site would (self-hosted bundle), pastes its snippet into a blank page. */
  const paste = async (script: string, embed: string, sample: string) => {
    await change(control('sample'), sample);
    if (embed !== 'src') await change(control('embed', embed), true);
    if (script !== 'module') await change(control('script', script), true);
    await change(control('cdn'), '/dist/cdn/');
    const html = snippet('html');
    expect(html).to.contain(
      script === 'module'
        ? '<script type="module" src="/dist/cdn/'
        : '<script src="/dist/cdn/akhbar.iife.js">',
    );
    if (embed === 'json') expect(html).to.contain(" json='");
    if (embed === 'script') expect(html).to.contain('<script type="application/json">');
    const blank = await openHtml(html, snippet('csp').replace(/^Content-Security-Policy: /, ''));
    return { blank, elements: await settled(blank.document) };
  };

  const cases: [script: string, embed: string, sample: string][] = [
    ['module', 'src', 'page.json'],
    ['module', 'json', 'page.json'],
    ['classic', 'script', 'page.json'],
    ['module', 'src', 'atom.xml'],
    ['classic', 'json', 'feed.json'],
  ];
  for (const [script, embed, sample] of cases) {
    it(`its snippet (${script} script, ${embed}, ${sample}) renders the same in a blank page`, async () => {
      const { blank, elements } = await paste(script, embed, sample);
      try {
        const shown = [...preview().children] as HTMLElement[];
        expect(elements.map((element) => element.localName)).to.deep.equal(
          shown.map((element) => element.localName),
        );
        elements.forEach((element, index) => {
          expect(element.getAttribute('status')).to.equal(shown[index].getAttribute('status'));
          expect(deepText(element)).to.equal(deepText(shown[index]));
        });
      } finally {
        blank.close();
      }
    });
  }

  it('its snippet runs under the policy it prints: no CSP or Trusted Types violation', async () => {
    const { blank } = await paste('module', 'json', 'page.json');
    try {
      expect(blank.window.__problems).to.deep.equal([]);
    } finally {
      blank.close();
    }
  });
});
