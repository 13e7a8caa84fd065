import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { DEAL_STATUS_LABELS, ErrorCode, ListingKind, ORGANIZATION_KIND_LABELS, findProvince, findTechField } from '@techport/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock.js';
import { AppError, Errors } from '../../common/errors.js';
import type { Localized } from '../../common/i18n.js';
import { csvLine, UTF8_BOM, type CsvCell } from '../../common/csv.js';
import { abortDownload, sendAppError } from '../../common/rest.js';
import { FiguresService } from '../stats/figures.service.js';
import { MAX_PERIOD_MONTHS } from '../stats/stats-period.js';
import { REGISTER_TIME_ZONE } from '../deals/deals.labels.js';
import { FIELD_ANCESTRY, splitFieldCounts } from '../stats/field-breakdown.js';
import {
  APPROVED_STATUSES,
  EVER_PUBLISHED,
  FIGURES,
  LISTINGS_DATASET,
  OPEN_DATA_LICENCE,
  PUBLIC_LISTING,
  type FigureDef,
} from './open-data.datasets.js';

/** Bumped when the shape of a file changes, so cached copies are not taken for the new one. */
const FORMAT_VERSION = '3';
const TZ = REGISTER_TIME_ZONE;
/** Months and years from 2000 to 2099: the exchange has no older data, and no date arithmetic overflows. */
const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const YEAR = /^20\d{2}$/;
const QUARTER = /^20\d{2}-Q[1-4]$/;

const M = {
  period: { vi: 'Kỳ phải là một tháng dạng YYYY-MM từ năm 2000, ví dụ 2026-11.', en: 'The period must be a month as YYYY-MM from 2000 on, e.g. 2026-11.' },
  year: { vi: 'Năm phải có dạng YYYY, từ 2000 đến 2099, ví dụ 2026.', en: 'The year must look like YYYY, from 2000 to 2099, e.g. 2026.' },
  both: {
    vi: 'Chọn một kỳ: một tháng (period), một quý (quarter), một năm (year) hoặc một khoảng tháng (from và to), không chọn nhiều kỳ.',
    en: 'Give one period: a month (period), a quarter (quarter), a year (year) or a range of months (from and to), not several.',
  },
  quarter: { vi: 'Quý phải có dạng YYYY-Qn, từ năm 2000, ví dụ 2026-Q1.', en: 'The quarter must look like YYYY-Qn from 2000 on, e.g. 2026-Q1.' },
  from: { vi: 'Tháng đầu phải có dạng YYYY-MM từ năm 2000, ví dụ 2026-01.', en: 'The first month must be YYYY-MM from 2000 on, e.g. 2026-01.' },
  to: { vi: 'Tháng cuối phải có dạng YYYY-MM từ năm 2000, ví dụ 2026-03.', en: 'The last month must be YYYY-MM from 2000 on, e.g. 2026-03.' },
  fromMissing: { vi: 'Khoảng tháng cần cả tháng đầu (from).', en: 'A range of months needs its first month (from) too.' },
  toMissing: { vi: 'Khoảng tháng cần cả tháng cuối (to).', en: 'A range of months needs its last month (to) too.' },
  toBeforeFrom: { vi: 'Tháng cuối không được trước tháng đầu.', en: 'The last month cannot come before the first.' },
  notStarted: { vi: 'Kỳ này chưa bắt đầu: chưa có số liệu.', en: 'This period has not started yet: there are no figures for it.' },
  tooLong: { vi: `Một khoảng dài tối đa ${MAX_PERIOD_MONTHS} tháng.`, en: `A range spans at most ${MAX_PERIOD_MONTHS} months.` },
  limit: { vi: 'Số dòng mỗi trang phải là số nguyên từ 1 đến 5.000.', en: 'Rows per page must be a whole number from 1 to 5,000.' },
  cursor: { vi: 'Con trỏ trang không hợp lệ: hãy theo liên kết "next".', en: 'The page cursor is not valid: follow the "next" link.' },
  figure: { vi: 'Không có bộ số liệu này.', en: 'There is no such dataset.' },
} satisfies Record<string, Localized>;

interface Period {
  /** As asked: '2026-11', '2026', '2026-Q1', '2026-01_2026-06' or null (all months with data up to now). */
  label: string | null;
  /** First and last month, YYYY-MM, inclusive. */
  from: string;
  to: string;
}

type Format = 'csv' | 'json';

interface ListingRow {
  id: string;
  slug: string;
  kind: string;
  title: string;
  summary: string;
  organization_name: string;
  organization_kind: string;
  organization_verified: boolean;
  province_code: string;
  field_codes: string[];
  trl: number | null;
  transfer_modes: string[];
  price_min: string | null;
  price_max: string | null;
  negotiable: boolean;
  published_at: Date;
  expires_at: Date | null;
  cursor_at: string;
}

/**
 * GET /open-data/… — the exchange's open data, for anyone (no sign-in), under CC BY 4.0:
 *   /open-data, /open-data/catalog.json     the catalogue: datasets, links, data dictionary, licence
 *   /open-data/figures/<figure>.csv|json    a market figure; ?period=YYYY-MM, ?quarter=YYYY-Qn, ?year=YYYY or
 *                                           ?from=YYYY-MM&to=YYYY-MM (default: all months)
 *   /open-data/listings.csv|json            the public listings, public fields only; ?limit=&cursor=
 * Every file carries an ETag and Last-Modified computed from a few cheap aggregates (how many rows
 * and when they last changed), before any data is read, so a harvester polling with
 * If-None-Match / If-Modified-Since gets 304 without the export being run. Files are written as
 * they are read (keyset batches, waiting for the socket to drain), never held whole in memory.
 * Links (Link header, `next` field) are relative, so the storefront can serve the same paths.
 * Column names are stable identifiers, the same in every language (a harvester's parser must not
 * depend on Accept-Language); the catalogue's data dictionary describes each in Vietnamese and
 * English, and names (province, stage, organisation kind) come in both languages as columns.
 */
@Controller('open-data')
export class OpenDataController {
  private readonly logger = new Logger('OpenData');
  /** Rows per query while streaming (the end-to-end test lowers it to exercise the batching). */
  batchSize = 500;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly figures: FiguresService,
  ) {}

  @Get()
  catalogueAlias(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.catalogue(req, res);
  }

  @Get('catalog.json')
  async catalogue(@Req() req: Request, @Res() res: Response): Promise<void> {
    const body = JSON.stringify({
      title: { vi: 'Dữ liệu mở của sàn giao dịch công nghệ Techport', en: 'Techport technology exchange open data' },
      licence: OPEN_DATA_LICENCE,
      timeZone: TZ,
      periods: {
        vi: `Số liệu theo kỳ: ?period=YYYY-MM (một tháng), ?quarter=YYYY-Qn (một quý), ?year=YYYY (mười hai tháng) hoặc ?from=YYYY-MM&to=YYYY-MM (một khoảng tháng, tối đa ${MAX_PERIOD_MONTHS} tháng); không có tham số: mọi tháng từ tháng đầu tiên có dữ liệu đến nay. Một kỳ chưa bắt đầu bị từ chối; một kỳ kéo dài quá tháng này dừng ở tháng này.`,
        en: `Figures by period: ?period=YYYY-MM (one month), ?quarter=YYYY-Qn (one quarter), ?year=YYYY (twelve months) or ?from=YYYY-MM&to=YYYY-MM (a range of months, at most ${MAX_PERIOD_MONTHS}); without any: every month from the first with data to now. A period not yet begun is refused; one running past this month ends with it.`,
      },
      datasets: [
        ...FIGURES.map((f) => ({
          id: f.id,
          title: f.title,
          description: f.description,
          monthly: f.monthly,
          distributions: { csv: `/open-data/figures/${f.id}.csv`, json: `/open-data/figures/${f.id}.json` },
          columns: f.columns,
        })),
        {
          id: LISTINGS_DATASET.id,
          title: LISTINGS_DATASET.title,
          description: LISTINGS_DATASET.description,
          monthly: false,
          distributions: { csv: '/open-data/listings.csv', json: '/open-data/listings.json' },
          columns: LISTINGS_DATASET.columns,
        },
      ],
    });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    res.status(200);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'public, no-cache');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('ETag', etag);
    if (isFresh(req, etag, null)) {
      res.status(304).end();
      return;
    }
    res.end(body);
  }

  @Get('figures/:file')
  async figure(
    @Param('file') file: string,
    @Query('period') rawPeriod: unknown,
    @Query('year') rawYear: unknown,
    @Query('quarter') rawQuarter: unknown,
    @Query('from') rawFrom: unknown,
    @Query('to') rawTo: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const match = /^([a-z-]+)\.(csv|json)$/.exec(file);
    const def = match && FIGURES.find((f) => f.id === match[1]);
    if (!match || !def) return sendAppError(res, new AppError(ErrorCode.NOT_FOUND, M.figure));
    const format = match[2] as Format;
    let period: Period;
    try {
      period = await this.period({ period: rawPeriod, year: rawYear, quarter: rawQuarter, from: rawFrom, to: rawTo });
    } catch (err) {
      if (err instanceof AppError) return sendAppError(res, err);
      throw err;
    }

    const version = def.source === 'rollup' ? await this.rollupVersion() : await this.figuresVersion();
    if (this.notModified(req, res, version, [def.id, format, period.label ?? '', period.from, period.to])) return;

    this.start(res, format, `techport-${def.id}${period.label ? `-${period.label}` : ''}`);
    res.setHeader('Link', [this.describedBy(), this.licenceLink()].join(', '));
    await this.guard(res, async () => {
      const rows = this.figureRows(def, period);
      if (format === 'csv') {
        await write(res, UTF8_BOM + csvLine(def.columns.map((c) => c.name)));
        for await (const row of rows) await write(res, csvLine(def.columns.map((c) => row[c.name] as CsvCell)));
      } else {
        const head = {
          dataset: def.id,
          title: def.title,
          description: def.description,
          licence: OPEN_DATA_LICENCE,
          period: { asked: period.label, from: period.from, to: period.to },
          columns: def.columns,
        };
        await write(res, JSON.stringify(head).slice(0, -1) + ',"rows":[');
        let first = true;
        for await (const row of rows) {
          await write(res, (first ? '' : ',') + JSON.stringify(row));
          first = false;
        }
        await write(res, ']}');
      }
      res.end();
    });
  }

  @Get('listings.:format')
  async listings(
    @Param('format') rawFormat: string,
    @Query('limit') rawLimit: unknown,
    @Query('cursor') rawCursor: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (rawFormat !== 'csv' && rawFormat !== 'json') return sendAppError(res, new AppError(ErrorCode.NOT_FOUND, M.figure));
    const format: Format = rawFormat;
    let limit: number, cursor: { at: string; id: string } | null;
    try {
      ({ limit, cursor } = this.paging(rawLimit, rawCursor));
    } catch (err) {
      if (err instanceof AppError) return sendAppError(res, err);
      throw err;
    }

    const version = await this.listingsVersion();
    if (this.notModified(req, res, version, ['listings', format, String(limit), cursor ? `${cursor.at}|${cursor.id}` : ''])) return;

    const now = this.clock.now();
    // The page's end is found before anything is written, so the Link header can name the next page.
    const params: unknown[] = [now];
    const after = cursor ? ` AND (l.published_at, l.id) > (${push(params, cursor.at)}::timestamptz, ${push(params, cursor.id)}::uuid)` : '';
    const edge: { cursor_at: string; id: string }[] = await this.ds.query(
      `SELECT l.published_at::text AS cursor_at, l.id FROM listing l WHERE ${PUBLIC_LISTING}${after}
       ORDER BY l.published_at, l.id OFFSET ${limit - 1} LIMIT 2`,
      params,
    );
    const next = edge.length === 2 ? this.listingsUrl(format, limit, encodeCursor(edge[0].cursor_at, edge[0].id)) : null;

    this.start(res, format, 'techport-listings');
    const links = [`<${this.listingsUrl(format, limit, null)}>; rel="first"`, this.describedBy(), this.licenceLink()];
    if (next) links.unshift(`<${next}>; rel="next"`);
    res.setHeader('Link', links.join(', '));

    await this.guard(res, async () => {
      const columns = LISTINGS_DATASET.columns;
      if (format === 'csv') await write(res, UTF8_BOM + csvLine(columns.map((c) => c.name)));
      else {
        const head = { dataset: LISTINGS_DATASET.id, title: LISTINGS_DATASET.title, licence: OPEN_DATA_LICENCE, columns, next };
        await write(res, JSON.stringify(head).slice(0, -1) + ',"items":[');
      }
      let first = true;
      for await (const row of this.listingRows(cursor, limit, now)) {
        const item = this.publicListing(row);
        if (format === 'csv') {
          await write(res, csvLine(columns.map((c) => (Array.isArray(item[c.name]) ? (item[c.name] as string[]).join(';') : (item[c.name] as CsvCell)))));
        } else {
          await write(res, (first ? '' : ',') + JSON.stringify(item));
        }
        first = false;
      }
      if (format === 'json') await write(res, ']}');
      res.end();
    });
  }

  /** The rows of one figure, read in one go: they are aggregates, one per month or per key. */
  private async *figureRows(def: FigureDef, period: Period): AsyncGenerator<Record<string, unknown>> {
    // Every query gets the same four parameters ($1 now, $2/$3 first/last month, $4 time zone);
    // `$n IS NOT NULL` mentions the ones a query does not use, so PostgreSQL can type them.
    // From the first instant of the first month to the first instant after the last, Vietnam time.
    const within = (column: string) =>
      `${column} >= (($2 || '-01')::date)::timestamp AT TIME ZONE $4 AND ${column} < (($3 || '-01')::date + interval '1 month')::timestamp AT TIME ZONE $4`;
    const months = `SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(($2 || '-01')::date, ($3 || '-01')::date, interval '1 month') AS m`;
    const base = [this.clock.now(), period.from, period.to, TZ];
    if (def.source === 'rollup') {
      yield* await this.rollupRows(def, period);
      return;
    }
    switch (def.id) {
      case 'listings-published': {
        const rows: { month: string; offers: number; demands: number }[] = await this.ds.query(
          `SELECT months.month, coalesce(c.offers, 0)::int AS offers, coalesce(c.demands, 0)::int AS demands
           FROM (${months}) AS months LEFT JOIN (
             SELECT to_char(l.published_at AT TIME ZONE $4, 'YYYY-MM') AS month,
                    count(*) FILTER (WHERE l.kind = '${ListingKind.OFFER}') AS offers,
                    count(*) FILTER (WHERE l.kind = '${ListingKind.DEMAND}') AS demands
             FROM listing l WHERE $1::timestamptz IS NOT NULL AND ${EVER_PUBLISHED} AND ${within('l.published_at')}
             GROUP BY 1) AS c USING (month)
           ORDER BY months.month`,
          base,
        );
        yield* rows;
        return;
      }
      case 'deals-approved': {
        const rows: { month: string; deals: number; value_vnd: string }[] = await this.ds.query(
          `SELECT months.month, coalesce(c.deals, 0)::int AS deals, coalesce(c.value, 0)::text AS value_vnd
           FROM (${months}) AS months LEFT JOIN (
             SELECT to_char(d.approved_at AT TIME ZONE $4, 'YYYY-MM') AS month, count(*) AS deals, sum(d.value) AS value
             FROM deal d WHERE $1::timestamptz IS NOT NULL AND d.status = ANY($5) AND d.approved_at IS NOT NULL AND ${within('d.approved_at')}
             GROUP BY 1) AS c USING (month)
           ORDER BY months.month`,
          [...base, APPROVED_STATUSES],
        );
        // Whole dong as a JSON number while exact (always, below 9 × 10^15); CSV writes it digit for digit.
        for (const r of rows) yield { month: r.month, deals: r.deals, value_vnd: Number(r.value_vnd) };
        return;
      }
      case 'listings-by-field':
      case 'listings-by-province': {
        const scope = period.label ? `${EVER_PUBLISHED} AND ${within('l.published_at')}` : PUBLIC_LISTING;
        const byField = def.id === 'listings-by-field';
        // By field: each listing once per field it is in, a field counting its children's listings
        // (field-breakdown.ts); the top-level fields, most first, each followed by its sub-fields.
        const key = byField ? 'a.ancestor' : 'l.province_code';
        const from = byField
          ? `listing l CROSS JOIN LATERAL unnest(l.field_codes) AS f(code) JOIN unnest($${base.length + 1}::text[], $${base.length + 2}::text[]) AS a(code, ancestor) ON a.code = f.code`
          : 'listing l';
        const counted: { key: string; count: number }[] = await this.ds.query(
          `SELECT ${key} AS key, count(DISTINCT l.id)::int AS count FROM ${from}
           WHERE $1::timestamptz IS NOT NULL AND $2::text IS NOT NULL AND $3::text IS NOT NULL AND $4::text IS NOT NULL AND ${scope}
           GROUP BY 1 ORDER BY count DESC, 1`,
          byField ? [...base, ...FIELD_ANCESTRY] : base,
        );
        const split = byField ? splitFieldCounts(counted) : null;
        const rows = split ? split.top.flatMap((t) => [{ ...t, topKey: t.key }, ...split.sub.filter((x) => x.topKey === t.key)]) : counted.map((r) => ({ ...r, topKey: '' }));
        for (const r of rows) {
          const rec = byField ? findTechField(r.key) : findProvince(r.key);
          yield byField
            ? { field_code: r.key, field_name_vi: rec?.nameVi ?? r.key, field_name_en: rec?.nameEn ?? r.key, listings: r.count, top_field_code: r.topKey }
            : { province_code: r.key, province_name_vi: rec?.nameVi ?? r.key, province_name_en: rec?.nameEn ?? r.key, listings: r.count };
        }
        return;
      }
    }
  }

  /**
   * The market page's figures for the period, from the monthly rollup (FiguresService, nationwide):
   * the same numbers as the page, a few hundred rollup rows however long the period.
   */
  private async rollupRows(def: FigureDef, period: Period): Promise<Record<string, unknown>[]> {
    const f = await this.figures.marketForPeriod('vi', { from: period.from, to: period.to });
    const names = (l: Localized | undefined, key: string) => ({ vi: l?.vi ?? key, en: l?.en ?? key });
    switch (def.id) {
      case 'demands-posted':
        return f.months.map((m) => ({ month: m.month, demands: m.demandsPublished }));
      case 'interests-per-month':
        return f.months.map((m) => ({ month: m.month, interests: m.interests }));
      case 'deals-by-stage':
        return f.dealsByStage.map((s) => {
          const n = names(DEAL_STATUS_LABELS[s.stage as keyof typeof DEAL_STATUS_LABELS], s.stage);
          return { stage: s.stage, stage_name_vi: n.vi, stage_name_en: n.en, deals: s.count, value_vnd: s.value };
        });
      case 'listings-by-organization-kind':
        return f.byOrganizationKind.map((k) => {
          const n = names(ORGANIZATION_KIND_LABELS[k.key as keyof typeof ORGANIZATION_KIND_LABELS], k.key);
          return { organization_kind: k.key, organization_kind_name_vi: n.vi, organization_kind_name_en: n.en, listings: k.count };
        });
      case 'listings-by-trl':
        return f.byTrl.map((k) => ({ trl: k.key === '' ? null : Number(k.key), listings: k.count }));
      case 'key-figures': {
        const x = f.totals;
        return [
          {
            from: f.from,
            to: f.to,
            listings_with_interest: x.listingsWithInterest,
            median_days_to_first_interest: x.medianDaysToFirstInterest,
            moderation_decisions: x.moderationDecisions,
            median_days_in_moderation: x.medianDaysInModeration,
            interests: x.interests,
            interests_converted: x.interestsConverted,
            interest_to_deal_rate: x.interestToDealRate,
          },
        ];
      }
      default:
        throw new Error(`no rollup reading for ${def.id}`);
    }
  }

  /** Keyset batches of the public listings after `cursor`, `limit` rows in all. */
  private async *listingRows(cursor: { at: string; id: string } | null, limit: number, now: Date): AsyncGenerator<ListingRow> {
    let left = limit;
    let after = cursor;
    while (left > 0) {
      const params: unknown[] = [now];
      const keyset = after ? ` AND (l.published_at, l.id) > (${push(params, after.at)}::timestamptz, ${push(params, after.id)}::uuid)` : '';
      const rows: ListingRow[] = await this.ds.query(
        `SELECT l.id, l.slug, l.kind, l.title, l.summary, o.name AS organization_name, o.kind AS organization_kind,
                (o.verified_at IS NOT NULL) AS organization_verified, l.province_code, l.field_codes, l.trl,
                l.transfer_modes, l.price_min::text AS price_min, l.price_max::text AS price_max, l.negotiable,
                l.published_at, l.expires_at, l.published_at::text AS cursor_at
         FROM listing l JOIN organization o ON o.id = l.organization_id
         WHERE ${PUBLIC_LISTING}${keyset}
         ORDER BY l.published_at, l.id LIMIT ${Math.min(this.batchSize, left)}`,
        params,
      );
      yield* rows;
      if (rows.length < Math.min(this.batchSize, left)) return;
      left -= rows.length;
      const last = rows[rows.length - 1];
      after = { at: last.cursor_at, id: last.id };
    }
  }

  /** Only what the listing's public page shows; never contact details, notes or moderation data. */
  private publicListing(r: ListingRow): Record<string, unknown> {
    const site = this.config.PUBLIC_WEB_URL.replace(/\/+$/, '');
    return {
      id: r.id,
      url: `${site}/listings/${encodeURIComponent(r.slug)}`,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      organization_name: r.organization_name,
      organization_kind: r.organization_kind,
      organization_verified: r.organization_verified,
      province_code: r.province_code,
      province_name_vi: findProvince(r.province_code)?.nameVi ?? r.province_code,
      province_name_en: findProvince(r.province_code)?.nameEn ?? r.province_code,
      field_codes: r.field_codes,
      trl: r.trl,
      transfer_modes: r.transfer_modes,
      price_min_vnd: r.price_min === null ? null : Number(r.price_min),
      price_max_vnd: r.price_max === null ? null : Number(r.price_max),
      negotiable: r.negotiable,
      published_at: r.published_at.toISOString(),
      expires_at: r.expires_at?.toISOString() ?? null,
    };
  }

  /**
   * What the figures depend on, in a few index-free aggregates: ever-published listings and
   * approved deals (how many, last change), plus listings past their expiry the job has not
   * processed yet (they leave "public now" without any row changing).
   */
  private async figuresVersion(): Promise<{ key: string; modified: Date | null }> {
    const [v]: { ln: number; lat: Date | null; due: number; dn: number; dat: Date | null }[] = await this.ds.query(
      `SELECT (SELECT count(*)::int FROM listing l WHERE l.published_at IS NOT NULL) AS ln,
              (SELECT max(greatest(l.updated_at, l.published_at)) FROM listing l WHERE l.published_at IS NOT NULL) AS lat,
              (SELECT count(*)::int FROM listing l WHERE l.expired_at IS NULL AND l.expires_at <= $1) AS due,
              (SELECT count(*)::int FROM deal d WHERE d.approved_at IS NOT NULL) AS dn,
              (SELECT max(d.updated_at) FROM deal d WHERE d.approved_at IS NOT NULL) AS dat`,
      [this.clock.now()],
    );
    // The default period runs to the current month: a new month is a new file.
    const month = monthOf(this.clock.now());
    return { key: [v.ln, v.lat?.toISOString(), v.due, v.dn, v.dat?.toISOString(), month].join('|'), modified: latest(v.lat, v.dat) };
  }

  /**
   * The rollup-read figures depend on what the rollup holds: its checksum as the last refresh
   * recorded it (and when it last changed), not the tables, which run ahead of it until the worker
   * refreshes it. Until a first refresh there is no record: the version is then the tables'.
   */
  private async rollupVersion(): Promise<{ key: string; modified: Date | null }> {
    const v = await this.figures.rollupVersion();
    if (!v) return this.figuresVersion();
    return { key: ['rollup', v.checksum, monthOf(this.clock.now())].join('|'), modified: v.changedAt };
  }

  private async listingsVersion(): Promise<{ key: string; modified: Date | null }> {
    const [v]: { ln: number; lat: Date | null; due: number; oat: Date | null }[] = await this.ds.query(
      `SELECT (SELECT count(*)::int FROM listing l WHERE l.published_at IS NOT NULL) AS ln,
              (SELECT max(greatest(l.updated_at, l.published_at)) FROM listing l WHERE l.published_at IS NOT NULL) AS lat,
              (SELECT count(*)::int FROM listing l WHERE l.expired_at IS NULL AND l.expires_at <= $1) AS due,
              (SELECT max(o.updated_at) FROM organization o) AS oat`,
      [this.clock.now()],
    );
    return { key: [v.ln, v.lat?.toISOString(), v.due, v.oat?.toISOString()].join('|'), modified: latest(v.lat, v.oat) };
  }

  /** Sets ETag / Last-Modified and answers 304 when the client's copy is current. */
  private notModified(req: Request, res: Response, version: { key: string; modified: Date | null }, parts: string[]): boolean {
    const etag = `"${createHash('sha1').update([FORMAT_VERSION, version.key, ...parts].join('\n')).digest('base64url')}"`;
    res.status(200);
    res.setHeader('ETag', etag);
    if (version.modified) res.setHeader('Last-Modified', new Date(Math.floor(version.modified.getTime() / 1000) * 1000).toUTCString());
    res.setHeader('Cache-Control', 'public, no-cache');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified, Link');
    if (!isFresh(req, etag, version.modified)) return false;
    res.status(304).end();
    return true;
  }

  private start(res: Response, format: Format, name: string): void {
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    } else res.setHeader('Content-Type', 'application/json; charset=utf-8');
  }

  /** Once the status line is out, a failure can only cut the download short, never end it as if complete. */
  private async guard(res: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (err instanceof ClientGone) return;
      abortDownload(res, this.logger, 'open-data export', err);
    }
  }

  /**
   * One period among: a month (period), a quarter, a year, or a from–to range of months; errors
   * name the parameter (a second kind of period is refused on the later one: year, quarter, from).
   */
  private async period(raw: { period: unknown; year: unknown; quarter: unknown; from: unknown; to: unknown }): Promise<Period> {
    const str = (v: unknown) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? v : null);
    const [p, y, q, from, to] = [str(raw.period), str(raw.year), str(raw.quarter), str(raw.from), str(raw.to)];
    const fields: Record<string, Localized> = {};
    if (p === null || (p !== undefined && !MONTH.test(p))) fields.period = M.period;
    if (y === null || (y !== undefined && !YEAR.test(y))) fields.year = M.year;
    if (q === null || (q !== undefined && !QUARTER.test(q))) fields.quarter = M.quarter;
    if (from === null || (from !== undefined && !MONTH.test(from))) fields.from = M.from;
    if (to === null || (to !== undefined && !MONTH.test(to))) fields.to = M.to;
    if (Object.keys(fields).length) throw Errors.badInput(fields);
    if (from && !to) fields.to = M.toMissing;
    if (to && !from) fields.from = M.fromMissing;
    if (from && to && to < from) fields.to = M.toBeforeFrom;
    if (from && to && monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS) fields.to = M.tooLong;
    // More than one kind of period: the later parameter is refused.
    const kinds = [
      ['period', p],
      ['year', y],
      ['quarter', q],
      ['from', from ?? to],
    ].filter(([, v]) => v !== undefined);
    for (const [name] of kinds.slice(1)) fields[name!] ??= M.both;
    if (Object.keys(fields).length) throw Errors.badInput(fields);
    const asked = this.askedPeriod(p, y, q, from, to);
    const now = this.clock.now();
    if (asked) {
      // Like the market page: months that have not come have no figures (a row of zeros would say
      // nothing happened), so a period not yet begun is refused on its parameter, and one running
      // past this month ends with it (the JSON's period.to says so).
      const current = monthOf(now);
      if (asked.from > current) throw Errors.badInput({ [kinds[0][0]!]: M.notStarted });
      return asked.to > current ? { ...asked, to: current } : asked;
    }
    const [first]: { month: string | null }[] = await this.ds.query(
      `SELECT to_char(least(
                (SELECT min(l.published_at) FROM listing l WHERE ${EVER_PUBLISHED}),
                (SELECT min(d.approved_at) FROM deal d WHERE d.approved_at IS NOT NULL)) AT TIME ZONE $1, 'YYYY-MM') AS month`,
      [TZ],
    );
    const current = monthOf(now);
    return { label: null, from: first.month && first.month < current ? first.month : current, to: current };
  }

  /** The period as asked (already checked), or null for the default. */
  private askedPeriod(...[p, y, q, from, to]: (string | null | undefined)[]): Period | null {
    if (p) return { label: p, from: p, to: p };
    if (y) return { label: y, from: `${y}-01`, to: `${y}-12` };
    if (q) {
      const first = (Number(q.slice(6)) - 1) * 3 + 1;
      const mm = (n: number) => `${q.slice(0, 4)}-${String(n).padStart(2, '0')}`;
      return { label: q, from: mm(first), to: mm(first + 2) };
    }
    if (from && to) return { label: `${from}_${to}`, from, to };
    return null;
  }

  private paging(rawLimit: unknown, rawCursor: unknown): { limit: number; cursor: { at: string; id: string } | null } {
    const fields: Record<string, Localized> = {};
    let limit = 1000;
    if (rawLimit !== undefined && rawLimit !== '') {
      const n = typeof rawLimit === 'string' && /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : NaN;
      if (!(n >= 1 && n <= 5000)) fields.limit = M.limit;
      else limit = n;
    }
    let cursor: { at: string; id: string } | null = null;
    if (rawCursor !== undefined && rawCursor !== '') {
      cursor = typeof rawCursor === 'string' ? decodeCursor(rawCursor) : null;
      if (!cursor) fields.cursor = M.cursor;
    }
    if (Object.keys(fields).length) throw Errors.badInput(fields);
    return { limit, cursor };
  }

  private listingsUrl(format: Format, limit: number, cursor: string | null): string {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    return `/open-data/listings.${format}?${q}`;
  }

  private describedBy(): string {
    return '</open-data>; rel="describedby"';
  }

  private licenceLink(): string {
    return `<${OPEN_DATA_LICENCE.url}>; rel="license"`;
  }

}

class ClientGone extends Error {}

/**
 * RFC 9110 conditional GET: If-None-Match (weak comparison) decides when present, else
 * If-Modified-Since. Not express's req.fresh, which answers 200 to any request carrying
 * `Cache-Control: no-cache`, and fetch() adds that to every conditional request it sends:
 * the directive is for caches on the way, an origin still owes the 304.
 */
function isFresh(req: Request, etag: string, modified: Date | null): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch) {
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return noneMatch.trim() === '*' || noneMatch.split(',').some((tag) => bare(tag) === bare(etag));
  }
  const since = req.headers['if-modified-since'];
  if (!since || !modified) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Math.floor(modified.getTime() / 1000) * 1000 <= sinceMs;
}

/** Writes a chunk, waiting for the socket to drain when its buffer is full (backpressure). */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (res.write(chunk)) return;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  if (res.destroyed) throw new ClientGone();
}

function push(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** Months since year 0 ('2026-03' → 2026 × 12 + 2): ranges are counted with plain arithmetic. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

function latest(...dates: (Date | null)[]): Date | null {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** PostgreSQL's text form of a timestamptz ("2026-11-03 08:15:00.123456+00"). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of "<published_at>|<id>" of the last row before the page. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(raw: string): { at: string; id: string } | null {
  if (raw.length > 200) return null;
  const [at, id, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !id || !UUID.test(id) || !at || !TIMESTAMP.test(at)) return null;
  return { at, id };
}

