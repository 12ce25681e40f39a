// A JavaScript shim on purpose: TypeScript reads communes-data.d.ts and never parses the 8 MB JSON,
// while Node (tsx, vitest) and Vite load the JSON through the import attribute.
export { default } from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
