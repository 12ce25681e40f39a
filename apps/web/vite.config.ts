import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        // `entriesAware` splits each group by the pages that use it: a library only the back office
        // (or only the address step) imports is not downloaded by the applicants' pages.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              entriesAware: true,
              entriesAwareMergeThreshold: 20_000,
            },
            // One chunk too: split by page, Mantine's components landed in chunks importing each
            // other in a cycle, and NativeSelect read `Input.classes` before Input was defined (the
            // sign-in page crashed once the reports screen added its own mix of components).
            {
              name: 'mantine',
              test: /[\\/]node_modules[\\/](@mantine|@floating-ui|react-transition-group)[\\/]/,
            },
            // One chunk: split by page, query-core's subclasses (InfiniteQueryObserver extends
            // QueryObserver) landed in a chunk evaluated before their base class ("Class extends
            // value undefined"). Router and query are used by every page anyway.
            { name: 'tanstack', test: /[\\/]node_modules[\\/]@tanstack[\\/]/ },
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/]/,
              entriesAware: true,
              entriesAwareMergeThreshold: 20_000,
            },
          ],
        },
      },
    },
  },
});
