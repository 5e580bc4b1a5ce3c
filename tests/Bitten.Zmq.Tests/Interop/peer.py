"""A libzmq peer for Bitten.Zmq interop tests. Talks to the test over stdout lines and its exit code.

Usage: peer.py MODE ENDPOINT [ARGS...]; every mode prints READY (and BOUND <port> when it binds)
once its socket exists, then OK on success, or BAD <why> and exit code 1.
"""
import sys
import zmq

BIG = 1024 * 1024


def out(line):
    print(line, flush=True)


def bind_or_connect(sock, endpoint, bind):
    if bind:
        sock.bind(endpoint)
        out("BOUND " + sock.getsockopt(zmq.LAST_ENDPOINT).decode().rsplit(":", 1)[1])
    else:
        sock.connect(endpoint)


def main():
    mode, endpoint = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    ctx = zmq.Context()
    if mode == "push":  # push ENDPOINT COUNT FIRST [big]: 2-frame [b"m", seq] from FIRST, then optionally one 1 MiB frame
        count, first = int(args[0]), int(args[1])
        s = ctx.socket(zmq.PUSH)
        s.setsockopt(zmq.LINGER, 5000)
        s.connect(endpoint)
        out("READY")
        for i in range(first, first + count):
            s.send_multipart([b"m", str(i).encode()])
        if len(args) > 2 and args[2] == "big":
            s.send(b"\x07" * BIG)
        s.close()
        out("OK")
    elif mode == "pull":  # pull ENDPOINT bind|connect COUNT [big]
        bind, count = args[0] == "bind", int(args[1])
        s = ctx.socket(zmq.PULL)
        s.setsockopt(zmq.RCVTIMEO, 20000)
        bind_or_connect(s, endpoint, bind)
        out("READY")
        last = -1
        for _ in range(count):
            frames = s.recv_multipart()
            if len(frames) != 2 or frames[0] != b"m":
                out("BAD frames %r" % frames[:2])
                sys.exit(1)
            seq = int(frames[1])
            if seq <= last:
                out("BAD order %d after %d" % (seq, last))
                sys.exit(1)
            last = seq
        if len(args) > 2 and args[2] == "big":
            big = s.recv()
            if len(big) != BIG:
                out("BAD big %d" % len(big))
                sys.exit(1)
        out("OK %d" % last)
        s.setsockopt(zmq.LINGER, 0)
        s.close()
    elif mode == "sub":  # sub ENDPOINT PREFIX COUNT: every message must start with PREFIX, seq increasing
        prefix, count = args[0].encode(), int(args[1])
        s = ctx.socket(zmq.SUB)
        s.setsockopt(zmq.RCVTIMEO, 20000)
        s.setsockopt(zmq.SUBSCRIBE, prefix)
        s.connect(endpoint)
        out("READY")
        last = -1
        for _ in range(count):
            topic, body = s.recv_multipart()
            if not topic.startswith(prefix):
                out("BAD topic %r" % topic)
                sys.exit(1)
            seq = int(body)
            if seq <= last:
                out("BAD order")
                sys.exit(1)
            last = seq
        out("OK")
    elif mode == "pub":  # pub ENDPOINT: bind, publish EURUSD/GBPUSD [topic, seq] until killed
        s = ctx.socket(zmq.PUB)
        bind_or_connect(s, endpoint, True)
        out("READY")
        i = 0
        while True:
            s.send_multipart([b"GBPUSD", str(i).encode()])
            s.send_multipart([b"EURUSD", str(i).encode()])
            i += 1
            if i % 100 == 0:
                zmq.select([], [], [], 0.001)
    elif mode == "dealer":  # dealer ENDPOINT IDENTITY COUNT: send [b"req", seq], expect [b"rep", seq]
        identity, count = args[0].encode(), int(args[1])
        s = ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.IDENTITY, identity)
        s.setsockopt(zmq.RCVTIMEO, 20000)
        s.setsockopt(zmq.LINGER, 1000)
        s.connect(endpoint)
        out("READY")
        for i in range(count):
            s.send_multipart([b"req", str(i).encode()])
            reply = s.recv_multipart()
            if reply != [b"rep", str(i).encode()]:
                out("BAD reply %r" % reply[:3])
                sys.exit(1)
        out("OK")
    elif mode == "router":  # router ENDPOINT: bind, echo [id, *frames] back until killed
        s = ctx.socket(zmq.ROUTER)
        bind_or_connect(s, endpoint, True)
        out("READY")
        while True:
            s.send_multipart(s.recv_multipart(copy=True))
    else:
        out("BAD mode " + mode)
        sys.exit(2)


if __name__ == "__main__":
    main()
