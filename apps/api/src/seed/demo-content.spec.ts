import { IpStatus, OrganizationKind, PROVINCES, TECH_FIELDS, TransferMode, foldDiacritics } from '@techport/shared';
import { buildDemoCatalogue, forTitle, generateListings, keywordsForTitle, type DemoCatalogue, type DemoListing } from './demo-content.js';

const FIELD_CODES = new Set(TECH_FIELDS.map((f) => f.code));
const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));
const MODES = new Set<string>(Object.values(TransferMode));
const IP = new Set<string>(Object.values(IpStatus));
const REASONS = new Set(['INCOMPLETE', 'NOT_A_TECHNOLOGY', 'DUPLICATE', 'MISLEADING', 'OTHER']);

const hasDiacritics = (s: string) => foldDiacritics(s) !== s;
const textSize = (l: DemoListing) => l.title.length + l.summary.length + l.description.length + (l.specification?.length ?? 0) + (l.advantages?.length ?? 0);

/** Every limit a listing must respect, whoever made it; returns the problems found. */
function problems(l: DemoListing, orgKeys: Set<string>): string[] {
  const p: string[] = [];
  const check = (ok: boolean, what: string) => ok || p.push(`${l.key}: ${what}`);
  check(orgKeys.has(l.orgKey), 'unknown organisation');
  check(l.title.length >= 10 && l.title.length <= 200, `title length ${l.title.length}`);
  check(l.summary.length >= 10 && l.summary.length <= 500, `summary length ${l.summary.length}`);
  check(l.description.length >= 300 && l.description.length <= 3000, `description length ${l.description.length}`);
  check(l.keywords.length >= 3 && l.keywords.length <= 10, `${l.keywords.length} keywords`);
  check(new Set(l.keywords).size === l.keywords.length, 'repeated keyword');
  check(l.keywords.every((k) => k.length >= 2 && k.length <= 60 && !k.includes('{')), 'keyword length or unfilled slot');
  check(!/[{}]/.test(l.title + l.summary + l.description + (l.specification ?? '') + (l.advantages ?? '')), 'unfilled slot');
  check(l.fieldCodes.length >= 1 && l.fieldCodes.length <= 3, `${l.fieldCodes.length} field codes`);
  check(l.fieldCodes.every((c) => FIELD_CODES.has(c)) && new Set(l.fieldCodes).size === l.fieldCodes.length, 'field codes');
  check(l.transferModes.length >= 1 && l.transferModes.length <= 3, `${l.transferModes.length} transfer modes`);
  check(l.transferModes.every((m) => MODES.has(m)) && new Set(l.transferModes).size === l.transferModes.length, 'transfer modes');
  check(l.trl === null || (Number.isInteger(l.trl) && l.trl >= 1 && l.trl <= 9), `trl ${l.trl}`);
  check(l.ipStatus === null || IP.has(l.ipStatus), 'ip status');
  check(PROVINCE_CODES.has(l.provinceCode), 'province');
  check(l.language === 'vi' || l.language === 'en', 'language');
  check(Number.isInteger(l.daysAgo) && l.daysAgo >= 0 && l.daysAgo <= 400, `daysAgo ${l.daysAgo}`);
  // Pictures are attachments (demo-media.ts); a link to an invented address would be a broken image.
  check(l.mediaUrls.length === 0, 'links to pictures');
  for (const v of [l.priceMin, l.priceMax]) check(v === null || (Number.isSafeInteger(v) && v > 0), `price ${v}`);
  if (l.kind === 'OFFER') {
    check(l.trl !== null, 'offer without TRL');
    check(l.ipStatus !== null, 'offer without IP status');
    check(!!l.specification?.trim() && !!l.advantages?.trim(), 'offer without specification or advantages');
    check(l.priceMin === null || (l.priceMax !== null && l.priceMin <= l.priceMax), 'priceMin > priceMax');
    check((l.priceMin === null) === (l.priceMax === null), 'half a price range');
  } else {
    check(l.priceMin === null, 'demand with priceMin');
  }
  check(l.status === 'REJECTED' ? !!l.rejection && REASONS.has(l.rejection.reason) && l.rejection.note.length >= 20 : !l.rejection, 'rejection');
  return p;
}

describe('buildDemoCatalogue', () => {
  let cat: DemoCatalogue;
  beforeAll(() => {
    cat = buildDemoCatalogue();
  });

  const published = (kind: 'OFFER' | 'DEMAND') => cat.listings.filter((l) => l.kind === kind && l.status === 'PUBLISHED');

  it('has about sixty organisations of every kind across at least twenty provinces', () => {
    const orgs = cat.organizations;
    expect(orgs.length).toBeGreaterThanOrEqual(50);
    expect(orgs.length).toBeLessThanOrEqual(75);
    expect(new Set(orgs.map((o) => o.kind))).toEqual(new Set(Object.values(OrganizationKind)));
    expect(new Set(orgs.map((o) => o.provinceCode)).size).toBeGreaterThanOrEqual(20);
    expect(orgs.every((o) => PROVINCE_CODES.has(o.provinceCode))).toBe(true);
    expect(new Set(orgs.map((o) => o.key)).size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    const verified = orgs.filter((o) => o.verified).length;
    expect(verified / orgs.length).toBeGreaterThan(0.85);
    expect(verified).toBeLessThan(orgs.length);
    for (const o of orgs) {
      expect(o.description.length).toBeGreaterThan(20);
      if (o.website) expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.demo\.techport\.vn$/);
      if (o.taxCode) expect(o.taxCode).toMatch(/^\d{10}$/);
    }
  });

  it('gives every organisation one or two members and adds the moderators', () => {
    const { users, organizations } = cat;
    for (const o of organizations) {
      const n = users.filter((u) => u.orgKeys.includes(o.key)).length;
      expect([o.key, n >= 1 && n <= 2]).toEqual([o.key, true]);
    }
    const keys = new Set(organizations.map((o) => o.key));
    expect(new Set(users.map((u) => u.key)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) {
      expect(u.email).toMatch(/^[a-z0-9.]+@([a-z0-9-]+\.)?demo\.techport\.vn$/);
      expect(u.password.length).toBeGreaterThanOrEqual(10);
      expect(u.password).not.toBe(u.email);
      expect(u.roles).toContain('MEMBER');
      expect(u.orgKeys.every((k) => keys.has(k))).toBe(true);
      expect(u.moderatedProvinceCodes.length === 0 || u.roles.includes('MODERATOR')).toBe(true);
    }
    const tayNinh = users.find((u) => u.email === 'moderator.tayninh@demo.techport.vn');
    expect(tayNinh?.roles).toEqual(expect.arrayContaining(['MEMBER', 'MODERATOR']));
    expect(tayNinh?.moderatedProvinceCodes).toEqual(['tay-ninh']);
    const national = users.find((u) => u.email === 'moderator@demo.techport.vn');
    expect(national?.roles).toEqual(expect.arrayContaining(['MEMBER', 'MODERATOR']));
    expect(national?.moderatedProvinceCodes).toEqual([]);
    expect(national?.allProvinces).toBe(true);
    expect(users.find((u) => u.email === 'lan.nguyen@vien-sinh-hoc.demo.techport.vn')).toBeDefined();
  });

  it('publishes at least 320 offers and 90 demands and has some in every other status', () => {
    expect(published('OFFER').length).toBeGreaterThanOrEqual(320);
    expect(published('DEMAND').length).toBeGreaterThanOrEqual(90);
    const count = (s: string) => cat.listings.filter((l) => l.status === s).length;
    expect(count('DRAFT')).toBeGreaterThanOrEqual(10);
    expect(count('PENDING_REVIEW')).toBeGreaterThanOrEqual(10);
    expect(count('REJECTED')).toBeGreaterThanOrEqual(5);
    expect(count('ARCHIVED')).toBeGreaterThanOrEqual(5);
    const reasons = new Set(cat.listings.filter((l) => l.status === 'REJECTED').map((l) => l.rejection!.reason));
    expect(reasons.size).toBeGreaterThanOrEqual(4);
  });

  it('covers every one of the 36 field codes with published listings', () => {
    const covered = new Set(cat.listings.filter((l) => l.status === 'PUBLISHED').flatMap((l) => l.fieldCodes));
    expect(TECH_FIELDS.filter((f) => !covered.has(f.code)).map((f) => f.code)).toEqual([]);
    expect(TECH_FIELDS).toHaveLength(36);
  });

  it('keeps every listing within the limits, with unique keys and titles', () => {
    const orgKeys = new Set(cat.organizations.map((o) => o.key));
    expect(cat.listings.flatMap((l) => problems(l, orgKeys))).toEqual([]);
    expect(new Set(cat.listings.map((l) => l.key)).size).toBe(cat.listings.length);
    expect(new Set(cat.listings.map((l) => l.title)).size).toBe(cat.listings.length);
  });

  it('never lists one technology twice with only its capacity or size changed', () => {
    // "…cho bò sữa, quy mô 500 con" beside "…cho bò sữa, quy mô 10.000 con" reads as generated.
    const withoutQuantities = (title: string) => title.replace(/\d[\d.,]*\s*\S+/g, '#');
    for (const kind of ['OFFER', 'DEMAND'] as const) {
      const seen = new Map<string, string>();
      const twice = published(kind).flatMap((l) => {
        const key = withoutQuantities(l.title);
        const before = seen.get(key);
        seen.set(key, l.title);
        return before ? [`${before} ~ ${l.title}`] : [];
      });
      expect(twice).toEqual([]);
    }
  });

  it('describes each machine as itself: a harvester, a seeder or a drone never borrows a dryer\'s text', () => {
    expect(forTitle(['chung', '[0] máy sấy', '[1,3] máy gieo'], 3)).toEqual(['chung', 'máy gieo']);
    // a keyword another title names is that title's: "OEE" is not a vibration sensor's keyword
    const titles = ['Hệ thống giám sát hiệu suất thiết bị (OEE) cho {p}', 'Cảm biến rung không dây bảo trì dự đoán cho {p}'];
    expect(keywordsForTitle(['OEE', 'bảo trì dự đoán', 'nhà máy thông minh', 'IoT'], titles, 1)).toEqual(['bảo trì dự đoán', 'nhà máy thông minh', 'IoT']);
    expect(keywordsForTitle(['OEE', 'bảo trì dự đoán', 'nhà máy thông minh', 'IoT'], titles, 0)).toEqual(['OEE', 'nhà máy thông minh', 'IoT']);
    const others = published('OFFER').filter((l) => /^(Máy thu hoạch cỡ nhỏ|Máy gieo hạt|Thiết bị bay không người lái)/.test(l.title));
    expect(others.length).toBeGreaterThan(0);
    for (const l of others) expect({ title: l.title, dryer: /sấy/i.test([l.description, l.specification, ...l.keywords].join(' ')) }).toEqual({ title: l.title, dryer: false });
    // …nor a compost process or a wastewater plant without a digester the keyword "biogas"
    const digesters = /biogas|UASB|kỵ khí/i;
    for (const l of published('OFFER').filter((x) => !digesters.test(x.title))) expect({ title: l.title, biogas: l.keywords.some((k) => /biogas/i.test(k)) }).toEqual({ title: l.title, biogas: false });
    // no tag is left in any text
    for (const l of cat.listings) expect([l.title, l.summary, l.description, l.specification ?? '', l.advantages ?? '', ...l.keywords].join(' ')).not.toMatch(/\[p?\d+(,\d+)*\]/);
    // a capacity fits its product: no sorter of cashews or tiles is rated in metres of fabric a minute
    expect(cat.listings.filter((l) => /m vải\/phút|m\/min/.test(l.title) && !/vải|fabric/i.test(l.title.replace(/m vải\/phút|m\/min/, ''))).map((l) => l.title)).toEqual([]);
  });

  it('writes offers with mostly high TRL and demands with a minimum or none', () => {
    const offers = published('OFFER');
    expect(offers.filter((l) => l.trl! >= 5).length / offers.length).toBeGreaterThan(0.8);
    expect(offers.some((l) => l.priceMin === null)).toBe(true);
    const demands = published('DEMAND');
    expect(demands.some((l) => l.trl === null)).toBe(true);
    expect(demands.some((l) => l.priceMax !== null)).toBe(true);
    expect(demands.some((l) => l.ipStatus === null)).toBe(true);
  });

  it('mixes languages: about 15% English, about 10% of demands typed without diacritics', () => {
    const en = cat.listings.filter((l) => l.language === 'en').length / cat.listings.length;
    expect(en).toBeGreaterThan(0.1);
    expect(en).toBeLessThan(0.22);
    const demands = cat.listings.filter((l) => l.kind === 'DEMAND');
    const plain = demands.filter((l) => l.language === 'vi' && !hasDiacritics(l.title + l.description)).length / demands.length;
    expect(plain).toBeGreaterThan(0.05);
    expect(plain).toBeLessThan(0.2);
  });

  it('includes the English showcase listings and matching pairs across vocabulary', () => {
    const en = cat.listings.filter((l) => l.language === 'en' && l.status === 'PUBLISHED').map((l) => l.title.toLowerCase());
    expect(en.some((t) => t.includes('water quality') && t.includes('shrimp'))).toBe(true);
    expect(en.some((t) => t.includes('wastewater'))).toBe(true);
    expect(en.some((t) => t.includes('defect detection'))).toBe(true);
    const pub = cat.listings.filter((l) => l.status === 'PUBLISHED');
    const dragonDemand = pub.find((l) => l.kind === 'DEMAND' && l.title.includes('thanh long'));
    expect(dragonDemand).toBeDefined();
    expect(dragonDemand!.keywords.join(' ')).not.toMatch(/CA|sau thu hoạch/);
    const offersText = pub.filter((l) => l.kind === 'OFFER').map((l) => `${l.title} ${l.keywords.join(' ')}`);
    expect(offersText.some((t) => t.includes('sau thu hoạch') && t.includes('thanh long'))).toBe(true);
    expect(offersText.some((t) => t.includes('Kho lạnh CA'))).toBe(true);
  });

  it('has some published listings about to expire', () => {
    const old = cat.listings.filter((l) => l.status === 'PUBLISHED' && l.daysAgo >= 350 && l.daysAgo < 365);
    expect(old.length).toBeGreaterThanOrEqual(3);
    expect(cat.listings.filter((l) => l.status === 'PUBLISHED' && l.daysAgo >= 365)).toEqual([]);
  });

  it('lists at least twenty experts, mostly published, tied to real users and organisations', () => {
    const { experts, users, organizations } = cat;
    expect(experts.length).toBeGreaterThanOrEqual(20);
    expect(experts.filter((e) => e.status === 'PUBLISHED').length).toBeGreaterThanOrEqual(18);
    expect(experts.some((e) => e.status === 'PENDING_REVIEW')).toBe(true);
    expect(new Set(experts.map((e) => e.key)).size).toBe(experts.length);
    for (const e of experts) {
      if (e.userKey) expect(users.find((u) => u.key === e.userKey)?.displayName).toBe(e.fullName);
      if (e.orgKey) expect(organizations.some((o) => o.key === e.orgKey)).toBe(true);
      expect(e.fieldCodes.length).toBeGreaterThan(0);
      expect(e.fieldCodes.every((c) => FIELD_CODES.has(c))).toBe(true);
      expect(e.services.length).toBeGreaterThan(0);
      expect(e.pastTransfers.length).toBeGreaterThan(0);
      expect(e.bio.length).toBeGreaterThan(100);
      expect(PROVINCE_CODES.has(e.provinceCode)).toBe(true);
    }
    expect(experts.filter((e) => e.userKey !== null).length).toBeGreaterThan(10);
  });

  it('never says a two-syllable word twice in a row ("công nghệ công nghệ", "sạch bệnh sạch bệnh")', () => {
    const doubled = /(?:^|\s)(\p{L}+ \p{L}+) \1(?=\s|$|[,.;:])/iu;
    const texts = [
      ...cat.experts.flatMap((e) => [e.headline, e.bio, ...e.services, ...e.pastTransfers]),
      ...cat.listings.flatMap((l) => [l.title, l.summary, l.description]),
    ];
    expect(texts.filter((x) => doubled.test(x))).toEqual([]);
  });

  it('is deterministic: same seed, same catalogue; another seed, other listings', () => {
    expect(JSON.stringify(buildDemoCatalogue())).toBe(JSON.stringify(cat));
    expect(JSON.stringify(buildDemoCatalogue(7))).toBe(JSON.stringify(buildDemoCatalogue(7)));
    const other = buildDemoCatalogue(7);
    expect(other.listings.map((l) => l.title)).not.toEqual(cat.listings.map((l) => l.title));
    expect(other.listings.filter((l) => l.kind === 'OFFER' && l.status === 'PUBLISHED').length).toBeGreaterThanOrEqual(320);
  });
});

describe('generateListings', () => {
  const orgs = buildDemoCatalogue().organizations;
  const orgKeys = new Set(orgs.map((o) => o.key));

  it('makes half offers, half demands, all published and within the limits', () => {
    const list = generateListings(2000, orgs, 3);
    expect(list).toHaveLength(2000);
    expect(list.filter((l) => l.kind === 'OFFER')).toHaveLength(1000);
    expect(list.every((l) => l.status === 'PUBLISHED' && l.daysAgo < 365)).toBe(true);
    expect(list.flatMap((l) => problems(l, orgKeys))).toEqual([]);
    expect(new Set(list.map((l) => l.key)).size).toBe(list.length);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(generateListings(300, orgs, 11))).toBe(JSON.stringify(generateListings(300, orgs, 11)));
    expect(generateListings(300, orgs, 12)[0].title).not.toBe(generateListings(300, orgs, 11)[0].title);
  });

  // Its speed is the benchmark's business (npm run bench -- search times the generator), not a test's:
  // a timed assertion fails on a busy machine and proves nothing on a quiet one.
  it('produces 100,000 varied listings of about 1–1.5 KB', () => {
    const list = generateListings(100_000, orgs, 1);
    expect(list).toHaveLength(100_000);
    expect(new Set(list.map((l) => l.title)).size / list.length).toBeGreaterThanOrEqual(0.9);
    expect(new Set(list.map((l) => l.description)).size / list.length).toBeGreaterThanOrEqual(0.9);
    const bytes = list.reduce((a, l) => a + Buffer.byteLength(l.title + l.summary + l.description + (l.specification ?? '') + (l.advantages ?? '')), 0) / list.length;
    expect(bytes).toBeGreaterThanOrEqual(1000);
    expect(bytes).toBeLessThanOrEqual(1600);
    expect(list.reduce((a, l) => a + textSize(l), 0) / list.length).toBeGreaterThan(700);
    const en = list.filter((l) => l.language === 'en').length / list.length;
    expect(en).toBeGreaterThan(0.1);
    expect(en).toBeLessThan(0.2);
    expect(new Set(list.flatMap((l) => l.fieldCodes)).size).toBeGreaterThanOrEqual(31);
    expect(new Set(list.map((l) => l.orgKey)).size).toBeGreaterThan(40);
  }, 60_000);
});
