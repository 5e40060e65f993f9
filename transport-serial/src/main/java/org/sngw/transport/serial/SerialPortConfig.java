package org.sngw.transport.serial;

import java.util.Objects;
import org.sngw.config.TransportPlan;
import org.sngw.runtime.TransportContext;
import org.sngw.transport.Transport;
import org.sngw.transport.serial.framing.Framing;

/**
 * One serial port with sensors on it: a USB-serial node, a UART on the GPIO header, or an XBee
 * coordinator relaying a radio network.
 *
 * @param device a path such as {@code /dev/ttyUSB0} or a stable {@code /dev/serial/by-id/...} link
 */
public record SerialPortConfig(
    String device,
    int baud,
    int dataBits,
    Parity parity,
    StopBits stopBits,
    FlowControl flowControl,
    Framing framing) implements TransportPlan {
  public SerialPortConfig {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(stopBits, "stopBits");
    Objects.requireNonNull(flowControl, "flowControl");
    Objects.requireNonNull(framing, "framing");
  }

  public static final int DEFAULT_BAUD = 115_200;

  /** 8N1 at 115200 baud, no flow control, plain framing. */
  public static SerialPortConfig of(String device) {
    return new SerialPortConfig(device, DEFAULT_BAUD, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, Framing.PLAIN);
  }

  public SerialPortConfig with(int newBaud, Framing newFraming) {
    return new SerialPortConfig(device, newBaud, dataBits, parity, stopBits, flowControl, newFraming);
  }

  public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

  public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

  public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

  /** A transport on this port; a port that is missing now is no error, it is opened once it appears. */
  @Override
  public Transport open(TransportContext context) {
    return SerialTransport.of(this, context.events());
  }
}
