#!/usr/bin/env python3
# Faults against `rankinfo serve` on loopback (bounded: 10,000 connections,
# about a minute): idle connections, a declared 100 MB body, the read timeout,
# streamed batches (a million rows, a chunked body past 256 MiB, a client
# that sends everything before reading), SIGTERM. Run from the repository
# root after `cargo build --release`.
import socket, subprocess, time, re, sys, resource, threading
_, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(20000, hard), hard))
srv = subprocess.Popen(["target/release/rankinfo", "serve", "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = srv.stdout.readline()
host, port = re.search(r"http://([\d.]+):(\d+)", line).groups(); port = int(port)
def rss(): return int(open(f"/proc/{srv.pid}/status").read().split("VmRSS:")[1].split()[0])
def health():
    t = time.time(); s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        try:
            b = s.recv(4096)
        except OSError as e:
            return f"error {e}"
        if not b: break
        data += b
    return f"{data.split(b' ')[1].decode() if data else 'no answer'} in {1000*(time.time()-t):.1f} ms"
print("rss before", rss(), "kB; health", health())
conns = []
for i in range(10000):
    try: conns.append(socket.create_connection((host, port), timeout=5))
    except OSError as e: print("connect", i, e); break
time.sleep(1)
print("opened", len(conns), "idle; rss", rss(), "kB; health", health())
# a 100 MB body, declared: refused before it is sent
s = socket.create_connection((host, port), timeout=5)
s.sendall(b"POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n")
print("100 MB declared:", s.recv(200).split(b"\r\n")[0].decode())
time.sleep(11)
print("after the 10 s read timeout: rss", rss(), "kB; health", health())
for c in conns: c.close()

# Streamed batches: a contact list generated here (the titles of
# tests/data/batch), sent chunked by one thread while this one reads.
TITLES = [("合肥市财政局", "副局长"), ("深圳市南山区", "区长"), ("", "处长"), ("", "二级巡视员"), ("某某科技有限公司", "总经理")]
PATH = "/v1/batch?column=%E8%81%8C%E5%8A%A1&org_column=%E5%8D%95%E4%BD%8D"
def rows(start, n, pad):
    note = "x" * pad
    return "".join(f"{i},{TITLES[i % 5][0]},{TITLES[i % 5][1]},{note}\n" for i in range(start, start + n)).encode()
def dechunk(raw):
    out, at = bytearray(), 0
    while True:
        eol = raw.find(b"\r\n", at)
        if eol < 0: return bytes(out), False
        size = int(raw[at:eol].split(b";")[0], 16); at = eol + 2
        if size == 0: return bytes(out), raw[at:at + 2] == b"\r\n"
        out += raw[at:at + size]; at += size + 2
        if at > len(raw): return bytes(out), False
def stream_batch(total, pad, block=1000):
    s = socket.create_connection((host, port), timeout=60)
    s.sendall(f"POST {PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
    sent = [0]; first = [None]; peak = [rss()]; done = threading.Event()
    def send():
        try:
            head = "序号,单位,职务,备注\n".encode()
            s.sendall(b"%x\r\n%s\r\n" % (len(head), head))
            for start in range(0, total, block):
                b = rows(start, min(block, total - start), pad)
                s.sendall(b"%x\r\n%s\r\n" % (len(b), b)); sent[0] += len(b)
            s.sendall(b"0\r\n\r\n")
        except OSError as e:
            sent.append(f"send stopped: {e.strerror or e}")
    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss()); time.sleep(0.05)
    t0 = time.time()
    threads = [threading.Thread(target=send), threading.Thread(target=sample)]
    for t in threads: t.start()
    raw = bytearray(); err = None
    while True:
        try: b = s.recv(1 << 20)
        except OSError as e: err = e.strerror or str(e); break
        if not b: break
        if first[0] is None: first[0] = sent[0]
        raw += b
    secs = time.time() - t0; done.set()
    for t in threads: t.join()
    split = raw.find(b"\r\n\r\n")
    status = raw[:raw.find(b"\r\n")].decode()
    body, complete = dechunk(bytes(raw[split + 4:])) if b"chunked" in raw[:split].lower() else (bytes(raw[split + 4:]), True)
    lines = body.splitlines()
    return dict(status=status, secs=secs, sent_mb=sent[0] / 1e6, first_mb=(first[0] or 0) / 1e6, rows_out=max(len(lines) - 1, 0),
                last=lines[-1].decode("utf-8", "replace")[:90] if lines else "", complete=complete, peak=peak[0], err=err, send=sent[1:])
base = rss()
r = stream_batch(1_000_000, 40)
print(f"batch, 1,000,000 rows chunked ({r['sent_mb']:.0f} MB): {r['status']}, {r['rows_out']:,} rows back in {r['secs']:.1f} s "
      f"= {1e6 / r['secs']:,.0f} rows/s; first answer bytes when {r['first_mb']:.1f} MB had been sent; complete {r['complete']}; "
      f"rss {base} → peak {r['peak']} kB; health {health()}")
r = stream_batch(400_000, 700)
print(f"batch, chunked past 256 MiB ({r['sent_mb']:.0f} MB sent): {r['status']}, {r['rows_out']:,} lines back, last: {r['last']!r}; "
      f"complete {r['complete']}; client saw {r['err'] or 'a clean close'}; {r['send']}; rss peak {r['peak']} kB; health {health()}")
# A client that sends a 40 MB body whole before reading anything: the
# answer fills the buffers, the server waits 10 s for it to read, then
# closes the connection.
s = socket.create_connection((host, port), timeout=60)
body = "序号,单位,职务,备注\n".encode() + rows(0, 500_000, 40)
s.sendall(f"POST {PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n\r\n".encode())
t0 = time.time()
try:
    s.sendall(body); outcome = "sent it all"
except OSError as e:
    outcome = f"send failed after {time.time() - t0:.1f} s: {e.strerror or e}"
got = b""
try:
    while True:
        b = s.recv(1 << 20)
        if not b: break
        got += b
except OSError as e:
    outcome += f"; read failed: {e.strerror or e}"
ending = "ending with the last chunk" if got.endswith(b"\r\n0\r\n\r\n") else "without the last chunk"
print(f"batch, 40 MB sent before reading: {outcome}; {len(got) / 1e6:.1f} MB of answer read, {ending}; health {health()}")
srv.terminate(); out, err = srv.communicate(timeout=20)
print("exit", srv.returncode); print(err.strip())
