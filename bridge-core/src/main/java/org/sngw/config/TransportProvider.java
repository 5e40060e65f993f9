package org.sngw.config;

import java.util.List;

/**
 * A kind of transport, found at run time through {@link java.util.ServiceLoader}: a transport
 * module lists its provider in {@code META-INF/services/org.sngw.config.TransportProvider}, and
 * the config file gains its keys. A module that is not on the class path leaves its keys unknown,
 * so the file is refused rather than half applied.
 */
public interface TransportProvider {
  /**
   * Reads this kind's keys from the top level of the config file and returns one plan per
   * transport to run: none when its keys are absent, unless the kind runs by default. Mistakes are
   * recorded through the section, not thrown, so one pass reports all of them.
   */
  List<TransportPlan> read(YamlSection root);
}
