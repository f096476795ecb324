/** What crossed the boundary between the library and the simulated Excel, for tests and benchmarks. */
export interface SimCounters {
  /** Requests the library sent: one per `context.sync()` with work to do, plus reference clean-ups. */
  roundTrips: number;
  /** Of those, the ones `Excel.run` sends at its end to release kept references. */
  cleanupRoundTrips: number;
  /** `roundTrips - cleanupRoundTrips`: the `context.sync()` calls that reached Excel. */
  syncs: number;
  /** UTF-8 bytes of the request bodies, rejected ones included. */
  requestBytes: number;
  responseBytes: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Requests refused for exceeding the request or response payload limit. */
  rejectedRequests: number;
  actions: number;
}

export function emptyCounters(): SimCounters {
  return {
    roundTrips: 0,
    cleanupRoundTrips: 0,
    syncs: 0,
    requestBytes: 0,
    responseBytes: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    rejectedRequests: 0,
    actions: 0,
  };
}
