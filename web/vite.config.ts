import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes .br and .gz beside every text asset, so the server can send them precompressed
 * (@fastify/static `preCompressed: true`): the portal's ~250 kB of JS becomes ~70 kB on a slow phone line.
 */
function precompress(): Plugin {
  return {
    name: 'bangban-precompress',
    apply: 'build',
    generateBundle(_opts, bundle) {
      for (const [fileName, out] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const source = out.type === 'chunk' ? out.code : out.source;
        const buf = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        if (buf.length < 1024) continue;
        this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: zlib.gzipSync(buf, { level: 9 }) });
        this.emitFile({ type: 'asset', fileName: `${fileName}.br`, source: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) });
      }
    },
  };
}

/** The web app: root web/, built to web/dist (served by the API server); in dev /api is proxied to it. */
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
