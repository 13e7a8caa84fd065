import { describe, expect, it } from '@jest/globals';
import { textChanges, type TextPiece } from './revision-changes';

/** The pieces as one line: ~~struck~~, ++added++, the rest as it is. */
const show = (pieces: TextPiece[]) =>
  pieces.map((p) => (p.kind === 'gap' ? '…' : p.kind === 'removed' ? `~~${p.text}~~` : p.kind === 'added' ? `++${p.text}++` : p.text)).join('');

describe('textChanges: a figure is replaced whole', () => {
  it('strikes the old amount of money whole and writes the new one whole (Vietnamese, with no-break spaces)', () => {
    const pieces = textChanges('225.000.000\u00a0₫ – 525.000.000\u00a0₫', '225.000.000\u00a0₫ – 480.000.000\u00a0₫');
    expect(pieces.filter((p) => p.kind === 'removed')).toEqual([{ kind: 'removed', text: '525.000.000\u00a0₫' }]);
    expect(pieces.filter((p) => p.kind === 'added')).toEqual([{ kind: 'added', text: '480.000.000\u00a0₫' }]);
    expect(show(pieces)).toBe('225.000.000\u00a0₫ – ~~525.000.000\u00a0₫~~++480.000.000\u00a0₫++');
  });

  it('does the same in English ("₫225,000,000"), and for an amount that only gains a digit group', () => {
    expect(show(textChanges('₫225,000,000 – ₫525,000,000', '₫225,000,000 – ₫480,000,000'))).toBe('₫225,000,000 – ~~₫525,000,000~~++₫480,000,000++');
    expect(show(textChanges('Từ 500.000 ₫', 'Từ 500.000.000 ₫'))).toBe('Từ ~~500.000 ₫~~++500.000.000 ₫++');
  });

  it('keeps a number with its unit together: measures, ranges, percentages, amounts in words', () => {
    expect(show(textChanges('Công suất 2 tấn/mẻ; nhiệt độ sấy 40–55 °C.', 'Công suất 3 tấn/mẻ; nhiệt độ sấy 40–60 °C.'))).toBe(
      'Công suất ~~2 tấn/mẻ~~++3 tấn/mẻ++; nhiệt độ sấy ~~40–55 °C~~++40–60 °C++.',
    );
    expect(show(textChanges('giảm 30% điện năng', 'giảm 35% điện năng'))).toBe('giảm ~~30%~~++35%++ điện năng');
    expect(show(textChanges('vốn 1,5 tỷ đồng', 'vốn 2,25 tỷ đồng'))).toBe('vốn ~~1,5 tỷ đồng~~++2,25 tỷ đồng++');
    expect(show(textChanges('trong 45 ngày', 'trong 60 ngày'))).toBe('trong ~~45 ngày~~++60 ngày++');
  });

  it('replaces a date whole, as the pages write it in either language, and a time', () => {
    expect(show(textChanges('Hạn chót 12 thg 3, 2026', 'Hạn chót 15 thg 4, 2026'))).toBe('Hạn chót ~~12 thg 3, 2026~~++15 thg 4, 2026++');
    expect(show(textChanges('Deadline 12 Mar 2026', 'Deadline 12 Apr 2026'))).toBe('Deadline ~~12 Mar 2026~~++12 Apr 2026++');
    expect(show(textChanges('ngày 12/03/2026, 08:30', 'ngày 12/03/2027, 09:00'))).toBe('ngày ~~12/03/2026~~++12/03/2027++, ~~08:30~~++09:00++');
  });

  it('leaves the words around a figure, and plain words, to the word diff', () => {
    expect(show(textChanges('Nhân chồi trong sáu tuần tại 3 hợp tác xã', 'Nhân chồi trong tám tuần tại 3 hợp tác xã'))).toBe(
      'Nhân chồi trong ~~sáu~~++tám++ tuần tại 3 hợp tác xã',
    );
    expect(show(textChanges('Thỏa thuận', '225.000.000 ₫'))).toBe('~~Thỏa thuận~~++225.000.000 ₫++');
  });
});
