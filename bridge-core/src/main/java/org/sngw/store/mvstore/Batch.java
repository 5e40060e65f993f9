package org.sngw.store.mvstore;

import java.util.List;

/**
 * Changes written together under one disk sync.
 *
 * @param upTo the number of the last change in it, counting every change since the store opened
 */
record Batch(List<Change> changes, long upTo) {}
