package org.sngw.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import io.netty.channel.socket.SocketProtocolFamily;
import org.junit.jupiter.api.Test;

/** Which socket family a bind address gets; decided without opening a socket. */
class SocketFamilyTest {
  @Test
  void familyOf_ipv4WildcardAndLoopback_isIpv4() throws Exception {
    // An IPv4 socket is what lets SO_BROADCAST reach an IPv4 broadcast address.
    assertThat(UdpTransport.familyOf(InetAddress.getByAddress(new byte[4]))).isEqualTo(SocketProtocolFamily.INET);
    assertThat(UdpTransport.familyOf(InetAddress.getLoopbackAddress())).isEqualTo(SocketProtocolFamily.INET);
  }

  @Test
  void familyOf_ipv6_staysDualStack() throws Exception {
    assertThat(UdpTransport.familyOf(InetAddress.getByName("::1"))).isEqualTo(SocketProtocolFamily.INET6);
    assertThat(UdpTransport.familyOf(InetAddress.getByAddress(new byte[16]))).isEqualTo(SocketProtocolFamily.INET6);
  }
}
