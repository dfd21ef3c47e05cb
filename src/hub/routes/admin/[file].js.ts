import { decapRoute } from './decap-assets.ts';

// The Decap CMS bundle's .js files, from the pinned npm package.
export const { getStaticPaths, GET } = decapRoute('.js');
