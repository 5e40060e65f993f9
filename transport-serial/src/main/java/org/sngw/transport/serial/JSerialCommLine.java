package org.sngw.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A port opened with jSerialComm, with blocking reads that time out and blocking writes. */
final class JSerialCommLine implements SerialLine {
  /**
   * How long a read waits for a first byte, which bounds how long the port thread takes to see the
   * transport closing. jSerialComm passes it to the tty in tenths of a second (VTIME): below 100 ms
   * a read would not wait at all and the thread would spin.
   */
  private static final int READ_TIMEOUT_MILLIS = 100;
  /** Long enough for a write in progress to finish, short enough to not wait on a stuck one. */
  private static final long CLOSE_WAIT_MILLIS = 200;

  private final SerialPort port;
  private final ReentrantLock writing = new ReentrantLock();
  private volatile boolean closed;

  private JSerialCommLine(SerialPort port) {
    this.port = port;
  }

  /**
   * Opens the device path as given, a {@code /dev/serial/by-id/...} link included (jSerialComm
   * resolves it on each open, so a re-plugged adapter is found under its new tty name).
   */
  static SerialLine open(SerialPortConfig config) throws IOException {
    Path device = Path.of(config.device());
    if (!Files.exists(device)) {
      throw new IOException("no such device");
    }
    if (!Files.isReadable(device) || !Files.isWritable(device)) {
      throw new IOException("permission denied (is the gateway's user in the dialout group?)");
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(config.device());
    } catch (SerialPortInvalidPortException e) {
      // The device went away between the check above and here.
      throw new IOException("no such device", e);
    }
    port.setComPortParameters(config.baud(), config.dataBits(), stopBits(config.stopBits()), parity(config.parity()));
    port.setFlowControl(flowControl(config.flowControl()));
    // Semi-blocking: a read returns as soon as any byte is there. Writes stay blocking without a
    // drain: jSerialComm has no write timeout on Linux, and its non-blocking write busy-waits.
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MILLIS, 0);
    // openPort's result is the truth: getLastErrorCode() may read ENOTTY (25) after a successful
    // open of a pty, and after a failed one does not reliably name the cause.
    if (!port.openPort()) {
      throw new IOException("cannot open it (in use by another program, or not a serial port)");
    }
    return new JSerialCommLine(port);
  }

  @Override
  public int read(byte[] into) throws IOException {
    int read = port.readBytes(into, into.length);
    if (read < 0) {
      // An unplugged USB adapter or a pty whose other end closed: EIO, then -1 on every read.
      throw new IOException(closed ? "port closed" : "read failed: " + describe(port.getLastErrorCode()));
    }
    return read;
  }

  @Override
  public void write(ByteBuffer bytes) throws IOException {
    int length = bytes.remaining();
    byte[] array;
    int offset;
    if (bytes.hasArray()) {
      array = bytes.array();
      offset = bytes.arrayOffset() + bytes.position();
    } else {
      array = new byte[length];
      bytes.duplicate().get(array);
      offset = 0;
    }
    writing.lock();
    try {
      if (closed) {
        throw new IOException("port closed");
      }
      int written = port.writeBytes(array, length, offset);
      if (written != length) {
        throw new IOException("write failed after " + Math.max(written, 0) + " of " + length + " bytes: "
            + describe(port.getLastErrorCode()));
      }
    } finally {
      writing.unlock();
    }
  }

  /**
   * Waits briefly for a write in progress, so that its bytes cannot land on a descriptor reused by
   * the next open, but not for a write held up by flow control: closing flushes the output, which
   * lets such a write return.
   */
  @Override
  public void close() {
    closed = true;
    boolean locked = false;
    try {
      locked = writing.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      port.closePort();
    } finally {
      if (locked) {
        writing.unlock();
      }
    }
  }

  static int parity(SerialPortConfig.Parity parity) {
    return switch (parity) {
      case NONE -> SerialPort.NO_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case MARK -> SerialPort.MARK_PARITY;
      case SPACE -> SerialPort.SPACE_PARITY;
    };
  }

  static int stopBits(SerialPortConfig.StopBits stopBits) {
    return switch (stopBits) {
      case ONE -> SerialPort.ONE_STOP_BIT;
      case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
      case TWO -> SerialPort.TWO_STOP_BITS;
    };
  }

  static int flowControl(SerialPortConfig.FlowControl flowControl) {
    return switch (flowControl) {
      case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
      case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
      case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
    };
  }

  /** The errno jSerialComm reports after a failed read or write, in words where it is a usual one. */
  static String describe(int errno) {
    return switch (errno) {
      case 5 -> "input/output error (EIO: device unplugged or hung up)";
      case 6 -> "no such device or address (ENXIO)";
      case 9 -> "port closed (EBADF)";
      case 19 -> "no such device (ENODEV)";
      default -> "error " + errno;
    };
  }
}
