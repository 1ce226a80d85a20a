/**
 * `POST /v1/test_helpers/accounts` (sandbox only): a further isolated account with its own keys. No key;
 * the admin token when the sandbox listens beyond loopback (http/admin-token.ts).
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/env.ts';
import { ok } from '../http/respond.ts';
import { parseBody } from '../http/body.ts';
import { emptyBodySchema } from '../http/schemas.ts';
import { createAccount } from '../store/accounts.ts';
import { requireAdminToken } from '../http/admin-token.ts';

export function accountRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/test_helpers/accounts', requireAdminToken(deps));

  app.post('/test_helpers/accounts', async (c) => {
    await parseBody(c, emptyBodySchema);
    const account = createAccount(deps.db);
    return ok(c, { id: account.id, publishable_key: account.publishable_key, secret_key: account.secret_key });
  });
  return app;
}
