// `kizuna serve` for the browser tests: started on a free loopback port; `started` resolves to its URL
// and, with --allow-write, the write token it prints; stop() ends it (SIGINT) and waits until it has gone,
// so that its last words still have a reader.
import { spawn } from 'node:child_process';

// options: the global options before `serve` (e.g. ['--author', 'Editing Test']).
export function serve(kizuna, database, args = [], options = []) {
  const server = spawn(kizuna, ['--db', database, ...options, 'serve', '--port', '0', ...args],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const url = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
      const token = text.match(/write token: ([0-9a-f]+)/);
      if (url && (token || !args.includes('--allow-write'))) resolve({ url: url[0], token: token?.[1] });
    });
    server.on('exit', (code) => reject(new Error(`kizuna serve exited with ${code}`)));
    setTimeout(() => reject(new Error('kizuna serve printed no URL')), 15000);
  });
  const stop = () => new Promise((resolve) => {
    if (server.exitCode !== null) resolve();
    else {
      server.on('exit', resolve);
      server.kill('SIGINT');
    }
  });
  return { server, started, stop };
}
