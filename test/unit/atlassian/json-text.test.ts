import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../src/atlassian/json-text';
import { readTransportResponse } from '../../../src/atlassian/response';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Every character one byte below 0x80 (JSON leaves DEL, 0x7F, unescaped; it is ASCII too). */
const isAsciiText = (text: string): boolean => !/[^ -\x7f\t\n\r]/.test(text);

describe('jsonText: a UTF-8 JSON body as one-byte text', () => {
  it('parses to exactly what the decoded body parses to, for any JSON with any Unicode in its strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const bytes = utf8(JSON.stringify(value));
        const text = jsonText(bytes);
        expect(isAsciiText(text)).toBe(true);
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(new TextDecoder().decode(bytes)));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a DEL character, which JSON leaves unescaped', () => {
    const text = jsonText(utf8(JSON.stringify({ summary: 'a\x7fb' })));
    expect(isAsciiText(text)).toBe(true);
    expect(JSON.parse(text)).toEqual({ summary: 'a\x7fb' });
  });

  it('keeps names, quotes and emoji of a real-looking issue, wherever they fall in a long body', () => {
    const filler = 'x'.repeat(4090); // puts the accents across the 4 kB blocks the scan skips by
    const issue = {
      key: 'AC-1',
      fields: {
        summary: `${filler}“Café” crashes — naïve 日本語 🚀`,
        assignee: { displayName: 'Zoë Ångström' },
        description: { type: 'doc', content: [{ type: 'text', text: `${filler}é${filler}🚀` }] },
      },
    };
    expect(JSON.parse(jsonText(utf8(JSON.stringify(issue))))).toStrictEqual(issue);
  });

  it('skips a byte-order mark, as TextDecoder does', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"name":"Zoë"}')]);
    expect(JSON.parse(jsonText(body))).toStrictEqual({ name: 'Zoë' });
    expect(JSON.parse(jsonText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')])))).toStrictEqual({
      a: 1,
    });
  });

  it('reads invalid UTF-8 inside a string as U+FFFD instead of failing', () => {
    const body = new Uint8Array([...utf8('{"text":"a'), 0xff, 0xc3, ...utf8('b"}')]);
    const parsed = JSON.parse(jsonText(body)) as { text: string };
    expect(parsed.text.startsWith('a\ufffd')).toBe(true);
    expect(parsed.text.endsWith('b')).toBe(true);
  });
});

describe('readTransportResponse', () => {
  const headers = new Headers({ 'Content-Type': 'application/json', 'X-Seraph-LoginReason': 'OK' });

  it('parses a JSON body from its bytes and lower-cases header names', async () => {
    const response = new Response(JSON.stringify({ summary: '“Café”' }), { status: 200, headers });
    await expect(readTransportResponse(response)).resolves.toStrictEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-seraph-loginreason': 'OK' },
      body: { summary: '“Café”' },
    });
  });

  it('keeps a body that is not JSON as its text, accents included', async () => {
    const response = new Response('<html>Bad gateway — réessayez</html>', { status: 502 });
    expect((await readTransportResponse(response)).body).toBe('<html>Bad gateway — réessayez</html>');
  });

  it('gives no body for an empty answer', async () => {
    expect((await readTransportResponse(new Response(null, { status: 204 }))).body).toBeUndefined();
  });

  it('reads a response that only offers text (a Forge response in tests)', async () => {
    const response = { status: 200, headers, text: () => Promise.resolve('{"ok":true}') };
    expect((await readTransportResponse(response)).body).toStrictEqual({ ok: true });
  });
});
