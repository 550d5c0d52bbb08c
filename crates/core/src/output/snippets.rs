//! Code that calls one option with the right ID, Region and endpoint: the AWS CLI, boto3,
//! the JavaScript SDK v3, the Rust SDK and LangChain on bedrock-runtime (Converse); the OpenAI
//! SDK with its base URL on bedrock-mantle (AWS: the bedrock-mantle endpoint). And the
//! `aws bedrock create-inference-profile` command that wraps the option in an application
//! inference profile for cost tags, with what that changes in the policy (AWS: create an
//! application inference profile). Plain string templates: the IDs come from the catalog, and
//! user text only enters as a tag value, quoted for the shell.

use crate::catalog::arn::Arns;
use crate::catalog::cite::Cite;
use crate::catalog::schema::Endpoint;
use crate::catalog::tiers::Tier;
use crate::engine::options::{OptionEval, OptionKind};
use crate::output::policy::{identifier, Account};
use crate::plan::Workload;

/// The language of a snippet, for highlighting and the download's file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// A POSIX shell command.
    Shell,
    /// Python 3.
    Python,
    /// JavaScript (ES module).
    JavaScript,
    /// Rust.
    Rust,
}

impl Language {
    /// The file extension of a download.
    pub fn extension(self) -> &'static str {
        match self {
            Language::Shell => "sh",
            Language::Python => "py",
            Language::JavaScript => "mjs",
            Language::Rust => "rs",
        }
    }
}

/// One snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// What it uses, `Python (boto3, Converse)`.
    pub title: &'static str,
    /// Its language.
    pub language: Language,
    /// The code.
    pub code: String,
}

/// A string literal for Python, JavaScript and Rust (JSON's escapes are valid in all three for
/// the characters catalog IDs use).
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A single-quoted shell word.
pub fn shell_word(value: &str) -> String {
    format!("'{}'", value.replace('\'', "'\\''"))
}

const PROMPT: &str = "Hello";

/// The Converse request's `serviceTier` in each SDK's spelling, for a tier a request names
/// (`None`: Standard, the default, needs none): AWS CLI, Python, JavaScript, Rust.
struct TierArgs {
    cli: String,
    python: String,
    javascript: String,
    rust: String,
    rust_types: &'static str,
}

impl TierArgs {
    fn of(tier: Option<Tier>) -> TierArgs {
        let Some(value) = tier.and_then(Tier::request_value) else {
            return TierArgs {
                cli: String::new(),
                python: String::new(),
                javascript: String::new(),
                rust: String::new(),
                rust_types: "",
            };
        };
        let variant = tier.map_or("", Tier::name);
        TierArgs {
            cli: format!(" \\\n  --service-tier '{{\"type\": \"{value}\"}}'"),
            python: format!("    serviceTier={{\"type\": \"{value}\"}},\n"),
            javascript: format!("    serviceTier: {{ type: \"{value}\" }},\n"),
            rust: format!("        .service_tier(ServiceTier::builder().r#type(ServiceTierType::{variant}).build()?)\n"),
            rust_types: ", ServiceTier, ServiceTierType",
        }
    }
}

fn runtime(id: &str, region: &str, tier: Option<Tier>) -> Vec<Snippet> {
    let (qid, qregion, qprompt) = (quoted(id), quoted(region), quoted(PROMPT));
    let TierArgs {
        cli,
        python,
        javascript,
        rust,
        rust_types,
    } = TierArgs::of(tier);
    let mut list = vec![
        Snippet {
            title: "AWS CLI (bedrock-runtime converse)",
            language: Language::Shell,
            code: format!(
                "aws bedrock-runtime converse \\\n  --region {} \\\n  --model-id {} \\\n  --messages '[{{\"role\": \"user\", \"content\": [{{\"text\": \"{PROMPT}\"}}]}}]'{cli}\n",
                shell_word(region),
                shell_word(id),
            ),
        },
        Snippet {
            title: "Python (boto3, Converse)",
            language: Language::Python,
            code: format!(
                "import boto3\n\nclient = boto3.client(\"bedrock-runtime\", region_name={qregion})\nresponse = client.converse(\n    modelId={qid},\n    messages=[{{\"role\": \"user\", \"content\": [{{\"text\": {qprompt}}}]}}],\n{python})\nprint(response[\"output\"][\"message\"][\"content\"][0][\"text\"])\n"
            ),
        },
        Snippet {
            title: "JavaScript (AWS SDK v3, ConverseCommand)",
            language: Language::JavaScript,
            code: format!(
                "import {{ BedrockRuntimeClient, ConverseCommand }} from \"@aws-sdk/client-bedrock-runtime\";\n\nconst client = new BedrockRuntimeClient({{ region: {qregion} }});\nconst response = await client.send(\n  new ConverseCommand({{\n    modelId: {qid},\n    messages: [{{ role: \"user\", content: [{{ text: {qprompt} }}] }}],\n{javascript}  }}),\n);\nconsole.log(response.output?.message?.content?.[0]?.text);\n"
            ),
        },
        Snippet {
            title: "Rust (aws-sdk-bedrockruntime, Converse)",
            language: Language::Rust,
            code: format!(
                "use aws_config::{{BehaviorVersion, Region}};\nuse aws_sdk_bedrockruntime::types::{{ContentBlock, ConversationRole, Message{rust_types}}};\n\n#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    let config = aws_config::defaults(BehaviorVersion::latest())\n        .region(Region::new({qregion}))\n        .load()\n        .await;\n    let client = aws_sdk_bedrockruntime::Client::new(&config);\n    let message = Message::builder()\n        .role(ConversationRole::User)\n        .content(ContentBlock::Text({qprompt}.to_string()))\n        .build()?;\n    let response = client\n        .converse()\n        .model_id({qid})\n        .messages(message)\n{rust}        .send()\n        .await?;\n    println!(\"{{:?}}\", response.output());\n    Ok(())\n}}\n"
            ),
        },
    ];
    // LangChain's ChatBedrockConverse takes no service tier: offered for Standard only.
    if tier.and_then(Tier::request_value).is_none() {
        list.push(Snippet {
            title: "Python (LangChain, ChatBedrockConverse)",
            language: Language::Python,
            code: format!(
                "from langchain_aws import ChatBedrockConverse\n\nllm = ChatBedrockConverse(model={qid}, region_name={qregion})\nprint(llm.invoke({qprompt}).content)\n"
            ),
        });
    }
    list
}

/// A batch job over `id` from `region` (AWS: batch inference): the records in S3, the role
/// Bedrock assumes to read and write them, and the command that starts the job.
fn batch(workload: &Workload<'_>, id: &str, region: &str) -> Vec<Snippet> {
    let name = identifier(workload.name(), "-", "workload");
    let job: String = format!("{name}-batch").chars().take(63).collect();
    let role = "arn:aws:iam::<account-id>:role/<batch-inference-role>";
    let (input, output) = ("s3://<bucket>/input/", "s3://<bucket>/output/");
    let (qid, qregion, qjob, qrole, qin, qout) = (
        quoted(id),
        quoted(region),
        quoted(&job),
        quoted(role),
        quoted(input),
        quoted(output),
    );
    vec![
        Snippet {
            title: "AWS CLI (bedrock create-model-invocation-job)",
            language: Language::Shell,
            code: format!(
                "# Each line of the input's .jsonl files is one record: {{\"recordId\": ..., \"modelInput\": {{...}}}}.\n# A job needs at least 100 records; its results come within 24 hours.\naws bedrock create-model-invocation-job \\\n  --region {} \\\n  --job-name {} \\\n  --role-arn {} \\\n  --model-id {} \\\n  --input-data-config '{{\"s3InputDataConfig\": {{\"s3Uri\": \"{input}\"}}}}' \\\n  --output-data-config '{{\"s3OutputDataConfig\": {{\"s3Uri\": \"{output}\"}}}}'\n",
                shell_word(region),
                shell_word(&job),
                shell_word(role),
                shell_word(id),
            ),
        },
        Snippet {
            title: "Python (boto3, create_model_invocation_job)",
            language: Language::Python,
            code: format!(
                "import boto3\n\n# At least 100 records a job; results within 24 hours.\nclient = boto3.client(\"bedrock\", region_name={qregion})\nresponse = client.create_model_invocation_job(\n    jobName={qjob},\n    roleArn={qrole},\n    modelId={qid},\n    inputDataConfig={{\"s3InputDataConfig\": {{\"s3Uri\": {qin}}}}},\n    outputDataConfig={{\"s3OutputDataConfig\": {{\"s3Uri\": {qout}}}}},\n)\nprint(response[\"jobArn\"])\n"
            ),
        },
    ]
}

/// The bedrock-mantle base URL for OpenAI SDKs in `region`.
pub fn mantle_base_url(region: &str) -> String {
    format!("https://bedrock-mantle.{region}.api.aws/v1")
}

fn mantle(id: &str, region: &str, tier: Option<Tier>) -> Vec<Snippet> {
    let (qid, qurl, qprompt) = (quoted(id), quoted(&mantle_base_url(region)), quoted(PROMPT));
    // The OpenAI SDKs take the tier as a string.
    let (python, javascript) = match tier.and_then(Tier::request_value) {
        Some(value) => (
            format!("    service_tier=\"{value}\",\n"),
            format!("  service_tier: \"{value}\",\n"),
        ),
        None => (String::new(), String::new()),
    };
    vec![
        Snippet {
            title: "Python (OpenAI SDK on bedrock-mantle)",
            language: Language::Python,
            code: format!(
                "import os\n\nfrom openai import OpenAI\n\n# An Amazon Bedrock API key; bedrock-mantle takes the model ID, never a profile ID.\nclient = OpenAI(base_url={qurl}, api_key=os.environ[\"OPENAI_API_KEY\"])\nresponse = client.chat.completions.create(\n    model={qid},\n    messages=[{{\"role\": \"user\", \"content\": {qprompt}}}],\n{python})\nprint(response.choices[0].message.content)\n"
            ),
        },
        Snippet {
            title: "JavaScript (OpenAI SDK on bedrock-mantle)",
            language: Language::JavaScript,
            code: format!(
                "import OpenAI from \"openai\";\n\n// An Amazon Bedrock API key; bedrock-mantle takes the model ID, never a profile ID.\nconst client = new OpenAI({{ baseURL: {qurl}, apiKey: process.env.OPENAI_API_KEY }});\nconst response = await client.chat.completions.create({{\n  model: {qid},\n  messages: [{{ role: \"user\", content: {qprompt} }}],\n{javascript}}});\nconsole.log(response.choices[0].message.content);\n"
            ),
        },
    ]
}

/// The snippets that call `option` of `workload` at `tier` (the recommended tier when the
/// option is the recommended one; `None` or Standard: no tier named): batch jobs get the job
/// command instead of a call.
pub fn snippets(workload: &Workload<'_>, option: &OptionEval, tier: Option<Tier>) -> Vec<Snippet> {
    let region = workload.source().code.as_str();
    let Some(id) = option.call_id() else {
        return Vec::new();
    };
    match (tier, option.endpoint) {
        (Some(Tier::Batch), _) => batch(workload, id, region),
        (_, Some(Endpoint::Mantle)) => mantle(id, region, tier),
        _ => runtime(id, region, tier),
    }
}

/// An application inference profile over an option: the command, its ARN, and what changes in
/// the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationProfile {
    /// The `aws bedrock create-inference-profile` command.
    pub command: String,
    /// The new profile's ARN (its ID is in the command's output).
    pub arn: String,
    /// What to change in the identity policy.
    pub policy_change: String,
    /// The pages this follows.
    pub cites: Vec<Cite>,
}

/// The application profile that copies `option` (a system profile, or the model in the source
/// Region for in-Region), tagged with the workload's name; an error in plain words for options
/// that cannot be copied (Provisioned Throughput, bedrock-mantle, not offered).
pub fn application_profile(
    workload: &Workload<'_>,
    option: &OptionEval,
    account: &Account,
) -> Result<ApplicationProfile, String> {
    let source = workload.source();
    let arns = Arns::new(source, account.as_str());
    let model = &workload.model().id;
    let copy_from = match (option.kind, option.endpoint) {
        _ if !option.eligibility.is_offered() || option.call_id().is_none() => {
            return Err(format!("{} is not offered here, so there is nothing to copy", option.label()))
        }
        (OptionKind::Provisioned, _) => {
            return Err("An application inference profile copies a system profile or a foundation model, not Provisioned Throughput: tag the provisioned model instead".to_owned())
        }
        (_, Some(Endpoint::Mantle)) => {
            return Err("Application inference profiles are called on bedrock-runtime; this option is served by bedrock-mantle only, which takes no profile".to_owned())
        }
        (OptionKind::InRegion, _) => arns.foundation_model(source.code.as_str(), model),
        (OptionKind::Global | OptionKind::Geographic, _) => arns.profile(option.call_id().unwrap_or_default()),
    };
    let name = identifier(workload.name(), "-", "workload");
    let name: String = name.chars().take(64).collect();
    let tag: String = workload
        .name()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(256)
        .collect();
    let tags = serde_json::json!([
        {"key": "workload", "value": tag},
        {"key": "cost-center", "value": "<cost-center>"},
    ])
    .to_string();
    let command = format!(
        "aws bedrock create-inference-profile \\\n  --region {} \\\n  --inference-profile-name {} \\\n  --description {} \\\n  --model-source {} \\\n  --tags {}\n",
        shell_word(source.code.as_str()),
        shell_word(&name),
        shell_word(&format!("{} through {}", option.label(), option.call_id().unwrap_or_default())),
        shell_word(&format!("copyFrom={copy_from}")),
        shell_word(&tags),
    );
    let arn = arns.application_profile();
    let policy_change = match option.kind {
        OptionKind::InRegion => format!("Call the application profile's ARN instead of {}: allow bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on {arn} as well as on the model ARN the policy already lists.", option.call_id().unwrap_or_default()),
        _ => format!("Call the application profile's ARN instead of {}: add {arn} to the Resource of the statement that allows the system profile; the model statements stay as they are.", option.call_id().unwrap_or_default()),
    };
    Ok(ApplicationProfile {
        command,
        arn,
        policy_change,
        cites: vec![Cite::ApplicationProfiles, Cite::InferencePermissions],
    })
}
