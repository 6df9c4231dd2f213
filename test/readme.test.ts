import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { openHtml, settled, type Page } from './demo/pages.js';

// Every snippet of README.md runs here, so the README cannot promise what the code does not do.
//   ```html            pasted into a blank page under the strict policy; every element must render
//                      (ready or empty), or reach the error state with ```html error (blocks
//                      without a news element, such as a <link>, are only examples of markup)
//   ```js              run as a module in a blank page (package imports point at src/)
//   ```tsx             compiled by test/react/react-plugin.mjs and rendered with React 19
//   ```json ticker|article|page, ```xml ticker|article
//                      a data-format example, given to the element(s) it is for
// The CDN address becomes the local build (dist/cdn: `node scripts/build.mjs` first; `npm test`
// does), and the example URLs become the demo's samples (below).

const CDN = 'https://cdn.jsdelivr.net/npm/akhbar@0.1.0/dist/cdn/';
const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html akhbar";

/** The README's example URLs -> files this server has. A URL missing here fails its snippet. */
const URLS: [RegExp, string][] = [
  [/^\/breaking\.json$/, '/demo/data/ticker.json'],
  [/^\/today\.json$/, '/demo/data/page.json'],
  [/^\/articles\/\d+\.json$/, '/demo/data/article.json'],
  [/^\/wp-json\/wp\/v2\/posts\b.*$/, '/demo/data/wordpress.json'],
  [/^\/missing\.json$/, '/demo/data/missing.json'], // a 404
];

const IMPORT_MAP = JSON.stringify({
  imports: {
    akhbar: '/src/index.ts',
    'akhbar/elements': '/src/elements.ts',
    'akhbar/news-ticker': '/src/ticker.ts',
    'akhbar/news-article': '/src/define-article.ts',
    'akhbar/article-section': '/src/define-section.ts',
  },
});

interface Snippet {
  lang: string;
  tags: string[];
  code: string;
  line: number;
}

async function readmeSnippets(): Promise<Snippet[]> {
  const readme = await (await fetch('/README.md')).text();
  return [...readme.matchAll(/^```(\S*)([^\n]*)\n([\s\S]*?)^```/gm)].map((match) => ({
    lang: match[1],
    tags: match[2].trim().split(/\s+/).filter(Boolean),
    code: match[3],
    line: readme.slice(0, match.index).split('\n').length,
  }));
}

/** The snippet as this server can run it: local bundles and sample files. */
function localize(html: string): string {
  return html
    .split(CDN)
    .join('/dist/cdn/')
    .replace(/\bsrc="([^"]+)"/g, (attribute, url: string) => {
      if (url.startsWith('/dist/cdn/')) return attribute;
      const known = URLS.find(([pattern]) => pattern.test(url));
      if (!known) throw new Error(`README URL ${url} has no local stand-in (test/readme.test.ts URLS)`);
      return `src="${known[1]}"`;
    });
}

const snippets = await readmeSnippets();
const of = (lang: string) => snippets.filter((snippet) => snippet.lang === lang);

describe('README.md snippets', function () {
  this.timeout(20000);
  let page: Page | undefined;
  afterEach(() => page?.close());

  it('has the snippets this test expects', () => {
    expect(of('html').length).to.be.greaterThan(6);
    expect(of('js').length).to.be.greaterThan(1);
    expect(of('tsx').length).to.equal(1);
    expect(snippets.filter((s) => s.lang === 'json' && s.tags.length).length).to.be.greaterThan(5);
    expect(of('xml').length).to.equal(2);
  });

  for (const snippet of of('html').filter((s) => /<(news-|article-section)/.test(s.code))) {
    const expected = snippet.tags.includes('error') ? ['error'] : ['ready', 'empty'];
    it(`html at README.md:${snippet.line} renders (${expected.join(' or ')}) under the strict policy`, async () => {
      let html = localize(snippet.code);
      if (!/<script[^>]+src="\/dist\/cdn\//.test(html)) {
        html = `<script type="module" src="/dist/cdn/akhbar.js"></script>\n${html}`;
      }
      const policy = /https?:\/\//.test(html) ? undefined : STRICT;
      page = await openHtml(html, policy);
      const elements = await settled(page.document);
      expect(elements.length).to.be.greaterThan(0);
      for (const element of elements) expect(expected).to.include(element.getAttribute('status'));
      const errors = (page.window.__problems ?? []).filter((problem) => !problem.startsWith('CSP'));
      expect(errors).to.deep.equal([]);
    });
  }

  for (const snippet of of('js')) {
    it(`js at README.md:${snippet.line} runs`, async () => {
      const module = `<script type="importmap">${IMPORT_MAP}</script><script type="module">${snippet.code}
window.__ran = true;</script>`;
      page = await openHtml(module);
      await waitUntil(
        () => (page!.window as unknown as { __ran?: boolean }).__ran,
        'the snippet did not run',
      );
      expect(page.window.__problems).to.deep.equal([]);
      for (const [, tag] of snippet.code.matchAll(/(?:customElements\.define|defineOnce)\('([^']+)'/g)) {
        expect(page.window.customElements.get(tag), tag).to.exist;
      }
      for (const [, entry] of snippet.code.matchAll(/import '(akhbar[^']*)'/g)) {
        const tags = { akhbar: 'news-ticker', 'akhbar/article-section': 'article-section' } as Record<
          string,
          string
        >;
        if (tags[entry])
          await waitUntil(() => page!.window.customElements.get(tags[entry]), `${entry} defined nothing`);
      }
    });
  }

  of('tsx').forEach((snippet, index) => {
    it(`tsx at README.md:${snippet.line} renders from React 19`, async () => {
      const module = await import(/* @vite-ignore */ `/__react/readme/${index}.js` as string);
      const container = document.createElement('div');
      container.style.cssText = 'position:fixed;inset:0;width:800px';
      document.body.append(container);
      const root = createRoot(container);
      try {
        const news = {
          items: [{ title: 'بعد الفوز على الكوت ديفوار.. أشبال الأطلس إلى نهائي كأس أمم إفريقيا' }],
        };
        for (const component of Object.values(module)) {
          root.render(createElement(component as (props: { news: unknown }) => null, { news }));
        }
        await waitUntil(() => container.querySelector('news-ticker'), 'React rendered no <news-ticker>');
        const [ticker] = await settled(container);
        expect(ticker.getAttribute('status')).to.equal('ready');
        expect(ticker.getAttribute('max-items')).to.equal('8');
        expect((ticker as HTMLElement & { data: unknown }).data).to.equal(news);
      } finally {
        root.unmount();
        container.remove();
      }
    });
  });

  for (const snippet of snippets.filter((s) => (s.lang === 'json' || s.lang === 'xml') && s.tags.length)) {
    const tags = snippet.tags.includes('page')
      ? ['news-ticker', 'news-article']
      : snippet.tags.map((t) => `news-${t}`);
    it(`${snippet.lang} at README.md:${snippet.line} renders in <${tags.join('> and <')}>`, async () => {
      let body: string;
      if (snippet.lang === 'json') {
        JSON.parse(snippet.code); // valid JSON, as printed
        const json = snippet.code.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
        body = tags.map((tag) => `<${tag} json='${json}'></${tag}>`).join('');
      } else {
        const url = URL.createObjectURL(new Blob([snippet.code], { type: 'application/xml' }));
        body = tags.map((tag) => `<${tag} src="${url}"></${tag}>`).join('');
      }
      page = await openHtml(`<script type="module" src="/dist/cdn/akhbar.js"></script>${body}`);
      const elements = await settled(page.document);
      for (const element of elements)
        expect(element.getAttribute('status'), element.localName).to.equal('ready');
    });
  }
});
