//! A button that copies a text to the clipboard and says, in a live region, whether it worked.

use yew::prelude::*;

/// Properties of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What to copy.
    pub text: AttrValue,
    /// The button's label, such as `Copy ID`.
    pub label: AttrValue,
}

/// The copy button.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let status = status.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::copy_text(&text).await {
                    Ok(()) => status.set("Copied".into()),
                    Err(e) => status.set(format!("Not copied: {e}")),
                }
            });
        })
    };
    html! {
        <span class="copy">
            <button type="button" class="copy-button" {onclick} data-testid="copy-button"
                    aria-label={format!("{}: {}", props.label, props.text)}>
                { props.label.clone() }
            </button>
            <span class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </span>
    }
}
