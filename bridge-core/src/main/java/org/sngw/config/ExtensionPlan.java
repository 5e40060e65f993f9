package org.sngw.config;

import org.sngw.runtime.Extension;
import org.sngw.runtime.ExtensionContext;

/** One extension to run, as its settings say: what an {@link ExtensionProvider} read. */
public interface ExtensionPlan {
  /**
   * Starts the extension before the listeners, so it sees them come up. An extension that cannot
   * work on this machine (no GPIO) says so in the log and returns one that does nothing: it never
   * stops the gateway from starting.
   */
  Extension start(ExtensionContext context);
}
