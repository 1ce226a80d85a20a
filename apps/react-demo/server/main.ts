/**
 * The React shop's process: its own database, with order numbers in a range of their own (it shares
 * the Soxara account, and so the webhook events, with the demo shop), run as the demo shop runs.
 * `pnpm start` runs it beside the demo shop with the stack's environment.
 */
import path from 'node:path';
import { Soxara } from '@soxara/node';
import { openDatabase } from '@soxara/demo/db';
import { logLine, runShop } from '@soxara/demo/shop-process';
import { createApp } from './app.ts';
import { readReactDemoConfig } from './config.ts';

/** The demo shop numbers its orders below 100,000,000 (apps/demo/src/db.ts). */
const REACT_ORDER_NUMBERS_FROM = 900_000_000;

const config = readReactDemoConfig();
const db = openDatabase(path.join(config.dataDir, 'react-demo.sqlite'), { orderNumbersFrom: REACT_ORDER_NUMBERS_FROM });
const soxara = new Soxara(config.secretKey, { baseUrl: config.apiUrl });

runShop({ name: 'React demo shop', app: createApp({ db, soxara, config, log: logLine }), db, soxara, config, log: logLine });
