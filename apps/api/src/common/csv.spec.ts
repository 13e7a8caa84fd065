import { csvField, csvLine } from './csv.js';

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text and Vietnamese alone', () => {
    expect(csvField('Công nghệ sấy lạnh')).toBe('Công nghệ sấy lạnh');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('Máy "X"')).toBe('"Máy ""X"""');
    expect(csvField('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });

  it('writes big whole amounts digit for digit', () => {
    expect(csvField(1_234_567_890_123)).toBe('1234567890123');
    expect(csvField(9_007_199_254_740_991)).toBe('9007199254740991');
    expect(csvField(10n ** 21n)).toBe('1000000000000000000000');
    expect(csvField(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+84 90')).toBe("'+84 90");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['Mã', 'Giá trị (VND)', 5])).toBe('Mã,Giá trị (VND),5\r\n');
  });
});
