/** `npm run bench`: prints figures; no assertions. `npm run bench -- client` (or relay) runs one part. */
const which = process.argv[2] ?? 'all';
const wants = (part: string) => which === 'all' || which === part;

if (wants('client')) {
  console.log('== client');
  const { runClientBench } = await import('./client');
  await runClientBench();
}
if (wants('relay')) {
  console.log('== relay');
  const { runRelayBench } = await import('./relay/index');
  await runRelayBench();
}
export {};
