/**
 * numfmt 4.0.x's `exports` map sends `require` to a file its tarball lacks
 * (jest.config.js maps it the same way): the benchmarks, compiled to CommonJS,
 * resolve it to the bundle it does ship. Imported first by main.ts.
 */
import Module from 'node:module';
import { join } from 'node:path';

const NUMFMT = join(__dirname, '../../../../node_modules/numfmt/dist/index.js');
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;
internals._resolveFilename = (request, ...rest) => resolve(request === 'numfmt' ? NUMFMT : request, ...rest);
