//! The meeting plan file: the venue list, the presets and the rotation's setup exported as one
//! JSON file and imported back together, so an operator prepares a meeting once.

use super::Picture;
use crate::command::service::Commands;
use crate::host::download::download;
use crate::i18n::Tr;
use crate::platform::session::LiveSession;
use huikong_core::i18n::Lang;
use huikong_core::picture::plan::{self, Plan, Problem};
use huikong_core::picture::PictureText;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn problem_text(p: &Problem, tr: Tr, lang: Lang) -> String {
    match p {
        Problem::NotJson(reason) => tr.fmt_now(PictureText::PlanNotJson, &[("reason", reason)]),
        Problem::Venues(errors) => {
            let reason = errors
                .iter()
                .take(3)
                .map(|e| format!("{}: {}", e.line, e.problem.text(lang)))
                .collect::<Vec<_>>()
                .join("; ");
            tr.fmt_now(PictureText::PlanBadVenues, &[("reason", &reason)])
        }
        Problem::Preset(n) => tr.fmt_now(PictureText::PlanBadPreset, &[("n", &n.to_string())]),
        Problem::Rotation => tr.now(PictureText::PlanBadRotation).to_owned(),
    }
}

impl Picture {
    /// The plan as it stands.
    pub fn plan(&self) -> Plan {
        Plan {
            venues: self.venues.list.get_untracked(),
            presets: self.presets.get_untracked(),
            rotation: Some(self.setup.get_untracked()),
        }
    }

    /// Takes in a plan: what it holds replaces what this browser keeps (a plan without venues
    /// leaves the list as it is).
    pub fn take_plan(&self, p: Plan) {
        if !p.venues.is_empty() {
            self.venues.set_list(p.venues);
        }
        self.save_presets(p.presets);
        if let Some(s) = p.rotation {
            self.save_setup(s);
        }
    }
}

/// Export and import of the meeting plan.
#[component]
pub fn PlanFile() -> impl IntoView {
    let tr = Tr::use_context();
    let Some(pic) = Picture::use_context() else {
        return ().into_any();
    };
    let cmds = Commands::use_context();
    let room = expect_context::<LiveSession>().room;
    let file_name = format!("plan-{}.json", room.replace(['/', '\\', ' '], "_"));
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let _ = download(&file_name, "application/json", &plan::export(&pic.plan()));
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        let status = cmds.at_page().status;
        leptos::task::spawn_local(async move {
            let read = crate::venues::import::read(&el).await;
            el.set_value("");
            let lang = tr.lang.get_untracked();
            let parsed = read
                .map_err(|e| tr.fmt_now(PictureText::PlanNotJson, &[("reason", &e)]))
                .and_then(|(_, text)| plan::parse(&text).map_err(|p| problem_text(&p, tr, lang)));
            match parsed {
                Ok(p) => {
                    let with = if p.rotation.is_some() {
                        tr.now(PictureText::PlanWithRotation)
                    } else {
                        ""
                    };
                    let text = tr.fmt_now(
                        PictureText::PlanImported,
                        &[
                            ("venues", &p.venues.len().to_string()),
                            ("n", &p.presets.len().to_string()),
                            ("rotation", with),
                        ],
                    );
                    pic.take_plan(p);
                    error.try_set(None);
                    status.push(true, text);
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="plan-file" data-testid="plan-file">
            <p class="hint"><small>{tr.text(PictureText::PlanHint)}</small></p>
            <button type="button" data-testid="plan-export" on:click=export>{tr.text(PictureText::PlanExport)}</button>
            <label class="field">{tr.text(PictureText::PlanImport)}
                <input type="file" accept=".json,application/json" data-testid="plan-import"
                    aria-describedby="plan-error" node_ref=input on:change=on_change/></label>
            <p class="field-error" id="plan-error" role="alert" data-testid="plan-error"
                hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
    .into_any()
}
