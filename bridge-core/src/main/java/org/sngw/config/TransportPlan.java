package org.sngw.config;

import org.sngw.runtime.TransportContext;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportException;

/**
 * One transport to run, as its settings say: what a {@link TransportProvider} read from the config
 * file (or a command-line flag built), able to open the transport it describes.
 */
public interface TransportPlan {
  /**
   * Builds the transport; the gateway then starts it.
   *
   * @throws TransportException for settings that cannot work on this machine,
   *     such as a broadcast target whose host name does not resolve, with the message the user sees
   */
  Transport open(TransportContext context) throws TransportException;
}
