//! Benchmark figures in headless Chromium against the release build (not a test: it prints).
//! Usage: `bench DIST_DIR`. Prints the median time to the first rendered event list over
//! 5 loads, and the median time of a filter change measured in the page.

use std::path::PathBuf;

use straitline_e2e::Harness;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

const FILTER_CHANGE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const chips = ['era-interwar', 'era-empires', 'cat-treaty', 'era-ukraine-war', 'cat-war', 'era-post-soviet'];
// A macrotask runs only after every microtask the click queued (Leptos updates in microtasks).
const nextTask = () => new Promise(resolve => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
(async () => {
  const times = [];
  for (let i = 0; i < 24; i++) {
    const before = location.search;
    const t0 = performance.now();
    document.querySelector(`[data-testid=${chips[i % chips.length]}]`).click();
    await nextTask();
    document.body.offsetHeight; // include style and layout
    const t1 = performance.now();
    if (location.search === before) { done({ error: 'the click did not change the view' }); return; }
    times.push(t1 - t0);
    await new Promise(r => setTimeout(r, 30));
  }
  done({ times });
})();
"#;

const YEAR_CHANGE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const nextTask = () => new Promise(resolve => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
(async () => {
  const times = [];
  const button = document.querySelector('[data-testid=year-up]');
  for (let i = 0; i < 40; i++) {
    const before = document.querySelector('[data-testid=map-year]').textContent;
    const t0 = performance.now();
    button.click();
    await nextTask();
    document.body.offsetHeight;
    const t1 = performance.now();
    if (document.querySelector('[data-testid=map-year]').textContent === before) { done({ error: 'the year did not change' }); return; }
    times.push(t1 - t0);
    await new Promise(r => setTimeout(r, 20));
  }
  done({ times });
})();
"#;

async fn in_page_times(h: &Harness, script: &str) -> Result<Vec<f64>, String> {
    let result = h.client.execute_async(script, vec![]).await.map_err(|e| e.to_string())?;
    if let Some(error) = result.get("error") {
        return Err(error.to_string());
    }
    Ok(result["times"].as_array().ok_or("no times")?.iter().filter_map(|t| t.as_f64()).collect())
}

async fn run(h: &Harness) -> Result<(), String> {
    let mut first_render = Vec::new();
    for _ in 0..5 {
        h.client.goto("about:blank").await.map_err(|e| e.to_string())?;
        h.open("").await?;
        h.wait_until("performance.getEntriesByName('straitline:list-rendered').length > 0", "the render mark").await?;
        let ms = h.js("performance.getEntriesByName('straitline:list-rendered')[0].startTime").await?;
        first_render.push(ms.as_f64().ok_or("no mark time")?);
    }
    h.open("").await?;
    let times = in_page_times(h, FILTER_CHANGE_JS).await?;
    let events = h.count_text().await?;
    // Years 1860–1900: Kars, Ardahan, Batum and the Budjak change colour on the way.
    h.open("?year=1860").await?;
    let recolour = in_page_times(h, YEAR_CHANGE_JS).await?;
    println!(
        "first render (navigation start → event list), median of 5: {:.1} ms   (each: {})",
        median(first_render.clone()),
        first_render.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", ")
    );
    println!(
        "filter change (click → DOM updated and laid out), median of {}: {:.2} ms   (max {:.2} ms)",
        times.len(),
        median(times.clone()),
        times.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "map recolour on a year change (click → recoloured and laid out), median of {}: {:.2} ms   (max {:.2} ms)",
        recolour.len(),
        median(recolour.clone()),
        recolour.iter().cloned().fold(0.0, f64::max)
    );
    println!("(last filter view: {events})");
    Ok(())
}

#[tokio::main]
async fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let result = match Harness::start(&dist).await {
        Ok(h) => {
            let r = run(&h).await;
            h.stop().await;
            r
        }
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        eprintln!("bench: {e}");
        std::process::exit(1);
    }
}
