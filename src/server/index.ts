/** The server half of proxy mode: `createMfaProxy()` and the Node `http` adapter. */
export { createMfaProxy, factorList, DEFAULT_BASE_PATH, DEFAULT_RATE_LIMIT } from './proxy.js';
export type { MfaProxyOptions, MfaProxyHandler, ProxySession, ProxyTokens } from './proxy.js';
export type { ManagementCredentials } from './upstream.js';
export type { RateLimitOptions, RateLimitResult, ProxyRateLimit } from './rate-limit.js';
export { MemoryLimitStore, type LimitStore } from './limit-store.js';
export { RedisLimitStore, type RedisEvalClient, type RedisLimitStoreOptions } from './redis-limit-store.js';
export { toNodeHandler, toRequest, listenNode } from './node-handler.js';
export type { FetchHandler, NodeHandlerOptions, ListenOptions, Listening } from './node-handler.js';
