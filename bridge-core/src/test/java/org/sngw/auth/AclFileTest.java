package org.sngw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIdentity.Origin;
import org.sngw.runtime.StartException;

class AclFileTest {
  private static final ClientIdentity ALICE = new ClientIdentity("dash-1", Optional.of("alice"), Origin.MQTT);
  private static final ClientIdentity BOB = new ClientIdentity("dash-2", Optional.of("bob"), Origin.MQTT);
  private static final ClientIdentity SENSOR = new ClientIdentity("s7", Optional.empty(), Origin.MQTT_SN);

  @TempDir Path dir;

  @Test
  void topicLines_belongToTheUserAbove_andThoseBeforeAnyUserToAnonymousClients() throws Exception {
    AclFile acl = acl("""
        # anonymous clients: the MQTT-SN sensors
        topic read cmd/#
        user alice
        topic readwrite home/#
        topic read $SYS/#
        user bob
        topic write home/bob/inbox
        """);

    assertThat(acl.mayPublish(ALICE, "home/kitchen/light")).isTrue();
    assertThat(acl.mayReceive(ALICE, "home/kitchen/light")).isTrue();
    assertThat(acl.mayReceive(ALICE, "$SYS/broker/store/state")).isTrue();
    assertThat(acl.mayPublish(ALICE, "$SYS/broker/store/state")).isFalse();
    assertThat(acl.mayReceive(ALICE, "cmd/s7")).as("anonymous rules are not alice's").isFalse();
    assertThat(acl.mayPublish(BOB, "home/bob/inbox")).isTrue();
    assertThat(acl.mayReceive(BOB, "home/bob/inbox")).as("write only").isFalse();
    assertThat(acl.mayReceive(SENSOR, "cmd/s7")).isTrue();
    assertThat(acl.mayPublish(SENSOR, "cmd/s7")).isFalse();
    assertThat(acl.mayPublish(new ClientIdentity("x", Optional.of("carol"), Origin.MQTT), "home/a")).as("unlisted user").isFalse();
  }

  @Test
  void patterns_applyToEveryClient_withItsClientIdAndUsername() throws Exception {
    AclFile acl = acl("""
        pattern write sensors/%c/#
        pattern read cmd/%c/#
        pattern readwrite users/%u/#
        """);

    assertThat(acl.mayPublish(SENSOR, "sensors/s7/temp")).isTrue();
    assertThat(acl.mayPublish(SENSOR, "sensors/s8/temp")).as("another sensor's topic").isFalse();
    assertThat(acl.mayReceive(SENSOR, "cmd/s7/reboot")).isTrue();
    assertThat(acl.mayReceive(SENSOR, "cmd/s8/reboot")).isFalse();
    assertThat(acl.mayPublish(ALICE, "users/alice/notes")).isTrue();
    assertThat(acl.mayPublish(SENSOR, "users//notes")).as("%u needs a username").isFalse();
  }

  @Test
  void pattern_clientIdWithWildcards_doesNotWidenItsRule() throws Exception {
    AclFile acl = acl("pattern write sensors/%c/#\n");

    assertThat(acl.mayPublish(new ClientIdentity("#", Optional.empty(), Origin.MQTT_SN), "sensors/s7/temp")).isFalse();
    assertThat(acl.mayPublish(new ClientIdentity("a/b", Optional.empty(), Origin.MQTT_SN), "sensors/a/b/temp")).isFalse();
  }

  @Test
  void deny_winsOverAGrant_forPublishReceiveAndWholeSubscriptions() throws Exception {
    AclFile acl = acl("""
        user alice
        topic readwrite home/#
        topic deny home/safe/#
        """);

    assertThat(acl.mayPublish(ALICE, "home/safe/code")).isFalse();
    assertThat(acl.mayReceive(ALICE, "home/safe/code")).isFalse();
    assertThat(acl.mayReceive(ALICE, "home/hall")).isTrue();
    assertThat(acl.maySubscribe(ALICE, "home/safe/#")).isFalse();
    assertThat(acl.maySubscribe(ALICE, "home/#")).as("allowed; its deliveries are checked one by one").isTrue();
  }

  @Test
  void maySubscribe_needsAReadableTopicCoveringTheWholeFilter() throws Exception {
    AclFile acl = acl("""
        user alice
        topic read home/+/temp
        """);

    assertThat(acl.maySubscribe(ALICE, "home/+/temp")).isTrue();
    assertThat(acl.maySubscribe(ALICE, "home/kitchen/temp")).isTrue();
    assertThat(acl.maySubscribe(ALICE, "home/#")).isFalse();
    assertThat(acl.maySubscribe(ALICE, "#")).isFalse();
  }

  @Test
  void accessWordLeftOut_isReadwrite() throws Exception {
    AclFile acl = acl("user alice\ntopic home/#\n");

    assertThat(acl.mayPublish(ALICE, "home/a")).isTrue();
    assertThat(acl.mayReceive(ALICE, "home/a")).isTrue();
  }

  @Test
  void badLines_areReportedTogetherWithTheirNumbers() throws Exception {
    Path file = Files.writeString(dir.resolve("acl"), "user\ntopic\ntopic read a/#/b\nallow all\n");

    assertThatThrownBy(() -> AclFile.read(file))
        .isInstanceOf(StartException.class)
        .hasMessageStartingWith("ACL file " + file + ": ")
        .hasMessageContaining("line 1: user without a name")
        .hasMessageContaining("line 2: expected [read|write|readwrite|deny] TOPIC")
        .hasMessageContaining("line 3: 'a/#/b' is not a topic filter")
        .hasMessageContaining("line 4: expected user, topic or pattern, got 'allow'");
  }

  @Test
  void reload_takesTheNewRules_andABadFileKeepsTheOld() throws Exception {
    Path file = Files.writeString(dir.resolve("acl"), "user alice\ntopic read a\n");
    AclFile acl = AclFile.read(file);

    Files.writeString(file, "user alice\ntopic read b\n");
    acl.reload();
    assertThat(acl.mayReceive(ALICE, "b")).isTrue();
    assertThat(acl.mayReceive(ALICE, "a")).isFalse();

    Files.writeString(file, "nonsense\n");
    assertThatThrownBy(acl::reload).isInstanceOf(StartException.class);
    assertThat(acl.mayReceive(ALICE, "b")).isTrue();
  }

  private AclFile acl(String text) throws Exception {
    return AclFile.read(Files.writeString(dir.resolve("acl"), text));
  }
}
