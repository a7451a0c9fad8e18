import Module, { createRequire } from 'node:module';

// On the stand-in module: a registered symbol, so that every copy of this module (src and dist) knows one.
const STAND_IN = Symbol.for('app.deferredCommonJsModule');

/**
 * Makes the CommonJS module `request`, as `parentFile` resolves it, load when one of its exports is
 * first read rather than when it is required. For a dependency's top-level `require`s of modules
 * only an optional path of it uses: each costs the process its source text, code and objects from
 * start-up on (bench/README.md, memory). Whoever requires it gets a stand-in whose first property
 * read loads the real module and answers from it; later requires get the real module.
 *
 * `answered`: exports the stand-in answers itself, loaded or not (e.g. constants the requirer reads while
 * it is itself loaded); a test must check them against the real module. Does nothing if the module is
 * loaded already. Under jest, which has its own module registry, it changes nothing.
 */
export function deferCommonJsModule(parentFile: string, request: string, answered: Record<string, unknown> = {}): void {
  const requireFromParent = createRequire(parentFile);
  const path = requireFromParent.resolve(request);
  const cache = requireFromParent.cache;
  if (cache[path]) return;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete cache[path];
      real = requireFromParent(request) as Record<string | symbol, unknown>;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy({}, {
    get: (_, key) => {
      if (key === '__esModule') return true;
      if (typeof key === 'string' && Object.hasOwn(answered, key)) return answered[key];
      return load()[key];
    },
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      // A proxy may not report a property of its (empty) target as non-configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
  Object.defineProperty(standIn, STAND_IN, { value: true });
  cache[path] = standIn;
}

/** Whether `request` (as `parentFile` resolves it) has been loaded for real, not only stood in for. */
export function isCommonJsModuleLoaded(parentFile: string, request: string): boolean {
  const requireFromParent = createRequire(parentFile);
  const entry = requireFromParent.cache[requireFromParent.resolve(request)];
  return !!entry && !(STAND_IN in entry);
}
