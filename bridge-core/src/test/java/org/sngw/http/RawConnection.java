package org.sngw.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain socket that sends what no well-behaved HTTP client would: half a request, or one byte at a time. */
final class RawConnection implements AutoCloseable {
  private final Socket socket = new Socket();

  RawConnection(InetSocketAddress server) {
    try {
      socket.connect(server, 2000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request line and one header, without the blank line that would end the request. */
  static RawConnection idle(InetSocketAddress server) {
    RawConnection connection = new RawConnection(server);
    connection.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    return connection;
  }

  /** Sends the text; false when the server has closed the connection already. */
  boolean send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Everything the server sends until it closes the connection, or null if it is still open after {@code wait}. */
  String readUntilClosed(Duration wait) {
    try {
      socket.setSoTimeout((int) wait.toMillis());
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (SocketException e) {
      return ""; // reset: closed with unread input
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
