/**
 * Runs the durable jobs of store/jobs.ts when they fall due. One timer, aimed at the next due time and
 * capped at MAX_SLEEP_MS so that jobs added meanwhile are picked up at most that late.
 * Every handler is safe to run twice (it checks that its object is still pending), so a crash between
 * the outcome and `markJobDone` only repeats a no-op.
 */
import type { Deps } from './http/env.ts';
import { dueJobs, markJobDone, nextDueAt, type JobRow } from './store/jobs.ts';
import { findAction } from './store/payments.ts';
import { resolveAction } from './payments/actions.ts';
import { settleRefund } from './refunds/settle.ts';

const MAX_SLEEP_MS = 250;

export interface Scheduler {
  start(): void;
  stop(): void;
}

function runJob(deps: Deps, job: JobRow): void {
  switch (job.kind) {
    case 'action_outcome': {
      const action = findAction(deps.db, job.ref);
      if (!action) return;
      if (action.scenario === 'approve') resolveAction(deps, job.ref, 'approve');
      else if (action.scenario === 'approval_rejected') resolveAction(deps, job.ref, 'decline');
      else if (action.scenario === 'insufficient_funds') resolveAction(deps, job.ref, 'insufficient_funds');
      return;
    }
    case 'action_expiry':
      resolveAction(deps, job.ref, 'expire');
      return;
    case 'refund_settle':
      settleRefund(deps, job.ref);
      return;
  }
}

export function createScheduler(deps: Deps): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  function tick(): void {
    timer = null;
    if (!running) return;
    const now = Date.now();
    for (const job of dueJobs(deps.db, now)) {
      try {
        runJob(deps, job);
      } catch (error) {
        console.error(`[sandbox] scheduled job ${job.kind} ${job.ref} failed`, error);
      }
      markJobDone(deps.db, job.id, Date.now());
    }
    arm();
  }

  function arm(): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const next = nextDueAt(deps.db);
    const delay = next === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - Date.now()));
    timer = setTimeout(tick, delay);
  }

  return {
    start() {
      running = true;
      arm();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
