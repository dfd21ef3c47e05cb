/** Runs a Node script of the project the way npm runs it, asynchronously (a server in the test's own process must keep answering). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT } from './build.ts';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    // Only what the test names, plus PATH and HOME: a variable of the machine must not change what is sent.
    const child = spawn(process.execPath, [path.join(PROJECT, script), ...args], { cwd: PROJECT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
