//! The Concepts pages: the ideas a decision rests on, each statement linked to the AWS
//! documentation that states it. `concepts/` shows every section; `concepts/<section>/` one,
//! which is what the engine's reasons link to.

use atlas_core::catalog::cite::Cite;
use yew::prelude::*;

fn source(cite: Cite) -> Html {
    html! {
        <a class="cite" href={cite.href()} rel="noopener">{ format!("[{}]", cite.title()) }</a>
    }
}

/// A section's heading.
pub fn section_title(cite: Cite) -> &'static str {
    match cite {
        Cite::ConceptSourceDestination => "Source and destination Regions",
        Cite::ConceptOptions => "The four ways to call a model",
        Cite::ConceptResidency => "Data residency",
        _ => "How a recommendation is chosen",
    }
}

fn source_destination() -> Html {
    html! {
        <>
            <p>
                { "The source Region is where your application sends the request. A destination Region is one where Amazon Bedrock may route it for processing. " }
                { source(Cite::ProfilesSupport) }
            </p>
            <p>
                { "Destinations depend on the source: the same profile ID can route to different Regions when called from different Regions. For example, us.anthropic.claude-3-haiku-20240307-v1:0 called from us-east-2 may route to us-east-1, us-east-2 or us-west-2, but called from us-west-2 only to us-east-1 and us-west-2. AWS advises not to rely on the prefix of a profile ID to know where requests go. " }
                { source(Cite::ProfilesSupport) }
            </p>
            <p>
                { "Destination lists of geographic profiles never change; AWS creates new profiles instead. The Regions behind a global profile grow as AWS adds commercial Regions. " }
                { source(Cite::ProfilesSupport) }
            </p>
            <p>
                { "Every cross-Region request is logged in CloudTrail in the source Region; the field additionalEventData.inferenceRegion says where it was processed. " }
                { source(Cite::CrossRegionInference) }
            </p>
        </>
    }
}

fn options() -> Html {
    html! {
        <>
            <dl class="concepts">
                <dt>{ "Geographic profile (us., eu., apac., jp., au., ca., us-gov., …)" }</dt>
                <dd>
                    { "Bedrock selects a commercial Region within that geography to process the request. IAM must allow the profile in the source Region and the foundation model in every destination Region, and SCPs must allow every destination Region: if one is blocked, requests fail even though others are allowed. " }
                    { source(Cite::GeographicCris) }
                </dd>
                <dt>{ "Global profile (global.)" }</dt>
                <dd>
                    { "Bedrock may select any commercial Region to process the request: the largest pool of capacity. IAM needs a third, Region-less foundation-model ARN (arn:aws:bedrock:::foundation-model/…), and SCPs must allow aws:RequestedRegion \"unspecified\". For some models, global is priced lower per token than geographic. " }
                    { source(Cite::GlobalCris) }
                </dd>
                <dt>{ "In-Region (the bare model ID)" }</dt>
                <dd>
                    { "On demand in the source Region only. Some models cannot be called this way in some or all Regions; calling them fails with \"on-demand throughput isn't supported\" and needs an inference profile. " }
                    { source(Cite::RegionalAvailability) }
                    { " In some Regions a model is served on demand only by the bedrock-mantle endpoint, the OpenAI-compatible one (Chat Completions, Responses, or Anthropic's Messages API), not by bedrock-runtime's Converse and InvokeModel; bedrock-mantle serves no inference profiles. For residency it is still in-Region. " }
                    { source(Cite::Mantle) }
                </dd>
                <dt>{ "Provisioned Throughput" }</dt>
                <dd>
                    { "Dedicated capacity (model units) in one Region, billed hourly, with no commitment or a 1-month or 6-month term. AWS lists which models and model units (context-length variants) can be bought where; the ID to call is then the provisioned model's ARN. Inference profiles do not support it. A customized model must be served on Provisioned Throughput. " }
                    { source(Cite::ProvisionedThroughput) }
                    { " Model units must first be requested through AWS Support. " }
                    { source(Cite::ProvisionedPurchase) }
                </dd>
            </dl>
            <p>
                { "How to buy a route is a second choice, the service tier; it never changes where a prompt is processed. Standard is the default. Priority (served first, at a premium) and Flex (yields under load, at a discount) are listed for some models by in-Region ID. The Reserved tier reserves input and output tokens a minute for a 1- or 3-month term, bought through the AWS account team; it runs through the profiles of a few Claude models. " }
                { source(Cite::ServiceTiers) }
                { " Work that can wait a day can run as batch jobs, in a Region or through a geographic profile where AWS lists it. " }
                { source(Cite::BatchInference) }
            </p>
            <p>
                { "Each profile has its own entry in the price list: a geographic profile can cost more per token than the global one, and the comparison shows each option's figures from the price list. " }
                { source(Cite::CrossRegionInference) }
                { " Quotas for profiles are separate from in-Region quotas and are managed in the source Region. " }
                { source(Cite::Quotas) }
            </p>
        </>
    }
}

fn residency() -> Html {
    html! {
        <>
            <p>
                { "With a geographic profile, requests are kept within the Regions of its geography. Prompts and results may leave the source Region; to the extent Bedrock stores data for abuse detection, it is stored in the destination Region. Data in transit stays on the AWS network, encrypted. " }
                { source(Cite::GeographicCris) }
            </p>
            <p>
                { "A prefix is not a country. us. profiles called from Canada route to US Regions; eu. profiles called from London or Zurich route to EU member states; apac. spans many countries. Only the destinations for your source Region count. " }
                { source(Cite::ProfilesSupport) }
            </p>
            <p>
                { "Destinations can include opt-in Regions your account has not enabled. A model that keeps prompts (its model page says whether it does; most keep nothing) stores them in the destination Region, opt-in or not. " }
                { source(Cite::ProfilesSupport) }
                { " " }
                { source(Cite::DataRetention) }
                { " " }
                { source(Cite::AwsRegions) }
            </p>
            <p>
                <strong>{ "The rule this app applies: " }</strong>
                { "an obligation (a group of countries such as the EU, one country, or a list of Regions) is turned, through each Region's country, into the set of Regions where processing is allowed. An option fits only if every Region where it may process a prompt, for your source Region, is in that set. A recommendation never includes an option that does not fit." }
            </p>
        </>
    }
}

fn choice() -> Html {
    html! {
        <>
            <p>{ "An option is eligible when the catalog offers it from your source Region, it fits the residency obligation, and your organisation's SCPs allow it. Among eligible options, the first rule that applies decides:" }</p>
            <ol start="0">
                <li>{ "A retired model (no longer listed by AWS) gets no recommendation; the plan keeps it and says so, with models to use instead." }</li>
                <li>{ "A customized model runs on Provisioned Throughput in its Region, if that Region fits the obligation and the policy." }</li>
                <li>{ "A guaranteed-capacity SLA gets Provisioned Throughput where AWS lists it for the model; elsewhere the on-demand rules decide, with a warning that nothing guarantees capacity." }</li>
                <li>{ "Bursty and latency-sensitive: the nearest geographic profile, then in-Region, then global. Bursty or high-volume otherwise: global (largest pool), then the widest geographic profile, then in-Region. Steady: in-Region, then the nearest geographic profile, then global." }</li>
                <li>{ "No on-demand option eligible, but Provisioned Throughput is: Provisioned Throughput." }</li>
                <li>{ "Nothing eligible: say what ruled out each option and suggest other source Regions, other models, or Provisioned Throughput where residency allows." }</li>
            </ol>
            <p>{ "Network distance is estimated from great-circle distance at the speed of light in fibre (about 100 km per millisecond of round trip): a lower bound, not a measurement." }</p>
        </>
    }
}

fn section_body(cite: Cite) -> Html {
    match cite {
        Cite::ConceptSourceDestination => source_destination(),
        Cite::ConceptOptions => options(),
        Cite::ConceptResidency => residency(),
        _ => choice(),
    }
}

/// Properties of [`Concepts`].
#[derive(Properties, PartialEq)]
pub struct ConceptsProps {
    /// The one section to show (`residency`), or every section.
    #[prop_or_default]
    pub section: Option<AttrValue>,
}

/// The Concepts page, or one of its sections.
#[component]
pub fn Concepts(props: &ConceptsProps) -> Html {
    let one = props.section.as_deref().and_then(|id| {
        Cite::CONCEPTS
            .into_iter()
            .find(|c| c.concept_id() == Some(id))
    });
    let toc = html! {
        <nav aria-label="Concepts" class="toc">
            <ul>
                { for Cite::CONCEPTS.iter().map(|c| html! {
                    <li><a href={c.href()} aria-current={(one == Some(*c)).then_some("page")}>{ section_title(*c) }</a></li>
                }) }
            </ul>
        </nav>
    };
    match one {
        Some(cite) => html! {
            <>
                <p class="breadcrumbs"><a href="concepts/">{ "Concepts" }</a>{ " › " }<span aria-current="page">{ section_title(cite) }</span></p>
                <h1>{ section_title(cite) }</h1>
                { section_body(cite) }
                <h2>{ "Other concepts" }</h2>
                { toc }
            </>
        },
        None => html! {
            <>
                <h1>{ "Concepts" }</h1>
                { toc }
                { for Cite::CONCEPTS.iter().map(|c| html! {
                    <section id={c.concept_id().unwrap_or_default()} aria-labelledby={format!("h-{}", c.concept_id().unwrap_or_default())}>
                        <h2 id={format!("h-{}", c.concept_id().unwrap_or_default())}>{ section_title(*c) }</h2>
                        { section_body(*c) }
                    </section>
                }) }
            </>
        },
    }
}
