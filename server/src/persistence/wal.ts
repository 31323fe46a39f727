import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Write-ahead log for document updates: one preallocated file, appended with
 * one `write` per group-commit batch on a descriptor opened with O_DSYNC (the
 * write returns once the data is on disk; or `write` + `fdatasync` with
 * RELAY_WAL_SYNC=fdatasync). Overwriting preallocated
 * blocks needs no file-size (metadata) change, so fdatasync is a data flush
 * only — much cheaper than a synced LevelDB batch.
 *
 * Record framing (little endian):
 *
 *   u32 bodyLength • u32 crc32(body) • body
 *   body := u32 epoch • u16 docIdLength • docId (utf8) • f64 seq • update bytes
 *
 * Each epoch starts at offset 0 of one of two files, alternately (the epoch
 * number is stored durably in LevelDB by each checkpoint). Reading stops at the
 * first record that is zero-length, runs past the end of the file, fails its
 * checksum or carries another epoch: a torn last write (crash mid-`write`)
 * and leftovers of older epochs are both ignored.
 */
export interface WalRecord {
  docId: string;
  seq: number;
  update: Uint8Array;
}

const HEADER = 8;
const BODY_FIXED = 4 + 2 + 8;

/** CRC-32 of a range (zlib's, native since Node 20.15). */
export const crc32 = (buf: Uint8Array, start = 0, end = buf.length): number => zlib.crc32(buf.subarray(start, end));

/** Frames records for one write. */
export function encodeRecords(epoch: number, records: readonly WalRecord[]): Buffer {
  let size = 0;
  const ids: Buffer[] = [];
  for (const r of records) {
    const id = Buffer.from(r.docId, 'utf8');
    ids.push(id);
    size += HEADER + BODY_FIXED + id.length + r.update.length;
  }
  const out = Buffer.allocUnsafe(size);
  let pos = 0;
  records.forEach((r, i) => {
    const id = ids[i]!;
    const bodyLen = BODY_FIXED + id.length + r.update.length;
    const body = pos + HEADER;
    out.writeUInt32LE(bodyLen, pos);
    out.writeUInt32LE(epoch >>> 0, body);
    out.writeUInt16LE(id.length, body + 4);
    id.copy(out, body + 6);
    out.writeDoubleLE(r.seq, body + 6 + id.length);
    out.set(r.update, body + BODY_FIXED + id.length);
    out.writeUInt32LE(crc32(out, body, body + bodyLen), pos + 4);
    pos = body + bodyLen;
  });
  return out;
}

/** The valid prefix of a log: records of `epoch` up to the first bad or foreign one. */
export function decodeRecords(buf: Uint8Array, epoch: number): { records: WalRecord[]; end: number } {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const records: WalRecord[] = [];
  let pos = 0;
  while (pos + HEADER + BODY_FIXED <= view.length) {
    const bodyLen = view.readUInt32LE(pos);
    if (bodyLen < BODY_FIXED || pos + HEADER + bodyLen > view.length) break;
    const body = pos + HEADER;
    if (crc32(view, body, body + bodyLen) !== view.readUInt32LE(pos + 4)) break;
    if (view.readUInt32LE(body) !== epoch >>> 0) break;
    const idLen = view.readUInt16LE(body + 4);
    if (BODY_FIXED + idLen > bodyLen) break;
    const docId = view.toString('utf8', body + 6, body + 6 + idLen);
    const seq = view.readDoubleLE(body + 6 + idLen);
    const update = new Uint8Array(view.subarray(body + BODY_FIXED + idLen, body + bodyLen));
    records.push({ docId, seq, update });
    pos = body + bodyLen;
  }
  return { records, end: pos };
}

interface LogFile {
  fd: number;
  /** Same file opened with O_DSYNC (each write returns once on disk), or -1: write + fdatasync. */
  dsyncFd: number;
}

function openFile(file: string, prealloc: number, dsync: boolean): { f: LogFile; data: Buffer } {
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644);
  const size = fs.fstatSync(fd).size;
  const data = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = fs.readSync(fd, data, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  if (size < prealloc) {
    // Allocate the blocks once (zeros read as "end of log"), so later
    // synced writes only flush data.
    const zeros = Buffer.alloc(Math.min(prealloc - size, 1 << 20));
    for (let off = size; off < prealloc; off += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, prealloc - off), off);
    fs.fsyncSync(fd);
  }
  // O_DSYNC: one system call (one thread-pool job) per batch instead of write + fdatasync.
  const dsyncFd = dsync && fs.constants.O_DSYNC ? fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_DSYNC) : -1;
  return { f: { fd, dsyncFd }, data: data.subarray(0, read) };
}

/**
 * Two files, `<base>-0.wal` and `<base>-1.wal`: epoch e is written to file
 * e % 2. A checkpoint of epoch e (a LevelDB batch that records epoch e + 1)
 * runs while new appends already go to epoch e + 1 in the other file, so the
 * hot path never waits for LevelDB. File e % 2 is reused (epoch e + 2) only
 * after that checkpoint has committed.
 */
export class WriteAheadLog {
  /** Next write offset in the current file. */
  private pos = 0;
  /** Bytes written in the current epoch. */
  bytes = 0;
  /**
   * Offset of the earliest write of this epoch that failed, or null. Reading stops at the
   * first bad record, so nothing may be acknowledged past it: once the writes in flight
   * have settled, `rewind()` makes the next one overwrite it.
   */
  failedAt: number | null = null;
  /** Test hook: an error to fail the next write with (a full or failing disk). */
  fault: (() => Error | undefined) | null = null;

  private constructor(
    private readonly files: [LogFile, LogFile],
    public epoch: number,
  ) {}

  /**
   * Opens (creating and preallocating if needed) both files and returns the
   * records of epochs `epoch` and `epoch + 1` (a crash during a checkpoint
   * leaves both), oldest first. The caller must store them and call
   * `restart(epoch + 2)` before appending.
   */
  static open(base: string, epoch: number, prealloc: number, dsync = true): { wal: WriteAheadLog; records: WalRecord[] } {
    const a = openFile(`${base}-0.wal`, prealloc, dsync);
    const b = openFile(`${base}-1.wal`, prealloc, dsync);
    const byParity = [a, b];
    const records = [
      ...decodeRecords(byParity[epoch % 2]!.data, epoch).records,
      ...decodeRecords(byParity[(epoch + 1) % 2]!.data, epoch + 1).records,
    ];
    return { wal: new WriteAheadLog([a.f, b.f], epoch), records };
  }

  /** Continue in a new epoch at offset 0 of its file (see the class comment for when that is safe). */
  restart(epoch: number): void {
    this.epoch = epoch;
    this.pos = 0;
    this.bytes = 0;
    this.failedAt = null;
  }

  /** After a failed write (and once none is in flight): continue from where it started. */
  rewind(): void {
    if (this.failedAt === null) return;
    this.pos = this.bytes = this.failedAt;
    this.failedAt = null;
  }

  /** Appends records and resolves once they are on disk. */
  append(records: readonly WalRecord[]): Promise<void> {
    const buf = encodeRecords(this.epoch, records);
    const at = this.pos;
    this.pos += buf.length;
    this.bytes += buf.length;
    const file = this.files[this.epoch % 2]!;
    const dsync = file.dsyncFd >= 0;
    const fd = dsync ? file.dsyncFd : file.fd;
    return new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        this.failedAt = this.failedAt === null ? at : Math.min(this.failedAt, at);
        reject(err);
      };
      const injected = this.fault?.();
      if (injected) {
        setImmediate(() => fail(injected));
        return;
      }
      const write = (off: number) => {
        fs.write(fd, buf, off, buf.length - off, at + off, (err, n) => {
          if (err) return fail(err);
          if (off + n < buf.length) return write(off + n);
          if (dsync) resolve();
          else fs.fdatasync(fd, (err2) => (err2 ? fail(err2) : resolve()));
        });
      };
      write(0);
    });
  }

  close(): void {
    for (const f of this.files) {
      if (f.dsyncFd >= 0) fs.closeSync(f.dsyncFd);
      fs.closeSync(f.fd);
    }
  }
}
