// The article form's reading of the server's refusals: each message goes next to the field it is
// about, whether it comes from the route's schema (a JSON path) or from the service (a field name),
// and several at once are split over their fields.
import { describe, expect, it } from 'vitest';
import { fieldOfKbMessage, kbErrorsOf, kbFormOf, kbRequestOf } from '../../console/web/state/kb-form.js';

describe('kb form', () => {
  it('puts schema and service messages next to their fields', () => {
    expect(fieldOfKbMessage('body/category must match pattern "^[a-z0-9][a-z0-9 _./-]*$"')).toBe('category');
    expect(fieldOfKbMessage('body/title must NOT have fewer than 1 characters')).toBe('title');
    expect(fieldOfKbMessage('body/body must NOT have fewer than 1 characters')).toBe('body');
    expect(fieldOfKbMessage('title is empty; give the article a one-line title')).toBe('title');
    expect(fieldOfKbMessage('body is 120.4 KB; an article body may be at most 100 KB (102400 bytes of UTF-8)')).toBe(
      'body',
    );
    expect(fieldOfKbMessage('request body is too large')).toBeNull();
    expect(fieldOfKbMessage('no knowledge-base article #4')).toBeNull();
  });

  it('splits several problems over their fields and keeps the rest for the form', () => {
    expect(
      kbErrorsOf('body/title must NOT have fewer than 1 characters; body/category must match pattern "x"'),
    ).toEqual({
      title: 'body/title must NOT have fewer than 1 characters',
      category: 'body/category must match pattern "x"',
    });
    expect(kbErrorsOf('request body is too large')).toEqual({ form: 'request body is too large' });
  });

  it('sends the title trimmed and the Markdown exactly as typed', () => {
    const form = { ...kbFormOf(null), title: '  VPN drops  ', category: ' network/vpn ', body: '  # Steps\n\n' };
    expect(kbRequestOf(form)).toEqual({ title: 'VPN drops', category: 'network/vpn', body: '  # Steps\n\n' });
  });
});
