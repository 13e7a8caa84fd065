/**
 * A readable summary of a User-Agent header for the sessions list ("Chrome 120", "Windows 10").
 * No parsing library is installed, and the list only needs the browser family with its major
 * version and the operating system, so this reads the tokens browsers have sent for years. Order
 * matters: Chromium-based browsers also say "Chrome" and "Safari", so the specific ones come first.
 */
export interface UserAgentSummary {
  /** "Chrome 120", "Cốc Cốc 118", "Safari 17"…; null when the agent is not a known browser. */
  browser: string | null;
  /** "Windows 10", "macOS", "iOS 17.1", "Android 14"…; null when unknown. */
  os: string | null;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bcoc_coc_browser\/(\d+)/i, 'Cốc Cốc'],
  [/\bZalo(?:Theme)?\/?(\d+)?/i, 'Zalo'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bYaBrowser\/(\d+)/, 'Yandex'],
  [/\bFBAV\/(\d+)/, 'Facebook'],
  [/\bHeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\b(?:Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+(?:\.\d+)?)(?:\.\d+)*(?: Mobile\/\S+)? Safari\//, 'Safari'],
  [/\bcurl\/(\d+)/, 'curl'],
];

const WINDOWS: Record<string, string> = { '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7', '6.0': 'Vista', '5.1': 'XP' };

function operatingSystem(ua: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /\bWindows NT (\d+\.\d+)/.exec(ua))) return `Windows ${WINDOWS[m[1]] ?? m[1]}`;
  if (/\bWindows\b/.test(ua)) return 'Windows';
  if ((m = /\biPad\b.*?\bOS (\d+(?:_\d+)?)/.exec(ua))) return `iPadOS ${m[1].replace('_', '.')}`;
  if ((m = /\b(?:iPhone|iPod)\b.*?\bOS (\d+(?:_\d+)?)/.exec(ua))) return `iOS ${m[1].replace('_', '.')}`;
  if ((m = /\bAndroid (\d+(?:\.\d+)?)/.exec(ua))) return `Android ${m[1]}`;
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bUbuntu\b/.test(ua)) return 'Ubuntu';
  if (/\bLinux\b|\bX11\b/.test(ua)) return 'Linux';
  return null;
}

export function describeUserAgent(ua: string | null | undefined): UserAgentSummary {
  if (!ua) return { browser: null, os: null };
  let browser: string | null = null;
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(ua);
    if (m) {
      browser = m[1] ? `${name} ${m[1]}` : name;
      break;
    }
  }
  return { browser, os: operatingSystem(ua) };
}

/**
 * Robots rather than people: crawlers, link previews, headless browsers and HTTP libraries, by the
 * words they name themselves with. A missing User-Agent counts as one (every browser sends it).
 * Used where only people should count (a listing's views).
 */
const ROBOT =
  /bot\b|bot\/|crawl|spider|slurp|headless|lighthouse|phantomjs|puppeteer|playwright|selenium|facebookexternalhit|embedly|preview|^curl\/|wget\/|python-|node-fetch|undici|axios\/|go-http-client|^java\/|okhttp|httpclient|scrapy|monitor|^node$/i;

/** Phone makers whose name ends in "bot" (CUBOT's models say "CUBOT X30", "CUBOT_P60"): people, not crawlers. */
const PHONE_MAKERS_NAMED_BOT = /cubot/gi;

export function isRobot(ua: string | null | undefined): boolean {
  return !ua || !ua.trim() || ROBOT.test(ua.replace(PHONE_MAKERS_NAMED_BOT, ''));
}
