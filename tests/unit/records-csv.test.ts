import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../renderer/src/features/records/csv';

describe('CSV export of list rows', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF, so Excel opens Chinese correctly', () => {
    const csv = toCsv([
      ['Name', 'City'],
      ['王伟', '上海'],
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Name,City\r\n王伟,上海\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvCell('Doe, "Jr"')).toBe('"Doe, ""Jr"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would run as formulas, but keeps phone numbers as they are', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('+8613800138000')).toBe('+8613800138000');
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});
