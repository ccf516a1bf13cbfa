// Types for the ES2019 build of adf-utils' traverse, which ships without declarations of its own; the
// signature is the package's public `@atlaskit/adf-utils/traverse` one.
declare module '@atlaskit/adf-utils/dist/es2019/traverse/traverse.js' {
  export { traverse } from '@atlaskit/adf-utils/traverse';
}
