import type { LabelledPair } from './similarity-pairs.ts'
import { isSimilarName } from './similarity.ts'

export interface SimilarityEvaluation {
  precision: number
  recall: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  trueNegatives: number
  /** The pairs it got wrong, for the report and for tuning by general rules. */
  errors: Array<{ a: string, b: string, expected: boolean }>
}

/** Precision and recall of `predict` (default: isSimilarName) on labelled pairs; "similar" is the positive class. */
export function evaluateSimilarity(pairs: readonly LabelledPair[], predict: (a: string, b: string) => boolean = isSimilarName): SimilarityEvaluation {
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  const errors: SimilarityEvaluation['errors'] = []
  for (const [a, b, same] of pairs) {
    const said = predict(a, b)
    if (said && same) tp++
    else if (said && !same) fp++
    else if (!said && same) fn++
    else tn++
    if (said !== same) errors.push({ a, b, expected: same })
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    errors,
  }
}
