/**
 * Type-checks a snippet against Microsoft's declarations of Office.js in a
 * program of its own, so the global `Excel`/`Office` namespaces they declare
 * stay out of the project's types. The Excel host's and the commands' typed
 * surfaces are structural subsets of those declarations; their tests use this
 * to prove that Office's own objects fit them.
 */
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

/** The compiler's messages about `source` (and the project's files it imports). */
export function officeDiagnostics(source: string, checkFile: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === checkFile
      ? ts.createSourceFile(fileName, source, languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === checkFile || fileExists(fileName);
  const program = ts.createProgram([checkFile], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === checkFile || d.file?.fileName.startsWith(join(ROOT, 'src')))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
