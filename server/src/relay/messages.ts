import { AuthMessageType, MessageType, SyncMessageType } from '../../../shared/src/protocol/message-types';

/**
 * Strict reader and writers for the y-websocket wire format (server/PROTOCOL.md).
 * Reading never trusts a length: truncated varints, lengths past the end and
 * trailing bytes all throw ProtocolError, so a bad frame is refused whole.
 */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state as sent (bytes), `null` meaning "gone". */
  state: Uint8Array;
}

export type Incoming =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'auth' }
  | { kind: 'query-awareness' };

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  varUint(): number {
    let num = 0;
    let mult = 1;
    const buf = this.buf;
    while (this.pos < buf.length) {
      const b = buf[this.pos++]!;
      num += (b & 0x7f) * mult;
      if (b < 0x80) return num;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER || mult > 2 ** 56) throw new ProtocolError('varint too long');
    }
    throw new ProtocolError('truncated varint');
  }

  bytes(): Uint8Array {
    const len = this.varUint();
    if (len > this.buf.length - this.pos) throw new ProtocolError('length past end of frame');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  end(): void {
    if (this.pos !== this.buf.length) throw new ProtocolError('trailing bytes');
  }
}

const NULL_JSON = new Uint8Array([0x6e, 0x75, 0x6c, 0x6c]); // "null"

export function isNullState(state: Uint8Array): boolean {
  return state.length === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c;
}

/** Parses an awareness update (the payload inside an Awareness message). */
export function readAwarenessUpdate(payload: Uint8Array): AwarenessEntry[] {
  const r = new Reader(payload);
  const n = r.varUint();
  if (n > payload.length) throw new ProtocolError('awareness entry count past end');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = r.varUint();
    const clock = r.varUint();
    const state = r.bytes();
    entries.push({ clientId, clock, state });
  }
  r.end();
  return entries;
}

/** The one dispatcher over message types: frame bytes -> typed message. */
export function readMessage(frame: Uint8Array): Incoming {
  const r = new Reader(frame);
  const type = r.varUint();
  let msg: Incoming;
  switch (type) {
    case MessageType.Sync: {
      const sub = r.varUint();
      const payload = r.bytes();
      switch (sub) {
        case SyncMessageType.Step1:
          msg = { kind: 'sync-step1', stateVector: payload };
          break;
        case SyncMessageType.Step2:
          msg = { kind: 'sync-update', update: payload, step2: true };
          break;
        case SyncMessageType.Update:
          msg = { kind: 'sync-update', update: payload, step2: false };
          break;
        default:
          throw new ProtocolError(`unknown sync message type ${sub}`);
      }
      break;
    }
    case MessageType.Awareness:
      msg = { kind: 'awareness', entries: readAwarenessUpdate(r.bytes()) };
      break;
    case MessageType.Auth:
      // Clients have nothing to say in the auth protocol; read and ignore.
      r.varUint();
      r.bytes();
      msg = { kind: 'auth' };
      break;
    case MessageType.QueryAwareness:
      msg = { kind: 'query-awareness' };
      break;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
  r.end();
  return msg;
}

// ---- writers --------------------------------------------------------------

function varUintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

function writeVarUint(buf: Uint8Array, pos: number, n: number): number {
  while (n >= 0x80) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[pos++] = n;
  return pos;
}

/** varUint(type) • varUint(sub) • varByteArray(payload), in one allocation. */
function frame2(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(varUintSize(type) + varUintSize(sub) + varUintSize(payload.length) + payload.length);
  let pos = writeVarUint(out, 0, type);
  pos = writeVarUint(out, pos, sub);
  pos = writeVarUint(out, pos, payload.length);
  out.set(payload, pos);
  return out;
}

export const writeSyncStep1 = (stateVector: Uint8Array) => frame2(MessageType.Sync, SyncMessageType.Step1, stateVector);
export const writeSyncStep2 = (update: Uint8Array) => frame2(MessageType.Sync, SyncMessageType.Step2, update);
export const writeUpdate = (update: Uint8Array) => frame2(MessageType.Sync, SyncMessageType.Update, update);

export function writePermissionDenied(reason: string): Uint8Array {
  return frame2(MessageType.Auth, AuthMessageType.PermissionDenied, new TextEncoder().encode(reason));
}

/** An Awareness message carrying the given entries. */
export function writeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  let size = varUintSize(entries.length);
  for (const e of entries) size += varUintSize(e.clientId) + varUintSize(e.clock) + varUintSize(e.state.length) + e.state.length;
  const out = new Uint8Array(1 + varUintSize(size) + size);
  let pos = writeVarUint(out, 0, MessageType.Awareness);
  pos = writeVarUint(out, pos, size);
  pos = writeVarUint(out, pos, entries.length);
  for (const e of entries) {
    pos = writeVarUint(out, pos, e.clientId);
    pos = writeVarUint(out, pos, e.clock);
    pos = writeVarUint(out, pos, e.state.length);
    out.set(e.state, pos);
    pos += e.state.length;
  }
  return out;
}

export { NULL_JSON };

/**
 * A whole unmasked, final, binary WebSocket frame (RFC 6455 §5.2) around
 * payload, built once and written to every recipient's socket.
 */
export function wireFrame(payload: Uint8Array): Buffer {
  const len = payload.length;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + len);
  out[0] = 0x82;
  if (len < 126) {
    out[1] = len;
  } else if (len < 65536) {
    out[1] = 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 127;
    out.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    out.writeUInt32BE(len >>> 0, 6);
  }
  out.set(payload, head);
  return out;
}
