import { createHmac, randomBytes } from 'node:crypto';
import { signDingtalkUrl } from '../../../../../src/features/reporting/webhooks/dingtalk-robot';

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';
const SECRET = 'SEC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b';

/** The documented algorithm, written out independently: HmacSHA256(secret, `${ts}\n${secret}`) → base64. */
function expectedBase64(timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function params(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe('signDingtalkUrl', () => {
  it('matches a fixed vector (also produced by the Python snippet in DingTalk docs: quote_plus(b64encode(hmac)))', () => {
    const url = signDingtalkUrl(WEBHOOK, SECRET, 1700000000000);
    expect(url).toBe(`${WEBHOOK}&timestamp=1700000000000&sign=ojoUjT7Ww%2Fu43a9NnznAMymYg%2Br9dgAN28WOlvPUODU%3D`);
  });

  it('percent-encodes the base64 "+", "/" and "=" so they survive as query characters', () => {
    const url = signDingtalkUrl(WEBHOOK, SECRET, 1700000000000);
    const rawSign = url.slice(url.indexOf('&sign=') + '&sign='.length);
    expect(rawSign).not.toMatch(/[+/=]/);
    expect(rawSign).toContain('%2B');
    expect(rawSign).toContain('%2F');
    expect(rawSign.endsWith('%3D')).toBe(true);
    // A receiver that URL-decodes the query gets the exact base64 digest back.
    expect(params(url).get('sign')).toBe(expectedBase64(1700000000000, SECRET));
  });

  it('agrees with an independent node:crypto computation for random secrets and timestamps', () => {
    for (let i = 0; i < 50; i++) {
      const secret = `SEC${randomBytes(32).toString('hex')}`;
      const ts = 1_600_000_000_000 + Math.floor(Math.random() * 200_000_000_000);
      const p = params(signDingtalkUrl(WEBHOOK, secret, ts));
      expect(p.get('access_token')).toBe('abc123');
      expect(p.get('timestamp')).toBe(String(ts));
      expect(p.get('sign')).toBe(expectedBase64(ts, secret));
    }
  });

  it('signs a different value when the timestamp changes', () => {
    const a = params(signDingtalkUrl(WEBHOOK, SECRET, 1700000000000)).get('sign');
    const b = params(signDingtalkUrl(WEBHOOK, SECRET, 1700000000001)).get('sign');
    expect(a).not.toBe(b);
  });

  it('starts the query with "?" when the webhook URL has none', () => {
    const url = signDingtalkUrl('http://127.0.0.1:9/robot/send', SECRET, 1700000000000);
    expect(url.startsWith('http://127.0.0.1:9/robot/send?timestamp=1700000000000&sign=')).toBe(true);
  });

  it('signs whole milliseconds', () => {
    expect(params(signDingtalkUrl(WEBHOOK, SECRET, 1700000000000.9)).get('timestamp')).toBe('1700000000000');
  });
});
