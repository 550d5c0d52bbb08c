//! The documents a decision cites: AWS documentation pages and sections of the product's own
//! Concepts page. One list, so the engine, the Concepts page and the command line agree.

/// A citable source for a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cite {
    /// AWS: "Increase throughput with cross-Region inference".
    CrossRegionInference,
    /// AWS: "Supported Regions and models for inference profiles".
    ProfilesSupport,
    /// AWS: geographic cross-Region inference (IAM, SCPs, data handling).
    GeographicCris,
    /// AWS: global cross-Region inference (IAM, SCPs, pricing, quotas).
    GlobalCris,
    /// AWS: Provisioned Throughput.
    ProvisionedThroughput,
    /// AWS: purchasing Provisioned Throughput (model units, support request).
    ProvisionedPurchase,
    /// AWS: model support by Region and inference option.
    RegionalAvailability,
    /// AWS: runtime quotas.
    Quotas,
    /// AWS: how tokens are counted against quotas (burndown, max_tokens).
    TokenBurndown,
    /// AWS: the Regions table (opt-in Regions).
    AwsRegions,
    /// AWS: the bedrock-mantle endpoint (OpenAI-compatible APIs).
    Mantle,
    /// AWS: using a customized model (Provisioned Throughput, or a custom model deployment on
    /// demand); cited in `shared/reference/cris-facts.md` (model-customization-use.html).
    Customization,
    /// AWS: making inference requests (the permissions each endpoint needs).
    InferencePermissions,
    /// AWS: creating an application inference profile.
    ApplicationProfiles,
    /// AWS: data retention modes.
    DataRetention,
    /// AWS: abuse detection (which models keep prompts).
    AbuseDetection,
    /// AWS: service tiers (Reserved, Priority, Standard, Flex).
    ServiceTiers,
    /// AWS: supported Regions and models for batch inference.
    BatchInference,
    /// Concepts: source and destination Regions.
    ConceptSourceDestination,
    /// Concepts: the four ways to call a model.
    ConceptOptions,
    /// Concepts: how the residency rule is applied.
    ConceptResidency,
    /// Concepts: how the recommendation is chosen.
    ConceptChoice,
}

impl Cite {
    /// The Concepts sections, in page order.
    pub const CONCEPTS: [Cite; 4] = [
        Cite::ConceptSourceDestination,
        Cite::ConceptOptions,
        Cite::ConceptResidency,
        Cite::ConceptChoice,
    ];

    /// For a Concepts section, its ID (`residency`).
    pub fn concept_id(self) -> Option<&'static str> {
        self.href()
            .strip_prefix("concepts/")
            .map(|rest| rest.trim_end_matches('/'))
    }

    /// Where the source can be read: an absolute URL, or a page of the app relative to its site
    /// root (`concepts/residency/`).
    pub fn href(self) -> &'static str {
        match self {
            Cite::CrossRegionInference => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html"
            }
            Cite::ProfilesSupport => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html"
            }
            Cite::GeographicCris => "https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html",
            Cite::GlobalCris => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html"
            }
            Cite::ProvisionedThroughput => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/prov-throughput.html"
            }
            Cite::ProvisionedPurchase => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/prov-thru-purchase.html"
            }
            Cite::RegionalAvailability => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html"
            }
            Cite::Quotas => "https://docs.aws.amazon.com/bedrock/latest/userguide/quotas-runtime.html",
            Cite::TokenBurndown => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/quotas-token-burndown.html"
            }
            Cite::AwsRegions => {
                "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html"
            }
            Cite::Mantle => "https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-mantle.html",
            Cite::Customization => "https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-use.html",
            Cite::InferencePermissions => "https://docs.aws.amazon.com/bedrock/latest/userguide/inference.html",
            Cite::ApplicationProfiles => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html"
            }
            Cite::DataRetention => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html"
            }
            Cite::AbuseDetection => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/abuse-detection.html"
            }
            Cite::ServiceTiers => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/service-tiers-inference.html"
            }
            Cite::BatchInference => {
                "https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-supported.html"
            }
            Cite::ConceptSourceDestination => "concepts/source-destination/",
            Cite::ConceptOptions => "concepts/options/",
            Cite::ConceptResidency => "concepts/residency/",
            Cite::ConceptChoice => "concepts/choice/",
        }
    }

    /// A short title for link text.
    pub fn title(self) -> &'static str {
        match self {
            Cite::CrossRegionInference => "AWS: cross-Region inference",
            Cite::ProfilesSupport => "AWS: supported Regions and models for inference profiles",
            Cite::GeographicCris => "AWS: geographic cross-Region inference",
            Cite::GlobalCris => "AWS: global cross-Region inference",
            Cite::ProvisionedThroughput => "AWS: Provisioned Throughput",
            Cite::ProvisionedPurchase => "AWS: purchase Provisioned Throughput",
            Cite::RegionalAvailability => "AWS: model support by Region",
            Cite::Quotas => "AWS: Bedrock runtime quotas",
            Cite::TokenBurndown => "AWS: how tokens are counted in Amazon Bedrock",
            Cite::AwsRegions => "AWS: Regions and opt-in",
            Cite::Mantle => "AWS: the bedrock-mantle endpoint",
            Cite::Customization => "AWS: use a customized model",
            Cite::InferencePermissions => "AWS: making inference requests (permissions)",
            Cite::ApplicationProfiles => "AWS: create an application inference profile",
            Cite::DataRetention => "AWS: data retention",
            Cite::AbuseDetection => "AWS: abuse detection",
            Cite::ServiceTiers => "AWS: service tiers",
            Cite::BatchInference => "AWS: Regions and models for batch inference",
            Cite::ConceptSourceDestination => "Concepts: source and destination Regions",
            Cite::ConceptOptions => "Concepts: the four options",
            Cite::ConceptResidency => "Concepts: data residency",
            Cite::ConceptChoice => "Concepts: how the recommendation is chosen",
        }
    }
}
