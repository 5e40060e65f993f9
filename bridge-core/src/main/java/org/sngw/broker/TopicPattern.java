package org.sngw.broker;

import java.util.Objects;
import java.util.Optional;
import org.sngw.broker.topic.Topics;

/**
 * A topic filter that may name its client, as Mosquitto's ACL {@code pattern} lines do: {@code %c}
 * stands for the client id, {@code %u} for the username.
 */
public record TopicPattern(String text) {
  /** @throws IllegalArgumentException if it is no valid filter once its placeholders are filled */
  public TopicPattern {
    Objects.requireNonNull(text, "text");
    if (!Topics.isValidFilter(text.replace("%c", "c").replace("%u", "u"))) {
      throw new IllegalArgumentException("'" + text + "' is not a valid topic filter");
    }
  }

  /**
   * The filter for this client; none when it names {@code %u} and the client has no username, or
   * when the id or username filled in holds {@code /}, {@code +} or {@code #}, which would widen it.
   */
  public Optional<String> filterFor(ClientIdentity client) {
    boolean namesClient = text.contains("%c");
    boolean namesUser = text.contains("%u");
    if (namesUser && client.username().isEmpty()) {
      return Optional.empty();
    }
    String injected = (namesClient ? client.clientId() : "") + (namesUser ? client.username().get() : "");
    if (injected.contains("/") || injected.contains("+") || injected.contains("#")) {
      return Optional.empty();
    }
    String filter = text.replace("%c", client.clientId()).replace("%u", client.username().orElse(""));
    return Topics.isValidFilter(filter) ? Optional.of(filter) : Optional.empty();
  }
}
