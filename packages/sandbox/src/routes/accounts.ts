/** `POST /v1/test_helpers/accounts` (no auth, sandbox only): a further isolated account with its own keys. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/env.ts';
import { ok } from '../http/respond.ts';
import { parseBody } from '../http/body.ts';
import { emptyBodySchema } from '../http/schemas.ts';
import { createAccount } from '../store/accounts.ts';

export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/test_helpers/accounts', async (c) => {
    await parseBody(c, emptyBodySchema);
    const account = createAccount(deps.db);
    return ok(c, { id: account.id, publishable_key: account.publishable_key, secret_key: account.secret_key });
  });
  return app;
}
