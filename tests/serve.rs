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
