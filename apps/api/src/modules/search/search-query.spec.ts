import { ACCENT_TOKEN_PREFIX } from './accent-forms.js';
import { MARK_CLOSE, MARK_OPEN, answersFirst, areVariants, orderWindow, spreadVariants, titleWordSet, variantWindow, buildListingSearch, matchedOnlyInDocuments, buildRelatedSearch, lostTopics, orderTies, similarToAnswerVector, closeMatchThreshold, relatedWeight, queryTopics, escapeHtml, highlighted, listingFilters, listingSort, readListingSearch, searchQueryText, buildAllWordsSearch } from './search-query.js';
import { toListingDocument } from './listing-document.js';
import { LISTING_INDEX_SETTINGS } from './listing-index-settings.js';
import { settingsMatch } from './search-index.js';
import { englishPluralSynonyms, glossText, matchVector, synonymAliases } from '../text/index.js';
import { SEARCH_RELEVANCE } from './search.weights.js';
import type { MultiSearchResponse } from 'meilisearch';

const page = { page: 1, pageSize: 20 };

describe('highlighting', () => {
  it('marks the matches and escapes everything else', () => {
    const original = `<b>Máy sấy</b> & "lò" 'x'`;
    const formatted = `<b>Máy ${MARK_OPEN}sấy${MARK_CLOSE}</b> & "lò" 'x'`;
    expect(highlighted(formatted, original)).toBe('&lt;b&gt;Máy <mark>sấy</mark>&lt;/b&gt; &amp; &quot;lò&quot; &#39;x&#39;');
  });

  it('cannot be tricked by a text that contains the marker characters', () => {
    const original = `a${MARK_OPEN}<img src=x onerror=alert(1)>${MARK_CLOSE}b`;
    const out = highlighted(original, original);
    expect(out).toBe('a&lt;img src=x onerror=alert(1)&gt;b');
    expect(out).not.toContain('<mark>');
  });

  it('escapes the original when Meilisearch returns no highlight', () => {
    expect(highlighted(undefined, '<i>x</i>')).toBe('&lt;i&gt;x&lt;/i&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('the Meilisearch request', () => {
  it('builds one filter per facet and the price filter that keeps unpriced listings', () => {
    const f = listingFilters({ ...page, kind: 'OFFER', fieldCodes: ['4'], provinceCodes: ['ha-noi', 'hue'], trlMin: 3, trlMax: 7, priceMax: 500 });
    expect(f.facet).toEqual({
      kind: 'kind = "OFFER"',
      fieldCodes: 'fieldCodes IN ["4"]',
      provinceCode: 'provinceCode IN ["ha-noi", "hue"]',
      trl: 'trl >= 3 AND trl <= 7',
    });
    expect(f.other).toEqual(['(comparablePrice <= 500 OR comparablePrice IS NULL)']);
  });

  it('compares the amount a listing states in dong: an offer\'s asking price, a demand\'s budget, no other currency', () => {
    const listing = (over: Partial<Parameters<typeof toListingDocument>[0]>) =>
      toListingDocument({
        id: 'x', kind: 'OFFER', slug: 'x', title: 'Máy sấy', summary: '', description: '', keywords: [], fieldCodes: ['4'],
        organization: { id: 'o', name: 'Viện', kind: 'RESEARCH_INSTITUTE', verified: false }, provinceCode: 'hue', transferModes: [],
        ipStatus: null, trl: null, priceMin: null, priceMax: null, negotiable: false, language: 'vi', publishedAt: new Date(0), ...over,
      }).comparablePrice;
    expect(listing({ priceMin: 300, priceMax: 500, currency: 'VND' })).toBe(300);
    expect(listing({ kind: 'DEMAND', priceMax: 800 })).toBe(800);
    expect(listing({})).toBeNull();
    // 12,000 USD is not 12,000 đồng: no rate is guessed, so it is compared with nothing
    expect(listing({ priceMin: 12_000, currency: 'USD' })).toBeNull();
  });

  it('quotes values so that none can break out of the filter', () => {
    expect(listingFilters({ ...page, provinceCodes: ['a" OR kind = "DEMAND'] }).facet.provinceCode).toBe('provinceCode IN ["a\\" OR kind = \\"DEMAND"]');
  });

  it('counts each constrained facet without its own filter (one extra query per facet, same request)', () => {
    const queries = buildListingSearch('t_listings', { ...page, query: ' sấy lạnh ', provinceCodes: ['hue'], transferModes: ['TURNKEY'], priceMax: 10 });
    expect(queries).toHaveLength(3);
    const [main, province, modes] = queries;
    // (changed with close matches: the query typed with diacritics carries its accent-exact spellings,
    // and every word must be there, close together)
    expect(main).toMatchObject({ indexUid: 't_listings', q: 'sấy lạnh zqsawsy zqlajnh ', matchingStrategy: 'all', page: 1, highlightPreTag: MARK_OPEN, highlightPostTag: MARK_CLOSE });
    // (variants apart: the first page reads the first variantWindow hits by relevance)
    expect(main.hitsPerPage).toBe(40);
    expect(main.rankingScoreThreshold).toBeGreaterThan(0);
    expect(main.facets).toEqual(['kind', 'fieldCodes', 'organizationKind', 'trl']);
    expect(main.filter).toHaveLength(3);
    expect(province).toMatchObject({ facets: ['provinceCode'], page: 1, hitsPerPage: 0, q: main.q, matchingStrategy: 'all', rankingScoreThreshold: main.rankingScoreThreshold });
    expect(province.filter).toEqual([expect.stringContaining('transferModes'), expect.stringContaining('comparablePrice')]);
    expect(modes).toMatchObject({ facets: ['transferModes'], page: 1, hitsPerPage: 0 });
    expect(modes.filter).toEqual([expect.stringContaining('provinceCode'), expect.stringContaining('comparablePrice')]);
  });

  it('looks for the last resort’s words in the listing’s own text, not in the names of the fields it is filed under', () => {
    // "máy in sinh học" found an English listing on seafood wastewater: "sinh học" from its field
    // "Công nghệ sinh học", "in" from its description.
    const all = buildAllWordsSearch('t_listings', { ...page, query: 'máy in sinh học' }, 0);
    expect(all).toMatchObject({ matchingStrategy: 'all', q: expect.stringContaining('máy in sinh học') });
    expect(all.attributesToSearchOn).toEqual(expect.arrayContaining(['title', 'summary', 'description', 'accentForms', 'documentText']));
    expect(all.attributesToSearchOn).not.toContain('fieldNames');
    // Meilisearch refuses a search naming an attribute that no document has: a listing without a
    // PDF still carries every one of them
    const searchable = LISTING_INDEX_SETTINGS.searchableAttributes!;
    const doc = toListingDocument({
      id: 'x', kind: 'OFFER', slug: 'x', title: 'Máy sấy', summary: '', description: '', keywords: [], fieldCodes: ['4'],
      organization: { id: 'o', name: 'Viện', kind: 'RESEARCH_INSTITUTE', verified: false }, provinceCode: 'hue', transferModes: [],
      ipStatus: null, trl: null, priceMin: null, priceMax: null, negotiable: false, language: 'vi', publishedAt: new Date(0),
    });
    for (const a of all.attributesToSearchOn!) {
      expect(searchable).toContain(a);
      expect({ attribute: a, inDocument: a in doc }).toEqual({ attribute: a, inDocument: true });
    }
  });

  it('sorts as asked, newest first when browsing without words', () => {
    expect(listingSort({ ...page, query: 'x' })).toBeUndefined();
    expect(listingSort({ ...page, query: '  ' })).toEqual(['publishedAt:desc']);
    expect(listingSort({ ...page, sort: 'PRICE_ASC' })).toEqual(['comparablePrice:asc', 'publishedAt:desc']);
    expect(listingSort({ ...page, sort: 'TRL_DESC', query: 'x' })).toEqual(['trl:desc', 'publishedAt:desc']);
  });

  it('tells a hit found only in the PDF text from one found (also) in the listing itself', () => {
    expect(matchedOnlyInDocuments({ documentText: [{ start: 10, length: 6 }] })).toBe(true);
    expect(matchedOnlyInDocuments({ documentText: [{ start: 10, length: 6 }], summary: [{ start: 0, length: 3 }] })).toBe(false);
    expect(matchedOnlyInDocuments({})).toBe(false);
    expect(matchedOnlyInDocuments(undefined)).toBe(false);
  });

  it('reads the facet counts of the constrained facets from their own queries', () => {
    const params = { ...page, provinceCodes: ['hue'] };
    const response = {
      results: [
        { hits: [{ id: 'a', title: '<x>', summary: 's', _formatted: { title: `<${MARK_OPEN}x${MARK_CLOSE}>`, summary: 's' }, _matchesPosition: { title: [{ start: 1, length: 1 }] } }], totalHits: 1, processingTimeMs: 2, facetDistribution: { kind: { OFFER: 1 } } },
        { hits: [], processingTimeMs: 1, facetDistribution: { provinceCode: { hue: 1, 'ha-noi': 4 } } },
      ],
    } as unknown as MultiSearchResponse;
    const out = readListingSearch(params, response);
    // The document as retrieved, without Meilisearch's formatted copy and match positions.
    expect(out.hits).toEqual([{ id: 'a', highlightedTitle: '&lt;<mark>x</mark>&gt;', highlightedSummary: 's', matchedOnlyInDocuments: false, document: { id: 'a', title: '<x>', summary: 's' } }]);
    expect(out.totalHits).toBe(1);
    expect(out.processingTimeMs).toBe(3);
    expect(out.facets.find((f) => f.name === 'provinceCode')!.counts).toEqual({ hue: 1, 'ha-noi': 4 });
    expect(out.facets.find((f) => f.name === 'kind')!.counts).toEqual({ OFFER: 1 });
  });
});

describe('settings comparison', () => {
  it('ignores the order of set-like lists and synonym values, not of ranked lists', () => {
    const want = { filterableAttributes: ['a', 'b'], searchableAttributes: ['x', 'y'], synonyms: { ai: ['b', 'a'] }, typoTolerance: { minWordSizeForTypos: { oneTypo: 6 } } };
    const have = { filterableAttributes: ['b', 'a'], searchableAttributes: ['x', 'y'], synonyms: { ai: ['a', 'b'] }, typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 6, twoTypos: 9 } } };
    expect(settingsMatch(want, have)).toBe(true);
    expect(settingsMatch(want, { ...have, searchableAttributes: ['y', 'x'] })).toBe(false);
    expect(settingsMatch(want, { ...have, synonyms: { ai: ['a', 'b'], iot: ['x'] } })).toBe(false);
  });
});

describe('synonym aliases on the document', () => {
  it('adds the other names of the terms a listing uses, abbreviations only when capitalised', () => {
    expect(synonymAliases('Camera AI đếm cá giống')).toEqual(expect.arrayContaining(['trí tuệ nhân tạo', 'artificial intelligence']));
    expect(synonymAliases('Ai cũng có thể vận hành máy này')).not.toContain('trí tuệ nhân tạo');
    expect(synonymAliases('Hệ thống xử lý nước thải chăn nuôi')).toEqual(expect.arrayContaining(['wastewater treatment', 'wastewater']));
    expect(synonymAliases('xu ly nuoc thai cho trang trai')).toContain('wastewater treatment');
    expect(synonymAliases('Wastewater treatment for seafood plants')).toEqual(expect.arrayContaining(['xử lý nước thải', 'nước thải']));
  });

  it("adds the other region's name of a thing, but not where the name means something else", () => {
    expect(synonymAliases('Máy sao chè, máy vò chè cho hộ làm chè thủ công')).toEqual(expect.arrayContaining(['trà', 'tea']));
    expect(synonymAliases('Đóng gói trà túi lọc')).toContain('chè');
    expect(synonymAliases('Máy sấy tĩnh vỉ ngang cho lạc')).toContain('đậu phộng');
    expect(synonymAliases('Thay dây chuyền lạc hậu bằng máy mới')).not.toContain('đậu phộng');
    expect(synonymAliases('Chế biến dừa tại Trà Vinh')).not.toContain('chè');
    expect(synonymAliases('Trồng bắp cải hữu cơ')).not.toContain('ngô');
    // a syllable typed without diacritics is another word as often as not ("tra" of "kiểm tra", "cá tra")
    expect(synonymAliases('kiem tra chat luong ca tra')).not.toContain('chè');
    expect(synonymAliases('say dau phong')).toContain('lạc');
  });

  it("carries each clause that names a regional variant in the other region's words, so the query's words stand together", () => {
    const aliases = synonymAliases('Máy sao chè chạy điện. Giúp hộ làm chè thủ công, không ám khói.');
    expect(aliases).toEqual(expect.arrayContaining(['máy sao trà chạy điện', 'giúp hộ làm trà thủ công']));
    expect(synonymAliases('Sấy lạc nhân thay dây chuyền lạc hậu')).toContain('sấy đậu phộng nhân thay dây chuyền lạc hậu');
    expect(synonymAliases('say dau phong va hat dieu')).toContain('say lạc va hat dieu');
    expect(synonymAliases('Chế biến dừa tại Trà Vinh').filter((a) => a.includes('chè'))).toEqual([]);
    // a name inside another thing's name, and a phrase twice in a row
    expect(synonymAliases('Sấy bí ngô thành bột')).not.toContain('maize');
    expect(synonymAliases('Sấy bí ngô thành bột')).toContain('pumpkin');
    expect(synonymAliases('Chiết xuất lá dứa')).not.toContain('pineapple');
    expect(synonymAliases('Cửa hàng Ngô Quyền Ngô Quyền')).not.toContain('maize');
  });

  it('reads everyday and formal names of one thing, and not the compounds that share their words', () => {
    expect(synonymAliases('Giảm kẹt xe tại nút giao')).toEqual(expect.arrayContaining(['tắc đường', 'ùn tắc giao thông', 'traffic jam', 'giảm tắc đường tại nút giao']));
    expect(synonymAliases('Cảnh báo ùn tắc giao thông sớm')).toContain('cảnh báo kẹt xe sớm');
    expect(synonymAliases('Xử lý tắc đường ống thoát nước')).not.toContain('kẹt xe');
    expect(synonymAliases('Tuân thủ quy tắc đường bộ')).not.toContain('kẹt xe');
    expect(synonymAliases('Sơ chế súp lơ xanh đông lạnh')).toEqual(expect.arrayContaining(['bông cải xanh', 'broccoli']));
    expect(synonymAliases('Sơ chế súp lơ xanh đông lạnh')).not.toContain('cauliflower');
    expect(synonymAliases('Sấy quả nhãn bằng bơm nhiệt')).toContain('trái nhãn');
    expect(synonymAliases('Kết quả nhãn hiệu đã đăng ký')).not.toContain('longan');
    expect(synonymAliases('Nuôi ngao thương phẩm')).toContain('nghêu');
    expect(synonymAliases('Chất lượng nước tương đương nước máy')).not.toContain('soy sauce');
  });
});

describe('queryTopics (related results by topic)', () => {
  it('finds the concept of a query in another language or without diacritics', () => {
    expect(queryTopics('greenhouse climate control')).toContain('greenhouse');
    expect(queryTopics('shrimp disease')).toContain('shrimpdisease');
    // the English of "tôm chết" (shrimp dying), a problem told in the buyer's words
    expect(queryTopics('shrimps dying overnight')).toContain('shrimpdisease');
    expect(queryTopics('benh tom')).toContain('shrimpdisease');
  });
  it('finds none when part of the query is not understood (a topic of one word would bring listings about that word only)', () => {
    expect(queryTopics('robot phẫu thuật')).toEqual([]);
    expect(queryTopics('blockchain bất động sản')).toEqual([]);
    expect(queryTopics('')).toEqual([]);
  });
  const topicWeight = (query: string) => buildRelatedSearch('listings', { query, page: 1, pageSize: 20 }, 0)!.queries.find((q) => q.vector)?.federationOptions?.weight;
  it('adds the topic query to the related search, below the shorter forms when one word is not understood', () => {
    const request = buildRelatedSearch('listings', { query: 'greenhouse climate control', page: 1, pageSize: 20 }, 0)!;
    const topic = request.queries.find((q) => q.vector);
    expect(topic?.filter).toEqual(expect.arrayContaining(['concepts = "greenhouse"']));
    expect(topicWeight('tôm chết sớm')).toBeLessThan(0.45);
  });
  it('ranks the topic among the shorter forms when the lexicon names every word (they would cut "tai xanh" apart)', () => {
    const whole = topicWeight('benh tai xanh heo');
    expect(whole).toBeGreaterThan(0.6);
    expect(whole).toBeGreaterThan(topicWeight('tôm chết sớm')!);
  });
});

describe('related results like the answer', () => {
  const answer = { concepts: ['mushroom'], primaryFieldCodes: ['2'] };
  const likeQuery = (closeCount: number, query = 'mushroom spawn') =>
    buildRelatedSearch('listings', { query, page: 1, pageSize: 20, provinceCodes: ['hue'] }, closeCount, undefined, answer)?.queries.find(
      (q) => q.vector && !(q.filter as string[]).some((f) => f.startsWith('concepts')),
    );
  it('asks for listings near the best close match of a narrow query, with the page’s filters', () => {
    const q = likeQuery(1)!;
    expect(q.vector).toEqual(similarToAnswerVector(1, answer, 'mushroom spawn'));
    expect(q.rankingScoreThreshold).toBe(SEARCH_RELEVANCE.similarToAnswer.minSimilarity);
    expect(q.federationOptions?.weight).toBe(SEARCH_RELEVANCE.similarToAnswer.weight);
    expect(q.filter).toEqual(['provinceCode IN ["hue"]']);
    // a one-word query has no shorter form: the answer alone still brings its like
    expect(likeQuery(1, 'meo')).toBeDefined();
  });
  it('asks nothing without a close match (an absent technology) or when the close matches are many', () => {
    expect(likeQuery(0)).toBeUndefined();
    expect(likeQuery(SEARCH_RELEVANCE.similarToAnswer.maxClose + 1)).toBeUndefined();
    // an answer the lexicon names nothing of: "like it" would be any listing of its field
    expect(similarToAnswerVector(1, { concepts: [], primaryFieldCodes: ['2'] })).toBeNull();
    expect(similarToAnswerVector(1, { primaryFieldCodes: ['2'] })).toBeNull();
  });
  it('leads with what the query asked about among the answer’s traits (Rocchio’s feedback)', () => {
    // A tea-roasting machine that also dries with a heat pump, found for "handmade tea making".
    const roaster = { concepts: ['tea', 'drying', 'heatpump', 'energycost'], primaryFieldCodes: ['407'] };
    const at = (v: number[] | null, concept: string) => v![matchVector([concept], [])!.indexOf(1)];
    const plain = similarToAnswerVector(1, roaster);
    const asked = similarToAnswerVector(1, roaster, 'làm trà thủ công');
    const teaOverDrying = (v: number[] | null) => at(v, 'tea') / at(v, 'drying');
    expect(teaOverDrying(asked)).toBeGreaterThan(2 * teaOverDrying(plain));
    expect(at(asked, 'heatpump')).toBeLessThan(at(plain, 'heatpump'));
    expect(Math.hypot(...asked!)).toBeCloseTo(1, 5);
    // a query the lexicon names nothing of leaves the answer's vector as it is
    expect(similarToAnswerVector(1, roaster, 'xyz qwv')).toEqual(plain);
  });
});

describe('the close-match bar (Meilisearch 1.21 proximity: a neighbouring pair costs 0, 1, 2 at 1, 2, 3 words apart, 3 farther)', () => {
  // the score a listing gets when its pairs cost `cost` in all, with perfect typos, attribute and exactness
  const score = (words: number, cost: number) => 1 - cost / (3 * (words - 1) + 1);
  it('lets two or three words 3 apart each through, and not a pair far apart', () => {
    expect(score(2, 2)).toBeGreaterThan(closeMatchThreshold(2)!);
    expect(score(2, 3)).toBeLessThan(closeMatchThreshold(2)!);
    expect(score(3, 2 + 2)).toBeGreaterThan(closeMatchThreshold(3)!);
    expect(score(3, 3 + 3)).toBeLessThan(closeMatchThreshold(3)!);
  });

  it('allows the far pair between a query typed with diacritics and its accent-exact spellings', () => {
    // "máy sấy" → "máy sấy zq… zq…": máy–sấy 3 apart (cost 2, twice) + the far pair
    expect(score(4, 2 * 2 + 3)).toBeGreaterThan(closeMatchThreshold(2, true)!);
    expect(score(4, 2 * 3 + 3)).toBeLessThan(closeMatchThreshold(2, true)!);
  });

  it('caps what a long query may skip, and never asks more than the fixed bar', () => {
    // four words 3 apart each skip 6 words: not a phrase
    expect(score(4, 6)).toBeLessThan(closeMatchThreshold(4)!);
    expect(score(4, 4)).toBeGreaterThan(closeMatchThreshold(4)!);
    for (let n = 2; n <= 8; n++) expect(closeMatchThreshold(n, true)!).toBeLessThanOrEqual(0.5);
    // which words carry marks: all of them is the same bar as `true`, none the same as `false`
    expect(closeMatchThreshold(3, [true, true, true])).toBe(closeMatchThreshold(3, true));
    expect(closeMatchThreshold(3, [false, false, false])).toBe(closeMatchThreshold(3, false));
    // "máy say": máy, say, then máy's spelling (a far pair): the phrase passes, the words 4 apart do not
    expect(score(3, 0 + 3)).toBeGreaterThan(closeMatchThreshold(2, [true, false])!);
    expect(score(3, 3 + 3)).toBeLessThan(closeMatchThreshold(2, [true, false])!);
    // "nuôi gà trong ao": the spellings of nuôi and gà sit side by side like the words themselves
    expect(score(6, 0 + 3 + 0)).toBeGreaterThan(closeMatchThreshold(4, [true, true, false, false])!);
    // "gà … ao bạt" (gà and bạt marked, two bare words between): a phrase costs 2 between the spellings
    expect(score(6, 0 + 3 + 2)).toBeGreaterThan(closeMatchThreshold(4, [true, false, false, true])!);
    expect(closeMatchThreshold(1)).toBeUndefined();
  });
});

describe('related results: what a shorter form drops', () => {
  it('weighs a form that drops the rarest word below one that drops a common word', () => {
    // "vệ tinh cubesat": 40 and 12 listings have "vệ", "tinh"; none has "cubesat"
    const counts = { perWord: [40, 12, 0], total: 650 };
    const dropsCubesat = relatedWeight([2], counts);
    const dropsVe = relatedWeight([0], counts);
    expect(dropsCubesat).toBeLessThan(dropsVe);
    expect(dropsVe).toBeLessThanOrEqual(1);
    // without counts, the plain weights
    expect(relatedWeight([1], undefined)).toBe(1);
    expect(relatedWeight([1, 2], undefined)).toBeLessThan(1);
  });
});

describe('related results: a form that lost what the query is about is not asked', () => {
  /** The shorter forms asked for `query` with these word counts: the typed words, without the accent-exact spellings. */
  const formsAsked = (query: string, c?: { perWord: number[]; perPair?: number[]; total: number }) =>
    buildRelatedSearch('listings', { query, page: 1, pageSize: 20 }, 0, c)?.queries.filter((q) => !q.vector).map((q) => String(q.q).split(` ${ACCENT_TOKEN_PREFIX}`)[0]) ?? [];

  it('leaves out the forms that drop most of the query’s rarity, and keeps the others', () => {
    // "năng lượng nhiệt hạch": the first three syllables are in hundreds of listings, "hạch" in none
    const counts = { perWord: [300, 280, 120, 0], total: 650 };
    const forms = (c?: { perWord: number[]; total: number }) => formsAsked('năng lượng nhiệt hạch', c);
    const withCounts = forms(counts);
    expect(withCounts).not.toContain('năng lượng nhiệt');
    expect(withCounts).not.toContain('năng lượng');
    expect(withCounts).toContain('lượng nhiệt hạch');
    // without word counts (they failed), every shorter form is asked, as before
    expect(forms()).toContain('năng lượng nhiệt');
    // nor in a catalogue too small for rarity to mean much: with one listing, the word it lacks
    // would carry all the rarity, and no shorter form would be asked
    expect(formsAsked('phần mềm máy tính lượng tử', { perWord: [1, 1, 0, 1, 1, 1], total: 1 })).toContain('phần mềm tính lượng tử');
  });

  it('leaves out the forms that break a rare two-syllable word into its common syllables', () => {
    // "máy tính lượng tử" (a quantum computer): "lượng" (chất lượng) and "tử" (điện tử) are common
    // syllables, "lượng tử" side by side is in no listing; "máy tính tử" kept the "tử" of "điện tử"
    const counts = { perWord: [351, 60, 200, 150], perPair: [40, 2, 0], total: 650 };
    const forms = formsAsked('máy tính lượng tử', counts);
    expect(forms).not.toContain('máy tính tử');
    expect(forms).toContain('tính lượng tử');
    expect(forms).toContain('lượng tử');
    // without the pairs' counts (a query typed without diacritics), only the syllables' rarity counts
    expect(formsAsked('máy tính lượng tử', { perWord: counts.perWord, total: 650 })).toContain('máy tính tử');
  });

  it('leaves out the forms whose every word is common, and keeps those with one rarer word', () => {
    // "máy in sinh học" (a bioprinter, in none of the listings): "máy", "in" and "học" are in most
    // listings, "sinh" in 38%; "in" is rarer than "học", so dropping "máy in" drops little rarity
    const forms = formsAsked('máy in sinh học', { perWord: [351, 378, 249, 650], total: 650 });
    expect(forms).not.toContain('sinh học');
    expect(forms).not.toContain('in sinh học');
    // with "sinh" in a tenth of the listings, "sinh học" says something, and is asked
    expect(formsAsked('máy in sinh học', { perWord: [351, 378, 65, 650], total: 650 })).toContain('sinh học');
    // in a catalogue of twelve listings, a word in half of them is not yet common
    expect(formsAsked('máy in sinh học', { perWord: [8, 7, 6, 12], total: 12 })).toContain('sinh học');
  });
});

describe('related results: a form that names none of the query’s topics keeps to them', () => {
  const filterOf = (query: string, form: string) =>
    buildRelatedSearch('listings', { query, page: 1, pageSize: 20 }, 0)?.queries.find((q) => !q.vector && String(q.q).split(` ${ACCENT_TOKEN_PREFIX}`)[0] === form)?.filter;

  it('filters a form that lost every topic to the listings on one of them', () => {
    // "tôm chết hàng loạt" (shrimp dying en masse) without "tôm chết" is "hàng loạt", mass production
    expect(lostTopics('tôm chết hàng loạt', 'hàng loạt')).toEqual(expect.arrayContaining(['shrimpdisease']));
    expect(filterOf('tôm chết hàng loạt', 'hàng loạt')).toEqual(expect.arrayContaining([expect.stringMatching(/^concepts IN \[.*"shrimpdisease"/)]));
  });

  it('leaves a form that kept a topic, or a broader one, as it is', () => {
    // "nước mắm" of "nước mắm xuất khẩu" dropped a qualifier; "dryer" of "heat pump dryer" is still about drying
    expect(lostTopics('tôm chết hàng loạt', 'tôm chết hàng')).toEqual([]);
    expect(lostTopics('heat pump dryer', 'pump dryer')).toEqual([]);
    expect(JSON.stringify(filterOf('tôm chết hàng loạt', 'tôm chết hàng'))).not.toContain('concepts');
    // a query the lexicon names nothing of filters nothing
    expect(lostTopics('abc xyz', 'xyz')).toEqual([]);
  });
});

describe('ties in the ranking', () => {
  const hit = (id: string, score: number, title: string, summary = '') => ({ id, slug: id, title, summary, _rankingScore: score });

  it('orders listings that tie by the query’s words in the title, then in keywords and summary, then by slug', () => {
    const hits = [
      hit('z-other', 0.8, 'Cold room for fruit'),
      hit('b-summary', 0.8, 'Cold room', 'Measures durian ripeness by NIR'),
      hit('c-title', 0.8, 'Durian ripeness meter'),
      hit('a-other', 0.8, 'Cold room for fruit'),
      hit('top', 0.9, 'Packing line'),
    ];
    expect(orderTies(hits, 'durian ripeness').map((h) => h.id)).toEqual(['top', 'c-title', 'b-summary', 'a-other', 'z-other']);
    // the same hits in any order come out the same: Meilisearch's order among ties does not show
    expect(orderTies([...hits].reverse(), 'durian ripeness').map((h) => h.id)).toEqual(['top', 'c-title', 'b-summary', 'a-other', 'z-other']);
  });

  it('never lifts a listing above a better score, and reads the federated score first', () => {
    const federated = [
      { id: 'x', slug: 'x', title: 'máy sấy', _federation: { weightedRankingScore: 0.95 } },
      { id: 'y', slug: 'y', title: 'khác', _federation: { weightedRankingScore: 0.5 } },
    ];
    expect(orderTies([federated[1], federated[0]], 'máy sấy').map((h) => h.id)).toEqual(['x', 'y']);
    // without scores (an answer that asked for none), the order is Meilisearch's
    expect(orderTies([{ id: 'q', title: 'b' }, { id: 'p', title: 'máy sấy' }], 'máy sấy').map((h) => h.id)).toEqual(['q', 'p']);
  });
});

describe('the ordered window', () => {
  it('puts every listing on exactly one page, whatever the page size', () => {
    // 100 hits in Meilisearch's order, demands and offers mixed, one series among them
    const hits = Array.from({ length: 100 }, (_, i) => ({ id: `h${i}`, kind: i % 3 ? 'OFFER' : 'DEMAND', title: i % 7 ? `Công nghệ số ${i} khác hẳn ${i * 31}` : 'Máy sấy bơm nhiệt buồng kín cho chuối' }));
    for (const pageSize of [7, 15, 20, 30, 100]) {
      const seen: string[] = [];
      for (let page = 1; (page - 1) * pageSize < hits.length; page++) {
        const window = variantWindow({ query: 'sấy', sort: 'RELEVANCE', page, pageSize });
        const fetched = window ? hits.slice(0, window.hits) : hits.slice((page - 1) * pageSize, page * pageSize);
        const shown = window ? orderWindow(fetched, {}).slice(window.from, window.from + pageSize) : fetched;
        seen.push(...shown.map((h) => h.id));
      }
      expect({ pageSize, seen: [...seen].sort() }).toEqual({ pageSize, seen: hits.map((h) => h.id).sort() });
    }
  });
});

describe('answers first', () => {
  const offer = (id: string) => ({ id, kind: 'OFFER' });
  const demand = (id: string) => ({ id, kind: 'DEMAND' });
  it('puts the offers before the demands, each in its order, when no kind is chosen', () => {
    const hits = [demand('d1'), offer('o1'), demand('d2'), offer('o2')];
    expect(answersFirst(hits, {}).map((h) => h.id)).toEqual(['o1', 'o2', 'd1', 'd2']);
    expect(answersFirst(hits, { kind: 'DEMAND' }).map((h) => h.id)).toEqual(['d1', 'o1', 'd2', 'o2']);
  });
});

describe('variants apart', () => {
  const t = (title: string) => ({ title });
  it('keeps each series’ first listing in place and moves its later ones after the other results', () => {
    const hits = [
      t('Máy sấy bơm nhiệt buồng kín cho chuối, 600 kg/mẻ'),
      t('Máy sấy bơm nhiệt buồng kín cho khoai lang, 150 kg/mẻ'),
      t('Máy sấy bơm nhiệt buồng kín cho nấm đông cô, 600 kg/mẻ'),
      t('Công nghệ sấy lạnh kết hợp bơm nhiệt cho dược liệu'),
      t('Lò sấy bơm nhiệt mini cho hộ gia đình'),
    ];
    expect(spreadVariants(hits).map((h) => h.title)).toEqual([hits[0], hits[3], hits[4], hits[1], hits[2]].map((h) => h.title));
  });

  it('counts the series already shown above (close matches above related results)', () => {
    const shown = [t('Closed-loop heat pump dryer for mango, 200 kg/batch')];
    const related = [t('Closed-loop heat pump dryer for ginger, 200 kg/batch'), t('Solar tunnel dryer for fish')];
    expect(spreadVariants(related, shown).map((h) => h.title)).toEqual([related[1].title, related[0].title]);
  });

  it('tells different technologies with a few common words apart', () => {
    expect(areVariants(titleWordSet('Bột giấy và khay đựng thực phẩm từ rơm rạ thay thế hộp xốp'), titleWordSet('Khay, hộp đựng thực phẩm ép nhiệt từ bã sắn và tinh bột sắn thay hộp xốp'))).toBe(false);
  });

  it('reads the first pages from the window’s start, later pages and sorted pages as they are', () => {
    expect(variantWindow({ query: 'sấy', page: 1, pageSize: 20 })).toEqual({ hits: 40, from: 0 });
    expect(variantWindow({ query: 'sấy', page: 2, pageSize: 30 })).toEqual({ hits: 60, from: 30 });
    expect(variantWindow({ query: 'sấy', page: 3, pageSize: 20 })).toBeNull();
    expect(variantWindow({ query: 'sấy', page: 1, pageSize: 20, sort: 'NEWEST' })).toBeNull();
    expect(variantWindow({ query: '', page: 1, pageSize: 20 })).toBeNull();
  });
});

describe('the query as searched', () => {
  it('leaves out the English joining words no Vietnamese syllable spells, and keeps those that do', () => {
    expect(searchQueryText('heat pump for mango')).toBe('heat pump mango');
    expect(searchQueryText('Reuse OF dyeing water with membranes')).toBe('Reuse dyeing water membranes');
    // "to" is also tổ, "in" in (máy in), "an" an (an toàn), "on" ổn: kept
    expect(searchQueryText('máy in to an on')).toBe('máy in to an on');
    expect(searchQueryText('for')).toBe('for');
    // Vietnamese particles of a problem ("bị", "đang") typed with their marks; without marks they stay
    expect(searchQueryText('nước sông bị mặn')).toBe('nước sông mặn');
    expect(searchQueryText('ao tôm đang bị chết')).toBe('ao tôm chết');
    expect(searchQueryText('bị')).toBe('bị');
    expect(searchQueryText(null)).toBeNull();
  });

  it('gives the shorter forms of related results the same words: a particle is neither kept nor dropped as a word', () => {
    const forms = (query: string) =>
      buildRelatedSearch('listings', { query, page: 1, pageSize: 20 }, 0)?.queries.filter((q) => !q.vector).map((q) => String(q.q).split(` ${ACCENT_TOKEN_PREFIX}`)[0]) ?? [];
    expect(forms('nước sông bị mặn')).toEqual(expect.arrayContaining(['sông mặn', 'nước mặn', 'nước sông']));
    expect(forms('nước sông bị mặn').some((f) => f.split(' ').includes('bị'))).toBe(false);
    expect(forms('heat pump for mango').some((f) => f.split(' ').includes('for'))).toBe(false);
  });
});

describe('gloss', () => {
  it('renders a Vietnamese title in English with the head noun last, and an English one in Vietnamese with it first', () => {
    expect(glossText(['Máy sấy bơm nhiệt buồng kín cho chuối, 600 kg/mẻ'])).toMatch(/heat pump dryer/);
    expect(glossText(['Closed-loop heat pump dryer for mango'])).toMatch(/máy sấy bơm nhiệt/);
  });

  it('glosses every kind of Vietnamese drying equipment as a dryer, and an English dryer as máy sấy only', () => {
    expect(glossText(['Tủ sấy năng lượng mặt trời mini 20 kg'])).toMatch(/solar dryer/);
    expect(glossText(['Nha say nang luong mat troi'])).toMatch(/solar dryer/);
    expect(glossText(['Lò sấy cà phê'])).toMatch(/dryer/);
    expect(glossText(['Solar dryer for fish'])).toMatch(/^máy sấy năng lượng mặt trời/);
    expect(glossText(['Solar dryer for fish'])).not.toMatch(/tủ sấy|lò sấy/);
  });

  it('renders the domain\'s everyday words too (gloss-vocabulary.ts), Vietnamese → English only, and a lone accented syllable only in accented text', () => {
    expect(glossText(['Gạch không nung từ xỉ than'])).toMatch(/^unfired brick coal slag/);
    expect(glossText(['Khử trùng nước bằng tia cực tím'])).toMatch(/disinfection .*ultraviolet/);
    // "cá" is fish, but typed without diacritics "ca" is also a song, a shift, a case…
    expect(glossText(['Cá tra phi lê'])).toMatch(/pangasius/);
    // the places a technology serves: "hospital wastewater" reaches the hospital's wastewater units
    expect(glossText(['Thiết bị xử lý nước thải bệnh viện'])).toMatch(/hospital/);
    expect(glossText(['Rút ngắn thời gian chượp nước mắm'])).toMatch(/fish sauce fermentation/);
    expect(glossText(['Hệ thống thủy canh trồng rau'])).toMatch(/\bhydroponic\b/);
    expect(glossText(['Ca hat truyen thong'])).not.toMatch(/fish/);
    // One way: an English listing's gloss keeps the shared table's Vietnamese names, not the vocabulary's.
    expect(glossText(['Sawdust pellet press'])).toBe('');
  });

  it('glosses a term that begins with a joining word ("theo dõi", "từ xa", "bằng sáng chế"), and the general words an English query needs', () => {
    expect(glossText(['Hệ thống MES theo dõi sản xuất thời gian thực cho nhà máy may'])).toMatch(/^real-time .*production .*tracking .*system garment factory/);
    expect(glossText(['Giám sát từ xa trạm bơm'])).toMatch(/remote monitoring/);
    expect(glossText(['Chuyển giao bằng sáng chế'])).toMatch(/patent/);
    // "theo" alone still joins two phrases, each reversed apart: "hướng dẫn | quy trình" stays in its phrase.
    expect(glossText(['Quy trình theo hướng dẫn'])).toBe('process guide guidance');
  });

  it('leaves out a phrase in which a vocabulary word means something else, unless a term names the phrase itself', () => {
    expect(glossText(['Thạch dừa ở Trà Vinh'])).not.toMatch(/tea/);
    expect(glossText(['Chè xanh Thái Nguyên'])).toMatch(/tea/);
    expect(glossText(['Cảm biến mực nước sông'])).not.toMatch(/squid/);
    expect(glossText(['Sấy mực một nắng'])).toMatch(/squid/);
    expect(glossText(['Nhà máy chế biến'])).toMatch(/factory/);
    // a phrase that only leaves a concept keeps its words: a UV lamp is still a lamp
    expect(glossText(['Đèn UV LED sấy khô'])).toMatch(/lamp/);
  });

  it('keeps one sentence apart from the next, and leaves out the words it has no translation for', () => {
    expect(glossText(['Kho lạnh. Truy xuất nguồn gốc'])).toMatch(/^cold storage cold store\b.* \. traceability\b/);
    expect(glossText(['polycarbonate'])).toBe('');
  });
});

describe('English plurals (Meilisearch synonyms)', () => {
  it('reads the plural of each English word the gloss writes as the word, one way, leaving a plural that is a word of its own', () => {
    const plurals = englishPluralSynonyms();
    expect(plurals.pumps).toEqual(['pump']);
    expect(plurals.mangoes).toEqual(['mango']);
    expect(plurals.batteries).toEqual(['battery']);
    expect(plurals.pump).toBeUndefined();
    expect(plurals.biogas).toBeUndefined();
  });
});
