import { csrfToken, newSession, openSession, readCookie, sealSession } from '../../../src/console/console-session';
import { createSignInLink, verifyLinkToken } from '../../../src/features/console-access';

const SECRET = 'unit-test-console-secret-0123456789abcdef';
const now = new Date('2027-03-01T08:00:00Z');

describe('console session cookie', () => {
  it('opens a session it sealed, until it expires', () => {
    const s = newSession({ platform: 'wechaty', userId: 'u1' }, now, 12);
    const sealed = sealSession(SECRET, s);
    expect(openSession(SECRET, sealed, now)).toEqual(s);
    expect(openSession(SECRET, sealed, new Date(now.getTime() + 12 * 3600_000))).toBeNull();
  });

  it('refuses a cookie sealed with another secret or altered', () => {
    const sealed = sealSession(SECRET, newSession({ platform: 'wechaty', userId: 'u1' }, now, 12));
    expect(openSession(`${SECRET}x`, sealed, now)).toBeNull();
    const body = Buffer.from(JSON.stringify(['wechaty', 'admin', 'sid', now.getTime() + 1e9])).toString('base64url');
    expect(openSession(SECRET, `${body}.${sealed.split('.')[1]!}`, now)).toBeNull();
    expect(openSession(SECRET, undefined, now)).toBeNull();
  });

  it('gives each session its own CSRF token', () => {
    const a = newSession({ platform: 'wechaty', userId: 'u1' }, now, 1);
    const b = newSession({ platform: 'wechaty', userId: 'u1' }, now, 1);
    expect(csrfToken(SECRET, a)).not.toBe(csrfToken(SECRET, b));
  });

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; cb_console=xyz.abc; b=2', 'cb_console')).toBe('xyz.abc');
    expect(readCookie(undefined, 'cb_console')).toBeUndefined();
  });
});

describe('console sign-in links', () => {
  it('stores only a hash of the token and verifies its own signature', async () => {
    const stored: string[] = [];
    const link = await createSignInLink({ createLink: async (hash) => void stored.push(hash) }, { secret: SECRET, publicUrl: 'https://console.example.org/', minutes: 10, now }, { platform: 'wechaty', userId: 'u1' });
    expect(link.url).toMatch(/^https:\/\/console\.example\.org\/login\//);
    expect(link.expiresAt).toEqual(new Date(now.getTime() + 600_000));
    const token = link.url.split('/').pop()!;
    const random = verifyLinkToken(SECRET, token);
    expect(random).not.toBeNull();
    expect(stored[0]).not.toContain(random!);
    expect(verifyLinkToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyLinkToken(SECRET, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  });
});
