//! Shared harness for the end-to-end tests and the benchmark: serves `dist/` under the
//! sub-path `/straitline/` on 127.0.0.1, starts chromedriver, and drives headless Chromium.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::process::{Child, Command};

/// The sub-path the app is served from, as on a static host.
pub const SUB_PATH: &str = "/straitline/";

pub type TestResult = Result<(), String>;

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free local port")
}

async fn wait_for_port(port: u16, what: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{what} did not start listening on port {port}"))
}

/// A static server, chromedriver and a browser session. `stop` ends them all and removes the
/// temporary folder; a drop only kills the two processes.
pub struct Harness {
    pub client: Client,
    pub base: String,
    server: Child,
    driver: Child,
    root: PathBuf,
}

impl Harness {
    /// Serves `dist` at `http://127.0.0.1:PORT/straitline/` and opens a browser session.
    pub async fn start(dist: &Path) -> Result<Harness, String> {
        let dist = dist.canonicalize().map_err(|e| format!("{}: {e}", dist.display()))?;
        if !dist.join("index.html").exists() {
            return Err(format!("{} has no index.html: build the release first", dist.display()));
        }
        let root = std::env::temp_dir().join(format!("straitline-e2e-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
        std::os::unix::fs::symlink(&dist, root.join(SUB_PATH.trim_matches('/'))).map_err(|e| e.to_string())?;

        let http_port = free_port();
        let server = Command::new("python3")
            .args(["-m", "http.server", &http_port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("python3 http.server: {e}"))?;
        wait_for_port(http_port, "the static server").await?;

        let driver_port = free_port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("{chromedriver}: {e}"))?;
        wait_for_port(driver_port, "chromedriver").await?;

        let mut options = json!({
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                format!("--user-data-dir={}", root.join("profile").display()),
            ]
        });
        if let Ok(bin) = std::env::var("CHROME_BIN") {
            options["binary"] = json!(bin);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .map_err(|e| format!("starting a browser session: {e}"))?;
        Ok(Harness {
            client,
            base: format!("http://127.0.0.1:{http_port}{SUB_PATH}"),
            server,
            driver,
            root,
        })
    }

    /// Closes the browser, stops the server and chromedriver and removes the temporary folder.
    /// Call it before `std::process::exit`, which skips the drops that would otherwise do this.
    pub async fn stop(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
        let _ = self.server.kill().await;
        let _ = std::fs::remove_dir_all(&self.root);
    }

    /// Opens the app with a query string such as `?era=interwar`, and waits for it to render.
    pub async fn open(&self, query: &str) -> TestResult {
        self.client.goto(&format!("{}{query}", self.base)).await.map_err(|e| e.to_string())?;
        self.wait_until("document.querySelector('[data-testid=count]') !== null", "the app to render").await
    }

    /// Runs a JS expression and returns its value.
    pub async fn js(&self, expression: &str) -> Result<Value, String> {
        self.client.execute(&format!("return ({expression});"), vec![]).await.map_err(|e| format!("{expression}: {e}"))
    }

    pub async fn js_string(&self, expression: &str) -> Result<String, String> {
        Ok(self.js(expression).await?.as_str().unwrap_or_default().to_string())
    }

    /// Polls a JS condition for up to five seconds.
    pub async fn wait_until(&self, condition: &str, what: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if self.js(condition).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what} ({condition})"));
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    pub async fn click(&self, css: &str) -> TestResult {
        let el = self.client.find(Locator::Css(css)).await.map_err(|e| format!("{css}: {e}"))?;
        el.click().await.map_err(|e| format!("clicking {css}: {e}"))
    }

    pub async fn count_text(&self) -> Result<String, String> {
        self.js_string("document.querySelector('[data-testid=count]').textContent").await
    }

    /// The path and query of the current URL, e.g. `/straitline/?era=interwar`.
    pub async fn location(&self) -> Result<String, String> {
        self.js_string("location.pathname + location.search").await
    }
}
