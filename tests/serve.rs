//! `rankinfo serve`: the real binary on 127.0.0.1, port 0, asked over
//! plain HTTP/1.1. Every route, the error statuses, the body limit, and
//! that each JSON answer is the command line's `--json` for the same input.
#![cfg(feature = "serve")]

mod common;

use common::run_with_stdin;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A server for one test, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        Server::start_with("127.0.0.1:0", extra)
    }

    fn start_at(addr: &str) -> Server {
        Server::start_with(addr, &[])
    }

    fn start_with(addr: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
            .args(["serve", "--addr", addr])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start rankinfo serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the listening line");
        // rankinfo serve: 正在监听 http://127.0.0.1:PORT/
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.trim().trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, addr }
    }

    fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[], b"")
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut head =
            format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            && !headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding"))
        {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) before reading all of it.
        let _ = s.write_all(body);
        read_reply(&mut s)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&self.body));
        })
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

fn read_reply(s: &mut TcpStream) -> Reply {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    Reply {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    }
}

/// `rankinfo ARGS --json`, parsed, whatever the exit code.
fn cli_json(args: &[&str]) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(args)
        .arg("--json")
        .output()
        .expect("run rankinfo");
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&o.stderr));
    })
}

/// Percent-encoding of a query value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A route, its query, and the same question on the command line.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

#[test]
fn every_answer_is_the_command_lines_json() {
    let server = Server::start(&[]);
    // (route, query, the same question on the command line)
    let cases: &[Case] = &[
        (
            "resolve",
            &[("q", "广东省深圳市南山区发展和改革局副局长")],
            &["resolve", "广东省深圳市南山区发展和改革局副局长"],
        ),
        (
            "resolve",
            &[("q", "县委副书记、县长（主持工作）")],
            &["resolve", "县委副书记、县长（主持工作）"],
        ),
        (
            "resolve",
            &[("q", "某某公司总经理")],
            &["resolve", "某某公司总经理"],
        ),
        ("show", &[("name", "处长")], &["show", "处长"]),
        ("show", &[("name", "局长")], &["show", "局长"]),
        (
            "show",
            &[("name", "局长"), ("at", "地级市")],
            &["show", "局长", "--at", "地级市"],
        ),
        (
            "show",
            &[("name", "深圳市南山区区长")],
            &["show", "深圳市南山区区长"],
        ),
        ("show", &[("name", "二级巡视员")], &["show", "二级巡视员"]),
        (
            "compare",
            &[("a", "县委书记"), ("b", "合肥市财政局局长")],
            &["compare", "县委书记", "合肥市财政局局长"],
        ),
        (
            "compare",
            &[("a", "局长"), ("b", "处长"), ("at", "副省级市")],
            &["compare", "局长", "处长", "--at", "副省级市"],
        ),
        (
            "compare",
            &[("a", "调研员"), ("b", "处长")],
            &["compare", "调研员", "处长"],
        ),
        ("equiv", &[("name", "一级调研员")], &["equiv", "一级调研员"]),
        ("equiv", &[("name", "局长")], &["equiv", "局长"]),
        (
            "equiv",
            &[("name", "深圳市南山区区长")],
            &["equiv", "深圳市南山区区长"],
        ),
        (
            "address",
            &[
                ("title", "副县长"),
                ("surname", "付"),
                ("given_name", "建国"),
            ],
            &[
                "address",
                "副县长",
                "--surname",
                "付",
                "--given-name",
                "建国",
            ],
        ),
        (
            "address",
            &[("title", "局长"), ("surname", "王"), ("at", "县")],
            &["address", "局长", "--surname", "王", "--at", "县"],
        ),
        (
            "address",
            &[("title", "一级调研员")],
            &["address", "一级调研员"],
        ),
        (
            "address",
            &[
                ("title", "副局长"),
                ("surname", "王"),
                ("same_surname_as_head", "true"),
            ],
            &[
                "address",
                "副局长",
                "--surname",
                "王",
                "--same-surname-as-head",
            ],
        ),
        (
            "address",
            &[
                ("title", "二级巡视员"),
                ("surname", "李"),
                ("former", "局长"),
            ],
            &[
                "address",
                "二级巡视员",
                "--surname",
                "李",
                "--former",
                "局长",
            ],
        ),
        (
            "brief",
            &[("title", "二级巡视员"), ("surname", "李")],
            &["brief", "二级巡视员", "--surname", "李"],
        ),
        (
            "brief",
            &[("title", "深圳市南山区区长"), ("surname", "王")],
            &["brief", "深圳市南山区区长", "--surname", "王"],
        ),
        (
            "brief",
            &[("title", "副局长"), ("at", "地级市")],
            &["brief", "副局长", "--at", "地级市"],
        ),
        // Outside the civil service: an answer, as on the command line.
        (
            "brief",
            &[("title", "董事长"), ("surname", "王")],
            &["brief", "董事长", "--surname", "王"],
        ),
        (
            "address",
            &[("title", "沧州市人民医院院长")],
            &["address", "沧州市人民医院院长"],
        ),
        ("ladder", &[], &["ladder"]),
    ];
    for (route, params, args) in cases {
        let r = server.get(&format!("/v1/{route}?{}", query(params)));
        assert_eq!(
            r.status,
            200,
            "{route} {params:?}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert_eq!(
            r.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(r.json(), cli_json(args), "{route} {params:?}");
    }
}

#[test]
fn the_ladder_chart_is_the_command_lines() {
    let server = Server::start(&[]);
    let r = server.get("/v1/ladder.svg");
    assert_eq!(r.status, 200);
    let cli = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(["ladder", "--svg", "-"])
        .output()
        .unwrap();
    assert_eq!(r.body, cli.stdout);
}

#[test]
fn unknown_names_and_bad_parameters_are_json_errors() {
    let server = Server::start(&[]);
    // An unknown name: 404, the command line's error plus a message.
    let r = server.get(&format!("/v1/show?name={}", enc("处张")));
    assert_eq!(r.status, 404);
    let v = r.json();
    let cli = cli_json(&["show", "处张"]);
    assert_eq!(cli["error"], "unknown");
    for (k, expected) in cli.as_object().unwrap() {
        assert_eq!(&v[k], expected, "{k}");
    }
    assert!(!v["suggestions"].as_array().unwrap().is_empty(), "{v}");
    assert!(v["message"].as_str().unwrap().contains("是否要找"), "{v}");

    let r = server.get(&format!(
        "/v1/compare?a={}&b={}",
        enc("处长"),
        enc("不存在的官")
    ));
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"], "unknown");

    // An unknown kind of organisation: a bad parameter, with suggestions.
    let r = server.get(&format!(
        "/v1/show?name={}&at={}",
        enc("局长"),
        enc("地级是")
    ));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "unknown_context");
    // A level where a title is needed.
    let r = server.get(&format!("/v1/address?title={}", enc("正处级")));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "not_a_title");

    // A missing parameter.
    for path in [
        "/v1/resolve",
        "/v1/show",
        "/v1/compare?a=x",
        "/v1/equiv",
        "/v1/address",
        "/v1/brief?surname=王",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(r.json()["error"], "missing_parameter", "{path}");
    }
    // A malformed query.
    let r = server.get("/v1/address?title=x&same_surname_as_head=maybe");
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "bad_query");
    // An oversized query.
    let r = server.get(&format!("/v1/resolve?q={}", "a".repeat(20_000)));
    assert_eq!(r.status, 414);
    assert_eq!(r.json()["error"], "query_too_long");
    // No such route; a method the route does not take.
    let r = server.get("/v2/resolve");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"], "no_such_route");
    let r = server.request("POST", "/v1/show?name=x", &[], b"");
    assert_eq!(r.status, 405);
    assert_eq!(r.json()["error"], "method_not_allowed");
    let r = server.request("DELETE", "/v1/resolve", &[], b"");
    assert_eq!(r.status, 405);
    // Hostile text never fails the server.
    for q in [
        "%00%01",
        "%E2%80%AE",
        "..%2F..%2Fetc%2Fpasswd",
        "%24(reboot)",
    ] {
        for route in [
            "resolve?q=",
            "show?name=",
            "brief?title=",
            "address?title=",
            "equiv?name=",
        ] {
            let r = server.get(&format!("/v1/{route}{q}"));
            assert!(r.status < 500, "{route}{q}: {}", r.status);
            r.json();
        }
    }
}

#[test]
fn health_version_and_page() {
    let server = Server::start(&[]);
    let r = server.get("/v1/health");
    assert_eq!((r.status, r.json()["status"].clone()), (200, "ok".into()));
    let v = server.get("/v1/version").json();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["crate"], "rankinfo");
    let info = cli_json(&["data", "info"]);
    assert_eq!(v["data_version"], info["version"]);
    assert_eq!(v["data_in_use"], info["version"]);

    let r = server.get("/");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let page = String::from_utf8(r.body.clone()).unwrap();
    assert!(page.contains("职务称呼速查"));
    assert!(page.contains("<label for=\"q\""));
    // No external assets: nothing is loaded from another host.
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "external asset"
    );
    assert!(r.header("content-security-policy").is_some());
    // HEAD works where GET does.
    let r = server.request("HEAD", "/v1/health", &[], b"");
    assert_eq!(r.status, 200);
}

#[test]
fn bulk_resolve_answers_as_resolve_over_standard_input() {
    let server = Server::start(&[]);
    let titles = [
        "广东省深圳市南山区发展和改革局副局长",
        "处长",
        "",
        "某某公司总经理",
        "县委书记",
    ];
    let lines = titles.join("\n") + "\n";
    let out = run_with_stdin(&["resolve", "--json"], lines.as_bytes());
    let expected: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), titles.len());

    let r = server.request(
        "POST",
        "/v1/resolve",
        &[("Content-Type", "text/plain")],
        lines.as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), Value::Array(expected.clone()));

    let body = serde_json::to_vec(&titles).unwrap();
    let r = server.request(
        "POST",
        "/v1/resolve",
        &[("Content-Type", "application/json")],
        &body,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), Value::Array(expected));

    // GBK text, as Excel writes it: decoded as the command line decodes it.
    let gbk = b"\xb4\xa6\xb3\xa4\r\n"; // 处长
    let r = server.request("POST", "/v1/resolve", &[], gbk);
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json()[0]["title"],
        cli_json(&["resolve", "处长"])["title"]
    );

    // Not an array of strings.
    for bad in [&b"{\"q\": 1}"[..], b"[1, 2]", b"[\"a\""] {
        let r = server.request(
            "POST",
            "/v1/resolve",
            &[("Content-Type", "application/json")],
            bad,
        );
        assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(bad));
        assert_eq!(r.json()["error"], "bad_json");
    }
}

#[test]
fn bodies_over_the_limit_are_refused_with_413() {
    let server = Server::start(&[]);
    // Declared too large: refused before the body is read.
    let r = server.request(
        "POST",
        "/v1/resolve",
        &[("Content-Length", "104857600")],
        b"",
    );
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"], "body_too_large");

    // Chunked, without a length: refused once past the limit.
    let line = "处长\n".repeat(1000);
    let mut body = Vec::new();
    while body.len() <= 1024 * 1024 + 64 * 1024 {
        body.extend_from_slice(format!("{:x}\r\n{line}\r\n", line.len()).as_bytes());
    }
    body.extend_from_slice(b"0\r\n\r\n");
    let r = server.request(
        "POST",
        "/v1/resolve",
        &[("Transfer-Encoding", "chunked")],
        &body,
    );
    assert_eq!(r.status, 413);

    // Within the limit but too many titles.
    let many = "处长\n".repeat(10_001);
    let r = server.request("POST", "/v1/resolve", &[], many.as_bytes());
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"], "too_many_titles");

    // The server still answers.
    assert_eq!(server.get("/v1/health").status, 200);
}

#[test]
fn data_files_are_read_at_start() {
    let dir = std::env::temp_dir().join(format!("rankinfo-serve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[titles]]\nname = \n").unwrap();
    // A broken file: refused before listening, as on every command.
    let o = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(o.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn localhost_is_an_address() {
    let server = Server::start_at("localhost:0");
    assert!(server.addr.ip().is_loopback());
    assert_eq!(server.get("/v1/health").status, 200);
}

#[test]
fn bad_address_is_a_usage_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_rankinfo"))
        .args(["serve", "--addr", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("地址无效"));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_it_cleanly() {
    let mut server = Server::start(&[]);
    assert_eq!(server.get("/v1/health").status, 200);
    // An idle keep-alive connection must not hold the shutdown up.
    let idle = TcpStream::connect(server.addr).unwrap();
    let ok = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(15), "still running");
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(idle);
    let mut err = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("已停止"), "{err}");
}

#[test]
fn slow_idle_and_vanishing_clients_do_not_stop_others() {
    let server = Server::start(&[]);
    // A client that sends half a request head and then nothing.
    let mut slow = TcpStream::connect(server.addr).unwrap();
    slow.write_all(b"GET /v1/health HTTP/1.1\r\nHost: loc")
        .unwrap();
    // Many idle connections.
    let idle: Vec<TcpStream> = (0..500)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    // A client that promises a body and goes away halfway.
    let mut gone = TcpStream::connect(server.addr).unwrap();
    gone.write_all(
        b"POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\xe5\xa4\x84",
    )
    .unwrap();
    drop(gone);
    // The others are answered at once.
    let start = std::time::Instant::now();
    for _ in 0..20 {
        assert_eq!(
            server.get(&format!("/v1/resolve?q={}", enc("处长"))).status,
            200
        );
    }
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    drop(idle);
    // The slow head is cut off after the read timeout (10 s).
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let start = std::time::Instant::now();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let waited = start.elapsed();
    assert!(
        waited < Duration::from_secs(15),
        "still open after {waited:?}"
    );
    assert_eq!(server.get("/v1/health").status, 200);
}

/// The routes of `serve::router`, as a client sees them.
const ROUTES: &[&str] = &[
    "/v1/health",
    "/v1/version",
    "/v1/resolve",
    "/v1/show",
    "/v1/compare",
    "/v1/equiv",
    "/v1/address",
    "/v1/brief",
    "/v1/ladder",
    "/v1/ladder.svg",
    "/v1/openapi.json",
    "/v1/batch",
];

#[test]
fn the_openapi_document_matches_the_routes() {
    let server = Server::start(&[]);
    let r = server.get("/v1/openapi.json");
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<&str> = paths.keys().map(|k| k.as_str()).collect();
    let mut routes = ROUTES.to_vec();
    documented.sort_unstable();
    routes.sort_unstable();
    assert_eq!(
        documented, routes,
        "documented paths and served routes differ"
    );
    // Every reference points somewhere.
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r);
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(!all.is_empty());
    for r in all {
        assert!(
            doc.pointer(r.trim_start_matches('#')).is_some(),
            "dangling {r}"
        );
    }
    let deref = |v: &Value| -> Value {
        match v["$ref"].as_str() {
            Some(r) => doc
                .pointer(r.trim_start_matches('#'))
                .cloned()
                .unwrap_or_else(|| panic!("dangling {r}")),
            None => v.clone(),
        }
    };
    for (path, ops) in paths {
        let ops = ops.as_object().unwrap();
        for (method, op) in ops {
            // The required parameters, from their examples.
            let params: Vec<(String, String)> = op["parameters"]
                .as_array()
                .map(|ps| ps.iter().map(deref).collect::<Vec<_>>())
                .unwrap_or_default()
                .iter()
                .filter(|p| p["required"] == true)
                .map(|p| {
                    let example = p["example"]
                        .as_str()
                        .expect("a required parameter's example");
                    (p["name"].as_str().unwrap().to_string(), example.to_string())
                })
                .collect();
            let pairs: Vec<(&str, &str)> = params
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let r = match method.as_str() {
                "get" => server.get(&format!("{path}?{}", query(&pairs))),
                // A contact list for the annotator; a list of titles else.
                "post" if path == "/v1/batch" => server.request(
                    "POST",
                    &format!("{path}?{}", query(&pairs)),
                    &[("Content-Type", "text/csv")],
                    "姓名,职务\n王,处长\n".as_bytes(),
                ),
                "post" => server.request(
                    "POST",
                    path,
                    &[("Content-Type", "application/json")],
                    "[\"处长\"]".as_bytes(),
                ),
                other => panic!("undocumented method {other}"),
            };
            assert_eq!(r.status, 200, "{method} {path}");
            if path.ends_with(".svg") {
                assert_eq!(
                    r.header("content-type"),
                    Some("image/svg+xml; charset=utf-8")
                );
                continue;
            }
            if path == "/v1/batch" {
                let text = String::from_utf8(r.body.clone()).unwrap();
                assert!(text.starts_with("姓名,职务,rankinfo_level"), "{text}");
                assert!(text.contains("王,处长,县处级正职"), "{text}");
            } else {
                r.json();
            }
            // Each status the route gives for a missing parameter is documented.
            if !params.is_empty() {
                let r = match method.as_str() {
                    "post" => server.request("POST", path, &[], b"a\n"),
                    _ => server.get(path),
                };
                assert_eq!(r.status, 400, "{path} without parameters");
                assert!(
                    op["responses"].get("400").is_some(),
                    "{path}: 400 undocumented"
                );
            }
        }
        // A method the document does not give is refused.
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            if !ops.contains_key(&method.to_lowercase()) {
                let r = server.request(method, path, &[], b"");
                assert_eq!(r.status, 405, "{method} {path}");
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let mut server = Server::start(&[]);
    // A request whose body is still on its way when SIGTERM comes.
    let body = "处长\n县长\n";
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(
        format!(
            "POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    )
    .unwrap();
    s.write_all(&body.as_bytes()[..3]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let ok = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    std::thread::sleep(Duration::from_millis(300));
    // Still running: the request is not done.
    assert!(server.child.try_wait().unwrap().is_none());
    s.write_all(&body.as_bytes()[3..]).unwrap();
    let r = read_reply(&mut s);
    assert_eq!(r.status, 200);
    assert_eq!(r.json().as_array().unwrap().len(), 2);
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn the_server_code_reaches_no_file_and_no_shell() {
    // What a request sends goes to the library and back, nowhere else: the
    // server and its answers name no file, process or environment API.
    let sources = [
        include_str!("../src/bin/rankinfo/serve.rs"),
        include_str!("../src/bin/rankinfo/answer.rs"),
    ];
    for src in sources {
        for word in [
            "std::fs",
            "File::",
            "process::Command",
            "std::env::",
            "OpenOptions",
        ] {
            assert!(!src.contains(word), "{word} in the server's code");
        }
    }
}

#[test]
fn batch_annotates_a_contact_list_like_the_command() {
    let server = Server::start(&[]);
    let csv = "单位,职务,姓\n合肥市财政局,副局长,王\n\"某某公司, 总部\",董事长,李\n";
    let r = server.request(
        "POST",
        "/v1/batch?column=职务&org_column=单位&surname_column=姓",
        &[("Content-Type", "text/csv")],
        csv.as_bytes(),
    );
    assert_eq!(r.status, 200);
    let text = String::from_utf8(r.body.clone()).unwrap();
    // Every row, every field as it came (the quoted one stays quoted).
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("合肥市财政局,副局长,王,县处级副职"),
        "{text}"
    );
    assert!(text.contains("\"某某公司, 总部\",董事长,李,"), "{text}");
    // A column that is not there: 400, naming the columns there are.
    let r = server.request("POST", "/v1/batch?column=职位", &[], csv.as_bytes());
    assert_eq!(r.status, 400);
    assert!(r.json()["message"].as_str().unwrap().contains("单位"));
}

/// The body of an answer, de-chunked, and whether it was complete: a
/// chunked answer must end with its last (zero-length) chunk.
fn dechunk(reply: &Reply) -> (Vec<u8>, bool) {
    if reply.header("transfer-encoding") != Some("chunked") {
        return (reply.body.clone(), true);
    }
    let (raw, mut at, mut out) = (&reply.body[..], 0, Vec::new());
    loop {
        let Some(eol) = raw[at..].windows(2).position(|w| w == b"\r\n") else {
            return (out, false);
        };
        let size = std::str::from_utf8(&raw[at..at + eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok())
            .expect("a chunk size");
        at += eol + 2;
        if size == 0 {
            return (out, raw[at..].starts_with(b"\r\n"));
        }
        if raw.len() < at + size + 2 {
            out.extend_from_slice(&raw[at..]);
            return (out, false);
        }
        out.extend_from_slice(&raw[at..at + size]);
        at += size + 2;
    }
}

/// `body` as a chunked request, cut into pieces of `piece` bytes (across
/// characters and lines), sent by another thread with a pause between
/// pieces while this one reads the answer.
fn post_chunked(server: &Server, path: &str, body: Vec<u8>, piece: usize) -> Reply {
    let mut s = TcpStream::connect(server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    s.write_all(head.as_bytes()).unwrap();
    let mut w = s.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        for (i, p) in body.chunks(piece).enumerate() {
            let mut c = format!("{:x}\r\n", p.len()).into_bytes();
            c.extend_from_slice(p);
            c.extend_from_slice(b"\r\n");
            // The server may stop reading (an error): it says so in the answer.
            if w.write_all(&c).is_err() {
                return;
            }
            if i % 8 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        let _ = w.write_all(b"0\r\n\r\n");
    });
    let r = read_reply(&mut s);
    sender.join().unwrap();
    r
}

/// Titles of the batch fixtures (tests/data/batch) with their 单位 and the
/// columns `rankinfo batch` appends for them.
const BATCH_CASES: &[(&str, &str, &str)] = &[
    ("合肥市财政局", "副局长", "县处级副职,14–20,5,高,,党政机关,"),
    ("深圳市南山区", "区长", "厅局级副职,10–15,7,高,,党政机关,"),
    ("", "处长", "县处级正职,12–18,6,高,,党政机关,"),
    ("", "二级巡视员", "厅局级副职,10–15,7,高,,党政机关,"),
    (
        "某某科技有限公司",
        "总经理",
        ",,,低,,企业,企业职务，没有公务员职务层次；国有企业领导人员有时比照行政级别，属惯例，不是法定层次",
    ),
];

const BATCH_HEADER: &str = "rankinfo_level,rankinfo_grade,rankinfo_seniority,rankinfo_certainty,rankinfo_stated_level,rankinfo_sector,rankinfo_note";

/// A contact list of `rows` rows (序号,单位,职务,备注 with `pad` bytes of
/// 备注) and the lines `rankinfo batch` answers for it.
fn contact_list(rows: usize, pad: usize) -> (String, Vec<String>) {
    let note = "x".repeat(pad);
    let mut csv = String::from("序号,单位,职务,备注\n");
    let mut want = vec![format!("序号,单位,职务,备注,{BATCH_HEADER}")];
    for i in 0..rows {
        let (org, title, ann) = BATCH_CASES[i % BATCH_CASES.len()];
        let row = format!("{i},{org},{title},{note}");
        csv.push_str(&row);
        csv.push('\n');
        want.push(format!("{row},{ann}"));
    }
    (csv, want)
}

const BATCH_PATH: &str = "/v1/batch?column=%E8%81%8C%E5%8A%A1&org_column=%E5%8D%95%E4%BD%8D";

#[test]
fn batch_streams_a_chunked_csv_row_for_row() {
    let server = Server::start(&[]);
    let (csv, want) = contact_list(30_000, 8);
    // Pieces of 50,001 bytes: cut inside characters, fields and lines.
    let r = post_chunked(&server, BATCH_PATH, csv.into_bytes(), 50_001);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    // Long enough to be streamed out as it is written.
    assert_eq!(r.header("transfer-encoding"), Some("chunked"));
    let (body, complete) = dechunk(&r);
    assert!(complete, "the answer lacks its last chunk");
    let text = String::from_utf8(body).unwrap();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "line {i}");
    }
}

/// A table as Excel writes it on Chinese Windows: answered in its own
/// encoding (GBK written as GB18030), and the header says which.
#[test]
fn batch_answers_a_gbk_table_in_gb18030_and_says_so() {
    let server = Server::start(&[]);
    let (csv, want) = contact_list(BATCH_CASES.len(), 0);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    let r = server.request("POST", BATCH_PATH, &[], &gbk);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), Some("text/csv; charset=gb18030"));
    let (text, _, malformed) = encoding_rs::GB18030.decode(&r.body);
    assert!(!malformed);
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
}

#[test]
fn batch_streams_json_lines() {
    let server = Server::start(&[]);
    let mut body = String::new();
    for i in 0..20_000 {
        let (org, title, _) = BATCH_CASES[i % BATCH_CASES.len()];
        body.push_str(&format!(
            "{{\"n\":{i},\"org\":\"{org}\",\"title\":\"{title}\"}}\n"
        ));
    }
    let r = post_chunked(
        &server,
        "/v1/batch?column=title&org_column=org",
        body.clone().into_bytes(),
        7_777,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    let (out, complete) = dechunk(&r);
    assert!(complete);
    let out = String::from_utf8(out).unwrap();
    let levels = [
        ("县处级副职", 5),
        ("厅局级副职", 7),
        ("县处级正职", 6),
        ("厅局级副职", 7),
    ];
    assert_eq!(out.lines().count(), 20_000);
    for (i, (line, input)) in out.lines().zip(body.lines()).enumerate() {
        // The object as it came, the rankinfo_ keys after its own.
        let own = &input[..input.len() - 1];
        assert!(line.starts_with(own), "{line}");
        assert!(
            line[own.len()..].starts_with(",\"rankinfo_level\":"),
            "{line}"
        );
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["n"], i);
        match levels.get(i % BATCH_CASES.len()) {
            Some((level, seniority)) => {
                assert_eq!(v["rankinfo_level"], *level, "{line}");
                assert_eq!(v["rankinfo_seniority"], *seniority, "{line}");
            }
            None => {
                assert_eq!(v["rankinfo_level"], Value::Null, "{line}");
                assert_eq!(v["rankinfo_sector"], "enterprise", "{line}");
            }
        }
    }
}

/// The server's resident memory, in KiB.
#[cfg(target_os = "linux")]
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            let l = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            l.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

#[cfg(target_os = "linux")]
#[test]
fn batch_answers_while_the_body_is_coming_in_flat_memory() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::{Arc, mpsc};
    let server = Server::start(&[]);
    // Warm: the first batch sets up the blocking pool and buffers.
    let (small, _) = contact_list(2_000, 8);
    assert_eq!(
        post_chunked(&server, BATCH_PATH, small.into_bytes(), 4096).status,
        200
    );
    let pid = server.child.id();
    let before = rss_kib(pid);
    // 200,000 rows, about 46 MB in and 54 MB out.
    let (csv, want) = contact_list(200_000, 200);
    let csv = csv.into_bytes();
    let size = csv.len();
    let half = csv[..size / 2].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    let peak = Arc::new(AtomicU64::new(before));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, stop) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.write_all(
        format!("POST {BATCH_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    let (seen_tx, seen_rx) = mpsc::channel::<()>();
    let mut w = s.try_clone().unwrap();
    // The first half, then nothing more until the answer has begun.
    let sender = std::thread::spawn(move || {
        let send = |w: &mut TcpStream, part: &[u8]| {
            for p in part.chunks(64 * 1024) {
                let mut c = format!("{:x}\r\n", p.len()).into_bytes();
                c.extend_from_slice(p);
                c.extend_from_slice(b"\r\n");
                w.write_all(&c).unwrap();
            }
        };
        send(&mut w, &csv[..half]);
        let waited = seen_rx.recv_timeout(Duration::from_secs(60)).is_ok();
        send(&mut w, &csv[half..]);
        w.write_all(b"0\r\n\r\n").unwrap();
        waited
    });
    // Read until the head and the first rows are here.
    let mut raw = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let first_row = "\n0,合肥市财政局,副局长,".as_bytes();
    while !raw.windows(first_row.len()).any(|w| w == first_row) {
        let n = s.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "closed before any row: {}",
            String::from_utf8_lossy(&raw)
        );
        raw.extend_from_slice(&buf[..n]);
    }
    seen_tx.send(()).unwrap();
    let _ = s.read_to_end(&mut raw);
    let waited = sender.join().unwrap();
    stop.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    assert!(
        waited,
        "no answer while half of the body was still to come: not streamed"
    );
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let r = Reply {
        status: 200,
        head: String::from_utf8_lossy(&raw[..split]).into_owned(),
        body: raw[split + 4..].to_vec(),
    };
    assert!(r.head.starts_with("HTTP/1.1 200"), "{}", r.head);
    let (body, complete) = dechunk(&r);
    assert!(complete);
    let text = String::from_utf8(body).unwrap();
    assert_eq!(text.lines().count(), want.len());
    assert!(text.lines().zip(&want).all(|(g, w)| g == w));
    let grown = peak.load(Ordering::Relaxed).saturating_sub(before);
    eprintln!("body {size} bytes; server RSS {before} KiB before, grew by {grown} KiB at most");
    assert!(
        grown < 32 * 1024,
        "server RSS grew by {grown} KiB for a {size}-byte body"
    );
}

#[test]
fn batch_limits_before_and_after_the_answer_starts() {
    let server = Server::start(&[]);
    // A declared length over 256 MiB: refused before any of it is read.
    let r = server.request(
        "POST",
        BATCH_PATH,
        &[("Content-Length", &(257u64 << 20).to_string())],
        b"",
    );
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"], "body_too_large");

    // Chunked past 256 MiB before any answer was written (blank JSON
    // Lines): the same 413.
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.write_all(
        b"POST /v1/batch?column=title HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    .unwrap();
    let mut w = s.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let first = b"{\"title\":\"\xe5\xa4\x84\xe9\x95\xbf\"}\n";
        let mut blank = vec![b' '; (4 << 20) - 1];
        blank.push(b'\n');
        let mut all = format!("{:x}\r\n", first.len()).into_bytes();
        all.extend_from_slice(first);
        all.extend_from_slice(b"\r\n");
        if w.write_all(&all).is_err() {
            return;
        }
        let size = format!("{:x}\r\n", blank.len());
        for _ in 0..70 {
            if w.write_all(size.as_bytes()).is_err()
                || w.write_all(&blank).is_err()
                || w.write_all(b"\r\n").is_err()
            {
                return;
            }
        }
        let _ = w.write_all(b"0\r\n\r\n");
    });
    let r = read_reply(&mut s);
    sender.join().unwrap();
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"], "body_too_large");

    // A line over 4 MiB before the answer starts: 413.
    let mut body = b"\xe8\x81\x8c\xe5\x8a\xa1\n".to_vec();
    body.extend(std::iter::repeat_n(b'x', (4 << 20) + 10));
    let r = post_chunked(&server, "/v1/batch?column=1", body, 1 << 20);
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"], "line_too_long");

    // After the answer has started: the rows so far, in order, then an
    // error line, and no last chunk — the answer cannot pass for whole.
    let (csv, want) = contact_list(5_000, 8);
    let mut body = csv.into_bytes();
    body.extend(std::iter::repeat_n(b'x', 5 << 20));
    body.extend_from_slice(b"\n1,,\xe5\xa4\x84\xe9\x95\xbf,\n");
    let r = post_chunked(&server, BATCH_PATH, body, 64 * 1024);
    assert_eq!(r.status, 200);
    let (out, complete) = dechunk(&r);
    assert!(!complete, "a cut answer ended as if whole");
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (last, rows) = lines.split_last().unwrap();
    assert_eq!(
        *last,
        "rankinfo_error,line_too_long,\"有一行超过 4 MiB；输出到此中断，不完整\""
    );
    assert!(rows.len() > 1000, "{} rows before the error", rows.len());
    assert!(rows.len() < want.len());
    assert!(rows.iter().zip(&want).all(|(g, w)| g == w));

    // The same in JSON Lines: the error line is a JSON object.
    let mut body = Vec::new();
    for i in 0..5_000 {
        body.extend_from_slice(format!("{{\"n\":{i},\"title\":\"处长\"}}\n").as_bytes());
    }
    body.extend(std::iter::repeat_n(b'x', 5 << 20));
    let r = post_chunked(&server, "/v1/batch?column=title", body, 64 * 1024);
    assert_eq!(r.status, 200);
    let (out, complete) = dechunk(&r);
    assert!(!complete);
    let text = String::from_utf8(out).unwrap();
    let (last, rows) = text
        .lines()
        .collect::<Vec<_>>()
        .split_last()
        .map(|(l, r)| (l.to_string(), r.len()))
        .unwrap();
    let last: Value = serde_json::from_str(&last).unwrap();
    assert_eq!(last["rankinfo_error"], "line_too_long");
    assert!(last["message"].as_str().unwrap().contains("不完整"));
    assert!(rows > 1000);

    // Excel cannot be read as it arrives: 415, saying what to send instead.
    let r = server.request("POST", BATCH_PATH, &[], b"PK\x03\x04\x14\x00\x00\x00rest");
    assert_eq!(r.status, 415);
    assert_eq!(r.json()["error"], "unsupported_format");
    assert!(r.json()["message"].as_str().unwrap().contains("CSV"));

    // A column not there, found from a streamed header: 400, listing them.
    let (csv, _) = contact_list(10_000, 8);
    let r = post_chunked(
        &server,
        "/v1/batch?column=%E8%81%8C%E4%BD%8D",
        csv.into_bytes(),
        10_000,
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "bad_table");
    assert!(
        r.json()["message"]
            .as_str()
            .unwrap()
            .contains("序号、单位、职务、备注")
    );
    // A malformed query string: JSON too.
    let r = server.request("POST", "/v1/batch?column=1&column=2", &[], b"a\n");
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"], "bad_query");
    assert_eq!(server.get("/v1/health").status, 200);
}

#[test]
fn batch_clients_that_vanish_free_their_place() {
    let server = Server::start(&[]);
    let (csv, want) = contact_list(5_000, 8);
    // More than MAX_BATCHES (32) rounds: a thread left waiting by any of
    // them would hold its place for good, and the last rounds get 503.
    for round in 0..40 {
        let mut s = TcpStream::connect(server.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let head = format!(
            "POST {BATCH_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            csv.len()
        );
        s.write_all(head.as_bytes()).unwrap();
        if round % 2 == 0 {
            // Gone halfway through the body (past the format sniffing).
            s.write_all(&csv.as_bytes()[..csv.len() / 2]).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        } else {
            // Gone after the first bytes of the answer.
            s.write_all(csv.as_bytes()).unwrap();
            let mut first = [0u8; 12];
            s.read_exact(&mut first).unwrap();
            assert_eq!(&first, b"HTTP/1.1 200", "round {round}");
        }
        drop(s);
    }
    // All places free again: MAX_BATCHES at once, each answered in full.
    std::thread::sleep(Duration::from_millis(500));
    let started = std::time::Instant::now();
    let all: Vec<_> = (0..32)
        .map(|_| {
            let addr = server.addr;
            let csv = csv.clone();
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(addr).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
                let head = format!(
                    "POST {BATCH_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                    csv.len()
                );
                s.write_all(head.as_bytes()).unwrap();
                s.write_all(csv.as_bytes()).unwrap();
                read_reply(&mut s)
            })
        })
        .collect();
    for t in all {
        let r = t.join().unwrap();
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let (out, complete) = dechunk(&r);
        assert!(complete);
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), want.len());
    }
    eprintln!("32 batches at once in {:?}", started.elapsed());
}

#[test]
fn batch_beyond_the_places_is_503() {
    let server = Server::start(&[]);
    // 32 batches whose body has begun and stopped: each holds its place.
    let held: Vec<TcpStream> = (0..32)
        .map(|_| {
            let mut s = TcpStream::connect(server.addr).unwrap();
            s.write_all(
                format!("POST {BATCH_PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n序号")
                    .as_bytes(),
            )
            .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let r = server.request("POST", BATCH_PATH, &[], b"a\n");
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["error"], "busy");
    assert_eq!(r.header("retry-after"), Some("1"));
    // Everything else is answered.
    assert_eq!(server.get("/v1/health").status, 200);
    drop(held);
    // Their places come back once they are gone.
    let start = std::time::Instant::now();
    loop {
        let r = server.request(
            "POST",
            "/v1/batch?column=%E8%81%8C%E5%8A%A1",
            &[],
            "序号,职务\n1,处长\n".as_bytes(),
        );
        if r.status == 200 {
            assert!(String::from_utf8_lossy(&r.body).contains("1,处长,县处级正职"));
            break;
        }
        assert_eq!(r.status, 503);
        assert!(start.elapsed() < Duration::from_secs(5), "places not freed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn batch_a_client_that_reads_nothing_is_cut_off() {
    let server = Server::start(&[]);
    // 300,000 rows sent whole before anything is read: the answer fills
    // the buffers, the annotator waits, the body stops being read. After
    // the write timeout (10 s) the server closes the connection rather
    // than wait as long as the client likes.
    let (csv, _) = contact_list(300_000, 40);
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(40))).unwrap();
    s.write_all(
        format!(
            "POST {BATCH_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            csv.len()
        )
        .as_bytes(),
    )
    .unwrap();
    let start = std::time::Instant::now();
    let sent = s.write_all(csv.as_bytes());
    let waited = start.elapsed();
    let err = sent.expect_err("the server read a body whose answer nobody reads");
    assert_ne!(err.kind(), std::io::ErrorKind::WouldBlock, "{err}");
    assert_ne!(err.kind(), std::io::ErrorKind::TimedOut, "{err}");
    assert!(waited < Duration::from_secs(25), "cut off after {waited:?}");
    // Its place is free again.
    let r = server.request(
        "POST",
        "/v1/batch?column=%E8%81%8C%E5%8A%A1",
        &[],
        "序号,职务\n1,处长\n".as_bytes(),
    );
    assert_eq!(r.status, 200);
}
