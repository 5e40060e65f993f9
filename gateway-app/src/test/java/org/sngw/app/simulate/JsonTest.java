package org.sngw.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void write_objectsKeepTheirOrder_andStringsAreEscaped() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("p99", 4.56789);
    inner.put("none", null);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("filter", "a\"b\\c\n");
    outer.put("count", 3L);
    outer.put("ok", true);
    outer.put("latency", inner);
    outer.put("rate", Double.NaN);

    assertThat(Json.write(outer)).isEqualTo(
        "{\"filter\":\"a\\\"b\\\\c\\u000a\",\"count\":3,\"ok\":true,\"latency\":{\"p99\":4.568,\"none\":null},"
            + "\"rate\":null}");
  }

  @Test
  void write_somethingElse_isRefused() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
  }
}
