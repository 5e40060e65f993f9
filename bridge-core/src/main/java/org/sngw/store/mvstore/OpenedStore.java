package org.sngw.store.mvstore;

import org.h2.mvstore.MVStore;
import org.sngw.store.StoredState;

/** A store file that opened, passed its checks, and what it held. */
record OpenedStore(MVStore store, StateMaps maps, StoredState state) {}
