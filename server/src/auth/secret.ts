import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The HS256 signing secret: RELAY_SECRET if given, else DATA_DIR/secret,
 * created with 32 random bytes (mode 0600) on first start.
 */
export function loadSecret(dataDir: string, fromEnv: string | undefined): Uint8Array {
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('RELAY_SECRET must be at least 16 characters');
    return new TextEncoder().encode(fromEnv);
  }
  const file = path.join(dataDir, 'secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, crypto.randomBytes(32).toString('base64url') + '\n');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 16) throw new Error(`${file} is too short to be a secret`);
  return new TextEncoder().encode(text);
}
