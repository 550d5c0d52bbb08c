//! The IAM resources a caller needs for each way to call a model, exact to the route: the
//! profile in the source Region and the foundation model in the source and every destination
//! for geographic profiles; the Region-less foundation-model ARN for global ones (AWS:
//! geographic and global cross-Region inference, IAM). Used by the explorer's profile page and
//! by the plan's comparison.

use crate::catalog::arn::{Arns, ACCOUNT};
use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::schema::Region;
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
