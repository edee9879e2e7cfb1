"""The sandbox driven by botocore's own clients (its serializer and SigV4 signer): the flow the
shipped executable runs, as a Python user of boto3 would. Prints one JSON document of results.

Usage: python3 botocore-flow.py ENDPOINT REQUEST.json SETTINGS.json
REQUEST.json is a `batchc compile -o` request whose runs are in SETTINGS.json (`--settings-out`).
"""
import json
import sys

import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, request_file, settings_file = sys.argv[1:4]
session = botocore.session.get_session()
common = dict(region_name="us-east-1", endpoint_url=endpoint, aws_access_key_id="AKIDSANDBOX", aws_secret_access_key="sandbox-secret")
omics = session.create_client("omics", config=Config(inject_host_prefix=False, retries={"max_attempts": 1}), **common)
s3 = session.create_client("s3", config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}), **common)
out = {}


def error_code(call):
    try:
        call()
        return None
    except ClientError as err:
        return err.response["Error"]["Code"]


def wait(batch_id):
    statuses = []
    while not statuses or statuses[-1] not in ("PROCESSED", "FAILED", "CANCELLED", "RUNS_DELETED"):
        statuses.append(omics.get_batch(batchId=batch_id)["status"])
    return statuses


def runs(batch_id, **filters):
    found, token = [], None
    while True:
        page = omics.list_runs_in_batch(batchId=batch_id, **filters, **({"startingToken": token} if token else {}))
        found += page.get("runs", [])
        token = page.get("nextToken")
        if not token:
            return found


request = json.load(open(request_file))
body = open(settings_file, "rb").read()
bucket, key = request["batchRunSettings"]["s3UriSettings"][len("s3://"):].split("/", 1)
s3.put_object(Bucket=bucket, Key=key, Body=body, IfNoneMatch="*")
out["putAgain"] = error_code(lambda: s3.put_object(Bucket=bucket, Key=key, Body=b"[]", IfNoneMatch="*"))
out["listed"] = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]

started = omics.start_run_batch(**request)
out["repeatSameId"] = omics.start_run_batch(**request)["id"] == started["id"]
out["statuses"] = wait(started["id"])
failed = runs(started["id"], submissionStatus="FAILED")
out["failed"] = sorted(r["runSettingId"] for r in failed)
out["reasons"] = sorted({r["submissionFailureReason"] for r in failed})

settings = {s["runSettingId"]: s for s in json.loads(body)}
again = dict(request, requestId="botocore-resubmit", batchRunSettings={"inlineSettings": [settings[i] for i in out["failed"]]})
resubmitted = omics.start_run_batch(**again)
out["resubmitStatuses"] = wait(resubmitted["id"])[-1:]
out["resubmitted"] = sorted((r["runSettingId"], r["submissionStatus"]) for r in runs(resubmitted["id"]))

to_cancel = omics.start_run_batch(**dict(again, requestId="botocore-cancel"))
omics.get_batch(batchId=to_cancel["id"])
omics.cancel_run_batch(batchId=to_cancel["id"])
out["cancelled"] = wait(to_cancel["id"])[-1]

omics.delete_run_batch(batchId=resubmitted["id"])
out["runsDeleted"] = wait(resubmitted["id"])[-1]
omics.delete_batch(batchId=resubmitted["id"])
out["afterDelete"] = error_code(lambda: omics.get_batch(batchId=resubmitted["id"]))
out["batches"] = len(omics.list_batch()["items"])
out["badSecret"] = error_code(
    lambda: session.create_client("omics", config=Config(inject_host_prefix=False), **dict(common, aws_secret_access_key="wrong")).list_batch()
)
print(json.dumps(out))
