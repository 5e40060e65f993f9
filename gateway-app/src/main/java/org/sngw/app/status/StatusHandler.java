package org.sngw.app.status;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.sngw.http.EndpointCounters;
import org.sngw.http.OneRequestHandler;

/**
 * The status page's requests, all GET and all behind the {@link StatusLogin}: the page and its
 * script and style from the jar ({@link StaticFiles}), {@code /api/status} for the document now,
 * and {@code /events} for the live feed.
 */
final class StatusHandler extends OneRequestHandler {
  /** Everything comes from the gateway itself; nothing may frame the page or read its referrer. */
  private static final String CONTENT_SECURITY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final StatusLogin login;
  private final StatusFeed feed;
  private final EventStreams streams;
  private final Runnable refused;

  /** @param refused told of each request refused for a wrong login, to count it */
  StatusHandler(EndpointCounters counters, StatusLogin login, StatusFeed feed, EventStreams streams, Runnable refused) {
    super(counters);
    this.login = login;
    this.feed = feed;
    this.streams = streams;
    this.refused = refused;
  }

  @Override
  protected void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET)) {
      answer(ctx, secured(onlyGet()));
      return;
    }
    StatusLogin.Verdict verdict = login.check(request);
    if (verdict instanceof StatusLogin.Verdict.Refused refusal) {
      if (refusal.triedToLogIn()) {
        refused.run();
      }
      answer(ctx, loginNeeded());
      return;
    }
    String setCookie = verdict instanceof StatusLogin.Verdict.LoggedIn in ? in.setCookie() : null;
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    switch (uri.path()) {
      case "/events" -> events(ctx, setCookie);
      case "/api/status" -> feed.now().whenComplete((document, failure) -> answer(ctx, failure != null
          ? secured(response(HttpResponseStatus.SERVICE_UNAVAILABLE))
          : withCookie(secured(response(HttpResponseStatus.OK, "application/json",
              document.getBytes(StandardCharsets.UTF_8))), setCookie)));
      default -> answer(ctx, withCookie(page(uri), setCookie));
    }
  }

  private void events(ChannelHandlerContext ctx, String setCookie) {
    if (!streams.open(ctx, setCookie)) {
      answer(ctx, secured(response(HttpResponseStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
          ("at most " + EventStreams.MAX_STREAMS + " status pages at once\n").getBytes(StandardCharsets.UTF_8))));
      return;
    }
    feed.now().thenAccept(document -> EventStreams.send(ctx.channel(), document));
  }

  /** A file of the page; a token in the address is swapped for the cookie and dropped from it. */
  private FullHttpResponse page(QueryStringDecoder uri) {
    if (uri.parameters().containsKey("token")) {
      FullHttpResponse redirect = response(HttpResponseStatus.SEE_OTHER);
      redirect.headers().set(HttpHeaderNames.LOCATION, uri.path());
      return secured(redirect);
    }
    return StaticFiles.file(uri.path())
        .map(file -> secured(response(HttpResponseStatus.OK, file.contentType(), file.bytes())))
        .orElseGet(() -> secured(response(HttpResponseStatus.NOT_FOUND)));
  }

  private FullHttpResponse loginNeeded() {
    FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, "text/plain; charset=utf-8",
        "log in with an MQTT user of the password file, or open the page with ?token=\n"
            .getBytes(StandardCharsets.UTF_8));
    if (login.takesPasswords()) {
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"sngw status\", charset=\"UTF-8\"");
    }
    return secured(response);
  }

  private static FullHttpResponse withCookie(FullHttpResponse response, String setCookie) {
    if (setCookie != null) {
      response.headers().set(HttpHeaderNames.SET_COOKIE, setCookie);
    }
    return response;
  }

  private static FullHttpResponse secured(FullHttpResponse response) {
    HttpHeaders headers = response.headers();
    headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY)
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .set("Referrer-Policy", "no-referrer");
    return response;
  }
}
