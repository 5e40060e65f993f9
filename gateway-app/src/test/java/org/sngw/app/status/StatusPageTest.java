package org.sngw.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.auth.PasswordFile;
import org.sngw.config.ListenAddress;
import org.sngw.config.StatusConfig;
import org.sngw.runtime.StartException;

/** Who may open the status page, by where it listens and what logins there are. */
class StatusPageTest {
  private static final Optional<String> TOKEN = Optional.of("0123456789abcdef");
  private static final Optional<PasswordFile> USERS = Optional.of(PasswordFile.empty(Path.of("passwd")));

  @Test
  void loopback_withAnonymousMqttAndNoToken_isOpen() throws Exception {
    assertThat(StatusPage.isOpen(page("127.0.0.1", Optional.empty()), new Authenticator(Optional.empty(), true)))
        .isTrue();
  }

  @Test
  void loopback_withATokenOrAPasswordFile_asksForALogin() throws Exception {
    assertThat(StatusPage.isOpen(page("127.0.0.1", TOKEN), new Authenticator(Optional.empty(), true))).isFalse();
    assertThat(StatusPage.isOpen(page("localhost", Optional.empty()), new Authenticator(USERS, false))).isFalse();
  }

  @Test
  void network_isNeverOpen_evenWhereMqttLetsAnonymousClientsIn() throws Exception {
    assertThat(StatusPage.isOpen(page("0.0.0.0", TOKEN), new Authenticator(Optional.empty(), true))).isFalse();
    assertThat(StatusPage.isOpen(page("0.0.0.0", Optional.empty()), new Authenticator(USERS, true))).isFalse();
  }

  @Test
  void network_withoutAnyLogin_doesNotStart() {
    assertThatThrownBy(() -> StatusPage.isOpen(page("0.0.0.0", Optional.empty()),
        new Authenticator(Optional.empty(), true)))
        .isInstanceOf(StartException.class)
        .hasMessage("status page on 0.0.0.0:8080 is reachable from the network and has no login: set password-file"
            + " (MQTT users log in) or status.token, or listen on 127.0.0.1");
  }

  @Test
  void shortToken_isRefused() {
    assertThatThrownBy(() -> new StatusConfig(new ListenAddress("127.0.0.1", 8080), Optional.of("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StatusConfig page(String host, Optional<String> token) {
    return new StatusConfig(new ListenAddress(host, 8080), token);
  }
}
