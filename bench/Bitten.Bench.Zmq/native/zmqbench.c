/* libzmq reference peers for bench/Bitten.Bench.Zmq, compiled at bench time against Debian's libzmq3-dev.
 *   zmqbench push ENDPOINT COUNT SIZE     connect, send COUNT frames of SIZE octets, linger until delivered
 *   zmqbench pull ENDPOINT COUNT          bind, receive COUNT frames, print RATE <msgs/s> (first to last)
 *   zmqbench router-echo ENDPOINT         bind, echo every multipart message to its sender until killed
 *   zmqbench dealer-rtt ENDPOINT COUNT SIZE  connect, COUNT round trips after 1000 warm-ups, print P50/P99 in us
 * Binding modes print "BOUND <port>" first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void bound(void *s)
{
    char endpoint[256];
    size_t len = sizeof endpoint;
    zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &len);
    printf("BOUND %s\n", strrchr(endpoint, ':') + 1);
    fflush(stdout);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) return 2;
    const char *mode = argv[1], *endpoint = argv[2];
    void *ctx = zmq_ctx_new();
    if (!strcmp(mode, "push")) {
        long count = atol(argv[3]);
        int size = atoi(argv[4]);
        void *s = zmq_socket(ctx, ZMQ_PUSH);
        zmq_connect(s, endpoint);
        char *buf = calloc(1, size);
        for (long i = 0; i < count; i++) zmq_send(s, buf, size, 0);
        zmq_close(s);
        printf("SENT\n");
    } else if (!strcmp(mode, "pull")) {
        long count = atol(argv[3]);
        void *s = zmq_socket(ctx, ZMQ_PULL);
        zmq_bind(s, endpoint);
        bound(s);
        char buf[4096];
        zmq_recv(s, buf, sizeof buf, 0);
        double t0 = now_us();
        for (long i = 1; i < count; i++) zmq_recv(s, buf, sizeof buf, 0);
        double t1 = now_us();
        printf("RATE %.0f\n", (count - 1) / (t1 - t0) * 1e6);
        zmq_close(s);
    } else if (!strcmp(mode, "router-echo")) {
        void *s = zmq_socket(ctx, ZMQ_ROUTER);
        zmq_bind(s, endpoint);
        bound(s);
        for (;;) {
            int more;
            do {
                zmq_msg_t m;
                zmq_msg_init(&m);
                if (zmq_msg_recv(&m, s, 0) < 0) return 1;
                more = zmq_msg_more(&m);
                zmq_msg_send(&m, s, more ? ZMQ_SNDMORE : 0);
            } while (more);
        }
    } else if (!strcmp(mode, "dealer-rtt")) {
        long count = atol(argv[3]);
        int size = atoi(argv[4]);
        const long warmup = 1000;
        void *s = zmq_socket(ctx, ZMQ_DEALER);
        zmq_setsockopt(s, ZMQ_ROUTING_ID, "bench", 5);
        zmq_connect(s, endpoint);
        char *buf = calloc(1, size > 4096 ? size : 4096);
        double *lat = malloc(sizeof(double) * count);
        for (long i = 0; i < warmup + count; i++) {
            double t0 = now_us();
            zmq_send(s, buf, size, 0);
            zmq_recv(s, buf, 4096, 0);
            if (i >= warmup) lat[i - warmup] = now_us() - t0;
        }
        qsort(lat, count, sizeof(double), cmp);
        printf("P50 %.1f P99 %.1f\n", lat[count / 2], lat[(long)(count * 0.99)]);
        zmq_close(s);
    } else {
        return 2;
    }
    fflush(stdout);
    zmq_ctx_term(ctx);
    return 0;
}
