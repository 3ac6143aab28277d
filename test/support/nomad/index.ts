// Entry point of the fake Nomad test server for other test suites.
export { startFakeNomad } from './server';
export type { FakeNomad, FakeNomadOptions, RecordedRequest } from './server';
export { nomadTarget } from './target';
export type { NomadTarget } from './target';
export { FakeNomadState } from './state';
export type { FakeNode } from './nodes';
export type { Route, RouteHandler, RouteRequest, ReadResult } from './routes';
export { HttpError, Reply } from './httpError';
export { generateTestPki, opensslAvailable } from './pki';
