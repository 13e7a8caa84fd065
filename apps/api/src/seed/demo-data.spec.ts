import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoDataError, demoDataDir, loadDemoData } from './demo-data.js';

describe('demo data files', () => {
  it('read and pass their checks as checked in', () => {
    const data = loadDemoData();
    expect(data.domains.length).toBeGreaterThanOrEqual(30);
    expect(data.organizations.length).toBeGreaterThanOrEqual(50);
    expect(data.experts.experts.length).toBeGreaterThanOrEqual(20);
    expect(data.handListings.length).toBeGreaterThanOrEqual(10);
    expect(data.staff.length).toBeGreaterThanOrEqual(3);
    expect(data.deals.stories.length).toBeGreaterThanOrEqual(5);
    expect(data.events.events.map((e) => e.registrations)).toEqual(['past', 'open']);
  });

  describe('with mistakes', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
      cpSync(demoDataDir(), dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const edit = (file: string, change: (json: any) => void) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      change(json);
      writeFileSync(join(dir, file), JSON.stringify(json));
    };
    const problemsOf = (): string[] => {
      try {
        loadDemoData(dir);
      } catch (err) {
        if (err instanceof DemoDataError) return err.problems;
        throw err;
      }
      throw new Error('the data loaded without a problem');
    };

    it('names the file and the path of every wrong value, all at once', () => {
      edit('organizations.json', (orgs) => {
        orgs[2].province = 'atlantis';
        orgs[4].offers.push('teleportation');
      });
      edit('hand-listings.json', (hand) => {
        hand[1].titel = hand[1].title;
      });
      edit('domains/1-food-agri.json', (domains) => {
        domains[0].vi.offerTitles[1] = 'Máy sấy cho {product}';
      });
      const problems = problemsOf();
      expect(problems).toEqual(
        expect.arrayContaining([
          'organizations.json at [2].province: unknown province "atlantis"',
          expect.stringMatching(/^hand-listings\.json at \[1\]: Unrecognized key: "titel"/),
          expect.stringMatching(/^domains\/1-food-agri\.json at \[0\]\.vi\.offerTitles\[1\]: unknown slot \{product\}: slots here are \{p\}/),
        ]),
      );
      // References between files are checked once every file reads well.
      edit('organizations.json', (orgs) => {
        orgs[2].province = 'can-tho';
      });
      edit('hand-listings.json', (hand) => {
        delete hand[1].titel;
      });
      edit('domains/1-food-agri.json', (domains) => {
        domains[0].vi.offerTitles[1] = 'Máy sấy cho {p}';
      });
      expect(problemsOf()).toEqual([expect.stringMatching(/^organizations\.json at \[4\]\.offers\[\d+\]: unknown domain "teleportation"$/)]);
    });

    it('checks that a deal story follows on from step to step', () => {
      edit('deals.json', (deals) => {
        deals.stories[0].steps.splice(1, 1);
      });
      expect(problemsOf()).toEqual(['deals.json at stories[0].steps[1][1]: a step starts where the one before ends: PROPOSED']);
    });

    it('says which file is not JSON', () => {
      writeFileSync(join(dir, 'names.json'), '{ "surnames": [');
      expect(problemsOf()).toEqual([expect.stringMatching(/^names\.json: /)]);
    });
  });
});
