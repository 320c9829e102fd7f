"""The gate bin/lint-templates runs: cfn-lint over every stack template of a CDK cloud assembly, each for the region
its stack deploys to, failing on every finding the exceptions file does not explain and on every exception line that
explains nothing any more (so the file cannot rot). Standard library only: it runs on the Python cfn-lint needs.

Usage: python3 bin/lib/cfn_lint_gate.py --cdk-out DIR --exceptions FILE
Exit status: 0 clean, 1 unexplained findings or stale exceptions, 2 bad input (assembly, exceptions file, cfn-lint).
"""

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Where an env-agnostic stack is linted: cfn-lint's own default region (the CLI deploys such a stack wherever the
# credentials point, so no region is known).
DEFAULT_REGION = "us-east-1"
RULE_ID = re.compile(r"^[EW][0-9]{4}$")
SEPARATOR = " | "
FORMAT = "'RULE | WHERE | PATH | MESSAGE | WHY'"


class GateError(Exception):
    """Bad input: one sentence for the user, exit status 2."""


class ExceptionLine:
    """One line of the exceptions file: which findings it explains, and why."""

    def __init__(self, file, number, text):
        fields = [field.strip() for field in text.split(SEPARATOR)]
        where = f"{file} line {number}"
        if len(fields) != 5 or not all(fields):
            raise GateError(f"{where} is not {FORMAT} with every field filled in (fields are separated by ' | '): "
                            f"fix or delete it.")
        self.rule, self.where, self.path, message, self.why = fields
        if not RULE_ID.match(self.rule):
            raise GateError(f"{where} names rule '{self.rule}', which is not an error or warning id such as E3002 "
                            f"or W3005 (informational rules are not run): fix the rule id.")
        try:
            self.message = re.compile(message)
        except re.error as e:
            raise GateError(f"{where} has a MESSAGE that is not a valid regular expression ({e}): fix it.")
        self.location = where
        self.key = SEPARATOR.join(fields[:3])
        self.matched = 0

    def explains(self, finding):
        return (finding.rule == self.rule and finding.where == self.where
                and fnmatch.fnmatchcase(finding.path, self.path) and self.message.search(finding.message) is not None)


class Stack:
    def __init__(self, display, template, region):
        self.display = display
        self.template = template
        self.region = region


class Finding:
    """A cfn-lint match, located by what the exceptions file names: resource type (or section) and path below it."""

    def __init__(self, stack, resources, match):
        self.stack = stack
        self.rule = match["Rule"]["Id"]
        self.level = match["Level"]
        self.message = match["Message"]
        self.line = match["Location"]["Start"]["LineNumber"]
        path = [str(part) for part in match["Location"].get("Path") or []]
        resource = resources.get(path[1]) if len(path) >= 2 and path[0] == "Resources" else None
        if isinstance(resource, dict) and isinstance(resource.get("Type"), str):
            self.where = resource["Type"]
            self.subject = f"resource {path[1]} ({self.where})"
        else:
            self.where = "/".join(path[:2]) or "Template"
            self.subject = self.where
        self.path = "/".join(path[2:])

    def describe(self, root):
        at = f" at {self.path}" if self.path else ""
        return (f"{self.rule} in {self.stack.display} ({relative(self.stack.template, root)}), {self.subject}{at}, "
                f"line {self.line}: {self.message}")


def relative(path, root):
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_exceptions(file):
    if not file.is_file():
        raise GateError(f"{file} does not exist: restore it from git, or pass --exceptions with the file to use.")
    exceptions = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if text and not text.startswith("#"):
            exceptions.append(ExceptionLine(file, number, text))
    return exceptions


def read_stacks(assembly):
    """Every stack of the cloud assembly in {assembly} and the assemblies nested in it (CDK Stages)."""
    manifest_file = assembly / "manifest.json"
    if not manifest_file.is_file():
        raise GateError(f"{assembly} holds no manifest.json, so it is not a CDK cloud assembly: synthesize one with "
                        f"'npx cdk synth --output {assembly}', or run bin/lint-templates without --cdk-out.")
    try:
        artifacts = json.loads(manifest_file.read_text(encoding="utf-8")).get("artifacts", {})
    except ValueError as e:
        raise GateError(f"{manifest_file} is not valid JSON ({e}): synthesize the assembly again.")
    stacks = []
    for artifact_id, artifact in artifacts.items():
        properties = artifact.get("properties", {})
        if artifact.get("type") == "aws:cloudformation:stack":
            region = artifact.get("environment", "").rsplit("/", 1)[-1]
            if not region or region == "unknown-region":
                region = DEFAULT_REGION
            stacks.append(Stack(artifact.get("displayName", artifact_id),
                                assembly / required(properties, "templateFile", manifest_file), region))
        elif artifact.get("type") == "cdk:cloud-assembly":
            stacks.extend(read_stacks(assembly / required(properties, "directoryName", manifest_file)))
    return stacks


def required(properties, key, manifest_file):
    value = properties.get(key)
    if not isinstance(value, str) or not value:
        raise GateError(f"{manifest_file} has an artifact without properties.{key}: synthesize the assembly again.")
    return value


def run_cfn_lint(region, templates):
    command = ["cfn-lint", "--config-file", os.devnull, "--format", "json", "--regions", region,
               # Rules stay on even where a template's own cfn-lint metadata would ignore them: this file's
               # exceptions are the only way to accept a finding.
               "--mandatory-checks", "E", "W", "--", *[str(t) for t in templates]]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        matches = json.loads(result.stdout)
    except ValueError:
        problem = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
        raise GateError(f"cfn-lint failed on {len(templates)} templates for {region} without a report ({problem}).")
    return matches


def chunks(templates, count):
    """Splits the templates into {count} lists of similar total size, so parallel cfn-lint runs end together."""
    lists = [[] for _ in range(max(1, min(count, len(templates))))]
    sizes = [0] * len(lists)
    for template in sorted(templates, key=lambda t: t.stat().st_size, reverse=True):
        smallest = sizes.index(min(sizes))
        lists[smallest].append(template)
        sizes[smallest] += template.stat().st_size
    return lists


def lint(stacks, jobs):
    by_template = {stack.template.resolve(): stack for stack in stacks}
    regions = {}
    for stack in stacks:
        regions.setdefault(stack.region, []).append(stack.template.resolve())
    runs = [(region, part) for region, templates in sorted(regions.items()) for part in chunks(templates, jobs)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        reports = list(pool.map(lambda run: run_cfn_lint(*run), runs))
    resources = {}
    findings = []
    for match in (m for report in reports for m in report):
        template = Path(match["Filename"]).resolve()
        if template not in resources:
            try:
                resources[template] = json.loads(template.read_text(encoding="utf-8")).get("Resources") or {}
            except (ValueError, AttributeError):
                resources[template] = {}
        findings.append(Finding(by_template[template], resources[template], match))
    return findings


def main(argv):
    parser = argparse.ArgumentParser(description="cfn-lint over every template of a CDK cloud assembly.")
    parser.add_argument("--cdk-out", required=True, type=Path)
    parser.add_argument("--exceptions", required=True, type=Path)
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    args = parser.parse_args(argv)
    if args.jobs < 1:
        raise GateError(f"--jobs is {args.jobs}: run at least 1 cfn-lint at a time.")
    # Accepted findings, errors and the summary appear in the order they are written, even through a pipe.
    sys.stdout.reconfigure(line_buffering=True)
    root = Path.cwd()
    started = time.monotonic()

    exceptions = read_exceptions(args.exceptions)
    assembly = args.cdk_out.resolve()
    stacks = read_stacks(assembly)
    known = {stack.template.resolve() for stack in stacks}
    for stack in stacks:
        if not stack.template.is_file():
            raise GateError(f"the template of {stack.display}, {relative(stack.template, root)}, is missing: "
                            f"synthesize the assembly again.")
    strays = sorted(t for t in assembly.rglob("*.template.json") if t.resolve() not in known)
    if strays:
        raise GateError(f"{relative(strays[0], root)} is not the template of any stack in the assembly's manifests "
                        f"(a nested stack?), so its region is unknown: teach bin/lib/cfn_lint_gate.py where it deploys.")
    if not stacks:
        raise GateError(f"{relative(assembly, root)} holds no stack templates: synthesize the app into it first.")

    findings = lint(stacks, args.jobs)
    unexplained = []
    for finding in findings:
        explanation = next((e for e in exceptions if e.explains(finding)), None)
        if explanation is None:
            unexplained.append(finding)
        else:
            explanation.matched += 1
    stale = [e for e in exceptions if e.matched == 0]

    for exception in exceptions:
        if exception.matched:
            print(f"    accepted {exception.matched:3d} x {exception.key}")
    for finding in sorted(unexplained, key=lambda f: (f.stack.display, f.line, f.rule)):
        print(f"error: {finding.describe(root)}", file=sys.stderr)
    for exception in stale:
        print(f"error: {exception.location} ({exception.key}) matches no finding any more: delete it.",
              file=sys.stderr)

    accepted = len(findings) - len(unexplained)
    regions = ", ".join(f"{region}: {sum(1 for s in stacks if s.region == region)}"
                        for region in sorted({s.region for s in stacks}))
    errors = sum(1 for f in unexplained if f.level == "Error")
    print(f"cfn-lint {os.environ.get('CFN_LINT_VERSION', '')}".rstrip()
          + f": {len(stacks)} templates checked ({regions}), {errors} errors and {len(unexplained) - errors} "
          f"warnings unexplained, {accepted} findings accepted by {len(exceptions) - len(stale)} exceptions, "
          f"{len(stale)} stale exceptions ({time.monotonic() - started:.1f} s)")
    if unexplained:
        print(f"error: {len(unexplained)} cfn-lint findings are neither fixed nor explained in {args.exceptions}: "
              f"fix the CDK code in infra, or, where cfn-lint is wrong about CloudFormation, add one line with the "
              f"evidence (see the file's header).", file=sys.stderr)
    if stale:
        print(f"error: {len(stale)} lines of {args.exceptions} explain nothing any more: delete them.",
              file=sys.stderr)
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except GateError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
