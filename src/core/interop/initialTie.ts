// The strength an imported relationship (a TinyTroupe relationship, an OASIS follow) starts at.
// At the default threshold (0.6) it would vanish with the first round's decay (0.6 · 0.95 = 0.57)
// unless the pair talked at once, so an imported network hardly shaped a run. 0.75 stays a tie
// for four rounds without contact at the default decay (0.05): 0.75 · 0.95⁴ ≈ 0.61.
export const INITIAL_TIE = 0.75;
