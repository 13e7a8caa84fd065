import { AUDIT_PARTIES_MAX, dealReviewSummary } from './deals.labels.js';

describe('a deal review in the staff audit log', () => {
  const deal = { title: 'Công nghệ sấy lạnh nông sản bằng bơm nhiệt', supplier: 'Viện Cơ điện nông nghiệp', buyer: 'HTX Mỹ Xương', provinceCode: 'ho-chi-minh' };

  it('names the technology, the parties and the province, in both languages, with no ID or code', () => {
    expect(dealReviewSummary(true, deal)).toEqual({
      vi: 'Duyệt giao dịch «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» giữa Viện Cơ điện nông nghiệp và HTX Mỹ Xương (TP. Hồ Chí Minh)',
      en: 'Approved the deal for «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» between Viện Cơ điện nông nghiệp and HTX Mỹ Xương (Ho Chi Minh City)',
    });
    expect(dealReviewSummary(false, { ...deal, provinceCode: 'can-tho' })).toEqual({
      vi: 'Từ chối giao dịch «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» giữa Viện Cơ điện nông nghiệp và HTX Mỹ Xương (Cần Thơ)',
      en: 'Rejected the deal for «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» between Viện Cơ điện nông nghiệp and HTX Mỹ Xương (Can Tho)',
    });
  });

  it('leaves out parties whose names together are long (the title names the deal)', () => {
    const long = { ...deal, supplier: 'Công ty Trách nhiệm hữu hạn Một thành viên Cơ khí Chế tạo Máy Nông nghiệp Miền Nam', buyer: 'Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Mỹ Xương' };
    expect(long.supplier.length + long.buyer.length).toBeGreaterThan(AUDIT_PARTIES_MAX);
    expect(dealReviewSummary(true, long)).toEqual({
      vi: 'Duyệt giao dịch «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» (TP. Hồ Chí Minh)',
      en: 'Approved the deal for «Công nghệ sấy lạnh nông sản bằng bơm nhiệt» (Ho Chi Minh City)',
    });
  });
});
