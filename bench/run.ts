/** `npm run bench`: prints figures; no assertions. `npm run bench -- client` or `-- relay` runs one part. */
import { runClientBench } from './client';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'client') {
  console.log('== client');
  await runClientBench();
}
