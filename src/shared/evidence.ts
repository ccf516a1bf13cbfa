/**
 * Whether a rule's evidence says that the issues it flags ended badly less often than the others, surely: the
 * whole 95 % interval of the lift lies below 1. The CLI and the admin page suggest reconsidering the rule then;
 * the admin decides.
 */
export function evidenceSaysLess(figures: { readonly liftHigh: number | null }): boolean {
  return figures.liftHigh !== null && figures.liftHigh < 1;
}
