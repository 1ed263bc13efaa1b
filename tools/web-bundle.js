// The web app's bundle (apps/web/dist): built by `npm ci`/`npm install` (prepare), and again by `npm start`
// (prestart) and the browser tests when a source file is newer than the bundle, so `/` never serves a stale app.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const web = path.join(__dirname, '..', 'apps', 'web');
const bundle = path.join(web, 'dist', 'index.html');

function newestSource(dir = web) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

const isStale = () => !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource();
const vite = path.join(__dirname, '..', 'node_modules', 'vite', 'bin', 'vite.js');

function buildWebApp() {
  // Always the production bundle: called from Jest (NODE_ENV=test), Vite would otherwise build React's development one.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.mts'), '--logLevel', 'warn'], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`the web app did not build (vite exited with ${result.status})`);
}

function ensureWebBundle() {
  if (isStale()) buildWebApp();
}

module.exports = { ensureWebBundle, buildWebApp, isStale };

if (require.main === module) {
  try {
    // A production install (npm ci --omit=dev, as in deploy/Dockerfile) has no Vite: the bundle comes from a build stage.
    if (!existsSync(vite)) {
      console.warn(`web app not built here: Vite is not installed${existsSync(bundle) ? '' : ', and apps/web/dist is missing (the API works; / does not)'}`);
    } else if (process.argv.includes('--always')) buildWebApp();
    else ensureWebBundle();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
