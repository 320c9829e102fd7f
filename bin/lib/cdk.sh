# Sourced by the bin/ scripts: installs the Node tools pinned in package.json (once: the CDK CLI, and the IAM policy
# simulator local mode evaluates every call with) and defines cdk_cli.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: the CDK CLI needs Node.js 20 or newer with npm, and node is not on PATH: install Node.js (e.g. 'apt-get install nodejs npm')." >&2
  exit 3
fi
if [ ! -x node_modules/.bin/cdk ] || [ ! -f node_modules/@cloud-copilot/iam-simulate/package.json ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing the pinned Node tools: the CDK CLI and the IAM policy simulator (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
# jsii prints a banner on Node 20, which is past its end of life but works.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
cdk_cli() { node_modules/.bin/cdk "$@"; }
