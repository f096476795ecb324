/**
 * jsdom, plus the web platform pieces a browser has and jsdom lacks (fetch and
 * its streams, TextDecoder, crypto.randomUUID), taken from Node's own
 * implementations, so the pane talks to a real store over HTTP as it does in a browser.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    Object.assign(g, {
      fetch,
      Request,
      Response,
      Headers,
      ReadableStream,
      TextDecoder,
      TextEncoder,
      AbortController,
      AbortSignal,
      structuredClone,
    });
    if (!g.crypto || !g.crypto.randomUUID) g.crypto = globalThis.crypto;
  }
}

module.exports = JsdomWithFetch;
