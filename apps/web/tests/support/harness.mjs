// The browser tests' small harness: registration of tests and journeys (ordered steps sharing
// state), skipping when the API lacks an operation, per-test pass/fail lines, and helpers for
// pages (contexts per user and language, screenshots, axe-core checks, messages in both languages).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROOT = join(WEB, '..', '..');
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const MESSAGES = {
  vi: JSON.parse(readFileSync(join(WEB, 'messages', 'vi.json'), 'utf8')),
  en: JSON.parse(readFileSync(join(WEB, 'messages', 'en.json'), 'utf8')),
};

export const PASSWORD = 'Correct-Horse-Battery-9';

/** A message of the storefront in a language, with {params} filled in. */
export function msg(lang, key, params = {}) {
  const text = messageText(lang, MESSAGES[lang][key], params);
  if (typeof text !== 'string') throw new Error(`no message ${key} in ${lang}.json`);
  return text.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
}

/** A message's text: a plain string, or the variant of a plural message (inlang: `countPlural=one|other`) for params.count. */
function messageText(lang, message, params) {
  if (!Array.isArray(message)) return message;
  const [{ match }] = message;
  const plural = new Intl.PluralRules(lang).select(Number(params.count));
  return match[`countPlural=${plural}`] ?? match['countPlural=other'];
}

// The contract enums' labels (libs/shared/src/labels.ts), as the API build compiled them: the
// tests run after that build (scripts/lib/web-tests.mjs).
const LABELS = await import(pathToFileURL(join(ROOT, 'dist', 'libs', 'shared', 'src', 'labels.js')).href);

/** The storefront's name of a contract enum's value: label('vi', 'TransferMode', 'LICENSING'). */
export function label(lang, enumName, value) {
  const text = LABELS.ENUM_LABELS[enumName]?.[value]?.[lang];
  if (typeof text !== 'string') throw new Error(`no ${lang} label for ${enumName}.${value}`);
  return text;
}

/** The review-time target submitters are told (libs/shared/src/limits.ts). */
export const { REVIEW_TARGET_DAYS } = await import(pathToFileURL(join(ROOT, 'dist', 'libs', 'shared', 'src', 'limits.js')).href);

/** "TRL 6 – …" in a language. */
export const trlLabel = (lang, level) => LABELS.trlLevelLabel(level, lang);

export const uniq = (prefix = 'x') => `${prefix}${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

/** Collapses whitespace (Intl puts no-break spaces in "1.500.000.000 ₫"). */
/** An .eml's text with its body decoded (base64 or quoted-printable). */
function decodeEml(eml) {
  const at = eml.search(/\r?\n\r?\n/);
  const head = eml.slice(0, at);
  const body = eml.slice(at).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    return `${head}\n\n${body.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'))}`;
  }
  return eml;
}

export const squash = (s) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Nothing on the page is wider than the screen: no sideways scrolling. Measured against the
 * screen's width (the page's viewport size), not innerWidth, which a phone's browser widens to
 * what overflows. What scrolls within its own box (a table, the dashboard's section strip) is not
 * the page; nor is visually hidden text.
 */
export async function assertFitsScreen(page, label) {
  const { width } = page.viewportSize();
  const { scrollWidth, wide } = await page.evaluate((w) => {
    const scrolls = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const over = [...document.querySelectorAll('body *')].find(
      (el) => el.getBoundingClientRect().right > w + 1 && !['absolute', 'fixed'].includes(getComputedStyle(el).position) && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden') && !scrolls(el),
    );
    return { scrollWidth: document.documentElement.scrollWidth, wide: over ? `${over.tagName}.${over.className}` : null };
  }, width);
  assert.ok(scrollWidth <= width && !wide, `${label}: ${scrollWidth} px wide on a ${width} px screen (${wide})`);
}

export function createHarness({ browser, webUrl, apiUrl, admin, operator, screenshotsDir, outDir, filter = '', databaseUrl }) {
  // The API of the browser tests writes its e-mails here (MAIL_OUTBOX_DIR in scripts/lib/web-tests.mjs).
  const mailDir = join(outDir, 'mail');
  const entries = [];
  const contexts = new Set();
  /** Pages opened with { js: false }: axe cannot run on them. */
  const scriptless = new WeakSet();
  const screenshotsWanted = process.env.WEB_TEST_SCREENSHOTS === '1';
  /** Every page the failed test still has open, as it was when it failed. */
  const captureFailure = async (name) => {
    const slug = `FAILED-${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}`;
    let i = 0;
    for (const c of contexts) {
      for (const page of c.pages()) {
        i += 1;
        await page.screenshot({ path: join(screenshotsDir, `${slug}-${i}.png`), fullPage: true, timeout: 10_000 }).catch(() => {});
      }
    }
  };

  const t = {
    webUrl,
    apiUrl,
    admin,
    /** Who runs the exchange, as the storefront is configured (OPERATOR_*). */
    operator,
    assert,
    msg,
    uniq,
    squash,
    PASSWORD,

    /**
     * A fresh browser context (own cookies) in a language: 'vi' (default) or 'en' (the switch's cookie,
     * so signing in keeps that language whatever the account's is).
     * `{ phone: true }`: a 360 × 740 touch screen (isMobile, hasTouch) instead of a 1280 × 900 desktop.
     * `{ js: false }`: a browser that runs no scripts (the pages must work without them).
     * `{ chosen: false }`: no language chosen in it yet (no cookie): signing in adopts the account's.
     * `{ userAgent }`: the browser's User-Agent instead of the headless shell's (which says "HeadlessChrome",
     * so the API takes it for a robot and does not count its views of a listing).
     */
    async newPage(lang = 'vi', { phone = false, js = true, chosen = true, userAgent = undefined } = {}) {
      const screen = phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 900 } };
      const context = await browser.newContext({ baseURL: webUrl, locale: lang === 'en' ? 'en-GB' : 'vi-VN', javaScriptEnabled: js, ...screen, ...(userAgent ? { userAgent } : {}) });
      contexts.add(context);
      if (chosen) await context.addCookies([{ name: 'lang', value: lang === 'en' ? 'en' : 'vi', url: webUrl }]);
      const page = await context.newPage();
      if (!js) scriptless.add(page);
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => console.error(`    [page error] ${err.message}`));
      return page;
    },

    /**
     * A statement on this run's database, for what no request can do: time passing (a meeting can be
     * marked held only after its time). Everything else goes through the API, as a visitor's would.
     */
    async sql(text, params = []) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    },

    /** Goes to a path and checks the answer's status (200 unless said otherwise). */
    async visit(page, path, status = 200) {
      const res = await page.goto(path);
      assert.equal(res?.status(), status, `GET ${path}: expected ${status}, got ${res?.status()} (${page.url()})`);
      return res;
    },

    /** Submits the form that contains the given element (button click: a real POST, no JavaScript). */
    async submit(page, buttonSelector) {
      const navigation = page.waitForNavigation({ waitUntil: 'load' });
      await page.locator(buttonSelector).first().click();
      await navigation;
    },

    async text(page, selector = 'main') {
      return squash(await page.locator(selector).first().innerText());
    },

    /**
     * A full-page screenshot for people to look at, when the run asks for them
     * (WEB_TEST_SCREENSHOTS=1): Chromium's rendering is most of the browser tests' CPU time, and
     * a failed test's pages are captured anyway (see run()).
     */
    async screenshot(page, name) {
      if (!screenshotsWanted) return;
      await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
    },

    /** axe-core on the current page: fails on any serious or critical violation. */
    async axe(page, label) {
      // page.evaluate on a page whose scripts are off waits for ever (until the run is torn down).
      if (scriptless.has(page)) throw new Error(`axe (${label}): the page was opened with { js: false }; check a page with scripts`);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        // @ts-ignore axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of violations.filter((x) => !bad.includes(x))) console.log(`    [axe ${label}] ${v.impact}: ${v.id} (${v.nodes.join(', ')})`);
      assert.deepEqual(bad, [], `axe found serious/critical violations on ${label}: ${JSON.stringify(bad, null, 2)}`);
    },

    /** The API directly (test set-up only; the journeys themselves go through the pages). */
    async gql(query, variables = {}, token = null, lang = 'vi') {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    },

    /** The e-mails written to the mail outbox for an address, oldest first, bodies decoded. */
    mailsTo(email) {
      if (!existsSync(mailDir)) return [];
      const tag = email.toLowerCase().replace(/[^a-z0-9@._-]/gi, '_');
      return readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml') && f.toLowerCase().includes(tag))
        .sort()
        .map((f) => decodeEml(readFileSync(join(mailDir, f), 'utf8')));
    },

    /**
     * Waits for an e-mail to the address with a link to `pathPrefix` and returns that link's path
     * (of the newest such e-mail; `notPath`: wait for one with another link than this).
     */
    async linkFromMail(email, pathPrefix, { notPath } = {}) {
      const linkOf = (mail) =>
        [...mail.matchAll(/https?:\/\/[^\s<>"]+/g)]
          .map((m) => new URL(m[0]))
          .filter((u) => u.pathname.startsWith(pathPrefix))
          .map((u) => u.pathname + u.search)[0];
      return t.eventually(
        () => {
          const links = t.mailsTo(email).map(linkOf).filter(Boolean);
          const newest = links.at(-1);
          return newest && newest !== notPath ? newest : null;
        },
        { what: `an e-mail to ${email} with a link to ${pathPrefix}` },
      );
    },

    /**
     * Polls until fn returns a truthy value (search indexing and the outbox are asynchronous).
     * 45 s: beside the API specs on two cores, indexing ten listings once took longer than 20 s.
     */
    async eventually(fn, { timeout = 45_000, interval = 400, what = 'condition' } = {}) {
      const deadline = Date.now() + timeout;
      let last;
      while (Date.now() < deadline) {
        try {
          const v = await fn();
          if (v) return v;
        } catch (err) {
          last = err;
        }
        await new Promise((r) => setTimeout(r, interval));
      }
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    },
  };

  return {
    t,
    /** A test: fn(t). */
    test(name, fn) {
      if (typeof fn !== 'function') throw new Error(`h.test("${name}", fn): the second argument must be the test function`);
      entries.push({ kind: 'test', name, fn });
    },
    /**
     * A journey: ordered steps sharing one state object; after a failed step the rest are skipped.
     * steps: [name, async (t, state) => …][]
     */
    journey(name, steps) {
      if (!Array.isArray(steps)) throw new Error(`h.journey("${name}", steps): the second argument must be the steps`);
      entries.push({ kind: 'journey', name, steps });
    },
    async run() {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const line = (status, name, extra = '') => console.log(`  ${status.padEnd(4)} ${name}${extra ? ` — ${extra}` : ''}`);
      const runOne = async (name, fn) => {
        const started = Date.now();
        try {
          await fn();
          counts.passed += 1;
          line('ok', name, `${Date.now() - started} ms`);
          return true;
        } catch (err) {
          counts.failed += 1;
          await captureFailure(name);
          line('FAIL', name, err instanceof Error ? err.message.split('\n').slice(0, 12).join('\n         ') : String(err));
          return false;
        }
      };
      for (const e of entries) {
        // The filter: a part of the name, or several separated by | (any of them).
        if (filter && !filter.toLowerCase().split('|').some((f) => e.name.toLowerCase().includes(f))) continue;
        if (e.kind === 'test') {
          await runOne(e.name, () => e.fn(t));
        } else {
          console.log(`  ${e.name}`);
          const state = {};
          let broken = false;
          for (const [stepName, fn] of e.steps) {
            if (broken) {
              counts.skipped += 1;
              line('skip', `${e.name} › ${stepName}`, 'an earlier step failed');
              continue;
            }
            if (!(await runOne(`${e.name} › ${stepName}`, () => fn(t, state)))) broken = true;
          }
        }
        for (const c of contexts) await c.close().catch(() => {});
        contexts.clear();
      }
      return counts;
    },
  };
}
