//! The infrastructure templates `atlas policy` writes, checked by the tools their users run:
//! every fixture plan's CloudFormation passes cfn-lint (pinned in tools/requirements-test.txt,
//! installed by `make setup-test` into .tools/python) and its Terraform passes
//! `terraform fmt -check` and `terraform validate` with the AWS provider from a local plugin
//! folder (`TF_PLUGIN_DIR`, else /opt/tf-plugins; nothing is downloaded). A missing tool fails
//! the test with what to install; it never passes silently. Without `--account` the templates
//! take the account from the deployment (`${AWS::AccountId}`, `aws_caller_identity`).
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use cli_support::{atlas, success, temp_dir};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

fn plans() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    list.sort();
    assert!(list.len() >= 5, "{list:?}");
    list
}

fn report(what: &str, out: &Output) -> String {
    format!(
        "{what}:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn cloudformation_templates_pass_cfn_lint() {
    let python = root().join(".tools/python");
    assert!(
        python.join("cfnlint").is_dir(),
        "cfn-lint is not installed in {}: run `make setup-test`",
        python.display()
    );
    let dir = temp_dir("cfn-lint");
    let mut files = Vec::new();
    for plan in plans() {
        let out = atlas(&[
            "policy",
            plan.to_str().unwrap(),
            "--format",
            "cloudformation",
        ]);
        let template = success(&out);
        assert!(!template.contains("<account-id>"), "{template}");
        let file = dir.join(format!(
            "{}.json",
            plan.file_stem().unwrap().to_string_lossy()
        ));
        std::fs::write(&file, template).unwrap();
        files.push(file);
    }
    let lint = Command::new("python3")
        .args([
            "-c",
            "import sys, cfnlint.runner; sys.argv[0] = 'cfn-lint'; cfnlint.runner.main()",
        ])
        .args(&files)
        .env("PYTHONPATH", &python)
        .output()
        .expect("python3 runs");
    assert!(lint.status.success(), "{}", report("cfn-lint", &lint));
}

#[test]
fn terraform_passes_fmt_and_validate() {
    let terraform = Command::new("terraform").arg("version").output();
    assert!(
        terraform.is_ok_and(|o| o.status.success()),
        "terraform is not on PATH: install Terraform 1.x to check the generated Terraform"
    );
    let plugins = std::env::var_os("TF_PLUGIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/tf-plugins"));
    assert!(
        plugins.join("registry.terraform.io/hashicorp/aws").is_dir(),
        "no AWS provider in {}: set TF_PLUGIN_DIR to a plugin folder holding registry.terraform.io/hashicorp/aws",
        plugins.display()
    );
    // One folder, initialised once: each plan's file replaces the last.
    let dir = temp_dir("terraform");
    let run = |args: &[&str]| {
        Command::new("terraform")
            .args(args)
            .current_dir(&dir)
            .env("TF_IN_AUTOMATION", "1")
            .env("CHECKPOINT_DISABLE", "1")
            .output()
            .expect("terraform runs")
    };
    for (i, plan) in plans().iter().enumerate() {
        let out = atlas(&["policy", plan.to_str().unwrap(), "--format", "terraform"]);
        std::fs::write(dir.join("main.tf"), success(&out)).unwrap();
        let fmt = run(&["fmt", "-check", "-diff", "-no-color"]);
        assert!(
            fmt.status.success(),
            "{}",
            report(&format!("{} fmt", plan.display()), &fmt)
        );
        if i == 0 {
            let plugin_dir = format!("-plugin-dir={}", plugins.display());
            let init = run(&[
                "init",
                "-backend=false",
                "-input=false",
                "-no-color",
                &plugin_dir,
            ]);
            assert!(init.status.success(), "{}", report("terraform init", &init));
        }
        let validate = run(&["validate", "-no-color"]);
        assert!(
            validate.status.success(),
            "{}",
            report(&format!("{} validate", plan.display()), &validate)
        );
    }
}
