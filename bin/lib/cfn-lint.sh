# Sourced by bin/lint-templates: makes sure the cfn-lint on PATH is the version infra/cfn-lint-requirements.txt pins
# (its rules and bundled schemas change with every release, and the exceptions were reviewed against that one), or
# stops with one sentence saying how to install it. Sets CFN_LINT_VERSION.
cfn_lint_install="python3 -m pip install --requirement infra/cfn-lint-requirements.txt"
CFN_LINT_VERSION=$(sed -n 's/^cfn-lint==\([^ ]*\).*/\1/p' infra/cfn-lint-requirements.txt)
if [ -z "$CFN_LINT_VERSION" ]; then
  echo "error: infra/cfn-lint-requirements.txt pins no cfn-lint version (a line 'cfn-lint==X.Y.Z'): restore it from git." >&2
  exit 3
fi
if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "error: cfn-lint $CFN_LINT_VERSION, the CloudFormation linter, is not on PATH: install it with '$cfn_lint_install' (Python 3.11 or newer)." >&2
  exit 3
fi
cfn_lint_found=$(cfn-lint --version 2>/dev/null | sed -n 's/^cfn-lint \([^ ]*\).*/\1/p')
if [ "$cfn_lint_found" != "$CFN_LINT_VERSION" ]; then
  echo "error: the cfn-lint on PATH ($(command -v cfn-lint)) is version ${cfn_lint_found:-unknown}, but infra/cfn-lint-requirements.txt pins $CFN_LINT_VERSION: install it with '$cfn_lint_install'." >&2
  exit 3
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "error: bin/lint-templates needs Python 3 (for its gate), and python3 is not on PATH: install Python 3.11 or newer (e.g. 'apt-get install python3 python3-pip')." >&2
  exit 3
fi
export CFN_LINT_VERSION
