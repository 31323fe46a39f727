/**
 * Our relay with its documents in memory only (MemoryPersistence, the unit tests' store):
 * every check, apply and forward as in production, no disk. Bench only (`ours-nostore`), to
 * split our CPU per delivery into what storage costs and what the relay's own work costs.
 * Never a deployment mode: a restart loses everything.
 */
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { startServer } from '../../server/src/server';
import { MemoryPersistence } from '../../server/src/persistence/memory';

const config = loadConfig();
const log = createLogger(config.logLevel);
const running = await startServer(config, log, new MemoryPersistence());
log.info('listening', { port: running.port });
process.on('SIGTERM', () => void running.close().finally(() => process.exit(0)));
