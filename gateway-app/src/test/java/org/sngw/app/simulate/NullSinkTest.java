package org.sngw.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

class NullSinkTest {
  @Test
  void answer_acknowledgesWhatAGatewayWould_andNothingElse() {
    assertThat(NullSink.answer(new SnPacket.Connect(false, true, 60, "c"))).contains(new SnPacket.ConnAck(ReturnCode.ACCEPTED));
    assertThat(NullSink.answer(new SnPacket.Register(0, 7, "t"))).contains(new SnPacket.RegAck(1, 7, ReturnCode.ACCEPTED));
    assertThat(NullSink.answer(publish(SnQos.AT_LEAST_ONCE))).contains(new SnPacket.PubAck(5, 9, ReturnCode.ACCEPTED));
    assertThat(NullSink.answer(publish(SnQos.EXACTLY_ONCE))).contains(new SnPacket.PubRec(9));
    assertThat(NullSink.answer(new SnPacket.PubRel(9))).contains(new SnPacket.PubComp(9));
    assertThat(NullSink.answer(publish(SnQos.AT_MOST_ONCE))).isEmpty();
    assertThat(NullSink.answer(new SnPacket.PubAck(5, 9, ReturnCode.ACCEPTED))).isEmpty();
  }

  private static SnPacket.Publish publish(SnQos qos) {
    return new SnPacket.Publish(false, qos, false, new SnTopic.Registered(5), qos == SnQos.AT_MOST_ONCE ? 0 : 9,
        new byte[] {1});
  }
}
