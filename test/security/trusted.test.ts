/**
 * The `akhbar` Trusted Types policy (src/data/trusted.ts): it makes TrustedHTML where the
 * browser has Trusted Types, and it quiets markup before any parse, so that a strict page gets
 * no CSP report from inline handlers or styles in documents that are only being read.
 */
import { expect } from '@open-wc/testing';
import { QUIET_PREFIX, quietMarkup, restoreQuieted, trustedHTML } from '../../src/data/trusted.js';

const X = QUIET_PREFIX;

describe('the akhbar policy', () => {
  it('makes TrustedHTML where the browser has Trusted Types', () => {
    const factory = (globalThis as { trustedTypes?: { isHTML(value: unknown): boolean } }).trustedTypes;
    const value = trustedHTML('<p onclick="x()">a</p>') as unknown;
    if (factory) expect(factory.isHTML(value)).to.be.true;
    expect(String(value)).to.equal(`<p ${X}onclick="x()">a</p>`);
  });

  it('renames inline handler and style attributes, wherever the tokenizer sees one', () => {
    const cases: [string, string][] = [
      ['<p style="color:red" onclick="x()" title="onclick=a style=b">a</p>', `<p ${X}style="color:red" ${X}onclick="x()" title="onclick=a style=b">a</p>`],
      ['<img src="x"onerror=alert(1)>', `<img src="x"${X}onerror=alert(1)>`],
      ['<img/onerror=x>', `<img/${X}onerror=x>`],
      ['<a ONCLICK=1 Style>x</a>', `<a ${X}ONCLICK=1 ${X}Style>x</a>`],
      ['<p title="a>b" style=c>', `<p title="a>b" ${X}style=c>`],
      ['<p\n\tonmouseover\n=\n"x">', `<p\n\t${X}onmouseover\n=\n"x">`],
    ]; // prettier-ignore
    for (const [input, output] of cases) expect(quietMarkup(input), input).to.equal(output);
  });

  it('leaves text, other attributes, comments and raw text alone', () => {
    for (const input of [
      '<p>style= onclick= text</p>',
      '<p stylex=1 data-style=2 class="onclick">x</p>',
      '<!-- <p style=a> --><p>x</p>',
      '<script>"<p style=x>"</script>',
      '<textarea><p onclick=x></textarea>',
      'a < b and c > d, style=1',
    ])
      expect(quietMarkup(input), input).to.equal(input);
    expect(quietMarkup('<p one=1>')).to.equal(`<p ${X}one=1>`);
  });

  it('drops <style> elements (raw text in HTML), not what a comment or a textarea holds', () => {
    expect(quietMarkup('<style>p{}</style><p>b</p>')).to.equal('<p>b</p>');
    expect(quietMarkup('<p>a</p><style>p{} <p>unclosed')).to.equal('<p>a</p>');
    expect(quietMarkup('<svg><style>x</style></svg>')).to.equal('<svg></svg>');
    expect(quietMarkup('<p>a</p><style onload=x media="all">css</style><p>b</p>')).to.equal(
      '<p>a</p><p>b</p>',
    );
    expect(quietMarkup('<!-- <style> --><p>x</p>')).to.equal('<!-- <style> --><p>x</p>');
    expect(quietMarkup('<textarea><style></textarea><p>real</p>')).to.equal(
      '<textarea><style></textarea><p>real</p>',
    );
  });

  it('in XML, leaves CDATA to the later HTML parse and keeps the document well-formed', () => {
    const xml =
      '<rss><channel><item style="a"><title>t</title><description><![CDATA[<p style="x"><style>s</style>]]></description>' +
      '<content xmlns:h="http://www.w3.org/1999/xhtml"><h:p onclick="y">z</h:p><style/><style type="t">css</style></content></item></channel></rss>';
    const quiet = quietMarkup(xml, 'application/xml');
    expect(quiet).to.contain(`<item ${X}style="a">`);
    expect(quiet).to.contain('<![CDATA[<p style="x"><style>s</style>]]>');
    expect(quiet).to.contain(`<h:p ${X}onclick="y">`);
    expect(quiet).to.not.contain('css');
    const doc = new DOMParser().parseFromString(trustedHTML(xml, 'application/xml'), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).to.have.length(0);
    expect(doc.querySelector('description')!.textContent).to.equal('<p style="x"><style>s</style>');
  });

  it('restores the names in serialized markup', () => {
    const input = '<p style="color:red" onclick="x()" title="t">a <b onmouseover=\'y\'>b</b></p>';
    const doc = new DOMParser().parseFromString(trustedHTML(input), 'text/html');
    expect(doc.body.innerHTML).to.contain(`${X}style=`);
    expect(restoreQuieted(doc.body.innerHTML)).to.equal(
      '<p style="color:red" onclick="x()" title="t">a <b onmouseover="y">b</b></p>',
    );
    expect(restoreQuieted('no markup')).to.equal('no markup');
  });

  it('takes linear time on hostile input (no backtracking)', () => {
    const size = 2_000_000;
    for (const unit of [
      '<a " style ',
      '<a style ',
      '<a x="',
      '<style>',
      '<textarea>',
      '<p style=x>',
      '<![CDATA[<a style',
    ]) {
      const input = unit.repeat(Math.floor(size / unit.length)) + ' style';
      const start = performance.now();
      quietMarkup(input);
      quietMarkup(input, 'application/xml');
      expect(performance.now() - start, unit).to.be.below(3000);
    }
  });
});
