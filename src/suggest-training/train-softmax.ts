import {
  type SoftmaxWeights,
  type SparseVector,
  softmaxScores,
} from "../domain/suggest/softmax-regression.ts";

/**
 * Trains the multinomial logistic regression of softmax-regression.ts by full-batch L-BFGS.
 * Full batch keeps training deterministic without any random order, and the corpus
 * is small enough (a thousand notes) for it to finish in seconds.
 *
 * Two extensions the suggester needs:
 * - candidates: an example may restrict the classes its softmax runs over (the L3
 *   model only chooses among the L3s of the note's L2);
 * - partial labels: an example may allow several classes ("Blocked." says Blocked
 *   but no L2); its loss is -log of the probability mass on the allowed classes.
 */

export interface TrainingExample {
  x: SparseVector;
  /** Classes that count as correct (one for a plain label). */
  allowed: number[];
  /** Classes the softmax runs over; all classes when absent. */
  candidates?: number[];
}

export interface SoftmaxOptions {
  classes: number;
  features: number;
  /** L2 penalty on the weights (not the biases), per example. */
  l2: number;
  maxIterations: number;
}

export function trainSoftmax(examples: TrainingExample[], options: SoftmaxOptions): SoftmaxWeights {
  const { classes, features } = options;
  const size = classes * features + classes;
  const objective = (theta: Float64Array, gradient: Float64Array) => loss(theta, gradient, examples, options);
  const theta = minimizeLbfgs(objective, new Float64Array(size), options.maxIterations);
  return {
    classes,
    features,
    weights: theta.slice(0, classes * features),
    bias: theta.slice(classes * features),
  };
}

function loss(
  theta: Float64Array,
  gradient: Float64Array,
  examples: TrainingExample[],
  options: SoftmaxOptions,
): number {
  const { classes, features, l2 } = options;
  const biasOffset = classes * features;
  gradient.fill(0);
  let total = 0;
  const logits = new Float64Array(classes);
  const all = [...Array(classes).keys()];
  for (const example of examples) {
    const active = example.candidates ?? all;
    for (const c of active) {
      let sum = theta[biasOffset + c]!;
      const row = c * features;
      for (let k = 0; k < example.x.indices.length; k += 1)
        sum += theta[row + example.x.indices[k]!]! * example.x.values[k]!;
      logits[c] = sum;
    }
    const p = softmaxScores(logits, active);
    let allowedMass = 0;
    for (const c of example.allowed) allowedMass += p[c]!;
    total -= Math.log(Math.max(allowedMass, 1e-12));
    for (const c of active) {
      // d(-log sum_allowed p)/d logit_c = p_c - q_c, where q is p restricted to the allowed classes.
      const q = example.allowed.includes(c) ? p[c]! / Math.max(allowedMass, 1e-12) : 0;
      const g = p[c]! - q;
      if (g === 0) continue;
      gradient[biasOffset + c]! += g;
      const row = c * features;
      for (let k = 0; k < example.x.indices.length; k += 1)
        gradient[row + example.x.indices[k]!]! += g * example.x.values[k]!;
    }
  }
  const n = examples.length;
  let penalty = 0;
  for (let i = 0; i < biasOffset; i += 1) {
    penalty += theta[i]! * theta[i]!;
    gradient[i] = gradient[i]! / n + l2 * theta[i]!;
  }
  for (let i = biasOffset; i < theta.length; i += 1) gradient[i] = gradient[i]! / n;
  return total / n + 0.5 * l2 * penalty;
}

type Objective = (theta: Float64Array, gradient: Float64Array) => number;

/** Limited-memory BFGS with a backtracking (Armijo) line search. */
function minimizeLbfgs(
  objective: Objective,
  start: Float64Array,
  maxIterations: number,
  memory = 10,
): Float64Array {
  let x = start;
  let g = new Float64Array(x.length);
  let f = objective(x, g);
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];

  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const direction = twoLoop(g, sHistory, yHistory, rhoHistory);
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      for (let i = 0; i < g.length; i += 1) direction[i] = -g[i]!;
      sHistory.length = 0;
      yHistory.length = 0;
      rhoHistory.length = 0;
      slope = dot(g, direction);
    }
    let step = iteration === 0 ? 1 / Math.max(Math.sqrt(dot(g, g)), 1e-12) : 1;
    const next = new Float64Array(x.length);
    const nextGradient = new Float64Array(x.length);
    let nextF = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries += 1) {
      for (let i = 0; i < x.length; i += 1) next[i] = x[i]! + step * direction[i]!;
      nextF = objective(next, nextGradient);
      if (nextF <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = new Float64Array(x.length);
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i += 1) {
      s[i] = next[i]! - x[i]!;
      y[i] = nextGradient[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
      if (sHistory.length > memory) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
    }
    const improvement = f - nextF;
    x = next;
    g = nextGradient;
    f = nextF;
    if (Math.abs(improvement) < 1e-7 * Math.max(1, Math.abs(f)) || Math.sqrt(dot(g, g)) < 1e-6) break;
  }
  return x;
}

function twoLoop(g: Float64Array, s: Float64Array[], y: Float64Array[], rho: number[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha: number[] = [];
  for (let i = s.length - 1; i >= 0; i -= 1) {
    alpha[i] = rho[i]! * dot(s[i]!, q);
    axpy(-alpha[i]!, y[i]!, q);
  }
  if (s.length > 0) {
    const last = s.length - 1;
    const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
    for (let i = 0; i < q.length; i += 1) q[i] = q[i]! * gamma;
  }
  for (let i = 0; i < s.length; i += 1) {
    const beta = rho[i]! * dot(y[i]!, q);
    axpy(alpha[i]! - beta, s[i]!, q);
  }
  for (let i = 0; i < q.length; i += 1) q[i] = -q[i]!;
  return q;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i += 1) y[i]! += a * x[i]!;
}
