/** Dates as people in Vietnam read them, for notification and e-mail texts. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function dateVi(d: Date): string {
  return d.toLocaleDateString('vi-VN', { timeZone: TIME_ZONE });
}

export function dateEn(d: Date): string {
  return d.toLocaleDateString('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
}
