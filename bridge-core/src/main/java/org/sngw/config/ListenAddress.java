package org.sngw.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/** A host (name or IP literal, IPv6 without brackets) and a port; port 0 binds any free port. */
public record ListenAddress(String host, int port) {
  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
