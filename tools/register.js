// Runs the TypeScript sources directly (SWC transpile, no type-check): `npm start` needs no build step.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
