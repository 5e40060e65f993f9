package org.sngw.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void write_objectsKeepTheirOrder_andStringsAreEscaped() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("p99", 4.56789);
    inner.put("none", null);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("filter", "a\"b\\c\n\u0001");
    outer.put("count", 3L);
    outer.put("ok", true);
    outer.put("latency", inner);
    outer.put("rate", Double.NaN);
    outer.put("ids", List.of("x", 1, List.of()));

    assertThat(Json.write(outer)).isEqualTo(
        "{\"filter\":\"a\\\"b\\\\c\\n\\u0001\",\"count\":3,\"ok\":true,\"latency\":{\"p99\":4.568,\"none\":null},"
            + "\"rate\":null,\"ids\":[\"x\",1,[]]}");
  }

  @Test
  void write_somethingElse_isRefused() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
  }
}
