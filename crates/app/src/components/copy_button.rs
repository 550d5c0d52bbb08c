//! A button that copies a text to the clipboard and says, in a live region, whether it worked.
//! The text is also in its `data-copy` attribute, so on a static page (not hydrated) the
//! module's small enhancer ([`crate::browser::enhance_copy_buttons`]) makes it work.

use yew::prelude::*;

/// Texts up to this length are read out with the button's name, so a screen reader says what
/// will be copied; longer ones (a whole table) would drown the name.
const SPOKEN_TEXT_MAX: usize = 80;

/// Properties of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What to copy.
    pub text: AttrValue,
    /// The button's label, such as `Copy ID`.
    pub label: AttrValue,
    /// The `data-testid` of the button; its status gets the same with `-status` appended.
    #[prop_or(AttrValue::Static("copy-button"))]
    pub testid: AttrValue,
}

/// The copy button.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let status = use_state_eq(String::new);
    {
        // A new text makes an earlier "Copied" untrue.
        let status = status.clone();
        use_effect_with(props.text.clone(), move |_| status.set(String::new()));
    }
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
    let name = if props.text.chars().count() <= SPOKEN_TEXT_MAX {
        format!("{}: {}", props.label, props.text)
    } else {
        props.label.to_string()
    };
    html! {
        <span class="copy">
            <button type="button" class="copy-button" {onclick} data-testid={props.testid.clone()}
                    aria-label={name} data-copy={props.text.clone()}>
                { props.label.clone() }
            </button>
            <span class="copy-status" role="status" aria-live="polite"
                  data-testid={format!("{}-status", props.testid)}>{ (*status).clone() }</span>
        </span>
    }
}
