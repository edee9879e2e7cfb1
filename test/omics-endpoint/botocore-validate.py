"""Validates a StartRunBatch body (a JSON file) with botocore's own ParamValidator against the
committed AWS model file; prints `valid` or the report. The endpoint must be stricter than this."""
import json
import os
import sys

from botocore.model import ServiceModel
from botocore.validate import ParamValidator

MODEL = os.path.join(os.path.dirname(__file__), "..", "..", "packages", "model", "aws", "omics-batch.botocore-1.43.107.json")

model = ServiceModel(json.load(open(MODEL)))
shape = model.operation_model("StartRunBatch").input_shape
report = ParamValidator().validate(json.load(open(sys.argv[1])), shape)
print(report.generate_report() if report.has_errors() else "valid")
