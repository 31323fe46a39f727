/**
 * `npm run bench`: prints figures; asserts nothing (budgets live in the issue notes, not in tests).
 * `npm run bench -- client` (or timeline, relay, relay-redis, hostile, plan, print, convergence, tours, feed) runs one part.
 * `npm run bench -- soak` (not in `all`): 1,000 clients over 200 rooms for SOAK_MINUTES (default 10).
 * `npm run bench -- reconnect-heap` (not in `all`): what 3,000 reconnects leave in the relay's live heap.
 */
const which = process.argv[2] ?? 'all';
const wants = (part: string) => which === 'all' || which === part;

if (wants('client')) {
  console.log('== client');
  const { runClientBench } = await import('./client');
  await runClientBench();
}
if (wants('timeline')) {
  console.log('== timeline');
  const { runTimelineBench } = await import('./timeline');
  await runTimelineBench();
}
if (wants('plan')) {
  console.log('== plan parsing');
  const { runPlanBench, runPlanCliBench } = await import('./plan-parse');
  await runPlanBench();
  runPlanCliBench();
}
if (wants('print')) {
  console.log('== print');
  const { runPrintBench } = await import('./print');
  await runPrintBench();
}
if (wants('convergence')) {
  console.log('== convergence');
  const { runConvergenceBench } = await import('./convergence');
  await runConvergenceBench();
}
if (wants('tours')) {
  console.log('== tours');
  const { runToursBench } = await import('./tours');
  await runToursBench();
}
if (wants('feed')) {
  console.log('== iCalendar feed');
  const { runFeedBench } = await import('./feed');
  await runFeedBench();
}
if (wants('hostile')) {
  console.log('== hostile clients');
  const { runHostileBench } = await import('./relay/hostile');
  await runHostileBench();
}
if (wants('relay')) {
  console.log('== relay');
  const { runRelayBench } = await import('./relay/index');
  await runRelayBench();
}
if (wants('relay') || which === 'relay-redis') {
  console.log('== relay: two relays + Redis');
  const { runTwoRelayBench } = await import('./relay/two-relay');
  await runTwoRelayBench();
}
if (which === 'reconnect-heap') {
  console.log('== relay: live heap after reconnects');
  const { runReconnectHeapBench } = await import('./relay/reconnect-heap');
  await runReconnectHeapBench();
}
if (which === 'soak') {
  console.log('== soak');
  const { runSoak } = await import('./relay/soak');
  await runSoak();
}

export {};
