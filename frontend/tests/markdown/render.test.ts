import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render';

describe('renderMarkdown', () => {
  it('renders common markdown', () => {
    const html = renderMarkdown('# Title\n\n- **one**\n- `two`\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>one</strong>');
    expect(html).toContain('<code>two</code>');
    expect(html).toContain('<table>');
  });

  it('opens links in a new tab without giving it this page', () => {
    expect(renderMarkdown('[help](https://help.example.com)')).toContain(
      '<a href="https://help.example.com" target="_blank" rel="noopener noreferrer nofollow">help</a>',
    );
  });

  it('strips scripts, handlers, styles, forms and dangerous URLs', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><form><input></form><p style="color:red" onclick="x()">p</p>\n\n[y](data:text/html;base64,PHNjcmlwdD4=)',
    );
    expect(html).not.toMatch(/script|onerror|javascript:|<form|<input|style=|onclick|href="data:/);
  });
});
