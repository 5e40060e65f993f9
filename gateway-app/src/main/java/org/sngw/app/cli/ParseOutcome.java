package org.sngw.app.cli;

import java.util.Objects;
import org.sngw.config.GatewayConfig;

/** What the command line asks for. {@code Main} acts on it; parsing itself prints nothing. */
public sealed interface ParseOutcome {
  /** Start the gateway with this configuration. */
  record Run(GatewayConfig config) implements ParseOutcome {
    public Run {
      Objects.requireNonNull(config, "config");
    }
  }

  /** Print this text (help or version, without a final line break) to stdout, then exit 0. */
  record Print(String text) implements ParseOutcome {}

  /** Print this one-line message to stderr, then exit 2. */
  record UsageError(String message) implements ParseOutcome {}
}
