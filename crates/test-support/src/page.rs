//! Reading and driving the console the way a person does: buttons by their accessible name,
//! fields and live regions by their stable `data-testid`, never by layout.

use crate::harness::{eventually, Browser};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

/// An XPath string literal for any text, quotes included.
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        return format!("'{s}'");
    }
    let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}

/// Buttons whose accessible name is `name`: the `aria-label` if there is one, else the text.
pub fn button_xpath(name: &str) -> String {
    let n = xpath_literal(name);
    format!(
        "//button[normalize-space(@aria-label)={n} or (not(@aria-label) and normalize-space(.)={n})]"
    )
}

/// Buttons named `name` inside the element with `data-testid` `scope` (a dialog, a row).
pub fn button_in_xpath(scope: &str, name: &str) -> String {
    format!(
        "//*[@data-testid={}]//{}",
        xpath_literal(scope),
        button_xpath(name).trim_start_matches('/')
    )
}

pub fn testid_css(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

pub fn row_css(uuid: &str) -> String {
    format!("[data-testid=\"participant-row\"][data-uuid=\"{uuid}\"]")
}

/// The console in one browser session, served by the test's own simulator at `base`.
pub struct Page {
    pub browser: Browser,
    pub base: String,
}

impl Page {
    pub fn client(&self) -> &Client {
        self.browser.client()
    }

    /// Opens `path` (with its query) of the console.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{}", self.base, path);
        self.client()
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Every element matching a CSS selector, now.
    pub async fn all_css(&self, css: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// Every element matching an XPath expression, now.
    pub async fn all_xpath(&self, xpath: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::XPath(xpath))
            .await
            .unwrap_or_default()
    }

    /// The first element matching a CSS selector, once there is one.
    pub async fn css(&self, css: &str) -> Element {
        eventually(&format!("an element {css}"), || async {
            self.all_css(css)
                .await
                .into_iter()
                .next()
                .ok_or_else(|| "none yet".to_string())
        })
        .await
    }

    pub async fn testid(&self, id: &str) -> Element {
        self.css(&testid_css(id)).await
    }

    /// The button named `name`, once it is there.
    pub async fn button(&self, name: &str) -> Element {
        let xpath = button_xpath(name);
        eventually(&format!("a button named {name:?}"), || async {
            let found = self.client().find_all(Locator::XPath(&xpath)).await;
            match found.unwrap_or_default().into_iter().next() {
                Some(b) => Ok(b),
                None => Err(format!(
                    "none; buttons now: {:?}",
                    self.button_names().await
                )),
            }
        })
        .await
    }

    /// Runs `script` in the page and reads its result as `T` (a `serde_json::Value` for any).
    pub async fn js<T: serde::de::DeserializeOwned>(&self, script: &str) -> T {
        let v = self
            .client()
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"));
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"))
    }

    /// The accessible names of every button on the page, for failure messages.
    pub async fn button_names(&self) -> Vec<String> {
        let script = "return Array.from(document.querySelectorAll('button')).map(b => \
            (b.getAttribute('aria-label') || b.textContent || '').trim().replace(/\\s+/g, ' '));";
        match self.client().execute(script, vec![]).await {
            Ok(v) => serde_json::from_value(v).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// Clicks the button named `name` once it is there and enabled.
    pub async fn click(&self, name: &str) {
        self.click_xpath(&button_xpath(name), name).await
    }

    /// Clicks the button named `name` inside the element `scope` (a `data-testid`).
    pub async fn click_in(&self, scope: &str, name: &str) {
        self.click_xpath(&button_in_xpath(scope, name), name).await
    }

    async fn click_xpath(&self, xpath: &str, name: &str) {
        let button = eventually(&format!("an enabled button named {name:?}"), || async {
            let found = self.client().find_all(Locator::XPath(xpath)).await;
            let mut why = format!("none; buttons now: {:?}", self.button_names().await);
            for b in found.unwrap_or_default() {
                if b.is_enabled().await.unwrap_or(false) && b.is_displayed().await.unwrap_or(false)
                {
                    return Ok(b);
                }
                why = "present but disabled or hidden".into();
            }
            Err(why)
        })
        .await;
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {name:?}: {e}"));
    }

    /// Replaces the text of the field `testid` with `text`, typed as a person would.
    pub async fn fill(&self, testid: &str, text: &str) {
        let field = self.testid(testid).await;
        field.clear().await.expect("clearing a field");
        // Clearing fires no `input` event: typing does, so an emptied field is typed empty.
        let keys = match text {
            "" => format!(" {}", char::from(Key::Backspace)),
            t => t.to_string(),
        };
        field.send_keys(&keys).await.expect("typing into a field");
    }

    /// Picks the option with `value` in the `<select>` `testid`.
    pub async fn select(&self, testid: &str, value: &str) {
        let select = self.testid(testid).await;
        select
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("selecting {value:?} in {testid}: {e}"));
    }

    /// Waits until the element `css` has `attr` equal to `value`.
    pub async fn wait_attr_css(&self, css: &str, attr: &str, value: &str) {
        let what = format!("{css} with {attr}={value:?}");
        eventually(&what, || async {
            let el = self.all_css(css).await.into_iter().next().ok_or("absent")?;
            let now = el.attr(attr).await.map_err(|e| e.to_string())?;
            match now.as_deref() == Some(value) {
                true => Ok(()),
                false => Err(format!("{attr} is {now:?}")),
            }
        })
        .await
    }

    pub async fn wait_attr(&self, testid: &str, attr: &str, value: &str) {
        self.wait_attr_css(&testid_css(testid), attr, value).await
    }

    /// Waits until the text of the element `css` contains `part`.
    pub async fn wait_text_css(&self, css: &str, part: &str) -> String {
        let what = format!("{css} to read {part:?}");
        eventually(&what, || async {
            let el = self.all_css(css).await.into_iter().next().ok_or("absent")?;
            let text = el.text().await.map_err(|e| e.to_string())?;
            match text.contains(part) {
                true => Ok(text),
                false => Err(format!("it reads {text:?}")),
            }
        })
        .await
    }

    pub async fn wait_text(&self, testid: &str, part: &str) -> String {
        self.wait_text_css(&testid_css(testid), part).await
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone_css(&self, css: &str) {
        eventually(&format!("{css} to go"), || async {
            match self.all_css(css).await.len() {
                0 => Ok(()),
                n => Err(format!("{n} still there")),
            }
        })
        .await
    }

    /// The `data-uuid` of every participant row shown, in page order.
    pub async fn row_uuids(&self) -> Vec<String> {
        let mut out = Vec::new();
        for row in self.all_css(&testid_css("participant-row")).await {
            if let Ok(Some(u)) = row.attr("data-uuid").await {
                out.push(u);
            }
        }
        out
    }

    /// The newest line of the command status region, once one reads `part`.
    pub async fn wait_status(&self, part: &str) -> String {
        let css = format!("{} li", testid_css("command-status"));
        eventually(&format!("a command result reading {part:?}"), || async {
            let mut seen = Vec::new();
            for li in self.all_css(&css).await {
                let text = li.text().await.unwrap_or_default();
                if text.contains(part) {
                    return Ok(text);
                }
                seen.push(text);
            }
            Err(format!("results now: {seen:?}"))
        })
        .await
    }

    /// Shows the panel `code` of the dock beside the list (speakers, presentation, chat,
    /// layout, dial, events, record) by clicking its tab, and waits until it is on screen.
    pub async fn open_panel(&self, code: &str) {
        let tab = self.testid(&format!("tab-{code}")).await;
        tab.click()
            .await
            .unwrap_or_else(|e| panic!("clicking the {code} tab: {e}"));
        let panel = testid_css(&format!("panel-{code}"));
        eventually(&format!("the {code} panel shown"), || async {
            let el = self
                .all_css(&panel)
                .await
                .into_iter()
                .next()
                .ok_or("absent")?;
            match el.is_displayed().await.unwrap_or(false) {
                true => Ok(()),
                false => Err("hidden".to_string()),
            }
        })
        .await
    }
}
