/**
 * Lints sources that exist only in memory as if they were files of the repository, with the
 * project's own eslint.config.mjs: stdin is `[{ filePath, code }]` (paths relative to the
 * repository), stdout the messages of each. A child process, because ESLint loads its flat
 * config with a dynamic import(), which jest's module sandbox refuses.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import process from 'node:process';
import { text } from 'node:stream/consumers';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const sources = JSON.parse(await text(process.stdin));
const results = [];
for (const { filePath, code } of sources) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  results.push(result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })));
}
process.stdout.write(JSON.stringify(results));
