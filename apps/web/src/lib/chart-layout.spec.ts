import { describe, expect, it } from '@jest/globals';
import { FONT, textWidth } from './charts/layout';

/**
 * Advance widths (em) of DejaVu Sans, the face a Debian desktop (and the browser tests) falls back
 * to: the widest of the storefront's fallbacks for digits. The charts reserve their margins from
 * textWidth, so it must never be below what this face draws.
 */
const DEJAVU: Record<string, number> = { '0': 0.636, '1': 0.636, '2': 0.636, '3': 0.636, '4': 0.636, '5': 0.636, '6': 0.636, '7': 0.636, '8': 0.636, '9': 0.636, ' ': 0.318, ',': 0.318, '.': 0.318, '/': 0.337, T: 0.611, t: 0.392, r: 0.411, i: 0.278, ệ: 0.615, u: 0.634, ỷ: 0.592, y: 0.592 };
const drawn = (label: string) => [...label].reduce((w, ch) => w + DEJAVU[ch], 0) * FONT;

describe('textWidth: a label drawn in the widest fallback face fits the room reserved for it', () => {
  it.each(['10', '11', '1.000', '111', '2,5 tỷ', '500 triệu', 'T12/26', 'T1/27', '0,1'])('%s', (label) => {
    expect(textWidth(label)).toBeGreaterThanOrEqual(drawn(label));
  });

  it('a "1" is as wide as any other digit (an axis label "10" was drawn past the chart\'s left edge)', () => {
    expect(textWidth('10')).toBe(textWidth('20'));
  });
});
