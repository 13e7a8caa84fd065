import { Role } from '@techport/shared';
import type { Viewer } from '../../common/auth/viewer.js';
import { canViewExpert, isPrivileged, reviewProvince, type ExpertVisibilityFacts } from './expert.rules.js';
import { toExpertDocument } from './expert-index.js';
import { buildExpertSearch } from './expert-search.service.js';

const viewer = (id: string, roles: Role[] = [Role.MEMBER], moderatedProvinceCodes: string[] = []): Viewer => ({ id, email: `${id}@x.vn`, displayName: id, roles, moderatedProvinceCodes });
const profile = (status: string, extra: Partial<ExpertVisibilityFacts> = {}): ExpertVisibilityFacts => ({
  userId: 'owner',
  status,
  provinceCode: 'hue',
  pendingRevision: null,
  revisionSubmittedAt: null,
  ...extra,
});

describe('who sees an expert profile', () => {
  const owner = viewer('owner');
  const stranger = viewer('stranger');
  const hue = viewer('m1', [Role.MODERATOR], ['hue']);
  const elsewhere = viewer('m2', [Role.MODERATOR], ['ca-mau']);
  const admin = viewer('a', [Role.ADMIN]);

  it.each([
    ['DRAFT', [true, false, false, false, false, false]],
    ['PENDING_REVIEW', [true, false, false, true, false, true]],
    ['REJECTED', [true, false, false, true, false, true]],
    ['PUBLISHED', [true, true, true, true, true, true]],
    ['ARCHIVED', [true, false, false, true, false, true]],
  ] as const)('%s', (status, expected) => {
    const p = profile(status);
    expect([owner, stranger, null, hue, elsewhere, admin].map((v) => canViewExpert(v, p))).toEqual(expected);
  });

  it('shows review data to the expert and covering moderators only, including where a revision moves the profile', () => {
    const moving = profile('PUBLISHED', { pendingRevision: { provinceCode: 'ca-mau' }, revisionSubmittedAt: new Date() });
    expect(isPrivileged(viewer('owner'), moving)).toBe(true);
    expect(isPrivileged(viewer('stranger'), moving)).toBe(false);
    expect(isPrivileged(viewer('m2', [Role.MODERATOR], ['ca-mau']), moving)).toBe(true);
    expect(reviewProvince(moving)).toBe('ca-mau');
    expect(reviewProvince({ ...moving, revisionSubmittedAt: null })).toBe('hue');
  });
});

describe('the search document', () => {
  it('folds the text, adds every ancestor field and the province’s names', () => {
    const doc = toExpertDocument({
      id: '0b6f5d8e-1c2a-4d3b-9e8f-7a6b5c4d3e2f',
      slug: 'dang-van-duc',
      full_name: 'Đặng Văn Đức',
      headline: 'Tư vấn chuyển giao công nghệ',
      bio: 'Ba mươi năm thẩm định công nghệ.',
      services: ['Thẩm định công nghệ'],
      past_transfers: [],
      field_codes: ['405', 'nope'],
      province_code: 'tay-ninh',
      organization_id: null,
      organization_name: null,
      published_at: new Date('2026-01-02T03:04:05Z'),
    });
    expect(doc.fieldCodes).toEqual(['405', '4']);
    expect(doc.fieldNames).toEqual(expect.arrayContaining(['Thủy sản', 'Fisheries and aquaculture', 'Khoa học nông nghiệp']));
    expect(doc.provinceNames).toEqual(expect.arrayContaining(['Tây Ninh', 'Long An']));
    expect(doc.folded).toBe('Dang Van Duc . Tu van chuyen giao cong nghe . Tham dinh cong nghe .  . Ba muoi nam tham dinh cong nghe.');
    expect(doc.publishedAt).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });

  it('counts each constrained facet without its own filter', () => {
    const [main, fields, provinces] = buildExpertSearch('t_experts', { query: 'tu van', fieldCodes: ['4'], provinceCodes: ['hue', 'ha-noi'], page: 2, pageSize: 10 });
    expect(main).toMatchObject({ indexUid: 't_experts', q: 'tu van', page: 2, hitsPerPage: 10, facets: [], filter: ['fieldCodes IN ["4"]', 'provinceCode IN ["hue", "ha-noi"]'] });
    expect(main.sort).toBeUndefined();
    expect(fields).toMatchObject({ facets: ['fieldCodes'], filter: ['provinceCode IN ["hue", "ha-noi"]'], limit: 0 });
    expect(provinces).toMatchObject({ facets: ['provinceCode'], filter: ['fieldCodes IN ["4"]'], limit: 0 });
    const browse = buildExpertSearch('t_experts', { query: '', fieldCodes: [], provinceCodes: [], page: 1, pageSize: 20 });
    expect(browse).toHaveLength(1);
    expect(browse[0]).toMatchObject({ sort: ['publishedAt:desc'], facets: ['fieldCodes', 'provinceCode'], filter: [] });
  });
});
