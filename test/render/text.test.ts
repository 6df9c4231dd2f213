import { expect } from '@open-wc/testing';
import { render } from 'lit';
import {
  clampLevel,
  decodeEntities,
  dedent,
  headingTemplate,
  htmlToTextParagraphs,
  linkRel,
  markdownPreview,
  paragraphsTemplate,
  textParagraphs,
} from '../../src/render/text.js';

describe('render/text', () => {
  it('splits plain text into paragraphs at blank lines and lines at single newlines', () => {
    expect(textParagraphs('أول\nسطر\n\n  \n\nثان   بمسافات\r\n\r\nثالث')).to.deep.equal([
      ['أول', 'سطر'],
      ['ثان بمسافات'],
      ['ثالث'],
    ]);
    expect(textParagraphs('   \n\n ')).to.deep.equal([]);
  });

  it('reduces HTML to text paragraphs without creating markup', () => {
    const paragraphs = htmlToTextParagraphs(
      '<p>الأولى <b>غامق</b></p><div>الثانية<br>سطر</div><script>alert(1)</script><style>p{}</style>' +
        '<img src=x onerror="window.__hit=1">نص &amp; رمز<!-- تعليق -->',
    );
    expect(paragraphs).to.deep.equal([['الأولى غامق'], ['الثانية', 'سطر'], ['نص & رمز']]);
    expect((window as { __hit?: number }).__hit).to.equal(undefined);
  });

  it('decodes numeric and common named references, leaving unknown ones', () => {
    expect(decodeEntities('&amp;&lt;&#1575;&#x644;&raquo;&nosuch;&#0;')).to.equal('&<ال»&nosuch;\ufffd');
    expect(decodeEntities('بلا مراجع')).to.equal('بلا مراجع');
  });

  it('dedents text written inside an indented HTML element', () => {
    expect(dedent('\n      نص **القسم**\n\n        مزاح\n      تال\n    ')).to.equal(
      'نص **القسم**\n\n  مزاح\nتال',
    );
  });

  it('previews markdown as plain paragraphs without markers', () => {
    expect(
      markdownPreview('## عنوان\n\nنص **قوي** و*مائل* و[رابط](https://x.example) ![صورة](a.png)'),
    ).to.deep.equal([['عنوان'], ['نص قوي ومائل ورابط']]);
  });

  it('renders paragraphs with line breaks as text bindings', () => {
    const container = document.createElement('div');
    render(paragraphsTemplate([['<b>x</b>', 'ثان'], ['ثالث']]), container);
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).to.have.length(2);
    expect(paragraphs[0].querySelector('br')).to.exist;
    expect(paragraphs[0].querySelector('b')).to.equal(null);
    expect(paragraphs[0].textContent).to.equal('<b>x</b>ثان');
  });

  it('renders real heading elements and clamps levels', () => {
    const container = document.createElement('div');
    render(headingTemplate(4, 'عنوان', 'title', 'title'), container);
    const heading = container.querySelector('h4')!;
    expect(heading.getAttribute('part')).to.equal('title');
    expect(heading.id).to.equal('title');
    render(headingTemplate(9, 'x'), container);
    expect(container.querySelector('h6')!.hasAttribute('part')).to.equal(false);
    expect(clampLevel(0)).to.equal(1);
    expect(clampLevel('abc', 3)).to.equal(3);
    expect(clampLevel(Number.NaN)).to.equal(2);
  });

  it('marks only external web links noopener noreferrer', () => {
    expect(linkRel('https://elsewhere.example/a')).to.equal('noopener noreferrer');
    expect(linkRel('/local')).to.equal(undefined);
    expect(linkRel(`${location.origin}/x`)).to.equal(undefined);
    expect(linkRel('mailto:a@b.example')).to.equal(undefined);
  });
});
