// Node ids as graphology keys. graphology keeps a node's neighbours in plain objects, where
// `constructor`, `toString` or `__proto__` already "exist": a graph with such ids reported a false
// "edge already exists", or failed outright. Those ids (and, to stay one-to-one, ids that begin
// with the escape itself) are stored with a leading NUL, which no id from a checked file holds;
// every other id is its own key, so traces and exports are unchanged.

const ESCAPE = '\u0000';

/** Whether an id would collide with a property every plain object has. */
function builtIn(id: string): boolean {
  return id === '__proto__' || id in Object.prototype;
}

/** The graph key of a node id. */
export function nodeKey(id: string): string {
  return builtIn(id) || id.startsWith(ESCAPE) ? ESCAPE + id : id;
}

/** The node id of a graph key (nodeKey's inverse). */
export function nodeId(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(1) : key;
}
