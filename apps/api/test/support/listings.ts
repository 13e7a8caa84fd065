import { Client, registerModerator, uniq } from './graphql.js';

export interface ListingOptions {
  kind: 'OFFER' | 'DEMAND';
  organizationId: string;
  provinceCode?: string;
  title?: string;
}

const CREATE = `mutation($input: ListingInput!) { createListing(input: $input) { id status } }`;
const SUBMIT = `mutation($id: ID!) { submitListing(id: $id) { id status } }`;
const MODERATE = `mutation($id: ID!) { moderateListing(id: $id, decision: APPROVE) { id status } }`;

const approvers = new Map<string, Promise<Client>>();

/** A national moderator shared by a spec file to approve its listings (one per running app). */
function listingApprover(base: Client): Promise<Client> {
  let approver = approvers.get(base.baseUrl);
  if (!approver) {
    approver = registerModerator(base, []).then((m) => m.client);
    approvers.set(base.baseUrl, approver);
  }
  return approver;
}

/**
 * Creates a listing for `owner`'s organisation and takes it through the public workflow to
 * PUBLISHED: createListing → submitListing → moderateListing(APPROVE) by a moderator.
 */
export async function publishListing(base: Client, owner: Client, options: ListingOptions): Promise<{ id: string; title: string }> {
  const offer = options.kind === 'OFFER';
  const title =
    options.title ??
    (offer ? `Công nghệ sấy lạnh nông sản bằng bơm nhiệt ${uniq('')}` : `Cần công nghệ xử lý nước thải chế biến thủy sản ${uniq('')}`);
  const input = {
    kind: options.kind,
    organizationId: options.organizationId,
    title,
    summary: offer
      ? 'Hệ thống sấy lạnh dùng bơm nhiệt, giữ màu và vi chất của trái cây, rau củ; tiết kiệm 40% điện năng so với sấy nóng.'
      : 'Doanh nghiệp chế biến tôm cần hệ thống xử lý nước thải đạt QCVN 11-MT:2015, công suất 500 m³/ngày.',
    description: offer
      ? 'Công nghệ sấy lạnh sử dụng bơm nhiệt hai cấp, nhiệt độ sấy 15–35 °C, độ ẩm điều khiển tự động. Đã ứng dụng tại ba hợp tác xã ở đồng bằng sông Cửu Long với công suất 500 kg/mẻ. Chuyển giao gồm thiết kế, lắp đặt, đào tạo vận hành và bảo trì trong 12 tháng.'
      : 'Nhà máy chế biến tôm xuất khẩu cần giải pháp xử lý nước thải có hàm lượng hữu cơ và nitơ cao, vận hành ổn định, chi phí vận hành thấp, diện tích mặt bằng hạn chế. Ưu tiên công nghệ sinh học kết hợp màng, có chuyển giao và đào tạo.',
    fieldCodes: ['2'],
    keywords: offer ? ['sấy lạnh', 'bơm nhiệt', 'nông sản'] : ['xử lý nước thải', 'thủy sản', 'sinh học'],
    trl: offer ? 7 : 6,
    transferModes: ['LICENSING', 'TURNKEY'],
    ipStatus: offer ? 'UTILITY_SOLUTION' : null,
    priceMin: offer ? 1_500_000_000 : null,
    priceMax: offer ? 2_500_000_000 : 3_000_000_000,
    provinceCode: options.provinceCode ?? 'ha-noi',
  };
  const created = await owner.ok<{ createListing: { id: string } }>(CREATE, { input });
  const id = created.createListing.id;
  await owner.ok(SUBMIT, { id });
  const moderator = await listingApprover(base);
  const approved = await moderator.ok<{ moderateListing: { status: string } }>(MODERATE, { id });
  if (approved.moderateListing.status !== 'PUBLISHED') throw new Error(`listing ${id} is ${approved.moderateListing.status}, not PUBLISHED`);
  return { id, title };
}

// ---------------------------------------------------------------------------------------------
// What happens after publication: interests and deals (used by the interest and deal specs).

export const INTEREST_FIELDS = `id status createdAt listing { id } organization { id } messages { id body author { id } organization { id } createdAt }`;
export const DEAL_FIELDS = `id status value currency transferMode terms supplier { id } buyer { id } listing { id } interest { id }
  history { action status note at actor { id } } viewerActions`;

export const EXPRESS = `mutation($l: ID!, $o: ID!, $m: String!) { expressInterest(listingId: $l, organizationId: $o, message: $m) { ${INTEREST_FIELDS} } }`;
export const RESPOND_INTEREST = `mutation($id: ID!, $a: Boolean!, $m: String) { respondToInterest(id: $id, accept: $a, message: $m) { ${INTEREST_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawInterest(id: $id) { id status } }`;
export const SEND = `mutation($id: ID!, $b: String!) { sendMessage(interestId: $id, body: $b) { id body author { id } organization { id } } }`;
export const INTEREST = `query($id: ID!) { interest(id: $id) { ${INTEREST_FIELDS} } }`;
export const INTERESTS = `query($l: ID) { interests(listingId: $l) { id organization { id } messages { id body } } }`;
export const PROPOSE = `mutation($input: DealInput!) { proposeDeal(input: $input) { ${DEAL_FIELDS} } }`;
export const RESPOND_DEAL = `mutation($id: ID!, $a: Boolean!, $n: String) { respondToDeal(id: $id, accept: $a, note: $n) { ${DEAL_FIELDS} } }`;
export const REVIEW = `mutation($id: ID!, $d: ModerationDecision!, $n: String) { reviewDeal(id: $id, decision: $d, note: $n) { ${DEAL_FIELDS} } }`;
export const SIGN = `mutation($id: ID!) { markDealSigned(id: $id) { ${DEAL_FIELDS} } }`;
export const COMPLETE = `mutation($id: ID!) { completeDeal(id: $id) { ${DEAL_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $n: String) { cancelDeal(id: $id, note: $n) { ${DEAL_FIELDS} } }`;
export const DEAL = `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`;
export const DEALS = `query($s: DealStatus, $p: PageInput) { deals(status: $s, page: $p) { totalItems items { id status } } }`;

export interface DealView {
  id: string;
  status: string;
  value: number;
  currency: string;
  transferMode: string;
  terms: string;
  supplier: { id: string };
  buyer: { id: string };
  history: { action: string; status: string; note: string | null; at: string; actor: { id: string } }[];
  viewerActions: string[];
}

export const TERMS = 'Chuyển giao quyền sử dụng công nghệ trong 5 năm, bao gồm đào tạo vận hành và bảo trì 12 tháng.';

/** `by` (a member of `organizationId`) expresses interest; returns the interest's id. */
export async function expressInterest(by: Client, listingId: string, organizationId: string, message = 'Chúng tôi muốn tìm hiểu thêm về công nghệ này.'): Promise<string> {
  const data = await by.ok<{ expressInterest: { id: string } }>(EXPRESS, { l: listingId, o: organizationId, m: message });
  return data.expressInterest.id;
}

export async function acceptInterest(by: Client, id: string): Promise<void> {
  await by.ok(RESPOND_INTEREST, { id, a: true });
}

export async function proposeDeal(by: Client, interestId: string, input: Partial<{ value: number; transferMode: string; terms: string; idempotencyKey: string }> = {}): Promise<DealView> {
  const data = await by.ok<{ proposeDeal: DealView }>(PROPOSE, {
    input: { interestId, value: input.value ?? 1_800_000_000, transferMode: input.transferMode ?? 'LICENSING', terms: input.terms ?? TERMS, idempotencyKey: input.idempotencyKey },
  });
  return data.proposeDeal;
}

/** Adds an account to the organisation: the owner invites it and it accepts (see graphql.ts). */
export { addMember } from './graphql.js';
