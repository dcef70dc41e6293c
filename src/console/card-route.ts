import type { FastifyInstance } from 'fastify';
import { verifyCardSignature, type CardStore } from '../charts/card-url';

/** What the card route needs: where the pictures are, the console secret that signed their URLs, and the clock. */
export interface CardRouteDeps {
  store: Pick<CardStore, 'get'>;
  secret: string;
  /** Unix seconds; default: the wall clock. */
  nowSeconds?: () => number;
}

/**
 * GET /cards/<id>.png?exp=&sig=: a digest or scorecard picture for a DingTalk robot message. No
 * sign-in (the robot's chat fetches it), so the signature and expiry are the only key: a wrong
 * or expired link and an unknown card all answer 404 alike, saying nothing about which.
 */
export function registerCardRoutes(app: FastifyInstance, deps: CardRouteDeps): void {
  const now = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  app.get<{ Params: { file: string }; Querystring: { exp?: string; sig?: string } }>('/cards/:file', async (request, reply) => {
    const id = /^(.+)\.png$/.exec(request.params.file)?.[1] ?? '';
    const { exp = '', sig = '' } = request.query;
    const png = verifyCardSignature(deps.secret, id, exp, sig, now()) ? await deps.store.get(id) : null;
    if (!png) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply
      .type('image/png')
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(png);
  });
}
