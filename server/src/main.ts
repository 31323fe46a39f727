import { loadConfig } from './config';
import { createLogger } from './log';
import { startServer } from './server';

const config = loadConfig();
const log = createLogger(config.logLevel);

process.on('uncaughtException', (err) => {
  log.error('uncaught exception', { err, stack: err.stack });
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  log.error('unhandled rejection', { err: err instanceof Error ? err : String(err) });
});

const running = await startServer(config, log).catch((err: Error) => {
  log.error('failed to start', { err });
  process.exit(1);
});

// The test helper waits for this line and reads the port from it.
log.info('listening', { port: running.port, host: config.host, dataDir: config.dataDir, staticDir: config.staticDir });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  const force = setTimeout(() => {
    log.error('shutdown timed out');
    process.exit(1);
  }, 15_000);
  force.unref();
  try {
    await running.close();
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error('shutdown failed', { err: err as Error });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
