/**
 * Runs the real `plumbline` binary (built by `npm run build`, which `npm test`
 * does first) as a child process, the way a user or a script would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(__dirname, '../../bin/plumbline.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningCli {
  child: ChildProcess;
  output: string;
  url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a long-running command and waits until it has printed its URL and
 * `ready` (by default the URL's line is enough).
 */
export function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  ready: RegExp = /\n/,
): Promise<RunningCli> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let output = '';
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${output}`)), 20_000);
    let started = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && ready.test(output.slice(output.indexOf(match[1]!)))) {
        if (started) return;
        started = true;
        setTimeout(() => {
          clearTimeout(timer);
          resolve({
            child,
            get output() {
              return output;
            },
            url: match[1]!,
            stop: async (signal = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              await exited;
            },
          });
        }, 0);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing a URL:\n${output}`)));
  });
}
