import Fastify from 'fastify';
import { signCardUrl, verifyCardSignature } from '../../../src/charts/card-url';
import { registerCardRoutes } from '../../../src/console/card-route';

const SECRET = 's'.repeat(40);
const NOW = 1_800_000_000;

describe('signed card URLs', () => {
  it('signs a card id and expiry that verify until the expiry', () => {
    const url = new URL(signCardUrl('https://console.example/', SECRET, 'digest_c1_2027-03-03', NOW + 60));
    expect(url.pathname).toBe('/cards/digest_c1_2027-03-03.png');
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    expect(verifyCardSignature(SECRET, 'digest_c1_2027-03-03', exp, sig, NOW)).toBe(true);
    expect(verifyCardSignature(SECRET, 'digest_c1_2027-03-03', exp, sig, NOW + 61)).toBe(false);
    expect(verifyCardSignature(SECRET, 'digest_c2_2027-03-03', exp, sig, NOW)).toBe(false);
    expect(verifyCardSignature('t'.repeat(40), 'digest_c1_2027-03-03', exp, sig, NOW)).toBe(false);
    expect(verifyCardSignature(SECRET, 'digest_c1_2027-03-03', String(NOW + 3600), sig, NOW)).toBe(false);
  });
});

describe('registerCardRoutes', () => {
  const png = Buffer.from('\u0089PNG card bytes');
  const app = Fastify();
  registerCardRoutes(app, { store: { get: async (id) => (id === 'card1' ? png : null) }, secret: SECRET, nowSeconds: () => NOW });
  let base = '';
  beforeAll(async () => {
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  const get = (id: string, exp: number, edit: (url: string) => string = (u) => u) => fetch(edit(signCardUrl(base, SECRET, id, exp)));

  it('serves a stored card at its signed URL', async () => {
    const res = await get('card1', NOW + 60);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers 404 to a bad signature, an expired link or an unknown card', async () => {
    expect((await get('card1', NOW + 60, (u) => u.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`))).status).toBe(404);
    expect((await get('card1', NOW - 1)).status).toBe(404);
    expect((await get('card2', NOW + 60)).status).toBe(404);
    expect((await fetch(`${base}/cards/card1.png`)).status).toBe(404);
  });
});
