/** A translation of the English catalogue: every key, nested as it is, with a sentence of its own. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
