package org.sngw.app.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Linux's machine-wide UDP receive-buffer drops from /proc/net/snmp: datagrams the kernel threw
 * away because a socket's receive buffer was full, before any program saw them.
 */
final class KernelUdpCounters {
  private static final Path SNMP = Path.of("/proc/net/snmp");

  private KernelUdpCounters() {}

  static OptionalLong receiveBufferErrors() {
    try {
      List<String> udp = Files.readAllLines(SNMP).stream().filter(l -> l.startsWith("Udp: ")).toList();
      if (udp.size() < 2) {
        return OptionalLong.empty();
      }
      List<String> names = List.of(udp.get(0).split("\\s+"));
      String[] values = udp.get(1).split("\\s+");
      int column = names.indexOf("RcvbufErrors");
      return column < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(values[column]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
