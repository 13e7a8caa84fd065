import { startTestApp, type TestApp } from './support/app.js';
import { Client, registerUser } from './support/graphql.js';

// saveSearch / savedSearches / deleteSavedSearch: validation (the SearchInput rules of `search`,
// field paths as sent), the per-user limit, and that nobody reaches another user's searches.
// (The alerts they ask for: alerts.e2e-spec.ts.)

let t: TestApp;
let base: Client;

beforeAll(async () => {
  t = await startTestApp();
  base = new Client(t.url);
});
afterAll(() => t.close());

const SAVE = `mutation($input: SavedSearchInput!) {
  saveSearch(input: $input) {
    id name notify createdAt
    input { query kind fieldCodes provinceCodes transferModes organizationKinds trlMin trlMax priceMax sort }
  }
}`;
const LIST = `{ savedSearches { id name notify input { query kind fieldCodes provinceCodes } } }`;
const DELETE = `mutation($id: ID!) { deleteSavedSearch(id: $id) }`;

describe('saved searches', () => {
  it('saves a search with its criteria and lists the caller’s own, newest first', async () => {
    const { client } = await registerUser(base);
    const first = (
      await client.ok(SAVE, {
        input: {
          name: '  Sấy nông sản ở miền Tây  ',
          search: {
            query: '  sấy   lạnh ',
            kind: 'OFFER',
            fieldCodes: ['407', '407'],
            provinceCodes: ['can-tho', 'dong-thap'],
            transferModes: ['LICENSING'],
            organizationKinds: ['UNIVERSITY'],
            trlMin: 5,
            trlMax: 9,
            priceMax: 2_000_000_000,
            sort: 'NEWEST',
            page: 3,
          },
        },
      })
    ).saveSearch;
    expect(first.name).toBe('Sấy nông sản ở miền Tây');
    expect(first.notify).toBe(true);
    expect(first.input).toEqual({
      query: 'sấy lạnh',
      kind: 'OFFER',
      fieldCodes: ['407'],
      provinceCodes: ['can-tho', 'dong-thap'],
      transferModes: ['LICENSING'],
      organizationKinds: ['UNIVERSITY'],
      trlMin: 5,
      trlMax: 9,
      priceMax: 2_000_000_000,
      sort: 'NEWEST',
    });
    const second = (await client.ok(SAVE, { input: { name: 'Nước thải', search: { query: 'xử lý nước thải' }, notify: false } })).saveSearch;
    expect(second.notify).toBe(false);
    expect(second.input).toMatchObject({ query: 'xử lý nước thải', kind: null, fieldCodes: null, provinceCodes: null });

    const list = (await client.ok(LIST)).savedSearches;
    expect(list.map((s: { id: string }) => s.id)).toEqual([second.id, first.id]);
    // another user sees none of them
    const other = (await registerUser(base)).client;
    expect((await other.ok(LIST)).savedSearches).toEqual([]);
  });

  it('validates the name and the search as `search` does, naming each field in the request language', async () => {
    const { client } = await registerUser(base);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '', search: {} }, 'input.name'],
      [{ name: '   ', search: {} }, 'input.name'],
      [{ name: 'x'.repeat(101), search: {} }, 'input.name'],
      [{ name: 'TRL', search: { trlMin: 0 } }, 'input.search.trlMin'],
      [{ name: 'TRL', search: { trlMin: 7, trlMax: 5 } }, 'input.search.trlMax'],
      [{ name: 'Lĩnh vực', search: { fieldCodes: ['không-có'] } }, 'input.search.fieldCodes'],
      [{ name: 'Tỉnh', search: { provinceCodes: ['long-an'] } }, 'input.search.provinceCodes'],
      [{ name: 'Dài', search: { query: 'a'.repeat(201) } }, 'input.search.query'],
      [{ name: 'Giá', search: { priceMax: -1 } }, 'input.search.priceMax'],
    ];
    for (const [input, path] of cases) {
      const e = await client.error(SAVE, { input });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(e.fields ?? {})).toContain(path);
    }
    const en = await client.inLang('en').error(SAVE, { input: { name: 'x'.repeat(101), search: {} } });
    expect(en.fields!['input.name']).toBe('Must be between 1 and 100 characters long.');
    const vi = await client.error(SAVE, { input: { name: 'x'.repeat(101), search: {} } });
    expect(vi.fields!['input.name']).toBe('Phải dài từ 1 đến 100 ký tự.');
    // a missing search is refused by GraphQL itself, naming it
    const missing = await client.error(SAVE, { input: { name: 'Thiếu' } });
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(missing.fields ?? {})[0]).toMatch(/^input/);
    expect((await client.ok(LIST)).savedSearches).toEqual([]);
  });

  it('keeps at most 20 per user', async () => {
    const { client } = await registerUser(base);
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.ok(SAVE, { input: { name: `Tìm kiếm ${i + 1}`, search: { query: `công nghệ ${i}` } } })));
    const e = await client.error(SAVE, { input: { name: 'Thứ 21', search: {} } });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('20');
    expect((await client.ok(LIST)).savedSearches).toHaveLength(20);
    // deleting one makes room
    const [some] = (await client.ok(LIST)).savedSearches;
    expect((await client.ok(DELETE, { id: some.id })).deleteSavedSearch).toBe(true);
    await client.ok(SAVE, { input: { name: 'Thứ 21', search: {} } });
  });

  it('does not save the same search twice (its alerts would come twice): it says under which name it is saved', async () => {
    const { client } = await registerUser(base);
    await client.ok(SAVE, { input: { name: 'Máy sấy ở hai tỉnh', search: { query: 'máy sấy', provinceCodes: ['ha-noi', 'can-tho'] } } });
    const again = await client.inLang('en').error(SAVE, { input: { name: 'Again', search: { query: ' máy  sấy ', provinceCodes: ['can-tho', 'ha-noi'] } } });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('Máy sấy ở hai tỉnh');
    // another province is another search
    await client.ok(SAVE, { input: { name: 'Máy sấy ở Huế', search: { query: 'máy sấy', provinceCodes: ['hue'] } } });
    expect((await client.ok(LIST)).savedSearches).toHaveLength(2);
  });

  it('deletes only the caller’s own; anyone else’s is NOT_FOUND and stays', async () => {
    const owner = (await registerUser(base)).client;
    const other = (await registerUser(base)).client;
    const id = (await owner.ok(SAVE, { input: { name: 'Của tôi', search: { query: 'biogas' } } })).saveSearch.id;
    expect((await other.error(DELETE, { id })).code).toBe('NOT_FOUND');
    expect((await other.error(DELETE, { id: 'not-a-uuid' })).code).toBe('NOT_FOUND');
    expect((await owner.ok(LIST)).savedSearches).toHaveLength(1);
    expect((await owner.ok(DELETE, { id })).deleteSavedSearch).toBe(true);
    expect((await owner.error(DELETE, { id })).code).toBe('NOT_FOUND');
    expect((await owner.ok(LIST)).savedSearches).toEqual([]);
  });

  it('renames one and turns its alerts off and on, the caller’s own only, naming a bad name', async () => {
    const UPDATE = `mutation($id: ID!, $input: SavedSearchUpdateInput!) { updateSavedSearch(id: $id, input: $input) { id name notify input { query } } }`;
    const owner = (await registerUser(base)).client;
    const other = (await registerUser(base)).client;
    const id = (await owner.ok(SAVE, { input: { name: 'Máy sấy', search: { query: 'máy sấy', trlMin: 5 } } })).saveSearch.id;
    expect((await owner.ok(UPDATE, { id, input: { notify: false } })).updateSavedSearch).toMatchObject({ name: 'Máy sấy', notify: false, input: { query: 'máy sấy' } });
    expect((await owner.ok(UPDATE, { id, input: { name: '  Máy sấy   bơm nhiệt ' } })).updateSavedSearch).toMatchObject({ name: 'Máy sấy bơm nhiệt', notify: false });
    expect((await owner.ok(UPDATE, { id, input: { notify: true } })).updateSavedSearch.notify).toBe(true);
    const blank = await owner.inLang('en').error(UPDATE, { id, input: { name: '   ' } });
    expect(blank).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.name': expect.stringMatching(/fill in this field|name/) } });
    expect((await other.error(UPDATE, { id, input: { notify: false } })).code).toBe('NOT_FOUND');
    expect((await owner.ok(LIST)).savedSearches[0]).toMatchObject({ name: 'Máy sấy bơm nhiệt', notify: true });
    expect((await base.error(UPDATE, { id, input: { notify: false } })).code).toBe('UNAUTHENTICATED');
  });

  it('requires a login', async () => {
    expect((await base.error(LIST)).code).toBe('UNAUTHENTICATED');
    expect((await base.error(SAVE, { input: { name: 'Ẩn danh', search: {} } })).code).toBe('UNAUTHENTICATED');
    expect((await base.error(DELETE, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('UNAUTHENTICATED');
  });
});
