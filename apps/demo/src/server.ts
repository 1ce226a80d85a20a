/**
 * The demo shop's process: open the database, make the app, and run it (shop-process.ts: serve,
 * register the webhook endpoint once the API is up). `pnpm start` runs it with the stack's env.
 */
import path from 'node:path';
import { Soxara } from '@soxara/node';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db.ts';
import { logLine, runShop } from './shop-process.ts';

const config = readConfig();
const db = openDatabase(path.join(config.dataDir, 'demo.sqlite'));
const soxara = new Soxara(config.secretKey, { baseUrl: config.apiUrl });

runShop({ name: 'demo shop', app: createApp({ db, soxara, config, log: logLine }), db, soxara, config, log: logLine });
