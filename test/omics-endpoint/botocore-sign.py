"""Sends one request to a local HealthOmics endpoint, signed by botocore's own SigV4 signer.

Usage: python3 botocore-sign.py METHOD URL REGION ACCESS_KEY SECRET_KEY [BODY_FILE] [TAMPERED_BODY_FILE]
Prints the HTTP status, a newline, and the reply body. With TAMPERED_BODY_FILE, the request is
signed over BODY_FILE's bytes and sent with TAMPERED_BODY_FILE's.
"""
import sys
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main() -> None:
    method, url, region, access_key, secret_key = sys.argv[1:6]
    body = open(sys.argv[6], "rb").read() if len(sys.argv) > 6 else None
    sent = open(sys.argv[7], "rb").read() if len(sys.argv) > 7 else body
    headers = {"Content-Type": "application/json"} if body is not None else {}
    request = AWSRequest(method=method, url=url, data=body, headers=headers)
    SigV4Auth(Credentials(access_key, secret_key), "omics", region).add_auth(request)
    out = urllib.request.Request(url, data=sent, method=method, headers=dict(request.headers.items()))
    try:
        with urllib.request.urlopen(out) as reply:
            status, text = reply.status, reply.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        status, text = err.code, err.read().decode("utf-8")
    print(status)
    print(text)


main()
