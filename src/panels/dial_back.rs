//! Dial back: a recently-left row asks, the dock shows the dial form, which fills itself in
//! with the address and protocol, for the host to check and send.

use huikong_protocol::Profile;
use leptos::prelude::*;

/// A dial-back request for the dial form: address, protocol. Provided by the meeting page.
#[derive(Debug, Clone, Copy)]
pub struct DialBack(RwSignal<Option<(String, String)>>);

impl DialBack {
    pub fn provide() {
        provide_context(DialBack(RwSignal::new(None)));
    }

    /// Asks the dial form to dial this address with this protocol.
    pub fn request(&self, back: (String, String)) {
        self.0.set(Some(back));
    }
}

/// For the dial form: runs `fill(address, protocol)` at each dial-back, the protocol only when
/// the deployment can dial with it; then shows the form in the dock and focuses its address.
pub fn on_dial_back(
    profile: Profile,
    field: NodeRef<leptos::html::Input>,
    fill: impl Fn(String, Option<String>) + 'static,
) {
    let Some(DialBack(request)) = use_context::<DialBack>() else {
        return;
    };
    Effect::watch(
        move || request.get(),
        move |r, _, _| {
            let Some((uri, protocol)) = r.clone() else {
                return;
            };
            let protocol = profile
                .dial_protocols()
                .contains(&protocol.as_str())
                .then_some(protocol);
            fill(uri, protocol);
            if let Some(dock) = super::Dock::use_context() {
                dock.show(super::PanelId::Dial);
            }
            // Once the dock has drawn the panel: a hidden field takes no focus.
            request_animation_frame(move || {
                if let Some(input) = field.get_untracked() {
                    input.scroll_into_view();
                    let _ = input.focus();
                }
            });
        },
        false,
    );
}
