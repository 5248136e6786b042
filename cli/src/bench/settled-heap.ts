import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full collection of the bench process's heap, run before each section is measured. A section
 * measured in this process (the rebuild, the mirror) otherwise pays for the garbage that the setup
 * and sections before it left: after the catalog's fill the heap held about 170 MB against 66 MB
 * in a process that only filled and rebuilt, and its mark-compact ran inside the rebuild's one
 * measured second. `ecommerce projections rebuild` runs a rebuild in a process of its own. V8
 * hands out its `gc` only once `--expose-gc` is set; set at run time, the flag holds for a context
 * made after it.
 */
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
