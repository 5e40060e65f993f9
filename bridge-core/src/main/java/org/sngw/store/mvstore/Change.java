package org.sngw.store.mvstore;

/** One saved or deleted item, made on the core loop and applied to the maps on the store thread. */
@FunctionalInterface
interface Change {
  void applyTo(StateMaps maps);
}
