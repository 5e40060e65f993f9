package org.sngw.app.plugin;

import java.util.List;
import org.sngw.config.TransportPlan;
import org.sngw.config.TransportProvider;
import org.sngw.config.YamlSection;
import org.sngw.runtime.TransportContext;
import org.sngw.transport.Transport;

/**
 * A transport kind that exists only on the test class path, listed in this module's
 * {@code src/test/resources/META-INF/services}: what a new transport module does, in miniature.
 * Its config is {@code in-memory: { name: NAME }}.
 */
public final class InMemoryTransportProvider implements TransportProvider {
  @Override
  public List<TransportPlan> read(YamlSection root) {
    if (!root.has("in-memory")) {
      return List.of();
    }
    YamlSection section = root.section("in-memory");
    String name = section.required("name", text -> text);
    section.rejectUnknownKeys();
    return name == null ? List.of() : List.of(new Plan(name));
  }

  /** One in-memory transport, found by the test through {@link InMemoryTransport#named}. */
  record Plan(String name) implements TransportPlan {
    @Override
    public Transport open(TransportContext context) {
      return new InMemoryTransport(name);
    }
  }
}
