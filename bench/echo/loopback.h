/*
 * The one address parser of the echo pair. Both programs take only 127.x.x.x: this machine is
 * shared, and the bench may send to loopback only.
 */
#ifndef SNGW_BENCH_ECHO_LOOPBACK_H
#define SNGW_BENCH_ECHO_LOOPBACK_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Reads "A.B.C.D:PORT" into *address. Returns NULL, or why the text is refused: not dotted
 * IPv4, not in 127.0.0.0/8, or a port outside 0..65535 (0 is left for the caller to judge).
 */
static inline const char *parse_loopback(const char *text, struct sockaddr_in *address) {
  const char *colon = strrchr(text, ':');
  if (colon == NULL || colon == text || colon - text >= INET_ADDRSTRLEN) {
    return "expected 127.x.x.x:PORT";
  }
  char host[INET_ADDRSTRLEN];
  memcpy(host, text, (size_t)(colon - text));
  host[colon - text] = '\0';

  memset(address, 0, sizeof *address);
  address->sin_family = AF_INET;
  if (inet_pton(AF_INET, host, &address->sin_addr) != 1) {
    return "expected a dotted IPv4 address, 127.x.x.x:PORT";
  }
  if ((ntohl(address->sin_addr.s_addr) >> 24) != 127) {
    return "only loopback (127.x.x.x) is allowed on this machine";
  }

  char *end;
  errno = 0;
  unsigned long port = strtoul(colon + 1, &end, 10);
  if (colon[1] == '\0' || *end != '\0' || errno != 0 || port > 65535) {
    return "the port must be a number 0..65535";
  }
  address->sin_port = htons((uint16_t)port);
  return NULL;
}

#endif
