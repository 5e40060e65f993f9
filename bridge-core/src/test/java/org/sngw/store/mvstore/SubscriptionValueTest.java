package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sngw.broker.DeliveryOptions;
import org.sngw.message.Qos;

class SubscriptionValueTest {
  @Test
  void plain_isTheQosByteAlone_asBeforeMqtt5() {
    assertThat(SubscriptionValue.encode(Qos.EXACTLY_ONCE, DeliveryOptions.PLAIN)).containsExactly(2);
    assertThat(SubscriptionValue.decode(new byte[] {1}))
        .isEqualTo(new SubscriptionValue.Read(Qos.AT_LEAST_ONCE, DeliveryOptions.PLAIN));
  }

  @Test
  void options_roundTrip() {
    DeliveryOptions options = new DeliveryOptions(true, false, 300);

    assertThat(SubscriptionValue.decode(SubscriptionValue.encode(Qos.AT_MOST_ONCE, options)))
        .isEqualTo(new SubscriptionValue.Read(Qos.AT_MOST_ONCE, options));
  }

  @Test
  void badFlags_orAnIdentifierOutOfRange_areRefused() {
    assertThatThrownBy(() -> SubscriptionValue.decode(new byte[] {3})).isInstanceOf(ValueFormatException.class);
    assertThatThrownBy(() -> SubscriptionValue.decode(new byte[] {0x20})).isInstanceOf(ValueFormatException.class);
    assertThatThrownBy(() -> SubscriptionValue.decode(new byte[] {0x10, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1}))
        .isInstanceOf(ValueFormatException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> SubscriptionValue.decode(new byte[] {1, 1})).isInstanceOf(ValueFormatException.class);
  }
}
