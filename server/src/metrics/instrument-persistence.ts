import type { Persistence } from '../persistence/persistence';
import { relayMetrics, type StoreOp } from './relay-metrics';

const TIMED = new Set<PropertyKey>(['load', 'append', 'compact'] satisfies StoreOp[]);

/**
 * The same store, with every load/append/compact timed into relay_store_seconds{op} (and
 * failures counted in relay_store_errors_total{op}). A pure wrapper: each call goes to the
 * store at once, in call order (the seam's ordering contract is kept), and its promise is
 * the store's own, observed on the side.
 *
 * A Proxy rather than a class, so that everything else the store has passes through
 * unchanged: `instanceof LevelPersistence` still holds, `unhealthy` and `onStorageError`
 * still work, and a store with more methods than the seam (Redis fan-out) keeps them.
 */
export function instrumentPersistence<P extends Persistence>(store: P): P {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      let fn = wrapped.get(prop);
      if (fn && (fn as { inner?: unknown }).inner === value) return fn;
      const inner = value as (...args: unknown[]) => unknown;
      if (TIMED.has(prop)) {
        const op = prop as StoreOp;
        fn = Object.assign(
          (...args: unknown[]) => {
            const t0 = performance.now();
            const result = inner.apply(target, args) as Promise<unknown>;
            result.then(
              () => relayMetrics.storeLatency.observe({ op }, (performance.now() - t0) / 1000),
              () => {
                relayMetrics.storeLatency.observe({ op }, (performance.now() - t0) / 1000);
                relayMetrics.storeErrors.inc({ op });
              },
            );
            return result;
          },
          { inner },
        );
      } else {
        fn = Object.assign((...args: unknown[]) => inner.apply(target, args), { inner });
      }
      wrapped.set(prop, fn);
      return fn;
    },
  });
}
