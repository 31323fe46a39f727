export { relayMetrics, metricsRegistry, bindRelayStats, closeReason, REJECT_REASONS, STORE_BUCKETS, type RejectReason, type StoreOp, type RelayMetrics } from './relay-metrics';
export { instrumentPersistence } from './instrument-persistence';
export { Counter, Gauge, Histogram, MetricsRegistry, EXPOSITION_CONTENT_TYPE } from './registry';
