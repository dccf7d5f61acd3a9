import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from '../../../scripts/lib/formats/python-literal.ts';

describe('parsePythonLiteral', () => {
  it.each([
    ["{'hidden': False, 'x': None, 'y': True}", { hidden: false, x: null, y: true }],
    ['[1, -2, 3.5, 1e-3, 1_000]', [1, -2, 3.5, 0.001, 1000]],
    ["('a', 'b',)", ['a', 'b']],
    ['{1, 2}', [1, 2]],
    ['{}', {}],
    ['"Don\'t"', "Don't"],
    ["'it\\'s'", "it's"],
    ["'caf\\xe9 \\u00fc \\U0001F600 \\n\\t\\\\'", 'café ü 😀 \n\t\\'],
    ["'\\101\\0'", 'A\0'],
    ["'\\d stays'", '\\d stays'],
    ["r'\\n raw'", '\\n raw'],
    ["'''triple ' quoted'''", "triple ' quoted"],
    ['\'implicit\' "concat"', 'implicitconcat'],
    ["u'prefixed'", 'prefixed'],
    ["{'nested': {'list': [{'k': 'v'}]}}", { nested: { list: [{ k: 'v' }] } }],
  ])('%s', (text, expected) => {
    expect(parsePythonLiteral(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["{'a': 'unclosed", 'string is not closed'],
    ["{'a': 1, 'b' 2}", 'expected ":"'],
    ["{'a' 1}", 'expected "," or "}"'],
    ['[1, 2', 'expected "," or "]"'],
    ["__import__('os')", 'unexpected "__import__"'],
    ['{"a": 1} extra', 'unexpected text after the value'],
    ['', 'unexpected end of text'],
    ["'line\nbreak'", 'line break inside a string'],
  ])('refuses %j', (text, message) => {
    expect(parsePythonLiteral(text)).toMatchObject({ ok: false, message });
  });

  it('gives the offset of the error', () => {
    expect(parsePythonLiteral('[1, 2, @]')).toMatchObject({ ok: false, offset: 7 });
  });
});
