package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialPortListingTest {
  @TempDir Path dir;

  @Test
  void usbId_isWrittenAsLsusbDoes_andUnknownIdsAreNone() {
    assertThat(SerialPortListing.usbId(0x0403, 0x6001)).contains("0403:6001");
    assertThat(SerialPortListing.usbId(0x10c4, 0xea60)).contains("10c4:ea60");
    assertThat(SerialPortListing.usbId(-1, -1)).isEmpty();
  }

  @Test
  void stableLinks_areTheByIdLinksThatResolveToTheDevice_danglingOnesLeftOut() throws IOException {
    Path device = Files.createFile(dir.resolve("ttyUSB0"));
    Path other = Files.createFile(dir.resolve("ttyUSB1"));
    Path byId = Files.createDirectory(dir.resolve("by-id"));
    Path link = Files.createSymbolicLink(byId.resolve("usb-FTDI_FT232R_A50285BI-if00-port0"), Path.of("../ttyUSB0"));
    Files.createSymbolicLink(byId.resolve("usb-Silicon_Labs_CP2102-if00-port0"), other);
    Files.createSymbolicLink(byId.resolve("usb-gone-if00-port0"), dir.resolve("ttyUSB9"));

    SerialPortListing listing = SerialPortListing.of(device.toString(), "FT232R USB UART",
        Optional.of("0403:6001"), Optional.of("A50285BI"), byId);

    assertThat(listing.stableLinks()).containsExactly(link);
    assertThat(listing.line()).isEqualTo(device + "  FT232R USB UART  usb 0403:6001  serial A50285BI  " + link);
  }

  @Test
  void noByIdDirectory_meansNoLinks() {
    SerialPortListing listing = SerialPortListing.of("/dev/ttyS0", "Physical Port S0", Optional.empty(),
        Optional.empty(), dir.resolve("absent"));

    assertThat(listing).isEqualTo(new SerialPortListing("/dev/ttyS0", "Physical Port S0", Optional.empty(),
        Optional.empty(), List.of()));
    assertThat(listing.line()).isEqualTo("/dev/ttyS0  Physical Port S0");
  }
}
