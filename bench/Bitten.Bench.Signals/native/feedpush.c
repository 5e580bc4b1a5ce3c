/* libzmq PUSH that sends every line of a file as one message.
 * Usage: feedpush ENDPOINT FILE [RATE [MAX]]. Without RATE (or RATE 0): as fast as libzmq allows; with
 * RATE: paced at RATE messages per second (on the monotonic clock, in 1 ms slots). MAX: send at most that
 * many lines. Prints "LOADED <n>" after reading, "SENT <n>" when done. */
#define _POSIX_C_SOURCE 199309L
#include <zmq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 5) { fprintf(stderr, "usage: feedpush ENDPOINT FILE [RATE [MAX]]\n"); return 64; }
    double rate = argc >= 4 ? atof(argv[3]) : 0;
    long max = argc >= 5 ? atol(argv[4]) : -1;
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror("open"); return 66; }
    fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
    char *data = malloc(size + 1);
    if (fread(data, 1, size, f) != (size_t)size) { perror("read"); return 74; }
    fclose(f);
    long lines = 0;
    for (long i = 0; i < size; i++) if (data[i] == '\n') lines++;
    if (max >= 0 && max < lines) lines = max;
    void *ctx = zmq_ctx_new();
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    int hwm = 100000; zmq_setsockopt(push, ZMQ_SNDHWM, &hwm, sizeof hwm);
    if (zmq_connect(push, argv[1]) != 0) { perror("connect"); return 69; }
    printf("LOADED %ld\n", lines); fflush(stdout);
    long sent = 0; char *p = data, *end = data + size;
    double start = now_s();
    while (p < end && sent < lines) {
        if (rate > 0) {
            long due = (long)((now_s() - start) * rate) + 1;
            if (sent >= due) {
                struct timespec pause = { 0, 200000 };
                nanosleep(&pause, NULL);
                continue;
            }
        }
        char *nl = memchr(p, '\n', end - p);
        if (!nl) nl = end;
        if (zmq_send(push, p, nl - p, 0) < 0) { perror("send"); return 74; }
        sent++; p = nl + 1;
    }
    printf("SENT %ld\n", sent); fflush(stdout);
    int linger = 30000; zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(push); zmq_ctx_term(ctx);
    return 0;
}
