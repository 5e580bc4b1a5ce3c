"""A stand-in Expert Advisor on real libzmq (python3-zmq), driven by JSON lines on stdin.

Commands (one JSON object per line):
  {"cmd":"connect","commands":PORT,"reports":PORT,"ea_id":"...","ea_token":"...","auto":true}
  {"cmd":"send","json":{...}}      send on the DEALER (5555)
  {"cmd":"report","json":{...}}    send on the PUSH (5558)
  {"cmd":"close"}                  close both sockets (the terminal goes away)
  {"cmd":"quit"}
Every message received on the DEALER is printed as {"event":"recv","json":{...}}.
With auto=true it behaves like the real EA: answers a fire with one confirmation (a repeated
fire_id gets status "duplicate" with the original result) and answers ping with pong.
"""
import json
import os
import sys

import zmq

ctx = zmq.Context.instance()
dealer = None
push = None
ea_id = None
ea_token = None
auto = False
seen = {}
next_position = 1000


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def report(obj):
    obj.setdefault("ea_id", ea_id)
    obj.setdefault("ea_token", ea_token)
    push.send(json.dumps(obj).encode())


def on_message(msg):
    global next_position
    emit({"event": "recv", "json": msg})
    if not auto:
        return
    if msg.get("type") == "fire":
        fid = msg["fire_id"]
        if fid in seen:
            r = dict(seen[fid])
            r["status"] = "duplicate"
            report(r)
            return
        next_position += 1
        r = {"type": "confirmation", "fire_id": fid, "status": "filled", "retcode": 10009,
             "order": next_position, "deal": next_position, "position": next_position,
             "price": msg["sl"] + (msg["tp"] - msg["sl"]) / 3, "volume": msg["volume"],
             "sl": msg["sl"], "tp": msg["tp"], "message": "done"}
        seen[fid] = r
        report(dict(r))
    elif msg.get("type") == "ping":
        report({"type": "pong", "ping_id": msg["ping_id"]})


def handle(cmd):
    global dealer, push, ea_id, ea_token, auto
    c = cmd["cmd"]
    if c == "connect":
        ea_id = cmd["ea_id"]
        ea_token = cmd["ea_token"]
        auto = cmd.get("auto", False)
        dealer = ctx.socket(zmq.DEALER)
        dealer.setsockopt(zmq.IDENTITY, ea_id.encode())
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.connect("tcp://127.0.0.1:%d" % cmd["commands"])
        push = ctx.socket(zmq.PUSH)
        push.setsockopt(zmq.LINGER, 1000)
        push.connect("tcp://127.0.0.1:%d" % cmd["reports"])
        poller.register(dealer, zmq.POLLIN)
        emit({"event": "connected"})
    elif c == "send":
        dealer.send(json.dumps(cmd["json"]).encode())
    elif c == "report":
        report(cmd["json"])
    elif c == "close":
        poller.unregister(dealer)
        dealer.close(0)
        push.close(0)
        dealer = None
        emit({"event": "closed"})
    elif c == "quit":
        sys.exit(0)
    emit({"event": "done", "cmd": c})


poller = zmq.Poller()
stdin = sys.stdin.fileno()
poller.register(stdin, zmq.POLLIN)
buffer = b""
while True:
    for sock, _ in poller.poll(1000):
        if sock == stdin:
            chunk = os.read(stdin, 65536)
            if not chunk:
                sys.exit(0)
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.strip():
                    handle(json.loads(line))
        elif dealer is not None and sock == dealer:
            while dealer.poll(0):
                on_message(json.loads(dealer.recv()))
