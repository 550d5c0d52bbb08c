//! From the decision to a working call, for one workload: pick an option (the recommended one
//! first), type an account ID (kept in this browser), and read, copy or download its IAM policy,
//! the SCP check and patch, Terraform, CloudFormation, code that calls it and the application
//! inference profile command. Everything is computed by the domain; this only renders it.

use crate::components::copy_button::CopyButton;
use atlas_core::catalog::cite::Cite;
use atlas_core::output::evaluation::WorkloadEvaluation;
use atlas_core::output::policy::{
    identity_policy_at, terraform_file, to_cloudformation, Account, ManagedPolicy,
};
use atlas_core::output::scp::{self, deny_global};
use atlas_core::output::snippets::{application_profile, snippets};
use atlas_core::plan::Workload;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Where the account ID is kept in this browser.
const ACCOUNT_KEY: &str = "cris-atlas-account-id";

/// The panel's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Iam,
    Scp,
    Terraform,
    CloudFormation,
    Code,
    AppProfile,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Iam,
        Tab::Scp,
        Tab::Terraform,
        Tab::CloudFormation,
        Tab::Code,
        Tab::AppProfile,
    ];

    fn label(self) -> &'static str {
        match self {
            Tab::Iam => "IAM policy",
            Tab::Scp => "SCP",
            Tab::Terraform => "Terraform",
            Tab::CloudFormation => "CloudFormation",
            Tab::Code => "Code",
            Tab::AppProfile => "Application profile",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Tab::Iam => "iam",
            Tab::Scp => "scp",
            Tab::Terraform => "terraform",
            Tab::CloudFormation => "cloudformation",
            Tab::Code => "code",
            Tab::AppProfile => "app-profile",
        }
    }
}

/// Properties of [`PolicyPanel`].
#[derive(Properties, PartialEq)]
pub struct PolicyPanelProps {
    /// Its evaluation: the options to pick from and the recommended one.
    pub evaluation: Rc<WorkloadEvaluation<'static>>,
}

/// A block of text with copy and download buttons.
fn block(text: String, filename: String, mime: &'static str, testid: &'static str) -> Html {
    let on_download = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            // A refused download leaves the text on screen to copy; nothing else to do.
            let _ = crate::browser::download_text(&filename, mime, &text);
        })
    };
    html! {
        <div class="policy-block">
            <div class="toolbar no-print">
                <CopyButton text={AttrValue::from(text.clone())} label="Copy" testid={format!("{testid}-copy")} />
                <button type="button" onclick={on_download} data-testid={format!("{testid}-download")}>{ "Download" }</button>
            </div>
            <pre tabindex="0" data-testid={testid}><code>{ text }</code></pre>
        </div>
    }
}

fn sources(cites: &[Cite]) -> Html {
    html! {
        <p class="sources">{ "Source: " }
            { for cites.iter().enumerate().map(|(i, c)| html! {
                <>{ if i > 0 { ", " } else { "" } }<a href={c.href()}>{ c.title() }</a></>
            }) }
        </p>
    }
}

fn notes(list: &[String]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! { <ul class="policy-notes">{ for list.iter().map(|n| html! { <li>{ n }</li> }) }</ul> }
}

/// The selected tab's content.
fn content(
    tab: Tab,
    w: &Workload<'static>,
    e: &WorkloadEvaluation<'_>,
    index: usize,
    account: &Account,
) -> Html {
    let Some(option) = e.recommendation.options.get(index) else {
        return Html::default();
    };
    let slug = atlas_core::output::policy::identifier(w.name(), "-", "workload");
    let tier = e
        .recommendation
        .tier
        .filter(|_| e.recommendation.chosen == Some(index));
    let policy = identity_policy_at(w, option, account, tier);
    match (tab, &policy) {
        (Tab::Scp, _) => {
            let check = scp::check(w, &e.recommendation.options, Some(option));
            html! {
                <>
                    <p data-testid="scp-summary">{ &check.summary }</p>
                    if check.blocked.is_empty() {
                        <p>{ "The organisation policy blocks none of this workload's options." }</p>
                    } else {
                        <ul data-testid="scp-blocked">
                            { for check.blocked.iter().map(|b| html! {
                                <li><strong>{ &b.option }</strong>{ format!(": {}", b.reason) }</li>
                            }) }
                        </ul>
                    }
                    if let Some(statement) = &check.statement {
                        <h3>{ "Region-deny statement that allows this option" }</h3>
                        { block(statement.to_json(), format!("{slug}-scp.json"), "application/json", "policy-scp") }
                    }
                    if let Some(guard) = &check.retention {
                        <h3>{ "Keep the data retention mode within the obligation" }</h3>
                        <p data-testid="scp-retention-summary">{ &guard.summary }</p>
                        { block(guard.statement.to_json(), format!("{slug}-data-retention-scp.json"), "application/json", "policy-retention-scp") }
                    }
                    if let Some(change) = &e.recommendation.account_change {
                        <h3>{ format!("Set the account's data retention mode in {}", change.region) }</h3>
                        { block(change.command.clone(), format!("{slug}-data-retention.sh"), "text/plain", "policy-retention-command") }
                    }
                    <h3>{ "Deny global inference organisation-wide (AWS's example)" }</h3>
                    { block(deny_global().to_json(), "deny-global-inference-scp.json".into(), "application/json", "policy-deny-global") }
                    { sources(&check.cites) }
                </>
            }
        }
        (Tab::Code, _) => html! {
            <>
                { for snippets(w, option, tier).into_iter().map(|s| html! {
                    <>
                        <h3>{ s.title }</h3>
                        { block(s.code, format!("{slug}.{}", s.language.extension()), "text/plain", "policy-code") }
                    </>
                }) }
            </>
        },
        (Tab::AppProfile, _) => match application_profile(w, option, account) {
            Ok(app) => html! {
                <>
                    { block(app.command, format!("{slug}-create-inference-profile.sh"), "text/plain", "policy-app-profile") }
                    <p data-testid="policy-app-change">{ app.policy_change }</p>
                    { sources(&app.cites) }
                </>
            },
            Err(why) => html! { <p data-testid="policy-app-profile">{ why }</p> },
        },
        (_, Err(why)) => html! { <p data-testid="policy-none">{ why }</p> },
        (Tab::Iam, Ok(p)) => html! {
            <>
                { block(p.document.to_json(), format!("{slug}-iam-policy.json"), "application/json", "policy-iam") }
                { notes(&p.notes) }
                { sources(&p.cites) }
            </>
        },
        (Tab::Terraform, Ok(p)) => block(
            terraform_file(&[(
                format!(
                    "Invoke {} from {}",
                    option.call_id().unwrap_or_default(),
                    w.source().code
                ),
                &p.document,
                w.name().to_owned(),
            )]),
            format!("{slug}.tf"),
            "text/plain",
            "policy-terraform",
        ),
        (Tab::CloudFormation, Ok(p)) => {
            let description = format!(
                "Invoke {} from {}",
                option.call_id().unwrap_or_default(),
                w.source().code
            );
            let template = to_cloudformation(&[ManagedPolicy {
                name: w.name(),
                description,
                document: &p.document,
            }]);
            block(
                template,
                format!("{slug}-cloudformation.json"),
                "application/json",
                "policy-cloudformation",
            )
        }
    }
}

/// The policy panel.
#[component]
pub fn PolicyPanel(props: &PolicyPanelProps) -> Html {
    let e = &props.evaluation;
    let offered: Vec<usize> = e
        .recommendation
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.eligibility.is_offered() && o.call_id().is_some())
        .map(|(i, _)| i)
        .collect();
    let default = e.recommendation.chosen.or_else(|| offered.first().copied());
    let picked = use_state_eq(|| None::<usize>);
    let tab = use_state_eq(|| Tab::Iam);
    let account_text = use_state_eq(String::new);
    {
        // After the first render (equal to the prerendered page): the account ID kept here.
        let account_text = account_text.clone();
        use_effect_with((), move |_| {
            if let Ok(Some(saved)) = crate::browser::storage_get(ACCOUNT_KEY) {
                account_text.set(saved);
            }
        });
    }
    let index = (*picked).filter(|i| offered.contains(i)).or(default);
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            picked.set(select.value().parse().ok());
        })
    };
    let on_account = {
        let account_text = account_text.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = input.value();
            if Account::parse(&value).is_ok() {
                // Storage refused (private mode): the field still fills the ARNs.
                let _ = crate::browser::storage_set(ACCOUNT_KEY, value.trim());
            }
            account_text.set(value);
        })
    };
    let parsed = Account::parse(&account_text);
    let account = parsed.clone().unwrap_or_default();
    let Some(index) = index else {
        return html! {
            <section class="policy-panel" aria-labelledby="policy-title" data-testid="policy-panel">
                <h2 id="policy-title">{ "Policies and code" }</h2>
                <p>{ "No option is offered for this workload, so there is no policy to write." }</p>
            </section>
        };
    };
    html! {
        <section class="policy-panel" aria-labelledby="policy-title" data-testid="policy-panel">
            <h2 id="policy-title">{ format!("Policies and code for {}", props.evaluation.workload.name()) }</h2>
            <div class="policy-fields">
                <p>
                    <label for="policy-option">{ "Option" }</label>
                    <select id="policy-option" onchange={on_pick} data-testid="policy-option">
                        { for offered.iter().map(|&i| {
                            let o = &e.recommendation.options[i];
                            let recommended = e.recommendation.chosen == Some(i);
                            html! {
                                <option value={i.to_string()} selected={i == index}>
                                    { format!("{}{}: {}", o.label(), if recommended { " (recommended)" } else { "" }, o.call_id().unwrap_or_default()) }
                                </option>
                            }
                        }) }
                    </select>
                </p>
                <p>
                    <label for="policy-account">{ "AWS account ID (optional, kept in this browser)" }</label>
                    <input id="policy-account" type="text" inputmode="numeric" autocomplete="off"
                           maxlength="64" placeholder="123456789012" value={(*account_text).clone()}
                           oninput={on_account} data-testid="policy-account"
                           aria-invalid={parsed.is_err().then_some("true")}
                           aria-describedby={parsed.is_err().then_some("policy-account-error")} />
                    if let Err(problem) = &parsed {
                        <span id="policy-account-error" class="field-error" data-testid="policy-account-error">
                            { format!("{problem}; the placeholder is used meanwhile.") }
                        </span>
                    }
                </p>
            </div>
            <div class="policy-tabs no-print" role="group" aria-label="Show">
                { for Tab::ALL.iter().map(|&t| {
                    let onclick = { let tab = tab.clone(); Callback::from(move |_: MouseEvent| tab.set(t)) };
                    html! {
                        <button type="button" aria-pressed={(*tab == t).to_string()} {onclick}
                                data-testid={format!("policy-tab-{}", t.id())}>{ t.label() }</button>
                    }
                }) }
            </div>
            <div class="policy-content" aria-live="polite" data-testid="policy-content">
                <h3 class="visually-hidden">{ tab.label() }</h3>
                { content(*tab, &e.workload, e, index, &account) }
            </div>
        </section>
    }
}
