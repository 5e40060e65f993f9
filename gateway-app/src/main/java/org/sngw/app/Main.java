package org.sngw.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.app.cli.GatewayCommand;
import org.sngw.app.cli.ParseOutcome;
import org.sngw.app.cli.PasswdCommand;
import org.sngw.app.simulate.LoadRun;
import org.sngw.app.simulate.demo.DemoRun;
import org.sngw.runtime.StartException;
import org.sngw.transport.ble.BleConfig;
import org.sngw.transport.serial.SerialPortListing;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code java -jar gateway.jar [options]}: parse, start, run until SIGTERM or SIGINT; or one of the
 * subcommands, {@code passwd} and {@code simulate}.
 */
public final class Main {
  private static final int EXIT_STOPPED = 0;
  private static final int EXIT_START_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    ParseOutcome outcome = GatewayCommand.parse(args);
    if (outcome instanceof ParseOutcome.Print print) {
      System.out.println(print.text());
    } else if (outcome instanceof ParseOutcome.UsageError error) {
      System.err.println(error.message());
      System.exit(EXIT_USAGE);
    } else if (outcome instanceof ParseOutcome.Passwd passwd) {
      PasswdCommand.Result result = PasswdCommand.run(passwd, System.in, System.console());
      (result.exitStatus() == 0 ? System.out : System.err).println(result.message());
      System.exit(result.exitStatus());
    } else if (outcome instanceof ParseOutcome.ListPorts) {
      System.out.println(PortsListing.text(SerialPortListing.present()));
      System.out.println(PortsListing.bluetooth(BleConfig.defaults().adapter(), System.getenv()));
    } else if (outcome instanceof ParseOutcome.ConfigChecked checked) {
      System.out.println(checked.text());
      System.exit(checked.ok() ? EXIT_STOPPED : EXIT_START_FAILED);
    } else if (outcome instanceof ParseOutcome.Demo demo) {
      System.exit(demo(demo.plan()));
    } else if (outcome instanceof ParseOutcome.Simulate simulate) {
      System.exit(simulate(simulate));
    } else if (outcome instanceof ParseOutcome.Run run) {
      runUntilStopped(run);
    }
  }

  private static int simulate(ParseOutcome.Simulate simulate) {
    // An --in-process gateway's start lines would drown the figures: warnings only, unless asked.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    try {
      return new LoadRun(simulate.plan(), System.out, System.err).execute();
    } catch (Exception e) {
      System.err.println("simulate: " + e.getMessage());
      return EXIT_START_FAILED;
    }
  }

  /** The demo until Ctrl-C (or SIGTERM), which the shutdown hook turns into a clean stop. */
  private static int demo(DemoRun.Plan plan) {
    DemoRun demo = new DemoRun(plan, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "sngw-demo-stop"));
    try {
      return demo.execute();
    } catch (Exception e) {
      System.err.println("simulate --demo: " + e.getMessage());
      demo.stop();
      return EXIT_START_FAILED;
    }
  }

  private static void runUntilStopped(ParseOutcome.Run run) {
    Logger log = LoggerFactory.getLogger(Main.class);
    run.warnings().forEach(log::warn);
    Gateway gateway;
    try {
      gateway = Gateway.start(run.config());
    } catch (StartException e) {
      System.err.println("sngw cannot start: " + e.getMessage());
      System.exit(EXIT_START_FAILED);
      return;
    }
    CountDownLatch stopRequested = new CountDownLatch(1);
    // SIGTERM and SIGINT ask for a clean stop, which then exits 0: a service manager sees success,
    // not the 143 of a JVM killed by the signal. The hook covers any other way the JVM goes down.
    for (String signal : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(signal), received -> stopRequested.countDown());
    }
    SignalHandler before = Signal.handle(new Signal("HUP"), received -> gateway.reloadAccess());
    if (before == SignalHandler.SIG_IGN) {
      // The JVM leaves an ignored SIGHUP ignored. jSerialComm's native library ignores it when it
      // loads, that is once a serial port is configured; a parent may have started us ignoring it.
      log.warn("SIGHUP is ignored in this process (a serial port's library ignores it, or the gateway was started"
          + " ignoring it): the password file, the ACL file and certificates are read again only at a restart");
    }
    gateway.shutdownRequested().thenRun(stopRequested::countDown);
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "sngw-shutdown"));
    log.info("gateway running (MQTT-SN {}, MQTT tcp {}:{})",
        gateway.snAddress() == null ? "on no socket" : "udp " + gateway.snAddress().getHostString() + ":"
            + gateway.snAddress().getPort(),
        gateway.mqttAddress().getHostString(), gateway.mqttAddress().getPort());
    try {
      stopRequested.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("stopping");
    gateway.close();
    log.info("stopped");
    System.exit(EXIT_STOPPED);
  }
}
