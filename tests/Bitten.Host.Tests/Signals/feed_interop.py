"""A libzmq feed EA and signal subscriber for the Signals interop test.

Usage: feed_interop.py FEED_PORT SIGNAL_PORT TICKS_FILE TIMEOUT_S
Subscribes to signal.* on SIGNAL_PORT, then PUSHes every line of TICKS_FILE to FEED_PORT,
then waits for one signal and prints "SIGNAL <topic> <json>" (exit 0), or "TIMEOUT" (exit 2).
"""
import sys
import zmq

feed_port, signal_port, ticks_file, timeout_s = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
ctx = zmq.Context()
sub = ctx.socket(zmq.SUB)
sub.setsockopt(zmq.SUBSCRIBE, b"signal.")
sub.connect(f"tcp://127.0.0.1:{signal_port}")
push = ctx.socket(zmq.PUSH)
push.setsockopt(zmq.SNDHWM, 0)
push.connect(f"tcp://127.0.0.1:{feed_port}")
sent = 0
with open(ticks_file, "rb") as f:
    for line in f:
        push.send(line.rstrip(b"\n"))
        sent += 1
print(f"SENT {sent}", flush=True)
poller = zmq.Poller()
poller.register(sub, zmq.POLLIN)
if poller.poll(timeout_s * 1000):
    topic, body = sub.recv_multipart()
    print("SIGNAL", topic.decode(), body.decode(), flush=True)
    code = 0
else:
    print("TIMEOUT", flush=True)
    code = 2
push.close(linger=1000)
sub.close(linger=0)
ctx.term()
sys.exit(code)
