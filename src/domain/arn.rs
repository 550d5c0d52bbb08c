//! ARNs: the partition of a Region, the account placeholder, and the ARN of a provisioned model
//! (known only after purchase, so written with placeholders).

use super::schema::{Partition, Region};

/// The placeholder for the caller's account ID in ARNs.
pub const ACCOUNT: &str = "<account-id>";

/// The ARN partition of a Region.
pub fn partition(region: &Region) -> &'static str {
    match region.partition {
        Partition::GovCloud => "aws-us-gov",
        Partition::Commercial => "aws",
    }
}

/// The ARN of a provisioned model bought in `source`.
pub fn provisioned_model(source: &Region) -> String {
    format!(
        "arn:{}:bedrock:{}:{ACCOUNT}:provisioned-model/<provisioned-model-id>",
        partition(source),
        source.code
    )
}
