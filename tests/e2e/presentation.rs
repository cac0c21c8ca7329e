//! The presentation panel: the thumbnail appears when someone presents (fetched with the
//! token), follows new frames, and goes when the presentation stops.

use crate::ctx;
use huikong_protocol::Profile;
use huikong_test_support::harness::eventually;
use huikong_test_support::page::testid_css;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn the_thumbnail_appears_and_goes_with_the_presentation() {
    let t = ctx::start("presentation", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    t.page.open_panel("presentation").await;
    t.page.testid("presentation-none").await;
    let thumb = testid_css("presentation-thumbnail");
    assert!(t.page.all_css(&thumb).await.is_empty());

    assert!(t.room(|r| r.start_presentation(&guest)));
    t.page
        .wait_text("presentation-presenter", "Wang Fang is presenting")
        .await;
    // The picture is the simulator's JPEG, decoded by the browser.
    let first = eventually("a decoded thumbnail", || async {
        let img = t
            .page
            .all_css(&thumb)
            .await
            .into_iter()
            .next()
            .ok_or("no img")?;
        let js = "const i = document.querySelector('[data-testid=presentation-thumbnail]'); \
                  return i && i.complete ? i.naturalWidth : 0;";
        let width = t.page.client().execute(js, vec![]).await;
        let width = width.ok().and_then(|w| w.as_u64()).unwrap_or(0);
        let src = img.attr("src").await.map_err(|e| e.to_string())?;
        match (width, src) {
            (w, Some(src)) if w > 0 => Ok(src),
            other => Err(format!("naturalWidth, src = {other:?}")),
        }
    })
    .await;
    assert!(
        first.starts_with("blob:"),
        "fetched with the token header: {first}"
    );
    let alt = t
        .page
        .testid("presentation-thumbnail")
        .await
        .attr("alt")
        .await
        .unwrap();
    assert_eq!(alt.as_deref(), Some("Presentation by Wang Fang"));

    // A new frame replaces the picture.
    t.room(|r| r.next_frame());
    eventually("the next frame", || async {
        let img = t
            .page
            .all_css(&thumb)
            .await
            .into_iter()
            .next()
            .ok_or("no img")?;
        match img.attr("src").await.map_err(|e| e.to_string())? {
            Some(src) if src != first => Ok(()),
            src => Err(format!("still {src:?}")),
        }
    })
    .await;

    t.room(|r| r.stop_presentation());
    t.page.wait_gone_css(&thumb).await;
    t.page.testid("presentation-none").await;
    let p = t.observer().await.participant(&guest).await.unwrap();
    assert!(!p.is_presenting);
}
