package org.sngw.transport.serial;

import java.io.IOException;

/** Opens the transport's port, as configured, each time the port thread asks. */
@FunctionalInterface
interface LineOpener {
  /** @throws IOException when the port cannot be had now, with a message saying why */
  SerialLine open() throws IOException;
}
