import { decapRoute } from './decap-assets.ts';

// The Decap CMS bundle's .wasm files, from the pinned npm package.
export const { getStaticPaths, GET } = decapRoute('.wasm');
