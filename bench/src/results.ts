/** The shape of bench/results.json: everything the table, the README and the HTML report are made from. */
import type { Machine } from './machine.ts';
import type { Outcome } from './outcome.ts';
import type { ScriptSizes } from './measures/script-size.ts';
import type { ReactBindingsSizes } from './measures/react-bindings-size.ts';
import type { FeatureCosts } from './measures/feature-cost.ts';
import type { FramePayloads } from './measures/frame-payload.ts';
import type { ServedScript } from './measures/served-script.ts';
import type { MountReady } from './measures/mount-ready.ts';
import type { KeystrokeLatency } from './measures/keystroke.ts';
import type { ConfirmOverhead } from './measures/confirm-overhead.ts';
import type { MomoWallet } from './measures/momo-wallet.ts';
import type { ApiThroughput } from './measures/api-throughput.ts';
import type { Slow3g } from './measures/slow-3g.ts';

export interface BenchResults {
  generatedAt: string;
  durationS: number;
  machine: Machine;
  chromium: string;
  stack: { apiUrl: string; jsUrl: string; merchantUrl: string; momoDelayMs: number; momoExpiryMs: number };
  scriptSizes: Outcome<ScriptSizes>;
  servedScript: Outcome<ServedScript>;
  reactBindings: Outcome<ReactBindingsSizes>;
  /** Optional: results.json files written before row 1c existed. */
  featureCosts?: Outcome<FeatureCosts>;
  framePayloads: Outcome<FramePayloads>;
  mountReady: Outcome<MountReady>;
  keystrokes: Outcome<KeystrokeLatency>;
  confirm: Outcome<ConfirmOverhead>;
  momoWallet: Outcome<MomoWallet>;
  api: Outcome<ApiThroughput>;
  /** Absent from results written before it existed. */
  slow3g?: Outcome<Slow3g>;
}
