//! The error decoder page: paste a Bedrock error and read its cause and fix for the model and
//! Region it names; the errors it knows, with where each rule comes from.

use crate::components::error_decoder::ErrorDecoder;
use crate::state::CatalogRef;
use atlas_core::catalog::cite::Cite;
use atlas_core::output::decode::ErrorKind;
use yew::prelude::*;

/// Properties of [`ErrorsPage`].
#[derive(Properties, PartialEq)]
pub struct ErrorsPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

/// The errors the decoder knows, in the order the page lists them.
const KNOWN: [ErrorKind; 8] = [
    ErrorKind::OnDemandNotSupported,
    ErrorKind::InvalidModelIdentifier,
    ErrorKind::AccessDenied,
    ErrorKind::ScpDenied,
    ErrorKind::MantleRejectsProfile,
    ErrorKind::ModelAccess,
    ErrorKind::Throttling,
    ErrorKind::QuotaExceeded,
];

/// The error decoder page.
#[component]
pub fn ErrorsPage(props: &ErrorsPageProps) -> Html {
    let sources = [
        Cite::RegionalAvailability,
        Cite::ProfilesSupport,
        Cite::GeographicCris,
        Cite::GlobalCris,
        Cite::Mantle,
        Cite::Quotas,
    ];
    html! {
        <>
            <h1>{ "Decode a Bedrock error" }</h1>
            <p class="lede">{ "Paste the error your SDK, agent framework or infrastructure tool printed. The decoder says what it means for the model and Region it names, from the catalog, and how to fix it." }</p>
            <ErrorDecoder catalog={props.catalog} />
            <h2>{ "Errors it knows" }</h2>
            <ul data-testid="known-errors">{ for KNOWN.iter().map(|k| html! { <li>{ k.title() }</li> }) }</ul>
            <p class="sources">{ "Rules from: " }
                { for sources.iter().enumerate().map(|(i, c)| html! {
                    <>{ if i > 0 { ", " } else { "" } }<a href={c.href()}>{ c.title() }</a></>
                }) }
            </p>
        </>
    }
}
