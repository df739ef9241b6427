import type { SoftmaxWeights } from "../domain/suggest/softmax-regression.ts";
import type { EncodedWeights } from "../domain/suggest/suggest-model.ts";

/**
 * Trained weights as the model file stores them: a signed byte per weight and
 * a scale per class (suggest-model.ts decodeWeights reads them back).
 */
export function encodeWeights(weights: SoftmaxWeights): EncodedWeights {
  const bytes = new Int8Array(weights.classes * weights.features);
  const scales: number[] = [];
  for (let c = 0; c < weights.classes; c += 1) {
    const row = weights.weights.subarray(c * weights.features, (c + 1) * weights.features);
    let max = 0;
    for (const value of row) max = Math.max(max, Math.abs(value));
    const scale = max > 0 ? max / 127 : 1;
    scales.push(Number(scale.toPrecision(6)));
    for (let f = 0; f < weights.features; f += 1) {
      bytes[c * weights.features + f] = Math.round(row[f]! / scales[c]!);
    }
  }
  return {
    classes: weights.classes,
    features: weights.features,
    scales,
    // Training runs in Node only; decodeWeights reads standard base64 without Buffer in the browser too.
    data: Buffer.from(bytes.buffer).toString("base64"),
    bias: [...weights.bias].map((value) => Number(value.toPrecision(6))),
  };
}
