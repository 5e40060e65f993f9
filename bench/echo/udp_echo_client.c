/*
 * udp_echo_client: the load half of the C echo pair (bench/echo/README.md). It drives the shape
 * of work of `gateway.jar simulate` (ClientLoop) against udp_echo, with no gateway in between:
 * N clients, each its own non-blocking UDP socket bound to 127.0.0.1 and connected to the echo,
 * spread over a few threads with one epoll each; every client keeps WINDOW datagrams
 * outstanding and sends the next as soon as an answer comes back.
 *
 *   udp_echo_client --server 127.0.0.1:PORT [--clients 100] [--window 1] [--size 40]
 *                   [--duration 10] [--warmup 2] [--threads 1] [--timeout-ms 200] [--json]
 *
 * Counts the answers received in the measured window (after the warm-up) and their round trip,
 * from the send time carried in each datagram. A datagram unanswered after --timeout-ms is
 * counted as a timeout and replaced, so a lost one does not stall its client.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "loopback.h"

enum {
  MAX_CLIENTS = 10000,
  MAX_WINDOW = 1000,
  MAX_THREADS = 16,
  MAX_DATAGRAM = 65507, /* the largest UDP payload over IPv4 */
  EVENTS_PER_WAIT = 256,
};

/* What each datagram carries at its start; the rest of it is zeros. */
enum { SEND_TIME_OFFSET = 0, SEQUENCE_OFFSET = 8, MIN_SIZE = 12 };

/* How often a thread looks for timed-out datagrams and refills windows a failed send left short. */
static const uint64_t SWEEP_NS = 10 * 1000 * 1000;

struct settings {
  struct sockaddr_in server;
  int clients;
  int window;
  int size;
  double duration_s;
  double warmup_s;
  int threads;
  int timeout_ms;
  bool json;
};

/* Written by main before the threads start, read-only afterwards. */
static struct settings settings;
static uint64_t measure_start_ns;
static uint64_t measure_end_ns;

/* One datagram a client has sent and not yet had answered. */
struct slot {
  bool busy;
  uint32_t sequence;
  uint64_t deadline_ns; /* when it is given up for lost and replaced */
};

struct client {
  int fd;
  uint32_t next_sequence;
  struct slot *slots; /* settings.window of them */
};

/*
 * Round-trip times in log-linear buckets: exact below 64 ns, then 32 buckets per power of two,
 * so a bucket's bounds are within 1/32 (about 3 %) of each other.
 */
enum {
  SUB_BITS = 5,
  SUB_BUCKETS = 1 << SUB_BITS,
  HISTOGRAM_BUCKETS = (64 - SUB_BITS + 1) * SUB_BUCKETS,
};

struct histogram {
  uint64_t counts[HISTOGRAM_BUCKETS];
  uint64_t total;
  uint64_t max_ns;
};

struct stats {
  uint64_t answers_measured;
  uint64_t timeouts;
  uint64_t late_answers; /* answers to datagrams already given up for lost */
  uint64_t malformed;
  uint64_t send_errors;
  uint64_t receive_errors;
  struct histogram latency;
};

struct worker {
  pthread_t thread;
  int epoll_fd;
  struct client *clients;
  int client_count;
  unsigned char *out; /* settings.size bytes */
  const char *failure; /* what stopped the thread early, or NULL */
  int failure_errno;
  struct stats stats;
};

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static size_t bucket_of(uint64_t ns) {
  if (ns < 2 * SUB_BUCKETS) {
    return (size_t)ns;
  }
  int shift = 63 - __builtin_clzll(ns) - SUB_BITS; /* ns >> shift is in [32, 63] */
  return (size_t)shift * SUB_BUCKETS + (size_t)(ns >> shift);
}

static uint64_t bucket_top(size_t bucket) {
  if (bucket < 2 * SUB_BUCKETS) {
    return bucket;
  }
  int shift = (int)(bucket / SUB_BUCKETS) - 1;
  uint64_t leading = bucket % SUB_BUCKETS + SUB_BUCKETS;
  return ((leading + 1) << shift) - 1;
}

static void record(struct histogram *h, uint64_t ns) {
  h->counts[bucket_of(ns)]++;
  h->total++;
  if (ns > h->max_ns) {
    h->max_ns = ns;
  }
}

static void merge(struct histogram *into, const struct histogram *from) {
  for (size_t i = 0; i < HISTOGRAM_BUCKETS; i++) {
    into->counts[i] += from->counts[i];
  }
  into->total += from->total;
  if (from->max_ns > into->max_ns) {
    into->max_ns = from->max_ns;
  }
}

/* The top of the bucket holding the p-th value, in ms: at most 3 % above the true one. */
static double percentile_ms(const struct histogram *h, double p) {
  if (h->total == 0) {
    return 0;
  }
  uint64_t rank = (uint64_t)(p * (double)h->total + 0.999999);
  if (rank < 1) {
    rank = 1;
  }
  uint64_t seen = 0;
  for (size_t i = 0; i < HISTOGRAM_BUCKETS; i++) {
    seen += h->counts[i];
    if (seen >= rank) {
      uint64_t top = bucket_top(i);
      return (double)(top < h->max_ns ? top : h->max_ns) / 1e6;
    }
  }
  return (double)h->max_ns / 1e6;
}

static bool measuring(uint64_t now) {
  return now >= measure_start_ns && now < measure_end_ns;
}

/* Sends a fresh datagram into a free slot; a failed send leaves the slot for the next sweep. */
static void send_into(struct worker *w, struct client *c, struct slot *s, uint64_t now) {
  uint32_t sequence = c->next_sequence++;
  memcpy(w->out + SEND_TIME_OFFSET, &now, sizeof now);
  memcpy(w->out + SEQUENCE_OFFSET, &sequence, sizeof sequence);
  if (send(c->fd, w->out, (size_t)settings.size, 0) < 0) {
    w->stats.send_errors++;
    return;
  }
  s->busy = true;
  s->sequence = sequence;
  s->deadline_ns = now + (uint64_t)settings.timeout_ms * 1000000u;
}

static void on_answer(struct worker *w, struct client *c, const unsigned char *data, ssize_t length,
                      uint64_t now) {
  if (length != settings.size) {
    w->stats.malformed++;
    return;
  }
  uint64_t sent_at;
  uint32_t sequence;
  memcpy(&sent_at, data + SEND_TIME_OFFSET, sizeof sent_at);
  memcpy(&sequence, data + SEQUENCE_OFFSET, sizeof sequence);
  struct slot *s = NULL;
  for (int i = 0; i < settings.window && s == NULL; i++) {
    if (c->slots[i].busy && c->slots[i].sequence == sequence) {
      s = &c->slots[i];
    }
  }
  if (s == NULL) {
    w->stats.late_answers++;
    return;
  }
  s->busy = false;
  if (measuring(now)) {
    w->stats.answers_measured++;
    record(&w->stats.latency, now - sent_at);
  }
  if (now < measure_end_ns) {
    send_into(w, c, s, now);
  }
}

/*
 * Reads at most a window of answers: no more can be due, so this spares the recv that would only
 * say EAGAIN, and a busy client cannot starve the rest. Epoll is level-triggered: whatever is
 * left (late answers) is reported again.
 */
static void read_answers(struct worker *w, struct client *c) {
  unsigned char in[MAX_DATAGRAM + 1]; /* one byte more, so an oversized answer shows as such */
  for (int i = 0; i < settings.window; i++) {
    ssize_t length = recv(c->fd, in, sizeof in, 0);
    if (length < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        w->stats.receive_errors++; /* ECONNREFUSED: nothing listens on the echo's port */
      }
      return;
    }
    on_answer(w, c, in, length, now_ns());
  }
}

/* Gives up datagrams past their deadline and sends into every free slot while the run lasts. */
static void sweep(struct worker *w, uint64_t now) {
  for (int i = 0; i < w->client_count; i++) {
    struct client *c = &w->clients[i];
    for (int j = 0; j < settings.window; j++) {
      struct slot *s = &c->slots[j];
      if (s->busy && now >= s->deadline_ns) {
        s->busy = false;
        w->stats.timeouts++;
      }
      if (!s->busy && now < measure_end_ns) {
        send_into(w, c, s, now);
      }
    }
  }
}

static void *run_worker(void *argument) {
  struct worker *w = argument;
  struct epoll_event events[EVENTS_PER_WAIT];
  uint64_t now = now_ns();
  sweep(w, now);
  uint64_t last_sweep = now;
  while (now < measure_end_ns) {
    uint64_t left_ms = (measure_end_ns - now + 999999) / 1000000;
    int wait_ms = left_ms < SWEEP_NS / 1000000 ? (int)left_ms : (int)(SWEEP_NS / 1000000);
    int ready = epoll_wait(w->epoll_fd, events, EVENTS_PER_WAIT, wait_ms);
    if (ready < 0 && errno != EINTR) {
      w->failure = "epoll_wait";
      w->failure_errno = errno;
      return NULL;
    }
    for (int i = 0; i < ready; i++) {
      read_answers(w, events[i].data.ptr);
    }
    now = now_ns();
    if (now - last_sweep >= SWEEP_NS) {
      sweep(w, now);
      last_sweep = now;
    }
  }
  return NULL;
}

static void usage(FILE *out) {
  fputs("usage: udp_echo_client --server 127.0.0.1:PORT [options]\n"
        "  --clients N       UDP clients, one socket each, 1..10000 [100]\n"
        "  --window N        datagrams outstanding per client, 1..1000 [1]\n"
        "  --size BYTES      datagram size, 12..65507 [40]\n"
        "  --duration S      seconds measured, 0.1..3600 [10]\n"
        "  --warmup S        seconds of load before measuring, 0..600 [2]\n"
        "  --threads N       threads, one epoll each, 1..16 and at most --clients [1]\n"
        "  --timeout-ms MS   an unanswered datagram is counted and replaced after this, 1..60000 [200]\n"
        "  --json            print the result as one JSON object instead of a line\n",
        out);
}

static int parse_int(const char *name, const char *text, int min, int max) {
  char *end;
  errno = 0;
  long value = strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || errno != 0 || value < min || value > max) {
    fprintf(stderr, "udp_echo_client: %s must be %d..%d, not '%s'\n", name, min, max, text);
    exit(2);
  }
  return (int)value;
}

static double parse_seconds(const char *name, const char *text, double min, double max) {
  char *end;
  errno = 0;
  double value = strtod(text, &end);
  if (*text == '\0' || *end != '\0' || errno != 0 || !(value >= min && value <= max)) {
    fprintf(stderr, "udp_echo_client: %s must be %g..%g seconds, not '%s'\n", name, min, max, text);
    exit(2);
  }
  return value;
}

static void parse_arguments(int argc, char **argv) {
  settings = (struct settings){
      .clients = 100, .window = 1, .size = 40, .duration_s = 10, .warmup_s = 2, .threads = 1,
      .timeout_ms = 200,
  };
  const char *server = NULL;
  static const struct option options[] = {
      {"server", required_argument, NULL, 's'},
      {"clients", required_argument, NULL, 'c'},
      {"window", required_argument, NULL, 'w'},
      {"size", required_argument, NULL, 'z'},
      {"duration", required_argument, NULL, 'd'},
      {"warmup", required_argument, NULL, 'u'},
      {"threads", required_argument, NULL, 't'},
      {"timeout-ms", required_argument, NULL, 'o'},
      {"json", no_argument, NULL, 'j'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  for (int option; (option = getopt_long(argc, argv, "", options, NULL)) != -1;) {
    switch (option) {
      case 's': server = optarg; break;
      case 'c': settings.clients = parse_int("--clients", optarg, 1, MAX_CLIENTS); break;
      case 'w': settings.window = parse_int("--window", optarg, 1, MAX_WINDOW); break;
      case 'z': settings.size = parse_int("--size", optarg, MIN_SIZE, MAX_DATAGRAM); break;
      case 'd': settings.duration_s = parse_seconds("--duration", optarg, 0.1, 3600); break;
      case 'u': settings.warmup_s = parse_seconds("--warmup", optarg, 0, 600); break;
      case 't': settings.threads = parse_int("--threads", optarg, 1, MAX_THREADS); break;
      case 'o': settings.timeout_ms = parse_int("--timeout-ms", optarg, 1, 60000); break;
      case 'j': settings.json = true; break;
      case 'h': usage(stdout); exit(0);
      default: usage(stderr); exit(2);
    }
  }
  if (optind < argc || server == NULL) {
    usage(stderr);
    exit(2);
  }
  const char *refusal = parse_loopback(server, &settings.server);
  if (refusal == NULL && settings.server.sin_port == 0) {
    refusal = "the port must not be 0";
  }
  if (refusal != NULL) {
    fprintf(stderr, "udp_echo_client: --server %s: %s\n", server, refusal);
    exit(2);
  }
  if (settings.threads > settings.clients) {
    fprintf(stderr, "udp_echo_client: --threads must be at most --clients\n");
    exit(2);
  }
}

static int open_client_socket(void) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  struct sockaddr_in local = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(fd, (struct sockaddr *)&local, sizeof local) < 0
      || connect(fd, (struct sockaddr *)&settings.server, sizeof settings.server) < 0) {
    int error = errno;
    close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

/* Opens every socket and epoll before any thread starts, so a failure stops the run up front. */
static void prepare(struct worker *workers, struct client *clients, struct slot *slots) {
  for (int i = 0; i < settings.clients; i++) {
    clients[i].fd = open_client_socket();
    if (clients[i].fd < 0) {
      fprintf(stderr, "udp_echo_client: socket for client %d: %s%s\n", i, strerror(errno),
              errno == EMFILE ? " (raise ulimit -n)" : "");
      exit(1);
    }
    clients[i].slots = slots + (size_t)i * (size_t)settings.window;
  }
  int first = 0;
  for (int t = 0; t < settings.threads; t++) {
    struct worker *w = &workers[t];
    // Contiguous shares, the first ones one larger when the clients do not divide evenly.
    w->client_count = settings.clients / settings.threads + (t < settings.clients % settings.threads);
    w->clients = clients + first;
    first += w->client_count;
    w->out = calloc(1, (size_t)settings.size);
    w->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (w->out == NULL || w->epoll_fd < 0) {
      perror("udp_echo_client: thread setup");
      exit(1);
    }
    for (int i = 0; i < w->client_count; i++) {
      struct epoll_event event = {.events = EPOLLIN, .data.ptr = &w->clients[i]};
      if (epoll_ctl(w->epoll_fd, EPOLL_CTL_ADD, w->clients[i].fd, &event) < 0) {
        perror("udp_echo_client: epoll_ctl");
        exit(1);
      }
    }
  }
}

static void sleep_until(uint64_t deadline_ns) {
  struct timespec t = {.tv_sec = (time_t)(deadline_ns / 1000000000u),
                       .tv_nsec = (long)(deadline_ns % 1000000000u)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR) {
  }
}

static double process_cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void report(const struct stats *total, double cpu_cores) {
  double per_second = (double)total->answers_measured / settings.duration_s;
  double p50 = percentile_ms(&total->latency, 0.50);
  double p90 = percentile_ms(&total->latency, 0.90);
  double p99 = percentile_ms(&total->latency, 0.99);
  double max = (double)total->latency.max_ns / 1e6;
  if (settings.json) {
    printf("{\"clients\":%d,\"window\":%d,\"size\":%d,\"threads\":%d,\"duration_s\":%g,"
           "\"warmup_s\":%g,\"replies\":%llu,\"replies_per_second\":%.0f,\"p50_ms\":%.3f,"
           "\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"timeouts\":%llu,\"late_replies\":%llu,"
           "\"malformed\":%llu,\"send_errors\":%llu,\"receive_errors\":%llu,"
           "\"client_cpu_cores\":%.2f}\n",
           settings.clients, settings.window, settings.size, settings.threads, settings.duration_s,
           settings.warmup_s, (unsigned long long)total->answers_measured, per_second, p50, p90,
           p99, max, (unsigned long long)total->timeouts, (unsigned long long)total->late_answers,
           (unsigned long long)total->malformed, (unsigned long long)total->send_errors,
           (unsigned long long)total->receive_errors, cpu_cores);
  } else {
    printf("%d clients, window %d, %d-byte datagrams, %d thread(s), %g s measured after %g s of warm-up: "
           "%.0f replies/s; round trip p50 %.3f, p90 %.3f, p99 %.3f, max %.3f ms; "
           "%llu timeouts, %llu late, %llu malformed, %llu send errors, %llu receive errors; "
           "client CPU %.2f cores\n",
           settings.clients, settings.window, settings.size, settings.threads, settings.duration_s,
           settings.warmup_s, per_second, p50, p90, p99, max,
           (unsigned long long)total->timeouts, (unsigned long long)total->late_answers,
           (unsigned long long)total->malformed, (unsigned long long)total->send_errors,
           (unsigned long long)total->receive_errors, cpu_cores);
  }
}

int main(int argc, char **argv) {
  parse_arguments(argc, argv);
  struct worker *workers = calloc((size_t)settings.threads, sizeof *workers);
  struct client *clients = calloc((size_t)settings.clients, sizeof *clients);
  struct slot *slots = calloc((size_t)settings.clients * (size_t)settings.window, sizeof *slots);
  if (workers == NULL || clients == NULL || slots == NULL) {
    perror("udp_echo_client");
    return 1;
  }
  prepare(workers, clients, slots);

  // The schedule is fixed before the threads start; creating them publishes it to them.
  uint64_t start = now_ns();
  measure_start_ns = start + (uint64_t)(settings.warmup_s * 1e9);
  measure_end_ns = measure_start_ns + (uint64_t)(settings.duration_s * 1e9);
  for (int t = 0; t < settings.threads; t++) {
    int error = pthread_create(&workers[t].thread, NULL, run_worker, &workers[t]);
    if (error != 0) {
      fprintf(stderr, "udp_echo_client: pthread_create: %s\n", strerror(error));
      return 1;
    }
  }
  sleep_until(measure_start_ns);
  double cpu_at_start = process_cpu_seconds();
  sleep_until(measure_end_ns);
  double cpu_cores = (process_cpu_seconds() - cpu_at_start) / settings.duration_s;

  struct stats total = {0};
  bool failed = false;
  for (int t = 0; t < settings.threads; t++) {
    struct worker *w = &workers[t];
    pthread_join(w->thread, NULL);
    if (w->failure != NULL) {
      fprintf(stderr, "udp_echo_client: thread %d: %s: %s\n", t, w->failure,
              strerror(w->failure_errno));
      failed = true;
    }
    total.answers_measured += w->stats.answers_measured;
    total.timeouts += w->stats.timeouts;
    total.late_answers += w->stats.late_answers;
    total.malformed += w->stats.malformed;
    total.send_errors += w->stats.send_errors;
    total.receive_errors += w->stats.receive_errors;
    merge(&total.latency, &w->stats.latency);
  }
  report(&total, cpu_cores);
  if (total.answers_measured == 0) {
    fprintf(stderr, "udp_echo_client: no replies while measuring: is the echo running on %s:%u?\n",
            inet_ntoa(settings.server.sin_addr), ntohs(settings.server.sin_port));
    failed = true;
  }
  return failed ? 1 : 0;
}
