package org.sngw.app.status;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.auth.Authenticator;
import org.sngw.config.StatusConfig;
import org.sngw.http.EndpointCounters;
import org.sngw.http.EndpointLimits;
import org.sngw.http.HttpEndpoint;
import org.sngw.logging.RateLimitedWarning;
import org.sngw.metrics.GatewayMetrics;
import org.sngw.runtime.CoreLoop;
import org.sngw.runtime.StartException;
import org.sngw.time.Clock;

/**
 * The live status page: sensors with their state, topics and last values, message rates, bridges,
 * the store and recent warnings, updated every {@link StatusFeed#PERIOD} over server-sent events,
 * on an {@link HttpEndpoint} of its own. Open to anyone only on loopback where MQTT lets anonymous
 * clients in and no token is set; off loopback it never starts without a login to ask for.
 */
public final class StatusPage implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StatusPage.class);
  /** Room for a few browsers' page loads beside their streams; a page load is done in well under 10 s. */
  private static final EndpointLimits LIMITS = new EndpointLimits(Duration.ofSeconds(10), 32);

  private final HttpEndpoint http;
  private final StatusFeed feed;
  private final EventStreams streams;
  private final CoreLoop core;

  private StatusPage(HttpEndpoint http, StatusFeed feed, EventStreams streams, CoreLoop core) {
    this.http = http;
    this.feed = feed;
    this.streams = streams;
    this.core = core;
  }

  /**
   * @param users the MQTT users, to log in with; its anonymous rule is that of this page's address
   * @param readsEverything whether the access rules let a user read every topic: only such a user
   *     may see the page, which shows every sensor's values
   * @throws StartException when the address is not loopback and there is no login to ask for, or it cannot bind
   */
  public static StatusPage start(StatusConfig config, Authenticator users, Predicate<String> readsEverything,
      StatusSources sources, CoreLoop core, GatewayMetrics metrics) throws StartException {
    InetSocketAddress bind = config.listen().toSocketAddress();
    boolean open = isOpen(config, users);
    StatusLogin login = new StatusLogin(open, config.token(), users::passwords, readsEverything, Clock.SYSTEM);
    EventStreams streams = new EventStreams(Clock.SYSTEM);
    StatusFeed feed = new StatusFeed(sources, core, core, core, streams::publish, () -> !streams.isEmpty());
    EndpointCounters counters = new EndpointCounters("status", metrics, Clock.SYSTEM);
    Runnable refused = refusedLogins(metrics);
    HttpEndpoint http = HttpEndpoint.start("status", bind, LIMITS, counters,
        () -> new StatusHandler(counters, login, feed, streams, refused));
    core.execute(feed::start);
    StatusPage page = new StatusPage(http, feed, streams, core);
    log.info("status page on http://{}:{}/ ({})", config.listen().host(), page.address().getPort(),
        open ? "open: loopback only" : "login: " + logins(config, users));
    return page;
  }

  /**
   * Whether anyone may see the page: only on loopback, where MQTT lets anonymous clients in, and
   * with no token set (a token set is a token asked for).
   *
   * @throws StartException when the page would be reachable from the network without a login
   */
  static boolean isOpen(StatusConfig config, Authenticator users) throws StartException {
    InetSocketAddress bind = config.listen().toSocketAddress();
    boolean loopback = !bind.isUnresolved() && bind.getAddress().isLoopbackAddress();
    if (!loopback && config.token().isEmpty() && users.passwords().isEmpty()) {
      throw new StartException("status page on " + config.listen() + " is reachable from the network and has no"
          + " login: set password-file (MQTT users log in) or status.token, or listen on 127.0.0.1");
    }
    return loopback && config.token().isEmpty() && users.allowsAnonymous();
  }

  private static String logins(StatusConfig config, Authenticator users) {
    String passwords = users.passwords().map(file -> "MQTT users of " + file.source()).orElse(null);
    String token = config.token().isPresent() ? "the token" : null;
    return passwords != null && token != null ? passwords + " or " + token : passwords != null ? passwords : token;
  }

  private static Runnable refusedLogins(GatewayMetrics metrics) {
    LongAdder refused = new LongAdder();
    metrics.counter("sngw.status.logins.refused", "status page requests with a wrong password or token",
        refused::sum);
    RateLimitedWarning warning = new RateLimitedWarning(log, Duration.ofSeconds(10), Clock.SYSTEM);
    return () -> {
      refused.increment();
      warning.warn("status page refused a login: wrong password or token ({} so far)", refused.sum());
    };
  }

  public InetSocketAddress address() {
    return http.address();
  }

  /** Stops the feed, then the streams and the endpoint. */
  @Override
  public void close() {
    CompletableFuture.runAsync(feed::stop, core).join();
    streams.close();
    http.close();
  }
}
