/*
 * udp_echo: answers every UDP datagram to its sender with the same bytes. With udp_echo_client
 * it measures what this machine can do for "UDP request, answer, window 1" with nothing in
 * between: the ceiling the gateway is compared with (bench/echo/README.md).
 *
 *   udp_echo [--bind 127.0.0.1:PORT] [--threads N] [--batch N]
 *
 *   --bind     loopback only; port 0 (the default) takes a free port, named on the first line
 *   --threads  serving threads, each with its own socket on the port (SO_REUSEPORT) [1]
 *   --batch    0: one recvfrom and one sendto per datagram; N: recvmmsg/sendmmsg of up to N [0]
 *
 * Prints "udp_echo: listening on 127.0.0.1:PORT ..." once every socket is bound, runs until
 * SIGINT or SIGTERM, then prints how many datagrams it answered.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "loopback.h"

enum { MAX_DATAGRAM = 65536, MAX_THREADS = 64, MAX_BATCH = 256 };

/* What the gateway's UDP socket asks for too; the kernel caps it at net.core.rmem_max. */
static const int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/* A blocked receive gives up this often, so a worker sees the stop flag soon after a signal. */
static const struct timeval STOP_CHECK_INTERVAL = {.tv_sec = 0, .tv_usec = 100 * 1000};

static atomic_bool stopping;

struct worker {
  pthread_t thread;
  int fd;
  int batch;
  unsigned char *buffers; /* batch (at least 1) datagrams of MAX_DATAGRAM bytes */
  struct mmsghdr *messages;
  struct iovec *vectors;
  struct sockaddr_in *senders;
  uint64_t answered;
  uint64_t send_errors;
  bool failed;
};

static void usage(FILE *out) {
  fputs("usage: udp_echo [--bind 127.0.0.1:PORT] [--threads N] [--batch N]\n"
        "  --bind     address to answer on, loopback only; port 0 takes a free one [127.0.0.1:0]\n"
        "  --threads  serving threads, one SO_REUSEPORT socket each, 1..64 [1]\n"
        "  --batch    0: recvfrom/sendto per datagram; 1..256: recvmmsg/sendmmsg batch [0]\n",
        out);
}

static int parse_count(const char *name, const char *text, int min, int max) {
  char *end;
  errno = 0;
  long value = strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || errno != 0 || value < min || value > max) {
    fprintf(stderr, "udp_echo: %s must be %d..%d, not '%s'\n", name, min, max, text);
    exit(2);
  }
  return (int)value;
}

/* Stops the whole process on a worker's fatal error: main is waiting for a signal. */
static void fail(struct worker *w, const char *what) {
  fprintf(stderr, "udp_echo: %s: %s\n", what, strerror(errno));
  w->failed = true;
  kill(getpid(), SIGTERM);
}

static bool is_stopping(void) {
  return atomic_load_explicit(&stopping, memory_order_relaxed);
}

/* EAGAIN is the receive timeout expiring (STOP_CHECK_INTERVAL), not an error. */
static bool is_transient(int error) {
  return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

static void serve_plain(struct worker *w) {
  while (!is_stopping()) {
    struct sockaddr_in sender;
    socklen_t sender_length = sizeof sender;
    ssize_t length = recvfrom(w->fd, w->buffers, MAX_DATAGRAM, 0, (struct sockaddr *)&sender,
                              &sender_length);
    if (length < 0) {
      if (is_transient(errno)) {
        continue;
      }
      fail(w, "recvfrom");
      return;
    }
    if (sendto(w->fd, w->buffers, (size_t)length, 0, (struct sockaddr *)&sender, sender_length) < 0) {
      w->send_errors++;
    } else {
      w->answered++;
    }
  }
}

static void serve_batched(struct worker *w) {
  while (!is_stopping()) {
    // The last round left each slot sized to its datagram and its sender: offer whole slots again.
    for (int i = 0; i < w->batch; i++) {
      w->vectors[i].iov_len = MAX_DATAGRAM;
      w->messages[i].msg_hdr.msg_namelen = sizeof w->senders[i];
    }
    // MSG_WAITFORONE: block for the first datagram only, then take whatever else is queued.
    int received = recvmmsg(w->fd, w->messages, (unsigned)w->batch, MSG_WAITFORONE, NULL);
    if (received < 0) {
      if (is_transient(errno)) {
        continue;
      }
      fail(w, "recvmmsg");
      return;
    }
    for (int i = 0; i < received; i++) {
      w->vectors[i].iov_len = w->messages[i].msg_len;
    }
    // sendmmsg stops at the first datagram it cannot send: count that one and send the rest.
    for (int done = 0; done < received;) {
      int sent = sendmmsg(w->fd, w->messages + done, (unsigned)(received - done), 0);
      if (sent < 0) {
        w->send_errors++;
        done++;
      } else {
        w->answered += (uint64_t)sent;
        done += sent;
      }
    }
  }
}

static void *run_worker(void *argument) {
  struct worker *w = argument;
  if (w->batch == 0) {
    serve_plain(w);
  } else {
    serve_batched(w);
  }
  return NULL;
}

static int open_socket(const struct sockaddr_in *address) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  int one = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0
      || setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &RECEIVE_BUFFER_BYTES, sizeof RECEIVE_BUFFER_BYTES) < 0
      || setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &STOP_CHECK_INTERVAL, sizeof STOP_CHECK_INTERVAL) < 0
      || bind(fd, (const struct sockaddr *)address, sizeof *address) < 0) {
    int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

/*
 * Takes the port for ourselves alone. A socket without SO_REUSEPORT can bind only a port nobody
 * holds, and with port 0 the kernel gives it one; the SO_REUSEPORT sockets then bind that port.
 * Binding those directly could join another program's SO_REUSEPORT group (same user) and answer
 * or swallow its traffic.
 */
static bool claim_port(struct sockaddr_in *address) {
  int probe = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  socklen_t length = sizeof *address;
  bool claimed = probe >= 0 && bind(probe, (struct sockaddr *)address, sizeof *address) == 0
                 && getsockname(probe, (struct sockaddr *)address, &length) == 0;
  if (probe >= 0) {
    close(probe);
  }
  return claimed;
}

static bool prepare_worker(struct worker *w, const struct sockaddr_in *address, int batch) {
  w->batch = batch;
  w->fd = open_socket(address);
  if (w->fd < 0) {
    return false;
  }
  size_t slots = batch == 0 ? 1 : (size_t)batch;
  w->buffers = malloc(slots * MAX_DATAGRAM);
  w->messages = calloc(slots, sizeof *w->messages);
  w->vectors = calloc(slots, sizeof *w->vectors);
  w->senders = calloc(slots, sizeof *w->senders);
  if (!w->buffers || !w->messages || !w->vectors || !w->senders) {
    errno = ENOMEM;
    return false;
  }
  for (size_t i = 0; i < slots; i++) {
    w->vectors[i].iov_base = w->buffers + i * MAX_DATAGRAM;
    w->messages[i].msg_hdr.msg_name = &w->senders[i];
    w->messages[i].msg_hdr.msg_iov = &w->vectors[i];
    w->messages[i].msg_hdr.msg_iovlen = 1;
  }
  return true;
}

static double cpu_seconds(void) {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) {
    return 0;
  }
  return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
         + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv) {
  const char *bind_text = "127.0.0.1:0";
  int threads = 1;
  int batch = 0;
  static const struct option options[] = {
      {"bind", required_argument, NULL, 'b'},
      {"threads", required_argument, NULL, 't'},
      {"batch", required_argument, NULL, 'n'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  for (int option; (option = getopt_long(argc, argv, "", options, NULL)) != -1;) {
    switch (option) {
      case 'b': bind_text = optarg; break;
      case 't': threads = parse_count("--threads", optarg, 1, MAX_THREADS); break;
      case 'n': batch = parse_count("--batch", optarg, 0, MAX_BATCH); break;
      case 'h': usage(stdout); return 0;
      default: usage(stderr); return 2;
    }
  }
  if (optind < argc) {
    usage(stderr);
    return 2;
  }
  struct sockaddr_in address;
  const char *refusal = parse_loopback(bind_text, &address);
  if (refusal != NULL) {
    fprintf(stderr, "udp_echo: --bind %s: %s\n", bind_text, refusal);
    return 2;
  }

  // Workers inherit this mask, so SIGINT and SIGTERM reach only main's sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  int error = pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
  if (error != 0) {
    fprintf(stderr, "udp_echo: pthread_sigmask: %s\n", strerror(error));
    return 1;
  }

  if (!claim_port(&address)) {
    fprintf(stderr, "udp_echo: cannot bind %s: %s\n", bind_text, strerror(errno));
    return 1;
  }
  struct worker workers[MAX_THREADS] = {0};
  for (int i = 0; i < threads; i++) {
    if (!prepare_worker(&workers[i], &address, batch)) {
      fprintf(stderr, "udp_echo: socket %d of %d: %s\n", i + 1, threads, strerror(errno));
      return 1;
    }
  }
  char host[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address.sin_addr, host, sizeof host);
  printf("udp_echo: listening on %s:%u, %d thread(s), ", host, ntohs(address.sin_port), threads);
  if (batch == 0) {
    printf("recvfrom/sendto\n");
  } else {
    printf("recvmmsg/sendmmsg batch %d\n", batch);
  }
  fflush(stdout);

  for (int i = 0; i < threads; i++) {
    error = pthread_create(&workers[i].thread, NULL, run_worker, &workers[i]);
    if (error != 0) {
      fprintf(stderr, "udp_echo: pthread_create: %s\n", strerror(error));
      return 1;
    }
  }
  int signal_number;
  error = sigwait(&stop_signals, &signal_number);
  if (error != 0) {
    fprintf(stderr, "udp_echo: sigwait: %s\n", strerror(error));
  }
  atomic_store(&stopping, true);

  uint64_t answered = 0;
  uint64_t send_errors = 0;
  bool failed = error != 0;
  for (int i = 0; i < threads; i++) {
    pthread_join(workers[i].thread, NULL);
    answered += workers[i].answered;
    send_errors += workers[i].send_errors;
    failed |= workers[i].failed;
    close(workers[i].fd);
  }
  printf("udp_echo: answered %llu datagrams, %llu send errors, %.2f s CPU\n",
         (unsigned long long)answered, (unsigned long long)send_errors, cpu_seconds());
  return failed ? 1 : 0;
}
