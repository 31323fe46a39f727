/**
 * The few globals the domain core may use: the ones browsers and Node (≥ 20) both provide with
 * the same behaviour. Anything else (DOM, Node modules, timers) is out of reach on purpose, so
 * shared/ runs the same in the app, the relay and the tests.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}

declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
