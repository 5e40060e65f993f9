package org.sngw.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Topic names and filters as clients send them (any UTF-16 the decoders let through): validation
 * and matching agree with the plain reading of the specification in {@link ReferenceTopics}.
 */
class TopicsFuzzTest {

  @FuzzTest
  void validateAndMatch_anyStrings_agreeWithTheSpecification(FuzzedDataProvider data) {
    String filter = data.consumeString(200);
    String name = data.consumeRemainingAsString();

    assertThat(Topics.isValidName(name)).as("name %s", name).isEqualTo(ReferenceTopics.isValidName(name));
    assertThat(Topics.isValidFilter(filter)).as("filter %s", filter).isEqualTo(ReferenceTopics.isValidFilter(filter));
    if (Topics.isValidFilter(filter) && Topics.isValidName(name)) {
      assertThat(Topics.matches(filter, name)).as("%s matches %s", filter, name)
          .isEqualTo(ReferenceTopics.matches(filter, name));
      assertThat(Topics.hasWildcard(filter) || Topics.matches(filter, name) == filter.equals(name)).isTrue();
    }
  }
}
