// The Forge entry points manifest.yml names under `function:`, and nothing else.
export { resolver } from './platform/forge/handlers';
export {
  hygieneBadge,
  hygieneIssueChanged,
  hygieneNightly,
  hygieneScanConsumer,
} from './platform/forge/hygiene';
export { hygieneGate } from './platform/forge/gate';
