// The IAM policy evaluator that local mode asks, as a helper process: @cloud-copilot/iam-simulate (AGPL-3.0, a
// development-time tool installed by `npm ci` beside the CDK CLI; never packaged into anything deployed).
// Protocol: one JSON object per line on stdin, {"id": n, "simulations": [Simulation, ...]}; one line per request on
// stdout, {"id": n, "results": [{"result": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied", "denials": [...]}
// | {"error": "..."}]}. A Simulation is iam-simulate's own shape (request, identityPolicies, resourcePolicy).
// Actions that take no resource type (personalize:PutEvents, the List* calls) are evaluated against "*", as AWS
// authorises them; iam-simulate refuses a specific ARN for them.
import { createInterface } from 'node:readline';
import { getDenialReasons, isWildcardOnlyAction, runSimulation } from '@cloud-copilot/iam-simulate';

async function evaluate(simulation) {
  const [service, action] = String(simulation.request.action).split(':');
  const request = structuredClone(simulation.request);
  if (await isWildcardOnlyAction(service, action)) {
    request.resource = { ...request.resource, resource: '*' };
  }
  const outcome = await runSimulation({
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    identityPolicies: [],
    ...simulation,
    request,
  }, { simulationMode: 'Strict' });
  if (outcome.resultType === 'error') {
    return { error: JSON.stringify(outcome.errors) };
  }
  const analysis = outcome.resultType === 'single' ? outcome.result.analysis : outcome.results[0]?.analysis;
  const denials = analysis && outcome.overallResult !== 'Allowed' ? getDenialReasons(analysis) : [];
  return {
    result: outcome.overallResult,
    wildcardOnly: request.resource.resource === '*' && simulation.request.resource.resource !== '*',
    denials: denials.map((d) => ({ policyType: d.policyType, denialType: d.denialType })),
  };
}

// The Java process that started this one decides when it ends: it exits when its stdin closes, which happens when
// Java closes it or exits. A signal to the whole process group (a terminal's Ctrl-C, `timeout`, a service manager)
// must not end it first, since local mode deletes the stage under IAM after that very signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {});
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let id = null;
  try {
    const message = JSON.parse(line);
    id = message.id;
    const results = [];
    for (const simulation of message.simulations) {
      try {
        results.push(await evaluate(simulation));
      } catch (e) {
        results.push({ error: String(e?.message ?? e) });
      }
    }
    process.stdout.write(JSON.stringify({ id, results }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, error: String(e?.message ?? e) }) + '\n');
  }
}
