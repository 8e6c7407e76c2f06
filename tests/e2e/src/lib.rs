//! Shared harness for the end-to-end tests and the benchmark: serves `dist/` under the
//! sub-path `/straitline/` on 127.0.0.1, starts chromedriver, and drives headless Chromium.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, WheelAction, WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
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
        Harness::start_with(dist, &[]).await
    }

    /// As [`Harness::start`], with extra Chromium switches such as `--force-prefers-reduced-motion`.
    /// Each harness has its own server, chromedriver, browser profile and temporary folder.
    pub async fn start_with(dist: &Path, chromium_args: &[&str]) -> Result<Harness, String> {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let dist = dist.canonicalize().map_err(|e| format!("{}: {e}", dist.display()))?;
        if !dist.join("index.html").exists() {
            return Err(format!("{} has no index.html: build the release first", dist.display()));
        }
        let nth = STARTED.fetch_add(1, Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!("straitline-e2e-{}-{nth}", std::process::id()));
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
        for arg in chromium_args {
            options["args"].as_array_mut().expect("args is an array").push(json!(arg));
        }
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
        Ok(Harness { client, base: format!("http://127.0.0.1:{http_port}{SUB_PATH}"), server, driver, root })
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

    /// The bounding client rectangle of the first element matching `css`: left, top, width, height.
    pub async fn rect(&self, css: &str) -> Result<(f64, f64, f64, f64), String> {
        let r = self
            .js(&format!(
                "(r => r && [r.left, r.top, r.width, r.height])(document.querySelector('{css}')?.getBoundingClientRect())"
            ))
            .await?;
        let n = |i: usize| r.get(i).and_then(Value::as_f64).ok_or_else(|| format!("no element {css}"));
        Ok((n(0)?, n(1)?, n(2)?, n(3)?))
    }

    /// A whole-pixel point inside the viewport where a person's pointer would hit the element
    /// matching `css` (checked with `elementFromPoint`, so nothing covers it), as near the
    /// middle of its box as the shape allows.
    pub async fn point_on(&self, css: &str) -> Result<(i64, i64), String> {
        let found = self
            .js(&format!(
                "(() => {{ const el = document.querySelector('{css}'); if (!el) return null; \
                 const r = el.getBoundingClientRect(); const cx = r.left + r.width / 2, cy = r.top + r.height / 2; \
                 let best = null; \
                 for (let i = 0; i <= 24; i++) for (let j = 0; j <= 24; j++) {{ \
                   const x = Math.round(r.left + r.width * i / 24), y = Math.round(r.top + r.height * j / 24); \
                   if (x < 1 || y < 1 || x >= innerWidth - 1 || y >= innerHeight - 1) continue; \
                   const hit = document.elementFromPoint(x, y); \
                   if (hit !== el && !el.contains(hit)) continue; \
                   const d = Math.hypot(x - cx, y - cy); \
                   if (!best || d < best[2]) best = [x, y, d]; \
                 }} \
                 return best && [best[0], best[1]]; }})()"
            ))
            .await?;
        match found.as_array().map(|a| a.iter().filter_map(Value::as_i64).collect::<Vec<_>>()).as_deref() {
            Some([x, y]) => Ok((*x, *y)),
            _ => Err(format!("no point in the viewport hits {css}")),
        }
    }

    /// Presses the left mouse button at `from`, moves it to `to` in `steps` moves of 20 ms each,
    /// as a hand does, and releases it there.
    pub async fn mouse_drag(&self, from: (i64, i64), to: (i64, i64), steps: u32) -> TestResult {
        let mut mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: None, x: from.0 as f64, y: from.1 as f64 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT });
        for i in 1..=steps {
            let f = f64::from(i) / f64::from(steps);
            mouse = mouse.then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(20)),
                x: (from.0 as f64 + (to.0 - from.0) as f64 * f).round(),
                y: (from.1 as f64 + (to.1 - from.1) as f64 * f).round(),
            });
        }
        mouse = mouse.then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.map_err(|e| format!("dragging from {from:?} to {to:?}: {e}"))
    }

    /// Moves the mouse to `at`, presses and releases the left button.
    pub async fn mouse_click_at(&self, at: (i64, i64)) -> TestResult {
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: Some(Duration::from_millis(50)), x: at.0 as f64, y: at.1 as f64 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::Pause { duration: Duration::from_millis(60) })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.map_err(|e| format!("clicking at {at:?}: {e}"))
    }

    /// Turns the mouse wheel with the pointer at `at`; a negative `delta_y` scrolls up.
    pub async fn wheel_at(&self, at: (i64, i64), delta_y: i64) -> TestResult {
        let wheel = WheelActions::new("wheel".into()).then(WheelAction::Scroll {
            duration: None,
            x: at.0,
            y: at.1,
            delta_x: 0,
            delta_y,
        });
        self.client.perform_actions(wheel).await.map_err(|e| format!("wheel {delta_y} at {at:?}: {e}"))
    }

    /// Presses and releases one key on the keyboard; it goes to whatever has focus.
    pub async fn press_key(&self, key: Key) -> TestResult {
        let value = char::from(key);
        let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
        self.client.perform_actions(keys).await.map_err(|e| format!("pressing {key:?}: {e}"))
    }

    /// Scrolls the page with the mouse wheel, the pointer over `over_css` (which must not be
    /// inside a scrolling box), until the element matching `css` is wholly in the viewport.
    pub async fn wheel_into_view(&self, css: &str, over_css: &str) -> TestResult {
        for _ in 0..8 {
            let (_, top, _, height) = self.rect(css).await?;
            let viewport = self.js("innerHeight").await?.as_f64().unwrap_or_default();
            if top >= 0.0 && top + height <= viewport {
                return Ok(());
            }
            let delta = if top < 0.0 { top - 8.0 } else { top + height - viewport + 8.0 };
            let over = self.point_on(over_css).await?;
            self.wheel_at(over, delta.round() as i64).await?;
            // Wait for the (possibly smooth) scroll to come to rest.
            let mut last = self.js("scrollY").await?;
            loop {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let now = self.js("scrollY").await?;
                if now == last {
                    break;
                }
                last = now;
            }
        }
        Err(format!("the wheel over {over_css} did not bring {css} into view"))
    }
}
