/**
 * The React shop's settings: the demo shop's (`@soxara/demo`), read under this shop's own names, so
 * that `pnpm start` can run both side by side with one environment.
 */
import { readConfig, type DemoConfig } from '@soxara/demo/config';

export function readReactDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return readConfig({
    ...env,
    DEMO_PORT: env.REACT_DEMO_PORT ?? '3001',
    DEMO_URL: env.REACT_DEMO_URL,
    DEMO_DATA_DIR: env.REACT_DEMO_DATA_DIR ?? '.data/react-demo',
  });
}
