import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { ArticleSectionElement } from '../src/index.js';

const shadow = (el: ArticleSectionElement) => el.shadowRoot!;

/** Whether the markdown chunk (and with it `marked`) has been requested by this page. */
const markedLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/marked\/|render\/markdown/.test(entry.name));

describe('<article-section>', () => {
  // These two run first on purpose: they observe the markdown chunk before anything loads it.
  it('renders text and html bodies without loading marked', async () => {
    const text = await fixture<ArticleSectionElement>(
      html`<article-section format="text" body=${'أول **نجمة**\nسطر\n\nثان'}></article-section>`,
    );
    const paragraphs = shadow(text).querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0].textContent).to.equal('أول **نجمة**سطر');
    expect(paragraphs[0].querySelector('br')).to.exist;
    await fixture(html`<article-section format="html" body="<p>نص</p>"></article-section>`);
    expect(markedLoaded()).to.equal(false);
  });

  it('shows plain paragraphs while the markdown chunk loads, then markdown', async () => {
    const el = document.createElement('article-section');
    el.setAttribute('body', 'نص **القسم** هنا\n\nفقرة [رابط](https://example.org/)');
    document.body.append(el);
    try {
      // The first render happens within a few microtasks; the chunk needs a network round trip.
      for (let i = 0; i < 5; i += 1) await null;
      expect(shadow(el).querySelector('strong')).to.equal(null); // …but not there yet: the preview shows
      const preview = shadow(el).querySelectorAll('p');
      expect([...preview].map((p) => p.textContent)).to.deep.equal(['نص القسم هنا', 'فقرة رابط']);
      await el.updateComplete;
      expect(markedLoaded()).to.equal(true);
      expect(shadow(el).querySelector('strong')!.textContent).to.equal('القسم');
      expect(shadow(el).querySelector('a')!.getAttribute('href')).to.equal('https://example.org/');
      expect(shadow(el).textContent).not.to.include('**');
    } finally {
      el.remove();
    }
  });

  it('takes its own text content as the markdown body and keeps it in the light DOM', async () => {
    // Whitespace matters here: blank lines separate paragraphs (prettier would collapse them).
    // prettier-ignore
    const el = await fixture<ArticleSectionElement>(html`
      <article-section heading="انسجام وتعاون">
        نص **القسم** الأول

        فقرة ثانية
      </article-section>
    `);
    const heading = shadow(el).querySelector('h3')!;
    expect(heading.textContent).to.equal('انسجام وتعاون');
    expect(heading.getAttribute('part')).to.equal('heading');
    expect(shadow(el).querySelector('strong')!.textContent).to.equal('القسم');
    // Indentation from the HTML source does not turn the body into a code block.
    expect(shadow(el).querySelector('pre')).to.equal(null);
    expect(shadow(el).querySelectorAll('[part="body"] > p')).to.have.length(2);
    // The raw text stays for crawlers but is not shown: no slot projects it.
    expect(el.textContent).to.include('نص **القسم** الأول');
    expect(shadow(el).querySelector('slot')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('lets the body attribute win over the text content', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section body="من السمة">من المحتوى</article-section>`,
    );
    expect(shadow(el).querySelector('p')!.textContent).to.equal('من السمة');
    expect(shadow(el).textContent).not.to.include('من المحتوى');
  });

  it('re-renders when its text content changes', async () => {
    const el = await fixture<ArticleSectionElement>(html`<article-section>قديم</article-section>`);
    el.textContent = 'جديد **مهم**';
    await waitUntil(() => shadow(el).querySelector('strong')?.textContent === 'مهم', 'new text rendered');
    expect(shadow(el).textContent).not.to.include('قديم');
  });

  it('lets the section property win over attributes', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section
        heading="من السمة"
        body="نص السمة"
        .section=${{ heading: 'من البيانات', body: 'نص *البيانات*' }}
      ></article-section>`,
    );
    expect(shadow(el).querySelector('h3')!.textContent).to.equal('من البيانات');
    expect(shadow(el).querySelector('em')!.textContent).to.equal('البيانات');
    el.section = { body: 'سطر **واحد**', format: 'text' };
    await el.updateComplete;
    expect(shadow(el).querySelector('h3')).to.equal(null);
    expect(shadow(el).querySelector('p')!.textContent).to.equal('سطر **واحد**');
  });

  it('renders the heading at the level attribute, clamped to 1–6', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section heading="عنوان" level="2" body="# فرعي"></article-section>`,
    );
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('عنوان');
    expect(shadow(el).querySelector('h3')!.textContent).to.equal('فرعي');
    el.level = 9;
    await el.updateComplete;
    expect(shadow(el).querySelector('h6')!.textContent).to.equal('عنوان');
    el.removeAttribute('level');
    el.level = 3;
    await el.updateComplete;
    expect(shadow(el).querySelector('h3')!.textContent).to.equal('عنوان');
  });

  it("puts a body's headings where the missing subheading would be, in markdown and in HTML", async () => {
    // A WordPress post's content: <h2> subheadings, in a section without a heading of its own.
    for (const [format, body] of [
      ['markdown', '## أول\n\nنص\n\n### ثانٍ'],
      ['html', '<h2>أول</h2><p>نص</p><h3>ثانٍ</h3>'],
    ]) {
      const el = await fixture<ArticleSectionElement>(
        html`<article-section format=${format} .body=${body}></article-section>`,
      );
      await waitUntil(() => shadow(el).querySelector('h1, h2, h3, h4, h5, h6'), `${format} rendered`);
      const levels = [...shadow(el).querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
        (h) => `${h.localName} ${h.textContent}`,
      );
      // Under an article title at h2: h3 then h4, no level skipped.
      expect(levels, format).to.deep.equal(['h3 أول', 'h4 ثانٍ']);
      await expect(el).to.be.accessible();
    }
  });

  it('renders no heading element without a heading', async () => {
    const el = await fixture<ArticleSectionElement>(html`<article-section body="فقرة"></article-section>`);
    expect(shadow(el).querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
    expect(shadow(el).querySelector('p')!.textContent).to.equal('فقرة');
  });

  it('renders format text as paragraphs, with markdown markers kept as text', async () => {
    // prettier-ignore
    const el = await fixture<ArticleSectionElement>(html`
      <article-section format="text">
        أول *نص*

        ثان &lt;b&gt;x&lt;/b&gt;
      </article-section>
    `);
    const paragraphs = shadow(el).querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0].textContent).to.equal('أول *نص*');
    expect(paragraphs[1].textContent).to.equal('ثان <b>x</b>');
    expect(shadow(el).querySelector('em, b')).to.equal(null);
  });

  it('renders format html sanitized: news markup kept, script, handlers and bad links gone', async () => {
    const body =
      '<p>الأولى <b>غامق</b> <a href="javascript:alert(1)">رابط</a></p><p onclick="alert(1)">الثانية</p>' +
      '<script>window.__sectionHit = 1</script><img src=x onerror="window.__sectionHit = 1">';
    const el = await fixture<ArticleSectionElement>(
      html`<article-section format="html" body=${body}></article-section>`,
    );
    await el.updateComplete;
    const root = shadow(el);
    const paragraphs = [...root.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).to.deep.equal(['الأولى غامق رابط', 'الثانية']);
    expect(root.querySelector('b')?.textContent).to.equal('غامق');
    // Counts, not node lists, in assertions: a failing message never has to print live elements.
    expect(root.querySelectorAll('script, [onclick], [onerror]').length).to.equal(0);
    expect(root.querySelectorAll('a[href^="javascript"]').length).to.equal(0);
    expect((window as { __sectionHit?: number }).__sectionHit).to.equal(undefined);
  });

  it('reads an html body from its own children when format is html', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section format="html"
        ><p>فقرة <em>أولى</em></p>
        <p>فقرة ثانية</p></article-section
      >`,
    );
    await el.updateComplete;
    expect([...shadow(el).querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'فقرة أولى',
      'فقرة ثانية',
    ]);
    expect(shadow(el).querySelector('em')?.textContent).to.equal('أولى');
  });

  it('shows raw HTML in markdown as text', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section
        body=${'قبل <img src=x onerror=alert(1)> بعد\n\n<script>alert(1)</script>'}
      ></article-section>`,
    );
    expect(shadow(el).querySelectorAll('img, script')).to.have.length(0);
    expect(shadow(el).textContent).to.include('<img src=x onerror=alert(1)>');
    expect(shadow(el).textContent).to.include('<script>alert(1)</script>');
  });

  it('is right to left by default and follows an LTR context', async () => {
    const rtl = await fixture<ArticleSectionElement>(
      html`<article-section heading="عنوان" body="نص"></article-section>`,
    );
    const wrapper = shadow(rtl).querySelector('[part="section"]')!;
    expect(wrapper.getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle(wrapper).direction).to.equal('rtl');
    const heading = shadow(rtl).querySelector('h3')!;
    // The accent mark sits on the start (right) side in RTL.
    expect(getComputedStyle(heading).borderRightWidth).not.to.equal('0px');
    expect(getComputedStyle(heading).borderLeftWidth).to.equal('0px');

    const context = await fixture<HTMLElement>(
      html`<div lang="en" dir="ltr"><article-section heading="Heading" body="Text"></article-section></div>`,
    );
    const ltr = context.querySelector('article-section')!;
    await ltr.updateComplete;
    const ltrWrapper = shadow(ltr).querySelector('[part="section"]')!;
    expect(ltrWrapper.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(ltrWrapper).direction).to.equal('ltr');
    const p = shadow(ltr).querySelector('p')!;
    expect(getComputedStyle(p).textAlign).to.equal('start');
    expect(getComputedStyle(shadow(ltr).querySelector('h3')!).borderLeftWidth).not.to.equal('0px');
  });

  it('takes the direction from its own lang inside an RTL page', async () => {
    const context = await fixture<HTMLElement>(
      html`<div lang="ar" dir="rtl"><article-section lang="en" body="English text"></article-section></div>`,
    );
    const el = context.querySelector('article-section')!;
    await el.updateComplete;
    expect(getComputedStyle(shadow(el).querySelector('[part="section"]')!).direction).to.equal('ltr');
  });

  it('is accessible', async () => {
    const el = await fixture<ArticleSectionElement>(
      html`<article-section heading="تعاون في مجال التدريب"
        >نص **القسم** مع [رابط](https://example.org/) و![صورة](https://example.org/a.png)</article-section
      >`,
    );
    await expect(el).to.be.accessible();
  });
});
