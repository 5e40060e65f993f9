package org.sngw.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.sngw.broker.AccessRules;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.TopicPattern;
import org.sngw.broker.topic.Topics;
import org.sngw.runtime.StartException;

/**
 * Topic access from a file in Mosquitto's ACL syntax, so an existing {@code acl_file} works here:
 *
 * <pre>
 * topic read $SYS/#            # before any user line: clients without a username (MQTT-SN sensors)
 * user alice
 * topic readwrite home/#       # alice's own
 * topic deny home/secret/#     # a deny wins over any grant
 * pattern write sensors/%c/#   # every client: %c is its client id, %u its username
 * </pre>
 *
 * Access is {@code read}, {@code write}, {@code readwrite} (the default) or {@code deny}. Whatever
 * no line grants is denied. Reading covers subscribing: a filter is allowed when a readable topic
 * covers every name it matches, and each delivery is checked again, so a deny inside a wildcard
 * holds. {@link #reload} reads the file again (SIGHUP).
 */
public final class AclFile implements AccessRules {
  private enum Access { READ, WRITE, READWRITE, DENY }

  private record Rule(Access access, String topic) {
    boolean reads() {
      return access == Access.READ || access == Access.READWRITE;
    }

    boolean writes() {
      return access == Access.WRITE || access == Access.READWRITE;
    }
  }

  /** A {@code pattern} line: its topic names the client. */
  private record PatternRule(Access access, TopicPattern topic) {}

  /** Everything the file says, swapped whole on reload. */
  private record Rules(List<Rule> anonymous, Map<String, List<Rule>> users, List<PatternRule> patterns) {}

  private final Path source;
  private volatile Rules rules;

  private AclFile(Path source, Rules rules) {
    this.source = source;
    this.rules = rules;
  }

  /** @throws StartException naming the file and every bad line */
  public static AclFile read(Path file) throws StartException {
    return new AclFile(file, parse(file));
  }

  /** @throws StartException when the file cannot be read now; the rules read before stay */
  public void reload() throws StartException {
    rules = parse(source);
  }

  public Path source() {
    return source;
  }

  @Override
  public boolean mayPublish(ClientIdentity client, String topic) {
    return decide(client, rule -> Topics.matches(rule.topic(), topic), Rule::writes);
  }

  @Override
  public boolean maySubscribe(ClientIdentity client, String filter) {
    return decide(client, rule -> Topics.covers(rule.topic(), filter), Rule::reads);
  }

  @Override
  public boolean mayReceive(ClientIdentity client, String topic) {
    return decide(client, rule -> Topics.matches(rule.topic(), topic), Rule::reads);
  }

  /** A deny that applies wins; otherwise any applicable rule that grants the access. */
  private boolean decide(ClientIdentity client, Predicate<Rule> applies, Predicate<Rule> grants) {
    boolean granted = false;
    for (Rule rule : applicable(client)) {
      if (applies.test(rule)) {
        if (rule.access() == Access.DENY) {
          return false;
        }
        granted |= grants.test(rule);
      }
    }
    return granted;
  }

  private List<Rule> applicable(ClientIdentity client) {
    Rules now = rules;
    List<Rule> applicable = new ArrayList<>(client.username().map(user -> now.users().getOrDefault(user, List.of()))
        .orElse(now.anonymous()));
    for (PatternRule pattern : now.patterns()) {
      pattern.topic().filterFor(client).ifPresent(filter -> applicable.add(new Rule(pattern.access(), filter)));
    }
    return applicable;
  }

  private static Rules parse(Path file) throws StartException {
    List<String> lines = AccessFiles.lines(file, "ACL file");
    List<Rule> anonymous = new ArrayList<>();
    Map<String, List<Rule>> users = new HashMap<>();
    List<PatternRule> patterns = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Rule> current = anonymous;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      String keyword = words[0];
      String rest = words.length > 1 ? words[1].strip() : "";
      if (keyword.equals("user")) {
        if (rest.isEmpty()) {
          problems.add("line " + (i + 1) + ": user without a name");
        } else {
          current = users.computeIfAbsent(rest, user -> new ArrayList<>());
        }
      } else if (keyword.equals("topic") || keyword.equals("pattern")) {
        Optional<Rule> rule = rule(rest, i + 1, problems);
        if (rule.isPresent() && keyword.equals("topic")) {
          current.add(rule.get());
        } else if (rule.isPresent()) {
          patterns.add(new PatternRule(rule.get().access(), new TopicPattern(rule.get().topic())));
        }
      } else {
        problems.add("line " + (i + 1) + ": expected user, topic or pattern, got '" + keyword + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new StartException("ACL file " + file + ": " + String.join("; ", problems));
    }
    return new Rules(List.copyOf(anonymous), Map.copyOf(users), List.copyOf(patterns));
  }

  private static Optional<Rule> rule(String text, int lineNumber, List<String> problems) {
    String[] words = text.split("\\s+", 2);
    Access access = Access.READWRITE;
    String topic = text;
    if (words.length == 2 && isAccess(words[0])) {
      access = Access.valueOf(words[0].toUpperCase(Locale.ROOT));
      topic = words[1].strip();
    }
    if (topic.isEmpty() || isAccess(topic)) {
      problems.add("line " + lineNumber + ": expected [read|write|readwrite|deny] TOPIC");
      return Optional.empty();
    }
    if (!Topics.isValidFilter(topic.replace("%c", "c").replace("%u", "u"))) {
      problems.add("line " + lineNumber + ": '" + topic + "' is not a topic filter");
      return Optional.empty();
    }
    return Optional.of(new Rule(access, topic));
  }

  private static boolean isAccess(String word) {
    return switch (word) {
      case "read", "write", "readwrite", "deny" -> true;
      default -> false;
    };
  }
}
