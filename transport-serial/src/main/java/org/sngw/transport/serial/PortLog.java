package org.sngw.transport.serial;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.logging.LogFormat;
import org.sngw.time.Backoff;

/** Port events as log lines: one warning per outage, the retries after it only at debug level. */
final class PortLog implements PortEvents {
  private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);

  private final SerialPortConfig config;
  private final Backoff backoff;

  PortLog(SerialPortConfig config, Backoff backoff) {
    this.config = config;
    this.backoff = backoff;
  }

  @Override
  public void opened() {
    log.info("Serial port {} open at {} baud {}, flow control {}",
        config.device(), config.baud(), lineSettings(config), config.flowControl().name().toLowerCase(Locale.ROOT));
  }

  @Override
  public void reopened() {
    log.info("Serial port {} reopened", config.device());
  }

  @Override
  public void unavailable(String reason) {
    log.warn("Serial port {} is not available: {}; trying again in the background, after {} and then at "
        + "most every {}", config.device(), reason, LogFormat.duration(backoff.initial()), LogFormat.duration(backoff.max()));
  }

  @Override
  public void stillUnavailable(String reason) {
    log.debug("Serial port {} still not available: {}", config.device(), reason);
  }

  @Override
  public void lost(String reason, int peers) {
    log.warn("Serial port {} lost: {}; {} sensor(s) heard on it are lost, reopening it when it is back",
        config.device(), reason, peers);
  }

  /** The usual shorthand, e.g. {@code 8N1}. */
  static String lineSettings(SerialPortConfig config) {
    String parity = switch (config.parity()) {
      case NONE -> "N";
      case ODD -> "O";
      case EVEN -> "E";
      case MARK -> "M";
      case SPACE -> "S";
    };
    String stopBits = switch (config.stopBits()) {
      case ONE -> "1";
      case ONE_POINT_FIVE -> "1.5";
      case TWO -> "2";
    };
    return config.dataBits() + parity + stopBits;
  }
}
