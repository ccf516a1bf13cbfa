// The formatter lives in src/shared so that the core, which imports no contract code, fills the same templates.
export { formatMessage } from '../shared/format';
