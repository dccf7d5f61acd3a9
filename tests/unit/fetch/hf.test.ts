import { describe, expect, it } from 'vitest';
import { countDailyPapers, hfDailyUrl, hfSourceName } from '../../../scripts/lib/fetch/hf.ts';
import { recorded } from './support.ts';

describe('Hugging Face daily papers', () => {
  it('asks for one day and names the file after it', () => {
    expect(hfDailyUrl('2026-08-14')).toBe('https://huggingface.co/api/daily_papers?date=2026-08-14');
    expect(hfSourceName('2026-08-14')).toBe('2026-08-14-hf.json');
  });

  it('counts the papers of a recorded day, and none on a day without', () => {
    expect(countDailyPapers(recorded('hf-daily-2026-08-14.json'))).toBe(3);
    expect(countDailyPapers('[]')).toBe(0);
  });

  it.each([
    ['<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'something other than JSON: "<!DOCTYPE html>'],
    ['{"error":"Invalid date"}', 'JSON that is not a list of daily papers: "{\\"error\\":\\"Invalid date\\"}"'],
    ['null', 'JSON that is not a list of daily papers'],
    ['[{"paper": {"id": "1"}}, {"title": "no paper"}]', 'a list whose item 2 is not a daily paper'],
    ['[{"paper": {"id": "1"}}, 7]', 'a list whose item 2 is not a daily paper'],
    ['[{"paper": {"id": "2608.13489", "title": "DreamX', 'something other than JSON'],
  ])('rejects %j in one line', (body, message) => {
    expect(() => countDailyPapers(body)).toThrow(message);
  });
});
