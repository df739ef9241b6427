/**
 * One value per key object, made on first use and dropped with the key: the
 * queue of a database handle, the policy view of a loaded playbook, the
 * seed's lookup tables. Keys must be objects (a WeakMap holds them), so a
 * playbook reloaded or a database closed takes its values with it.
 */
export function onePer<Key extends object, Value>(make: (key: Key) => Value): (key: Key) => Value {
  const made = new WeakMap<Key, Value>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
