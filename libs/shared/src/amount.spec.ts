import { parseAmountText } from './amount.js';

describe('parseAmountText', () => {
  it('reads digits, with dots, commas or spaces between the thousands, and a currency sign', () => {
    for (const text of ['500000000', '500.000.000', '500,000,000', '500 000 000', '500.000.000 ₫', '500.000.000đ', '500000000 VND', '₫500,000,000', '500.000.000 đồng']) {
      expect(parseAmountText(text)).toBe(500_000_000);
    }
  });

  it('reads the units the site writes amounts with, in Vietnamese and in English, with a decimal comma or point', () => {
    expect(parseAmountText('1,5 tỷ')).toBe(1_500_000_000);
    expect(parseAmountText('1.5bn')).toBe(1_500_000_000);
    expect(parseAmountText('1,5 tỉ đồng')).toBe(1_500_000_000);
    expect(parseAmountText('2 Tỷ')).toBe(2_000_000_000);
    expect(parseAmountText('500 triệu')).toBe(500_000_000);
    expect(parseAmountText('500m')).toBe(500_000_000);
    expect(parseAmountText('500tr')).toBe(500_000_000);
    expect(parseAmountText('2.25 million')).toBe(2_250_000);
    expect(parseAmountText('200 nghìn')).toBe(200_000);
    expect(parseAmountText('200k')).toBe(200_000);
    expect(parseAmountText('1.1bn')).toBe(1_100_000_000); // rounded: no 0.0000002 đồng
  });

  it('reads a group of three digits after the separator as thousands, even before a unit', () => {
    expect(parseAmountText('1.500 tỷ')).toBe(1_500_000_000_000);
    expect(parseAmountText('1,500 triệu')).toBe(1_500_000_000);
  });

  it('is null for nothing typed and NaN for what is no amount', () => {
    expect(parseAmountText('')).toBeNull();
    expect(parseAmountText('   ')).toBeNull();
    for (const text of ['abc', '1bnx', '1,5', '1.5', '-500', '5e8', '1.500,000', 'tỷ', '1,5,5 tỷ', '12.34.567']) expect(parseAmountText(text)).toBeNaN();
  });
});
