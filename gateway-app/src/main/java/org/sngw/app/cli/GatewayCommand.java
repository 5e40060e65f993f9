package org.sngw.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sngw.app.simulate.SimulateCommand;
import org.sngw.app.simulate.demo.DemoRun;
import org.sngw.auth.AccessConfig;
import org.sngw.broker.BrokerConfig;
import org.sngw.config.BridgeConfig;
import org.sngw.config.ConfigException;
import org.sngw.config.ConfigFile;
import org.sngw.config.ConfigValues;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.StatusConfig;
import org.sngw.config.StoreConfig;
import org.sngw.config.TransportPlan;
import org.sngw.config.UpstreamUri;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.tls.TlsFileException;
import org.sngw.tls.TlsFiles;
import org.sngw.transport.ble.BleConfig;
import org.sngw.transport.serial.SerialTransportProvider;
import org.sngw.transport.udp.UdpSettings;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, {@code java -jar gateway.jar [options]}. Settings come from the defaults, then
 * the {@code --config} file, then the flags, each overriding the one before; {@code --predefined}
 * adds topic ids to the file's, replacing any it repeats, and {@code --upstream} adds bridges to
 * the file's.
 */
public final class GatewayCommand {
  private static final String CONFIG = "--config";
  private static final String UDP = "--udp";
  private static final String MQTT = "--mqtt";
  private static final String WEBSOCKET = "--websocket";
  private static final String DATA_DIR = "--data-dir";
  private static final String PREDEFINED = "--predefined";
  private static final String RECOVER = "--recover";
  private static final String IN_MEMORY = "--in-memory";
  private static final String METRICS = "--metrics";
  private static final String STATUS = "--status";
  private static final String GATEWAY_ID = "--gateway-id";
  private static final String ADVERTISE_INTERVAL = "--advertise-interval";
  private static final String SYS_INTERVAL = "--sys-interval";
  private static final String UDP_BROADCAST = "--udp-broadcast";
  private static final String UPSTREAM = "--upstream";
  private static final String SERIAL = "--serial";
  private static final String BLE = "--ble";
  private static final String PASSWORD_FILE = "--password-file";
  private static final String ALLOW_ANONYMOUS = "--allow-anonymous";
  private static final String ACL_FILE = "--acl-file";
  private static final String PASSWD = "passwd";
  private static final String SIMULATE = "simulate";
  private static final String CHECK_CONFIG = "check-config";
  private static final String PORTS = "ports";
  /** The password of an {@code --upstream URI} that names a user and no password. */
  static final String UPSTREAM_PASSWORD_VARIABLE = "SNGW_UPSTREAM_PASSWORD";
  private static final String DELETE = "--delete";
  private static final String PASSWORD_STDIN = "--password-stdin";

  private GatewayCommand() {}

  /**
   * Turns the arguments into what to do. Reads the config file if one is named and the TLS files
   * its bridges name, and nothing else; prints nothing and never exits.
   */
  public static ParseOutcome parse(String... args) {
    return parse(System.getenv(), args);
  }

  /** With the environment given, for {@value #UPSTREAM_PASSWORD_VARIABLE}. */
  static ParseOutcome parse(Map<String, String> environment, String... args) {
    CommandLine commandLine = new CommandLine(spec());
    commandLine.addSubcommand(PASSWD, new CommandLine(passwdSpec()));
    commandLine.addSubcommand(CHECK_CONFIG, new CommandLine(checkConfigSpec()));
    commandLine.addSubcommand(PORTS, new CommandLine(portsSpec()));
    SimulateCommand simulate = new SimulateCommand();
    commandLine.addSubcommand(SIMULATE, new CommandLine(simulate));
    // An argument starting with @ is a value here, not a file of further arguments.
    commandLine.setExpandAtFiles(false);
    ParseResult result;
    try {
      result = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      return new ParseOutcome.UsageError(describe(e));
    }
    if (result.isUsageHelpRequested()) {
      return new ParseOutcome.Print(commandLine.getUsageMessage(Ansi.OFF).stripTrailing());
    }
    if (result.isVersionHelpRequested()) {
      return new ParseOutcome.Print(Version.text());
    }
    if (result.hasSubcommand() && result.subcommand().commandSpec().name().equals(SIMULATE)) {
      return simulate(result.subcommand(), simulate);
    }
    if (result.hasSubcommand() && result.subcommand().commandSpec().name().equals(PORTS)) {
      return result.subcommand().isUsageHelpRequested()
          ? new ParseOutcome.Print(commandLine.getSubcommands().get(PORTS).getUsageMessage(Ansi.OFF).stripTrailing())
          : new ParseOutcome.ListPorts();
    }
    if (result.hasSubcommand() && result.subcommand().commandSpec().name().equals(CHECK_CONFIG)) {
      return checkConfig(result.subcommand(), commandLine.getSubcommands().get(CHECK_CONFIG), environment);
    }
    if (result.hasSubcommand()) {
      return passwd(result.subcommand(), commandLine.getSubcommands().get(PASSWD));
    }
    return configure(result, environment);
  }

  private static ParseOutcome simulate(ParseResult result, SimulateCommand simulate) {
    if (result.isUsageHelpRequested()) {
      return new ParseOutcome.Print(result.commandSpec().commandLine().getUsageMessage(Ansi.OFF).stripTrailing());
    }
    List<String> problems = new ArrayList<>();
    Optional<DemoRun.Plan> demo = simulate.demo(problems);
    if (demo.isPresent() || !problems.isEmpty()) {
      return demo.<ParseOutcome>map(ParseOutcome.Demo::new)
          .orElseGet(() -> new ParseOutcome.UsageError("simulate: " + String.join("; ", problems)));
    }
    return simulate.plan(problems).<ParseOutcome>map(ParseOutcome.Simulate::new)
        .orElseGet(() -> new ParseOutcome.UsageError("simulate: " + String.join("; ", problems)));
  }

  /** The file read as a start would read it (with the environment), without starting anything. */
  private static ParseOutcome checkConfig(ParseResult result, CommandLine checkConfig, Map<String, String> environment) {
    if (result.isUsageHelpRequested()) {
      return new ParseOutcome.Print(checkConfig.getUsageMessage(Ansi.OFF).stripTrailing());
    }
    String file = result.matchedPositionalValue(0, null);
    if (file == null) {
      return new ParseOutcome.UsageError("check-config: expected FILE");
    }
    try {
      GatewayConfig config = ConfigFile.load(Path.of(file), environment);
      return new ParseOutcome.ConfigChecked(true, "ok\n" + EffectiveSettings.of(config));
    } catch (ConfigException e) {
      return new ParseOutcome.ConfigChecked(false, e.source() + ":\n" + String.join("\n", e.problems()));
    }
  }

  private static ParseOutcome passwd(ParseResult result, CommandLine passwd) {
    if (result.isUsageHelpRequested()) {
      return new ParseOutcome.Print(passwd.getUsageMessage(Ansi.OFF).stripTrailing());
    }
    String file = result.matchedPositionalValue(0, null);
    String user = result.matchedPositionalValue(1, null);
    if (file == null || user == null) {
      return new ParseOutcome.UsageError("passwd: expected FILE USER");
    }
    return new ParseOutcome.Passwd(Path.of(file), user, result.hasMatchedOption(DELETE),
        result.hasMatchedOption(PASSWORD_STDIN));
  }

  private static ParseOutcome configure(ParseResult result, Map<String, String> environment) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    GatewayConfig base = ConfigFile.defaults();
    Path file = flag(result, CONFIG, ConfigValues::path, null, errors);
    try {
      base = file != null ? ConfigFile.load(file, environment) : ConfigFile.fromEnvironment(environment);
    } catch (ConfigException e) {
      errors.add(e.getMessage());
    }
    List<TransportPlan> transports = new ArrayList<>();
    for (TransportPlan plan : base.transports()) {
      transports.add(plan instanceof UdpSettings udp ? withUdpFlags(result, udp, errors) : plan);
    }
    ListenAddress mqtt = flag(result, MQTT, ListenAddress::parse, base.mqtt(), errors);
    Optional<ListenAddress> websocket =
        flag(result, WEBSOCKET, text -> Optional.of(ListenAddress.parse(text)), base.websocket(), errors);
    AccessConfig access = new AccessConfig(
        flag(result, PASSWORD_FILE, ConfigValues::presentReadableFile, base.access().passwordFile(),
            errors),
        result.hasMatchedOption(ALLOW_ANONYMOUS) ? Optional.of(true) : base.access().allowAnonymous(),
        flag(result, ACL_FILE, ConfigValues::presentReadableFile, base.access().aclFile(), errors));
    Path dataDir = flag(result, DATA_DIR, ConfigValues::path, base.dataDir(), errors);
    Optional<ListenAddress> metrics =
        flag(result, METRICS, text -> Optional.of(ListenAddress.parse(text)), base.metrics(), errors);
    Optional<StatusConfig> status = statusPage(result, base.status(), errors);
    Map<Integer, String> topics = new HashMap<>(base.mqttSn().predefinedTopics());
    topics.putAll(predefined(result.matchedOptionValue(PREDEFINED, List.<String>of()), errors));
    MqttSnConfig mqttSn = base.mqttSn()
        .withGatewayId(flag(result, GATEWAY_ID, ConfigValues::gatewayId, base.mqttSn().gatewayId(), errors))
        .withAdvertiseInterval(flag(result, ADVERTISE_INTERVAL, ConfigValues::advertiseInterval,
            base.mqttSn().advertiseInterval(), errors))
        .withPredefinedTopics(topics);
    BrokerConfig broker = base.broker().withSysInterval(
        flag(result, SYS_INTERVAL, ConfigValues::sysInterval, base.broker().sysInterval(), errors));
    List<BridgeConfig> bridges = new ArrayList<>(base.bridges());
    bridges.addAll(upstreams(result.matchedOptionValue(UPSTREAM, List.<String>of()), base.bridges(), environment,
        errors, warnings));
    checkTlsFiles(bridges, errors);
    for (String port : result.matchedOptionValue(SERIAL, List.<String>of())) {
      try {
        transports.add(SerialTransportProvider.parseFlag(port));
      } catch (IllegalArgumentException e) {
        errors.add(SERIAL + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      return new ParseOutcome.UsageError(String.join("; ", errors));
    }
    StoreConfig store = new StoreConfig(
        base.store().persistent() && !result.hasMatchedOption(IN_MEMORY),
        base.store().recover() || result.hasMatchedOption(RECOVER));
    if (result.hasMatchedOption(BLE) && base.transports(BleConfig.class).isEmpty()) {
      transports.add(BleConfig.defaults());
    }
    return new ParseOutcome.Run(
        new GatewayConfig(transports, mqtt, dataDir, store, mqttSn, broker, metrics, bridges, access,
            base.mqttTls(), base.extensions()).withWebSockets(websocket, base.websocketTls()).withStatus(status),
        warnings);
  }

  /** {@code --status} moves the page of the config file, token and all, or opens one without a token. */
  private static Optional<StatusConfig> statusPage(ParseResult result, Optional<StatusConfig> configured,
      List<String> errors) {
    ListenAddress listen = flag(result, STATUS, ListenAddress::parse, null, errors);
    if (listen == null) {
      return configured;
    }
    return Optional.of(configured.map(page -> page.withListen(listen))
        .orElseGet(() -> new StatusConfig(listen, Optional.empty())));
  }

  private static UdpSettings withUdpFlags(ParseResult result, UdpSettings udp, List<String> errors) {
    return udp.withBind(flag(result, UDP, ListenAddress::parse, udp.bind(), errors))
        .withBroadcast(flag(result, UDP_BROADCAST, text -> Optional.of(ConfigValues.destination(text)),
            udp.broadcast(), errors));
  }

  /** The flag's value converted, or {@code fallback} if absent or bad (then an error is added). */
  private static <T> T flag(
      ParseResult result,
      String name,
      Function<String, T> parser,
      T fallback,
      List<String> errors) {
    String text = result.matchedOptionValue(name, (String) null);
    if (text == null) {
      return fallback;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      errors.add(name + ": " + e.getMessage());
      return fallback;
    }
  }

  private static Map<Integer, String> predefined(List<String> entries, List<String> errors) {
    Map<Integer, String> topics = new HashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      try {
        if (equals < 0) {
          throw new IllegalArgumentException("expected ID=TOPIC, got '" + entry + "'");
        }
        int id = ConfigValues.topicId(entry.substring(0, equals));
        String topic = ConfigValues.topicName(entry.substring(equals + 1));
        if (topics.putIfAbsent(id, topic) != null) {
          throw new IllegalArgumentException("topic id " + id + " given twice");
        }
      } catch (IllegalArgumentException e) {
        errors.add(PREDEFINED + ": " + e.getMessage());
      }
    }
    return topics;
  }

  /**
   * A bridge with the defaults for each {@code --upstream}, named {@code upstream-1},
   * {@code upstream-2}, ... skipping names the file's bridges already have.
   */
  private static List<BridgeConfig> upstreams(List<String> uris, List<BridgeConfig> fileBridges,
      Map<String, String> environment, List<String> errors, List<String> warnings) {
    Set<String> taken = new HashSet<>();
    fileBridges.forEach(bridge -> taken.add(bridge.name()));
    List<BridgeConfig> bridges = new ArrayList<>();
    int number = 0;
    for (String uri : uris) {
      try {
        UpstreamUri upstream = UpstreamUri.parse(uri);
        if (upstream.password().isPresent()) {
          warnings.add(UPSTREAM + " " + UpstreamUri.masked(uri) + ": its password is visible to every local user in the "
              + "process list; give it in " + UPSTREAM_PASSWORD_VARIABLE + " or a config file's password-file instead");
        } else if (upstream.username().isPresent() && environment.containsKey(UPSTREAM_PASSWORD_VARIABLE)) {
          upstream = upstream.withPassword(ConfigValues.secretVariable(UPSTREAM_PASSWORD_VARIABLE, environment));
        }
        String name;
        do {
          name = "upstream-" + ++number;
        } while (!taken.add(name));
        bridges.add(BridgeConfig.defaults(name, upstream));
      } catch (IllegalArgumentException e) {
        errors.add(UPSTREAM + ": " + e.getMessage());
      }
    }
    return bridges;
  }

  /** Reads the certificates and keys now, so a bad one is a start-up error, not a retry loop. */
  private static void checkTlsFiles(List<BridgeConfig> bridges, List<String> errors) {
    for (BridgeConfig bridge : bridges) {
      try {
        TlsFiles.check(bridge.tls());
      } catch (TlsFileException e) {
        errors.add("bridge " + bridge.name() + ": " + e.getMessage());
      }
    }
  }

  /** Picocli's complaint as one line that starts with the option it is about. */
  private static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().get(0);
      if (!argument.startsWith("-")) {
        // Picocli's nearest match for a stray word is rarely what was meant; list the commands.
        String commands = String.join(", ", e.getCommandLine().getSubcommands().keySet());
        return "unexpected argument: " + argument + " (the commands are " + commands + ")";
      }
      List<String> suggestions = unmatched.getSuggestions();
      String hint = suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)";
      return "unknown option: " + argument + hint;
    }
    if (e instanceof MissingParameterException missing
        && missing.getMissing().size() == 1
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      return option.longestName() + ": missing " + option.paramLabel();
    }
    if (e instanceof OverwrittenOptionException overwritten
        && overwritten.getOverwritten() instanceof OptionSpec option) {
      return option.longestName() + ": given more than once";
    }
    return String.join(" ", e.getMessage().lines().toList());
  }

  private static CommandSpec spec() {
    GatewayConfig defaults = GatewayConfig.defaults();
    CommandSpec spec = CommandSpec.create().name("java -jar gateway.jar");
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage()
        .description("MQTT-SN gateway: sensors over UDP become sessions of an MQTT broker.")
        .footer("", "Flags override the config file, which overrides the defaults.");
    spec.addOption(option(CONFIG, "FILE", "YAML config file; see the README for its format"));
    spec.addOption(option(UDP, "HOST:PORT", "MQTT-SN over UDP (default " + UdpSettings.DEFAULT_BIND + ")"));
    spec.addOption(option(UDP_BROADCAST, "HOST:PORT",
        "where to broadcast ADVERTISE over UDP, e.g. 255.255.255.255:1884 (default none)"));
    spec.addOption(option(MQTT, "HOST:PORT", "MQTT over TCP (default " + defaults.mqtt() + ")"));
    spec.addOption(option(WEBSOCKET, "HOST:PORT",
        "MQTT over WebSocket at ws://HOST:PORT/mqtt, for browsers (default off)"));
    spec.addOption(option(PASSWORD_FILE, "FILE",
        "MQTT users and passwords in Mosquitto's format (mosquitto_passwd); anonymous clients are then refused"));
    spec.addOption(option(ACL_FILE, "FILE",
        "who may publish, subscribe and receive what, in Mosquitto's ACL syntax"
            + " (default: anything but publishing to $ topics)"));
    spec.addOption(switchOption(ALLOW_ANONYMOUS,
        "let MQTT clients in without a username, also on a listener that is not on loopback"));
    spec.addOption(option(METRICS, "HOST:PORT", "serve Prometheus metrics at http://HOST:PORT/metrics (default off)"));
    spec.addOption(option(STATUS, "HOST:PORT", "serve the live status page at http://HOST:PORT/ (default off); "
        + "off loopback it needs a login: MQTT users from the password file, or status.token"));
    spec.addOption(
        option(DATA_DIR, "DIR", "where state is kept (default " + defaults.dataDir() + ")"));
    spec.addOption(option(GATEWAY_ID, "N", "the id in GWINFO and ADVERTISE, " + ConfigValues.MIN_GATEWAY_ID + ".."
        + ConfigValues.MAX_GATEWAY_ID + "; unique per network (default " + defaults.mqttSn().gatewayId() + ")"));
    spec.addOption(option(SYS_INTERVAL, "DURATION",
        "publish the counters as retained $SYS/broker/... topics this often, e.g. 30s; 0 for never (default 10s)"));
    spec.addOption(option(ADVERTISE_INTERVAL, "DURATION",
        "broadcast ADVERTISE this often, e.g. 15m; needs --udp-broadcast; 0 for never (default never)"));
    spec.addOption(
        OptionSpec.builder(PREDEFINED)
            .paramLabel("ID=TOPIC")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description(
                "a predefined topic id (" + ConfigValues.MIN_TOPIC_ID + ".."
                    + ConfigValues.MAX_TOPIC_ID + "); repeatable; adds to the config file's")
            .build());
    spec.addOption(
        OptionSpec.builder(UPSTREAM)
            .paramLabel("URI")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description(
                "forward every local message to the MQTT broker at URI, e.g. mqtts://user:pass@host"
                    + " (mqtt:// for plain TCP); repeatable; adds to the config file's bridges")
            .build());
    spec.addOption(
        OptionSpec.builder(SERIAL)
            .paramLabel("DEVICE[@BAUD][:FRAMING]")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description(
                "sensors on a serial port, e.g. /dev/ttyUSB0@115200:plain; framing plain (default), cobs,"
                    + " cobs-crc, xbee or xbee-escaped; 8N1, no flow control; repeatable; adds to the config file's")
            .build());
    spec.addOption(switchOption(BLE,
        "Bluetooth LE sensors on hci0 with the Nordic UART Service (the config file's ble: section sets more)"));
    spec.addOption(switchOption(RECOVER,
        "start with an empty store if the stored state is damaged (the damaged file is kept aside)"));
    spec.addOption(switchOption(IN_MEMORY, "keep no state on disk: nothing survives a restart"));
    return spec;
  }

  private static CommandSpec portsSpec() {
    CommandSpec spec = CommandSpec.create().name(PORTS);
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(
        "Lists the serial ports of this machine: device, description, USB vendor:product id, serial number",
        "and the stable /dev/serial/by-id links to put in the config instead of /dev/ttyUSB0; then listens 5 s",
        "through BlueZ for Bluetooth LE peripherals advertising the Nordic UART Service, with their RSSI.");
    return spec;
  }

  private static CommandSpec checkConfigSpec() {
    CommandSpec spec = CommandSpec.create().name(CHECK_CONFIG);
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(
        "Reads a config file as the gateway would (SNGW_ variables included) and starts nothing: prints every",
        "problem with its key and line and exits 1, or prints ok and the settings in effect (secrets masked)",
        "and exits 0; 2 for a usage error.");
    spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("FILE").type(String.class)
        .description("the config file").build());
    return spec;
  }

  private static CommandSpec passwdSpec() {
    CommandSpec spec = CommandSpec.create().name(PASSWD);
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(
        "Adds or changes a user of an MQTT password file in Mosquitto's format (mosquitto_passwd reads it too),",
        "creating the file, readable by its owner only, if it is missing.");
    spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("FILE").type(String.class)
        .description("the password file").build());
    spec.addPositional(PositionalParamSpec.builder().index("1").paramLabel("USER").type(String.class)
        .description("the user").build());
    spec.addOption(switchOption(DELETE, "remove the user instead"));
    spec.addOption(switchOption(PASSWORD_STDIN,
        "read the password from the first line of standard input instead of asking twice on the terminal"));
    return spec;
  }

  private static OptionSpec switchOption(String name, String description) {
    return OptionSpec.builder(name).arity("0").description(description).build();
  }

  private static OptionSpec option(String name, String label, String description) {
    return OptionSpec.builder(name)
        .paramLabel(label)
        .type(String.class)
        .description(description)
        .build();
  }
}
