import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { documentExpired, hitsServableFromIndex, listingFromDocument } from './indexed-listing.js';
import type { ListingCardDocument } from './search-query.js';

/** The resolve info of the `search` field of a query document. */
function infoOf(source: string) {
  const doc = parse(source);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === 'Field' && s.name.value === 'search')!;
  return { fieldNodes: [field], fragments };
}

describe('which searches are answered from the index documents', () => {
  it('serves result cards: the storefront card fragment, aliases and inline fragments included', () => {
    expect(
      hitsServableFromIndex(
        infoOf(`
          fragment Card on Listing { id slug kind title summary status trl transferModes ipStatus price { min max currency negotiable }
            province { code name } organization { id slug name kind verified } fields { code name } publishedAt }
          query { search(input: {}) { totalHits hits { highlightedTitle listing { ...Card heading: title ... on Listing { expired expiresAt } } } facets { name } } }`),
      ),
    ).toBe(true);
    expect(hitsServableFromIndex(infoOf(`query { search(input: {}) { totalHits facets { name } } }`))).toBe(true);
  });

  it('reads PostgreSQL when a listing field the document lacks is selected, however it is spelled', () => {
    const q = (listing: string, fragments = '') => hitsServableFromIndex(infoOf(`${fragments} query { search(input: {}) { hits { listing { ${listing} } } } }`));
    expect(q('id description')).toBe(false);
    expect(q('id version')).toBe(false);
    expect(q('id matches { score }')).toBe(false);
    expect(q('...F', 'fragment F on Listing { id ... on Listing { moderationNote } }')).toBe(false);
    expect(q('id organization { name description }')).toBe(false);
    expect(q('id organization { ...O }', 'fragment O on Organization { name viewerIsMember }')).toBe(false);
    expect(q('id organization { name verified }')).toBe(true);
  });
});

describe('a listing built from its card document', () => {
  const doc: ListingCardDocument = {
    id: '6f1c1a52-3a4e-4d1f-9d59-3a1f0b7a1c01',
    kind: 'OFFER',
    slug: 'may-say-lanh',
    title: 'Máy sấy lạnh',
    summary: 'Sấy lạnh nông sản',
    keywords: ['sấy lạnh'],
    primaryFieldCodes: ['407'],
    organizationId: '0b7e7f6e-2f7a-4d0e-8a51-2d9c3f1b9e02',
    organizationSlug: 'vien-co-dien',
    organizationName: 'Viện Cơ điện',
    organizationKind: 'RESEARCH_INSTITUTE',
    organizationVerified: true,
    provinceCode: 'ha-noi',
    transferModes: ['LICENSING'],
    ipStatus: 'PATENT_GRANTED',
    trl: 7,
    priceMin: 12_345_678_901,
    priceMax: null,
    negotiable: true,
    currency: 'VND',
    language: 'vi',
    publishedAt: Date.parse('2026-03-01T00:00:00Z'),
    expiresAt: Date.parse('2027-03-01T00:00:00Z'),
  };

  it('carries what a card shows, with its own field codes and exact amounts', () => {
    const built = listingFromDocument(doc)!;
    expect(built.listing).toMatchObject({ id: doc.id, status: 'PUBLISHED', fieldCodes: ['407'], priceMin: 12_345_678_901, priceMax: null, currency: 'VND', expiredAt: null });
    expect(built.listing.publishedAt).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(built.organization).toMatchObject({ id: doc.organizationId, slug: 'vien-co-dien', name: 'Viện Cơ điện', kind: 'RESEARCH_INSTITUTE', verified: true });
  });

  it('refuses a document written before cards were indexed', () => {
    const { organizationSlug: _slug, ...older } = doc;
    expect(listingFromDocument(older)).toBeNull();
    const { expiresAt: _expiry, ...noExpiry } = doc;
    expect(listingFromDocument(noExpiry)).toBeNull();
  });

  it('knows when the listing is past its expiry date', () => {
    expect(documentExpired(doc, new Date('2027-02-28T23:59:59Z'))).toBe(false);
    expect(documentExpired(doc, new Date('2027-03-01T00:00:00Z'))).toBe(true);
    expect(documentExpired({ ...doc, expiresAt: null }, new Date('2100-01-01T00:00:00Z'))).toBe(false);
  });
});
