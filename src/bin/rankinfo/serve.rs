//! `rankinfo serve`: the JSON API under `/v1/` and the lookup page at `/`.
//!
//! A thin shell over the library: every answer is built by [`crate::answer`],
//! the same code as the command line's, and serialised as `--json` does.
//! Nothing a request sends reaches the file system or a shell; the data
//! (built in, with any `--data` files) is read once, before listening.
//!
//! Limits: a request's head must arrive within [`HEADER_TIMEOUT`], a body
//! within [`BODY_TIMEOUT`] and within [`BODY_LIMIT`] bytes (a batch body,
//! streamed, within [`BATCH_LIMIT`], with no pause over [`BODY_TIMEOUT`]);
//! an answer must be read with no pause over [`WRITE_TIMEOUT`]; at most
//! [`MAX_CONNECTIONS`] connections at once (more are closed at once
//! and counted on stderr). SIGTERM or Ctrl-C stops accepting, lets requests
//! in flight finish (for up to [`DRAIN`]), then exits.

use crate::answer::{self, Reply};
use axum::Router;
use axum::body::Body;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rankinfo::address::Person;
use rankinfo::{Dataset, LookupError};
use serde::Deserialize;
use std::io::Write;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

/// The largest body `POST /v1/resolve` takes: 1 MiB.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// The most titles one `POST /v1/resolve` answers.
pub const MAX_TITLES: usize = 10_000;
/// The longest query string a `GET` takes.
pub const QUERY_LIMIT: usize = 8 * 1024;
/// How long a client may take to send a request's head (and how long an
/// idle keep-alive connection is kept).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may take to send a body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may leave an answer unread (the connection's send
/// buffer full) before the connection is closed.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 2048;
/// How long requests in flight get to finish after SIGTERM or Ctrl-C.
pub const DRAIN: Duration = Duration::from_secs(10);

/// The lookup page, served from the binary.
const PAGE: &str = include_str!("page.html");
/// The API described (OpenAPI 3.1); `tests/serve.rs` checks it against the
/// routes.
const OPENAPI: &str = include_str!("openapi.json");

type Data = &'static Dataset;

/// The routes, over `data`.
pub fn router(data: Data) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/v1/health", get(health))
        .route("/v1/version", get(version))
        .route("/v1/resolve", get(resolve).post(resolve_bulk))
        .route("/v1/show", get(show))
        .route("/v1/compare", get(compare))
        .route("/v1/equiv", get(equiv))
        .route("/v1/address", get(address))
        .route("/v1/brief", get(brief))
        .route("/v1/ladder", get(ladder))
        .route("/v1/ladder.svg", get(ladder_svg))
        .route("/v1/openapi.json", get(openapi))
        .route("/v1/batch", post(batch))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(data)
}

/// Run the service on `addr` until SIGTERM or Ctrl-C. Says where it listens
/// on standard output (one line, flushed), everything else on stderr.
pub fn run(data: Data, addr: &str) -> std::process::ExitCode {
    // An address, or a name the machine itself resolves (localhost:8080).
    let parsed = addr.parse::<SocketAddr>().ok().or_else(|| {
        use std::net::ToSocketAddrs;
        // IPv4 first: it is there wherever loopback is.
        let all: Vec<SocketAddr> = addr.to_socket_addrs().ok()?.collect();
        all.iter().find(|a| a.is_ipv4()).or(all.first()).copied()
    });
    let Some(addr) = parsed else {
        eprintln!("rankinfo: 地址无效：“{addr}”（应如 127.0.0.1:8080 或 localhost:8080）");
        return std::process::ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rankinfo: 无法启动：{e}");
            return std::process::ExitCode::from(3);
        }
    };
    let code = match runtime.block_on(listen(data, addr)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rankinfo: 无法在 {addr} 上监听：{e}");
            std::process::ExitCode::from(3)
        }
    };
    // A batch thread still waiting on a client past the drain does not hold
    // the exit up.
    runtime.shutdown_timeout(Duration::from_secs(1));
    code
}

async fn listen(data: Data, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "rankinfo serve: 正在监听 http://{local}/");
        let _ = out.flush();
    }
    if !local.ip().is_loopback() {
        eprintln!("rankinfo: 注意：服务没有身份验证，{local} 对网络上的其他机器开放");
    }
    let service = TowerToHyperService::new(router(data));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let refused = Arc::new(AtomicU64::new(0));
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((s, _)) => s,
                    // Out of file descriptors and the like: wait, go on.
                    Err(e) => {
                        eprintln!("rankinfo: 接受连接失败：{e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    // Full: close it at once, and say so (once per 1000).
                    let n = refused.fetch_add(1, Ordering::Relaxed);
                    if n % 1000 == 0 {
                        eprintln!(
                            "rankinfo: 连接已满（{MAX_CONNECTIONS} 个），拒绝新连接（累计 {} 个）",
                            n + 1
                        );
                    }
                    drop(stream);
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let stream = WriteTimeout {
                    io: stream,
                    stalled: None,
                };
                let conn = http.serve_connection(TokioIo::new(stream), service.clone());
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    // A client that goes away mid-request is no error of ours.
                    let _ = conn.await;
                    drop(slot);
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    eprintln!("rankinfo serve: 正在停止，等待进行中的请求完成");
    tokio::select! {
        () = graceful.shutdown() => eprintln!("rankinfo serve: 已停止"),
        () = tokio::time::sleep(DRAIN) => {
            eprintln!("rankinfo serve: 仍有请求未完成，{} 秒后强行停止", DRAIN.as_secs());
        }
    }
    Ok(())
}

/// A connection whose writes fail once none has made progress for
/// [`WRITE_TIMEOUT`]: hyper has no such limit, and a client that sends a
/// request and never reads the answer would hold the connection (and the
/// answer's buffers) for as long as it likes.
struct WriteTimeout<S> {
    io: S,
    /// Armed when a write could not proceed; cleared when one does.
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteTimeout<S> {
    /// A write that could not proceed (`Pending`): still waiting, or, past
    /// the limit, an error that closes the connection.
    fn waited<T>(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<T>> {
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(WRITE_TIMEOUT)));
        match stalled.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "client read nothing of the answer",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }

    /// A write's outcome: `Pending` waits on the clock, anything else
    /// was progress and disarms it.
    fn settle<T>(
        &mut self,
        cx: &mut Context<'_>,
        poll: Poll<std::io::Result<T>>,
    ) -> Poll<std::io::Result<T>> {
        if poll.is_pending() {
            return self.waited(cx);
        }
        self.stalled = None;
        poll
    }
}

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for WriteTimeout<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for WriteTimeout<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write(cx, buf);
        this.settle(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.settle(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_flush(cx);
        this.settle(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// The parameters of every `GET` route; each route reads its own.
#[derive(Deserialize, Default)]
struct Params {
    q: Option<String>,
    name: Option<String>,
    a: Option<String>,
    b: Option<String>,
    title: Option<String>,
    at: Option<String>,
    surname: Option<String>,
    given_name: Option<String>,
    same_surname_as_head: Option<bool>,
    former: Option<String>,
}

impl Params {
    fn person(&self) -> Person {
        Person {
            surname: self.surname.clone().filter(|s| !s.trim().is_empty()),
            given_name: self.given_name.clone().filter(|s| !s.trim().is_empty()),
            same_surname_as_head: self.same_surname_as_head.unwrap_or(false),
            former_title: self.former.clone().filter(|s| !s.trim().is_empty()),
        }
    }

    /// `at`, unless empty (a form's empty field).
    fn at(&self) -> Option<&str> {
        self.at.as_deref().filter(|s| !s.trim().is_empty())
    }
}

/// A required parameter.
fn need<'a>(value: &'a Option<String>, name: &'static str) -> Result<&'a str, ApiError> {
    value.as_deref().ok_or(ApiError {
        status: StatusCode::BAD_REQUEST,
        error: "missing_parameter",
        message: format!("缺少参数 {name}"),
        parameter: Some(name),
    })
}

/// The query string, parsed; a malformed or oversized one is a 400 / 414
/// in JSON.
struct P<T = Params>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<P<T>, ApiError> {
        if parts.uri.query().is_some_and(|q| q.len() > QUERY_LIMIT) {
            return Err(ApiError {
                status: StatusCode::URI_TOO_LONG,
                error: "query_too_long",
                message: format!("查询字符串超过 {QUERY_LIMIT} 字节"),
                parameter: None,
            });
        }
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(p)| P(p))
            .map_err(|e| ApiError {
                status: StatusCode::BAD_REQUEST,
                error: "bad_query",
                message: format!("查询参数无效：{}", e.body_text()),
                parameter: None,
            })
    }
}

/// An error of the request itself (not of a name): JSON with `error`
/// (a stable tag) and `message` (Chinese, for people).
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    error: &'static str,
    message: String,
    parameter: Option<&'static str>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::json!({ "error": self.error, "message": self.message });
        if let Some(p) = self.parameter {
            body["parameter"] = p.into();
        }
        json_response(self.status, &body)
    }
}

fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    // Serialising these plain structs cannot fail.
    let body = serde_json::to_vec(value).unwrap_or_default();
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

/// An answer, or a name that could not be answered. A post outside the
/// civil service is an answer (200), as on the command line; an unknown
/// name is 404, the rest (an unknown `at`, an ambiguous name, a level where
/// a title was needed) 400. The JSON is the command line's, plus `message`.
fn answered(result: Result<Reply<'_>, LookupError>) -> Response {
    match result {
        Ok(reply) => json_response(StatusCode::OK, &reply),
        Err(err @ LookupError::OutsideCivilService { .. }) => json_response(StatusCode::OK, &err),
        Err(err) => {
            let status = match err {
                LookupError::Unknown { .. } => StatusCode::NOT_FOUND,
                _ => StatusCode::BAD_REQUEST,
            };
            let mut body = serde_json::to_value(&err).unwrap_or_default();
            if let Some(map) = body.as_object_mut() {
                map.insert("message".into(), err.to_string().into());
            }
            json_response(status, &body)
        }
    }
}

async fn page() -> Response {
    let mut r = PAGE.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// `rankinfo ladder --svg`: the dual-track ladder as a chart.
async fn ladder_svg(State(data): State<Data>) -> Response {
    let mut r = rankinfo::render::ladder_svg(data).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml; charset=utf-8"),
    );
    r
}

async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

async fn health() -> Response {
    json_response(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

async fn version(State(data): State<Data>) -> Response {
    json_response(
        StatusCode::OK,
        &serde_json::json!({
            "crate": env!("CARGO_PKG_NAME"),
            "version": env!("CARGO_PKG_VERSION"),
            "data_version": rankinfo::DATA_VERSION,
            "data_in_use": data.version(),
            "api": "v1",
        }),
    )
}

async fn resolve(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let q = need(&p.q, "q")?;
    Ok(answered(Ok(answer::resolve(data, q))))
}

async fn show(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let name = need(&p.name, "name")?;
    Ok(answered(answer::show(data, name, p.at())))
}

async fn compare(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let a = need(&p.a, "a")?;
    let b = need(&p.b, "b")?;
    Ok(answered(answer::compare(data, a, b, p.at())))
}

async fn equiv(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let name = need(&p.name, "name")?;
    Ok(answered(answer::equiv(data, name)))
}

async fn address(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let title = need(&p.title, "title")?;
    Ok(answered(answer::address(data, title, &p.person(), p.at())))
}

async fn brief(State(data): State<Data>, P(p): P) -> Result<Response, ApiError> {
    let title = need(&p.title, "title")?;
    Ok(answered(answer::brief(data, title, &p.person(), p.at())))
}

async fn ladder(State(data): State<Data>) -> Response {
    answered(Ok(answer::ladder(data)))
}

/// `POST /v1/resolve`: a JSON array of strings (`Content-Type:
/// application/json`), or text with one title a line (UTF-8, UTF-16 or
/// GB18030, as `rankinfo resolve` reads standard input). Answers a JSON
/// array, one element per title, each as `rankinfo resolve --json` prints it.
async fn resolve_bulk(
    State(data): State<Data>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_body(&headers, body).await?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    let titles: Vec<String> = if is_json {
        serde_json::from_slice(&bytes).map_err(|e| ApiError {
            status: StatusCode::BAD_REQUEST,
            error: "bad_json",
            message: format!("请求体应为字符串的 JSON 数组：{e}"),
            parameter: None,
        })?
    } else {
        lines(&bytes)
    };
    if titles.len() > MAX_TITLES {
        return Err(ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            error: "too_many_titles",
            message: format!("一次最多 {MAX_TITLES} 个职务，收到 {} 个", titles.len()),
            parameter: None,
        });
    }
    // Thousands of titles are CPU work: off the threads that serve others.
    let body = tokio::task::spawn_blocking(move || {
        let answers: Vec<Reply<'_>> = titles.iter().map(|t| answer::resolve(data, t)).collect();
        serde_json::to_vec(&answers).unwrap_or_default()
    })
    .await
    // Only a bug of ours (a panic in the reader) gets here: say so.
    .map_err(|_| ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        error: "internal",
        message: "内部错误（程序缺陷），请报告所用的输入".into(),
        parameter: None,
    })?;
    let mut r = (StatusCode::OK, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    Ok(r)
}

/// The lines of a text body, decoded as the command line decodes standard
/// input.
fn lines(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(mut lines) = crate::input::Lines::new(bytes) {
        lines.max_line = rankinfo::read::MAX_TEXT_BYTES + 4;
        while let Ok(Some(line)) = lines.next_line() {
            out.push(line);
        }
    }
    out
}

async fn not_found() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        error: "no_such_route",
        message: "没有这个地址；API 见 /v1/（如 /v1/resolve?q=处长）".into(),
        parameter: None,
    }
}

async fn method_not_allowed() -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        error: "method_not_allowed",
        message: "此地址不支持这种请求方法".into(),
        parameter: None,
    }
}

/// The body of a request, whole, within the limit and the time allowed.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<axum::body::Bytes, ApiError> {
    let too_large = || ApiError {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        error: "body_too_large",
        message: format!("请求体超过 {BODY_LIMIT} 字节"),
        parameter: None,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(too_large());
    }
    let collected = tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, BODY_LIMIT).collect())
        .await
        .map_err(|_| ApiError {
            status: StatusCode::REQUEST_TIMEOUT,
            error: "body_timeout",
            message: format!("{} 秒内未收到完整的请求体", BODY_TIMEOUT.as_secs()),
            parameter: None,
        })?;
    match collected {
        Ok(c) => Ok(c.to_bytes()),
        Err(e) if e.is::<LengthLimitError>() => Err(too_large()),
        Err(e) => Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            error: "bad_body",
            message: format!("读取请求体失败：{e}"),
            parameter: None,
        }),
    }
}

/// The columns of `POST /v1/batch`, as `rankinfo batch` takes them.
#[derive(Deserialize)]
struct BatchQuery {
    column: Option<String>,
    org_column: Option<String>,
    surname_column: Option<String>,
    given_name_column: Option<String>,
}

/// The largest body `POST /v1/batch` takes: 256 MiB (about 2.5 million rows
/// of a typical contact list). It streams through: memory does not grow
/// with it.
pub const BATCH_LIMIT: u64 = 256 << 20;
/// The longest line of a batch body (4 MiB): the most one row holds in
/// memory.
pub const BATCH_LINE_LIMIT: usize = rankinfo::batch::csv::MAX_RECORD;
/// Batches annotated at once; more are answered 503.
pub const MAX_BATCHES: usize = 32;
/// The longest one batch may take, first byte to last. Within it, neither
/// side may stall: a body that sends nothing for [`BODY_TIMEOUT`], or a
/// client that reads nothing of the answer for [`WRITE_TIMEOUT`].
pub const BATCH_DEADLINE: Duration = Duration::from_secs(600);
/// The bytes of answer gathered before they are handed to the connection.
const OUT_CHUNK: usize = 64 * 1024;
/// Chunks of answer waiting for the connection at most.
const OUT_QUEUE: usize = 4;
/// The start of a body read to tell its format (as `rankinfo batch` does).
const SNIFF: usize = 4096;

static BATCHES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_BATCHES);

/// Why a batch stopped.
#[derive(Debug)]
enum Failure {
    /// The body went past [`BATCH_LIMIT`].
    TooLarge,
    /// A line went past [`BATCH_LINE_LIMIT`].
    LineTooLong,
    /// Nothing of the body for [`BODY_TIMEOUT`].
    Idle,
    /// Past [`BATCH_DEADLINE`].
    Deadline,
    /// The body could not be read (the client went away, bad chunking).
    Body(String),
    /// The table itself (a column not there, input annotated already).
    Table(String),
    /// A bug of ours.
    Internal,
}

impl Failure {
    fn api(&self) -> ApiError {
        let (status, error, message) = match self {
            Failure::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("请求体超过 {} MiB", BATCH_LIMIT >> 20),
            ),
            Failure::LineTooLong => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "line_too_long",
                format!("有一行超过 {} MiB", BATCH_LINE_LIMIT >> 20),
            ),
            Failure::Idle => (
                StatusCode::REQUEST_TIMEOUT,
                "body_timeout",
                format!("{} 秒内没有收到请求体的后续内容", BODY_TIMEOUT.as_secs()),
            ),
            Failure::Deadline => (
                StatusCode::REQUEST_TIMEOUT,
                "batch_timeout",
                format!("{} 秒内未处理完", BATCH_DEADLINE.as_secs()),
            ),
            Failure::Body(e) => (
                StatusCode::BAD_REQUEST,
                "bad_body",
                format!("读取请求体失败：{e}"),
            ),
            Failure::Table(e) => (StatusCode::BAD_REQUEST, "bad_table", e.clone()),
            Failure::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "内部错误（程序缺陷），请报告所用的输入".to_string(),
            ),
        };
        ApiError {
            status,
            error,
            message,
            parameter: None,
        }
    }

    /// The last line of an answer cut short by this failure, in the
    /// answer's format and encoding: a record `rankinfo_error,TAG,MESSAGE`
    /// (CSV, TSV), or `{"rankinfo_error": TAG, "message": MESSAGE}` (JSON
    /// Lines).
    fn line(&self, format: rankinfo::batch::Format, head: &[u8]) -> Vec<u8> {
        use rankinfo::batch::Format;
        let e = self.api();
        let message = format!("{}；输出到此中断，不完整", e.message);
        if format == Format::Jsonl {
            let v = serde_json::json!({ "rankinfo_error": e.error, "message": message });
            let mut line = serde_json::to_vec(&v).unwrap_or_default();
            line.push(b'\n');
            return line;
        }
        // As the rows: in the body's encoding (UTF-16 is answered in UTF-8),
        // with its line ends.
        let (enc, _) = rankinfo::batch::encoding::detect(head);
        let end = head
            .iter()
            .position(|&b| b == b'\n')
            .map(|i| &head[..i])
            .filter(|l| l.ends_with(b"\r") || l.ends_with(b"\r\0"))
            .map_or("\n", |_| "\r\n");
        let text = if format == Format::Tsv {
            format!(
                "rankinfo_error\t{}\t{}{end}",
                e.error,
                message.replace('\t', " ")
            )
        } else {
            // The message quoted as the batch's own CSV writer quotes.
            let mut field = Vec::new();
            rankinfo::batch::csv::write_field(&mut field, message.as_bytes(), true, b',');
            let field = String::from_utf8_lossy(&field);
            format!("rankinfo_error,{},{field}{end}", e.error)
        };
        enc.output_encoding().encode(&text).0.into_owned()
    }
}

/// The request body, checked as it comes: within [`BATCH_LIMIT`], no line
/// over [`BATCH_LINE_LIMIT`], no pause over [`BODY_TIMEOUT`], done by the
/// deadline.
struct Intake {
    body: Body,
    received: u64,
    /// Bytes since the last line end.
    line: usize,
    deadline: tokio::time::Instant,
}

impl Intake {
    fn new(body: Body) -> Intake {
        Intake {
            body,
            received: 0,
            line: 0,
            deadline: tokio::time::Instant::now() + BATCH_DEADLINE,
        }
    }

    /// The next piece of the body; `None` at its end.
    async fn next(&mut self) -> Result<Option<axum::body::Bytes>, Failure> {
        loop {
            let idle = tokio::time::Instant::now() + BODY_TIMEOUT;
            let frame =
                match tokio::time::timeout_at(idle.min(self.deadline), self.body.frame()).await {
                    Err(_) if idle < self.deadline => return Err(Failure::Idle),
                    Err(_) => return Err(Failure::Deadline),
                    Ok(None) => return Ok(None),
                    Ok(Some(Err(e))) => return Err(Failure::Body(e.to_string())),
                    Ok(Some(Ok(frame))) => frame,
                };
            // Trailers are no part of the table.
            let Ok(data) = frame.into_data() else {
                continue;
            };
            self.received += data.len() as u64;
            if self.received > BATCH_LIMIT {
                return Err(Failure::TooLarge);
            }
            let mut from = 0;
            for i in memchr::memchr_iter(b'\n', &data) {
                if self.line + (i - from) > BATCH_LINE_LIMIT {
                    return Err(Failure::LineTooLong);
                }
                self.line = 0;
                from = i + 1;
            }
            self.line += data.len() - from;
            if self.line > BATCH_LINE_LIMIT {
                return Err(Failure::LineTooLong);
            }
            if !data.is_empty() {
                return Ok(Some(data));
            }
        }
    }
}

/// The body as a `Read` for the annotator, on a blocking thread: each
/// piece awaited on the runtime.
struct BodyReader {
    intake: Intake,
    rt: tokio::runtime::Handle,
    piece: axum::body::Bytes,
    ended: bool,
    failure: Option<Failure>,
    /// The body's first bytes, to write an error line in its encoding.
    head: Vec<u8>,
}

impl std::io::Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.piece.is_empty() {
            if self.failure.is_some() {
                return Err(std::io::Error::other("请求体读取中断"));
            }
            if self.ended {
                return Ok(0);
            }
            match self.rt.block_on(self.intake.next()) {
                Ok(Some(piece)) => self.piece = piece,
                Ok(None) => self.ended = true,
                Err(f) => self.failure = Some(f),
            }
        }
        let n = buf.len().min(self.piece.len());
        let piece = self.piece.split_to(n);
        buf[..n].copy_from_slice(&piece);
        if self.head.len() < rankinfo::batch::encoding::HEAD {
            let room = rankinfo::batch::encoding::HEAD - self.head.len();
            self.head.extend_from_slice(&piece[..n.min(room)]);
        }
        Ok(n)
    }
}

/// What the annotator's thread tells the answer.
enum Msg {
    /// More of the answer.
    Data(axum::body::Bytes),
    /// The rest of it, and how it ended: with `failure`, `line` says so in
    /// the answer's format.
    End {
        tail: axum::body::Bytes,
        failure: Option<Failure>,
        line: Vec<u8>,
    },
}

/// The annotator's output, handed to the answer in chunks through a
/// bounded channel: a client that reads slowly slows the annotator down,
/// one that reads nothing for [`WRITE_TIMEOUT`] (or has gone) stops it.
struct ChunkWriter {
    tx: tokio::sync::mpsc::Sender<Msg>,
    rt: tokio::runtime::Handle,
    buf: Vec<u8>,
    deadline: tokio::time::Instant,
    gone: bool,
}

impl ChunkWriter {
    fn send(&mut self, msg: Msg) -> bool {
        let (tx, deadline) = (&self.tx, self.deadline);
        let sent = self.rt.block_on(async {
            let by = (tokio::time::Instant::now() + WRITE_TIMEOUT).min(deadline);
            tokio::time::timeout_at(by, tx.send(msg)).await
        });
        self.gone = !matches!(sent, Ok(Ok(())));
        !self.gone
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.gone {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        self.buf.extend_from_slice(b);
        if self.buf.len() >= OUT_CHUNK {
            let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(OUT_CHUNK));
            if !self.send(Msg::Data(chunk.into())) {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
        }
        Ok(b.len())
    }

    /// Chunks go when full or at the end; the annotator's flushes do not
    /// make small ones.
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The annotator over the body, on a blocking thread; ends with a
/// [`Msg::End`] unless the answer has gone.
fn annotate_stream(
    data: Data,
    intake: Intake,
    head: Vec<u8>,
    opts: rankinfo::batch::Options,
    tx: tokio::sync::mpsc::Sender<Msg>,
    rt: tokio::runtime::Handle,
) {
    let deadline = intake.deadline;
    let mut reader = BodyReader {
        intake,
        rt: rt.clone(),
        piece: head.into(),
        ended: false,
        failure: None,
        head: Vec::new(),
    };
    let mut writer = ChunkWriter {
        tx,
        rt,
        buf: Vec::with_capacity(OUT_CHUNK),
        deadline,
        gone: false,
    };
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rankinfo::batch::annotate(data, &mut reader, &mut writer, &opts, &mut ())
    }));
    if writer.gone {
        // Nobody to tell.
        return;
    }
    let failure = match (reader.failure.take(), done) {
        (Some(f), _) => Some(f),
        (None, Ok(Ok(_))) => None,
        (None, Ok(Err(e))) => Some(Failure::Table(e.to_string())),
        (None, Err(_)) => Some(Failure::Internal),
    };
    let line = failure
        .as_ref()
        .map(|f| f.line(opts.input, &reader.head))
        .unwrap_or_default();
    let tail = std::mem::take(&mut writer.buf).into();
    writer.send(Msg::End {
        tail,
        failure,
        line,
    });
}

/// An answer being streamed: the chunks as they come; if the batch failed,
/// its error line, then the connection is closed without the chunked
/// encoding's last chunk, so that no client takes it for complete.
struct Streamed {
    rx: tokio::sync::mpsc::Receiver<Msg>,
    queue: std::collections::VecDeque<axum::body::Bytes>,
    end: StreamEnd,
}

#[derive(Clone, Copy)]
enum StreamEnd {
    Open,
    Complete,
    /// Cut short; `flushed`: the connection has had a turn to send the
    /// error line before it is closed.
    Cut {
        flushed: bool,
    },
}

impl Streamed {
    fn take(&mut self, msg: Option<Msg>) {
        match msg {
            Some(Msg::Data(b)) => self.queue.push_back(b),
            Some(Msg::End {
                tail,
                failure,
                line,
            }) => {
                if !tail.is_empty() {
                    self.queue.push_back(tail);
                }
                self.end = if failure.is_some() {
                    self.queue.push_back(line.into());
                    StreamEnd::Cut { flushed: false }
                } else {
                    StreamEnd::Complete
                };
            }
            // The thread ended without a word: only when the runtime stops.
            None => self.end = StreamEnd::Cut { flushed: false },
        }
    }
}

impl hyper::body::Body for Streamed {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        loop {
            if let Some(b) = this.queue.pop_front() {
                return Poll::Ready(Some(Ok(hyper::body::Frame::data(b))));
            }
            match this.end {
                StreamEnd::Complete => return Poll::Ready(None),
                StreamEnd::Cut { flushed: false } => {
                    // One turn for the connection to write out what it has
                    // (the error line), then the error that closes it.
                    this.end = StreamEnd::Cut { flushed: true };
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                StreamEnd::Cut { flushed: true } => {
                    return Poll::Ready(Some(Err(std::io::Error::other("输出不完整"))));
                }
                StreamEnd::Open => {}
            }
            let msg = std::task::ready!(this.rx.poll_recv(cx));
            this.take(msg);
        }
    }
}

/// `POST /v1/batch?column=职务[&org_column=…&surname_column=…&given_name_column=…]`:
/// a CSV, TSV or JSON Lines body annotated row by row as `rankinfo batch`
/// does (every row and field kept, the `rankinfo_` columns appended), in the
/// body's own format.
///
/// Streamed both ways: the body goes to the annotator (on a blocking
/// thread) as it arrives, and the answer goes out as it is written, so
/// memory stays flat whatever the length of the list. Up to
/// [`BATCH_LIMIT`]. A problem found before the answer starts (a declared
/// length over the limit, a column not there) is a JSON error with its
/// status; one found after (the body going past the limit, a stalled
/// client) ends the answer with an error line, and the connection is
/// closed without the last chunk. An `.xlsx` (a zip, which cannot be read
/// as it arrives) is refused with 415.
async fn batch(
    State(data): State<Data>,
    P(q): P<BatchQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    use rankinfo::batch::encoding::{HEAD, detect, written};
    use rankinfo::batch::{ColumnRef, Format, Options, Spec};
    let column = q.column.ok_or(ApiError {
        status: StatusCode::BAD_REQUEST,
        error: "missing_parameter",
        message: "缺少参数 column（职务所在的列名或从 1 起的列号）".to_string(),
        parameter: Some("column"),
    })?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BATCH_LIMIT) {
        return Err(Failure::TooLarge.api());
    }
    let Ok(permit) = BATCHES.try_acquire() else {
        let mut r = ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            error: "busy",
            message: format!("同时处理的表格已达 {MAX_BATCHES} 个，请稍后再试"),
            parameter: None,
        }
        .into_response();
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Ok(r);
    };
    // The format from the body's start, as `rankinfo batch` tells it.
    let mut intake = Intake::new(body);
    let mut head = Vec::new();
    // As much as the batch reads to tell the encoding, which the answer's
    // charset names (a GBK table is answered in GB18030).
    while head.len() < HEAD {
        match intake.next().await {
            Ok(Some(piece)) => head.extend_from_slice(&piece),
            Ok(None) => break,
            Err(f) => return Err(f.api()),
        }
    }
    let input = Format::sniff(&head[..head.len().min(SNIFF)]);
    let charset = written(detect(&head[..head.len().min(HEAD)]).0, false)
        .name()
        .to_ascii_lowercase();
    let content_type = match input {
        Format::Csv => format!("text/csv; charset={charset}"),
        Format::Tsv => format!("text/tab-separated-values; charset={charset}"),
        Format::Jsonl => "application/x-ndjson".to_string(),
        Format::Xlsx => {
            return Err(ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                error: "unsupported_format",
                message: "不接受 Excel 文件（.xlsx 须整个读入，不能边收边处理）：请另存为 CSV（UTF-8）再发，或用命令行 rankinfo batch".to_string(),
                parameter: None,
            });
        }
    };
    let opts = Options {
        spec: Spec {
            title: ColumnRef::parse(&column),
            org: q.org_column.as_deref().map(ColumnRef::parse),
            surname: q.surname_column.as_deref().map(ColumnRef::parse),
            given_name: q.given_name_column.as_deref().map(ColumnRef::parse),
        },
        input,
        output: None,
        encoding: None,
        excel: false,
        sheet: None,
        // Up to MAX_BATCHES streams at once: 10,000 answers each (about
        // 1 MiB), a thirtieth of the command's.
        answers: 10_000,
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel(OUT_QUEUE);
    let rt = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        annotate_stream(data, intake, head, opts, tx, rt);
    });
    let content_type = HeaderValue::from_str(&content_type).map_err(|_| Failure::Internal.api())?;
    match rx.recv().await {
        // All of it at once: a small list, answered with its length.
        Some(Msg::End {
            tail,
            failure: None,
            ..
        }) => {
            let mut r = (StatusCode::OK, tail).into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, content_type);
            Ok(r)
        }
        // Nothing sent yet: the error is the answer.
        Some(Msg::End {
            failure: Some(f), ..
        }) => Err(f.api()),
        Some(first @ Msg::Data(_)) => {
            let mut streamed = Streamed {
                rx,
                queue: std::collections::VecDeque::new(),
                end: StreamEnd::Open,
            };
            streamed.take(Some(first));
            let mut r = Response::new(Body::new(streamed));
            r.headers_mut().insert(header::CONTENT_TYPE, content_type);
            Ok(r)
        }
        None => Err(Failure::Internal.api()),
    }
}
