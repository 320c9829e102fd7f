"""The Amazon Personalize getting-started flow through boto3, against the endpoint given.

Creates a schema, a dataset group, an Interactions dataset and its import job, a solution without auto-training, a
solution version and a campaign; asks the campaign for recommendations; records an event through an event tracker;
tries a create with another access key, and a create and a recommendation with the administrator's key signing with
a wrong secret; then deletes everything in Personalize's order, waiting for each delete. Credentials and region come
from the environment (boto3's default chain), except the other key's and the wrong secret, given as arguments; the
endpoint is boto3's endpoint_url. Prints one JSON object with what it saw, for the caller to check; exits non-zero
on the first unexpected answer.
"""
import argparse
import json
import sys
import time

import boto3
from botocore.exceptions import ClientError

POLL_SECONDS = 0.2
WAIT_SECONDS = 300


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--schema-file", required=True)
    parser.add_argument("--data-location", required=True)
    parser.add_argument("--role-arn", required=True)
    parser.add_argument("--user-id", required=True)
    parser.add_argument("--item-id", required=True)
    parser.add_argument("--unknown-access-key-id", required=True)
    parser.add_argument("--unknown-secret-access-key", required=True)
    parser.add_argument("--wrong-secret-access-key", required=True)
    args = parser.parse_args()

    session = boto3.session.Session()
    personalize = session.client("personalize", endpoint_url=args.endpoint_url)
    runtime = session.client("personalize-runtime", endpoint_url=args.endpoint_url)
    events = session.client("personalize-events", endpoint_url=args.endpoint_url)
    seen = {"region": session.region_name, "statuses": {}, "deleted": []}

    with open(args.schema_file, encoding="utf-8") as f:
        schema_arn = personalize.create_schema(name="flow-interactions", schema=f.read())["schemaArn"]
    group_arn = personalize.create_dataset_group(name="flow-group")["datasetGroupArn"]
    seen["statuses"]["datasetGroup"] = wait_active(
        lambda: personalize.describe_dataset_group(datasetGroupArn=group_arn)["datasetGroup"])
    dataset_arn = personalize.create_dataset(name="flow-interactions", datasetGroupArn=group_arn,
                                             datasetType="Interactions", schemaArn=schema_arn)["datasetArn"]
    seen["statuses"]["dataset"] = wait_active(lambda: personalize.describe_dataset(datasetArn=dataset_arn)["dataset"])
    job_arn = personalize.create_dataset_import_job(
        jobName="flow-import", datasetArn=dataset_arn, dataSource={"dataLocation": args.data_location},
        roleArn=args.role_arn)["datasetImportJobArn"]
    seen["statuses"]["datasetImportJob"] = wait_active(
        lambda: personalize.describe_dataset_import_job(datasetImportJobArn=job_arn)["datasetImportJob"])

    solution_arn = personalize.create_solution(
        name="flow-solution", datasetGroupArn=group_arn, performAutoTraining=False,
        recipeArn="arn:aws:personalize:::recipe/aws-user-personalization-v2")["solutionArn"]
    seen["statuses"]["solution"] = wait_active(
        lambda: personalize.describe_solution(solutionArn=solution_arn)["solution"])
    version_arn = personalize.create_solution_version(solutionArn=solution_arn)["solutionVersionArn"]
    seen["statuses"]["solutionVersion"] = wait_active(
        lambda: personalize.describe_solution_version(solutionVersionArn=version_arn)["solutionVersion"])
    campaign_arn = personalize.create_campaign(name="flow-campaign", solutionVersionArn=version_arn,
                                               minProvisionedTPS=1)["campaignArn"]
    seen["statuses"]["campaign"] = wait_active(
        lambda: personalize.describe_campaign(campaignArn=campaign_arn)["campaign"])

    answer = runtime.get_recommendations(campaignArn=campaign_arn, userId=args.user_id, numResults=10)
    seen["recommendations"] = [item["itemId"] for item in answer["itemList"]]

    tracker = personalize.create_event_tracker(name="flow-tracker", datasetGroupArn=group_arn)
    seen["statuses"]["eventTracker"] = wait_active(
        lambda: personalize.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"])["eventTracker"])
    events.put_events(trackingId=tracker["trackingId"], userId=args.user_id, sessionId="flow-session",
                      eventList=[{"eventType": "Watch", "itemId": args.item_id, "sentAt": time.time()}])
    seen["putEvents"] = "ok"

    # The front end's refusal as boto3 reports it: botocore checks no patterns, so the server is the one to refuse.
    seen["invalidName"] = error_of(lambda: personalize.create_dataset_group(name="not a name"))

    # A key the account never issued, refused as AWS refuses it, before any policy is evaluated.
    stranger = boto3.session.Session(aws_access_key_id=args.unknown_access_key_id,
                                     aws_secret_access_key=args.unknown_secret_access_key,
                                     region_name=session.region_name).client("personalize",
                                                                             endpoint_url=args.endpoint_url)
    seen["unknownKey"] = error_of(lambda: stranger.create_dataset_group(name="flow-stranger"))

    # The administrator's own key signing with a secret that is not its own: the signature does not match.
    forger = boto3.session.Session(aws_access_key_id=session.get_credentials().access_key,
                                   aws_secret_access_key=args.wrong_secret_access_key,
                                   region_name=session.region_name)
    forged = forger.client("personalize", endpoint_url=args.endpoint_url)
    forged_runtime = forger.client("personalize-runtime", endpoint_url=args.endpoint_url)
    seen["wrongSecret"] = error_of(lambda: forged.create_dataset_group(name="flow-forged"))
    seen["wrongSecretRuntime"] = error_of(
        lambda: forged_runtime.get_recommendations(campaignArn=campaign_arn, userId=args.user_id))

    delete(seen, "campaign", lambda: personalize.delete_campaign(campaignArn=campaign_arn),
           lambda: personalize.describe_campaign(campaignArn=campaign_arn))
    delete(seen, "eventTracker", lambda: personalize.delete_event_tracker(eventTrackerArn=tracker["eventTrackerArn"]),
           lambda: personalize.describe_event_tracker(eventTrackerArn=tracker["eventTrackerArn"]))
    delete(seen, "solution", lambda: personalize.delete_solution(solutionArn=solution_arn),
           lambda: personalize.describe_solution(solutionArn=solution_arn))
    delete(seen, "dataset", lambda: personalize.delete_dataset(datasetArn=dataset_arn),
           lambda: personalize.describe_dataset(datasetArn=dataset_arn))
    delete(seen, "datasetGroup", lambda: personalize.delete_dataset_group(datasetGroupArn=group_arn),
           lambda: personalize.describe_dataset_group(datasetGroupArn=group_arn))
    delete(seen, "schema", lambda: personalize.delete_schema(schemaArn=schema_arn),
           lambda: personalize.describe_schema(schemaArn=schema_arn))
    print(json.dumps(seen))


def error_of(call):
    """The error a call ends in, as boto3 reports it; code None if it succeeded."""
    try:
        call()
        return {"code": None}
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


def wait_active(describe):
    """Polls a Describe call until the resource is ACTIVE; any failed state ends the flow."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        resource = describe()
        status = resource["status"]
        if status == "ACTIVE":
            return status
        if status.endswith("FAILED") or time.monotonic() > deadline:
            sys.exit(f"{resource} is {status}: {resource.get('failureReason', 'no reason given')}")
        time.sleep(POLL_SECONDS)


def delete(seen, what, call, describe):
    """Deletes and polls Describe until it answers ResourceNotFoundException."""
    call()
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            describe()
        except ClientError as e:
            if e.response["Error"]["Code"] == "ResourceNotFoundException":
                seen["deleted"].append(what)
                return
            raise
        if time.monotonic() > deadline:
            sys.exit(f"{what} was still there {WAIT_SECONDS} s after its delete")
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main()
