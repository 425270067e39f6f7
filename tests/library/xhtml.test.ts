// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeXml, htmlToXhtml, safeUrl } from '../../utils/library/xhtml';
import { exportFileName } from '../../utils/library/title-page';
import { HOSTILE, createDocument } from './export-samples';

const convert = (html: string, baseUrl = 'https://example.org/fic/ch1.html') => htmlToXhtml(html, { createDocument, baseUrl });

/** Parses the fragment as XML (throws when not well-formed). */
function asXml(fragment: string): Element {
  const doc = new JSDOM(`<div xmlns="http://www.w3.org/1999/xhtml">${fragment}</div>`, { contentType: 'application/xhtml+xml' }).window.document;
  return doc.documentElement;
}

describe('htmlToXhtml', () => {
  it.each(HOSTILE)('leaves nothing executable in %s', (html) => {
    const out = convert(html);
    const root = asXml(out);
    expect(root.querySelectorAll('script, style, iframe, object, embed, form, input, button, svg, math, meta, base, template')).toHaveLength(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name).toMatch(/^(href|src|alt|title|width|height|colspan|rowspan|start|value|span|lang|dir|class)$/);
        expect(attr.value).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      }
    }
  });

  it('keeps text and safe markup', () => {
    expect(convert('<p>Tea &amp; <em>biscuits</em><br>3 &lt; 4</p>')).toBe('<p>Tea &amp; <em>biscuits</em><br/>3 &lt; 4</p>');
    expect(convert('<p title="a &quot;b&quot; &amp; c" lang="fr" dir="RTL">x</p>')).toBe('<p title="a &quot;b&quot; &amp; c" lang="fr" dir="rtl">x</p>');
    expect(convert('<p lang="not a tag!" dir="sideways">x</p>')).toBe('<p>x</p>');
  });

  it('resolves links and drops the ones that go nowhere safe', () => {
    expect(convert('<a href="../next.html">next</a>')).toBe('<a href="https://example.org/next.html">next</a>');
    expect(convert('<a href="#note">note</a>')).toBe('note');
    expect(convert('<a href="javascript:alert(1)" title="t">js</a>')).toBe('<span title="t">js</span>');
    expect(convert('<a href="mailto:a@example.org">mail</a>')).toBe('<a href="mailto:a@example.org">mail</a>');
  });

  it('never nests links, even where the HTML parser builds them nested (a link in a table in a link)', () => {
    const out = convert('<a href="https://a.example/">outer <table><tr><td><a href="https://b.example/">inner</a></td></tr></table></a>');
    const root = asXml(out);
    expect(root.querySelectorAll('a a')).toHaveLength(0);
    expect(root.textContent).toContain('inner');
  });

  it('turns phrasing elements that hold blocks into divs that keep their look', () => {
    expect(convert('<span><p>a</p></span>')).toBe('<div class="fs-span"><p>a</p></div>');
    expect(convert('<b><ul><li>x</li></ul></b>')).toBe('<div class="fs-b"><ul><li>x</li></ul></div>');
    expect(convert('<h2><div>x</div></h2>')).toBe('<div class="fs-h2"><div>x</div></div>');
    expect(convert('<font color="red"><b>x</b></font>')).toBe('<span><b>x</b></span>');
  });

  it('gathers stray list content into items and unwraps orphan items', () => {
    expect(convert('<ol start="3">x<li>a</li> <li>b</li></ol>')).toBe('<ol start="3"><li>x</li><li>a</li><li>b</li></ol>');
    expect(convert('<li>orphan</li>')).toBe('<div>orphan</div>');
    expect(convert('<dl><dd>d</dd><dt>t</dt></dl>')).toBe('<div><div>d</div><div>t</div></div>');
    expect(convert('<dl><dt>t</dt><dd>d</dd></dl>')).toBe('<dl><dt>t</dt><dd>d</dd></dl>');
  });

  it('numbers only items of ordered lists', () => {
    expect(convert('<ol><li value="4">a</li></ol><ul><li value="4">b</li></ul>')).toBe('<ol><li value="4">a</li></ol><ul><li>b</li></ul>');
  });

  it('names exported files safely', () => {
    expect(exportFileName({ title: 'Soup: A/B "Test"?', authors: [{ name: 'Zoë' }] }, 'epub')).toBe('Soup A B Test - Zoë.epub');
    expect(exportFileName({ title: '', authors: [] }, 'html')).toBe('Untitled.html');
    expect(exportFileName({ title: '...', authors: [] }, 'html')).toBe('story.html');
  });

  it('removes characters XML forbids', () => {
    expect(convert('<p>a\u0001b\u000bc\uffffd</p>')).toBe('<p>abcd</p>');
    expect(escapeXml('\ud800x')).toBe('x');
    expect(escapeXml('🦇')).toBe('🦇');
    expect(escapeAttr('"<&>')).toBe('&quot;&lt;&amp;&gt;');
  });

  it('unwraps unknown tags and drops comments', () => {
    expect(convert('<o:p>word</o:p><!-- hidden --><custom-tag>x</custom-tag>')).toBe('wordx');
  });

  it('accepts only web and mail URLs', () => {
    expect(safeUrl('HTTPS://Example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeUrl('java\tscript:alert(1)')).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeUrl('//evil.example/x', 'https://example.org/')).toBe('https://evil.example/x');
    expect(safeUrl('file:///etc/passwd')).toBeNull();
  });
});
