import { describe, expect, it } from 'vitest';
import { capped, codeBlock, codeSpan, htmlText, mdText, valueCell } from '../../../src/render/common/markdown-text.js';

describe('markdown text helpers', () => {
  it('escapes markdown and HTML so user text renders as itself', () => {
    expect(mdText('a|b *c* <d> & [e]')).toBe('a\\|b \\*c\\* &lt;d&gt; &amp; \\[e\\]');
    expect(htmlText('<b a="1">&</b>')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;');
  });

  it('keeps user text on its line, its mentions quiet and its control characters visible', () => {
    expect(mdText('x\n## All clear\r\u2028y')).toBe('x\\\\u000a\\#\\# All clear\\\\u000d\\\\u2028y');
    expect(mdText('ping @org/team, (@admins) and ana@contoso.com')).toBe('ping @&#8203;org/team, (@&#8203;admins) and ana@contoso.com');
    expect(mdText('a\u001b[2Kb')).toBe('a\\\\u001b\\[2Kb');
    expect(htmlText('a\u202eb\n<i>')).toBe('a\\u202eb\\u000a&lt;i&gt;');
    expect(codeSpan('a\nb`` c')).toBe('``` a\\u000ab`` c ```');
    expect(codeBlock('', ['a\n```', 'b'])).toBe('````\na\\u000a```\nb\n````');
  });

  it('makes code spans and fences that the content cannot close', () => {
    expect(codeSpan('a|b')).toBe('`a\\|b`');
    expect(codeSpan('a`b')).toBe('`` a`b ``');
    expect(codeBlock('diff', ['+ a'])).toBe('```diff\n+ a\n```');
    expect(codeBlock('', ['x ``` y'])).toBe('````\nx ``` y\n````');
  });

  it('shows setting values and cuts lists with a count', () => {
    expect(valueCell(undefined)).toBe('—');
    expect(valueCell([])).toBe('(none)');
    expect(valueCell(['a@x.com', 'b@x.com'])).toBe('`a@x.com`, `b@x.com`');
    expect(valueCell(20)).toBe('`20`');
    expect(capped([1, 2, 3], 2)).toEqual({ shown: [1, 2], hidden: 1 });
    expect(capped([1], 2)).toEqual({ shown: [1], hidden: 0 });
  });
});
