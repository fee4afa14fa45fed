#!/usr/bin/env python3
# Faults against `rankinfo serve` on loopback (bounded: 10,000 connections,
# about 15 s): idle connections, a declared 100 MB body, the read timeout,
# SIGTERM. Run from the repository root after `cargo build --release`.
import socket, subprocess, time, re, sys, resource
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
srv.terminate(); out, err = srv.communicate(timeout=20)
print("exit", srv.returncode); print(err.strip())
