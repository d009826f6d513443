// The report range as typed (shared by the server and the CLI) and the CSV cells of the export.
import { describe, expect, it } from 'vitest';
import { checkReportRange, csvCell, csvText, groupLabel } from '../../protocol/api/reports.js';

const errors = (from: string, to: string) => {
  const checked = checkReportRange(from, to);
  return checked.ok ? [] : checked.errors;
};

describe('checkReportRange', () => {
  it('accepts a single day and ranges of up to three years', () => {
    expect(checkReportRange('2025-03-04', '2025-03-04')).toEqual({
      ok: true,
      value: { from: '2025-03-04', to: '2025-03-04' },
    });
    expect(errors('2022-01-01', '2024-12-31')).toEqual([]);
    // From a leap day, three years on is 2027-03-01 (there is no 2027-02-29); the day before still fits.
    expect(errors('2024-02-29', '2027-02-28')).toEqual([]);
  });

  it('refuses ranges longer than three years', () => {
    expect(errors('2022-01-01', '2025-01-01')).toEqual([
      'the range 2022-01-01 to 2025-01-01 is longer than 3 years; ask for a shorter one',
    ]);
    expect(errors('2024-02-29', '2027-03-01')).toHaveLength(1);
  });

  it('says which date is malformed or not real, both at once', () => {
    expect(errors('2025-3-4', '2025-02-29')).toEqual([
      'from must be a date written YYYY-MM-DD, like 2025-03-31, not "2025-3-4"',
      'to "2025-02-29" is not a real date',
    ]);
    expect(errors('2025-13-01', '2025-12-01')).toEqual(['from "2025-13-01" is not a real date']);
    expect(errors(' 2025-03-01', '2025-03-02')[0]).toContain('YYYY-MM-DD');
  });

  it('refuses a range that runs backwards', () => {
    expect(errors('2025-03-05', '2025-03-04')).toEqual([
      'from 2025-03-05 is after to 2025-03-04; the range runs from the earlier day to the later one',
    ]);
  });

  it('quotes a very long value only in part', () => {
    expect(errors('x'.repeat(500), '2025-01-01')[0]!.length).toBeLessThan(120);
  });
});

describe('CSV cells', () => {
  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('makes text that a spreadsheet would run as a formula plain text with a leading quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tindented')).toBe("'\tindented");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as they are and null as an empty cell', () => {
    expect(csvCell(0.6667)).toBe('0.6667');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });

  it('ends every record, the last included, with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });

  it('names the group without a key for what it means', () => {
    expect(groupLabel('line', '2')).toBe('line 2');
    expect(groupLabel('assignee', null)).toBe('(unassigned)');
    expect(groupLabel('group', null)).toBe('(no device)');
    expect(groupLabel('category', 'disk')).toBe('disk');
  });
});
