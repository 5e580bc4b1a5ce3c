"""A stand-in Expert Advisor for the fault tests, on real libzmq (python3-zmq). It behaves like ea/BittenBridge.mq5
on its own (hello on every (re)connect seen by a socket monitor and again while no hello_ack came, heartbeats with its
positions, symbols after each accepted hello, ticks as a feed EA) and is steered by JSON lines on stdin:

  {"cmd":"start", "commands":P, "feed":P, "reports":P, "ea_id":..., "ea_token":..., "account":"login",
   "feed_id":..., "feed_token":..., "symbol":"EURUSD", "bid":1.1, "log":PATH, "confirm":"auto"|"hold"}
  {"cmd":"confirm_held"}   confirm every fire held so far (confirm=hold)
  {"cmd":"cut"}            close every socket: the terminal's connection is gone (nothing is sent or received)
  {"cmd":"resume"}         connect again (new sockets, same ea_id): hello as after a reconnect
  {"cmd":"quit"}

Every fire_id received is appended to the log file (one line "fire <id>" each, flushed and fsynced before it is
confirmed), so a test reads exactly what the terminal got even across host kills. Events on stdout:
{"event":"hello_ack","ok":..}, {"event":"fire","fire_id":..,"repeat":bool}, {"event":"done","cmd":..}.
"""
import json
import os
import sys
import time

import zmq
from zmq.utils.monitor import recv_monitor_message

ctx = zmq.Context.instance()
cfg = {}
dealer = feed = reports = monitor = None
seen = {}          # fire_id -> confirmation sent (the EA's duplicate memory)
held = []          # fires received but not yet confirmed (confirm=hold)
positions = []     # open positions: what heartbeats report
next_position = 5000
last_hello = 0.0
acked = False
last_beat = 0.0
last_tick = 0.0


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def creds(obj, feed_creds=False):
    obj["ea_id"] = cfg["feed_id"] if feed_creds else cfg["ea_id"]
    obj["ea_token"] = cfg["feed_token"] if feed_creds else cfg["ea_token"]
    obj.setdefault("ts_ms", int(time.time() * 1000))
    return json.dumps(obj).encode()


def hello():
    global last_hello, acked
    acked = False
    last_hello = time.time()
    send(dealer, creds({"type": "hello", "v": 1, "account_login": cfg.get("account", "login-" + cfg["ea_id"]),
                       "broker": "Broker", "server": "Broker-Demo", "currency": "USD", "balance": 10000,
                       "equity": 10000, "leverage": 100, "broker_utc_offset_s": 7200, "ea_version": "fault-ea"}))


def symbols():
    s = cfg["symbol"]
    send(feed, creds({"type": "symbols", "symbols": [{
        "symbol": s, "broker_symbol": s + ".m", "digits": 5, "point": 0.00001, "tick_size": 0.00001,
        "tick_value": 1.0, "contract_size": 100000, "volume_min": 0.01, "volume_step": 0.01, "volume_max": 100,
        "stops_level_points": 0, "currency_profit": "USD", "filling_modes": 1}]}))


def heartbeat():
    send(dealer, creds({"type": "heartbeat", "balance": 10000, "equity": 10000, "margin": 0, "free_margin": 10000,
                       "currency": "USD", "positions": positions}))


def tick():
    bid = cfg["bid"]
    send(feed, creds({"type": "tick", "symbol": cfg["symbol"], "bid": bid, "ask": round(bid + 0.00002, 5)}, feed_creds=True))


def send(sock, data):
    try:
        sock.send(data, zmq.NOBLOCK)  # queued while disconnected (connect() keeps the pipe); never blocks the EA
    except zmq.Again:
        emit({"event": "dropped"})


def record(line):
    with open(cfg["log"], "a") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())


def confirm(msg):
    global next_position
    next_position += 1
    price = round(cfg["bid"] + 0.00002, 5)
    c = {"type": "confirmation", "fire_id": msg["fire_id"], "status": "filled", "retcode": 10009, "order": next_position,
         "deal": next_position, "position": next_position, "price": price, "volume": msg["volume"], "sl": msg["sl"],
         "tp": msg["tp"], "message": "done"}
    seen[msg["fire_id"]] = c
    positions.append({"position": next_position, "fire_id": msg["fire_id"], "symbol": msg["symbol"], "side": msg["side"],
                      "volume": msg["volume"], "open_price": price, "sl": msg["sl"], "tp": msg["tp"], "profit": 0,
                      "open_ts_ms": int(time.time() * 1000)})
    send(reports, creds(dict(c)))


def on_message(msg):
    global acked
    kind = msg.get("type")
    if kind == "hello_ack":
        ok = bool(msg.get("ok"))
        emit({"event": "hello_ack", "ok": ok, "error": msg.get("error")})
        if ok:
            acked = True
            symbols()
            heartbeat()
    elif kind == "fire":
        fid = msg["fire_id"]
        repeat = fid in seen or any(h["fire_id"] == fid for h in held)
        record(("repeat " if repeat else "fire ") + fid)
        emit({"event": "fire", "fire_id": fid, "repeat": repeat})
        if fid in seen:
            d = dict(seen[fid])
            d["status"] = "duplicate"
            send(reports, creds(d))
        elif repeat:
            pass
        elif cfg.get("confirm", "auto") == "hold":
            held.append(msg)
        else:
            confirm(msg)
    elif kind == "ping":
        send(reports, creds({"type": "pong", "ping_id": msg["ping_id"]}))


def connect():
    global dealer, feed, reports, monitor
    dealer = ctx.socket(zmq.DEALER)
    dealer.setsockopt(zmq.IDENTITY, cfg["ea_id"].encode())
    dealer.setsockopt(zmq.LINGER, 0)
    dealer.setsockopt(zmq.RECONNECT_IVL, 100)
    dealer.setsockopt(zmq.RECONNECT_IVL_MAX, 500)
    monitor = dealer.get_monitor_socket(zmq.EVENT_CONNECTED | zmq.EVENT_DISCONNECTED)
    dealer.connect("tcp://127.0.0.1:%d" % cfg["commands"])
    feed = ctx.socket(zmq.PUSH)
    feed.setsockopt(zmq.LINGER, 0)
    feed.setsockopt(zmq.SNDHWM, 100)
    feed.connect("tcp://127.0.0.1:%d" % cfg["feed"])
    reports = ctx.socket(zmq.PUSH)
    reports.setsockopt(zmq.LINGER, 2000)
    reports.connect("tcp://127.0.0.1:%d" % cfg["reports"])
    poller.register(dealer, zmq.POLLIN)
    poller.register(monitor, zmq.POLLIN)


def disconnect():
    global dealer, feed, reports, monitor
    poller.unregister(dealer)
    poller.unregister(monitor)
    dealer.disable_monitor()
    monitor.close(0)
    dealer.close(0)
    feed.close(0)
    reports.close(0)
    dealer = feed = reports = monitor = None


def handle(cmd):
    c = cmd["cmd"]
    if c == "start":
        cfg.update(cmd)
        connect()
    elif c == "confirm_held":
        while held:
            confirm(held.pop(0))
    elif c == "cut":
        disconnect()
    elif c == "resume":
        connect()
    elif c == "quit":
        sys.exit(0)
    emit({"event": "done", "cmd": c})


poller = zmq.Poller()
acked = False
stdin = sys.stdin.fileno()
poller.register(stdin, zmq.POLLIN)
buffer = b""
while True:
    for sock, _ in poller.poll(50):
        if sock == stdin:
            chunk = os.read(stdin, 65536)
            if not chunk:
                sys.exit(0)
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.strip():
                    handle(json.loads(line))
        elif monitor is not None and sock == monitor:
            while monitor is not None and monitor.poll(0):
                event = recv_monitor_message(monitor)
                if event["event"] == zmq.EVENT_CONNECTED:
                    emit({"event": "connected"})
                    hello()
                elif event["event"] == zmq.EVENT_DISCONNECTED:
                    acked = False
                    emit({"event": "disconnected"})
        elif dealer is not None and sock == dealer:
            while dealer is not None and dealer.poll(0):
                on_message(json.loads(dealer.recv()))
    if dealer is None:
        continue
    now = time.time()
    if not acked and now - last_hello > 2.0:
        hello()  # no hello_ack yet: say hello again (the real EA waits 30 s)
    if acked and now - last_beat > 0.5:
        last_beat = now
        heartbeat()
    if now - last_tick > 0.2:
        last_tick = now
        tick()
