import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The team's web app: built into apps/web/dist, served at / by the embedded platform and the gateway.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '^/(auth|welfare-office|mental-health|employer|municipality|programme|team-view|health)(/|$)': 'http://127.0.0.1:3000' } },
});
