package org.sngw.app.status;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sngw.auth.PasswordFile;
import org.sngw.time.Clock;

/**
 * Who may see the status page: anyone, on a loopback address where MQTT lets anonymous clients in
 * and no token is set; otherwise a browser that logs in with an MQTT user of the password file
 * (HTTP Basic) whom the access rules let read every topic, as the page shows every sensor's
 * values, or brings the token ({@code ?token=}, or {@code Authorization: Bearer}). A login
 * gets a session cookie, so the password hash is checked once and the token leaves the address
 * bar. At most {@link #MAX_SESSIONS} sessions, each for {@link #SESSION_LIFETIME}. Used on the
 * status page's one I/O thread only.
 */
final class StatusLogin {
  static final String COOKIE = "sngw_status";
  static final int MAX_SESSIONS = 64;
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final String BEARER = "Bearer ";
  private static final String BASIC = "Basic ";

  /** The answer for one request. */
  sealed interface Verdict {
    /** Let in as it came: anonymous, or with a session cookie. */
    record Allowed() implements Verdict {}

    /** Let in by a token or a password just now: the cookie to set, so it need not come again. */
    record LoggedIn(String setCookie) implements Verdict {}

    /** No login, or a wrong one. */
    record Refused(boolean triedToLogIn) implements Verdict {}
  }

  private final boolean open;
  private final Optional<byte[]> token;
  private final Supplier<Optional<PasswordFile>> users;
  private final Predicate<String> readsEverything;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Session id to when it expires, oldest first. */
  private final Map<String, Long> sessions = new LinkedHashMap<>();

  /**
   * @param open whether the page is open to anyone (loopback, anonymous MQTT clients let in, no token)
   * @param users the MQTT users, as the password file reads now (reloaded on SIGHUP)
   * @param readsEverything whether the access rules let a user read every topic
   */
  StatusLogin(boolean open, Optional<String> token, Supplier<Optional<PasswordFile>> users,
      Predicate<String> readsEverything, Clock clock) {
    this.open = open;
    this.token = token.map(text -> text.getBytes(StandardCharsets.UTF_8));
    this.users = users;
    this.readsEverything = readsEverything;
    this.clock = clock;
  }

  /** Whether a browser should be asked for a username and password. */
  boolean takesPasswords() {
    return users.get().isPresent();
  }

  Verdict check(HttpRequest request) {
    if (open || hasSession(request)) {
      return new Verdict.Allowed();
    }
    Optional<String> offeredToken = offeredToken(request);
    if (offeredToken.isPresent()) {
      return token.isPresent()
          && MessageDigest.isEqual(token.get(), offeredToken.get().getBytes(StandardCharsets.UTF_8))
          ? loggedIn() : new Verdict.Refused(true);
    }
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
    if (authorization.startsWith(BASIC)) {
      return basicLogin(authorization.substring(BASIC.length())) ? loggedIn() : new Verdict.Refused(true);
    }
    return new Verdict.Refused(false);
  }

  private boolean hasSession(HttpRequest request) {
    String header = request.headers().get(HttpHeaderNames.COOKIE);
    if (header == null) {
      return false;
    }
    long now = clock.nanos();
    sessions.values().removeIf(expires -> expires - now <= 0);
    for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
      if (cookie.name().equals(COOKIE) && sessions.containsKey(cookie.value())) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> offeredToken(HttpRequest request) {
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
    if (authorization.startsWith(BEARER)) {
      return Optional.of(authorization.substring(BEARER.length()).trim());
    }
    List<String> query = new QueryStringDecoder(request.uri()).parameters().get("token");
    return query == null || query.isEmpty() ? Optional.empty() : Optional.of(query.get(0));
  }

  private boolean basicLogin(String encoded) {
    Optional<PasswordFile> passwords = users.get();
    if (passwords.isEmpty()) {
      return false;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String user = credentials.substring(0, colon);
    return passwords.get().check(user, credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8))
        && readsEverything.test(user);
  }

  private Verdict loggedIn() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    String session = HexFormat.of().formatHex(id);
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.remove(sessions.keySet().iterator().next());
    }
    sessions.put(session, clock.nanos() + SESSION_LIFETIME.toNanos());
    DefaultCookie cookie = new DefaultCookie(COOKIE, session);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
    cookie.setMaxAge(SESSION_LIFETIME.toSeconds());
    return new Verdict.LoggedIn(ServerCookieEncoder.STRICT.encode(cookie));
  }
}
