/**
 * Constraints: how well a candidate meets the deal's terms (TRL, budget, transfer mode, province),
 * each a satisfaction in [0, 1] with its weight inside C and its label in both languages. Pure
 * code.
 */
import { PROVINCES, enumLabel, type Lang } from '@techport/shared';
import type { MatchListing } from './matching.engine.js';
import { BUDGET_TOLERANCE, CONSTRAINT_WEIGHTS, TRL_GAP_PENALTY, UNKNOWN_CREDIT } from './matching.weights.js';

export interface ConstraintResult {
  code: 'TRL' | 'BUDGET' | 'TRANSFER_MODE' | 'PROVINCE';
  weight: number; // share inside C
  satisfaction: number; // 0..1
  label: { vi: string; en: string };
  /** Show the reason even at weight 0 (a failed or unknown constraint). */
  always: boolean;
}

function money(v: number, lang: Lang, currency = 'VND'): string {
  if (currency !== 'VND') return `${v.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN')} ${currency}`;
  if (lang === 'en') {
    if (v >= 1e9) return `VND ${+(v / 1e9).toFixed(2)} billion`;
    if (v >= 1e6) return `VND ${+(v / 1e6).toFixed(1)} million`;
    return `VND ${v.toLocaleString('en-US')}`;
  }
  if (v >= 1e9) return `${String(+(v / 1e9).toFixed(2)).replace('.', ',')} tỷ đồng`;
  if (v >= 1e6) return `${String(+(v / 1e6).toFixed(1)).replace('.', ',')} triệu đồng`;
  return `${v.toLocaleString('vi-VN')} đồng`;
}

/** A transfer mode in the middle of a sentence: its label (libs/shared/src/labels.ts), lowercased. */
function transferModeInSentence(mode: string, lang: Lang): string {
  return enumLabel('TransferMode', mode, lang).toLowerCase();
}

export function constraints(source: MatchListing, cand: MatchListing): ConstraintResult[] {
  const offer = source.kind === 'OFFER' ? source : cand;
  const demand = source.kind === 'OFFER' ? cand : source;
  const out: ConstraintResult[] = [];

  // TRL: the offer's level against the demand's minimum
  {
    const min = demand.trl;
    const lvl = offer.trl;
    let s: number;
    let label: { vi: string; en: string };
    if (min == null) {
      s = 1;
      label = lvl == null
        ? { vi: 'Không yêu cầu TRL tối thiểu', en: 'No minimum TRL required' }
        : { vi: `TRL ${lvl}, không yêu cầu mức tối thiểu`, en: `TRL ${lvl}, no minimum required` };
    } else if (lvl == null) {
      s = UNKNOWN_CREDIT;
      label = { vi: `Chưa nêu TRL (yêu cầu tối thiểu ${min})`, en: `TRL not stated (minimum ${min} required)` };
    } else if (lvl >= min) {
      s = 1;
      label = { vi: `TRL ${lvl} ≥ mức tối thiểu ${min}`, en: `TRL ${lvl} ≥ required minimum ${min}` };
    } else {
      s = Math.max(0, 1 - (min - lvl) * TRL_GAP_PENALTY);
      label = { vi: `TRL ${lvl} thấp hơn mức tối thiểu ${min}`, en: `TRL ${lvl} is below the required minimum ${min}` };
    }
    out.push({ code: 'TRL', weight: CONSTRAINT_WEIGHTS.trl, satisfaction: s, label, always: true });
  }

  // BUDGET: the offer's asking price (from) against the demand's budget
  {
    const budget = demand.priceMax;
    const price = offer.priceMin ?? offer.priceMax;
    // Amounts in two currencies are not compared: no exchange rate is guessed.
    const budgetIn = demand.currency ?? 'VND';
    const priceIn = offer.currency ?? 'VND';
    const [b, p] = [(lang: Lang) => money(budget ?? 0, lang, budgetIn), (lang: Lang) => money(price ?? 0, lang, priceIn)];
    let s: number;
    let label: { vi: string; en: string };
    if (budget == null) {
      s = 1;
      label = { vi: 'Không nêu ngân sách', en: 'No budget stated' };
    } else if (price == null) {
      s = UNKNOWN_CREDIT;
      label = {
        vi: `Giá thỏa thuận, chưa so được với ngân sách ${b('vi')}`,
        en: `Price on request; cannot compare with the budget of ${b('en')}`,
      };
    } else if (priceIn !== budgetIn) {
      s = UNKNOWN_CREDIT;
      label = {
        vi: `Giá tính bằng ${priceIn} (từ ${p('vi')}), ngân sách bằng ${budgetIn} (${b('vi')}): chưa so được`,
        en: `Price in ${priceIn} (from ${p('en')}), budget in ${budgetIn} (${b('en')}): not compared`,
      };
    } else if (price <= budget) {
      s = 1;
      label = {
        vi: `Giá nằm trong ngân sách (từ ${p('vi')}, ngân sách ${b('vi')})`,
        en: `Price within budget (from ${p('en')}, budget ${b('en')})`,
      };
    } else {
      const over = (price - budget) / budget;
      s = BUDGET_TOLERANCE > 0 && over < BUDGET_TOLERANCE ? 1 - over / BUDGET_TOLERANCE : 0;
      label = {
        vi: `Giá vượt ngân sách (từ ${p('vi')}, ngân sách ${b('vi')})`,
        en: `Price over budget (from ${p('en')}, budget ${b('en')})`,
      };
    }
    out.push({ code: 'BUDGET', weight: CONSTRAINT_WEIGHTS.budget, satisfaction: s, label, always: true });
  }

  // TRANSFER_MODE: at least one mode in common
  {
    const common = offer.transferModes.filter((m) => demand.transferModes.includes(m));
    let s: number;
    let label: { vi: string; en: string };
    if (!demand.transferModes.length || !offer.transferModes.length) {
      s = UNKNOWN_CREDIT;
      label = { vi: 'Chưa nêu hình thức chuyển giao', en: 'Transfer mode not stated' };
    } else if (common.length) {
      s = 1;
      label = {
        vi: `Hình thức chuyển giao phù hợp: ${common.map((m) => transferModeInSentence(m, 'vi')).join(', ')}`,
        en: `Transfer mode accepted: ${common.map((m) => transferModeInSentence(m, 'en')).join(', ')}`,
      };
    } else {
      s = 0;
      label = { vi: 'Không có hình thức chuyển giao chung', en: 'No transfer mode in common' };
    }
    out.push({ code: 'TRANSFER_MODE', weight: CONSTRAINT_WEIGHTS.transferMode, satisfaction: s, label, always: true });
  }

  // PROVINCE: same province (a preference, not a constraint)
  {
    const same = !!source.provinceCode && source.provinceCode === cand.provinceCode;
    const p = PROVINCES.find((x) => x.code === cand.provinceCode);
    out.push({
      code: 'PROVINCE',
      weight: CONSTRAINT_WEIGHTS.province,
      satisfaction: same ? 1 : 0,
      label: same
        ? { vi: `Cùng tỉnh/thành: ${p?.nameVi ?? cand.provinceCode}`, en: `Same province: ${p?.nameEn ?? cand.provinceCode}` }
        : { vi: 'Khác tỉnh/thành', en: 'Different province' },
      always: false,
    });
  }
  return out;
}
