package org.sngw.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayEventsTest {
  private final List<String> told = new ArrayList<>();

  private GatewayEvents recorder(String name) {
    return new GatewayEvents() {
      @Override
      public void messageIn() {
        told.add(name + " in");
      }

      @Override
      public void serialPortReappeared(String port) {
        told.add(name + " " + port);
      }
    };
  }

  @Test
  void allOf_none_isNone() {
    assertThat(GatewayEvents.allOf(List.of())).isSameAs(GatewayEvents.NONE);
  }

  @Test
  void allOf_one_isThatOne() {
    GatewayEvents only = recorder("a");

    assertThat(GatewayEvents.allOf(List.of(only))).isSameAs(only);
  }

  @Test
  void allOf_several_tellsEachInOrder() {
    GatewayEvents both = GatewayEvents.allOf(List.of(recorder("a"), recorder("b")));

    both.messageIn();
    both.serialPortReappeared("/dev/ttyUSB0");
    both.storeError();

    assertThat(told).containsExactly("a in", "b in", "a /dev/ttyUSB0", "b /dev/ttyUSB0");
  }
}
