package org.sngw.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * One read of a config file, shared by all its sections: the problems found, the environment's
 * overrides, and the path of every setting some reader asked for (items of a list as {@code
 * serial[].device}), which tells what the readers know, for the annotated example's test.
 */
record Reading(Problems problems, EnvironmentOverrides environment, Set<String> keysRead) {
  Reading(EnvironmentOverrides environment) {
    this(new Problems(), environment, new TreeSet<>());
  }

  void keyRead(String path) {
    keysRead.add(path.replaceAll("\\[[0-9]+]", "[]"));
  }
}
