/* libzmq PUSH that sends every line of a file as one message, as fast as libzmq allows.
 * Usage: feedpush ENDPOINT FILE. Prints "LOADED <n>" after reading, "SENT <n>" when done. */
#include <zmq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: feedpush ENDPOINT FILE\n"); return 64; }
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror("open"); return 66; }
    fseek(f, 0, SEEK_END); long size = ftell(f); fseek(f, 0, SEEK_SET);
    char *data = malloc(size + 1);
    if (fread(data, 1, size, f) != (size_t)size) { perror("read"); return 74; }
    fclose(f);
    long lines = 0;
    for (long i = 0; i < size; i++) if (data[i] == '\n') lines++;
    void *ctx = zmq_ctx_new();
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    int hwm = 100000; zmq_setsockopt(push, ZMQ_SNDHWM, &hwm, sizeof hwm);
    if (zmq_connect(push, argv[1]) != 0) { perror("connect"); return 69; }
    printf("LOADED %ld\n", lines); fflush(stdout);
    long sent = 0; char *p = data, *end = data + size;
    while (p < end) {
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
