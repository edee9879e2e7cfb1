"""Validates StartRunBatch requests with botocore's own ParamValidator, against the AWS model
file committed in packages/model/aws (loaded as a botocore ServiceModel).

usage: validate-request.py MODEL.json REQUEST.json [SETTINGS.json]
A settings file (a JSON array) is validated item by item as InlineSetting. Prints each error
report and exits 1 when any is invalid; prints "valid" and exits 0 otherwise."""
import json
import sys

from botocore.model import ServiceModel
from botocore.validate import ParamValidator


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        model = ServiceModel(json.load(f), service_name="omics")
    validator = ParamValidator()
    with open(sys.argv[2], encoding="utf-8") as f:
        request = json.load(f)
    reports = []
    report = validator.validate(request, model.operation_model("StartRunBatch").input_shape)
    if report.has_errors():
        reports.append("request: " + report.generate_report())
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            runs = json.load(f)
        shape = model.shape_for("InlineSetting")
        for i, run in enumerate(runs):
            report = validator.validate(run, shape)
            if report.has_errors():
                reports.append(f"run {i}: " + report.generate_report())
    if reports:
        print("\n".join(reports))
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
