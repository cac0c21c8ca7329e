//! Keyboard control: a whole meeting run from the keyboard alone, with no mouse event reaching
//! the page; the palette over Chinese and English; shortcuts that wait while a field is typed
//! in; the help; the focus coming back after every dialog; what the enterprise cloud and a
//! guest are offered; axe over the palette and the help. Keys go through WebDriver only.

mod offered;

use crate::ctx::{self, in_conference, Ctx, CONSOLE};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use huikong_protocol::Profile;
use huikong_test_support::api::waiting;
use huikong_test_support::harness::{eventually, eventually_within};
use huikong_test_support::page::{row_css, testid_css};
use serde_json::{json, Value};
use std::time::Duration;

/// Long enough for an undo window of a few seconds to pass, on a loaded machine.
const AFTER_UNDO: Duration = Duration::from_secs(30);

/// Records every mouse or pointer event that reaches the page. A click that a key made (Enter
/// on a button submits, Space presses) has `detail` 0 and no pointer type: not counted.
const WATCH_MOUSE: &str = r#"
window.__mouse = [];
for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'dblclick',
                 'auxclick', 'contextmenu', 'wheel']) {
  document.addEventListener(t, e => {
    const keyClick = t === 'click' && e.detail === 0 && !e.pointerType;
    if (!keyClick) window.__mouse.push(t + ' on ' + (e.target && e.target.tagName));
  }, true);
}
return null;
"#;

/// Presses `key` with `modifier` held, through WebDriver's actions: Ctrl+K.
pub(crate) async fn chord(t: &Ctx, modifier: Key, key: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down {
            value: char::from(modifier),
        })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up {
            value: char::from(modifier),
        });
    t.page
        .client()
        .perform_actions(keys)
        .await
        .expect("a chord pressed");
}

/// Presses keys, one after the other, where the focus is (WebDriver's actions).
async fn press(t: &Ctx, keys: &str) {
    let mut seq = KeyActions::new("keyboard".into());
    for k in keys.chars() {
        seq = seq
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
    }
    t.page
        .client()
        .perform_actions(seq)
        .await
        .expect("keys pressed");
}

/// Types into the focused element (WebDriver's element keys: any script, Chinese included).
async fn type_here(t: &Ctx, text: &str) {
    let el = t.page.client().active_element().await.expect("a focus");
    el.send_keys(text).await.expect("typing");
}

/// What has the focus: its `data-uuid` (a row), else its `data-testid`, else its tag.
async fn focused(t: &Ctx) -> String {
    t.page
        .js("const e = document.activeElement; return e ? (e.dataset.uuid || e.dataset.testid || e.tagName) : '';")
        .await
}

async fn wait_focus(t: &Ctx, want: &str) {
    eventually(&format!("the focus on {want}"), || async {
        match focused(t).await {
            f if f == want => Ok(()),
            f => Err(format!("it is on {f}")),
        }
    })
    .await
}

/// The palette's results now, as read.
async fn options(t: &Ctx) -> Vec<String> {
    t.page
        .js("return Array.from(document.querySelectorAll('[data-testid=palette-option] .palette-title')).map(e => e.textContent);")
        .await
}

/// Opens the palette, types `query`, waits until the first result reads `first`.
async fn ask(t: &Ctx, query: &str, first: &str) {
    chord(t, Key::Control, 'k').await;
    wait_focus(t, "palette-input").await;
    type_here(t, query).await;
    eventually(&format!("{first:?} first for {query:?}"), || async {
        let o = options(t).await;
        match o.first() {
            Some(f) if f == first => Ok(()),
            _ => Err(format!("the results are {o:?}")),
        }
    })
    .await;
}

/// Opens the palette, finds `first` for `query` and runs it with Enter.
pub(crate) async fn run(t: &Ctx, query: &str, first: &str) {
    ask(t, query, first).await;
    press(t, &char::from(Key::Enter).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_whole_meeting_from_the_keyboard_with_no_mouse_event() {
    let t = ctx::start("keyboard_only", Profile::Public).await;
    t.add_host("Chen Jing");
    let zhang = t.add_guest("张伟");
    let api = t.observer().await;
    api.command("lock", &json!({}))
        .await
        .expect("locked by another host");
    let li = t.add_guest("李娜");
    assert!(waiting(&api.participant(&li).await.unwrap()), "李娜 waits");

    // Join: typed, and Enter in the last field.
    t.page.goto("/?lang=zh").await;
    t.page.testid("join-submit").await;
    let _: Value = t.page.js(WATCH_MOUSE).await;
    for (field, text) in [("join-conference", ctx::ROOM), ("join-pin", ctx::HOST_PIN)] {
        t.page.testid(field).await.send_keys(text).await.unwrap();
    }
    let name = format!("{CONSOLE}{}", char::from(Key::Enter));
    t.page
        .testid("join-name")
        .await
        .send_keys(&name)
        .await
        .unwrap();
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.wait_row(&zhang).await;

    // Found through the palette by an English word, listed in Chinese, and muted.
    run(&t, "mute 张伟", "静音 张伟").await;
    eventually_within(AFTER_UNDO, "张伟 muted on the platform", || async {
        match api.participant(&zhang).await {
            Some(p) if p.is_muted => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;

    // Shown in the list: the focus on their row, whose letters act on them.
    run(&t, "显示 张伟", "在列表中显示 张伟").await;
    wait_focus(&t, &zhang).await;
    press(&t, "s").await;
    eventually_within(AFTER_UNDO, "张伟 spotlit on the platform", || async {
        match api.participant(&zhang).await {
            Some(p) if p.is_spotlit() => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    t.page
        .wait_attr_css(&row_css(&zhang), "data-spotlight", "true")
        .await;

    // The layout, by its name.
    run(&t, "layout 4:0", "设置布局：4:0 四个等大画面").await;
    eventually_within(AFTER_UNDO, "the layout 4:0 on the platform", || async {
        let l = t.room(|r| r.screen.hosts_layout.clone());
        match l {
            Some(l) if l.layout == "4:0" => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;

    // Admitted from the waiting room.
    run(&t, "准入 李", "准入 李娜").await;
    eventually_within(AFTER_UNDO, "李娜 admitted", || async {
        match api.participant(&li).await {
            Some(p) if in_conference(&p) => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;

    // `l` unlocks, and again locks (through the undo window, however long it is).
    press(&t, "l").await;
    eventually_within(AFTER_UNDO, "unlocked", || async {
        match api.status().await.locked {
            false => Ok(()),
            true => Err("locked".into()),
        }
    })
    .await;
    t.page.wait_attr("flag-locked", "data-state", "off").await;
    press(&t, "l").await;
    eventually_within(AFTER_UNDO, "locked again", || async {
        match api.status().await.locked {
            true => Ok(()),
            false => Err("unlocked".into()),
        }
    })
    .await;

    run(&t, "leave", "离开").await;
    t.page.testid("join-submit").await;
    eventually("the console's session to end", || async {
        match api.named(CONSOLE).await {
            None => Ok(()),
            Some(_) => Err("still listed".into()),
        }
    })
    .await;
    let mouse: Vec<String> = t.page.js("return window.__mouse;").await;
    assert!(mouse.is_empty(), "mouse events reached the page: {mouse:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn shortcuts_wait_while_typing_the_help_lists_them_and_focus_comes_back() {
    let t = ctx::start("keyboard_typing", Profile::Public).await;
    t.add_host("Chen Jing");
    let wang = t.add_guest("Wang Fang");
    t.join_host().await;
    t.wait_row(&wang).await;
    let api = t.observer().await;

    // `/` goes to the search; the letters typed there are text, not shortcuts.
    let _: Value = t
        .page
        .js("document.activeElement.blur(); return null;")
        .await;
    press(&t, "/").await;
    wait_focus(&t, "participant-search").await;
    press(&t, "lgd?").await;
    let typed: String = t.page.js("return document.activeElement.value;").await;
    assert_eq!(typed, "lgd?");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let s = api.status().await;
    assert!(
        !s.locked && !s.guests_muted,
        "a shortcut fired while typing"
    );
    assert!(t
        .page
        .all_css(&testid_css("shortcut-help"))
        .await
        .is_empty());

    // Ctrl+K works in a field, and closing hands the focus back to it.
    chord(&t, Key::Control, 'k').await;
    wait_focus(&t, "palette-input").await;
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("palette")).await;
    wait_focus(&t, "participant-search").await;

    // The search typed away again, so the row shows.
    let erase = char::from(Key::Backspace).to_string().repeat(4);
    type_here(&t, &format!("{}{erase}", char::from(Key::End))).await;
    t.wait_row(&wang).await;

    // On a row, `?` opens the help, which lists the shortcuts; Escape hands the focus back.
    let focus_row = format!(
        "document.querySelector('{}').focus(); return null;",
        row_css(&wang).replace('\'', "\\'")
    );
    let _: Value = t.page.js(&focus_row).await;
    wait_focus(&t, &wang).await;
    press(&t, "?").await;
    let help = t.page.wait_text("shortcut-help", "Ctrl+K").await;
    for k in [
        "Alt+Shift+N",
        "Delete",
        "Enter",
        "Open the command palette",
        "Mute or unmute",
    ] {
        assert!(help.contains(k), "the help lacks {k}: {help}");
    }
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page.wait_gone_css(&testid_css("shortcut-help")).await;
    wait_focus(&t, &wang).await;

    // Enter opens the row's actions; closing them hands the focus back to the row.
    press(&t, &char::from(Key::Enter).to_string()).await;
    t.page.testid("participant-actions").await;
    press(&t, &char::from(Key::Escape).to_string()).await;
    t.page
        .wait_gone_css(&testid_css("participant-actions"))
        .await;
    wait_focus(&t, &wang).await;

    // `m` on the row mutes; a digit opens a panel and focuses its tab.
    press(&t, "m").await;
    t.page
        .wait_attr_css(&row_css(&wang), "data-muted", "true")
        .await;
    assert!(api.participant(&wang).await.unwrap().is_muted);
    press(&t, "4").await;
    wait_focus(&t, "tab-layout").await;
    t.page
        .wait_attr("tab-layout", "aria-selected", "true")
        .await;
}
