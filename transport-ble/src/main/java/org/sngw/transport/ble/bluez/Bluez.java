package org.sngw.transport.ble.bluez;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.sngw.transport.ble.central.BleException;

/** BlueZ's D-Bus names, and the conversions between its values and ours. */
final class Bluez {
  static final String BUS_NAME = "org.bluez";
  static final String ADAPTER = "org.bluez.Adapter1";
  static final String DEVICE = "org.bluez.Device1";
  static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";

  private static final Pattern ADDRESS = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}");
  private static final Pattern ADAPTER_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final String DEVICE_PREFIX = "/dev_";

  private Bluez() {
  }

  static String adapterPath(String adapterName) {
    if (!ADAPTER_NAME.matcher(adapterName).matches()) {
      throw new IllegalArgumentException("adapter name must be like hci0, was: " + adapterName);
    }
    return "/org/bluez/" + adapterName;
  }

  static boolean isAddress(String address) {
    return address != null && ADDRESS.matcher(address).matches();
  }

  static String devicePath(String adapterPath, String address) {
    return adapterPath + DEVICE_PREFIX + address.toUpperCase(Locale.ROOT).replace(':', '_');
  }

  /** The address of the device object at {@code path}, if it is one of this adapter's devices. */
  static Optional<String> deviceAddress(String adapterPath, String path) {
    String prefix = adapterPath + DEVICE_PREFIX;
    if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(path.substring(prefix.length()).replace('_', ':'));
  }

  /** An {@code ay} as dbus-java hands it over: a byte array, or a list of bytes inside variants. */
  static byte[] bytes(Object value) {
    if (value instanceof byte[] array) {
      return array.clone();
    }
    if (value instanceof List<?> list) {
      byte[] array = new byte[list.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = ((Number) list.get(i)).byteValue();
      }
      return array;
    }
    return new byte[0];
  }

  /** An {@code as}: a string array or a list. */
  static List<String> strings(Object value) {
    if (value instanceof String[] array) {
      return Arrays.asList(array);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** {@code what} failed, with the first line of the underlying reason. */
  static BleException failure(String what, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String reason = cause.getMessage() == null || cause.getMessage().isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getMessage().strip().lines().findFirst().orElse("");
    return new BleException(what + ": " + reason, cause);
  }
}
