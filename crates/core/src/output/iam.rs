//! The IAM resources a caller needs for each way to call a model, exact to the route: the
//! profile in the source Region and the foundation model in the source and every destination
//! for geographic profiles; the Region-less foundation-model ARN for global ones (AWS:
//! geographic and global cross-Region inference, IAM). Used by the explorer's profile page and
//! by the plan's comparison.

use crate::catalog::arn::{partition, Arns, ACCOUNT};
use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::schema::{Endpoint, Region};
use crate::engine::options::{OptionEval, OptionKind};
use crate::plan::Workload;
use std::collections::BTreeSet;

/// What a route needs allowed: the kind of option, the ID called, and where.
pub struct Call<'a> {
    /// The kind of option.
    pub kind: OptionKind,
    /// The profile or model ID called.
    pub call_id: &'a str,
    /// The model served.
    pub model: &'a ModelId,
    /// The source Region.
    pub source: &'a Region,
    /// The Regions that may process the prompt.
    pub processing: &'a [RegionCode],
}

/// The resources to allow `bedrock:InvokeModel*` on for `call`, in the order a policy lists them.
pub fn invoke_resources(call: &Call<'_>) -> Vec<String> {
    let arns = Arns::new(call.source, ACCOUNT);
    let source = call.source.code.as_str();
    let model = call.model;
    match call.kind {
        OptionKind::Global => vec![
            arns.profile(call.call_id),
            arns.foundation_model(source, model),
            arns.regionless_model(model),
        ],
        OptionKind::Geographic => {
            let mut regions: BTreeSet<&str> =
                call.processing.iter().map(RegionCode::as_str).collect();
            regions.insert(source);
            let mut list = vec![arns.profile(call.call_id)];
            list.extend(regions.into_iter().map(|r| arns.foundation_model(r, model)));
            list
        }
        OptionKind::InRegion => vec![arns.foundation_model(source, model)],
        OptionKind::Provisioned => vec![arns.provisioned_model()],
    }
}

/// The resources to allow for one of `workload`'s options, as [`invoke_resources`] lists them.
pub fn option_resources(workload: &Workload<'_>, option: &OptionEval) -> Vec<String> {
    invoke_resources(&Call {
        kind: option.kind,
        call_id: option.call_id().unwrap_or_default(),
        model: &workload.model().id,
        source: workload.source(),
        processing: &option.processing_regions,
    })
}

/// The actions a policy allows for bedrock-runtime calls (Converse and ConverseStream are
/// authorised by these two).
pub const INVOKE_ACTIONS: [&str; 2] = [
    "bedrock:InvokeModel",
    "bedrock:InvokeModelWithResponseStream",
];

/// The actions AWS's managed policy `AmazonBedrockMantleInferenceAccess` allows on
/// bedrock-mantle projects for inference (the user guide's list spells the tag action
/// `ListTagsForResources`; IAM's action is `ListTagsForResource`).
pub const MANTLE_ACTIONS: [&str; 4] = [
    "bedrock-mantle:CreateInference",
    "bedrock-mantle:GetProject",
    "bedrock-mantle:ListProjects",
    "bedrock-mantle:ListTagsForResource",
];

/// The action an Amazon Bedrock API key (a bearer token) needs on bedrock-mantle, on every
/// resource (AWS's managed policy).
pub const MANTLE_BEARER_ACTION: &str = "bedrock-mantle:CallWithBearerToken";

/// One statement of what a route needs: the actions, on the resources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The actions.
    pub actions: Vec<&'static str>,
    /// The resources, in the order a policy lists them.
    pub resources: Vec<String>,
    /// What the grant is for, in a few words.
    pub purpose: &'static str,
}

/// What calling `option` of `workload` needs allowed, keyed by its endpoint: bedrock-runtime
/// routes the invoke actions on the route's profile and model ARNs ([`invoke_resources`]);
/// a route served by bedrock-mantle the mantle inference actions on the source Region's
/// projects, and the bearer-token action for API keys (AWS's managed policy
/// `AmazonBedrockMantleInferenceAccess`). Every view (the comparison's setup row, the report,
/// the slides, the identity policy) renders these, so they cannot disagree. ARNs carry the
/// account placeholder.
pub fn option_permissions(workload: &Workload<'_>, option: &OptionEval) -> Vec<Grant> {
    if option.endpoint == Some(Endpoint::Mantle) {
        let source = workload.source();
        return vec![
            Grant {
                actions: MANTLE_ACTIONS.to_vec(),
                resources: vec![format!(
                    "arn:{}:bedrock-mantle:{}:{ACCOUNT}:project/*",
                    partition(source),
                    source.code
                )],
                purpose: "inference on bedrock-mantle",
            },
            Grant {
                actions: vec![MANTLE_BEARER_ACTION],
                resources: vec!["*".to_owned()],
                purpose: "calls with an Amazon Bedrock API key",
            },
        ];
    }
    vec![Grant {
        actions: INVOKE_ACTIONS.to_vec(),
        resources: option_resources(workload, option),
        purpose: "inference on bedrock-runtime",
    }]
}

/// The grants as lines for a table cell: `Allow bedrock:InvokeModel, … on:` then each resource.
pub fn grant_lines(grants: &[Grant]) -> Vec<String> {
    let mut lines = Vec::new();
    for g in grants {
        lines.push(format!("Allow {} on:", g.actions.join(", ")));
        lines.extend(g.resources.iter().cloned());
    }
    lines
}
