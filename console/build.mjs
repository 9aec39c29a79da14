// Bundles the console (src/app.js and what it imports, hls.js among them) into dist/, with the page and the style
// beside it. dist/ is what the local stack serves at / and what the CDK stack uploads to the console bucket.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: ['src/app.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome120', 'firefox120', 'safari17'],
  outfile: 'dist/app.js',
  logLevel: 'warning',
});
cpSync('src/index.html', 'dist/index.html');
cpSync('src/style.css', 'dist/style.css');
console.log('console built into dist/');
