/**
 * Commit headers are `type(scope): summary`, at most 72 characters, so git's one-line views, shortlog and review
 * tools show them whole; the why and the figures go in the body. `.ci/run` checks every commit since the
 * convention started, the commit-msg hook each new one.
 */
export default {
  extends: ['@commitlint/config-conventional'],
  rules: {
    // Merges of a branch say what it brought: "merge: …", or git's own "Merge branch 'x': …", which is ignored.
    'type-enum': [
      2,
      'always',
      ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test', 'merge'],
    ],
    'header-max-length': [2, 'always', 72],
    // Bodies quote error messages, paths and tables of figures.
    'body-max-line-length': [0],
    'footer-max-line-length': [0],
    // A body's list ("- Forge retries …") is not a footer.
    'footer-leading-blank': [0],
  },
};
