package org.sngw.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sngw.app.simulate.LoadPlan;
import org.sngw.app.simulate.demo.DemoRun;
import org.sngw.config.GatewayConfig;

/** What the command line asks for. {@code Main} acts on it; parsing itself prints nothing. */
public sealed interface ParseOutcome {
  /** Start the gateway with this configuration. */
  record Run(GatewayConfig config, List<String> warnings) implements ParseOutcome {
    public Run {
      Objects.requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * {@code passwd FILE USER}: add or change a user of a Mosquitto-format password file, the
   * password read from the terminal twice or, with {@code --password-stdin}, from the first line
   * of standard input; {@code --delete} removes the user instead.
   */
  record Passwd(Path file, String user, boolean delete, boolean passwordFromStdin) implements ParseOutcome {
    public Passwd {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(user, "user");
    }
  }

  /** {@code simulate}: load a gateway with simulated sensors, as planned. */
  record Simulate(LoadPlan plan) implements ParseOutcome {
    public Simulate {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * {@code check-config FILE}: print {@code text} to stdout, then exit 0 when the file is fine
   * ({@code text} is "ok" and the settings in effect) or 1 when it is not (its problems).
   */
  record ConfigChecked(boolean ok, String text) implements ParseOutcome {}

  /** {@code ports}: list the serial ports, then exit 0. */
  record ListPorts() implements ParseOutcome {}

  /** {@code simulate --demo}: run the demo sensors until stopped. */
  record Demo(DemoRun.Plan plan) implements ParseOutcome {
    public Demo {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Print this text (help or version, without a final line break) to stdout, then exit 0. */
  record Print(String text) implements ParseOutcome {}

  /** Print this one-line message to stderr, then exit 2. */
  record UsageError(String message) implements ParseOutcome {}
}
