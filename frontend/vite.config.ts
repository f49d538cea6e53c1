import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The Go server the dev server proxies API calls to (override with BULLPEN_API).
const backend = process.env.BULLPEN_API || 'http://127.0.0.1:8080';

// The Go binary embeds dist/ with go:embed; dist/.gitkeep keeps the folder in
// git, so it is re-created after every build that empties the folder.
function keepGitkeep(): Plugin {
  return {
    name: 'bullpen-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      const dist = resolve(import.meta.dirname, 'dist');
      mkdirSync(dist, { recursive: true });
      writeFileSync(resolve(dist, '.gitkeep'), '');
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), keepGitkeep()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
    },
  },
});
