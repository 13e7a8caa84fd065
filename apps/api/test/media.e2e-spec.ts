import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/app.js';
import { Client, createOrganization, registerModerator, registerUser } from './support/graphql.js';
import { eventDay, eventInput } from './support/events.js';
import { publishListing } from './support/listings.js';
import { longStream, makePdf, upload } from './support/media.js';
import { MediaService } from '../src/modules/media/media.service.js';
import { mediaInventory, sweepOrphans } from '../src/modules/media/media-inventory.js';

/**
 * Pictures, documents and videos (modules/media): uploads through the signed upload URL, the
 * checks on the bytes (type, size while streaming, re-encoding, pixel and page limits), serving
 * (types, nosniff, private files), derivatives and PDF text made by the worker, and clean-up.
 * Real files are made here with sharp; bad ones are crafted byte by byte.
 */
let t: TestApp;
let base: Client;
let media: MediaService;
let ds: DataSource;
let mediaDir: string;
let spoolDir: string;
let owner: Client;
let org: { id: string };
let stranger: Client;

const LISTING = `query($id: ID!) { listing(id: $id) { id attachments { id kind isCover position caption url fileName mime width height pendingReview images { width height url } } coverImage { id } } }`;

async function jpegWithGps(width = 1600, height = 900, colour = '#2a7'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 41/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const hasGpsIfd = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

/** A PNG whose header claims 30 000 × 30 000 pixels, in a few dozen bytes (a decompression bomb). */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30_000, 0);
  ihdr.writeUInt32BE(30_000, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(4096))), chunk('IEND', Buffer.alloc(0))]);
}

async function snapshot(): Promise<{ rows: number; objects: string[]; spooled: string[] }> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attachment`);
  return { rows: n, objects: await media.store.list(), spooled: await readdir(spoolDir).catch(() => []) };
}

async function draftListing(client: Client, organizationId: string): Promise<string> {
  const { createListing } = await client.ok<{ createListing: { id: string } }>(
    `mutation($input: ListingInput!) { createListing(input: $input) { id } }`,
    {
      input: {
        kind: 'OFFER',
        organizationId,
        title: 'Dây chuyền sấy lạnh trái cây bằng bơm nhiệt',
        summary: 'Dây chuyền sấy lạnh trái cây công suất 500 kg/mẻ, giữ màu và vi chất.',
        description: 'Dây chuyền sấy lạnh dùng bơm nhiệt hai cấp, nhiệt độ sấy 15–35 °C, độ ẩm điều khiển tự động, đã lắp tại ba hợp tác xã.',
        fieldCodes: ['2'],
        keywords: ['sấy lạnh'],
        transferModes: ['LICENSING'],
        provinceCode: 'ha-noi',
      },
    },
  );
  return createListing.id;
}

beforeAll(async () => {
  mediaDir = await mkdtemp(join(tmpdir(), 'techport-media-e2e-'));
  spoolDir = join(mediaDir, '..', `${mediaDir.split('/').pop()}-spool`);
  t = await startTestApp({ MEDIA_DIR: mediaDir, MEDIA_TMP_DIR: spoolDir, MEDIA_MAX_PDF_PAGES: '3', MEDIA_MAX_IMAGE_MB: '4', WORKERS_ENABLED: 'false' });
  base = new Client(t.url);
  media = t.app.get(MediaService);
  ds = t.app.get(DataSource);
  owner = (await registerUser(base)).client;
  org = await createOrganization(owner);
  stranger = (await registerUser(base)).client;
  await createOrganization(stranger);
});

afterAll(async () => {
  await t?.close();
  await rm(mediaDir, { recursive: true, force: true });
  await rm(spoolDir, { recursive: true, force: true });
});

describe('uploading pictures', () => {
  let listingId: string;
  let firstId: string;

  beforeAll(async () => {
    listingId = await draftListing(owner, org.id);
  });

  it('stores a JPEG re-encoded: orientation applied, EXIF and GPS gone from the served file, served with its type and nosniff', async () => {
    const photo = await jpegWithGps();
    expect(hasGpsIfd((await sharp(photo).metadata()).exif)).toBe(true);
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId, captionVi: 'Buồng sấy' }, 'buong-say.jpg', photo);
    expect(res.status).toBe(201);
    const a = res.body.data!.attachment;
    firstId = a.id;
    expect(a).toMatchObject({ kind: 'IMAGE', mime: 'image/jpeg', width: 900, height: 1600 });

    const { listing } = await owner.ok(LISTING, { id: listingId });
    expect(listing.attachments).toHaveLength(1);
    expect(listing.attachments[0]).toMatchObject({ id: a.id, isCover: true, caption: 'Buồng sấy', fileName: 'buong-say.jpg', images: [] });
    // A draft is not public: its file URL is signed for the owner.
    expect(listing.attachments[0].url).toMatch(/^\/media\/[0-9a-f-]+\/original\?exp=\d+&sig=/);

    const served = await fetch(`${t.url}${listing.attachments[0].url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect([meta.width, meta.height]).toEqual([900, 1600]);
    expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);

    // Without the signature, and to another account, the draft's file does not exist.
    expect((await fetch(`${t.url}/media/${a.id}/original`)).status).toBe(404);
    expect((await fetch(`${t.url}/media/${a.id}/original`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
  });

  it('makes 320/640 WebP sizes in the worker, exposed for srcset', async () => {
    await t.settle();
    const { listing } = await owner.ok(LISTING, { id: listingId });
    const images = listing.attachments[0].images as { width: number; height: number; url: string }[];
    expect(images.map((i) => [i.width, i.height])).toEqual([
      [320, 569],
      [640, 1138],
    ]);
    const small = await fetch(`${t.url}${images[0].url}`);
    expect(small.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await small.arrayBuffer())).metadata();
    expect([meta.format, meta.width]).toEqual(['webp', 320]);
  });

  it('stores the same bytes once, however often they are uploaded', async () => {
    const photo = await jpegWithGps(1200, 800, '#a52');
    const before = (await media.store.list()).length;
    const one = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'a.jpg', photo);
    const two = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'b.jpg', photo);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.data!.attachment.id).not.toBe(two.body.data!.attachment.id);
    expect((await media.store.list()).length).toBe(before + 1);
    const [{ n }] = await ds.query(`SELECT count(DISTINCT sha256)::int AS n FROM attachment WHERE id = ANY($1)`, [[one.body.data!.attachment.id, two.body.data!.attachment.id]]);
    expect(n).toBe(1);
  });

  it('orders, sets the cover, captions and removes through GraphQL; the file goes once no row uses it', async () => {
    const { listing } = await owner.ok(LISTING, { id: listingId });
    const ids = (listing.attachments as { id: string }[]).map((a) => a.id);
    const reversed = [...ids].reverse();
    const { reorderAttachments } = await owner.ok(`mutation($k: AttachmentOwnerKind!, $o: ID!, $ids: [ID!]!) { reorderAttachments(ownerKind: $k, ownerId: $o, ids: $ids) { id position } }`, {
      k: 'LISTING',
      o: listingId,
      ids: reversed,
    });
    expect(reorderAttachments.map((a: { id: string }) => a.id)).toEqual(reversed);
    const bad = await owner.error(`mutation($k: AttachmentOwnerKind!, $o: ID!, $ids: [ID!]!) { reorderAttachments(ownerKind: $k, ownerId: $o, ids: $ids) { id } }`, { k: 'LISTING', o: listingId, ids: ids.slice(1) });
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.fields ?? {})).toEqual(['ids']);

    await owner.ok(`mutation($id: ID!) { setAttachmentCover(id: $id) { id isCover } }`, { id: ids[1] });
    await owner.ok(`mutation($id: ID!, $input: AttachmentCaptionInput!) { updateAttachment(id: $id, input: $input) { id } }`, { id: ids[1], input: { captionEn: 'Drying chamber' } });
    const after = await owner.inLang('en').ok(LISTING, { id: listingId });
    expect(after.listing.attachments.filter((a: { isCover: boolean }) => a.isCover).map((a: { id: string }) => a.id)).toEqual([ids[1]]);
    // The card's cover is the public one: a draft has none.
    expect(after.listing.coverImage).toBeNull();
    expect(after.listing.attachments.find((a: { id: string }) => a.id === ids[1]).caption).toBe('Drying chamber');

    // Someone else cannot touch them (they cannot even see the draft).
    expect((await stranger.error(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: ids[0] })).code).toBe('NOT_FOUND');

    // The two uploads of the same bytes: removing one keeps the file, removing both frees it.
    const dupes: { id: string; sha256: string }[] = await ds.query(
      `SELECT id, sha256 FROM attachment WHERE sha256 IN (SELECT sha256 FROM attachment WHERE owner_id = $1 GROUP BY sha256 HAVING count(*) > 1)`,
      [listingId],
    );
    expect(dupes).toHaveLength(2);
    const key = `o/${dupes[0].sha256.slice(0, 2)}/${dupes[0].sha256.slice(2, 4)}/${dupes[0].sha256}`;
    await owner.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: dupes[0].id });
    await t.settle();
    expect(await media.store.stat(key)).not.toBeNull();
    await owner.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: dupes[1].id });
    await t.settle();
    expect(await media.store.stat(key)).toBeNull();
    expect((await owner.ok(LISTING, { id: listingId })).listing.attachments.map((a: { id: string }) => a.id)).toEqual([firstId]);
  });
});

describe('owners that go take their files', () => {
  const keyOf = (sha256: string) => `o/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  const shaOf = async (attachmentId: string): Promise<string> => (await ds.query(`SELECT sha256 FROM attachment WHERE id = $1`, [attachmentId]))[0].sha256;
  const rowsOf = async (ownerId: string): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM attachment WHERE owner_id = $1`, [ownerId]))[0].n;

  it("deleting a draft listing removes its attachments, and its files once no other listing uses the same bytes", async () => {
    const doomed = await draftListing(owner, org.id);
    const kept = await draftListing(owner, org.id);
    const shared = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#4a6' } }).png().toBuffer();
    const own = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#c41' } }).png().toBuffer();
    const a = await upload(owner, { ownerKind: 'LISTING', ownerId: doomed }, 'chung.png', shared);
    const b = await upload(owner, { ownerKind: 'LISTING', ownerId: doomed }, 'rieng.png', own);
    const c = await upload(owner, { ownerKind: 'LISTING', ownerId: doomed }, 'thong-so.pdf', makePdf(['Bang thong so']));
    expect((await upload(owner, { ownerKind: 'LISTING', ownerId: kept }, 'chung-2.png', shared)).status).toBe(201);
    await t.settle(); // derivatives made: they must go too
    const [sharedSha, ownSha, pdfSha] = await Promise.all([a, b, c].map((r) => shaOf(r.body.data!.attachment.id)));
    const ownFiles = (await media.store.list()).filter((k) => k.includes(ownSha));
    expect(ownFiles.length).toBeGreaterThan(1); // the original and its WebP sizes

    // Only its owner may delete it, and only while it is a draft.
    expect((await stranger.error(`mutation($id: ID!) { deleteListing(id: $id) }`, { id: doomed })).code).toBe('NOT_FOUND');
    const { id: published } = await publishListing(base, owner, { kind: 'OFFER', organizationId: org.id });
    expect((await owner.error(`mutation($id: ID!) { deleteListing(id: $id) }`, { id: published })).code).toBe('CONFLICT');

    expect((await owner.ok(`mutation($id: ID!) { deleteListing(id: $id) }`, { id: doomed })).deleteListing).toBe(true);
    expect((await owner.ok(`query($id: ID!) { listing(id: $id) { id } }`, { id: doomed })).listing).toBeNull();
    expect(await rowsOf(doomed)).toBe(0);
    await t.settle();
    const files = await media.store.list();
    expect(files.filter((k) => k.includes(ownSha) || k.includes(pdfSha))).toEqual([]);
    expect(files).toContain(keyOf(sharedSha));
    expect(await rowsOf(kept)).toBe(1);
  });

  it('deleting an expert profile or an organisation (any path: an account erased, an operator) releases their files too', async () => {
    const person = (await registerUser(base)).client;
    const company = await createOrganization(person);
    const { upsertMyExpertProfile: p } = await person.ok(`mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id } }`, {
      input: {
        fullName: 'Lê Thị Xóa Hồ Sơ',
        headline: 'Chuyên gia cơ điện tử cho dây chuyền đóng gói thực phẩm',
        bio: 'Mười năm thiết kế và vận hành dây chuyền đóng gói thực phẩm tự động cho các nhà máy vừa và nhỏ ở miền Bắc, từ khảo sát đến chạy thử.',
        fieldCodes: ['2'],
        services: ['Thiết kế dây chuyền'],
        pastTransfers: [],
        provinceCode: 'ha-noi',
        organizationId: null,
      },
    });
    const portrait = await upload(person, { ownerKind: 'EXPERT', ownerId: p.id }, 'chan-dung.jpg', await jpegWithGps(500, 700, '#953'));
    const logo = await upload(person, { ownerKind: 'ORGANIZATION', ownerId: company.id }, 'logo.png', await sharp({ create: { width: 400, height: 400, channels: 3, background: '#129' } }).png().toBuffer());
    const papers = await upload(person, { ownerKind: 'ORGANIZATION', ownerId: company.id, private: true }, 'giay-phep.pdf', makePdf(['Giay chung nhan dang ky doanh nghiep']));
    expect([portrait.status, logo.status, papers.status]).toEqual([201, 201, 201]);
    const hashes = await Promise.all([portrait, logo, papers].map((r) => shaOf(r.body.data!.attachment.id)));

    // No API deletes these yet; the clean-up is the database's, so every future path gets it.
    await ds.query(`DELETE FROM expert_profile WHERE id = $1`, [p.id]);
    await ds.query(`DELETE FROM organization WHERE id = $1`, [company.id]);
    expect(await rowsOf(p.id)).toBe(0);
    expect(await rowsOf(company.id)).toBe(0);
    await t.settle();
    const files = await media.store.list();
    expect(files.filter((k) => hashes.some((h) => k.includes(h)))).toEqual([]);
  });
});

describe('the type from the bytes, not the name', () => {
  let listingId: string;
  beforeAll(async () => {
    listingId = await draftListing(owner, org.id);
  });

  it('takes a file for what its bytes are, not its name: a PNG named .jpg is a PNG named .png, a PDF named .jpg a document named .pdf', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a6' } }).png().toBuffer();
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'ảnh chụp.jpg', png);
    expect(res.status).toBe(201);
    expect(res.body.data!.attachment).toMatchObject({ kind: 'IMAGE', mime: 'image/png', fileName: 'ảnh chụp.png', width: 400, height: 300 });
    const { listing } = await owner.ok(LISTING, { id: listingId });
    const stored = listing.attachments.find((x: { id: string }) => x.id === res.body.data!.attachment.id);
    expect(stored).toMatchObject({ fileName: 'ảnh chụp.png', mime: 'image/png' });
    const served = await fetch(`${t.url}${stored.url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('png');

    const pdf = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'sheet.jpg', makePdf(['one page']));
    expect(pdf.status).toBe(201);
    expect(pdf.body.data!.attachment).toMatchObject({ kind: 'DOCUMENT', mime: 'application/pdf', fileName: 'sheet.pdf' });
    // A name without a known extension is kept as it is.
    const plain = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'bang-thong-so', makePdf(['one page', 'two']));
    expect(plain.body.data!.attachment).toMatchObject({ kind: 'DOCUMENT', fileName: 'bang-thong-so' });
  });
});

describe('refused uploads: each named, nothing left behind', () => {
  let listingId: string;
  beforeAll(async () => {
    listingId = await draftListing(owner, org.id);
  });

  const cases: [string, string, () => Promise<Buffer> | Buffer, RegExp, number][] = [
    ['a PHP script named .jpg', 'shell.jpg', () => Buffer.from('<?php system($_GET["c"]); ?>\n'.repeat(10)), /shell\.jpg: .*not recognised/, 400],
    ['an SVG with a script', 'logo.svg', () => Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /logo\.svg: SVG files are not accepted/, 400],
    ['a truncated JPEG', 'cut.jpg', async () => (await jpegWithGps(800, 600)).subarray(0, 3000), /cut\.jpg: the image is damaged/, 400],
    ['a pixel bomb', 'bomb.png', () => pixelBomb(), /bomb\.png: the image has too many pixels/, 400],
    ['a PDF over the page limit', 'thick.pdf', () => makePdf(['1', '2', '3', '4']), /thick\.pdf: the document has 4 pages; at most 3/, 400],
  ];

  it.each(cases)('%s', async (_label, name, make, message, status) => {
    const before = await snapshot();
    const res = await upload(owner.inLang('en'), { ownerKind: 'LISTING', ownerId: listingId }, name, await make());
    expect(res.status).toBe(status);
    expect(res.body.errors?.[0].message).toMatch(message);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { file: expect.stringMatching(message) } });
    expect(await snapshot()).toEqual(before);
  });

  it('cuts a 1 GB stream off at the image limit instead of reading it all', async () => {
    const before = await snapshot();
    const head = (await jpegWithGps(200, 200)).subarray(0, 4096);
    const res = await upload(owner.inLang('en'), { ownerKind: 'LISTING', ownerId: listingId }, 'huge.jpg', longStream(head, 1024 ** 3));
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0].message).toBe('huge.jpg is too large: image files may be at most 4 MB.');
    expect(await snapshot()).toEqual(before);
  });

  it('answers in Vietnamese by default', async () => {
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'shell.jpg', Buffer.from('<?php echo 1; ?>'));
    expect(res.body.errors?.[0].message).toMatch(/^shell\.jpg: không nhận ra loại tệp/);
  });

  it('an upload URL works once, and only for someone who may edit the owner', async () => {
    const { requestAttachmentUpload } = await owner.ok(`mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url } }`, {
      input: { ownerKind: 'LISTING', ownerId: listingId },
    });
    const { postTo } = await import('./support/media.js');
    const pdf = makePdf(['Bảng thông số']);
    expect((await postTo(t.url, `${requestAttachmentUpload.url}?name=a.pdf`, pdf)).status).toBe(201);
    const again = await postTo(t.url, `${requestAttachmentUpload.url}?name=a.pdf`, pdf);
    expect(again.status).toBe(404);
    expect((await postTo(t.url, `/media/uploads/forged.token?name=a.pdf`, pdf)).status).toBe(404);
    const denied = await stranger.error(`mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url } }`, { input: { ownerKind: 'LISTING', ownerId: listingId } });
    expect(denied.code).toBe('NOT_FOUND');
  });
});

describe('videos', () => {
  it('serves byte ranges (206 partial content) so a player can seek', async () => {
    // An MP4 as file-type knows it (an ftyp box of brand isom), then the "frames".
    const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d6d703431', 'hex');
    const video = Buffer.concat([ftyp, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251))]);
    const listingId = await draftListing(owner, org.id);
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'chay-thu.mp4', video);
    expect(res.status).toBe(201);
    expect(res.body.data!.attachment).toMatchObject({ kind: 'VIDEO', mime: 'video/mp4', size: video.length });
    // A draft's file: the owner's signed URL.
    const { attachments } = await owner.ok(`query($id: ID!) { attachments(ownerKind: LISTING, ownerId: $id) { url } }`, { id: listingId });
    const url = `${t.url}${attachments[0].url}`;

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(video)).toBe(true);
    const etag = whole.headers.get('etag')!;

    const part = await fetch(url, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${video.length}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(1000, 2000))).toBe(true);
    // The last bytes (a player reading an MP4's index at the end), and a range still valid for this version.
    const tail = await fetch(url, { headers: { range: 'bytes=-500', 'if-range': etag } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(video.length - 500))).toBe(true);
    // Past the end: 416 with the size; for another version of the file: the whole file.
    const beyond = await fetch(url, { headers: { range: `bytes=${video.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${video.length}`);
    expect((await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"another-version"' } })).status).toBe(200);
    // Someone who may not see the draft gets nothing of it, range or not.
    expect((await fetch(`${t.url}/media/${res.body.data!.attachment.id}/original`, { headers: { range: 'bytes=0-9' } })).status).toBe(404);
  });
});

describe('video links', () => {
  const ADD = `mutation($input: VideoLinkInput!) { addVideoLink(input: $input) { id kind videoUrl caption url } }`;
  it('attaches a YouTube or Vimeo page pasted as people copy it (without its scheme, or http), stored as https', async () => {
    const listingId = await draftListing(owner, org.id);
    const bare = await owner.ok(ADD, { input: { ownerKind: 'LISTING', ownerId: listingId, url: 'youtube.com/watch?v=dQw4w9WgXcQ', captionVi: 'Chạy thử máy sấy' } });
    expect(bare.addVideoLink).toMatchObject({ kind: 'VIDEO_LINK', videoUrl: 'https://youtube.com/watch?v=dQw4w9WgXcQ', caption: 'Chạy thử máy sấy' });
    const http = await owner.ok(ADD, { input: { ownerKind: 'LISTING', ownerId: listingId, url: ' http://vimeo.com/76979871 ' } });
    expect(http.addVideoLink.videoUrl).toBe('https://vimeo.com/76979871');
    const { listing } = await owner.ok(`query($id: ID!) { listing(id: $id) { attachments { kind videoUrl } } }`, { id: listingId });
    expect(listing.attachments).toEqual([
      { kind: 'VIDEO_LINK', videoUrl: 'https://youtube.com/watch?v=dQw4w9WgXcQ' },
      { kind: 'VIDEO_LINK', videoUrl: 'https://vimeo.com/76979871' },
    ]);
  });

  it('refuses another site, something not a link, and another organisation, naming the field', async () => {
    const listingId = await draftListing(owner, org.id);
    for (const url of ['https://example.vn/video.mp4', 'javascript:alert(1)', 'chạy thử máy sấy']) {
      const err = await owner.inLang('en').error(ADD, { input: { ownerKind: 'LISTING', ownerId: listingId, url } });
      expect(err.code).toBe('BAD_USER_INPUT');
      expect(err.fields).toEqual({ 'input.url': 'The video link must be a YouTube or Vimeo page (e.g. youtube.com/watch?v=…).' });
    }
    const theirs = await stranger.error(ADD, { input: { ownerKind: 'LISTING', ownerId: listingId, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' } });
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(theirs.code);
    const { listing } = await owner.ok(`query($id: ID!) { listing(id: $id) { attachments { id } } }`, { id: listingId });
    expect(listing.attachments).toEqual([]);
  });
});

describe('documents and private files', () => {
  it('serves a PDF as a download; a private verification document answers 404 to another organisation and to visitors', async () => {
    const pdf = makePdf(['Giay phep kinh doanh so 0301234567']);
    const res = await upload(owner, { ownerKind: 'ORGANIZATION', ownerId: org.id, private: true }, 'giấy phép.pdf', pdf);
    expect(res.status).toBe(201);
    const id = res.body.data!.attachment.id;
    const path = `/media/${id}/original`;
    expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    const other = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${stranger.token}` } });
    expect(other.status).toBe(404);
    const own = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="gi_y ph_p.pdf"; filename*=UTF-8''${encodeURIComponent('giấy phép.pdf')}`);
    expect(Buffer.from(await own.arrayBuffer()).equals(pdf)).toBe(true);

    const q = `query($id: ID!) { attachments(ownerKind: ORGANIZATION, ownerId: $id) { id private url } }`;
    expect((await stranger.ok(q, { id: org.id })).attachments).toEqual([]);
    expect((await base.ok(q, { id: org.id })).attachments).toEqual([]);
    const mine = (await owner.ok(q, { id: org.id })).attachments;
    expect(mine).toEqual([{ id, private: true, url: expect.stringMatching(/\?exp=\d+&sig=/) }]);
    expect((await fetch(`${t.url}${mine[0].url}`)).status).toBe(200);
    // A signature is for its own file only.
    expect((await fetch(`${t.url}/media/${id}/w320${mine[0].url.slice(mine[0].url.indexOf('?'))}`)).status).toBe(404);
  });

  it('a new private document answers a declined verification: the organisation is back in the queue', async () => {
    const member = (await registerUser(base)).client;
    const company = await createOrganization(member, { name: `Công ty Giấy tờ ${Date.now()}`, provinceCode: 'hue' });
    const moderator = (await registerModerator(base, ['hue'])).client;
    const DECLINE = `mutation($id: ID!, $note: String!) { declineOrganizationVerification(id: $id, note: $note) { id verificationDeclinedAt } }`;
    const declined = (await moderator.ok(DECLINE, { id: company.id, note: 'Mã số thuế không khớp giấy chứng nhận; hãy tải lên bản mới.' })).declineOrganizationVerification;
    expect(declined.verificationDeclinedAt).not.toBeNull();
    expect((await upload(member, { ownerKind: 'ORGANIZATION', ownerId: company.id, private: true }, 'giay-chung-nhan-moi.pdf', makePdf(['Giay chung nhan moi']))).status).toBe(201);
    const SEEN = `query($id: ID) { organization(id: $id) { verified verificationDeclinedAt taxCode } }`;
    expect((await member.ok(SEEN, { id: company.id })).organization).toMatchObject({ verified: false, verificationDeclinedAt: null });
    // and the tax code, which the reason named, can be corrected on the profile
    const UPDATE = `mutation($id: ID!, $input: OrganizationUpdateInput!) { updateOrganization(id: $id, input: $input) { id taxCode } }`;
    expect((await member.error(UPDATE, { id: company.id, input: { taxCode: '12345' } })).fields).toHaveProperty(['input.taxCode']);
    expect((await member.ok(UPDATE, { id: company.id, input: { taxCode: '0312345678' } })).updateOrganization.taxCode).toBe('0312345678');
  });

  it('only organisations have private files', async () => {
    const listingId = await draftListing(owner, org.id);
    const e = await owner.error(`mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url } }`, {
      input: { ownerKind: 'LISTING', ownerId: listingId, private: true },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(e.fields ?? {})).toEqual(['input.private']);
  });

  it('extracts the text of a PDF in the worker', async () => {
    const listingId = await draftListing(owner, org.id);
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'thong-so.pdf', makePdf(['Cong suat 500 kg moi me', 'Bom nhiet hai cap zeolitexyz']));
    expect(res.status).toBe(201);
    await t.settle();
    const [row] = await ds.query(`SELECT document_text FROM attachment WHERE id = $1`, [res.body.data!.attachment.id]);
    expect(row.document_text).toContain('zeolitexyz');
    expect(row.document_text).toContain('Cong suat 500 kg');
  });
});

describe('an expert profile', () => {
  it('takes a portrait from its own expert only; a draft profile\'s pictures are not public', async () => {
    const expert = (await registerUser(base)).client;
    const { upsertMyExpertProfile: p } = await expert.ok(`mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id } }`, {
      input: {
        fullName: 'Trần Minh Chuyên Gia',
        headline: 'Chuyên gia tư vấn chuyển giao công nghệ sau thu hoạch',
        bio: 'Hơn mười lăm năm tư vấn công nghệ sau thu hoạch cho hợp tác xã và doanh nghiệp chế biến trái cây ở Đồng bằng sông Cửu Long, từ thẩm định đến chuyển giao.',
        fieldCodes: ['407'],
        services: ['Tư vấn chuyển giao công nghệ'],
        pastTransfers: [],
        provinceCode: 'can-tho',
        organizationId: null,
      },
    });
    const portrait = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#b85' } }).jpeg().toBuffer();
    expect((await upload(expert, { ownerKind: 'EXPERT', ownerId: p.id }, 'chan-dung.jpg', portrait)).status).toBe(201);
    const q = `query($id: ID!) { attachments(ownerKind: EXPERT, ownerId: $id) { kind isCover width height } }`;
    expect((await expert.ok(q, { id: p.id })).attachments).toEqual([{ kind: 'IMAGE', isCover: true, width: 600, height: 800 }]);
    expect((await base.ok(q, { id: p.id })).attachments).toEqual([]);
    expect((await owner.error(`mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url } }`, { input: { ownerKind: 'EXPERT', ownerId: p.id } })).code).toBe('NOT_FOUND');

    // Moderated with the profile: its approval makes the portrait public; a later picture, and a
    // removal, wait for the next approval (a pending revision carries them), as on a listing.
    const moderator = (await registerModerator(base, [])).client;
    const APPROVE = `mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id status } }`;
    // The directory card's portrait is the public one: none while the profile is a draft, even for its expert.
    const PORTRAIT = `query($id: ID!) { expert(id: $id) { portrait { fileName width height } } }`;
    expect((await expert.ok(PORTRAIT, { id: p.id })).expert.portrait).toBeNull();
    await expert.ok(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id });
    await moderator.ok(APPROVE, { id: p.id });
    const pub = `query($id: ID!) { attachments(ownerKind: EXPERT, ownerId: $id) { id fileName pendingReview } }`;
    const [approved] = (await base.ok(pub, { id: p.id })).attachments;
    expect(approved).toMatchObject({ fileName: 'chan-dung.jpg' });
    expect((await base.ok(PORTRAIT, { id: p.id })).expert.portrait).toEqual({ fileName: 'chan-dung.jpg', width: 600, height: 800 });
    const work = await upload(expert, { ownerKind: 'EXPERT', ownerId: p.id }, 'cong-trinh.png', await sharp({ create: { width: 640, height: 480, channels: 3, background: '#365' } }).png().toBuffer());
    expect(work.status).toBe(201);
    await expert.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: approved.id });
    expect((await base.ok(pub, { id: p.id })).attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['chan-dung.jpg']);
    expect((await expert.ok(pub, { id: p.id })).attachments).toEqual([{ id: work.body.data!.attachment.id, fileName: 'cong-trinh.png', pendingReview: true }]);
    // …and the card keeps the approved portrait until the removal is approved, for its expert too.
    expect((await expert.ok(PORTRAIT, { id: p.id })).expert.portrait).toMatchObject({ fileName: 'chan-dung.jpg' });
    expect((await expert.ok(`query($id: ID!) { expert(id: $id) { hasPendingRevision } }`, { id: p.id })).expert.hasPendingRevision).toBe(true);
    // The review page lists the portrait as going with the approval; the public does not see that.
    const REMOVALS = `query($id: ID!) { expert(id: $id) { attachmentsPendingRemoval { id fileName } } }`;
    expect((await moderator.ok(REMOVALS, { id: p.id })).expert.attachmentsPendingRemoval).toEqual([{ id: approved.id, fileName: 'chan-dung.jpg' }]);
    expect((await base.ok(REMOVALS, { id: p.id })).expert.attachmentsPendingRemoval).toEqual([]);
    await expert.ok(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id });
    await moderator.ok(APPROVE, { id: p.id });
    expect((await base.ok(pub, { id: p.id })).attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['cong-trinh.png']);
    // The worker then deletes the removed row (and its file, which nothing else uses).
    await t.settle();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attachment WHERE id = $1`, [approved.id]);
    expect(n).toBe(0);
  });

  it('keeps the revision carrying media changes when the owner writes the published text back', async () => {
    const expert = (await registerUser(base)).client;
    const input = {
      fullName: 'Lê Thu Hà',
      headline: 'Chuyên gia công nghệ vi sinh trong chế biến thực phẩm',
      bio: 'Mười năm nghiên cứu và chuyển giao chế phẩm vi sinh cho các cơ sở chế biến nước mắm, tương và rau quả lên men ở miền Trung.',
      fieldCodes: ['407'],
      services: ['Tư vấn quy trình lên men'],
      pastTransfers: [],
      provinceCode: 'can-tho',
      organizationId: null,
    };
    const UPSERT = `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id hasPendingRevision pendingRevision { headline } } }`;
    const { upsertMyExpertProfile: p } = await expert.ok(UPSERT, { input });
    const portrait = await upload(expert, { ownerKind: 'EXPERT', ownerId: p.id }, 'chan-dung.jpg', await sharp({ create: { width: 600, height: 800, channels: 3, background: '#a63' } }).jpeg().toBuffer());
    expect(portrait.status).toBe(201);
    const moderator = (await registerModerator(base, [])).client;
    const APPROVE = `mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id status hasPendingRevision } }`;
    const SUBMIT = `mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`;
    await expert.ok(SUBMIT, { id: p.id });
    await moderator.ok(APPROVE, { id: p.id });

    // The owner removes the portrait, adds a picture, edits the text and then writes it back.
    await expert.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: portrait.body.data!.attachment.id });
    const work = await upload(expert, { ownerKind: 'EXPERT', ownerId: p.id }, 'phong-thi-nghiem.png', await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6' } }).png().toBuffer());
    expect(work.status).toBe(201);
    expect((await expert.ok(UPSERT, { input: { ...input, headline: 'Tiến sĩ công nghệ vi sinh thực phẩm' } })).upsertMyExpertProfile.pendingRevision.headline).toBe('Tiến sĩ công nghệ vi sinh thực phẩm');
    const reverted = (await expert.ok(UPSERT, { input })).upsertMyExpertProfile;
    // The revision stays, with the published text, for the media changes it carries.
    expect(reverted).toMatchObject({ hasPendingRevision: true, pendingRevision: { headline: input.headline } });
    await expert.ok(SUBMIT, { id: p.id });
    const REVIEW = `query($id: ID!) { expert(id: $id) { attachments { fileName } attachmentsPendingRemoval { fileName } } }`;
    expect((await moderator.ok(REVIEW, { id: p.id })).expert).toEqual({ attachments: [{ fileName: 'phong-thi-nghiem.png' }], attachmentsPendingRemoval: [{ fileName: 'chan-dung.jpg' }] });
    expect((await base.ok(REVIEW, { id: p.id })).expert).toEqual({ attachments: [{ fileName: 'chan-dung.jpg' }], attachmentsPendingRemoval: [] });
    expect((await moderator.ok(APPROVE, { id: p.id })).moderateExpertProfile).toMatchObject({ status: 'PUBLISHED', hasPendingRevision: false });
    expect((await base.ok(REVIEW, { id: p.id })).expert).toEqual({ attachments: [{ fileName: 'phong-thi-nghiem.png' }], attachmentsPendingRemoval: [] });

    // With no media change left to carry, writing the published text back withdraws a revision again.
    expect((await expert.ok(UPSERT, { input: { ...input, headline: 'Tiến sĩ công nghệ vi sinh thực phẩm' } })).upsertMyExpertProfile.hasPendingRevision).toBe(true);
    expect((await expert.ok(UPSERT, { input })).upsertMyExpertProfile.hasPendingRevision).toBe(false);

    // A revision that moves the profile to another province is reviewed by that province's
    // moderators: they see what the approval would take down too.
    await expert.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: work.body.data!.attachment.id });
    await expert.ok(UPSERT, { input: { ...input, provinceCode: 'hue' } });
    await expert.ok(SUBMIT, { id: p.id });
    const hue = (await registerModerator(base, ['hue'])).client;
    expect((await hue.ok(REVIEW, { id: p.id })).expert.attachmentsPendingRemoval).toEqual([{ fileName: 'phong-thi-nghiem.png' }]);
    const elsewhere = (await registerModerator(base, ['da-nang'])).client;
    expect((await elsewhere.ok(REVIEW, { id: p.id })).expert.attachmentsPendingRemoval).toEqual([]);
  });

  it('an upload that meets an edit withdrawing the revision waits for it, then opens a revision of its own', async () => {
    const expert = (await registerUser(base)).client;
    const input = {
      fullName: 'Đỗ Văn Khang',
      headline: 'Chuyên gia cơ điện tử cho dây chuyền chế biến nông sản',
      bio: 'Mười hai năm thiết kế và cải tạo dây chuyền phân loại, đóng gói nông sản cho doanh nghiệp vừa và nhỏ ở Tây Nguyên.',
      fieldCodes: ['407'],
      services: ['Cải tạo dây chuyền'],
      pastTransfers: [],
      provinceCode: 'can-tho',
      organizationId: null,
    };
    const UPSERT = `mutation($input: ExpertProfileInput!) { upsertMyExpertProfile(input: $input) { id hasPendingRevision } }`;
    const { upsertMyExpertProfile: p } = await expert.ok(UPSERT, { input });
    await expert.ok(`mutation($id: ID!) { submitExpertProfile(id: $id) { id } }`, { id: p.id });
    await (await registerModerator(base, [])).client.ok(`mutation($id: ID!) { moderateExpertProfile(id: $id, decision: APPROVE) { id } }`, { id: p.id });
    expect((await expert.ok(UPSERT, { input: { ...input, headline: 'Kỹ sư cơ điện tử' } })).upsertMyExpertProfile.hasPendingRevision).toBe(true);

    // The owner writes the published text back in another tab: that edit holds the profile's row
    // and has withdrawn the revision (no media change was pending when it looked) when an upload arrives.
    const edit = ds.createQueryRunner();
    await edit.connect();
    await edit.startTransaction();
    try {
      await edit.query(`SELECT 1 FROM expert_profile WHERE id = $1 FOR UPDATE`, [p.id]);
      await edit.query(`UPDATE expert_profile SET pending_revision = NULL WHERE id = $1`, [p.id]);
      let uploaded = false;
      const uploading = upload(expert, { ownerKind: 'EXPERT', ownerId: p.id }, 'xuong.png', await sharp({ create: { width: 320, height: 240, channels: 3, background: '#5a3' } }).png().toBuffer()).finally(() => {
        uploaded = true;
      });
      // The upload must wait for the edit's row lock (it did not, before: it decided on the row as
      // read before the edit committed, kept no revision, and the picture waited for nothing).
      const waitingOnLock = async () => {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        return n > 0;
      };
      const deadline = Date.now() + 15_000;
      while (!uploaded && !(await waitingOnLock()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(uploaded).toBe(false);
      await edit.commitTransaction();
      expect((await uploading).status).toBe(201);
    } finally {
      if (edit.isTransactionActive) await edit.rollbackTransaction();
      await edit.release();
    }
    // The picture travels with a revision, to be reviewed; the public does not see it yet.
    expect((await expert.ok(`query($id: ID!) { expert(id: $id) { hasPendingRevision } }`, { id: p.id })).expert.hasPendingRevision).toBe(true);
    const pub = `query($id: ID!) { attachments(ownerKind: EXPERT, ownerId: $id) { fileName pendingReview } }`;
    expect((await expert.ok(pub, { id: p.id })).attachments).toEqual([{ fileName: 'xuong.png', pendingReview: true }]);
    expect((await base.ok(pub, { id: p.id })).attachments).toEqual([]);
  });
});

describe('a published listing', () => {
  it("keeps media changes out of public view until the listing's next approval", async () => {
    const { id } = await publishListing(base, owner, { kind: 'OFFER', organizationId: org.id });
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: id }, 'moi.jpg', await jpegWithGps(640, 480, '#35a'));
    expect(res.status).toBe(201);
    expect((await base.ok(LISTING, { id })).listing.attachments).toEqual([]);
    const mine = (await owner.ok(LISTING, { id })).listing.attachments;
    expect(mine).toHaveLength(1);
    expect(mine[0].pendingReview).toBe(true);
    // The change travels with a pending revision, which the owner submits and a moderator approves.
    const QUALITY = `query($id: ID!) { listing(id: $id) { hasPendingRevision draftQuality { hints { code } } qualityHints { code } } }`;
    const { listing } = await owner.ok(QUALITY, { id });
    expect(listing.hasPendingRevision).toBe(true);
    // The picture counts as media for the quality score, as it is written and once submitted.
    expect(listing.draftQuality.hints.map((h: { code: string }) => h.code)).not.toContain('NO_MEDIA');
    // The owner's list reads the same quality (the attachments of a page's listings counted in one batch).
    const list = (await owner.ok(`{ myListings(page: { page: 1, pageSize: 50 }) { items { id draftQuality { hints { code } } } } }`)).myListings.items;
    const row = list.find((l: { id: string }) => l.id === id);
    expect(row.draftQuality.hints.map((h: { code: string }) => h.code)).not.toContain('NO_MEDIA');
    await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id });
    expect((await owner.ok(QUALITY, { id })).listing.qualityHints.map((h: { code: string }) => h.code)).not.toContain('NO_MEDIA');
    const moderator = (await registerModerator(base, [])).client;
    await moderator.ok(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id });
    const visible = (await base.ok(LISTING, { id })).listing.attachments;
    expect(visible.map((a: { id: string; url: string }) => [a.id, a.url])).toEqual([[res.body.data!.attachment.id, `/media/${res.body.data!.attachment.id}/original`]]);
    expect((await fetch(`${t.url}${visible[0].url}`)).headers.get('cache-control')).toContain('public');

    // A removal waits for review too: the picture stays public until the next approval.
    await owner.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: visible[0].id });
    expect((await base.ok(LISTING, { id })).listing.attachments).toHaveLength(1);
    expect((await owner.ok(LISTING, { id })).listing.attachments).toHaveLength(0);
    await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id });
    // The owner and the reviewing moderator see what the approval will take down; the public, another
    // organisation and a moderator of another province do not.
    const REMOVALS = `query($id: ID!) { listing(id: $id) { attachmentsPendingRemoval { id fileName url pendingReview } } }`;
    const pendingRemoval = [{ id: visible[0].id, fileName: 'moi.jpg', url: visible[0].url, pendingReview: false }];
    expect((await moderator.ok(REMOVALS, { id })).listing.attachmentsPendingRemoval).toEqual(pendingRemoval);
    expect((await owner.ok(REMOVALS, { id })).listing.attachmentsPendingRemoval).toEqual(pendingRemoval);
    const elsewhere = (await registerModerator(base, ['da-nang'])).client;
    for (const other of [base, stranger, elsewhere]) expect((await other.ok(REMOVALS, { id })).listing.attachmentsPendingRemoval).toEqual([]);
    // A rejected revision keeps the removal pending (and the picture public) for the owner to resubmit.
    await moderator.ok(`mutation($id: ID!) { moderateListing(id: $id, decision: REJECT, reason: OTHER, note: "Thiếu ảnh thay thế") { id } }`, { id });
    expect((await base.ok(LISTING, { id })).listing.attachments).toHaveLength(1);
    expect((await moderator.ok(REMOVALS, { id })).listing.attachmentsPendingRemoval).toEqual(pendingRemoval);
    await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id });
    await moderator.ok(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id });
    expect((await base.ok(LISTING, { id })).listing.attachments).toEqual([]);
    // Covered by the approval: no longer pending, even before the worker deletes the row.
    expect((await moderator.ok(REMOVALS, { id })).listing.attachmentsPendingRemoval).toEqual([]);
    // After the approval the worker deletes the row and, unused, the file.
    await t.settle();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM attachment WHERE owner_id = $1`, [id]);
    expect(n).toBe(0);
  });
});

describe('search sees the documents', () => {
  it('finds a published listing by a word that only its PDF contains, and shows its cover on the card', async () => {
    const word = `zeolit${Date.now().toString(36)}`;
    const listingId = await draftListing(owner, org.id);
    expect((await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'bia.png', await sharp({ create: { width: 800, height: 600, channels: 3, background: '#157' } }).png().toBuffer())).status).toBe(201);
    expect((await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'thong-so.pdf', makePdf(['Thong so ky thuat', `Vat lieu hap phu ${word} dang hat`]))).status).toBe(201);
    await t.settle();
    await owner.ok(`mutation($id: ID!) { submitListing(id: $id) { id } }`, { id: listingId });
    const moderator = (await registerModerator(base, [])).client;
    await moderator.ok(`mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id } }`, { id: listingId });
    await t.settle();
    const q = `query($i: SearchInput!) { search(input: $i) { totalHits hits { close foundInDocument listing { id coverImage { width height url images { width url } } } } } }`;
    const { search } = await base.ok(q, { i: { query: word } });
    // the one close match, first (listings like it may follow as related results)
    expect(search.totalHits).toBe(1);
    expect(search.hits[0]).toMatchObject({ close: true, listing: { id: listingId } });
    expect(search.hits[0].listing.coverImage).toMatchObject({ width: 800, height: 600, url: expect.stringMatching(/^\/media\/[0-9a-f-]+\/original$/), images: [{ width: 320 }, { width: 640 }] });
    // The card says where the word was: in the document, which it names.
    expect(search.hits[0].foundInDocument).toBe('thong-so.pdf');
    // Found by its own text (its title): no such note.
    const byTitle = (await base.ok(q, { i: { query: 'Dây chuyền sấy lạnh trái cây bằng bơm nhiệt' } })).search.hits;
    expect(byTitle.find((h: { listing: { id: string } }) => h.listing.id === listingId)).toMatchObject({ foundInDocument: null });
  });
});

describe('inventory and orphan sweep', () => {
  it('reports files without rows and rows without files; sweeps orphans once they are a day old', async () => {
    const orphan = `o/ff/ee/${'f'.repeat(4)}${'e'.repeat(60)}`;
    await media.store.put(orphan, Buffer.from('left by an interrupted upload'), 'image/jpeg');
    const listingId = await draftListing(owner, org.id);
    const res = await upload(owner, { ownerKind: 'LISTING', ownerId: listingId }, 'mat.png', await sharp({ create: { width: 300, height: 200, channels: 3, background: '#713' } }).png().toBuffer());
    const [{ sha256 }] = await ds.query(`SELECT sha256 FROM attachment WHERE id = $1`, [res.body.data!.attachment.id]);
    const lostKey = `o/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    await media.store.delete(lostKey);

    const report = await mediaInventory(ds, media.store);
    expect(report.filesWithoutRows).toContain(orphan);
    expect(report.rowsWithoutFiles).toContainEqual({ attachmentId: res.body.data!.attachment.id, key: lostKey });

    // Younger than a day: kept (its upload may still be committing); a day later: removed.
    expect((await sweepOrphans(ds, media.store, spoolDir, new Date())).files).not.toContain(orphan);
    expect(await media.store.stat(orphan)).not.toBeNull();
    expect((await sweepOrphans(ds, media.store, spoolDir, new Date(Date.now() + 25 * 3_600_000))).files).toContain(orphan);
    expect(await media.store.stat(orphan)).toBeNull();
    await owner.ok(`mutation($id: ID!) { removeAttachment(id: $id) }`, { id: res.body.data!.attachment.id });
  });
});

describe('an event', () => {
  it("takes pictures and documents from its organiser only; public once the department publishes the event", async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const { createEvent: ev } = await owner.ok(`mutation($o: ID!, $input: EventInput!) { createEvent(organizerId: $o, input: $input) { id } }`, {
      o: org.id,
      input: eventInput({
        nameVi: 'Chợ công nghệ sấy nông sản',
        nameEn: 'Post-harvest drying Techmart',
        kind: 'SPECIALISED_TECHMART',
        startsOn: eventDay(30),
        endsOn: eventDay(30),
        provinceCode: 'ha-noi',
        venue: 'Trung tâm Hội nghị Quốc gia, Hà Nội',
        description: 'Chợ công nghệ chuyên đề về sấy và bảo quản nông sản, kết nối viện nghiên cứu và hợp tác xã.',
        registrationClosesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        meetingDays: [],
        meetingTables: 0,
        breaks: [],
      }),
    });
    const plan = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#468' } }).jpeg().toBuffer();
    expect((await upload(owner, { ownerKind: 'EVENT', ownerId: ev.id }, 'so-do-mat-bang.jpg', plan)).status).toBe(201);
    const q = `query($id: ID!) { event(id: $id) { attachments { kind isCover fileName } } }`;
    expect((await owner.ok(q, { id: ev.id })).event.attachments).toEqual([{ kind: 'IMAGE', isCover: true, fileName: 'so-do-mat-bang.jpg' }]);
    // Another organisation may not add to it, and a draft's pictures are nobody else's to see.
    expect((await stranger.error(`mutation($input: AttachmentUploadInput!) { requestAttachmentUpload(input: $input) { url } }`, { input: { ownerKind: 'EVENT', ownerId: ev.id } })).code).toBe('NOT_FOUND');
    expect((await base.ok(`query($id: ID!) { attachments(ownerKind: EVENT, ownerId: $id) { id } }`, { id: ev.id })).attachments).toEqual([]);

    await owner.ok(`mutation($id: ID!) { submitEvent(id: $id) { id } }`, { id: ev.id });
    const moderator = (await registerModerator(base, ['ha-noi'])).client;
    await moderator.ok(`mutation($id: ID!) { moderateEvent(id: $id, decision: APPROVE) { id } }`, { id: ev.id });
    const shown = (await base.ok(q, { id: ev.id })).event.attachments;
    expect(shown).toEqual([{ kind: 'IMAGE', isCover: true, fileName: 'so-do-mat-bang.jpg' }]);
  });
});
