package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The annotated example config, {@code src/main/dist/sngw.example.yaml}, is the one place every key
 * is documented: it parses, it holds every key the readers (the core's and every module's) ask for,
 * and the README shows it as it is.
 */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of("src", "main", "dist", "sngw.example.yaml");
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern ETC_FILE = Pattern.compile("/etc/sngw/([A-Za-z0-9._-]+)");

  @TempDir Path dir;

  @Test
  void example_parses() throws Exception {
    GatewayConfig config = ConfigFile.load(runnableCopy());

    assertThat(config.bridges()).isNotEmpty();
    assertThat(config.extensions()).as("the hardware section").isNotEmpty();
  }

  @Test
  void example_holdsEveryKeyTheReadersKnow() throws Exception {
    Path example = runnableCopy();

    Set<String> missing = new TreeSet<>(ConfigFile.keysRead(example));
    missing.removeAll(keysIn(example));

    // A key that cannot stand beside another (password-env beside password-file) is named in a comment.
    String text = Files.readString(EXAMPLE);
    assertThat(missing).allSatisfy(key -> assertThat(text).as("the example names %s", key)
        .containsPattern("#.*\\b" + Pattern.quote(key.substring(key.lastIndexOf('.') + 1)) + ":"));
  }

  @Test
  void readme_showsTheExampleAsItIs() throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("### Configuration file");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();

    assertThat(readme.substring(start, readme.indexOf("```", start))).isEqualTo(Files.readString(EXAMPLE));
  }

  /** The example with the files it names made in a temp dir instead of /etc/sngw, so it can be read here. */
  private Path runnableCopy() throws IOException {
    String text = Files.readString(EXAMPLE);
    Matcher files = ETC_FILE.matcher(text);
    while (files.find()) {
      Files.writeString(dir.resolve(files.group(1)), "stand-in\n");
    }
    return Files.writeString(dir.resolve("sngw.yaml"), text.replace("/etc/sngw/", dir + "/"));
  }

  /** Every setting the file holds, as dotted paths with list items as [] (serial[].device). */
  private static Set<String> keysIn(Path file) throws IOException {
    Set<String> keys = new TreeSet<>();
    collect(new Yaml().compose(Files.newBufferedReader(file)), "", keys);
    return keys;
  }

  private static void collect(Node node, String path, Set<String> keys) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        collect(tuple.getValueNode(), path.isEmpty() ? key : path + "." + key, keys);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> collect(item, path + "[]", keys));
    } else {
      keys.add(path);
    }
  }
}
