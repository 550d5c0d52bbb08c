//! ARNs: the partition of a Region, the account placeholder, and the ARNs a route names (the
//! profile, the foundation model per Region, the Region-less model of global profiles, a
//! provisioned model, known only after purchase, so written with placeholders).

use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::schema::{Partition, Region};

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
    Arns::new(source, ACCOUNT).provisioned_model()
}

/// The ARNs of Bedrock resources called from one source Region by one account (or
/// [`ACCOUNT`]); the partition is the source's.
pub struct Arns<'a> {
    partition: &'static str,
    source: &'a RegionCode,
    account: &'a str,
}

impl<'a> Arns<'a> {
    /// ARNs for calls from `source` by `account`.
    pub fn new(source: &'a Region, account: &'a str) -> Self {
        Arns {
            partition: partition(source),
            source: &source.code,
            account,
        }
    }

    /// A system-defined inference profile in the source Region.
    pub fn profile(&self, id: &str) -> String {
        let Arns {
            partition: p,
            source,
            account,
        } = self;
        format!("arn:{p}:bedrock:{source}:{account}:inference-profile/{id}")
    }

    /// An application inference profile in the source Region (its ID is known after creation).
    pub fn application_profile(&self) -> String {
        let Arns {
            partition: p,
            source,
            account,
        } = self;
        format!("arn:{p}:bedrock:{source}:{account}:application-inference-profile/<application-profile-id>")
    }

    /// A foundation model in `region` (the account field is empty).
    pub fn foundation_model(&self, region: &str, model: &ModelId) -> String {
        format!(
            "arn:{}:bedrock:{region}::foundation-model/{model}",
            self.partition
        )
    }

    /// The Region-less foundation-model ARN global profiles need.
    pub fn regionless_model(&self, model: &ModelId) -> String {
        self.foundation_model("", model)
    }

    /// A provisioned model bought in the source Region.
    pub fn provisioned_model(&self) -> String {
        let Arns {
            partition: p,
            source,
            account,
        } = self;
        format!("arn:{p}:bedrock:{source}:{account}:provisioned-model/<provisioned-model-id>")
    }
}
