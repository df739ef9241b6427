/**
 * Classification metrics for the suggester's evaluation. Plain functions over
 * parallel arrays of gold and predicted labels.
 */

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function accuracy(gold: string[], predicted: string[]): number {
  if (gold.length === 0) return 0;
  return gold.filter((label, i) => label === predicted[i]).length / gold.length;
}

/**
 * Per-class precision, recall and F1 for `labels` (default: every gold label), and
 * their unweighted mean. Predictions outside `labels` count against recall only.
 */
export function macroF1(
  gold: string[],
  predicted: string[],
  labels: string[] = [...new Set(gold)].sort(),
): { macroF1: number; classes: ClassScore[] } {
  const classes = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === label && p === label) tp += 1;
      else if (g === label) fn += 1;
      else if (p === label) fp += 1;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  const mean = classes.length === 0 ? 0 : classes.reduce((sum, score) => sum + score.f1, 0) / classes.length;
  return { macroF1: mean, classes };
}

/** counts[g][p]: how many notes of gold label `rows[g]` were predicted as `columns[p]`. */
export function confusionMatrix(
  gold: string[],
  predicted: string[],
  rows: string[],
  columns: string[],
): number[][] {
  const counts = rows.map(() => columns.map(() => 0));
  gold.forEach((g, i) => {
    const row = rows.indexOf(g);
    const column = columns.indexOf(predicted[i]!);
    if (row >= 0 && column >= 0) counts[row]![column]! += 1;
  });
  return counts;
}

/**
 * Expected calibration error: predictions are binned by confidence, and the gap
 * between mean confidence and accuracy in each bin is averaged, weighted by the
 * bin's size. 0 means the confidences can be read as probabilities.
 */
export function expectedCalibrationError(
  items: { confidence: number; correct: boolean }[],
  bins = 10,
): number {
  if (items.length === 0) return 0;
  let total = 0;
  for (let bin = 0; bin < bins; bin += 1) {
    const low = bin / bins;
    const high = (bin + 1) / bins;
    const members = items.filter(
      (item) =>
        item.confidence > low && (item.confidence <= high || (bin === bins - 1 && item.confidence > 1)),
    );
    if (bin === 0) members.push(...items.filter((item) => item.confidence <= 0));
    if (members.length === 0) continue;
    const confidence = members.reduce((sum, item) => sum + item.confidence, 0) / members.length;
    const accuracyInBin = members.filter((item) => item.correct).length / members.length;
    total += (members.length / items.length) * Math.abs(confidence - accuracyInBin);
  }
  return total;
}
