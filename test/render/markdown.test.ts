import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderMarkdown } from '../../src/render/markdown.js';

/** Renders markdown into a fresh container (light DOM: easy to query). */
function md(source: string, level?: number, baseUrl?: string): HTMLElement {
  const container = document.createElement('div');
  render(renderMarkdown(source, { ...(level === undefined ? {} : { level }), baseUrl }), container);
  return container;
}

/** Every live thing a hostile document could try to smuggle in. */
function expectInert(root: ParentNode): void {
  expect(
    root.querySelectorAll('script, iframe, object, embed, style, link, meta, form, svg, math, base'),
  ).to.have.length(0);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `<${element.localName} ${attribute.name}>`).not.to.match(/^on/i);
      expect(attribute.name, `<${element.localName} ${attribute.name}>`).not.to.equal('style');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(attribute.name)) {
        expect(attribute.value, `<${element.localName} ${attribute.name}>`).to.match(
          /^(https?:|mailto:|[^:]*$)/i,
        );
        expect(attribute.value.replace(/[\s\0-\x1f]/g, '')).not.to.match(/^(javascript|data|vbscript):/i);
      }
    }
  }
}

describe('render/markdown', () => {
  it('renders paragraphs and inline formatting as elements', () => {
    const root = md('أول **قوي** و*مائل* و~~محذوف~~ و`code<x>`\n\nفقرة ثانية');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(root.querySelector('strong')!.textContent).to.equal('قوي');
    expect(root.querySelector('em')!.textContent).to.equal('مائل');
    expect(root.querySelector('del')!.textContent).to.equal('محذوف');
    expect(root.querySelector('code')!.textContent).to.equal('code<x>');
    expect(paragraphs[1].textContent).to.equal('فقرة ثانية');
    expect(root.textContent).not.to.include('**');
  });

  it('shifts headings below the section level and clamps at h6', () => {
    const root = md('# واحد\n\n## اثنان\n\n###### ستة', 3);
    expect(root.querySelector('h4')!.textContent).to.equal('واحد');
    expect(root.querySelector('h5')!.textContent).to.equal('اثنان');
    expect(root.querySelector('h6')!.textContent).to.equal('ستة');
    expect(root.querySelectorAll('h1, h2, h3')).to.have.length(0);
    const shallow = md('# عنوان', 1);
    expect(shallow.querySelector('h2')!.textContent).to.equal('عنوان');
  });

  it("puts the body's top heading one level below the section's, whatever level it was written at", () => {
    const root = md('## أول\n\n> ### في اقتباس\n\n- #### في قائمة', 3);
    expect(
      [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`),
    ).to.deep.equal(['h4 أول', 'h5 في اقتباس', 'h6 في قائمة']);
  });

  it('renders ordered, unordered, nested and task lists', () => {
    const root = md('3. ثالث\n   - فرعي\n4. رابع\n\n- [x] تم\n- [ ] لم يتم');
    const ordered = root.querySelector('ol')!;
    expect(ordered.getAttribute('start')).to.equal('3');
    expect(ordered.querySelectorAll(':scope > li')).to.have.length(2);
    expect(ordered.querySelector('li > ul > li')!.textContent!.trim()).to.equal('فرعي');
    const tasks = root.querySelectorAll(':scope > ul > li');
    expect(tasks[0].textContent).to.include('☑');
    expect(tasks[1].textContent).to.include('☐');
    expect(md('1. a\n2. b').querySelector('ol')!.hasAttribute('start')).to.equal(false);
  });

  it('renders blockquotes, rules, line breaks and code blocks', () => {
    const root = md('> اقتباس\n\n---\n\nسطر  \nتال\n\n```js\nif (a < b && c) {}\n```');
    expect(root.querySelector('blockquote p')!.textContent).to.equal('اقتباس');
    expect(root.querySelector('hr')).to.exist;
    const broken = [...root.querySelectorAll('p')].find((p) => p.querySelector('br'))!;
    expect(broken.textContent).to.equal('سطرتال');
    const pre = root.querySelector('pre')!;
    expect(pre.getAttribute('dir')).to.equal('ltr');
    expect(pre.querySelector('code')!.textContent).to.equal('if (a < b && c) {}');
  });

  it('renders GFM tables with alignment as data attributes (no inline style)', () => {
    const root = md('| الاسم | العدد |\n| --- | :-: |\n| أ | 1 |');
    expect(root.querySelectorAll('th')).to.have.length(2);
    expect(root.querySelector('td[data-align="center"]')!.textContent).to.equal('1');
    expect(root.querySelector('[style]')).to.equal(null);
  });

  it('decodes character references in text but keeps code literal', () => {
    const root = md('أ &amp; ب &#x627; &laquo;ج&raquo; &unknown; `&amp;`');
    expect(root.querySelector('p')!.textContent).to.equal('أ & ب ا «ج» &unknown; &amp;');
    expect(root.querySelector('code')!.textContent).to.equal('&amp;');
  });

  it('renders links: external ones with rel, relative and mailto without', () => {
    const root = md(
      '[خارجي](https://example.org/a?b=1&amp;c=2 "عنوان") [نسبي](/news/1) [بريد](mailto:a@b.example)',
    );
    const [external, relative, mail] = root.querySelectorAll('a');
    expect(external.getAttribute('href')).to.equal('https://example.org/a?b=1&c=2');
    expect(external.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(external.getAttribute('title')).to.equal('عنوان');
    expect(relative.getAttribute('href')).to.equal('/news/1');
    expect(relative.hasAttribute('rel')).to.equal(false);
    expect(mail.getAttribute('href')).to.equal('mailto:a@b.example');
    expect(mail.hasAttribute('rel')).to.equal(false);
  });

  it('resolves relative links and images against the base URL', () => {
    const root = md('[المزيد](../more) ![صورة](img/a.png)', 3, 'https://feeds.example/articles/1.json');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://feeds.example/more');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(root.querySelector('img')!.getAttribute('src')).to.equal(
      'https://feeds.example/articles/img/a.png',
    );
  });

  it('renders images lazily, without referrer, with alt', () => {
    const root = md('![صورة الوزير](https://img.example/a.jpg "تعليق")');
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://img.example/a.jpg');
    expect(img.getAttribute('alt')).to.equal('صورة الوزير');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.getAttribute('title')).to.equal('تعليق');
  });

  it('shows raw HTML as text, never as elements', () => {
    const root = md(
      '<script>alert(1)</script>\n\nنص <img src=x onerror=alert(1)> و<b>غامق</b>\n\n<div onclick="x()">كتلة</div>',
    );
    expect(root.querySelectorAll('script, img, b, div')).to.have.length(0);
    expect(root.textContent).to.include('<script>alert(1)</script>');
    expect(root.textContent).to.include('<img src=x onerror=alert(1)>');
    expect(root.textContent).to.include('<b>غامق</b>');
    expectInert(root);
  });

  it('drops links and images with forbidden schemes, keeping their text', () => {
    const payloads = [
      '[أ](javascript:alert(1))',
      '[ب](JaVaScRiPt:alert(1))',
      '[ج](&#106;avascript:alert(1))',
      '[د](java\tscript:alert(1))',
      '[هـ](data:text/html,<script>alert(1)</script>)',
      '[و](vbscript:msgbox(1))',
      '[ز][bad]\n\n[bad]: javascript:alert(1)',
      '<javascript:alert(1)>',
      '![ح](javascript:alert(1))',
      '![ط](data:image/svg+xml,<svg onload=alert(1)>)',
      '![ي][img]\n\n[img]: javascript:alert(1)',
      '[ك](<javascript:alert(1)>)',
      '[ل](  javascript:alert(1)  )',
    ];
    for (const payload of payloads) {
      const root = md(payload);
      expectInert(root);
      expect(root.querySelectorAll('a, img'), payload).to.have.length(0);
    }
    expect(md('[أ](javascript:alert(1))').textContent!.trim()).to.equal('أ');
    expect(md('![ح](javascript:alert(1))').textContent!.trim()).to.equal('ح');
  });

  it('checks reference-style links and autolinks like inline ones', () => {
    const root = md('[مرجع][ok] و<https://example.org/x> و www.example.org\n\n[ok]: https://example.org/ref');
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([
      'https://example.org/ref',
      'https://example.org/x',
      'http://www.example.org/',
    ]);
    expect(root.textContent).not.to.include('[ok]:');
  });

  it('keeps a hostile mix inert', () => {
    const root = md(
      [
        '<iframe src="javascript:alert(1)"></iframe>',
        '<a href="javascript:alert(1)">x</a>',
        '[x](javascript:alert(1) "a\' onmouseover=\'alert(1)")',
        '<svg><script>alert(1)</script></svg>',
        '<style>*{display:none}</style>',
        '![x" onerror="alert(1)](https://img.example/x.png)',
        '<form action="javascript:alert(1)"><button>x</button></form>',
      ].join('\n\n'),
    );
    expectInert(root);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('alt')).to.equal('x" onerror="alert(1)');
    expect(img.hasAttribute('onerror')).to.equal(false);
  });
});
