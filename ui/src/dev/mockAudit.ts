// The audit half of the mock host (`npm run dev:mock`).
import type { TransitionHost } from './mockTransition';

type Args = Record<string, unknown>;

const NOT_HANDLED = Symbol('not handled');

export function handleAudit(cmd: string, _a: Args, _host: TransitionHost): unknown {
  switch (cmd) {
    default:
      return NOT_HANDLED;
  }
}

export function isAuditHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}

export function resetAudit(): void {}
